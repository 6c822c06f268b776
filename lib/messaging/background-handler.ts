// The background's side of the protocol: validate, run the command in one transaction, publish.
import { resolveLanguage, setLanguage, locale } from '../i18n';
import type { Command } from '../domain/commands';
import type { Problem } from '../domain/problems';
import type { TierkitDb } from '../store/db';
import { loadWorkspace, runCommand, type Loaded } from '../store/workspace-store';
import { utcDate } from '../eligibility/dates';
import { allDaily, allSnapshots, dailyOf, importDays, ownHandle, recordSnapshot, snapshotsOf } from '../store/stats-store';
import { requestSchema, type History, type Response, type Snapshot } from './protocol';
import { t } from '../i18n';

export interface HandlerDeps {
  db: TierkitDb;
  publish: (snapshot: Snapshot) => Promise<void>;
  browserLanguage: () => string;
  now?: () => number;
  newId?: () => string;
  /** Recomputes and publishes eligibility after its inputs changed. */
  onStatsChanged?: () => Promise<void>;
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

export function createHandler(deps: HandlerDeps) {
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  let revision = 0;
  // Commands run one after another, so each sees the last one's result.
  let queue: Promise<unknown> = Promise.resolve();

  async function publish(loaded: Loaded) {
    setLanguage(resolveLanguage(loaded.workspace.settings.language, deps.browserLanguage()));
    revision = Math.max(revision + 1, now());
    await deps.publish({ ...loaded, revision });
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
        const result = await runCommand(db, request.data.command, { now: now(), newId, locale: locale() });
        if (!result.ok) return result;
        await publish(result.value);
        if (changesEligibility.has(request.data.command.type)) await deps.onStatsChanged?.();
        return { ok: true };
      }
      case 'eligibility.history': {
        const handle = await ownHandle(db);
        const data: History = handle
          ? { snapshots: await snapshotsOf(db, handle), daily: await dailyOf(db, handle) }
          : { snapshots: [], daily: [] };
        return { ok: true, data };
      }
      case 'stats.export': {
        const data: History = { snapshots: await allSnapshots(db), daily: await allDaily(db) };
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
    }
  }

  return {
    handle: (message: unknown): Promise<Response> => {
      const run = queue.then(() => handle(message));
      queue = run.catch(() => undefined);
      return run.catch((error: unknown) => ({
        ok: false as const,
        problems: [{ path: [], message: t('err.unexpected', { detail: String((error as Error)?.message ?? error) }) }],
      }));
    },
    publishNow: async () => publish(await loadWorkspace(deps.db)),
  };
}
