// Lists whose records are unique by a key (ids, currencies, requirements, days, subscribers' ids and
// usernames) and ids that become object keys, through the real background handler on fake-indexeddb:
// a repeat or a reserved name is refused at its path, nothing is written, and nothing locks the
// workspace afterwards.
import { describe, expect, it } from 'vitest';
import { createBackup } from '@/lib/domain/backup';
import type { Workspace } from '@/lib/domain/schema';
import { versionOf } from '@/lib/domain/version';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { snapshot, startAppState } from '@/components/app-state';
import { type Response, type RosterStatus, type Snapshot } from '@/lib/protocol/schemas';
import { SNAPSHOT_KEY } from '@/lib/protocol/stored-keys';
import { createHandler } from '@/lib/background/pages-handler';
import type { Subscriber } from '@/lib/roster/schema';
import { TierkitDb } from '@/lib/store/db';
import { loadWorkspace } from '@/lib/store/workspace-store';
import { startFakeBackground } from '../helpers/background';
import { threeTiers } from '../domain/fixtures';
import { sendBackup } from '../helpers/uploads';

const NOW = Date.UTC(2026, 10, 24, 12);

async function setup() {
  const db = new TierkitDb(`keyed-${crypto.randomUUID()}`);
  const published: Snapshot[] = [];
  const statuses: RosterStatus[] = [];
  let n = 0;
  const start = () =>
    createHandler({
      db,
      publish: async (snapshot) => void published.push(structuredClone(snapshot)),
      publishRoster: async (status) => void statuses.push(structuredClone(status)),
      browserLanguage: () => 'en-US',
      now: () => NOW,
      newId: () => `id-${++n}`,
    });
  let handler = start();
  const ask = (request: unknown) => handler.handle(request);
  const command = (c: unknown) => ask({ type: 'command', command: c });
  // A request, or a file sent in parts as the page sends it (`importing`).
  type Sent = unknown | Upload;
  const send = (request: Sent): Promise<Response> => (typeof request === 'function' ? (request as Upload)(ask) : ask(request));
  const must = async (request: Sent) => {
    const response = await send(request);
    if (!response.ok) throw new Error(JSON.stringify(response.problems));
    return response.data as any;
  };
  const problems = async (request: Sent) => {
    const response = await send(request);
    return response.ok ? [] : response.problems.map((p) => [p.path.join('.'), p.message]);
  };
  const stored = async () => (await loadWorkspace(db)).workspace;
  // Bronze, Silver and Gold, active, with a profile: the workspace every test starts from.
  await must(importing(backupOf(threeTiers())));
  /** The background started again on the same database, as after Chrome stopped its service worker. */
  const restart = () => void (handler = start());
  return { db, published, statuses, ask, command, must, problems, stored, restart };
}

function backupOf(ws: Workspace, extra: { subscribers?: Subscriber[]; stats?: Parameters<typeof createBackup>[3] } = {}): string {
  return JSON.stringify(createBackup(ws, new Date(NOW), '0.1.0', extra.stats, extra.subscribers));
}

type Upload = (ask: (request: unknown) => Promise<Response>) => Promise<Response>;
const importing = (text: string, mode: 'replace' | 'merge' = 'replace'): Upload => (ask) => sendBackup(ask, text, mode);

function subscriber(id: string, over: Partial<Subscriber> = {}): Subscriber {
  return {
    id,
    creatorHandle: 'mara.sings',
    handle: `fan.${id}`,
    tierId: 'gold',
    since: '2026-01-10',
    status: 'active',
    note: '',
    source: 'manual',
    createdAt: NOW,
    updatedAt: NOW,
    ...over,
  };
}

