import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackup } from '@/lib/domain/backup';
import type { Command, CommandContext } from '@/lib/domain/commands';
import { emptyWorkspace } from '@/lib/domain/defaults';
import type { Workspace } from '@/lib/domain/schema';
import { versionOf } from '@/lib/domain/version';
import { TierkitDb } from '@/lib/store/db';
import { loadWorkspace, runCommand, runImport } from '@/lib/store/workspace-store';
import type { Subscriber } from '@/lib/roster/schema';
import { NOW, perk, profile, threeTiers, tier } from '../domain/fixtures';

const opened: TierkitDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});
function freshDb(name = `store-${crypto.randomUUID()}`) {
  const db = new TierkitDb(name);
  opened.push(db);
  return db;
}

let ids = 0;
const ctx = (): CommandContext => ({ now: NOW, newId: () => `gen-${++ids}`, locale: 'en-US' });
async function must(db: TierkitDb, command: Command) {
  const result = await runCommand(db, command, ctx());
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}
/** Every table's rows, as text: equal dumps mean nothing was written. */
async function dump(db: TierkitDb): Promise<string> {
  const tables = await Promise.all(db.workspaceTables.map(async (table) => [table.name, await table.toArray()] as const));
  return JSON.stringify(tables);
}
/** A database holding the three-tier workspace, written the way the app writes it. */
async function seeded(): Promise<TierkitDb> {
  const db = freshDb();
  await must(db, { type: 'workspace.restore', workspace: threeTiers() });
  return db;
}
/** Tables return rows by key, so lists other than tiers come back in key order: compare in that order. */
function byKey(ws: Workspace): Workspace {
  const by = <T,>(key: (row: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  return {
    ...ws,
    perks: [...ws.perks].sort(by((p) => p.id)),
    rulesProfiles: [...ws.rulesProfiles].sort(by((r) => r.id)),
    pricePoints: [...ws.pricePoints].sort(by((p) => p.currency)),
    revenueRules: [...ws.revenueRules].sort(by((r) => r.id)),
    eligibilityProfiles: [...ws.eligibilityProfiles].sort(by((p) => p.id)),
    bonusConditions: [...ws.bonusConditions].sort(by((b) => b.id)),
  };
}
const backup = (ws: Workspace, subscribers?: Subscriber[]) => createBackup(ws, new Date(NOW), '1.0.0', undefined, subscribers);
/** Every table's rows, the roster and the numbers included. */
async function dumpAll(db: TierkitDb): Promise<string> {
  return JSON.stringify(await Promise.all(db.allTables.map(async (table) => [table.name, await table.toArray()] as const)));
}
function roster(count: number, tierId = 'bronze'): Subscriber[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `s${i}`,
    creatorHandle: 'someone.else',
    handle: `fan${i}`,
    tierId,
    since: '2025-01-01',
    status: 'active' as const,
    note: '',
    source: 'csv' as const,
    createdAt: NOW,
    updatedAt: NOW,
  }));
}

describe('loadWorkspace', () => {
  it('gives the defaults on an empty database', async () => {
    expect(await loadWorkspace(freshDb())).toEqual({ workspace: emptyWorkspace(), unreadable: [] });
  });

  it('reads back what a command wrote, tiers in position order', async () => {
    const db = await seeded();
    await must(db, { type: 'tier.setStatus', id: 'bronze', status: 'draft' });
    await must(db, { type: 'tier.move', id: 'bronze', to: 2 });
    const { workspace, unreadable } = await loadWorkspace(db);
    expect(unreadable).toEqual([]);
    expect(workspace.tiers.map((t) => `${t.id}@${t.position}`)).toEqual(['silver@0', 'gold@1', 'bronze@2']);
    expect(workspace.perks).toEqual(byKey(threeTiers()).perks);
    expect(workspace.profile).toEqual(profile);
  });

  it('stores the default price points with the first change, so their ranges keep applying', async () => {
    const db = freshDb();
    const { settings } = emptyWorkspace();
    await must(db, { type: 'settings.save', settings: { ...settings, theme: 'dark' }, loaded: versionOf(settings) });
    expect(await db.pricePoints.count()).toBe(emptyWorkspace().pricePoints.length);
    expect(byKey((await loadWorkspace(db)).workspace).pricePoints).toEqual(byKey(emptyWorkspace()).pricePoints);
    const tooDear = await runCommand(db, { type: 'tier.save', tier: tier({ id: 'x', priceMinor: 10000 }) }, ctx());
    expect(tooDear).toEqual({ ok: false, problems: [{ path: ['priceMinor'], message: 'The price must be between €0.99 and €99.99' }] });
  });

  it('keeps the default revenue rules whole when a change edits one of them', async () => {
    const db = freshDb();
    const { settings, revenueRules } = emptyWorkspace();
    await must(db, { type: 'settings.save', settings: { ...settings, theme: 'dark' }, loaded: versionOf(settings) });
    const edited = revenueRules.map((rule, i) => (i === 0 ? { ...rule, bonusMaxPercent: 10 } : rule));
    await must(db, { type: 'revenueRules.save', revenueRules: edited, loaded: versionOf(revenueRules) });
    expect(byKey((await loadWorkspace(db)).workspace).revenueRules).toEqual(byKey({ ...emptyWorkspace(), revenueRules: edited }).revenueRules);
    // The catch-all rule is still there, so the next change passes the offer's rules.
    await must(db, { type: 'tier.save', tier: tier({ id: 'x', name: 'Gold' }) });
  });

  it('keeps an emptied price list empty once the seed is done', async () => {
    const db = freshDb();
    await must(db, { type: 'pricePoints.save', pricePoints: [], loaded: versionOf(emptyWorkspace().pricePoints) });
    expect((await loadWorkspace(db)).workspace.pricePoints).toEqual([]);
  });
});

