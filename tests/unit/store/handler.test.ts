import { describe, expect, it, vi } from 'vitest';
import { createHandler } from '@/lib/background/pages-handler';
import { snapshotSchema, type RosterStatus, type Snapshot } from '@/lib/protocol/schemas';
import { TierkitDb } from '@/lib/store/db';
import { loadWorkspace } from '@/lib/store/workspace-store';
import { emptyWorkspace } from '@/lib/domain/defaults';
import { versionOf } from '@/lib/domain/version';
import { getLanguage } from '@/lib/i18n';

interface SetupOptions {
  browserLanguage?: string;
  publish?: (s: Snapshot) => Promise<void>;
  publishRoster?: (status: RosterStatus) => Promise<void>;
  onStatsChanged?: () => Promise<void>;
}

function setup(options: SetupOptions = {}) {
  const published: Snapshot[] = [];
  let n = 0;
  const db = new TierkitDb(`t-${crypto.randomUUID()}`);
  const handler = createHandler({
    db,
    publish: options.publish ?? (async (s) => void published.push(structuredClone(s))),
    ...(options.publishRoster ? { publishRoster: options.publishRoster } : {}),
    ...(options.onStatsChanged ? { onStatsChanged: options.onStatsChanged } : {}),
    browserLanguage: () => options.browserLanguage ?? 'en-US',
    now: () => 1_700_000_000_000,
    newId: () => `id-${++n}`,
    // Publishing is tried again at once: these tests count attempts, not wait for them.
    publishRetryDelaysMs: [0, 0],
  });
  return { db, handler, published, last: () => published.at(-1)! };
}

/** A storage.local.set that refuses the next `failures` writes, as a full or busy storage does. */
function failingStorage<T>(failures: number) {
  const written: T[] = [];
  let attempts = 0;
  const write = async (value: T) => {
    attempts++;
    if (failures > 0) {
      failures--;
      throw new Error('QUOTA_BYTES quota exceeded');
    }
    written.push(structuredClone(value));
  };
  return { write, written, attempts: () => attempts, failNext: (count: number) => (failures = count) };
}

const badge = { label: 'GOLD', color: '#ffcc00' };
const tier = (name: string, priceMinor: number) => ({
  name, priceMinor, currency: 'EUR', description: '', perkIds: [], includesLowerTiers: true, badge, tenureSteps: [1, 2, 3],
});
const command = (c: unknown) => ({ type: 'command', command: c });
const BAD_MESSAGE = 'Tierkit received a malformed request';