/** A workspace with one list changed; `repeat` puts a second record with an existing key in it. */
const repeats: [string, (ws: Workspace) => void, string, string][] = [
  [
    'tiers',
    (ws) => ws.tiers.push({ ...ws.tiers[0]!, name: 'Copper', status: 'draft', position: 3 }),
    'data.tiers.3.id',
    'The id "bronze" is already used by tiers › 1',
  ],
  ['perks', (ws) => ws.perks.push({ ...ws.perks[1]!, title: 'Other' }), 'data.perks.3.id', 'The id "videos" is already used by perks › 2'],
  [
    'perk references in a tier',
    (ws) => (ws.tiers[1]!.perkIds = ['videos', 'chat', 'videos']),
    'data.tiers.1.perkIds.2',
    'The perk "videos" is already listed at perkIds › 1',
  ],
  [
    'price points',
    (ws) => ws.pricePoints.push({ currency: 'USD', suggested: [], min: 1, max: 100_000 }),
    'data.pricePoints.17.currency',
    'The currency "USD" is already used by pricePoints › 1',
  ],
  [
    'eligibility profiles',
    (ws) => ws.eligibilityProfiles.push({ ...ws.eligibilityProfiles[0]!, name: 'Copy' }),
    'data.eligibilityProfiles.2.id',
    'The id "tiktok-subscription" is already used by eligibilityProfiles › 1',
  ],
  [
    'requirements',
    (ws) => ws.eligibilityProfiles[0]!.requirements.push({ kind: 'followers', min: 5 }),
    'data.eligibilityProfiles.0.requirements.4.kind',
    'This requirement is already listed for the same window, at requirements › 3',
  ],
  [
    'revenue rules',
    // The catch-all first, then a rule for two markets with its id: the database kept the second.
    (ws) => (ws.revenueRules = [ws.revenueRules[1]!, { ...ws.revenueRules[0]!, id: 'elsewhere' }]),
    'data.revenueRules.1.id',
    'The id "elsewhere" is already used by revenueRules › 1',
  ],
  [
    'rules profiles',
    (ws) => ws.rulesProfiles.push({ ...ws.rulesProfiles[0]!, maxActiveTiers: 1 }),
    'data.rulesProfiles.1.id',
    'The id "tiktok-subscription" is already used by rulesProfiles › 1',
  ],
  [
    'bonus conditions',
    (ws) => ws.bonusConditions.push({ ...ws.bonusConditions[1]!, markets: ['US'] }),
    'data.bonusConditions.2.id',
    'The id "elsewhere" is already used by bonusConditions › 2',
  ],
];

describe('a backup with a repeated key', () => {
  it.each(repeats)('refuses a repeat in %s at the second one, writing nothing and locking nothing', async (_, repeat, path, message) => {
    const t = await setup();
    const before = await t.stored();
    const published = t.published.length;
    const ws = threeTiers();
    repeat(ws);
    for (const mode of ['replace', 'merge'] as const) {
      expect(await t.problems(importing(backupOf(ws), mode))).toEqual([[path, message]]);
    }
    expect(await t.stored()).toEqual(before);
    expect(t.published.length).toBe(published);
    // Nothing half-imported stands in the way of the next change.
    expect(await t.problems({ type: 'command', command: { type: 'tier.setStatus', id: 'gold', status: 'archived' } })).toEqual([]);
  });

  it('refuses a day recorded twice, in the snapshots or the Studio days', async () => {
    const t = await setup();
    const snapshot = { handle: 'mara.sings', day: '2026-02-28', capturedAt: NOW, followers: 10, source: 'manual' as const, precise: true };
    const day = { handle: 'mara.sings', date: '2026-02-27', videoViews: 5, followers: 9, importedAt: NOW };
    const text = backupOf(threeTiers(), {
      stats: {
        snapshots: [snapshot, { ...snapshot, day: '2026-03-01' }, { ...snapshot, followers: 11 }],
        daily: [day, { ...day, handle: 'someone.else' }, { ...day, videoViews: 6 }],
      },
    });
    expect(await t.problems(importing(text))).toEqual([
      ['stats.snapshots.2.day', 'The day 2026-02-28 of @mara.sings is already recorded at snapshots › 1'],
      ['stats.daily.2.date', 'The day 2026-02-27 of @mara.sings is already recorded at daily › 1'],
    ]);
    expect(await t.db.statSnapshots.count()).toBe(0);
  });

  it('refuses a subscriber id or username used twice, keeping the roster as it was', async () => {
    const t = await setup();
    await t.must({ type: 'roster.save', subscriber: { handle: 'fan.mine', tierId: 'gold', since: '2026-01-10' } });
    const text = backupOf(threeTiers(), {
      subscribers: [
        subscriber('a'),
        subscriber('b'),
        subscriber('a', { handle: 'fan.other' }),
        subscriber('c', { handle: 'fan.b', nickname: 'Bee' }),
        subscriber('d', { handle: undefined, nickname: 'Bee' }),
      ],
    });
    expect(await t.problems(importing(text))).toEqual([
      ['subscribers.2.id', 'The id "a" is already used by subscribers › 1'],
      ['subscribers.3.handle', 'The username @fan.b is already used by subscribers › 2'],
    ]);
    expect((await t.db.subscribers.toArray()).map((s) => s.handle)).toEqual(['fan.mine']);
  });

  it('says so in Italian', async () => {
    const t = await setup();
    const ws = threeTiers();
    ws.revenueRules.push({ ...ws.revenueRules[0]! });
    const { settings } = await t.stored();
    await t.must({ type: 'command', command: { type: 'settings.save', settings: { ...settings, language: 'it' }, loaded: versionOf(settings) } });
    expect(await t.problems(importing(backupOf(ws)))).toEqual([['data.revenueRules.2.id', 'L\'id "us-ca" è già usato da revenueRules › 1']]);
  });
});

