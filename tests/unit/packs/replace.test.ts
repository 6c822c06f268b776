import { beforeAll, describe, expect, it } from 'vitest';
import { fingerprint, type SigningKey } from '@/lib/packs/keys';
import { FUTURE_TOLERANCE_MS, decideImport, storedPackInfo, type StoredPackInfo } from '@/lib/packs/replace';
import type { VerifiedPack } from '@/lib/packs/verify';
import { createSigningKey, signed } from './fixtures';

let maraKey: SigningKey;
let otherKey: SigningKey;
let lucaKey: SigningKey;
beforeAll(async () => {
  [maraKey, otherKey, lucaKey] = await Promise.all([createSigningKey(), createSigningKey(), createSigningKey()]);
});

const NOW = new Date('2025-06-10T00:00:00.000Z');

async function verified(key: SigningKey, issuedAt: string, handle = 'mara.sings'): Promise<VerifiedPack> {
  const pack = await signed(key, { issuedAt, creator: { handle, displayName: handle } });
  return { pack, fingerprint: await fingerprint(key.publicJwk) };
}

describe('decideImport', () => {
  it('adds the first pack of a creator', async () => {
    const incoming = await verified(maraKey, '2025-06-01T12:00:00.000Z');
    expect(decideImport(incoming, [], NOW)).toEqual({ action: 'add', replaces: null, sameHandleOtherKeys: [], warning: null });
  });

  it('keeps packs of different creators side by side', async () => {
    const kept = [storedPackInfo(await verified(lucaKey, '2025-06-05T00:00:00.000Z', 'luca_92'))];
    const decision = decideImport(await verified(maraKey, '2025-06-01T12:00:00.000Z'), kept, NOW);
    expect(decision).toMatchObject({ action: 'add', replaces: null, sameHandleOtherKeys: [] });
  });

  it('replaces the pack of the same key with a newer one', async () => {
    const older = storedPackInfo(await verified(maraKey, '2025-06-01T12:00:00.000Z'));
    const decision = decideImport(await verified(maraKey, '2025-06-01T12:00:00.001Z'), [older], NOW);
    expect(decision).toEqual({ action: 'replace', replaces: older, sameHandleOtherKeys: [], warning: null });
  });

  it('follows the key, not the handle: a creator who changed username still replaces their pack', async () => {
    const older = storedPackInfo(await verified(maraKey, '2025-06-01T12:00:00.000Z', 'mara.old'));
    const decision = decideImport(await verified(maraKey, '2025-06-02T00:00:00.000Z', 'mara.new'), [older], NOW);
    expect(decision).toMatchObject({ action: 'replace', replaces: older });
  });

  it('refuses an older pack of the same key, and the same pack again', async () => {
    const kept = [storedPackInfo(await verified(maraKey, '2025-06-05T09:30:00.000Z'))];
    expect(decideImport(await verified(maraKey, '2025-06-01T12:00:00.000Z'), kept, NOW)).toEqual({
      action: 'refuse',
      problems: [{ path: ['issuedAt'], message: 'You already have a newer pack from this creator (issued Jun 5, 2025, 9:30 AM UTC)' }],
    });
    expect(decideImport(await verified(maraKey, '2025-06-05T09:30:00.000Z'), kept, NOW)).toEqual({
      action: 'refuse',
      problems: [{ path: ['issuedAt'], message: 'You already have this pack from this creator (issued Jun 5, 2025, 9:30 AM UTC)' }],
    });
  });

  it('keeps a pack claiming the same handle with another key apart, flagged as a possible impersonation', async () => {
    const genuine = storedPackInfo(await verified(maraKey, '2025-06-01T12:00:00.000Z'));
    const unrelated = storedPackInfo(await verified(lucaKey, '2025-06-01T12:00:00.000Z', 'luca_92'));
    // Older than the genuine pack: the date of another key's pack does not matter.
    const claim = await verified(otherKey, '2025-05-01T00:00:00.000Z');
    const decision = decideImport(claim, [genuine, unrelated], NOW);
    expect(decision).toEqual({
      action: 'add',
      replaces: null,
      sameHandleOtherKeys: [genuine.fingerprint],
      warning: `You already have a pack for @mara.sings signed with a different key (${genuine.fingerprint}). One of them may be an impersonation: compare the key fingerprints with the creator before you trust this one.`,
    });
  });

  it('still flags the impersonation when the flagged key sends a newer pack', async () => {
    const genuine = storedPackInfo(await verified(maraKey, '2025-06-01T12:00:00.000Z'));
    const claim = storedPackInfo(await verified(otherKey, '2025-06-01T12:00:00.000Z'));
    const update = await verified(otherKey, '2025-06-02T00:00:00.000Z');
    expect(decideImport(update, [genuine, claim], NOW)).toMatchObject({
      action: 'replace',
      replaces: claim,
      sameHandleOtherKeys: [genuine.fingerprint],
    });
  });

  it('refuses a pack dated past tomorrow, which would block its creator’s real updates', async () => {
    const soon = new Date(NOW.getTime() + FUTURE_TOLERANCE_MS).toISOString();
    expect(decideImport(await verified(maraKey, soon), [], NOW)).toMatchObject({ action: 'add' });
    const later = new Date(NOW.getTime() + FUTURE_TOLERANCE_MS + 1).toISOString();
    expect(decideImport(await verified(maraKey, later), [], NOW)).toEqual({
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
