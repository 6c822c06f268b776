// Reads and writes the workspace in the database. Every record read back is validated: one that no
// longer fits its schema is left in place untouched and reported, never silently dropped or overwritten.
import { emptyWorkspace } from '../domain/defaults';
import type { Backup, BackupStats, ImportMode } from '../domain/backup';
import { applyCommand, importBackup, type Command, type CommandContext } from '../domain/commands';
import { sortTiers } from '../domain/offer';
import type { Result } from '../domain/problems';
import {
  perkSchema,
  pricePointsSchema,
  profileSchema,
  revenueRuleSchema,
  rulesProfileSchema,
  settingsSchema,
  superFanSchema,
  tierSchema,
  type Workspace,
} from '../domain/schema';
import { bonusConditionsSchema, eligibilityProfileSchema } from '../eligibility/rules';
import type { Table } from 'dexie';
import type { Subscriber } from '../roster/schema';
import type { SubscriberOnlyPost } from '../domain/posts';
import type { RosterGuard } from '../roster/workspace-change';
import { nextRosterGeneration, type TierkitDb } from './db';

export interface Loaded {
  workspace: Workspace;
  /** Stored records that failed validation, as "table/key: message". */
  unreadable: string[];
}

type Parser<T> = { safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string; path: PropertyKey[] }[] } } };

function keep<T>(rows: unknown[], schema: Parser<T>, table: string, key: (row: any) => unknown, unreadable: string[]): T[] {
  const out: T[] = [];
  for (const row of rows) {
    const parsed = schema.safeParse(row);
    if (parsed.success) out.push(parsed.data);
    else {
      const issue = parsed.error.issues[0];
      unreadable.push(`${table}/${String(key(row))}: ${issue?.path.join('.')} ${issue?.message}`);
    }
  }
  return out;
}

export async function loadWorkspace(db: TierkitDb): Promise<Loaded> {
  const unreadable: string[] = [];
  const defaults = emptyWorkspace();
  const [singletons, tiers, perks, rulesProfiles, pricePoints, revenueRules, eligibilityProfiles, bonusConditions] = await Promise.all([
    db.singletons.toArray(),
    db.tiers.toArray(),
    db.perks.toArray(),
    db.rulesProfiles.toArray(),
    db.pricePoints.toArray(),
    db.revenueRules.toArray(),
    db.eligibilityProfiles.toArray(),
    db.bonusConditions.toArray(),
  ]);
  const seeded = singletons.some((row) => row.key === 'settings');
  const single = (key: string) => singletons.filter((row) => row.key === key).map((row) => row.value);
  const [profile] = keep(single('profile'), profileSchema, 'singletons', () => 'profile', unreadable);
  const [settings] = keep(single('settings'), settingsSchema, 'singletons', () => 'settings', unreadable);
  const [superFan] = keep(single('superFan'), superFanSchema, 'singletons', () => 'superFan', unreadable);
  const id = (row: { id?: unknown }) => row.id;
  const storedRules = keep(rulesProfiles, rulesProfileSchema, 'rulesProfiles', id, unreadable);
  const storedRevenue = keep(revenueRules, revenueRuleSchema, 'revenueRules', id, unreadable);
  return {
    workspace: {
      profile: profile ?? null,
      // In position order, as every command leaves them, so a problem's ['tiers', i] means the same tier
      // in the page's snapshot and in the workspace the command checked.
      tiers: sortTiers(keep(tiers, tierSchema, 'tiers', id, unreadable)),
      perks: keep(perks, perkSchema, 'perks', id, unreadable),
      settings: settings ?? defaults.settings,
      rulesProfiles: storedRules.length ? storedRules : defaults.rulesProfiles,
      // Price points are seeded once; an empty table after that is the creator's choice.
      pricePoints: seeded
        ? keep(pricePoints, pricePointsSchema, 'pricePoints', (row) => row.currency, unreadable)
        : defaults.pricePoints,
      revenueRules: storedRevenue.length ? storedRevenue : defaults.revenueRules,
      // Seeded like the price points (or by the version 2 upgrade of a version 1 database).
      eligibilityProfiles: seeded
        ? keep(eligibilityProfiles, eligibilityProfileSchema, 'eligibilityProfiles', id, unreadable)
        : defaults.eligibilityProfiles,
      bonusConditions: seeded
        ? keep(bonusConditions, bonusConditionsSchema, 'bonusConditions', id, unreadable)
        : defaults.bonusConditions,
      superFan: superFan ?? defaults.superFan,
    },
    unreadable,
  };
}

