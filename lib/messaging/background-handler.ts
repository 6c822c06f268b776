// The background's side of the protocol: validate, run the command in one transaction, publish.
import { resolveLanguage, setLanguage, locale } from '../i18n';
import type { Command } from '../domain/commands';
import type { ImportMode } from '../domain/backup';
import type { Problem } from '../domain/problems';
import type { TierkitDb } from '../store/db';
import { checkBackup } from '../domain/backup';
import { runSteps } from '../domain/steps';
import { loadWorkspace, runCommand, runImport, type Loaded } from '../store/workspace-store';
import { utcDate } from '../eligibility/dates';
import { allDaily, allSnapshots, dailyOf, importDays, ownHandle, recordSnapshot, snapshotsOf } from '../store/stats-store';
import { exportOwnPack, importPack, listPacks, readPacks, removePack } from '../store/pack-store';
import { createRosterStore } from '../store/roster-store';
import { rosterMessage } from '../roster/messages';
import { requestSchema } from './requests';
import { BACKUP_PART, type Diagnostic, type History, type ImportProgress, type Response, type RosterStatus, type Snapshot } from './protocol';
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
 * the settings (rules chosen, notifications, language), the rules, or the numbers themselves (a
 * restore, a wipe; and a backup import). Tier and perk edits do not, so they skip the recompute.
 */
const changesEligibility = new Set<Command['type']>([
  'profile.save',
  'settings.save',
  'eligibilityProfiles.save',
  'workspace.restore',
  'workspace.wipe',
]);

/**
 * Commands that change what badges show or how the roster sorts: tiers (designs, order), the profile
 * (the creator's handle), the settings (the language of the tooltips), and whole-workspace changes
 * (and a backup import). After them the roster's revision moves, and pages on tiktok.com look their
 * names up again; a perk or rules edit leaves them alone.
 */
const changesBadges = new Set<Command['type']>([
  'tier.save',
  'tier.move',
  'tier.setStatus',
  'tier.delete',
  'profile.save',
  'settings.save',
  'workspace.restore',
  'workspace.wipe',
]);

function tierInUse(count: number): string {
  const one = new Intl.PluralRules(locale()).select(count) === 'one';
  return rosterMessage(one ? 'roster.err.tierInUse.one' : 'roster.err.tierInUse.other', { count });
}

