// The background's side of the protocol: validate, run the command in one transaction, publish.
import { resolveLanguage, setLanguage, locale } from '../i18n';
import { staleProblem, type Command } from '../domain/commands';
import type { ImportMode } from '../domain/backup';
import type { Problem, Result } from '../domain/problems';
import type { TierkitDb } from '../store/db';
import { checkBackup } from '../domain/backup';
import { runSteps } from '../domain/steps';
import { loadWorkspace, runCommand, runImport, type Loaded } from '../store/workspace-store';
import { localDate, utcDate } from '../eligibility/dates';
import { allDaily, allSnapshots, dailyOf, importDays, ownHandle, recordSnapshot, snapshotsOf } from '../store/stats-store';
import { exportOwnPack, importPack, listPacks, readTrustedPacks, removePack, resolvePack } from '../store/pack-store';
import { createRosterStore } from '../store/roster-store';
import { dataSummary } from '../store/data-summary';
import { addPost, allPosts, postsOf, removePost } from '../store/posts-store';
import type { PostInput, SubscriberOnlyPost } from '../domain/posts';
import { backupSigningKey, renewSigningKey, restoreSigningKey } from '../store/key-store';
import { rosterMessage } from '../roster/messages';
import { requestSchema } from '../protocol/requests';
import { BACKUP_PART, type Diagnostic, type History, type ImportProgress, type Response, type RosterStatus, type Snapshot } from '../protocol/schemas';
import { type BackupData } from '../protocol/roster-answers';
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
  /** How long after a roster change the lookup index's snapshot is taken (lib/store/roster/roster-loader.ts). */
  snapshotDelayMs?: number;
  /** The waits before each new attempt to publish a saved change (ms); PUBLISH_RETRY_DELAYS_MS unless given. */
  publishRetryDelaysMs?: readonly number[];
}

/**
 * A change is committed before it is published: when publishing fails (storage.local refused the
 * write), it is tried again after each of these waits, in ms, before the answer says pages may show an older view.
 */
export const PUBLISH_RETRY_DELAYS_MS: readonly number[] = [200, 1000];

/** What a committed change answers besides `ok`: `unpublished` when it could not be published. */
type Published = { unpublished?: true };

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

/**
 * Commands that can take a tier away from subscribers, or bring subscribers of a backup: they are
 * checked against the roster (lib/roster/workspace-change.ts), which they read first.
 */
