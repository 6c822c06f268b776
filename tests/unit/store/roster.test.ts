// The roster as pages and content scripts reach it: requests to the real background handler on
// fake-indexeddb, and what it publishes.
import { describe, expect, it, vi } from 'vitest';
import { createHandler } from '@/lib/background/pages-handler';
import { createContentHandler } from '@/lib/background/content-handler';
import { rosterStatusSchema, type Diagnostic, type LookupAnswer, type RosterStatus } from '@/lib/protocol/schemas';
import { rosterPageSchema } from '@/lib/protocol/roster-answers';
import { rosterGeneration, TierkitDb } from '@/lib/store/db';
import { profile, tier } from '../domain/fixtures';
import { shippedDb } from '../helpers/shipped-db';
import { backupData, sendBackup, sendRosterCsv } from '../helpers/uploads';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 24, 12);

/** The background on a database; pass one to start it again over the same data (a service worker restart). */
async function setup(existing?: TierkitDb, snapshotDelayMs?: number) {
  const db = existing ?? new TierkitDb(`roster-${crypto.randomUUID()}`);
  const statuses: RosterStatus[] = [];
  let diagnostics: Diagnostic[] = [];
  let n = 0;
  let clock = NOW;
  const handler = createHandler({
    db,
    publish: async () => undefined,
    publishRoster: async (status) => void statuses.push(structuredClone(status)),
    writeDiagnostics: async (list) => void (diagnostics = list),
    browserLanguage: () => 'en-US',
    now: () => clock,
    newId: () => `id-${++n}`,
    ...(snapshotDelayMs !== undefined ? { snapshotDelayMs } : {}),
  });
  const content = createContentHandler({
    db,
    readPage: () => ({ status: 'no-data' }),
    onRecorded: async () => undefined,
    lookup: handler.lookup,
    warm: handler.warm,
    readDiagnostics: async () => diagnostics,
    writeDiagnostics: async (list) => void (diagnostics = list),
    now: () => clock,
  });
  if (!existing) {
    await db.singletons.put({ key: 'profile', value: profile });
    await db.tiers.bulkPut([
      tier({ id: 'silver', name: 'Silver', position: 0, status: 'active', badge: { label: 'SLV', color: '#c0c0c0', emoji: '🥈' }, tenureSteps: [1, 6] }),
      tier({ id: 'gold', name: 'Gold', position: 1, status: 'active', priceMinor: 999, badge: { label: 'GLD', color: '#1a1a80' }, tenureSteps: [1, 6] }),
    ]);
  }
  const ask = async (request: unknown) => handler.handle(request);
  const must = async (request: unknown) => {
    const response = await handler.handle(request);
    if (!response.ok) throw new Error(JSON.stringify(response.problems));
    return response.data as any;
  };
  // An edit (an id) carries the updatedAt of the record it loaded, as the dialog's does.
  const add = async (subscriber: Record<string, unknown>) =>
    must({ type: 'roster.save', subscriber, loaded: subscriber.id ? (await db.subscribers.get(String(subscriber.id)))?.updatedAt : undefined });
  /** A roster CSV as the page sends it: its text in parts, then the preview (or the import when `apply`). */
  const csv = async (fileName: string, text: string, apply: boolean) => {
    const response = await sendRosterCsv(ask, fileName, text, apply);
    if (!response.ok) throw new Error(JSON.stringify(response.problems));
    return response.data as any;
  };
  const query = async (over: Record<string, unknown> = {}) =>
    rosterPageSchema.parse(
      await must({ type: 'roster.query', search: '', sort: 'handle', descending: false, offset: 0, limit: 50, ...over }),
    );
  const lookup = async (creator: string, handles: string[], nicknames: string[] = []) =>
    (await content({ type: 'roster.lookup', creator, handles, nicknames })) as LookupAnswer;
  return {
    db,
    handler,
    content,
    ask,
    must,
    add,
    csv,
    query,
    lookup,
    statuses,
    diagnostics: () => diagnostics,
    advance: (ms: number) => (clock += ms),
  };
}