describe('runCommand', () => {
  it('returns and stores the new workspace', async () => {
    const db = await seeded();
    const value = await must(db, { type: 'tier.delete', id: 'silver' });
    expect(value.workspace.tiers.map((t) => t.id)).toEqual(['bronze', 'gold']);
    expect((await loadWorkspace(db)).workspace).toEqual(value.workspace);
    expect(await db.tiers.get('silver')).toBeUndefined();
  });

  it.each<[string, Command]>([
    ['a duplicate name', { type: 'tier.save', tier: { ...tier({ id: 'x', name: 'GOLD', priceMinor: 1999 }) } }],
    ['a fourth active tier', { type: 'tier.save', tier: { ...tier({ id: 'x', name: 'Plat', priceMinor: 1999 }), status: 'active' } }],
    ['an unknown tier', { type: 'tier.move', id: 'nope', to: 0 }],
    ['prices out of order', { type: 'tier.move', id: 'gold', to: 0 }],
    ['an unknown perk', { type: 'perk.delete', id: 'nope' }],
    ['a bad perk', { type: 'perk.save', perk: { kind: 'discord-role', title: 'Role', description: '' } }],
  ])('writes nothing when it fails: %s', async (_, command) => {
    const db = await seeded();
    const before = await dump(db);
    const result = await runCommand(db, command, ctx());
    expect(result.ok).toBe(false);
    expect(await dump(db)).toBe(before);
  });

  it('writes all of a change or none of it when the database fails half way', async () => {
    const db = await seeded();
    const before = await dump(db);
    // perk.delete rewrites the tiers that used the perk, then deletes the perk: fail the second write.
    const spy = vi.spyOn(db.perks, 'bulkDelete').mockRejectedValueOnce(new Error('disk full'));
    await expect(runCommand(db, { type: 'perk.delete', id: 'chat' }, ctx())).rejects.toThrow('disk full');
    spy.mockRestore();
    expect(await dump(db)).toBe(before);
  });

  it('wipe empties every table', async () => {
    const db = await seeded();
    const value = await must(db, { type: 'workspace.wipe' });
    expect(value.workspace).toEqual(emptyWorkspace());
    for (const table of db.workspaceTables) expect(await table.count(), table.name).toBe(0);
  });
});