describe('a save command with a repeated key', () => {
  it.each([
    ['revenueRules.save', 'revenueRules', (ws: Workspace) => [...ws.revenueRules, { ...ws.revenueRules[0]!, markets: ['FR'] }], 'revenueRules.2.id'],
    ['rulesProfiles.save', 'rulesProfiles', (ws: Workspace) => [...ws.rulesProfiles, { ...ws.rulesProfiles[0]!, maxActiveTiers: 1 }], 'rulesProfiles.1.id'],
    ['bonusConditions.save', 'bonusConditions', (ws: Workspace) => [...ws.bonusConditions, ws.bonusConditions[0]!], 'bonusConditions.2.id'],
    ['eligibilityProfiles.save', 'eligibilityProfiles', (ws: Workspace) => [...ws.eligibilityProfiles, ws.eligibilityProfiles[1]!], 'eligibilityProfiles.2.id'],
    ['pricePoints.save', 'pricePoints', (ws: Workspace) => [...ws.pricePoints, ws.pricePoints[2]!], 'pricePoints.17.currency'],
  ])('%s refuses it at the second one and keeps what was stored', async (type, field, list, path) => {
    const t = await setup();
    const before = await t.stored();
    const found = await t.problems({ type: 'command', command: { type, [field]: list(before), loaded: versionOf(before[field as keyof Workspace] as object) } });
    expect(found.map(([p]) => p)).toEqual([path]);
    expect(found[0]![1]).toMatch(/^The (id|currency) "[^"]+" is already used by [a-zA-Z]+ › \d+$/);
    expect(await t.stored()).toEqual(before);
    expect(await t.problems({ type: 'command', command: { type: 'tier.setStatus', id: 'gold', status: 'archived' } })).toEqual([]);
  });
});

describe('ids that would be object keys', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('refuses the tier id %s, and the roster counts stay right', async (id) => {
    const t = await setup();
    const ws = threeTiers();
    ws.tiers[2] = { ...ws.tiers[2]!, id };
    ws.settings.planner.expectedSubscribers = {};
    const text = backupOf(ws, { subscribers: [subscriber('a', { tierId: id }), subscriber('b', { tierId: id, status: 'lapsed' })] });
    const found = await t.problems(importing(text));
    expect(found).toContainEqual(['data.tiers.2.id', `"${id}" is a reserved name; choose another identifier`]);
    expect(found).toContainEqual(['subscribers.0.tierId', `"${id}" is a reserved name; choose another identifier`]);
    expect(Object.prototype).not.toHaveProperty('active');
    expect(Object).not.toHaveProperty('active');
    expect(t.statuses.at(-1)?.counts ?? {}).toEqual({});
  });

  it('refuses a reserved name as a key of the expected subscribers', async () => {
    const t = await setup();
    const ws = await t.stored();
    // (zod itself skips a "__proto__" key.)
    const expectedSubscribers = JSON.parse('{"constructor": 5, "gold": 3}') as Record<string, number>;
    const settings = { ...ws.settings, planner: { ...ws.settings.planner, expectedSubscribers } };
    const response = await t.command({ type: 'settings.save', settings, loaded: versionOf(ws.settings) });
    expect(response.ok).toBe(false);
    expect((await t.stored()).settings.planner.expectedSubscribers).toEqual({});
  });
});

