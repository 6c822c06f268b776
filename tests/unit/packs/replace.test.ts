import { beforeAll, describe, expect, it } from 'vitest';
import { fingerprint, type SigningKey } from '@/lib/packs/keys';
import { FUTURE_TOLERANCE_MS, decideImport, decideResolve, initialTrust, storedPackInfo, type OwnIdentity } from '@/lib/packs/replace';
import type { VerifiedPack } from '@/lib/packs/verify';
import { createSigningKey, signed } from './fixtures';

let maraKey: SigningKey;
let otherKey: SigningKey;
let lucaKey: SigningKey;
beforeAll(async () => {
  [maraKey, otherKey, lucaKey] = await Promise.all([createSigningKey(), createSigningKey(), createSigningKey()]);
});

const NOW = new Date('2025-06-10T00:00:00.000Z');
/** A fan: no creator profile, no key of their own. */
const FAN: OwnIdentity = { handle: null, fingerprint: null };

async function verified(key: SigningKey, issuedAt: string, handle = 'mara.sings'): Promise<VerifiedPack> {
  const pack = await signed(key, { issuedAt, creator: { handle, displayName: handle } });
  return { pack, fingerprint: await fingerprint(key.publicJwk) };
}

describe('decideImport', () => {
  it('trusts the first pack of a creator', async () => {
    const incoming = await verified(maraKey, '2025-06-01T12:00:00.000Z');
    expect(decideImport(incoming, [], NOW, FAN)).toEqual({ action: 'add', replaces: null, status: 'trusted', trusted: null });
  });

  it('keeps packs of different creators side by side, each trusted', async () => {
    const kept = [storedPackInfo(await verified(lucaKey, '2025-06-05T00:00:00.000Z', 'luca_92'))];
    const decision = decideImport(await verified(maraKey, '2025-06-01T12:00:00.000Z'), kept, NOW, FAN);
    expect(decision).toMatchObject({ action: 'add', replaces: null, status: 'trusted' });
  });

  it('replaces the pack of the same key with a newer one', async () => {
    const older = storedPackInfo(await verified(maraKey, '2025-06-01T12:00:00.000Z'));
    const decision = decideImport(await verified(maraKey, '2025-06-01T12:00:00.001Z'), [older], NOW, FAN);
    expect(decision).toEqual({ action: 'replace', replaces: older, status: 'trusted', trusted: null });
  });

  it('follows the key, not the handle: a creator who changed username still replaces their pack', async () => {
    const older = storedPackInfo(await verified(maraKey, '2025-06-01T12:00:00.000Z', 'mara.old'));
    const decision = decideImport(await verified(maraKey, '2025-06-02T00:00:00.000Z', 'mara.new'), [older], NOW, FAN);
    expect(decision).toMatchObject({ action: 'replace', replaces: older, status: 'trusted' });
  });

  it('refuses an older pack of the same key, and the same pack again', async () => {
    const kept = [storedPackInfo(await verified(maraKey, '2025-06-05T09:30:00.000Z'))];
    expect(decideImport(await verified(maraKey, '2025-06-01T12:00:00.000Z'), kept, NOW, FAN)).toEqual({
      action: 'refuse',
      problems: [{ path: ['issuedAt'], message: 'You already have a newer pack from this creator (issued Jun 5, 2025, 9:30 AM UTC)' }],
    });
    expect(decideImport(await verified(maraKey, '2025-06-05T09:30:00.000Z'), kept, NOW, FAN)).toEqual({
      action: 'refuse',
      problems: [{ path: ['issuedAt'], message: 'You already have this pack from this creator (issued Jun 5, 2025, 9:30 AM UTC)' }],
    });
  });

  it('holds a pack claiming a trusted handle with another key apart, whatever its date', async () => {
    const genuine = storedPackInfo(await verified(maraKey, '2025-06-01T12:00:00.000Z'));
    const unrelated = storedPackInfo(await verified(lucaKey, '2025-06-01T12:00:00.000Z', 'luca_92'));
    for (const issuedAt of ['2025-05-01T00:00:00.000Z', '2025-06-09T00:00:00.000Z']) {
      expect(decideImport(await verified(otherKey, issuedAt), [genuine, unrelated], NOW, FAN)).toEqual({
        action: 'add',
        replaces: null,
        status: 'conflict',
        trusted: genuine.fingerprint,
      });
    }
  });

  it('keeps a held key held when it sends a newer pack, and the trusted key trusted', async () => {
    const genuine = storedPackInfo(await verified(maraKey, '2025-06-01T12:00:00.000Z'));
    const claim = storedPackInfo(await verified(otherKey, '2025-06-01T12:00:00.000Z'), 'conflict');
    expect(decideImport(await verified(otherKey, '2025-06-02T00:00:00.000Z'), [genuine, claim], NOW, FAN)).toEqual({
      action: 'replace',
      replaces: claim,
      status: 'conflict',
      trusted: genuine.fingerprint,
    });
    expect(decideImport(await verified(maraKey, '2025-06-02T00:00:00.000Z'), [genuine, claim], NOW, FAN)).toMatchObject({
      action: 'replace',
      status: 'trusted',
    });
  });

  it('holds a held pack apart even once the trusted one is removed, and any new key for that handle too', async () => {
    const claim = storedPackInfo(await verified(otherKey, '2025-06-01T12:00:00.000Z'), 'conflict');
    expect(decideImport(await verified(otherKey, '2025-06-02T00:00:00.000Z'), [claim], NOW, FAN)).toMatchObject({ status: 'conflict', trusted: null });
    expect(decideImport(await verified(maraKey, '2025-06-02T00:00:00.000Z'), [claim], NOW, FAN)).toMatchObject({ status: 'conflict', trusted: null });
  });

  it('holds a trusted key’s pack apart when it moves to a handle another key is trusted for', async () => {
    const genuine = storedPackInfo(await verified(maraKey, '2025-06-01T12:00:00.000Z'));
    const someone = storedPackInfo(await verified(otherKey, '2025-06-01T12:00:00.000Z', 'some.one'));
    expect(decideImport(await verified(otherKey, '2025-06-02T00:00:00.000Z'), [genuine, someone], NOW, FAN)).toEqual({
      action: 'replace',
      replaces: someone,
      status: 'conflict',
      trusted: genuine.fingerprint,
    });
  });

  it('refuses a pack claiming the person’s own handle unless it is signed with their key', async () => {
    const own: OwnIdentity = { handle: 'mara.sings', fingerprint: await fingerprint(maraKey.publicJwk) };
    expect(decideImport(await verified(otherKey, '2025-06-01T12:00:00.000Z'), [], NOW, own)).toEqual({
      action: 'refuse',
      problems: [
        {
          path: ['creator', 'handle'],
          message:
            'This pack claims your own TikTok username (@mara.sings) but is not signed with your key: your badges come from your own roster, so it was not imported',
        },
      ],
    });
    expect(decideImport(await verified(maraKey, '2025-06-01T12:00:00.000Z'), [], NOW, own)).toMatchObject({ action: 'add' });
    expect(decideImport(await verified(otherKey, '2025-06-01T12:00:00.000Z'), [], NOW, { handle: 'mara.sings', fingerprint: null })).toMatchObject({
      action: 'refuse',
    });
  });

  it('refuses a pack dated past tomorrow, which would block its creator’s real updates', async () => {
    const soon = new Date(NOW.getTime() + FUTURE_TOLERANCE_MS).toISOString();
    expect(decideImport(await verified(maraKey, soon), [], NOW, FAN)).toMatchObject({ action: 'add' });
    const later = new Date(NOW.getTime() + FUTURE_TOLERANCE_MS + 1).toISOString();
    expect(decideImport(await verified(maraKey, later), [], NOW, FAN)).toEqual({
      action: 'refuse',
      problems: [
        {
          path: ['issuedAt'],
          message: 'This pack is dated Jun 11, 2025, 12:00 AM UTC, which is in the future: the creator’s clock may be wrong. Ask them for a fresh copy.',
        },
      ],
    });
  });
});

