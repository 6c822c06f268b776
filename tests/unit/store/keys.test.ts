// The creator's signing key through the background (lib/store/key-store.ts, data-summary.ts): what
// "Delete all data" counts and keeps, the encrypted backup and its restore, and keys made before
// backups existed. Each backup or restore derives a key from the passphrase (600,000 iterations).
import { describe, expect, it } from 'vitest';
import { createHandler } from '@/lib/background/pages-handler';
import { dataSummarySchema, keyBackupFileSchema, keyRestoreAnswerSchema, type DataSummary } from '@/lib/protocol/key-answers';
import { exportedFileSchema, type Response } from '@/lib/protocol/schemas';
import { ECDSA_P256, fingerprint, publicJwkOf } from '@/lib/packs/keys';
import { verifyPack } from '@/lib/packs/verify';
import { TierkitDb } from '@/lib/store/db';
import { profile, tier } from '../domain/fixtures';

const NOW = Date.UTC(2026, 5, 1, 12);
const PASSPHRASE = 'four words nobody guesses';

function setup() {
  const db = new TierkitDb(`keys-${crypto.randomUUID()}`);
  let n = 0;
  const handler = createHandler({ db, publish: async () => undefined, browserLanguage: () => 'en-US', now: () => NOW, newId: () => `id-${++n}` });
  async function must(message: unknown): Promise<unknown> {
    const answer = await handler.handle(message);
    if (!answer.ok) throw new Error(JSON.stringify(answer.problems));
    return answer.data;
  }
  const problems = async (message: unknown) => {
    const answer: Response = await handler.handle(message);
    if (answer.ok) throw new Error('accepted');
    return answer.problems.map((p) => p.message);
  };
  const summary = async (): Promise<DataSummary> => dataSummarySchema.parse(await must({ type: 'data.summary' }));
  /** The fingerprint the creator's pack is signed with now (the key is made by the first export). */
  const packSigner = async () => {
    const file = exportedFileSchema.parse(await must({ type: 'pack.export' }));
    const verified = await verifyPack(file.text);
    return verified.ok ? verified.fingerprint : null;
  };
  const backup = async (passphrase = PASSPHRASE) => keyBackupFileSchema.parse(await must({ type: 'key.backup', passphrase }));
  const restore = async (text: string, apply: false | { replaces: string | null }, passphrase = PASSPHRASE) =>
    keyRestoreAnswerSchema.parse(
      await must({ type: 'key.restore', text, passphrase, apply: apply !== false, replaces: apply ? apply.replaces : null }),
    );
  return { db, handler, must, problems, summary, packSigner, backup, restore };
}

async function seededCreator() {
  const t = setup();
  await t.db.singletons.put({ key: 'profile', value: profile });
  await t.db.tiers.put(tier({ id: 'gold', name: 'Gold', status: 'active', badge: { label: 'GLD', color: '#ffcc00' } }));
  await t.must({ type: 'roster.save', subscriber: { handle: 'luca_92', tierId: 'gold', since: '2025-01-10' } });
  return t;
}

describe('what Delete all data counts', () => {
  it('counts subscribers, imported packs, days of recorded numbers and logged posts, and shows the key', async () => {
    const t = await seededCreator();
    await t.must({ type: 'roster.save', subscriber: { handle: 'anna.b', tierId: 'gold', since: '2025-02-10' } });
    await t.must({ type: 'posts.add', date: '2026-05-01', title: 'Q&A' });
    await t.db.dailyStats.bulkPut([
      { handle: profile.handle, date: '2026-05-01', videoViews: 10, followers: 100, importedAt: NOW },
      { handle: profile.handle, date: '2026-05-02', videoViews: 10, followers: 100, importedAt: NOW },
    ]);
    // A capture on a day that also has Studio figures counts once.
    await t.db.statSnapshots.put({ handle: profile.handle, day: '2026-05-02', capturedAt: NOW, followers: 100, source: 'manual', precise: true });
    const other = setup();
    await other.db.singletons.put({ key: 'profile', value: { ...profile, handle: 'other.creator' } });
    await other.db.tiers.put(tier({ id: 'fan', name: 'Fan', status: 'active' }));
    const pack = exportedFileSchema.parse(await other.must({ type: 'pack.export' }));
    await t.must({ type: 'pack.import', fileName: 'other.json', text: pack.text });

    expect(await t.summary()).toEqual({ subscribers: 2, packs: 1, posts: 1, statDays: 2, signingKey: null });
    const signer = await t.packSigner();
    expect(await t.summary()).toMatchObject({ signingKey: { fingerprint: signer, createdAt: NOW, backupable: true } });
  });
});

describe('Delete all data and the signing key', () => {
  it('keeps the key unless asked to delete it, so the next pack has the same signer', async () => {
    const t = await seededCreator();
    const signer = await t.packSigner();
    await t.must({ type: 'command', command: { type: 'workspace.wipe' } });
    expect(await t.summary()).toEqual({ subscribers: 0, packs: 0, posts: 0, statDays: 0, signingKey: expect.objectContaining({ fingerprint: signer }) });
    await t.must({ type: 'command', command: { type: 'workspace.wipe', deleteSigningKey: false } });
    expect((await t.summary()).signingKey?.fingerprint).toBe(signer);

    await t.db.singletons.put({ key: 'profile', value: profile });
    await t.db.tiers.put(tier({ id: 'gold', name: 'Gold', status: 'active' }));
    expect(await t.packSigner()).toBe(signer);

    await t.must({ type: 'command', command: { type: 'workspace.wipe', deleteSigningKey: true } });
    expect((await t.summary()).signingKey).toBeNull();
    expect(await t.db.keys.count()).toBe(0);
  });
});