/** Writes only what differs between two workspaces, in the caller's transaction. */
export async function saveDifference(db: TierkitDb, before: Workspace, after: Workspace): Promise<void> {
  async function sync<T>(table: Table<T, string, any>, a: T[], b: T[], key: (row: T) => string) {
    const old = new Map(a.map((row) => [key(row), JSON.stringify(row)]));
    const changed = b.filter((row) => old.get(key(row)) !== JSON.stringify(row));
    const kept = new Set(b.map(key));
    const removed = [...old.keys()].filter((k) => !kept.has(k));
    if (changed.length) await table.bulkPut(changed);
    if (removed.length) await table.bulkDelete(removed);
  }
  // Until settings are stored, the price points loaded are the defaults, not rows: the first change
  // writes them all (the seed), or they would be gone at the next load.
  const seeded = (await db.singletons.get('settings')) !== undefined;
  // Rules profiles and revenue rules load as the defaults while their table is empty: a change writes
  // them all then, or the defaults it did not change (the rule for every other market) would be gone.
  const inTable = async <T,>(table: Table<T, string, any>, rows: T[]): Promise<T[]> => ((await table.count()) ? rows : []);
  const byId = (row: { id: string }) => row.id;
  await sync<Workspace['tiers'][number]>(db.tiers, before.tiers, after.tiers, byId);
  await sync<Workspace['perks'][number]>(db.perks, before.perks, after.perks, byId);
  await sync<Workspace['rulesProfiles'][number]>(db.rulesProfiles, await inTable(db.rulesProfiles, before.rulesProfiles), after.rulesProfiles, byId);
  await sync<Workspace['revenueRules'][number]>(db.revenueRules, await inTable(db.revenueRules, before.revenueRules), after.revenueRules, byId);
  await sync<Workspace['pricePoints'][number]>(db.pricePoints, seeded ? before.pricePoints : [], after.pricePoints, (row) => row.currency);
  await sync<Workspace['eligibilityProfiles'][number]>(
    db.eligibilityProfiles,
    seeded ? before.eligibilityProfiles : [],
    after.eligibilityProfiles,
    byId,
  );
  await sync<Workspace['bonusConditions'][number]>(db.bonusConditions, seeded ? before.bonusConditions : [], after.bonusConditions, byId);
  // Settings are written on the first change of any kind, which also marks the seed as done. A stored
  // profile or settings record that could not be read back loaded as the default: it is rewritten only
  // when the command changed that record, never as a side effect of another change.
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (!seeded || !same(before.settings, after.settings)) {
    await db.singletons.put({ key: 'settings', value: after.settings });
  }
  if (!same(before.superFan, after.superFan)) await db.singletons.put({ key: 'superFan', value: after.superFan });
  if (same(before.profile, after.profile)) return;
  if (after.profile) await db.singletons.put({ key: 'profile', value: after.profile });
  else await db.singletons.delete('profile');
}

/**
 * Runs one command in one transaction: all of it is written, or nothing. `roster` checks what the
 * change would do to the roster (lib/roster/workspace-change.ts), for commands that can remove tiers
 * or bring subscribers.
 */
export async function runCommand(db: TierkitDb, command: Command, ctx: CommandContext, roster?: RosterGuard): Promise<Result<Loaded>> {
  return db.transaction('rw', db.allTables, async () => {
    const loaded = await loadWorkspace(db);
    if (command.type === 'workspace.wipe') {
      const cleared = command.deleteSigningKey ? db.allTables : db.allTables.filter((table) => table !== db.keys);
      await Promise.all(cleared.map((table) => table.clear()));
      return { ok: true, value: await loadWorkspace(db) };
    }
    const result = applyCommand(loaded.workspace, command, ctx);
    if (!result.ok) return result;
    const problems = roster?.({ before: loaded.workspace, after: result.value }) ?? [];
    if (problems.length) return { ok: false, problems };
    await saveDifference(db, loaded.workspace, result.value);
    return { ok: true, value: { workspace: inOrder(result.value), unreadable: loaded.unreadable } };
  });
}