describe('runImport', () => {
  it('replaces everything in one go', async () => {
    const db = await seeded();
    const incoming: Workspace = { ...emptyWorkspace(), tiers: [tier({ id: 'solo', name: 'Solo', status: 'active' })], perks: [perk('only')] };
    const result = await runImport(db, backup(incoming), 'replace', ctx());
    expect(result.ok && result.value.roster).toBeUndefined();
    expect(byKey((await loadWorkspace(db)).workspace)).toEqual(byKey(incoming));
    expect(await db.singletons.get('profile')).toBeUndefined();
  });

  it('writes the roster in slices, telling how far it is, under the importing creator', async () => {
    const db = await seeded();
    const saved: number[] = [];
    const result = await runImport(db, backup(threeTiers(), roster(25_001)), 'replace', ctx(), undefined, (done) => saved.push(done));
    expect(saved).toEqual([10_000, 20_000, 25_001]);
    expect(await db.subscribers.count()).toBe(25_001);
    expect((await db.subscribers.get('s7'))?.creatorHandle).toBe('mara.sings');
    expect(result.ok && result.value.roster?.subscribers.every((s) => s.creatorHandle === 'mara.sings')).toBe(true);
    expect(result.ok && result.value.roster?.generation).toBe(1);
  });

  it('writes nothing when the merged workspace breaks a rule', async () => {
    const db = await seeded();
    const before = await dumpAll(db);
    const clash = { ...emptyWorkspace(), tiers: [tier({ id: 'other', name: 'silver', priceMinor: 1999 })] };
    const result = await runImport(db, backup(clash, roster(3, 'other')), 'merge', ctx());
    expect(result.ok).toBe(false);
    expect(await dumpAll(db)).toBe(before);
  });

  it('writes nothing, not even the slices before, when the database fails half way through the roster', async () => {
    const db = await seeded();
    await runImport(db, backup(threeTiers(), roster(5)), 'replace', ctx());
    const before = await dumpAll(db);
    const real = db.subscribers.bulkPut.bind(db.subscribers);
    let calls = 0;
    const spy = vi.spyOn(db.subscribers, 'bulkPut').mockImplementation(((rows: Subscriber[]) =>
      ++calls === 2 ? Promise.reject(new Error('disk full')) : real(rows)) as never);
    const incoming = { ...threeTiers(), perks: [...threeTiers().perks, perk('extra')] };
    await expect(runImport(db, backup(incoming, roster(15_000)), 'replace', ctx())).rejects.toThrow('disk full');
    spy.mockRestore();
    expect(calls).toBe(2);
    expect(await dumpAll(db)).toBe(before);
  });
});

describe('records that no longer validate', () => {
  const badTier = { ...tier({ id: 'broken', name: 'x'.repeat(40), position: 3 }) };

  it('are reported, and the rest still loads', async () => {
    const db = await seeded();
    await db.tiers.put(badTier);
    await db.perks.put({ id: 'odd', kind: 'teleport', title: 'T', description: '' } as never);
    const { workspace, unreadable } = await loadWorkspace(db);
    expect(unreadable).toEqual(['tiers/broken: name At most 30 characters', 'perks/odd: kind Not valid']);
    expect(workspace.tiers.map((t) => t.id)).toEqual(['bronze', 'silver', 'gold']);
    expect(workspace.perks.map((p) => p.id)).toEqual(['chat', 'discord', 'videos']);
  });

  it('are never deleted or rewritten by later commands', async () => {
    const db = await seeded();
    await db.tiers.put(badTier);
    await must(db, { type: 'tier.save', tier: { ...tier({ id: 'new', name: 'New', priceMinor: 1999 }) } });
    await must(db, { type: 'tier.delete', id: 'silver' });
    await must(db, { type: 'tier.move', id: 'new', to: 0 });
    await must(db, { type: 'perk.delete', id: 'chat' });
    await must(db, { type: 'workspace.restore', workspace: threeTiers() });
    const result = await runImport(db, backup(threeTiers()), 'replace', ctx());
    expect(result.ok && result.value.unreadable).toEqual(['tiers/broken: name At most 30 characters']);
    expect(await db.tiers.get('broken')).toEqual(badTier);
  });

  it('a profile or settings record that no longer reads is kept through other changes', async () => {
    const db = await seeded();
    const badProfile = { ...profile, handle: 'x' };
    const badSettings = { ...emptyWorkspace().settings, theme: 'neon' };
    await db.singletons.put({ key: 'profile', value: badProfile as never });
    await db.singletons.put({ key: 'settings', value: badSettings as never });
    const loaded = await loadWorkspace(db);
    expect(loaded.workspace.profile).toBeNull();
    expect(loaded.workspace.settings).toEqual(emptyWorkspace().settings);
    expect(loaded.unreadable).toHaveLength(2);
    await must(db, { type: 'tier.delete', id: 'gold' });
    expect((await db.singletons.get('profile'))?.value).toEqual(badProfile);
    expect((await db.singletons.get('settings'))?.value).toEqual(badSettings);
    // Saving the profile on purpose replaces it.
    const { updatedAt: _, ...form } = profile;
    await must(db, { type: 'profile.save', profile: form });
    expect((await loadWorkspace(db)).workspace.profile).toEqual(profile);
  });
});