describe('backing up and restoring the signing key', { timeout: 120_000 }, () => {
  it('restores a deleted key from its backup after the check, so packs are signed by it again', async () => {
    const t = await seededCreator();
    const signer = (await t.packSigner())!;
    const file = await t.backup();
    expect(file.fileName).toBe(`tierkit-signing-key-${signer.replace(/ /g, '').slice(0, 8)}-2026-06-01.json`);

    await t.must({ type: 'command', command: { type: 'workspace.wipe', deleteSigningKey: true } });
    // Checking it writes nothing, and says what it would replace (nothing).
    expect(await t.restore(file.text, false)).toEqual({
      current: null,
      restored: { fingerprint: signer, createdAt: NOW, backupable: true },
      applied: false,
    });
    expect(await t.db.keys.count()).toBe(0);

    expect(await t.restore(file.text, { replaces: null })).toMatchObject({ applied: true });
    await t.db.singletons.put({ key: 'profile', value: profile });
    await t.db.tiers.put(tier({ id: 'gold', name: 'Gold', status: 'active' }));
    expect(await t.packSigner()).toBe(signer);
    // Restored keys can be backed up again.
    expect((await t.summary()).signingKey).toEqual({ fingerprint: signer, createdAt: NOW, backupable: true });
  });

  it('replaces a different key only when it is still the one the creator saw, and leaves the same key alone', async () => {
    const a = await seededCreator();
    const signerA = (await a.packSigner())!;
    const fileA = await a.backup();
    const b = await seededCreator();
    const signerB = (await b.packSigner())!;

    // The key changed after the check (another window): nothing is written.
    expect(await b.problems({ type: 'key.restore', text: fileA.text, passphrase: PASSPHRASE, apply: true, replaces: 'ffff ffff ffff ffff ffff ffff ffff ffff' })).toEqual([
      'Your signing key changed after the backup was checked (in another window?). Nothing was changed: check the backup again.',
    ]);
    expect((await b.summary()).signingKey?.fingerprint).toBe(signerB);

    expect(await b.restore(fileA.text, { replaces: signerB })).toMatchObject({
      current: { fingerprint: signerB },
      restored: { fingerprint: signerA },
      applied: true,
    });
    expect(await b.packSigner()).toBe(signerA);
    // The same key again: nothing to do.
    expect(await b.restore(fileA.text, { replaces: signerA })).toMatchObject({ applied: false });
  });

  it('refuses a wrong passphrase and a file that is not a key backup, writing nothing', async () => {
    const t = await seededCreator();
    const signer = await t.packSigner();
    const file = await t.backup();
    expect(await t.problems({ type: 'key.restore', text: file.text, passphrase: 'not the passphrase', apply: true, replaces: signer })).toEqual([
      expect.stringMatching(/^The passphrase is wrong/),
    ]);
    expect(await t.problems({ type: 'key.restore', text: '{"format":"tierkit-backup"}', passphrase: PASSPHRASE, apply: true, replaces: signer })).toEqual([
      expect.stringMatching(/^This file is a Tierkit data backup/),
    ]);
    expect((await t.summary()).signingKey?.fingerprint).toBe(signer);
    expect(await t.problems({ type: 'key.backup', passphrase: 'short' })).toEqual(['Use a passphrase of at least 10 characters']);
  });

  it('says there is nothing to back up before the first key', async () => {
    const t = setup();
    expect(await t.problems({ type: 'key.backup', passphrase: PASSPHRASE })).toEqual([
      'There is no signing key yet: Tierkit creates it the first time you export a badge pack',
    ]);
  });
});

describe('a key made before backups existed (not extractable)', () => {
  /** The key as earlier versions stored it. */
  async function oldKey(db: TierkitDb) {
    const pair = await crypto.subtle.generateKey(ECDSA_P256, false, ['sign', 'verify']);
    const publicJwk = publicJwkOf(await crypto.subtle.exportKey('jwk', pair.publicKey));
    const print = await fingerprint(publicJwk);
    await db.keys.put({ id: 'signing', privateKey: pair.privateKey, publicJwk, fingerprint: print, createdAt: NOW - 1000 });
    return print;
  }

  it('still signs; cannot be backed up, which is said; and can be replaced by a new key that can', async () => {
    const t = await seededCreator();
    const old = await oldKey(t.db);
    expect(await t.packSigner()).toBe(old);
    expect((await t.summary()).signingKey).toEqual({ fingerprint: old, createdAt: NOW - 1000, backupable: false });
    expect(await t.problems({ type: 'key.backup', passphrase: PASSPHRASE })).toEqual([
      expect.stringMatching(/^This key was made by an earlier version of Tierkit, which kept it so that it cannot be copied out of this browser/),
    ]);

    expect(await t.problems({ type: 'key.renew', replaces: 'ffff ffff ffff ffff ffff ffff ffff ffff' })).toEqual([
      expect.stringMatching(/^Your signing key changed/),
    ]);
    const renewed = (await t.must({ type: 'key.renew', replaces: old })) as { fingerprint: string; backupable: boolean };
    expect(renewed).toMatchObject({ createdAt: NOW, backupable: true });
    expect(renewed.fingerprint).not.toBe(old);
    expect(await t.packSigner()).toBe(renewed.fingerprint);
  });
});
