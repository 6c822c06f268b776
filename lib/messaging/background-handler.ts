// The background's side of the protocol: validate, run the command in one transaction, publish.
import { resolveLanguage, setLanguage, locale } from '../i18n';
import { staleProblem, type Command } from '../domain/commands';
import type { Problem } from '../domain/problems';
import type { TierkitDb } from '../store/db';
import { loadWorkspace, runCommand, type Loaded } from '../store/workspace-store';
import { utcDate } from '../eligibility/dates';
import { allDaily, allSnapshots, dailyOf, importDays, ownHandle, recordSnapshot, snapshotsOf } from '../store/stats-store';
import { exportOwnPack, importPack, listPacks, readTrustedPacks, removePack, resolvePack } from '../store/pack-store';
import { createRosterStore } from '../store/roster-store';
import { requestSchema } from './requests';
import { type Diagnostic, type History, type Response, type RosterStatus, type Snapshot } from './protocol';
import { type BackupData } from './roster-answers';
import { t } from '../i18n';

export interface HandlerDeps {
  db: TierkitDb;
  publish: (snapshot: Snapshot) => Promise<void>;
  browserLanguage: () => string;
  now?: () => number;
  newId?: () => string;
  /** Recomputes and publishes eligibility after its inputs changed. */
  onStatsChanged?: () => Promise<void>;
  /** Publishes the roster's state (ROSTER_KEY) after any roster or pack change. */
  publishRoster?: (status: RosterStatus) => Promise<void>;
  /** Replaces the page diagnostics (DIAGNOSTICS_KEY). */
  writeDiagnostics?: (list: Diagnostic[]) => Promise<void>;
  /** How long after a roster change the lookup index's snapshot is taken (lib/store/roster-store.ts). */
  snapshotDelayMs?: number;
}

/**
 * Commands that can change what eligibility is computed from: the profile (age, good standing),
 * the settings (rules chosen, notifications, language), the rules, or the numbers themselves (an
 * import, a restore, a wipe). Tier and perk edits do not, so they skip the recompute.
 */
const changesEligibility = new Set<Command['type']>([
  'profile.save',
  'settings.save',
  'eligibilityProfiles.save',
  'backup.import',
  'workspace.restore',
  'workspace.wipe',
]);

/**
 * Commands that change what badges show or how the roster sorts: tiers (designs, order), the profile
 * (the creator's handle), the settings (the language of the tooltips), and whole-workspace changes.
 * After them the roster's revision moves, and pages on tiktok.com look their names up again; a perk
 * or rules edit leaves them alone.
 */
const changesBadges = new Set<Command['type']>([
  'tier.save',
  'tier.move',
  'tier.setStatus',
  'tier.delete',
  'profile.save',
  'settings.save',
  'backup.import',
  'workspace.restore',
  'workspace.wipe',
]);

/**
 * Commands that can take a tier away from subscribers, or bring subscribers of a backup: they are
 * checked against the roster (lib/roster/workspace-change.ts), which they read first.
 */
const changesRosterTiers = new Set<Command['type']>(['tier.delete', 'workspace.restore', 'backup.import']);