describe('background handler', () => {
  it('creates a tier and publishes it', async () => {
    const { handler, last } = setup();
    const res = await handler.handle(command({ type: 'tier.save', tier: tier('Gold', 999) }));
    expect(res).toEqual({ ok: true, data: { revision: last().revision } });
    expect(last().workspace.tiers.map((t) => [t.name, t.status, t.position])).toEqual([['Gold', 'draft', 0]]);
    expect(snapshotSchema.safeParse(last()).success).toBe(true);
  });

  it('refuses a duplicate name with the field path, and publishes nothing', async () => {
    const { handler, published } = setup();
    await handler.handle(command({ type: 'tier.save', tier: tier('Gold', 999) }));
    const res = await handler.handle(command({ type: 'tier.save', tier: tier(' gold ', 1999) }));
    expect(res).toEqual({ ok: false, problems: [{ path: ['name'], message: 'There is already a tier named "gold"' }] });
    expect(published).toHaveLength(1);
  });

  it.each([
    ['an unknown command', command({ type: 'tier.nuke' })],
    ['an unknown request', { type: 'drop-database' }],
    ['a command missing fields', command({ type: 'tier.move', id: 'a' })],
    ['a hostile id', command({ type: 'tier.delete', id: '<img src=x onerror=alert(1)>' })],
    ['null', null],
    ['a string', 'tier.save'],
    ['an array', [1, 2]],
  ])('answers %s with ok:false, publishing and writing nothing', async (_, message) => {
    const { handler, published, db } = setup();
    const res = await handler.handle(message);
    expect(res.ok).toBe(false);
    expect(!res.ok && res.problems[0]).toEqual({ path: [], message: BAD_MESSAGE });
    expect(published).toEqual([]);
    expect(await db.singletons.count()).toBe(0);
  });

  it('points at the malformed field', async () => {
    const { handler } = setup();
    const res = await handler.handle(command({ type: 'tier.move', id: 'a', to: -1 }));
    expect(!res.ok && res.problems.slice(1).map((p) => p.path)).toEqual([['command', 'to']]);
  });

  it('runs concurrent commands one after another', async () => {
    const { handler, db } = setup();
    const names = Array.from({ length: 10 }, (_, i) => `Tier ${i}`);
    const answers = await Promise.all(names.map((name, i) => handler.handle(command({ type: 'tier.save', tier: tier(name, 299 + i) }))));
    expect(answers.map((answer) => answer.ok)).toEqual(names.map(() => true));
    const { workspace } = await loadWorkspace(db);
    expect(workspace.tiers.map((t) => t.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(new Set(workspace.tiers.map((t) => t.name))).toEqual(new Set(names));
  });

  it('publishes after every successful command with a rising revision', async () => {
    const { handler, published } = setup();
    await handler.handle(command({ type: 'tier.save', tier: tier('A', 299) }));
    await handler.handle(command({ type: 'tier.save', tier: tier('A', 299) }));
    await handler.handle(command({ type: 'tier.save', tier: tier('B', 499) }));
    await handler.handle(command({ type: 'tier.move', id: 'id-3', to: 0 }));
    await handler.handle({ type: 'publish' });
    expect(published.map((s) => s.workspace.tiers.length)).toEqual([1, 2, 2, 2]);
    const revisions = published.map((s) => s.revision);
    expect(revisions[0]).toBeGreaterThanOrEqual(1_700_000_000_000);
    for (let i = 1; i < revisions.length; i++) expect(revisions[i]).toBeGreaterThan(revisions[i - 1]!);
  });

  it('"publish" publishes the stored workspace without changing it', async () => {
    const { handler, last, db } = setup();
    expect(await handler.handle({ type: 'publish' })).toEqual({ ok: true });
    expect(last()).toMatchObject({ workspace: emptyWorkspace(), unreadable: [] });
    expect(await db.singletons.count()).toBe(0);
  });

  it('reports stored records it cannot read in the snapshot', async () => {
    const { handler, last, db } = setup();
    await handler.handle(command({ type: 'tier.save', tier: tier('Gold', 999) }));
    await db.tiers.put({ ...last().workspace.tiers[0]!, id: 'bad', name: '' });
    await handler.handle(command({ type: 'tier.save', tier: tier('Silver', 499) }));
    expect(last().unreadable).toEqual(['tiers/bad: name Required']);
    expect(last().workspace.tiers.map((t) => t.name)).toEqual(['Gold', 'Silver']);
  });

  it('speaks the language chosen in settings', async () => {
    const { handler, last } = setup();
    const { settings } = emptyWorkspace();
    await handler.handle(command({ type: 'settings.save', settings: { ...settings, language: 'it' }, loaded: versionOf(settings) }));
    expect(last().workspace.settings.language).toBe('it');
    expect(getLanguage()).toBe('it');
    expect(await handler.handle(command({ type: 'tier.delete', id: 'nope' }))).toEqual({
      ok: false,
      problems: [{ path: [], message: 'Quel livello non esiste più' }],
    });
    const res = await handler.handle(command({ type: 'tier.save', tier: tier('Oro', 10000) }));
    expect(res).toEqual({ ok: false, problems: [{ path: ['priceMinor'], message: 'Il prezzo deve essere tra 0,99\u00a0€ e 99,99\u00a0€' }] });
    expect(await handler.handle({ type: 'nope' })).toEqual({
      ok: false,
      problems: [
        { path: [], message: 'Tierkit ha ricevuto una richiesta malformata' },
        { path: ['type'], message: 'Non valido' },
      ],
    });
  });

  it('follows the browser language when settings say auto', async () => {
    const { handler } = setup({ browserLanguage: 'it-IT' });
    await handler.handle({ type: 'publish' });
    expect(getLanguage()).toBe('it');
    const english = setup({ browserLanguage: 'de-DE' });
    await english.handler.handle({ type: 'publish' });
    expect(getLanguage()).toBe('en');
  });

  it('answers a failure before the change is saved with ok:false, writes nothing, and keeps serving', async () => {
    const { handler, db, published } = setup();
    vi.spyOn(db.tiers, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
    expect(await handler.handle(command({ type: 'tier.save', tier: tier('Gold', 999) }))).toEqual({
      ok: false,
      problems: [{ path: [], message: 'Something went wrong: disk full' }],
    });
    expect(await db.tiers.count()).toBe(0);
    expect(published).toEqual([]);
    expect(await handler.handle(command({ type: 'tier.save', tier: tier('Silver', 499) }))).toEqual({ ok: true, data: { revision: expect.any(Number) } });
    expect(published.at(-1)!.workspace.tiers.map((t) => t.name)).toEqual(['Silver']);
  });
});

describe('publishing a saved change', () => {
  it('answers a change saved but refused once by storage as saved, and publishes it again', async () => {
    const storage = failingStorage<Snapshot>(1);
    const { handler } = setup({ publish: storage.write });
    expect(await handler.handle(command({ type: 'tier.save', tier: tier('Gold', 999) }))).toEqual({ ok: true, data: { revision: expect.any(Number) } });
    expect(storage.attempts()).toBe(2);
    expect(storage.written.map((s) => s.workspace.tiers.map((t) => t.name))).toEqual([['Gold']]);
  });

  it('when storage keeps refusing, answers saved but unpublished, and publishes everything at the next "publish"', async () => {
    const storage = failingStorage<Snapshot>(Infinity);
    const roster = failingStorage<RosterStatus>(Infinity);
    const eligibility = vi.fn(async () => undefined);
    const { handler, db } = setup({ publish: storage.write, publishRoster: roster.write, onStatsChanged: eligibility });
    const answer = await handler.handle(command({ type: 'profile.save', profile: { handle: 'mara.sings', displayName: 'Mara', market: 'IT', currency: 'EUR', age: { kind: 'confirmed-adult' } } }));
    expect(answer).toEqual({ ok: true, unpublished: true });
    // The first try and one after each retry delay.
    expect(storage.attempts()).toBe(3);
    // Saved, whatever the pages show.
    expect((await loadWorkspace(db)).workspace.profile?.handle).toBe('mara.sings');
    // What does not depend on storage.local still ran.
    expect(eligibility).toHaveBeenCalledTimes(1);

    // A page's Reload asks for a publish: once storage works again it gets the workspace and the roster.
    expect((await handler.handle({ type: 'publish' })).ok).toBe(false);
    storage.failNext(0);
    roster.failNext(0);
    expect(await handler.handle({ type: 'publish' })).toEqual({ ok: true });
    expect(storage.written.at(-1)!.workspace.profile?.handle).toBe('mara.sings');
    expect(roster.written.at(-1)!.creators).toEqual(['mara.sings']);
    expect(eligibility).toHaveBeenCalledTimes(2);
  });

  it('answers a roster change as saved when its state could not be published at first, and unpublished when never', async () => {
    const roster = failingStorage<RosterStatus>(0);
    const { handler } = setup({ publishRoster: roster.write });
    const profile = { handle: 'mara.sings', displayName: 'Mara', market: 'IT', currency: 'EUR', age: { kind: 'confirmed-adult' } };
    await handler.handle(command({ type: 'profile.save', profile }));
    await handler.handle(command({ type: 'tier.save', tier: tier('Gold', 999) }));
    const subscriber = (handle: string) => ({ type: 'roster.save', subscriber: { handle, tierId: 'id-1', since: '2023-01-10' } });

    roster.failNext(1);
    expect(await handler.handle(subscriber('fan.one'))).toEqual({ ok: true, data: { id: expect.any(String) } });
    expect(roster.written.at(-1)!.total).toBe(1);

    roster.failNext(Infinity);
    expect(await handler.handle(subscriber('fan.two'))).toEqual({ ok: true, unpublished: true, data: { id: expect.any(String) } });
    roster.failNext(0);
    expect(await handler.handle({ type: 'publish' })).toEqual({ ok: true });
    expect(roster.written.at(-1)!.total).toBe(2);
  });
});
