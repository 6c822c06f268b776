import { beforeAll, describe, expect, it } from 'vitest';
import { createSigningKey, fingerprint, publicJwkOf, serializePack, signPack, type SigningKey } from '@/lib/packs/keys';
import { MAX_PACK_BYTES, MAX_PACK_SUBSCRIBERS, packFileName, type PackSubscriber } from '@/lib/packs/pack';
import { verifyPack } from '@/lib/packs/verify';
import { content, signed } from './fixtures';

let keyA: SigningKey;
let keyB: SigningKey;
beforeAll(async () => {
  [keyA, keyB] = await Promise.all([createSigningKey(), createSigningKey()]);
});

const sha256Hex = async (text: string) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');

describe('createSigningKey', () => {
  it('makes a P-256 key whose private half can be read out, for its encrypted backup (key-backup.ts)', async () => {
    expect(keyA.privateKey.extractable).toBe(true);
    expect(keyA.privateKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });
    expect(keyA.privateKey.usages).toEqual(['sign']);
    expect(await crypto.subtle.exportKey('jwk', keyA.privateKey)).toMatchObject({ kty: 'EC', crv: 'P-256', x: keyA.publicJwk.x, y: keyA.publicJwk.y });
    expect(Object.keys(keyA.publicJwk).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    expect(keyA.publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect(keyA.publicJwk.x).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('keeps working after a structured clone, as IndexedDB stores it', async () => {
    const stored = structuredClone(keyA);
    expect((await signPack(content(), stored.privateKey, stored.publicJwk)).ok).toBe(true);
  });
});

describe('fingerprint', () => {
  it('is the RFC 7638 thumbprint’s first 16 bytes, in groups of four hex digits', async () => {
    const { x, y } = keyA.publicJwk;
    const thumbprint = await sha256Hex(`{"crv":"P-256","kty":"EC","x":"${x}","y":"${y}"}`);
    const expected = thumbprint.slice(0, 32).match(/.{4}/g)!.join(' ');
    expect(await fingerprint(keyA.publicJwk)).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){7}$/);
  });

  it('ignores extra JWK members and differs between keys', async () => {
    const exported = { ...keyA.publicJwk, key_ops: ['verify'], ext: true } as never;
    expect(await fingerprint(exported)).toBe(await fingerprint(keyA.publicJwk));
    expect(await fingerprint(keyB.publicJwk)).not.toBe(await fingerprint(keyA.publicJwk));
  });
});

describe('signPack', () => {
  it('normalises what it signs: usernames lower case without @, text trimmed', async () => {
    const pack = await signed(keyA, {
      creator: { handle: '@Mara.Sings', displayName: '  Mara ' },
      subscribers: [{ handle: '@Luca_92', nickname: ' Luca ', tierId: 'gold', since: '2024-11-03' }],
    });
    expect(pack.creator).toEqual({ handle: 'mara.sings', displayName: 'Mara' });
    expect(pack.subscribers[0]).toEqual({ handle: 'luca_92', nickname: 'Luca', tierId: 'gold', since: '2024-11-03' });
    expect((await verifyPack(serializePack(pack))).ok).toBe(true);
  });

  it('refuses content a reader would refuse, with paths', async () => {
    const result = await signPack(
      content({ subscribers: [{ handle: 'ok_name', tierId: 'platinum', since: '2024-01-01' }, { tierId: 'fan', since: '2024-01-01' }] }),
      keyA.privateKey,
      keyA.publicJwk,
    );
    expect(result).toEqual({
      ok: false,
      problems: [{ path: ['subscribers', 1, 'handle'], message: 'A subscriber needs a TikTok username or a nickname (or both)' }],
    });
    const unknownTier = await signPack(
      content({ subscribers: [{ handle: 'ok_name', tierId: 'platinum', since: '2024-01-01' }] }),
      keyA.privateKey,
      keyA.publicJwk,
    );
    expect(unknownTier).toEqual({
      ok: false,
      problems: [{ path: ['subscribers', 0, 'tierId'], message: 'There is no tier with the id “platinum” in this pack' }],
    });
  });

  it('never carries private fields, even when the roster hands them over', async () => {
    const roster = { handle: 'luca_92', tierId: 'gold', since: '2024-11-03', note: 'owes me', monthsOverride: 40 };
    const result = await signPack(content({ subscribers: [roster as PackSubscriber] }), keyA.privateKey, keyA.publicJwk);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toEqual({ path: ['subscribers', 0], message: 'Unknown fields: note, monthsOverride' });
  });

  it('refuses a private key that does not belong to the public key', async () => {
    const result = await signPack(content(), keyA.privateKey, keyB.publicJwk);
    expect(result).toEqual({
      ok: false,
      problems: [{ path: [], message: 'The signing key does not belong to the public key given with it, so Tierkit cannot sign the pack' }],
    });
  });

  it('names the file after the creator and the day', async () => {
    expect(packFileName(await signed(keyA))).toBe('tierkit-badges-mara.sings-2025-06-01.json');
  });

  it('signs and verifies 100,000 subscribers within the size limit, and refuses one more', async () => {
    const subscribers = Array.from({ length: MAX_PACK_SUBSCRIBERS }, (_, i) => ({
      handle: `subscriber.number_${String(i).padStart(6, '0')}`,
      nickname: `Nickname ${i} 🌸`,
      tierId: ['fan', 'gold', 'vip'][i % 3]!,
      since: '2024-01-31',
    }));
    const pack = await signed(keyA, { subscribers });
    const text = serializePack(pack);
    expect(text.length).toBeLessThan(MAX_PACK_BYTES / 2);
    const result = await verifyPack(text);
    expect(result.ok && result.pack.subscribers).toHaveLength(MAX_PACK_SUBSCRIBERS);
    const tooMany = await signPack(
      content({ subscribers: [...subscribers, { handle: 'one.more', tierId: 'fan', since: '2024-01-01' }] }),
      keyA.privateKey,
      keyA.publicJwk,
    );
    expect(tooMany).toEqual({ ok: false, problems: [{ path: ['subscribers'], message: 'At most 100000 allowed' }] });
  }, 30_000);

  it('refuses to make a pack larger than a reader accepts', async () => {
    // 30 characters that are each a letter with eight combining marks: the longest nickname allowed.
    const heavy = 'ǎ̸̸̸̸̸̸̸'.repeat(30);
    const subscribers = Array.from({ length: 60_000 }, (_, i) => ({ nickname: `${heavy}`, tierId: `t${'x'.repeat(62)}`, since: '2024-01-31', handle: `h${i}_${'y'.repeat(15)}` }));
    const tiers = [{ id: `t${'x'.repeat(62)}`, name: 'T', badge: { label: 'T', color: '#000000' }, tenureSteps: [1] }];
    const result = await signPack(content({ tiers, subscribers }), keyA.privateKey, keyA.publicJwk);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]!.message).toMatch(/^The badge pack would be \d+(\.\d)? MB; a badge pack is at most 32 MB$/);
  }, 30_000);
});

describe('publicJwkOf', () => {
  it('keeps only the members that define the key', () => {
    expect(publicJwkOf({ kty: 'EC', crv: 'P-256', x: 'X', y: 'Y', d: 'secret', key_ops: ['verify'], ext: true })).toEqual({
      kty: 'EC',
      crv: 'P-256',
      x: 'X',
      y: 'Y',
    });
  });
});