describe('the roster through the background', () => {
  it('adds a subscriber, publishes the counts, and serves them to the table', async () => {
    const t = await setup();
    expect(await t.add({ handle: '@Fan.One', nickname: 'Fan One', tierId: 'gold', since: '2026-01-10' })).toEqual({ id: 'id-1' });
    const page = await t.query();
    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({
      id: 'id-1',
      handle: 'fan.one',
      nickname: 'Fan One',
      creatorHandle: 'mara.sings',
      status: 'active',
      source: 'manual',
      note: '',
      createdAt: NOW,
    });
    const status = rosterStatusSchema.parse(t.statuses.at(-1));
    expect(status).toMatchObject({ counts: { gold: { active: 1, lapsed: 0 } }, total: 1, packs: 0, creators: ['mara.sings'] });
    expect(await t.db.subscribers.count()).toBe(1);
  });

  it('answers a bad form with problems per field and writes nothing', async () => {
    const t = await setup();
    await t.add({ handle: 'fan.one', tierId: 'gold', since: '2026-01-10' });
    const published = t.statuses.length;
    const duplicate = await t.ask({ type: 'roster.save', subscriber: { handle: 'FAN.ONE', tierId: 'silver', since: '2026-01-10' } });
    expect(duplicate).toEqual({ ok: false, problems: [{ path: ['handle'], message: '@fan.one is already on the roster' }] });
    const wrong = await t.ask({ type: 'roster.save', subscriber: { handle: 'x', tierId: 'platinum', since: '2027-01-01' } });
    expect(wrong.ok).toBe(false);
    const paths = !wrong.ok ? wrong.problems.map((p) => p.path.join('.')) : [];
    expect(paths).toContain('handle');
    const nothing = await t.ask({ type: 'roster.save', subscriber: { tierId: 'gold', since: '2026-01-10' } });
    expect(!nothing.ok && nothing.problems).toEqual([{ path: ['handle'], message: 'Give a TikTok username or a nickname (or both)' }]);
    const future = await t.ask({ type: 'roster.save', subscriber: { handle: 'fan.two', tierId: 'platinum', since: '2027-01-01' } });
    expect(!future.ok && future.problems.map((p) => p.path[0])).toEqual(['tierId', 'since']);
    expect(await t.db.subscribers.count()).toBe(1);
    expect(t.statuses.length).toBe(published);
  });

  it('refuses a roster before the profile exists', async () => {
    const t = await setup();
    await t.db.singletons.delete('profile');
    const response = await t.ask({ type: 'roster.save', subscriber: { handle: 'fan.one', tierId: 'gold', since: '2026-01-10' } });
    expect(!response.ok && response.problems[0]?.message).toBe('Save your profile first: the roster belongs to your TikTok handle');
    expect(await t.db.subscribers.count()).toBe(0);
  });

  it('edits a record, keeping its id, creation time and source', async () => {
    const t = await setup();
    await t.add({ handle: 'fan.one', tierId: 'gold', since: '2026-01-10' });
    t.advance(DAY);
    await t.add({ id: 'id-1', handle: 'fan.one', tierId: 'silver', since: '2026-01-10', note: 'met at the meetup', status: 'lapsed' });
    const [row] = (await t.query()).rows;
    expect(row).toMatchObject({ id: 'id-1', tierId: 'silver', note: 'met at the meetup', status: 'lapsed', createdAt: NOW, updatedAt: NOW + DAY });
    expect(t.statuses.at(-1)?.counts).toEqual({ silver: { active: 0, lapsed: 1 } });
    const gone = await t.ask({ type: 'roster.save', subscriber: { id: 'nobody', handle: 'x.y', tierId: 'gold', since: '2026-01-10' } });
    expect(!gone.ok && gone.problems[0]?.message).toBe('This subscriber is no longer on the roster');
  });

  it('removes records and puts them back exactly on undo', async () => {
    const t = await setup();
    await t.add({ handle: 'fan.one', tierId: 'gold', since: '2026-01-10' });
    await t.add({ handle: 'fan.two', tierId: 'silver', since: '2026-02-10', note: 'private' });
    const before = (await t.query()).rows;
    const { removed } = await t.must({ type: 'roster.remove', ids: ['id-1', 'id-2', 'not-there'] });
    expect(removed).toEqual(before);
    expect((await t.query()).total).toBe(0);
    expect((await t.lookup('mara.sings', ['fan.one'])).handles).toEqual([0]);
    await t.must({ type: 'roster.restore', subscribers: removed });
    expect((await t.query()).rows).toEqual(before);
    expect(await t.db.subscribers.count()).toBe(2);
    expect(t.statuses.at(-1)?.total).toBe(2);
  });

  it('searches handle, nickname and note, filters by tier and status, sorts and pages', async () => {
    const t = await setup();
    await t.add({ handle: 'zed', nickname: 'Alpha', tierId: 'gold', since: '2025-01-01' });
    await t.add({ handle: 'amy', nickname: 'Zulu', tierId: 'silver', since: '2026-06-01', note: 'VIP from Rome' });
    await t.add({ nickname: 'Mike', tierId: 'gold', since: '2026-03-01', status: 'lapsed' });
    const handles = async (over: Record<string, unknown>) => (await t.query(over)).rows.map((r) => r.handle ?? r.nickname);
    expect(await handles({})).toEqual(['amy', 'zed', 'Mike']);
    expect(await handles({ descending: true })).toEqual(['Mike', 'zed', 'amy']);
    expect(await handles({ sort: 'nickname' })).toEqual(['zed', 'Mike', 'amy']);
    expect(await handles({ sort: 'tier' })).toEqual(['amy', 'zed', 'Mike']);
    expect(await handles({ sort: 'months', descending: true })).toEqual(['zed', 'Mike', 'amy']);
    expect(await handles({ search: 'rome' })).toEqual(['amy']);
    expect(await handles({ search: '@ZE' })).toEqual(['zed']);
    expect(await handles({ search: 'mik' })).toEqual(['Mike']);
    expect(await handles({ tierId: 'gold' })).toEqual(['zed', 'Mike']);
    expect(await handles({ status: 'lapsed' })).toEqual(['Mike']);
    const second = await t.query({ offset: 1, limit: 1 });
    expect([second.total, second.rows.map((r) => r.handle)]).toEqual([3, ['zed']]);
  });

  it('previews a CSV without writing, then imports all of it, or nothing when a row is wrong', async () => {
    const t = await setup();
    await t.add({ handle: 'fan.one', tierId: 'gold', since: '2026-01-10' });
    const csv = 'handle,nickname,tier,since,months,status,note\nfan.one,,Silver,2026-01-10,,active,\nfan.two,Fan Two,Gold,2026-03-01,4,,hi\n';
    const preview = await t.csv('subs.csv', csv, false);
    expect(preview).toMatchObject({ ok: true, summary: { new: 1, updated: 1, unchanged: 0 }, applied: false });
    expect(preview.rows[1]).not.toHaveProperty('note');
    expect(await t.db.subscribers.count()).toBe(1);

    const bad = await t.csv('subs.csv', `${csv}fan.three,,Platinum,2026-03-01,,,\n`, true);
    expect(bad.ok).toBe(false);
    expect(bad.problems[0]).toMatchObject({ file: 'subs.csv', row: 4, field: 'tier' });
    expect(await t.db.subscribers.count()).toBe(1);

    const applied = await t.csv('subs.csv', csv, true);
    expect(applied).toMatchObject({ ok: true, applied: true });
    const rows = (await t.query()).rows;
    expect(rows.map((r) => [r.handle, r.tierId, r.source, r.monthsOverride])).toEqual([
      ['fan.one', 'silver', 'manual', undefined],
      ['fan.two', 'gold', 'csv', 4],
    ]);
    expect(t.statuses.at(-1)?.counts).toEqual({ silver: { active: 1, lapsed: 0 }, gold: { active: 1, lapsed: 0 } });
  });

  it('exports the roster as CSV that imports back unchanged', async () => {
    const t = await setup();
    await t.add({ handle: 'fan.one', nickname: '=cmd', tierId: 'gold', since: '2026-01-10', note: 'likes cats' });
    const file = await t.must({ type: 'roster.export', offset: 0 });
    expect(file.fileName).toBe('tierkit-subscribers-mara.sings-2026-11-24.csv');
    expect(file).toMatchObject({ count: 1, total: 1 });
    expect(file.text).toContain("'=cmd");
    const again = await t.csv(file.fileName, file.text, false);
    expect(again.summary).toEqual({ new: 0, updated: 0, unchanged: 1 });
  });

  it('takes the roster along when the creator changes handle, and forgets it on Delete all data', async () => {
    const t = await setup();
    await t.add({ handle: 'fan.one', tierId: 'gold', since: '2026-01-10' });
    const { updatedAt: _, ...form } = profile;
    await t.must({ type: 'command', command: { type: 'profile.save', profile: { ...form, handle: 'mara.live' }, loaded: profile.updatedAt } });
    expect((await t.lookup('mara.live', ['fan.one'])).handles[0]).toMatchObject({ m: 10 });
    expect((await t.lookup('mara.sings', ['fan.one'])).handles).toEqual([0]);
    expect((await t.db.subscribers.toArray()).map((s) => s.creatorHandle)).toEqual(['mara.live']);
    expect(t.statuses.at(-1)?.creators).toEqual(['mara.live']);

    await t.must({ type: 'command', command: { type: 'workspace.wipe' } });
    expect(await t.db.subscribers.count()).toBe(0);
    expect(t.statuses.at(-1)).toMatchObject({ total: 0, creators: [] });
    expect((await t.lookup('mara.live', ['fan.one'])).handles).toEqual([0]);
  });
});