export function createHandler(deps: HandlerDeps) {
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  let revision = 0;
  let rosterRevision = 0;
  const roster = createRosterStore({
    db: deps.db,
    readTrustedPacks,
    now,
    newId,
    ...(deps.snapshotDelayMs !== undefined ? { snapshotDelayMs: deps.snapshotDelayMs } : {}),
  });

  async function publishRoster() {
    rosterRevision = Math.max(rosterRevision + 1, now());
    await deps.publishRoster?.(await roster.status(rosterRevision));
  }
  // Changes run one after another (serialized below).
  let queue: Promise<unknown> = Promise.resolve();

  /** Publishes the workspace; returns the snapshot's revision. */
  async function publish(loaded: Loaded): Promise<number> {
    setLanguage(resolveLanguage(loaded.workspace.settings.language, deps.browserLanguage()));
    revision = Math.max(revision + 1, now());
    await deps.publish({ ...loaded, revision });
    return revision;
  }

  async function handle(message: unknown): Promise<Response> {
    const request = requestSchema.safeParse(message);
    if (!request.success) {
      const problems: Problem[] = request.error.issues.map((issue) => ({
        path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
        message: issue.message,
      }));
      return { ok: false, problems: [{ path: [], message: t('err.badMessage') }, ...problems] };
    }
    const { db } = deps;
    switch (request.data.type) {
      case 'publish':
        await publish(await loadWorkspace(db));
        return { ok: true };
      case 'command': {
        const type = request.data.command.type;
        const guard = changesRosterTiers.has(type) ? await roster.guard() : undefined;
        const result = await runCommand(db, request.data.command, { now: now(), newId, locale: locale() }, guard);
        if (!result.ok) return result;
        // The page waits for this snapshot before it goes on, so an editor goes on from what it saved.
        const published = await publish(result.value);
        if (type === 'workspace.wipe' || type === 'backup.import') roster.reload();
        else if (changesBadges.has(type)) await roster.workspaceChanged();
        if (changesBadges.has(type)) await publishRoster();
        if (changesEligibility.has(type)) await deps.onStatsChanged?.();
        return { ok: true, data: { revision: published } };
      }
      case 'eligibility.history': {
        const handle = await ownHandle(db);
        const data: History = handle
          ? { snapshots: await snapshotsOf(db, handle), daily: await dailyOf(db, handle) }
          : { snapshots: [], daily: [] };
        return { ok: true, data };
      }
      case 'backup.data': {
        const data: BackupData = {
          stats: { snapshots: await allSnapshots(db), daily: await allDaily(db) },
          subscribers: await roster.all(),
        };
        return { ok: true, data };
      }
      case 'stats.import': {
        const handle = await ownHandle(db);
        if (!handle) return { ok: false, problems: [{ path: [], message: t('err.noProfile') }] };
        const data = await importDays(db, handle, request.data.days, now());
        await deps.onStatsChanged?.();
        return { ok: true, data };
      }
      case 'stats.manual': {
        const handle = await ownHandle(db);
        if (!handle) return { ok: false, problems: [{ path: [], message: t('err.noProfile') }] };
        const capturedAt = now();
        const { followers, views30 } = request.data;
        await recordSnapshot(
          db,
          { handle, day: utcDate(capturedAt), capturedAt, followers, views30, source: 'manual', precise: true },
          true,
        );
        await deps.onStatsChanged?.();
        return { ok: true };
      }
      case 'roster.query':
        return { ok: true, data: await roster.query(request.data) };
      case 'roster.get':
        return { ok: true, data: (await roster.get(request.data.id)) ?? null };
      case 'roster.save': {
        const { subscriber, loaded } = request.data;
        if (subscriber.id !== undefined) {
          const stale = staleProblem(await roster.get(subscriber.id), loaded);
          if (stale) return { ok: false, problems: [stale] };
        }
        const saved = await roster.save(subscriber);
        if (!saved.ok) return saved;
        await publishRoster();
        return { ok: true, data: saved.value };
      }
      case 'roster.remove': {
        const removed = await roster.remove(request.data.ids);
        if (removed.length) await publishRoster();
        return { ok: true, data: { removed } };
      }
      case 'roster.restore': {
        const restored = await roster.restore(request.data.subscribers);
        if (!restored.ok) return restored;
        await publishRoster();
        return { ok: true };
      }
      case 'roster.import': {
        const { fileName, text, apply } = request.data;
        const answer = await roster.importCsv(fileName, text, apply);
        if (answer.ok && apply) await publishRoster();
        return { ok: true, data: answer };
      }
      case 'roster.export':
        return fileAnswer(await roster.exportCsv());
      case 'pack.export':
        return fileAnswer(await exportOwnPack(db, now()));
      case 'pack.import': {
        const imported = await importPack(db, request.data.fileName, request.data.text, now());
        if (!imported.ok) return imported;
        roster.reload();
        await publishRoster();
        return { ok: true, data: imported.value };
      }
      case 'pack.list':
        return { ok: true, data: await listPacks(db) };
      case 'pack.remove': {
        const removed = await removePack(db, request.data.fingerprint);
        if (removed) {
          roster.reload();
          await publishRoster();
        }
        return { ok: true, data: { removed } };
      }
      case 'pack.resolve': {
        const { fingerprint, choice, trusted } = request.data;
        const resolved = await resolvePack(db, fingerprint, choice, trusted);
        if (!resolved.ok) return resolved;
        roster.reload();
        await publishRoster();
        return { ok: true, data: resolved.value };
      }
      case 'diagnostics.clear':
        await deps.writeDiagnostics?.([]);
        return { ok: true };
    }
  }

  function fileAnswer(result: Awaited<ReturnType<typeof roster.exportCsv>>): Response {
    return result.ok ? { ok: true, data: result.value } : result;
  }

  /** Runs after every change before it, so each sees the last one's result. */
  function serialized<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    handle: (message: unknown): Promise<Response> =>
      serialized(() => handle(message)).catch((error: unknown) => ({
        ok: false as const,
        problems: [{ path: [], message: t('err.unexpected', { detail: String((error as Error)?.message ?? error) }) }],
      })),
    publishNow: async () => {
      await publish(await loadWorkspace(deps.db));
      await publishRoster();
    },
    /** The context menu on a profile link: set that person's tier, adding them when needed. */
    setTierFromMenu: (handle: string, tierId: string) =>
      serialized(async () => {
        const saved = await roster.setTierOf(handle, tierId);
        if (saved.ok) await publishRoster();
        return saved;
      }),
    /** The context menu's Remove: the records removed (none when the person was not on the roster). */
    removeFromMenu: (handle: string) =>
      serialized(async () => {
        const removed = await roster.remove(await roster.idsOf(handle));
        if (removed.length) await publishRoster();
        return removed;
      }),
    /** A badge feature started on tiktok.com: the roster read and indexed ahead of its first lookup. */
    warm: () => roster.warm(),
    /** A content script's roster lookup, answered from the in-memory index (no queue: it only reads). */
    lookup: (creator: string, handles: readonly string[], nicknames: readonly string[]) =>
      roster.lookup(creator, handles, nicknames, rosterRevision),
  };
}