describe('decideResolve', () => {
  it('discards the held pack, or trusts its key and forgets the pack of the key trusted until then', async () => {
    const genuine = storedPackInfo(await verified(maraKey, '2025-06-01T12:00:00.000Z'));
    const claim = storedPackInfo(await verified(otherKey, '2025-06-02T12:00:00.000Z'), 'conflict');
    const luca = storedPackInfo(await verified(lucaKey, '2025-06-02T12:00:00.000Z', 'luca_92'));
    const kept = [genuine, claim, luca];
    expect(decideResolve(claim.fingerprint, 'discard', genuine.fingerprint, kept, FAN)).toEqual({ remove: [claim.fingerprint], trust: null, handle: 'mara.sings' });
    expect(decideResolve(claim.fingerprint, 'trust', genuine.fingerprint, kept, FAN)).toEqual({
      remove: [genuine.fingerprint],
      trust: claim.fingerprint,
      handle: 'mara.sings',
    });
    expect(decideResolve(claim.fingerprint, 'trust', null, [claim, luca], FAN)).toEqual({ remove: [], trust: claim.fingerprint, handle: 'mara.sings' });
  });

  it('refuses a pack that is not held, a view that changed meanwhile, and trusting a claim on the person’s own handle', async () => {
    const genuine = storedPackInfo(await verified(maraKey, '2025-06-01T12:00:00.000Z'));
    const claim = storedPackInfo(await verified(otherKey, '2025-06-02T12:00:00.000Z'), 'conflict');
    const message = (decision: ReturnType<typeof decideResolve>) => ('refuse' in decision ? decision.refuse[0]!.message : 'done');
    expect(message(decideResolve(genuine.fingerprint, 'discard', null, [genuine, claim], FAN))).toBe('This pack is not held apart: there is nothing to choose');
    expect(message(decideResolve(claim.fingerprint, 'trust', null, [genuine, claim], FAN))).toBe(
      'The badge packs of @mara.sings changed meanwhile: look at them again, then choose',
    );
    expect(message(decideResolve(claim.fingerprint, 'trust', genuine.fingerprint, [genuine, claim], { handle: 'mara.sings', fingerprint: null }))).toMatch(
      /^This pack claims your own TikTok username \(@mara\.sings\)/,
    );
    expect(message(decideResolve(claim.fingerprint, 'discard', genuine.fingerprint, [genuine, claim], { handle: 'mara.sings', fingerprint: null }))).toBe('done');
  });
});