describe('the roster against workspace changes', () => {
  async function withRoster() {
    const t = await setup();
    await t.must({ type: 'roster.save', subscriber: { handle: 'fan.one', tierId: 'silver', since: '2026-01-10' } });
    await t.must({ type: 'roster.save', subscriber: { handle: 'fan.two', tierId: 'silver', since: '2026-01-10', status: 'lapsed' } });
    await t.must({ type: 'roster.save', subscriber: { handle: 'fan.three', tierId: 'gold', since: '2026-01-10' } });
    return t;
  }
  const withoutSilverAndGold = () => {
    const ws = threeTiers();
    ws.tiers = ws.tiers.filter((tier) => tier.id === 'bronze');
    ws.settings.planner.expectedSubscribers = {};
    return ws;
  };
  const tierGone = [
    ['', '2 subscribers on your roster have the tier "Silver", which would be gone: move them to another tier first (Subscribers)'],
    ['', '1 subscriber on your roster has the tier "Gold", which would be gone: move them to another tier first (Subscribers)'],
  ];

  it('refuses a replace without a roster that drops tiers the roster has, naming them and how many', async () => {
    const t = await withRoster();
    const before = await t.stored();
    expect(await t.problems(importing(backupOf(withoutSilverAndGold())))).toEqual(tierGone);
    expect(await t.stored()).toEqual(before);
    // With its own roster the backup replaces the roster too; merged, the tiers stay.
    await t.must(importing(backupOf(withoutSilverAndGold()), 'merge'));
    await t.must(importing(backupOf(withoutSilverAndGold(), { subscribers: [subscriber('a', { tierId: 'bronze' })] })));
    expect((await t.stored()).tiers.map((tier) => tier.id)).toEqual(['bronze']);
    expect((await t.db.subscribers.toArray()).map((s) => s.handle)).toEqual(['fan.a']);
  });

  it('refuses a merge whose roster brings a username another record here has', async () => {
    const t = await withRoster();
    const text = backupOf(threeTiers(), { subscribers: [subscriber('from-backup', { handle: 'fan.two' })] });
    expect(await t.problems(importing(text, 'merge'))).toEqual([['subscribers.0.handle', '@fan.two is already on the roster']]);
    expect(await t.db.subscribers.count()).toBe(3);
    // The same record (same id) is the backup's version of it, not a repeat.
    const [two] = await t.db.subscribers.where('id').equals('id-2').toArray();
    await t.must(importing(backupOf(threeTiers(), { subscribers: [{ ...two!, note: 'from the backup' }] }), 'merge'));
    expect((await t.db.subscribers.get('id-2'))?.note).toBe('from the backup');
  });

  it('refuses an undo that would put back a workspace without a tier the roster has', async () => {
    const t = await withRoster();
    const ws = await t.stored();
    const found = await t.problems({ type: 'command', command: { type: 'workspace.restore', workspace: { ...ws, tiers: ws.tiers.filter((x) => x.id === 'bronze') } } });
    expect(found).toEqual(tierGone);
    expect((await t.stored()).tiers).toHaveLength(3);
  });

  it('names the tier when refusing to delete it', async () => {
    const t = await withRoster();
    expect(await t.problems({ type: 'command', command: { type: 'tier.delete', id: 'gold' } })).toEqual([tierGone[1]]);
  });

  it('refuses a roster undo when the username came back meanwhile or the tier went', async () => {
    const t = await withRoster();
    const { removed } = await t.must({ type: 'roster.remove', ids: ['id-1', 'id-3', 'id-1'] });
    expect(removed.map((s: Subscriber) => s.id)).toEqual(['id-1', 'id-3']);
    await t.must({ type: 'roster.save', subscriber: { handle: 'fan.one', tierId: 'bronze', since: '2026-02-01' } });
    await t.must({ type: 'command', command: { type: 'tier.setStatus', id: 'gold', status: 'archived' } });
    await t.must({ type: 'command', command: { type: 'tier.delete', id: 'gold' } });
    const statuses = t.statuses.length;
    expect(await t.problems({ type: 'roster.restore', subscribers: removed })).toEqual([
      ['subscribers.0.handle', '@fan.one is already on the roster'],
      ['subscribers.1.tierId', '@fan.three was on a tier that no longer exists'],
    ]);
    expect((await t.db.subscribers.toArray()).map((s) => s.handle).sort()).toEqual(['fan.one', 'fan.two']);
    expect(t.statuses.length).toBe(statuses);
    expect(await t.problems({ type: 'roster.restore', subscribers: [removed[0], removed[0]] })).toContainEqual([
      'subscribers.1.id',
      'The id "id-1" is already used by subscribers › 1',
    ]);
  });
});