describe('opening the data of older versions', () => {
  /** The version-1 schema, created with raw IndexedDB as Dexie 4 did (native version = 10 x Dexie's). */
  function createVersion1(name: string, rows: Record<string, unknown[]>): Promise<void> {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open(name, 10);
      request.onupgradeneeded = () => {
        const idb = request.result;
        idb.createObjectStore('singletons', { keyPath: 'key' });
        const tiers = idb.createObjectStore('tiers', { keyPath: 'id' });
        tiers.createIndex('position', 'position');
        tiers.createIndex('status', 'status');
        idb.createObjectStore('perks', { keyPath: 'id' }).createIndex('kind', 'kind');
        idb.createObjectStore('rulesProfiles', { keyPath: 'id' });
        idb.createObjectStore('pricePoints', { keyPath: 'currency' });
        idb.createObjectStore('revenueRules', { keyPath: 'id' });
      };
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const idb = request.result;
        const tx = idb.transaction(Object.keys(rows), 'readwrite');
        for (const [store, list] of Object.entries(rows)) for (const row of list) tx.objectStore(store).put(row);
        tx.oncomplete = () => {
          idb.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
  }

  it('loads a version-1 database and keeps working on it', async () => {
    const name = `v1-${crypto.randomUUID()}`;
    const ws = threeTiers();
    ws.settings = { ...ws.settings, language: 'it', planner: { ...ws.settings.planner, expectedSubscribers: { gold: 12 } } };
    await createVersion1(name, {
      singletons: [
        { key: 'profile', value: ws.profile },
        // Version 1 settings had no eligibility fields: the upgrade adds them.
        { key: 'settings', value: (({ eligibilityProfileId: _, notifications: __, ...v1 }) => v1)(ws.settings) },
      ],
      tiers: ws.tiers,
      perks: ws.perks,
      rulesProfiles: ws.rulesProfiles,
      pricePoints: ws.pricePoints,
      revenueRules: ws.revenueRules,
    });
    const db = freshDb(name);
    const loaded = await loadWorkspace(db);
    expect(loaded).toEqual({ workspace: byKey(ws), unreadable: [] });
    const next = await must(db, { type: 'tier.delete', id: 'bronze' });
    expect(next.workspace.tiers.map((t) => `${t.id}@${t.position}`)).toEqual(['silver@0', 'gold@1']);
    // Opening it upgraded it through version 2 to 3: settings gained their eligibility fields (on disk, not only
    // on read), the rules tables hold the defaults, and the statistics tables exist, empty.
    expect(db.verno).toBe(9);
    expect((await db.singletons.get('settings'))?.value).toMatchObject({ eligibilityProfileId: 'tiktok-subscription', notifications: true });
    expect((await db.eligibilityProfiles.toArray()).map((p) => p.id).sort()).toEqual(['live-subscription-2022', 'tiktok-subscription']);
    expect(await db.statSnapshots.count()).toBe(0);
    expect(await db.dailyStats.count()).toBe(0);
  });

  it('opens a version-1 database whose settings are null, with default settings, and runs commands on it', async () => {
    const name = `v1-null-${crypto.randomUUID()}`;
    const ws = threeTiers();
    await createVersion1(name, { singletons: [{ key: 'profile', value: ws.profile }, { key: 'settings', value: null }], tiers: ws.tiers, perks: ws.perks });
    const db = freshDb(name);
    const next = await must(db, { type: 'tier.delete', id: 'bronze' });
    expect(next.workspace.tiers.map((t) => t.id)).toEqual(['silver', 'gold']);
    // Nothing was there to keep: the upgrade wrote the defaults, which read back without a problem.
    expect((await db.singletons.get('settings'))?.value).toEqual(emptyWorkspace().settings);
    expect(next.unreadable).toEqual([]);
    expect(next.workspace.settings).toEqual(emptyWorkspace().settings);
  });

  it('leaves a version-1 settings record of another shape in place, reported, and still runs commands', async () => {
    const name = `v1-odd-${crypto.randomUUID()}`;
    const ws = threeTiers();
    await createVersion1(name, { singletons: [{ key: 'settings', value: 'dark' }], tiers: ws.tiers, perks: ws.perks });
    const db = freshDb(name);
    const next = await must(db, { type: 'tier.delete', id: 'bronze' });
    expect(next.workspace.tiers.map((t) => t.id)).toEqual(['silver', 'gold']);
    expect(next.unreadable).toEqual([expect.stringMatching(/^singletons\/settings: /)]);
    expect((await db.singletons.get('settings'))?.value).toBe('dark');
  });
});