describe('initialTrust (packs kept before the trust rule)', () => {
  it('trusts the earliest-imported key per handle, holds the rest and own-handle claims apart', () => {
    const rows = [
      { fingerprint: 'b', creatorHandle: 'mara.sings', importedAt: 20 },
      { fingerprint: 'a', creatorHandle: 'mara.sings', importedAt: 10 },
      { fingerprint: 'c', creatorHandle: 'mara.sings', importedAt: 30 },
      { fingerprint: 'k', creatorHandle: 'kai.cooks', importedAt: 40 },
      { fingerprint: 'x', creatorHandle: 'me.creator', importedAt: 1 },
      { fingerprint: 'mine', creatorHandle: 'me.creator', importedAt: 2 },
      { fingerprint: 'broken', creatorHandle: 7, importedAt: 0 },
      { fingerprint: 'undated', creatorHandle: 'zed.live', importedAt: 'yesterday' },
    ];
    expect(Object.fromEntries(initialTrust(rows, { handle: 'me.creator', fingerprint: 'mine' }))).toEqual({
      a: 'trusted',
      b: 'conflict',
      c: 'conflict',
      k: 'trusted',
      x: 'conflict',
      mine: 'trusted',
      broken: 'conflict',
      undated: 'trusted',
    });
  });
});