describe('a workspace locked by repeats imported before they were refused', () => {
  // What such an import left: the database kept the last of each repeated id, and with it a workspace
  // that breaks a rule (no catch-all revenue rule; one active tier allowed, three active).
  async function locked() {
    const t = await setup();
    const ws = await t.stored();
    await t.db.revenueRules.clear();
    await t.db.revenueRules.put({ ...ws.revenueRules[0]!, id: 'elsewhere' });
    await t.db.rulesProfiles.put({ ...ws.rulesProfiles[0]!, maxActiveTiers: 1 });
    return t;
  }

  it('takes changes again, archiving included', async () => {
    const t = await locked();
    expect(await t.problems({ type: 'command', command: { type: 'tier.setStatus', id: 'bronze', status: 'archived' } })).toEqual([]);
    expect(await t.problems({ type: 'command', command: { type: 'tier.setStatus', id: 'silver', status: 'archived' } })).toEqual([]);
    expect(
      await t.problems({ type: 'command', command: { type: 'perk.save', perk: { kind: 'subscriber-chat', title: 'Chat two', description: '' } } }),
    ).toEqual([]);
    expect(t.published.at(-1)?.workspace.tiers.filter((tier) => tier.status === 'active').map((tier) => tier.id)).toEqual(['gold']);
  });

  it('still refuses what a change would break anew, and lets the creator repair the rest', async () => {
    const t = await locked();
    const ws = await t.stored();
    const renamed = await t.problems({ type: 'command', command: { type: 'tier.save', tier: { ...ws.tiers[2]!, name: 'Silver' }, loaded: versionOf(ws.tiers[2]!) } });
    expect(renamed).toEqual([['name', 'There is already a tier named "Silver"']]);
    const rules = [...ws.revenueRules, { ...ws.revenueRules[0]!, id: 'rest', markets: ['*'] }];
    expect(await t.problems({ type: 'command', command: { type: 'revenueRules.save', revenueRules: rules, loaded: versionOf(ws.revenueRules) } })).toEqual([]);
    const rulesProfiles = [{ ...ws.rulesProfiles[0]!, maxActiveTiers: 3 }];
    expect(await t.problems({ type: 'command', command: { type: 'rulesProfiles.save', rulesProfiles, loaded: versionOf(ws.rulesProfiles) } })).toEqual([]);
  });

  it('lets the creator edit or remove the records of a username imported twice', async () => {
    const t = await setup();
    // As such an import left the roster: two records (two ids) with one username.
    await t.db.subscribers.bulkPut([subscriber('a', { handle: 'fan.twice' }), subscriber('b', { handle: 'fan.twice', tierId: 'silver' })]);
    t.restart();
    const first = (await t.db.subscribers.get('a'))!;
    await t.must({ type: 'roster.save', subscriber: { id: 'a', handle: 'fan.twice', tierId: 'gold', since: '2026-01-10', note: 'first' }, loaded: first.updatedAt });
    expect((await t.db.subscribers.get('a'))?.note).toBe('first');
    // Giving the username to a third record is still refused.
    const third = await t.must({ type: 'roster.save', subscriber: { handle: 'fan.third', tierId: 'gold', since: '2026-01-10' } });
    expect(await t.problems({ type: 'roster.save', subscriber: { id: third.id, handle: 'fan.twice', tierId: 'gold', since: '2026-01-10' }, loaded: (await t.db.subscribers.get(third.id))!.updatedAt })).toEqual([
      ['handle', '@fan.twice is already on the roster'],
    ]);
    await t.must({ type: 'roster.remove', ids: ['b'] });
    expect((await t.db.subscribers.toArray()).map((s) => s.id).sort()).toEqual(['a', third.id]);
  });

  it('is not shown from the snapshot with the repeats: the page asks for the stored workspace', async () => {
    const { db, handler } = startFakeBackground();
    await handler.handle({ type: 'command', command: { type: 'tier.save', tier: { ...threeTiers().tiers[0]!, id: undefined } } });
    const { workspace } = await loadWorkspace(db);
    const repeated = { ...workspace, revenueRules: [...workspace.revenueRules, workspace.revenueRules[0]!] };
    await fakeBrowser.storage.local.set({ [SNAPSHOT_KEY]: { workspace: repeated, unreadable: [], revision: NOW } });
    snapshot.value = null;
    const stop = await startAppState();
    const shown = snapshot.value as Snapshot | null;
    expect(shown?.workspace.revenueRules.map((rule) => rule.id)).toEqual(['us-ca', 'elsewhere']);
    stop();
  });
});