const changesRosterTiers = new Set<Command['type']>(['tier.delete', 'workspace.restore']);

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
  // A backup on its way from the options page (backup.upload, backup.uploadPart) until backup.import,
  // and how far that import is.
  let upload: { id: string; head: Record<string, unknown>; expected: number | null; subscribers: unknown[] } | null = null;
  let importing: ImportProgress = null;
  // A roster CSV's text on its way from the options page (roster.importText) until roster.import.
  let csvUpload: { id: string; parts: string[]; length: number } | null = null;
  const noProfile = (): { ok: false; problems: Problem[] } => ({ ok: false, problems: [{ path: [], message: t('err.noProfile') }] });
  const incomplete = (key: 'err.backupIncomplete' | 'err.fileIncomplete' = 'err.backupIncomplete'): Response => ({
    ok: false,
    problems: [{ path: [], message: t(key) }],
  });

  /** Publishes the workspace; returns the snapshot's revision. */
  async function publish(loaded: Loaded): Promise<number> {
    setLanguage(resolveLanguage(loaded.workspace.settings.language, deps.browserLanguage()));
    revision = Math.max(revision + 1, now());
    await deps.publish({ ...loaded, revision });
    return revision;
  }

  const retryDelays = deps.publishRetryDelaysMs ?? PUBLISH_RETRY_DELAYS_MS;
  // A saved change some step could not publish: the next "publish" request publishes everything again.
  let unpublished = false;

  /** Runs one step, again after each retry delay while it throws; false when it never succeeded. */
  async function retried(step: () => Promise<unknown>): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      try {
        await step();
        return true;
      } catch (error) {
        if (attempt >= retryDelays.length) {
          console.warn('Tierkit: a saved change could not be published', error);
          return false;
        }
        await new Promise((resolve) => setTimeout(resolve, retryDelays[attempt]));
      }
    }
  }

  /**
   * What follows a committed change: publishing it, and the roster and eligibility that depend on it.
   * The change is saved whatever happens here, so a failure does not fail the answer: each step is tried
   * again, and when one keeps failing the answer says so (`unpublished`), and the page says its view may be
   * out of date and offers to reload.
   */
  async function afterCommit(...steps: (() => Promise<unknown>)[]): Promise<Published> {
    let failed = false;
    for (const step of steps) if (!(await retried(step))) failed = true;
    if (failed) unpublished = true;
    return failed ? { unpublished: true } : {};
  }
  /** Recomputes what reads the recorded numbers and the posts (eligibility, the bonus), after they changed. */
  const statsChanged = () => afterCommit(async () => deps.onStatsChanged?.());

  /**
   * Logs a post of the creator's, from the options page or the context menu. The bonus reads the log:
   * a new post may move its month's count, a video logged again changes nothing.
   */
  async function logPost(input: PostInput, at: number): Promise<{ added: Result<{ post: SubscriberOnlyPost; added: boolean }>; published: Published }> {
    const handle = await ownHandle(deps.db);
    if (!handle) return { added: noProfile(), published: {} };
    const added = await addPost(deps.db, handle, input, at, newId);
    return { added, published: added.ok && added.value.added ? await statsChanged() : {} };
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
        if (unpublished) {
          await publishRoster();
          await deps.onStatsChanged?.();
          unpublished = false;
        }
        return { ok: true };
      case 'command': {
        const type = request.data.command.type;
        const guard = changesRosterTiers.has(type) ? await roster.guard() : undefined;
        const result = await runCommand(db, request.data.command, { now: now(), newId, locale: locale() }, guard);
        if (!result.ok) return result;
        if (type === 'workspace.wipe') roster.reload();
        let revision: number | undefined;
        const published = await afterCommit(
          async () => {
            revision = await publish(result.value);
          },
          async () => {
            if (!changesBadges.has(type)) return;
            if (type !== 'workspace.wipe') await roster.workspaceChanged();
            await publishRoster();
          },
          async () => {
            if (changesEligibility.has(type)) await deps.onStatsChanged?.();
          },
        );
        // The page waits for this snapshot before it goes on, so an editor goes on from what it saved.
        return { ok: true, ...(revision === undefined ? {} : { data: { revision } }), ...published };
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
        const first = offset === 0;
        const stats = first ? { snapshots: await allSnapshots(db), daily: await allDaily(db) } : null;
        const data: BackupData = { stats, posts: first ? await allPosts(db) : null, ...part };
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
        if (!handle) return noProfile();
        const data = await importDays(db, handle, request.data.days, now());
        return { ok: true, data, ...(await statsChanged()) };
      }
      case 'stats.manual': {
        const handle = await ownHandle(db);
        if (!handle) return noProfile();
        const capturedAt = now();
        const { followers, views30 } = request.data;
        await recordSnapshot(
          db,
          { handle, day: utcDate(capturedAt), capturedAt, followers, views30, source: 'manual', precise: true },
          true,
        );
        return { ok: true, ...(await statsChanged()) };
      }
      case 'posts.list': {
        const handle = await ownHandle(db);
        return { ok: true, data: { posts: handle ? await postsOf(db, handle) : [] } };
      }
      case 'posts.add': {
        const { date, title, link } = request.data;
        const { added, published } = await logPost({ date, title, link }, now());
        return added.ok ? { ok: true, data: added.value, ...published } : added;
      }
      case 'posts.remove': {
        const removed = await removePost(db, request.data.id);
        return { ok: true, data: { removed }, ...(removed ? await statsChanged() : {}) };
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
        return { ok: true, data: saved.value, ...(await afterCommit(publishRoster)) };
      }
      case 'roster.remove': {
        const removed = await roster.remove(request.data.ids);
        return { ok: true, data: { removed }, ...(removed.length ? await afterCommit(publishRoster) : {}) };
      }
      case 'roster.restore': {
        const restored = await roster.restore(request.data.subscribers);
        if (!restored.ok) return restored;
        return { ok: true, ...(await afterCommit(publishRoster)) };
      }
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
        return { ok: true, data: answer, ...(answer.ok && apply ? await afterCommit(publishRoster) : {}) };
      }
      case 'roster.export':
        return answer(await roster.exportCsv(request.data.offset, BACKUP_PART));
      case 'pack.export':
        return answer(await exportOwnPack(db, now()));
      case 'pack.import': {
        const imported = await importPack(db, request.data.fileName, request.data.text, now());
        if (!imported.ok) return imported;
        roster.reload();
        return { ok: true, data: imported.value, ...(await afterCommit(publishRoster)) };
      }
      case 'pack.list':
        return { ok: true, data: await listPacks(db) };
      case 'pack.remove': {
        const removed = await removePack(db, request.data.fingerprint);
        if (!removed) return { ok: true, data: { removed } };
        roster.reload();
        return { ok: true, data: { removed }, ...(await afterCommit(publishRoster)) };
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
      case 'data.summary':
        return { ok: true, data: await dataSummary(db) };
      case 'key.backup':
        return answer(await backupSigningKey(db, request.data.passphrase, now()));
      case 'key.restore': {
        const { text, passphrase, apply, replaces } = request.data;
        return answer(await restoreSigningKey(db, text, passphrase, apply ? { replaces } : null));
      }
      case 'key.renew':
        return answer(await renewSigningKey(db, request.data.replaces, now()));
    }
  }

  function answer(result: Result<unknown>): Response {
    return result.ok ? { ok: true, data: result.value } : result;
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
      const guard = await roster.guard();
      const result = await runImport(deps.db, checked.value, mode, ctx, guard, (done) => (importing = { phase: 'saving', done, total }));
      if (!result.ok) return result;
      // The snapshot pages read is the workspace only: the roster stays here.
      const { roster: imported, ...loaded } = result.value;
      if (imported) await roster.imported(imported.subscribers, mode, imported.generation);
      else roster.reload();
      return {
        ok: true,
        ...(await afterCommit(
          () => publish(loaded),
          publishRoster,
          async () => deps.onStatsChanged?.(),
        )),
      };
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
        if (saved.ok) await afterCommit(publishRoster);
        return saved;
      }),
    /** The context menu's Remove: the records removed (none when the person was not on the roster). */
    removeFromMenu: (handle: string) =>
      serialized(async () => {
        const removed = await roster.remove(await roster.idsOf(handle));
        if (removed.length) await afterCommit(publishRoster);
        return removed;
      }),
    /**
     * The context menu's "Count as subscriber-only post": the linked video, dated the creator's day (the
     * browser's time zone, as the options page's form dates a post), when it is the creator's own;
     * readPost's problem otherwise, and nothing stored.
     */
    addPostFromMenu: (link: string) =>
      serialized(async () => {
        const at = now();
        return (await logPost({ date: localDate(at), link }, at)).added;
      }),
    /** A badge feature started on tiktok.com: the roster read and indexed ahead of its first lookup. */
    warm: () => roster.warm(),
    /** A content script's roster lookup, answered from the in-memory index (no queue: it only reads). */
    lookup: (creator: string, handles: readonly string[], nicknames: readonly string[]) =>
      roster.lookup(creator, handles, nicknames, rosterRevision),
  };
}
