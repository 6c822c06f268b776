// Badge packs in the database (lib/store/pack-store): the creator's own signed pack, and keeping the
// packs imported from others, on fake-indexeddb.
import { describe, expect, it, vi } from 'vitest';
import { backupFileName, createBackup } from '@/lib/domain/backup';
import { emptyWorkspace } from '@/lib/domain/defaults';
import { serializePack, type SigningKey } from '@/lib/packs/keys';
import { verifyPack } from '@/lib/packs/verify';
import type { Subscriber } from '@/lib/roster/schema';
import { TierkitDb } from '@/lib/store/db';
import { exportOwnPack, importPack, listPacks, readPacks, removePack } from '@/lib/store/pack-store';
import { profile, tier } from '../domain/fixtures';
import { createSigningKey, edit, signedText } from '../packs/fixtures';

const NOW = Date.UTC(2026, 5, 1, 12);
const HOUR = 3_600_000;

const newDb = () => new TierkitDb(`test-${crypto.randomUUID()}`);

function subscriber(over: Partial<Subscriber> & { id: string }): Subscriber {
  return {
    creatorHandle: profile.handle,
    tierId: 'gold',
    since: '2025-01-10',
    status: 'active',
    note: '',
    source: 'manual',
    createdAt: NOW - 10 * HOUR,
    updatedAt: NOW - 10 * HOUR,
    ...over,
  };
}

/** The creator of tests/unit/domain/fixtures (mara.sings) with four tiers and a roster. */
async function creatorDb() {
  const db = newDb();
  await db.singletons.put({ key: 'profile', value: profile });
  await db.tiers.bulkPut([
    tier({ id: 'gold', name: 'Gold', position: 1, status: 'active', badge: { label: 'GLD', color: '#ffcc00', emoji: '⭐' }, tenureSteps: [1, 6] }),
    tier({ id: 'fan', name: 'Fan', position: 0, status: 'draft', badge: { label: 'FAN', color: '#3366ff' }, tenureSteps: [1, 3] }),
    tier({ id: 'legacy', name: 'Legacy', position: 2, status: 'archived', badge: { label: 'OLD', color: '#777777' } }),
    tier({ id: 'retired', name: 'Retired', position: 3, status: 'archived', badge: { label: 'RET', color: '#000000' } }),
  ]);
  await db.subscribers.bulkPut([
    subscriber({ id: 's1', handle: 'luca_92', nickname: 'Luca', note: 'SECRET-NOTE pays late', monthsOverride: 40, source: 'csv' }),
    subscriber({ id: 's2', nickname: 'Zoë', tierId: 'fan', since: '2025-03-31', createdAt: NOW - 9 * HOUR }),
    subscriber({ id: 's3', handle: 'old.friend', tierId: 'legacy', since: '2020-02-02', createdAt: NOW - 8 * HOUR }),
    // Lapsed: never in a pack, and their archived tier with them.
    subscriber({ id: 's4', handle: 'gone.away', tierId: 'retired', status: 'lapsed', note: 'SECRET-NOTE moved' }),
    // Another creator's record (a roster under a former handle): not this creator's pack.
    subscriber({ id: 's5', handle: 'someone', creatorHandle: 'other.creator' }),
  ]);
  return db;
}

async function exported(db: TierkitDb, now = NOW) {
  const result = await exportOwnPack(db, now);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

async function imported(db: TierkitDb, text: string, now = NOW, fileName = 'pack.json') {
  const result = await importPack(db, fileName, text, now);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const messages = (result: { ok: boolean; problems?: { message: string }[] }) => (result.ok ? [] : result.problems!.map((p) => p.message));

describe('the signing key in IndexedDB', () => {
  it('survives fake-indexeddb’s structured clone as a non-extractable CryptoKey that still signs', async () => {
    const db = newDb();
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    await db.keys.put({ id: 'signing', privateKey: pair.privateKey, publicJwk: { kty: 'EC', crv: 'P-256', x: '', y: '' }, fingerprint: '', createdAt: NOW });
    const back = (await db.keys.get('signing'))!.privateKey;
    expect(back).toBeInstanceOf(CryptoKey);
    expect(back).not.toBe(pair.privateKey);
    expect([back.type, back.extractable, back.usages]).toEqual(['private', false, ['sign']]);
    await expect(crypto.subtle.exportKey('jwk', back)).rejects.toThrow();
    const data = new TextEncoder().encode('badge');
    const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, back, data);
    expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, pair.publicKey, signature, data)).toBe(true);
  });
});