const inOrder = (ws: Workspace): Workspace => ({ ...ws, tiers: sortTiers(ws.tiers) });

/** A backup's recorded numbers: replace swaps them in; merge lets the backup's win day by day. */
async function importStats(db: TierkitDb, stats: BackupStats, mode: ImportMode): Promise<void> {
  if (mode === 'replace') await Promise.all([db.statSnapshots.clear(), db.dailyStats.clear()]);
  await db.statSnapshots.bulkPut(stats.snapshots);
  await db.dailyStats.bulkPut(stats.daily);
}

/** A backup's posts log: replace swaps it in; merge keeps both, a video logged on both sides once (the backup's). */
async function importPosts(db: TierkitDb, posts: SubscriberOnlyPost[], mode: ImportMode): Promise<void> {
  if (mode === 'replace') await db.subscriberOnlyPosts.clear();
  await db.subscriberOnlyPosts.bulkPut(posts);
}

/** Subscribers written between two reports of progress: a roster of 200,000 is saved in 20 steps. */
const SAVE_SLICE = 10_000;

/**
 * A backup's roster: replace swaps it in; merge matches records by id, the backup's winning. Written in
 * slices inside the caller's transaction, so progress can be reported; returns the roster's generation.
 */
async function importSubscribers(db: TierkitDb, subscribers: Subscriber[], mode: ImportMode, onSaved?: (done: number) => void) {
  if (mode === 'replace') await db.subscribers.clear();
  for (let from = 0; from < subscribers.length; from += SAVE_SLICE) {
    await db.subscribers.bulkPut(subscribers.slice(from, from + SAVE_SLICE));
    onSaved?.(Math.min(from + SAVE_SLICE, subscribers.length));
  }
  // In the import's transaction, which holds every table: the index's snapshot is of another roster now.
  return nextRosterGeneration(db);
}

export interface Imported extends Loaded {
  /** The roster as the import wrote it, and the roster's generation after it; absent when the backup has none. */
  roster?: { subscribers: Subscriber[]; generation: number };
}

/**
 * Applies a checked backup (checkBackup) in one transaction, all or nothing: the workspace it leaves
 * (importBackup), its recorded numbers, its posts log and its roster. A backup without numbers (version 1,
 * or none recorded) leaves the stored ones as they are; so does one without a posts log or a roster. `roster` checks what it
 * would do to the roster as it is (lib/roster/workspace-change.ts); `onSaved` hears how many of the
 * roster's subscribers are written so far.
 */
export async function runImport(
  db: TierkitDb,
  backup: Backup,
  mode: ImportMode,
  ctx: CommandContext,
  roster?: RosterGuard,
  onSaved?: (done: number) => void,
): Promise<Result<Imported>> {
  return db.transaction('rw', db.allTables, async () => {
    const loaded = await loadWorkspace(db);
    const result = importBackup(loaded.workspace, backup, mode, ctx);
    if (!result.ok) return result;
    const incoming = backup.subscribers ? { subscribers: backup.subscribers, mode } : undefined;
    const problems = roster?.({ before: loaded.workspace, after: result.value, ...(incoming ? { incoming } : {}) }) ?? [];
    if (problems.length) return { ok: false, problems };
    await saveDifference(db, loaded.workspace, result.value);
    if (backup.stats) await importStats(db, backup.stats, mode);
    if (backup.posts) await importPosts(db, backup.posts, mode);
    const imported: Imported = { workspace: inOrder(result.value), unreadable: loaded.unreadable };
    if (backup.subscribers) {
      // The roster is the creator's, whatever handle the backup was made under.
      const handle = result.value.profile?.handle;
      const subscribers = handle
        ? backup.subscribers.map((s) => (s.creatorHandle === handle ? s : { ...s, creatorHandle: handle }))
        : backup.subscribers;
      imported.roster = { subscribers, generation: await importSubscribers(db, subscribers, mode, onSaved) };
    }
    return { ok: true, value: imported };
  });
}