describe('roster lookups from tiktok.com', () => {
  it('reads and indexes the roster when a page warms it up, ahead of the page’s first lookup', async () => {
    const first = await setup();
    await first.add({ handle: 'fan.one', tierId: 'gold', since: '2026-01-10' });
    // The service worker starts again: nothing is in memory.
    const t = await setup(first.db);
    const reads = vi.spyOn(t.db.subscribers, 'toArray');
    expect(await t.content({ type: 'roster.warm' })).toEqual({ ok: true });
    await vi.waitFor(() => expect(reads).toHaveBeenCalledTimes(1));
    const answer = await t.lookup('mara.sings', ['fan.one']);
    expect(answer.handles).toEqual([expect.objectContaining({ id: '1' })]);
    // The lookup found the roster in memory: nothing read again.
    expect(reads).toHaveBeenCalledTimes(1);
    // Warming up again changes nothing.
    await t.content({ type: 'roster.warm' });
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('answers matches with shared designs, tenure and words; none, lapsed and ambiguous without a badge', async () => {
    const t = await setup();
    await t.add({ handle: 'fan.one', nickname: 'Fan One', tierId: 'gold', since: '2026-01-10' });
    await t.add({ handle: 'fan.two', tierId: 'gold', since: '2026-10-01' });
    await t.add({ handle: 'fan.three', tierId: 'silver', since: '2026-11-01', monthsOverride: 7 });
    await t.add({ handle: 'gone', tierId: 'gold', since: '2025-01-01', status: 'lapsed' });
    await t.add({ handle: 'twin.a', nickname: 'Twin', tierId: 'gold', since: '2026-01-01' });
    await t.add({ handle: 'twin.b', nickname: 'Twin', tierId: 'gold', since: '2026-01-01' });

    const answer = await t.lookup('@Mara.Sings', ['FAN.ONE', 'fan.two', 'fan.three', 'gone', 'stranger'], ['Fan One', 'Twin', 'Nobody']);
    expect(answer.ok).toBe(true);
    expect(answer.handles).toEqual([
      { d: 0, id: '1', m: 10, s: '2026-01-10' },
      { d: 1, id: '2', m: 1, s: '2026-10-01' },
      { d: 2, id: '3', m: 7, s: '2026-11-01' },
      0,
      0,
    ]);
    // A match by nickname names the handle (the badge links to it); one by handle is of the handle asked.
    expect(answer.nicknames).toEqual([{ d: 0, id: '4', m: 10, s: '2026-01-10', h: 'fan.one' }, 1, 0]);
    // Asked again, the same entries carry the same tokens.
    expect((await t.lookup('mara.sings', ['fan.two'])).handles).toEqual([{ d: 0, id: '2', m: 1, s: '2026-10-01' }]);
    expect(answer.designs).toEqual([
      { tierName: 'Gold', label: 'GLD', color: '#1a1a80', textColor: '#ffffff', level: 2 },
      { tierName: 'Gold', label: 'GLD', color: '#1a1a80', textColor: '#ffffff', level: 1 },
      { tierName: 'Silver', label: 'SLV', emoji: '🥈', color: '#c0c0c0', textColor: '#000000', level: 2 },
    ]);
    expect(answer.words).toMatchObject({ lang: 'en-US', tooltipOther: '{tier} · {months} months · since {since}', name: '{tier} subscriber, level {level}' });
    expect((await t.lookup('someone.else', ['fan.one'])).handles).toEqual([0]);
  });

  it('shows the new design after a tier edit, and no badge for a tier that is gone', async () => {
    const t = await setup();
    await t.add({ handle: 'fan.one', tierId: 'gold', since: '2026-01-10' });
    await t.add({ handle: 'fan.two', tierId: 'silver', since: '2026-01-10' });
    const gold = await t.db.tiers.get('gold');
    await t.must({
      type: 'command',
      command: { type: 'tier.save', tier: { ...gold, badge: { label: 'VIP', color: '#ffcc00' } }, loaded: gold!.updatedAt },
    });
    const answer = await t.lookup('mara.sings', ['fan.one']);
    expect(answer.designs[0]).toMatchObject({ label: 'VIP', color: '#ffcc00', textColor: '#000000' });
    // A subscriber whose tier is gone (its stored record no longer reads back) shows no badge at all.
    await t.db.tiers.put({ ...(await t.db.tiers.get('silver'))!, name: '' });
    await t.must({ type: 'command', command: { type: 'tier.setStatus', id: 'gold', status: 'draft' } });
    expect((await t.lookup('mara.sings', ['fan.two'])).handles).toEqual([0]);
  });

  it('moves the roster revision after tier, profile and settings changes, not after a perk edit', async () => {
    const t = await setup();
    await t.add({ handle: 'fan.one', tierId: 'gold', since: '2026-01-10' });
    const published = t.statuses.length;
    await t.must({ type: 'command', command: { type: 'perk.save', perk: { kind: 'subscriber-chat', title: 'Chat', description: '' } } });
    expect(t.statuses.length).toBe(published);
    await t.must({ type: 'command', command: { type: 'tier.setStatus', id: 'silver', status: 'archived' } });
    expect(t.statuses.length).toBe(published + 1);
  });

  it('refuses to delete a tier someone on the roster has, until they are moved', async () => {
    const t = await setup();
    await t.add({ handle: 'fan.one', tierId: 'silver', since: '2026-01-10' });
    await t.add({ handle: 'fan.two', tierId: 'silver', since: '2026-01-10', status: 'lapsed' });
    await t.must({ type: 'command', command: { type: 'tier.setStatus', id: 'silver', status: 'archived' } });
    const refused = await t.ask({ type: 'command', command: { type: 'tier.delete', id: 'silver' } });
    expect(!refused.ok && refused.problems).toEqual([
      {
        path: [],
        message: '2 subscribers on your roster have the tier "Silver", which would be gone: move them to another tier first (Subscribers)',
      },
    ]);
    expect(await t.db.tiers.get('silver')).toBeDefined();
    await t.add({ id: 'id-1', handle: 'fan.one', tierId: 'gold', since: '2026-01-10' });
    await t.must({ type: 'roster.remove', ids: ['id-2'] });
    expect(await t.ask({ type: 'command', command: { type: 'tier.delete', id: 'silver' } })).toMatchObject({ ok: true });
    expect(await t.db.tiers.get('silver')).toBeUndefined();
  });

  it('refuses a malformed lookup without throwing', async () => {
    const t = await setup();
    const answer = await t.content({ type: 'roster.lookup', creator: 'mara.sings', handles: Array(2001).fill('a') });
    expect(answer.ok).toBe(false);
  });
});

describe('page diagnostics', () => {
  it('records missing containers per feature, marks them found again, and clears them', async () => {
    const t = await setup();
    const report = (status: 'missing' | 'found') =>
      t.content({ type: 'diagnostic.report', feature: 'comment-badges', page: 'video', selector: '[data-e2e="comment-list"]', status });
    await report('found');
    expect(t.diagnostics()).toEqual([]);
    await Promise.all([report('missing'), report('missing')]);
    expect(t.diagnostics()).toEqual([
      { feature: 'comment-badges', page: 'video', selector: '[data-e2e="comment-list"]', lastMissedAt: NOW, count: 2, foundAt: null },
    ]);
    t.advance(1000);
    await report('found');
    expect(t.diagnostics()[0]).toMatchObject({ count: 2, foundAt: NOW + 1000 });
    await t.must({ type: 'diagnostics.clear' });
    expect(t.diagnostics()).toEqual([]);
  });
});

/** Waits until the index's snapshot is of the roster as it is now. */
const snapshotKept = (db: TierkitDb) =>
  vi.waitFor(async () => {
    const row = await db.lookupCache.get('snapshot');
    expect((row?.value as { generation?: number } | undefined)?.generation).toBe(await rosterGeneration(db));
  });

describe('the lookup index kept between service worker starts', () => {
  // A writer that never takes the snapshot again: what a restart then reads is the snapshot of before.
  const NEVER = 600_000;
  /** Answers without their tokens and revision, which a new service worker issues afresh. */
  const plain = (answer: LookupAnswer) => ({ ...answer, revision: 0, handles: answer.handles.map(untoken), nicknames: answer.nicknames.map(untoken) });
  const untoken = (r: LookupAnswer['handles'][number]) => (typeof r === 'object' ? { ...r, id: '' } : r);

  async function keptRoster() {
    const { createSigningKey, signedText } = await import('../packs/fixtures');
    const t = await setup(undefined, 0);
    await t.add({ handle: 'fan.one', nickname: 'Fan One', tierId: 'gold', since: '2026-01-10' });
    await t.add({ handle: 'fan.two', tierId: 'silver', since: '2026-02-10', monthsOverride: 9 });
    await t.add({ handle: 'twin.a', nickname: 'Twin', tierId: 'gold', since: '2026-01-01' });
    await t.add({ handle: 'twin.b', nickname: 'Twin', tierId: 'gold', since: '2026-01-01' });
    await t.add({ handle: 'gone', tierId: 'gold', since: '2025-01-01', status: 'lapsed' });
    const pack = await signedText(await createSigningKey(), { creator: { handle: 'kai.cooks', displayName: 'Kai' } });
    await t.must({ type: 'pack.import', fileName: 'kai.tierkit-pack', text: pack });
    // The pack's import reads the roster again; its snapshot follows.
    await t.lookup('mara.sings', ['fan.one']);
    await snapshotKept(t.db);
    return t;
  }
  const ask = (t: Awaited<ReturnType<typeof setup>>) =>
    Promise.all([
      t.lookup('mara.sings', ['fan.one', 'FAN.TWO', 'gone', 'nobody'], ['Fan One', 'Twin', 'Nobody']),
      t.lookup('kai.cooks', ['luca_92', 'anna.b', 'fan.one'], ['Zoë the great', 'Anna 🌸']),
    ]);

  it('answers a restarted background from the snapshot, as the roster would, without reading the roster', async () => {
    const t = await keptRoster();
    const before = await ask(t);
    const again = await setup(t.db, NEVER);
    const subscribers = vi.spyOn(again.db.subscribers, 'toArray');
    const packs = vi.spyOn(again.db.packs, 'toArray');
    const after = await ask(again);
    expect(after.map(plain)).toEqual(before.map(plain));
    expect(after[1]!.handles[0]).toMatchObject({ s: '2024-11-03' });
    expect(subscribers).not.toHaveBeenCalled();
    expect(packs).not.toHaveBeenCalled();
  });

  it('reads the creator’s tiers afresh: a tier edited after the snapshot shows in its badges', async () => {
    const t = await keptRoster();
    const gold = (await t.db.tiers.get('gold'))!;
    const writer = await setup(t.db, NEVER);
    await writer.must({ type: 'command', command: { type: 'tier.save', tier: { ...gold, badge: { label: 'AU', color: '#123456' } }, loaded: gold.updatedAt } });
    const again = await setup(t.db, NEVER);
    const [mara] = await ask(again);
    expect(mara.designs[(mara.handles[0] as { d: number }).d]).toMatchObject({ label: 'AU', color: '#123456' });
  });

  // Each write, by a background that takes no snapshot of its own after it; then a restart.
  const writes: [string, (t: Awaited<ReturnType<typeof setup>>) => Promise<unknown>, (t: Awaited<ReturnType<typeof setup>>) => Promise<void>][] = [
    ['a subscriber added', (t) => t.add({ handle: 'fan.new', tierId: 'gold', since: '2026-03-01' }), async (t) => {
      expect((await t.lookup('mara.sings', ['fan.new'])).handles[0]).toMatchObject({ s: '2026-03-01' });
    }],
    ['a subscriber moved to another tier', async (t) => t.add({ id: 'id-1', handle: 'fan.one', nickname: 'Fan One', tierId: 'silver', since: '2026-01-10' }), async (t) => {
      const answer = await t.lookup('mara.sings', ['fan.one']);
      expect(answer.designs[(answer.handles[0] as { d: number }).d]).toMatchObject({ label: 'SLV' });
    }],
    ['a subscriber removed', (t) => t.must({ type: 'roster.remove', ids: ['id-1'] }), async (t) => {
      expect((await t.lookup('mara.sings', ['fan.one'], ['Fan One'])).handles.concat((await t.lookup('mara.sings', [], ['Fan One'])).nicknames)).toEqual([0, 0]);
    }],
    ['a roster CSV imported', (t) => t.csv('r.csv', 'handle,nickname,tier,since,months,status,note\nfan.csv,,Gold,2026-04-01,,active,\n', true), async (t) => {
      expect((await t.lookup('mara.sings', ['fan.csv'])).handles[0]).toMatchObject({ s: '2026-04-01' });
    }],
    ['a pack removed', async (t) => {
      const fingerprint = (await t.db.packs.toArray())[0]!.fingerprint;
      return t.must({ type: 'pack.remove', fingerprint });
    }, async (t) => {
      expect((await t.lookup('kai.cooks', ['luca_92'])).handles).toEqual([0]);
    }],
    ['Delete all data', (t) => t.must({ type: 'command', command: { type: 'workspace.wipe' } }), async (t) => {
      expect((await t.lookup('mara.sings', ['fan.one'])).handles).toEqual([0]);
    }],
  ];
  for (const [what, change, check] of writes) {
    it(`does not answer from a snapshot of before: ${what}`, async () => {
      const t = await keptRoster();
      const writer = await setup(t.db, NEVER);
      await change(writer);
      await check(await setup(t.db, NEVER));
    });
  }

  it('does not answer from a snapshot of before: a backup merged in, or the creator’s handle changed', async () => {
    const { createBackup } = await import('@/lib/domain/backup');
    const { loadWorkspace } = await import('@/lib/store/workspace-store');
    const t = await keptRoster();
    const writer = await setup(t.db, NEVER);
    const data = await backupData(writer.ask);
    const { workspace } = await loadWorkspace(t.db);
    const extra = { ...data.subscribers[0], id: 'from-backup', handle: 'fan.backup', nickname: undefined };
    const text = JSON.stringify(createBackup(workspace, new Date(NOW), '0.1.0', data.stats, [...data.subscribers, extra]));
    expect(await sendBackup(writer.ask, text, 'merge')).toEqual({ ok: true });
    expect((await (await setup(t.db, NEVER)).lookup('mara.sings', ['fan.backup'])).handles[0]).toMatchObject({ s: '2026-01-10' });

    const renamed = await setup(t.db, NEVER);
    await renamed.query();
    await renamed.must({ type: 'command', command: { type: 'profile.save', profile: { ...profile, handle: 'mara.live' }, loaded: profile.updatedAt } });
    const after = await setup(t.db, NEVER);
    expect((await after.lookup('mara.live', ['fan.one'])).handles[0]).toMatchObject({ s: '2026-01-10' });
    expect((await after.lookup('mara.sings', ['fan.one'])).handles).toEqual([0]);
  });

  it('refuses a snapshot that does not read back, and reads the roster instead', async () => {
    const t = await keptRoster();
    const row = (await t.db.lookupCache.get('snapshot'))!;
    const broken = structuredClone(row.value) as { index: { creators: { handleEntries: number[] }[] } };
    broken.index.creators[0]!.handleEntries[0] = 99;
    await t.db.lookupCache.put({ key: 'snapshot', value: broken });
    const again = await setup(t.db, NEVER);
    const subscribers = vi.spyOn(again.db.subscribers, 'toArray');
    expect((await again.lookup('mara.sings', ['fan.one'])).handles[0]).toMatchObject({ s: '2026-01-10' });
    expect(subscribers).toHaveBeenCalledTimes(1);
    // The next start that reads the roster keeps a good one again.
    const { indexSnapshotSchema } = await import('@/lib/roster/matching');
    await (await setup(t.db, 0)).lookup('mara.sings', ['fan.one']);
    await vi.waitFor(async () => {
      const kept = (await t.db.lookupCache.get('snapshot'))!.value as { index: unknown };
      expect(indexSnapshotSchema.safeParse(kept.index).success).toBe(true);
    });
  });

  it('takes no snapshot again when the kept one is of the roster already', async () => {
    const t = await keptRoster();
    const puts = vi.spyOn(t.db.lookupCache, 'bulkPut');
    const again = await setup(t.db, 0);
    // The options page reads the whole roster.
    await again.query();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(puts).not.toHaveBeenCalled();
  });
});

describe('opening a version-3 database', () => {
  it('upgrades to the current version keeping the roster, and takes the index’s snapshot on first use', async () => {
    const name = `v3-${crypto.randomUUID()}`;
    const v3 = shippedDb(name, 3);
    await v3.open();
    await v3.table('singletons').put({ key: 'profile', value: profile });
    await v3.table('tiers').put(tier({ id: 'gold', name: 'Gold', status: 'active', badge: { label: 'GLD', color: '#1a1a80' } }));
    await v3.table('subscribers').put({
      id: 'sub-1', creatorHandle: 'mara.sings', handle: 'fan.one', tierId: 'gold', since: '2026-01-10', status: 'active', note: '', source: 'manual', createdAt: NOW, updatedAt: NOW,
    });
    v3.close();

    const db = new TierkitDb(name);
    await db.open();
    expect(db.verno).toBe(9);
    expect(await db.subscribers.count()).toBe(1);
    expect(await db.lookupCache.count()).toBe(0);
    db.close();

    const t = await setup(new TierkitDb(name), 0);
    expect((await t.lookup('mara.sings', ['fan.one'])).handles[0]).toMatchObject({ s: '2026-01-10' });
    await snapshotKept(t.db);
  });
});

describe('opening a version-2 database', () => {
  it('upgrades to the current version keeping every record, with an empty roster ready to use', async () => {
    const name = `v2-${crypto.randomUUID()}`;
    const v2 = shippedDb(name, 2);
    await v2.open();
    await v2.table('singletons').put({ key: 'profile', value: profile });
    await v2.table('tiers').put(tier({ id: 'gold', name: 'Gold', status: 'active' }));
    await v2.table('dailyStats').put({ handle: 'mara.sings', date: '2026-11-01', videoViews: 5000, followers: 9000 });
    v2.close();

    const db = new TierkitDb(name);
    await db.open();
    expect(db.verno).toBe(9);
    expect((await db.tiers.toArray()).map((t) => t.id)).toEqual(['gold']);
    expect(await db.dailyStats.count()).toBe(1);
    expect(await db.subscribers.count()).toBe(0);
    db.close();

    const handler = createHandler({ db: new TierkitDb(name), publish: async () => undefined, browserLanguage: () => 'en', now: () => NOW });
    const saved = await handler.handle({ type: 'roster.save', subscriber: { handle: 'fan.one', tierId: 'gold', since: '2026-01-10' } });
    expect(saved.ok).toBe(true);
  });
});

describe('the roster in backups', () => {
  it('exports the roster with the backup, and imports it back: replace swaps it, merge matches by id', async () => {
    const { createBackup } = await import('@/lib/domain/backup');
    const { loadWorkspace } = await import('@/lib/store/workspace-store');
    const t = await setup();
    await t.add({ handle: 'fan.one', tierId: 'gold', since: '2026-01-10', note: 'kept in backups' });
    await t.add({ handle: 'fan.two', tierId: 'silver', since: '2026-02-10' });
    const data = await backupData(t.ask);
    expect(data.subscribers.map((s: { handle: string }) => s.handle)).toEqual(['fan.one', 'fan.two']);
    const { workspace } = await loadWorkspace(t.db);
    const text = JSON.stringify(createBackup(workspace, new Date(NOW), '0.1.0', data.stats, data.subscribers));

    await t.must({ type: 'command', command: { type: 'workspace.wipe' } });
    expect((await t.query()).total).toBe(0);
    expect(await sendBackup(t.ask, text, 'replace')).toEqual({ ok: true });
    expect((await t.query()).rows).toEqual(data.subscribers);
    expect(t.statuses.at(-1)?.total).toBe(2);
    expect((await t.lookup('mara.sings', ['fan.one'])).handles[0]).toMatchObject({ s: '2026-01-10' });

    // Merge: a record only here stays; the backup's version of a shared record wins.
    await t.add({ id: 'id-1', handle: 'fan.one', tierId: 'silver', since: '2026-01-10' });
    await t.add({ handle: 'fan.three', tierId: 'gold', since: '2026-03-10' });
    expect(await sendBackup(t.ask, text, 'merge')).toEqual({ ok: true });
    const rows = (await t.query()).rows;
    expect(rows.map((r) => [r.handle, r.tierId])).toEqual([['fan.one', 'gold'], ['fan.three', 'gold'], ['fan.two', 'silver']]);
  });

  it('refuses a backup whose subscribers name a tier it does not have, changing nothing', async () => {
    const { createBackup } = await import('@/lib/domain/backup');
    const { loadWorkspace } = await import('@/lib/store/workspace-store');
    const t = await setup();
    await t.add({ handle: 'fan.one', tierId: 'gold', since: '2026-01-10' });
    const data = await backupData(t.ask);
    const { workspace } = await loadWorkspace(t.db);
    const orphan = { ...data.subscribers[0], id: 'orphan', handle: 'fan.nine', tierId: 'platinum' };
    const text = JSON.stringify(createBackup(workspace, new Date(NOW), '0.1.0', data.stats, [...data.subscribers, orphan]));
    const response = await sendBackup(t.ask, text, 'replace');
    expect(!response.ok && response.problems).toEqual([
      { path: ['subscribers', 1, 'tierId'], message: "This subscriber's tier (platinum) is not among the backup's tiers" },
    ]);
    expect((await t.query()).rows.map((r) => r.handle)).toEqual(['fan.one']);
  });
});