describe('exporting the creator’s pack', () => {
  it('holds the badges and active subscribers only, never notes, lapsed subscribers or bookkeeping', async () => {
    const db = await creatorDb();
    const file = await exported(db);
    expect(file.fileName).toBe('tierkit-badges-mara.sings-2026-06-01.json');
    expect(file.count).toBe(3);
    expect(file.text).not.toContain('SECRET-NOTE');
    expect(file.text).not.toContain('gone.away');
    expect(file.text).not.toContain('someone');
    for (const field of ['note', 'status', 'source', 'monthsOverride', 'createdAt', 'priceMinor', 'perkIds']) {
      expect(file.text).not.toContain(`"${field}"`);
    }
    const pack = JSON.parse(file.text);
    expect(pack.creator).toEqual({ handle: 'mara.sings', displayName: 'Mara' });
    expect(pack.issuedAt).toBe('2026-06-01T12:00:00.000Z');
    // Position order; the archived tier an active subscriber has is kept, the one only a lapsed one had is not.
    expect(pack.tiers).toEqual([
      { id: 'fan', name: 'Fan', badge: { label: 'FAN', color: '#3366ff' }, tenureSteps: [1, 3] },
      { id: 'gold', name: 'Gold', badge: { label: 'GLD', color: '#ffcc00', emoji: '⭐' }, tenureSteps: [1, 6] },
      { id: 'legacy', name: 'Legacy', badge: { label: 'OLD', color: '#777777' }, tenureSteps: [1, 2, 3, 6, 9, 12, 18, 24, 36] },
    ]);
    expect(pack.subscribers).toEqual([
      { handle: 'luca_92', nickname: 'Luca', tierId: 'gold', since: '2025-01-10' },
      { nickname: 'Zoë', tierId: 'fan', since: '2025-03-31' },
      { handle: 'old.friend', tierId: 'legacy', since: '2020-02-02' },
    ]);
  });

  it('signs with a key made once and kept (extractable, for its encrypted backup); the signature verifies', async () => {
    const db = await creatorDb();
    expect((await listPacks(db)).ownFingerprint).toBeNull();
    const first = await exported(db);
    const verified = await verifyPack(first.text);
    expect(verified.ok).toBe(true);
    const key = (await db.keys.get('signing'))!;
    expect(key.privateKey.extractable).toBe(true);
    expect(key.createdAt).toBe(NOW);
    expect(verified.ok && verified.fingerprint).toBe(key.fingerprint);
    expect((await listPacks(db)).ownFingerprint).toBe(key.fingerprint);

    const later = await exported(db, NOW + HOUR);
    const again = await verifyPack(later.text);
    expect(again.ok && again.fingerprint).toBe(key.fingerprint);
    expect(await db.keys.count()).toBe(1);
  });

  it('makes one key when two exports start together', async () => {
    const db = await creatorDb();
    const [a, b] = await Promise.all([exported(db), exported(db)]);
    const [va, vb] = await Promise.all([verifyPack(a.text), verifyPack(b.text)]);
    expect(va.ok && vb.ok && va.fingerprint === vb.fingerprint).toBe(true);
    expect(va.ok && va.fingerprint).toBe((await db.keys.get('signing'))!.fingerprint);
  });

  it('needs a profile and a tier, and says so', async () => {
    const db = newDb();
    expect(messages(await exportOwnPack(db, NOW))).toEqual([
      'Save your profile first: a badge pack carries your TikTok username and display name',
    ]);
    await db.singletons.put({ key: 'profile', value: profile });
    expect(messages(await exportOwnPack(db, NOW))).toEqual([
      'A badge pack needs at least one tier that is not archived: create a tier first',
    ]);
    await db.tiers.put(tier({ id: 'old', status: 'archived' }));
    expect(messages(await exportOwnPack(db, NOW))).toHaveLength(1);
    expect(await db.keys.count()).toBe(0);
  });

  it('names subscribers left with a tier that was deleted instead of leaving them out', async () => {
    const db = await creatorDb();
    await db.tiers.delete('gold');
    await db.subscribers.put(subscriber({ id: 's6', handle: 'second', createdAt: NOW }));
    expect(messages(await exportOwnPack(db, NOW))).toEqual([
      '2 active subscriber(s) have a tier that no longer exists (id “gold”): give them another tier in Subscribers, or remove them',
    ]);
  });

  it('names the subscriber a signing problem is about', async () => {
    const db = await creatorDb();
    // Two records of one person (the roster store prevents it; data from elsewhere may not).
    await db.subscribers.put(subscriber({ id: 's7', handle: 'luca_92', tierId: 'fan', createdAt: NOW }));
    expect(messages(await exportOwnPack(db, NOW))).toEqual(['Subscriber @luca_92: Subscriber 1 has the same username']);
  });

  it('refuses a roster over the pack’s limit', async () => {
    const db = await creatorDb();
    const rows = Array.from({ length: 100_001 }, (_, i) => subscriber({ id: `bulk-${i}`, handle: `fan_${i}` }));
    await db.subscribers.bulkPut(rows);
    expect(messages(await exportOwnPack(db, NOW))).toEqual(['You have 100,004 active subscribers; a badge pack holds at most 100,000']);
  }, 60_000);

  it('reports a stored key that cannot sign, and keeps it', async () => {
    const db = await creatorDb();
    await db.keys.put({ id: 'signing', privateKey: 'not a key' as never, publicJwk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }, fingerprint: 'f', createdAt: 1 });
    const [message] = messages(await exportOwnPack(db, NOW));
    expect(message).toMatch(/^Tierkit’s signing key can no longer be read/);
    expect((await db.keys.get('signing'))!.privateKey).toBe('not a key');
    expect((await listPacks(db)).ownFingerprint).toBeNull();
  });
});

