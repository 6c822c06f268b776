// Badge packs in the database (lib/store/pack-store): the creator's own signed pack, and keeping the
// packs imported from others, on fake-indexeddb.
import { describe, expect, it, vi } from 'vitest';
import { backupFileName, createBackup } from '@/lib/domain/backup';
import { emptyWorkspace } from '@/lib/domain/defaults';
import { createHandler } from '@/lib/background/pages-handler';
import type { PackInfo } from '@/lib/protocol/schemas';
import { fingerprint, serializePack, type SigningKey } from '@/lib/packs/keys';
import { FUTURE_TOLERANCE_MS } from '@/lib/packs/replace';
import { verifyPack } from '@/lib/packs/verify';
import { RosterIndex } from '@/lib/roster/matching';
import type { Subscriber } from '@/lib/roster/schema';
import { rosterGeneration, TierkitDb } from '@/lib/store/db';
import { exportOwnPack, importPack, listPacks, readTrustedPacks, removePack } from '@/lib/store/pack-store';
import { profile, tier } from '../domain/fixtures';
import { shippedDb } from '../helpers/shipped-db';
import { sendBackup } from '../helpers/uploads';
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
      '2 active subscribers have a tier that no longer exists (id “gold”): give them another tier in Subscribers, or remove them',
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
  }, 240_000);

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
      },
      held: false,
      trustedFingerprint: null,
    });
    expect(await listPacks(fan)).toEqual({ packs: [answer.pack], conflicts: [], ownFingerprint: null, unreadable: [] });
    const [stored] = await fan.packs.toArray();
    expect((await verifyPack(serializePack(stored!.pack))).ok).toBe(true);
    expect((await readTrustedPacks(fan)).map((p) => p.pack.subscribers.length)).toEqual([3]);
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
    expect(list.packs.map((p) => [p.creatorHandle, p.displayName])).toEqual([
      ['anna.art', 'Anna'],
      ['zed.live', 'Zed'],
    ]);
    expect(list.conflicts).toEqual([]);
    expect((await readTrustedPacks(db)).map((p) => p.creatorHandle).sort()).toEqual(['anna.art', 'zed.live']);
  });

  it('holds a pack claiming a kept creator’s handle under another key apart, beside the trusted one', async () => {
    await keys();
    const db = newDb();
    const first = await imported(db, await signedText(key));
    const second = await imported(db, await signedText(otherKey, { issuedAt: '2025-06-02T12:00:00.000Z' }));
    expect(second).toMatchObject({ action: 'add', held: true, trustedFingerprint: first.pack.fingerprint });
    const list = await listPacks(db);
    expect(list.packs).toEqual([first.pack]);
    expect(list.conflicts).toEqual([{ held: second.pack, trusted: first.pack, ownHandle: false }]);
    expect((await readTrustedPacks(db)).map((p) => p.fingerprint)).toEqual([first.pack.fingerprint]);
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

    expect((await readTrustedPacks(db)).map((p) => p.fingerprint)).toEqual([good.pack.fingerprint]);
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

// ---- Trust: the first key a fan accepted for a creator handle keeps speaking for it. Through the real
// background handler, as the content script asks (roster.lookup), including after a service worker
// restart, when lookups are answered from the index's snapshot (lib/store/roster/roster-loader.ts).
describe('the real creator wins', () => {
  let real: SigningKey;
  let impostor: SigningKey;
  let third: SigningKey;
  const keys = async () => {
    [real, impostor, third] = real ? [real, impostor, third] : await Promise.all([createSigningKey(), createSigningKey(), createSigningKey()]);
  };
  const NEVER = 600_000;

  /** The background over `db` (a new one on the same data is a service worker restart). */
  function background(db: TierkitDb, snapshotDelayMs = NEVER, now = NOW) {
    const handler = createHandler({ db, publish: async () => undefined, browserLanguage: () => 'en-US', now: () => now, snapshotDelayMs });
    const must = async (request: unknown) => {
      const response = await handler.handle(request);
      if (!response.ok) throw new Error(JSON.stringify(response.problems));
      return response.data as any;
    };
    /** Which of these handles badge on `creator`'s videos. */
    const badged = async (creator: string, handles: string[]) => {
      const answer = await handler.lookup(creator, handles, []);
      return handles.filter((_, i) => typeof answer.handles[i] === 'object');
    };
    return { db, handler, must, badged, ask: (request: unknown) => handler.handle(request) };
  }
  const snapshotKept = (db: TierkitDb) =>
    vi.waitFor(async () => {
      const row = await db.lookupCache.get('snapshot');
      expect((row?.value as { generation?: number } | undefined)?.generation).toBe(await rosterGeneration(db));
    });

  const REAL_FANS = ['luca_92', 'anna.b'];
  const realPack = (issuedAt = '2026-05-01T12:00:00.000Z') =>
    signedText(real, {
      issuedAt,
      subscribers: [
        { handle: 'luca_92', tierId: 'gold', since: '2024-11-03' },
        { handle: 'anna.b', tierId: 'fan', since: '2025-01-15' },
      ],
    });
  /** Claims the real creator's handle, signed with another key, dated later, with its own "subscribers". */
  const impostorPack = (issuedAt = '2026-05-20T12:00:00.000Z') =>
    signedText(impostor, {
      issuedAt,
      creator: { handle: 'mara.sings', displayName: 'Mara Sings' },
      subscribers: [{ handle: 'fake.fan', tierId: 'vip', since: '2020-01-01' }],
    });
  const import_ = (b: ReturnType<typeof background>, text: string, fileName = 'pack.json') => b.ask({ type: 'pack.import', fileName, text });

  it('holds a later pack from another key apart: the real subscribers keep their badges, the impostor’s get none', async () => {
    await keys();
    const b = background(newDb());
    await b.must({ type: 'pack.import', fileName: 'mara.json', text: await realPack() });
    const held = await b.must({ type: 'pack.import', fileName: 'mara-new.json', text: await impostorPack() });
    const realFingerprint = await fingerprint(real.publicJwk);
    expect(held).toMatchObject({ action: 'add', held: true, trustedFingerprint: realFingerprint });
    expect(await b.badged('mara.sings', [...REAL_FANS, 'fake.fan'])).toEqual(REAL_FANS);

    const list = await b.must({ type: 'pack.list' });
    expect(list.packs.map((p: PackInfo) => p.fingerprint)).toEqual([realFingerprint]);
    expect(list.conflicts).toEqual([
      { held: expect.objectContaining({ fingerprint: held.pack.fingerprint, creatorHandle: 'mara.sings' }), trusted: expect.objectContaining({ fingerprint: realFingerprint }), ownHandle: false },
    ]);
  });

  it('keeps the impostor out after a service worker restart, from the index’s snapshot and from the roster', async () => {
    await keys();
    const db = newDb();
    const b = background(db, 0);
    await import_(b, await realPack());
    await import_(b, await impostorPack());
    await b.badged('mara.sings', REAL_FANS);
    await snapshotKept(db);

    const restarted = background(db);
    const packsRead = vi.spyOn(db.packs, 'toArray');
    expect(await restarted.badged('mara.sings', [...REAL_FANS, 'fake.fan'])).toEqual(REAL_FANS);
    // Answered from the snapshot: the packs were not read again.
    expect(packsRead).not.toHaveBeenCalled();
    packsRead.mockRestore();

    await db.lookupCache.clear();
    expect(await background(db).badged('mara.sings', [...REAL_FANS, 'fake.fan'])).toEqual(REAL_FANS);
  });

  it('takes the real creator’s next pack, and still holds the impostor apart', async () => {
    await keys();
    const b = background(newDb());
    await import_(b, await realPack());
    await import_(b, await impostorPack());
    const next = await b.must({
      type: 'pack.import',
      fileName: 'mara-june.json',
      text: await signedText(real, { issuedAt: '2026-05-25T12:00:00.000Z', subscribers: [{ handle: 'new.fan', tierId: 'gold', since: '2026-05-01' }] }),
    });
    expect(next).toMatchObject({ action: 'replace', held: false });
    expect(await b.badged('mara.sings', ['new.fan', 'fake.fan', 'luca_92'])).toEqual(['new.fan']);
    expect((await b.must({ type: 'pack.list' })).conflicts).toHaveLength(1);
    // The impostor's own later packs stay held.
    const again = await b.must({ type: 'pack.import', fileName: 'x.json', text: await impostorPack('2026-05-30T12:00:00.000Z') });
    expect(again).toMatchObject({ action: 'replace', held: true });
    expect(await b.badged('mara.sings', ['new.fan', 'fake.fan'])).toEqual(['new.fan']);
  });

  it('holds apart a trusted key’s pack that moves to a handle another key is trusted for', async () => {
    await keys();
    const b = background(newDb());
    await import_(b, await realPack());
    // The impostor first makes a pack of its own fans accepted, then renames it to the real creator.
    expect(await b.must({ type: 'pack.import', fileName: 'imp.json', text: await signedText(impostor, { creator: { handle: 'some.one', displayName: 'Someone' } }) })).toMatchObject({ held: false });
    expect(await b.must({ type: 'pack.import', fileName: 'imp2.json', text: await impostorPack() })).toMatchObject({ action: 'replace', held: true });
    expect(await b.badged('mara.sings', [...REAL_FANS, 'fake.fan'])).toEqual(REAL_FANS);
  });

  it('still refuses an older pack from the trusted key (no rollback), with a conflict held or not', async () => {
    await keys();
    const b = background(newDb());
    await import_(b, await realPack('2026-05-10T12:00:00.000Z'));
    await import_(b, await impostorPack());
    const older = await import_(b, await realPack('2026-05-01T12:00:00.000Z'));
    expect(messages(older)[0]).toMatch(/^You already have a newer pack from this creator/);
    const olderHeld = await import_(b, await impostorPack('2026-05-19T12:00:00.000Z'));
    expect(messages(olderHeld)[0]).toMatch(/^You already have a newer pack from this creator/);
  });

  it('refuses a pack dated beyond the tolerance, so it cannot lock out the creator’s real updates', async () => {
    await keys();
    const b = background(newDb());
    const ahead = await import_(b, await realPack(new Date(NOW + FUTURE_TOLERANCE_MS + 1000).toISOString()));
    expect(messages(ahead)[0]).toMatch(/in the future/);
    expect((await b.must({ type: 'pack.import', fileName: 'mara.json', text: await realPack() })).held).toBe(false);
  });

  it('never lets a pack claiming the user’s own handle replace their roster', async () => {
    await keys();
    const db = await creatorDb();
    const b = background(db, 0);
    const own = ['luca_92', 'old.friend'];
    expect(await b.badged('mara.sings', [...own, 'fake.fan'])).toEqual(own);
    const refused = await import_(b, await impostorPack(), 'me.json');
    expect(messages(refused)).toEqual([
      'This pack claims your own TikTok username (@mara.sings) but is not signed with your key: your badges come from your own roster, so it was not imported',
    ]);
    expect(await db.packs.count()).toBe(0);

    // The creator's own pack, signed with their own key, may be imported: their roster still speaks.
    const mine = await exported(db);
    const gold = (await db.tiers.get('gold'))!;
    await b.must({ type: 'command', command: { type: 'tier.save', tier: gold, loaded: gold.updatedAt } });
    expect((await b.must({ type: 'pack.import', fileName: mine.fileName, text: mine.text })).held).toBe(false);
    await b.must({ type: 'roster.remove', ids: ['s1'] });
    expect(await b.badged('mara.sings', [...own, 'fake.fan'])).toEqual(['old.friend']);
    await snapshotKept(db);
    expect(await background(db).badged('mara.sings', [...own, 'fake.fan'])).toEqual(['old.friend']);
  });

  it('keeps the own roster over a pack for the handle the user takes later', async () => {
    await keys();
    const db = newDb();
    const b = background(db);
    await import_(b, await impostorPack());
    expect(await b.badged('mara.sings', ['fake.fan'])).toEqual(['fake.fan']);
    await b.must({ type: 'command', command: { type: 'profile.save', profile } });
    await b.must({ type: 'command', command: { type: 'tier.save', tier: tier({ id: 'gold', name: 'Gold', status: 'active' }) } });
    await b.must({ type: 'roster.save', subscriber: { handle: 'own.fan', tierId: 'gold', since: '2026-01-01' } });
    expect(await b.badged('mara.sings', ['own.fan', 'fake.fan'])).toEqual(['own.fan']);
    expect(await background(db).badged('mara.sings', ['own.fan', 'fake.fan'])).toEqual(['own.fan']);
  });

  describe('resolving a conflict', () => {
    async function conflicted(snapshotDelayMs = 0) {
      await keys();
      const db = newDb();
      const b = background(db, snapshotDelayMs);
      await import_(b, await realPack());
      const held = (await b.must({ type: 'pack.import', fileName: 'x.json', text: await impostorPack() })).pack.fingerprint as string;
      const trusted = await fingerprint(real.publicJwk);
      await b.badged('mara.sings', REAL_FANS);
      await snapshotKept(db);
      return { db, b, held, trusted };
    }

    it('keeps the trusted key and discards the other pack', async () => {
      const { db, b, held, trusted } = await conflicted();
      expect(await b.must({ type: 'pack.resolve', fingerprint: held, trusted, choice: 'discard' })).toEqual({ choice: 'discard', handle: 'mara.sings' });
      const list = await b.must({ type: 'pack.list' });
      expect([list.packs.map((p: PackInfo) => p.fingerprint), list.conflicts]).toEqual([[trusted], []]);
      expect(await db.packs.get(held)).toBeUndefined();
      expect(await b.badged('mara.sings', [...REAL_FANS, 'fake.fan'])).toEqual(REAL_FANS);
      expect(await background(db).badged('mara.sings', [...REAL_FANS, 'fake.fan'])).toEqual(REAL_FANS);
    });

    it('trusts the new key deliberately: its pack replaces the old key’s, also after a restart', async () => {
      const { db, b, held, trusted } = await conflicted();
      const generation = await rosterGeneration(db);
      expect(await b.must({ type: 'pack.resolve', fingerprint: held, trusted, choice: 'trust' })).toEqual({ choice: 'trust', handle: 'mara.sings' });
      expect(await rosterGeneration(db)).toBeGreaterThan(generation);
      const list = await b.must({ type: 'pack.list' });
      expect([list.packs.map((p: PackInfo) => p.fingerprint), list.conflicts]).toEqual([[held], []]);
      expect(await b.badged('mara.sings', [...REAL_FANS, 'fake.fan'])).toEqual(['fake.fan']);
      // A restart before any new snapshot: the one of before the choice is not used.
      expect(await background(db).badged('mara.sings', [...REAL_FANS, 'fake.fan'])).toEqual(['fake.fan']);
      // The old key is now the other one: its packs are held apart, and an older one of the new key refused.
      expect(await b.must({ type: 'pack.import', fileName: 'old.json', text: await realPack('2026-05-28T12:00:00.000Z') })).toMatchObject({ held: true });
      expect(messages(await import_(b, await impostorPack('2026-05-02T12:00:00.000Z')))[0]).toMatch(/^You already have a newer pack/);
    });

    it('refuses a choice made on a view that changed meanwhile, or about a pack that is not held, changing nothing', async () => {
      const { db, b, held, trusted } = await conflicted();
      const before = await db.packs.toArray();
      const stale = await b.ask({ type: 'pack.resolve', fingerprint: held, trusted: await fingerprint(third.publicJwk), choice: 'trust' });
      expect(messages(stale)).toEqual(['The badge packs of @mara.sings changed meanwhile: look at them again, then choose']);
      const notHeld = await b.ask({ type: 'pack.resolve', fingerprint: trusted, trusted, choice: 'discard' });
      expect(messages(notHeld)).toEqual(['This pack is not held apart: there is nothing to choose']);
      const gone = await b.ask({ type: 'pack.resolve', fingerprint: 'ffff', trusted, choice: 'discard' });
      expect(messages(gone)).toEqual(['This pack is not held apart: there is nothing to choose']);
      expect(await db.packs.toArray()).toEqual(before);
    });

    it('offers no trust for a held pack claiming the user’s own handle', async () => {
      const { db, b, held, trusted } = await conflicted();
      await b.must({ type: 'command', command: { type: 'profile.save', profile } });
      const list = await b.must({ type: 'pack.list' });
      expect(list.conflicts.map((c: { ownHandle: boolean }) => c.ownHandle)).toEqual([true]);
      const refused = await b.ask({ type: 'pack.resolve', fingerprint: held, trusted, choice: 'trust' });
      expect(messages(refused)).toEqual([
        'This pack claims your own TikTok username (@mara.sings) but is not signed with your key: your badges come from your own roster, so it was not imported',
      ]);
      expect(await db.packs.count()).toBe(2);
      expect((await b.must({ type: 'pack.resolve', fingerprint: held, trusted, choice: 'discard' })).choice).toBe('discard');
    });
  });

  it('is not bypassed by a backup: packs in a backup file are not read', async () => {
    await keys();
    const db = newDb();
    const b = background(db);
    await import_(b, await realPack());
    const verified = await verifyPack(await impostorPack());
    if (!verified.ok) throw new Error('impostor pack');
    const backup = { ...createBackup(emptyWorkspace(), new Date(NOW), '0.1.0'), packs: [{ fingerprint: verified.fingerprint, creatorHandle: 'mara.sings', pack: verified.pack, importedAt: 1, status: 'trusted' }] };
    expect(await sendBackup(b.ask, JSON.stringify(backup), 'merge')).toMatchObject({ ok: true });
    expect(await db.packs.count()).toBe(1);
    expect(await b.badged('mara.sings', [...REAL_FANS, 'fake.fan'])).toEqual(REAL_FANS);
  });
});

describe('opening a version-4 database', () => {
  it('trusts the earliest-imported key per creator handle, holds the others apart, and drops the old snapshot', async () => {
    const [real, impostor, kai, own] = await Promise.all([createSigningKey(), createSigningKey(), createSigningKey(), createSigningKey()]);
    const ownFingerprint = await fingerprint(own.publicJwk);
    const stored = async (key: SigningKey, importedAt: number, over: Parameters<typeof signedText>[1]) => {
      const verified = await verifyPack(await signedText(key, over));
      if (!verified.ok) throw new Error('pack');
      return { fingerprint: verified.fingerprint, creatorHandle: verified.pack.creator.handle, pack: verified.pack, importedAt };
    };
    const genuine = await stored(real, NOW - 10 * HOUR, { issuedAt: '2026-05-01T12:00:00.000Z', subscribers: [{ handle: 'luca_92', tierId: 'gold', since: '2024-11-03' }] });
    // Imported later and dated later: version 4 let it speak for mara.sings.
    const claim = await stored(impostor, NOW - 5 * HOUR, { issuedAt: '2026-05-20T12:00:00.000Z', subscribers: [{ handle: 'fake.fan', tierId: 'vip', since: '2020-01-01' }] });
    const other = await stored(kai, NOW - 8 * HOUR, { creator: { handle: 'kai.cooks', displayName: 'Kai' } });
    // Claims the user's own handle, with another key than theirs.
    const mine = await stored(await createSigningKey(), NOW - 20 * HOUR, { creator: { handle: 'me.creator', displayName: 'Me' } });

    const name = `v4-${crypto.randomUUID()}`;
    const v4 = shippedDb(name, 4);
    await v4.open();
    await v4.table('singletons').put({ key: 'profile', value: { ...profile, handle: 'me.creator' } });
    await v4.table('keys').put({ id: 'signing', privateKey: own.privateKey, publicJwk: own.publicJwk, fingerprint: ownFingerprint, createdAt: NOW - 30 * HOUR });
    await v4.table('packs').bulkPut([genuine, claim, other, mine]);
    // The index's snapshot as version 4 kept it: mara.sings answered from the impostor's pack.
    const index = new RosterIndex();
    index.setCreator('mara.sings', [
      { id: `${claim.fingerprint.slice(0, 16)}-0`, creatorHandle: 'mara.sings', handle: 'fake.fan', tierId: 'vip', since: '2020-01-01', status: 'active', note: '', source: 'pack', createdAt: 1, updatedAt: 1 },
    ]);
    const vip = { ...claim.pack.tiers.find((t) => t.id === 'vip')!, position: 2 };
    await v4.table('lookupCache').bulkPut([
      { key: 'generation', value: 7 },
      { key: 'snapshot', value: { generation: 7, ownHandle: 'me.creator', creators: ['me.creator', 'mara.sings'], packTiers: [{ creator: 'mara.sings', tiers: [vip] }], index: index.snapshot() } },
      { key: 'snapshotOf', value: { generation: 7, ownHandle: 'me.creator' } },
    ]);
    v4.close();

    const db = new TierkitDb(name);
    await db.open();
    expect(db.verno).toBe(9);
    expect(await rosterGeneration(db)).toBe(8);
    const list = await listPacks(db);
    expect(list.packs.map((p) => p.creatorHandle).sort()).toEqual(['kai.cooks', 'mara.sings']);
    expect(list.packs.find((p) => p.creatorHandle === 'mara.sings')!.fingerprint).toBe(genuine.fingerprint);
    expect(list.conflicts.map((c) => [c.held.fingerprint, c.trusted?.fingerprint ?? null, c.ownHandle])).toEqual([
      [claim.fingerprint, genuine.fingerprint, false],
      [mine.fingerprint, null, true],
    ]);
    expect(list.unreadable).toEqual([]);

    const handler = createHandler({ db, publish: async () => undefined, browserLanguage: () => 'en-US', now: () => NOW });
    const answer = await handler.lookup('mara.sings', ['luca_92', 'fake.fan'], []);
    expect(answer.handles.map((r) => typeof r === 'object')).toEqual([true, false]);
    expect((await handler.lookup('kai.cooks', ['luca_92'], [])).handles.map((r) => typeof r === 'object')).toEqual([true]);
  });
});
