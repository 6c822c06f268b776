// The background's side of the content script's messages: is a capture wanted, and storing one.
import { handleSchema, normalizeHandle } from '../domain/schema';
import type { StatSnapshot } from '../domain/stats';
import { utcDate } from '../eligibility/dates';
import { t } from '../i18n';
import type { TierkitDb } from '../store/db';
import { captureWanted, ownHandle, recordSnapshot } from '../store/stats-store';
import { recordDiagnostic } from './diagnostics';
import { contentRequestSchema } from '../protocol/requests';
import { type CaptureOutcome, type CapturedPage, type Diagnostic, type LookupAnswer } from '../protocol/schemas';

/** A profile page's numbers as parsed by the background, or why there are none. */
export type PageStats =
  | { status: 'ok'; stats: Omit<StatSnapshot, 'day' | 'capturedAt'> }
  | { status: 'private' | 'not-found' | 'no-data' };

export type ContentResponse =
  | { ok: true; wanted: boolean }
  | { ok: true; outcome: CaptureOutcome }
  | LookupAnswer
  | { ok: true }
  | { ok: false; problems: { path: (string | number)[]; message: string }[] };

export interface ContentHandlerDeps {
  db: TierkitDb;
  readPage: (page: CapturedPage) => PageStats;
  /** Called after a snapshot is stored, to publish what pages show. */
  onRecorded: () => Promise<void>;
  /** Answers a roster lookup from the background's in-memory index. */
  lookup: (creator: string, handles: readonly string[], nicknames: readonly string[]) => Promise<LookupAnswer>;
  /** Reads and indexes the roster if it is not in memory yet. */
  warm: () => Promise<void>;
  /** The page diagnostics kept for the options page (DIAGNOSTICS_KEY). */
  readDiagnostics: () => Promise<Diagnostic[]>;
  writeDiagnostics: (list: Diagnostic[]) => Promise<void>;
  now?: () => number;
}

export function createContentHandler(deps: ContentHandlerDeps) {
  const now = deps.now ?? Date.now;
  // Reports from several tabs arrive together: each read-modify-write waits for the one before.
  let diagnostics: Promise<unknown> = Promise.resolve();
  return async function handle(message: unknown): Promise<ContentResponse> {
    const request = contentRequestSchema.safeParse(message);
    if (!request.success) return { ok: false, problems: [{ path: [], message: t('err.badMessage') }] };
    if (request.data.type === 'roster.warm') {
      // Not awaited: the page does not wait for it, and a failure shows on the lookups that follow.
      deps.warm().catch(() => undefined);
      return { ok: true };
    }
    if (request.data.type === 'roster.lookup') {
      const { creator, handles, nicknames } = request.data;
      return deps.lookup(creator, handles, nicknames);
    }
    if (request.data.type === 'diagnostic.report') {
      const report = request.data;
      const write = diagnostics.then(async () => deps.writeDiagnostics(recordDiagnostic(await deps.readDiagnostics(), report, now())));
      diagnostics = write.catch(() => undefined);
      await write;
      return { ok: true };
    }
    const own = await ownHandle(deps.db);
    if (request.data.type === 'stats.wanted') {
      return { ok: true, wanted: await captureWanted(deps.db, own, normalizeHandle(request.data.handle), now()) };
    }
    const page = request.data.page;
    if (!handleSchema.safeParse(page.handle).success) return { ok: true, outcome: 'no-data' };
    // Other people's numbers are recorded only when the creator asks from the popup.
    if (!page.asked && normalizeHandle(page.handle) !== own) return { ok: true, outcome: 'other-profile' };
    const read = deps.readPage(page);
    if (read.status !== 'ok') return { ok: true, outcome: read.status };
    if (!page.asked && read.stats.handle !== own) return { ok: true, outcome: 'other-profile' };
    const capturedAt = now();
    const outcome = await recordSnapshot(deps.db, { ...read.stats, capturedAt, day: utcDate(capturedAt) }, page.asked);
    if (outcome === 'recorded') await deps.onRecorded();
    return { ok: true, outcome };
  };
}