describe('importing packs', () => {
  let key: SigningKey;
  let otherKey: SigningKey;
  const keys = async () => {
    key ??= await createSigningKey();
    otherKey ??= await createSigningKey();
  };

  it('keeps a pack exported in another browser, and its stored copy still verifies', async () => {
    const creator = await creatorDb();
    const file = await exported(creator);
    const fan = newDb();
    const answer = await imported(fan, file.text, NOW + HOUR, file.fileName);
    const fingerprint = (await creator.keys.get('signing'))!.fingerprint;
    expect(answer).toEqual({
      action: 'add',
      pack: {
        fingerprint,
        creatorHandle: 'mara.sings',
        displayName: 'Mara',
        issuedAt: '2026-06-01T12:00:00.000Z',
        importedAt: NOW + HOUR,
        subscribers: 3,
        tiers: 3,
        warning: null,
      },
    });
    expect(await listPacks(fan)).toEqual({ packs: [answer.pack], ownFingerprint: null, unreadable: [] });
    const [stored] = await fan.packs.toArray();
    expect((await verifyPack(serializePack(stored!.pack))).ok).toBe(true);
    expect((await readPacks(fan)).map((p) => p.pack.subscribers.length)).toEqual([3]);
  });

  it('refuses a tampered, truncated or foreign file, naming it, and writes nothing', async () => {
    await keys();
    const db = newDb();
    const text = await signedText(key);
    const backup = JSON.stringify(createBackup(emptyWorkspace(), new Date(NOW), '0.1.0'));
    const cases: [string, string, RegExp][] = [
      ['tampered.json', edit(text, (json) => (json.subscribers[0].since = '2020-01-01')), /^The signature does not match/],
      ['swapped-key.json', edit(text, (json) => (json.publicKey = JSON.parse(JSON.stringify(otherKey.publicJwk)))), /^The signature does not match/],
      ['truncated.json', text.slice(0, text.length / 2), /^The file is not a complete JSON document/],
      [backupFileName(new Date(NOW)), backup, /^This file is a Tierkit backup, not a badge pack/],
      ['notes.json', '{"hello":"world"}', /^This file is not a Tierkit badge pack/],
    ];
    for (const [fileName, bad, message] of cases) {
      const result = await importPack(db, fileName, bad, NOW);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.problems[0]!.path[0]).toBe(fileName);
      expect(result.problems[0]!.message).toMatch(message);
    }
    expect(await db.packs.count()).toBe(0);
  });

  it('replaces a pack with a newer one signed by the same key, and refuses an older or the same one', async () => {
    await keys();
    const db = newDb();
    const june = await signedText(key, { issuedAt: '2026-06-01T10:00:00.000Z' });
    const may = await signedText(key, { issuedAt: '2026-05-01T10:00:00.000Z' });
    const later = await signedText(key, {
      issuedAt: '2026-06-01T11:00:00.000Z',
      creator: { handle: 'mara.renamed', displayName: 'Mara R' },
      subscribers: [{ handle: 'only.one', tierId: 'fan', since: '2026-01-01' }],
    });
    expect((await imported(db, june)).action).toBe('add');

    for (const text of [may, june]) {
      const refused = await importPack(db, 'old.json', text, NOW);
      expect(refused.ok).toBe(false);
    }
    const older = await importPack(db, 'old.json', may, NOW);
    expect(older.ok ? [] : older.problems.map((p) => p.path)).toEqual([['old.json']]);
    expect(messages(older)[0]).toMatch(/^You already have a newer pack from this creator/);
    expect(messages(await importPack(db, 'same.json', june, NOW))[0]).toMatch(/^You already have this pack from this creator/);

    const replaced = await imported(db, later, NOW + HOUR);
    expect(replaced.action).toBe('replace');
    const list = await listPacks(db);
    expect(list.packs.map((p) => [p.creatorHandle, p.issuedAt, p.subscribers, p.importedAt])).toEqual([
      ['mara.renamed', '2026-06-01T11:00:00.000Z', 1, NOW + HOUR],
    ]);
  });

  it('refuses a pack dated in the future', async () => {
    await keys();
    const db = newDb();
    const text = await signedText(key, { issuedAt: new Date(NOW + 48 * HOUR).toISOString() });
    expect(messages(await importPack(db, 'future.json', text, NOW))[0]).toMatch(/in the future/);
    expect(await db.packs.count()).toBe(0);
  });

  it('keeps packs of different creators side by side', async () => {
    await keys();
    const db = newDb();
    await imported(db, await signedText(key, { creator: { handle: 'zed.live', displayName: 'Zed' } }));
    await imported(db, await signedText(otherKey, { creator: { handle: 'anna.art', displayName: 'Anna' } }));
    const list = await listPacks(db);
    expect(list.packs.map((p) => [p.creatorHandle, p.displayName, p.warning])).toEqual([
      ['anna.art', 'Anna', null],
      ['zed.live', 'Zed', null],
    ]);
    expect((await readPacks(db)).map((p) => p.creatorHandle).sort()).toEqual(['anna.art', 'zed.live']);
  });

  it('keeps a pack claiming a kept creator’s handle under another key, and flags both', async () => {
    await keys();
    const db = newDb();
    const first = await imported(db, await signedText(key));
    const second = await imported(db, await signedText(otherKey, { issuedAt: '2025-06-02T12:00:00.000Z' }));
    expect(second.action).toBe('add');
    expect(second.pack.warning).toContain(first.pack.fingerprint);
    expect(second.pack.warning).toMatch(/^You already have a pack for @mara.sings signed with a different key/);
    const list = await listPacks(db);
    expect(list.packs).toHaveLength(2);
    const warnings = Object.fromEntries(list.packs.map((p) => [p.fingerprint, p.warning]));
    expect(warnings[second.pack.fingerprint]).toContain(first.pack.fingerprint);
    expect(warnings[first.pack.fingerprint]).toContain(second.pack.fingerprint);
  });

  it('removes a pack by its key fingerprint', async () => {
    await keys();
    const db = newDb();
    const a = await imported(db, await signedText(key));
    const b = await imported(db, await signedText(otherKey, { creator: { handle: 'anna.art', displayName: 'Anna' } }));
    expect(await removePack(db, a.pack.fingerprint)).toBe(true);
    expect(await removePack(db, a.pack.fingerprint)).toBe(false);
    expect((await listPacks(db)).packs.map((p) => p.fingerprint)).toEqual([b.pack.fingerprint]);
  });

  it('skips and reports a kept pack that no longer validates, never deleting or overwriting it', async () => {
    await keys();
    const db = newDb();
    const good = await imported(db, await signedText(otherKey, { creator: { handle: 'anna.art', displayName: 'Anna' } }));
    const text = await signedText(key);
    const broken = await imported(db, text);
    await db.packs.update(broken.pack.fingerprint, { 'pack.subscribers.0.since': 'someday' } as never);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    expect((await readPacks(db)).map((p) => p.fingerprint)).toEqual([good.pack.fingerprint]);
    expect(warn).toHaveBeenCalledOnce();
    const list = await listPacks(db);
    expect(list.packs.map((p) => p.fingerprint)).toEqual([good.pack.fingerprint]);
    expect(list.unreadable).toEqual([{ fingerprint: broken.pack.fingerprint, message: expect.stringMatching(/^pack › subscribers › 1 › since: /) }]);

    const newer = await signedText(key, { issuedAt: '2025-07-01T12:00:00.000Z' });
    expect(messages(await importPack(db, 'newer.json', newer, NOW))).toEqual([
      'You already have a pack signed with this key, but it can no longer be read. Remove it from the list of imported packs, then import this file again.',
    ]);
    expect((await db.packs.get(broken.pack.fingerprint))!.pack.subscribers[0]!.since).toBe('someday');

    expect(await removePack(db, broken.pack.fingerprint)).toBe(true);
    expect((await imported(db, newer)).action).toBe('add');
    warn.mockRestore();
  });
});