export function createHandler(deps: HandlerDeps) {
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  let revision = 0;
  let rosterRevision = 0;
  const roster = createRosterStore({
    db: deps.db,
    readPacks,
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
  // A backup on its way from the options page (backup.upload, backup.uploadPart) until backup.import,
  // and how far that import is.
  let upload: { id: string; head: Record<string, unknown>; expected: number | null; subscribers: unknown[] } | null = null;
  let importing: ImportProgress = null;
  // A roster CSV's text on its way from the options page (roster.importText) until roster.import.
  let csvUpload: { id: string; parts: string[]; length: number } | null = null;
  const incomplete = (key: 'err.backupIncomplete' | 'err.fileIncomplete' = 'err.backupIncomplete'): Response => ({
    ok: false,
    problems: [{ path: [], message: t(key) }],
  });

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
        // A tier goes only once nobody on the roster has it: a subscriber of no tier has no badge.
        if (request.data.command.type === 'tier.delete') {
          const count = await roster.inTier(request.data.command.id);
          if (count > 0) return { ok: false, problems: [{ path: [], message: tierInUse(count) }] };
        }
        const result = await runCommand(db, request.data.command, { now: now(), newId, locale: locale() });
        if (!result.ok) return result;
        await publish(result.value);
        const type = request.data.command.type;
        if (type === 'workspace.wipe') roster.reload();
        else if (changesBadges.has(type)) await roster.workspaceChanged();
        if (changesBadges.has(type)) await publishRoster();
        if (changesEligibility.has(type)) await deps.onStatsChanged?.();
        return { ok: true };
      }
      case 'eligibility.history': {
        const handle = await ownHandle(db);
        const data: History = handle
          ? { snapshots: await snapshotsOf(db, handle), daily: await dailyOf(db, handle) }
          : { snapshots: [], daily: [] };
        return { ok: true, data };
      }
      case 'backup.data': {
        const { offset } = request.data;
        const part = await roster.backupPart(offset, BACKUP_PART);
        const stats = offset === 0 ? { snapshots: await allSnapshots(db), daily: await allDaily(db) } : null;
        const data: BackupData = { stats, ...part };
        return { ok: true, data };
      }
      case 'backup.upload': {
        const { upload: id, head, subscribers } = request.data;
        upload = { id, head, expected: subscribers, subscribers: [] };
        return { ok: true };
      }
      case 'backup.uploadPart': {
        const { upload: id, from, subscribers } = request.data;
        // Parts come in order; one lost or repeated leaves a roster that is not the file's.
        if (upload?.id !== id || from !== upload.subscribers.length) return incomplete();
        for (const s of subscribers) upload.subscribers.push(s);
        return { ok: true };
      }
      case 'backup.import':
        return importUploaded(request.data.upload, request.data.mode);
      case 'backup.progress':
        return { ok: true, data: importing };
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
      case 'roster.save': {
        const saved = await roster.save(request.data.subscriber);
        if (!saved.ok) return saved;
        await publishRoster();
        return { ok: true, data: saved.value };
      }
      case 'roster.remove': {
        const removed = await roster.remove(request.data.ids);
        if (removed.length) await publishRoster();
        return { ok: true, data: { removed } };
      }
      case 'roster.restore':
        await roster.restore(request.data.subscribers);
        await publishRoster();
        return { ok: true };
      case 'roster.importText': {
        const { upload: id, from, text } = request.data;
        if (from === 0) csvUpload = { id, parts: [], length: 0 };
        if (csvUpload?.id !== id || from !== csvUpload.length) return incomplete('err.fileIncomplete');
        csvUpload.parts.push(text);
        csvUpload.length += text.length;
        return { ok: true };
      }
      case 'roster.import': {
        const { fileName, upload: id, length, apply } = request.data;
        const taken = csvUpload;
        csvUpload = null;
        if (taken?.id !== id || taken.length !== length) return incomplete('err.fileIncomplete');
        const answer = await roster.importCsv(fileName, taken.parts.join(''), apply);
        if (answer.ok && apply) await publishRoster();
        return { ok: true, data: answer };
      }
      case 'roster.export': {
        const part = await roster.exportCsv(request.data.offset, BACKUP_PART);
        return part.ok ? { ok: true, data: part.value } : part;
      }
      case 'pack.export': {
        const exported = await exportOwnPack(db, now());
        return exported.ok ? { ok: true, data: exported.value } : exported;
      }
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
      case 'diagnostics.clear':
        await deps.writeDiagnostics?.([]);
        return { ok: true };
    }
  }

  /**
   * Checks the uploaded backup again (what the page checked is not trusted) and applies it in one
   * transaction; progress is kept for `backup.progress`. The roster in memory takes the imported
   * records as they are, instead of reading them back.
   */
  async function importUploaded(id: string, mode: ImportMode): Promise<Response> {
    const taken = upload;
    upload = null;
    if (taken?.id !== id || (taken.expected ?? 0) !== taken.subscribers.length) return incomplete();
    const total = taken.expected ?? 0;
    const document = taken.expected === null ? taken.head : { ...taken.head, subscribers: taken.subscribers };
    try {
      importing = { phase: 'checking', done: 0, total };
      const checked = await runSteps(checkBackup(document, locale()), (done) => (importing = { phase: 'checking', done, total }));
      if (!checked.ok) return checked;
      importing = { phase: 'saving', done: 0, total };
      const ctx = { now: now(), newId, locale: locale() };
      const result = await runImport(deps.db, checked.value, mode, ctx, (done) => (importing = { phase: 'saving', done, total }));
      if (!result.ok) return result;
      // The snapshot pages read is the workspace only: the roster stays here.
      const { roster: imported, ...loaded } = result.value;
      await publish(loaded);
      if (imported) await roster.imported(imported.subscribers, mode, imported.generation);
      else roster.reload();
      await publishRoster();
      await deps.onStatsChanged?.();
      return { ok: true };
    } finally {
      importing = null;
    }
  }

  /** Runs after every change before it, so each sees the last one's result. */
  function serialized<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    handle: (message: unknown): Promise<Response> =>
      // The import's progress is asked while the import runs, so it does not wait its turn.
      ((message as { type?: unknown } | null)?.type === 'backup.progress' ? handle(message) : serialized(() => handle(message))).catch(
        (error: unknown) => ({
          ok: false as const,
          problems: [{ path: [], message: t('err.unexpected', { detail: String((error as Error)?.message ?? error) }) }],
        }),
      ),
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
