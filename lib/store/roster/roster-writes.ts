// Every write to the creator's roster: saves, removals and their undo, roster CSV imports, and the move
// of the roster to the creator's new handle. Each writes the `subscribers` table and moves the roster's
// generation in one transaction, then keeps the roster in memory in step (roster-loader.ts).
import { fromZod, type Problem, type Result } from '../../domain/problems';
import { normalizeHandle } from '../../domain/schema';
import { utcDate } from '../../eligibility/dates';
import type { RosterImportAnswer } from '../../protocol/roster-answers';
import { applyRosterImport, importRosterCsv } from '../../roster/csv';
import { rosterMessage } from '../../roster/messages';
import { subscriberName, subscriberSchema, type Subscriber } from '../../roster/schema';
import { nextRosterGeneration, type TierkitDb } from '../db';
import { ownHandle } from '../stats-store';
import type { RosterData, RosterLoader } from './roster-loader';

/** The fields a person edits; the rest (creator, source, times) the store sets. */
const EDITABLE = ['handle', 'nickname', 'tierId', 'since', 'monthsOverride', 'status', 'note'] as const;

/** Rows of an import preview sent to the page: enough for a table, not the whole file. */
const PREVIEW_ROWS = 100;
/** Problems listed for one refused undo, as for a backup: the first hundred say what is wrong. */
const MAX_PROBLEMS = 100;

export interface RosterWritesDeps {
  db: TierkitDb;
  loader: RosterLoader;
  now: () => number;
  newId: () => string;
}

function problem(path: Problem['path'], message: string): Result<never> {
  return { ok: false, problems: [{ path, message }] };
}

/**
 * The problems of a record a form saves over `before`. A username it already had is not refused when
 * another record has it too (a roster imported before that was refused): the edit does not repeat it.
 */
function checkRecord(s: RosterData, record: Subscriber, before: Subscriber | undefined, day: string): Problem[] {
  const problems: Problem[] = [];
  if (!s.ownHandle || !s.tiers.get(s.ownHandle)?.has(record.tierId)) {
    problems.push({ path: ['tierId'], message: rosterMessage('roster.err.unknownTier') });
  }
  if (record.since > day) problems.push({ path: ['since'], message: rosterMessage('roster.err.futureSince') });
  if (record.handle !== undefined && record.handle !== before?.handle) {
    for (const other of s.own.values()) {
      if (other.handle === record.handle && other.id !== record.id) {
        problems.push({ path: ['handle'], message: rosterMessage('roster.err.duplicateHandle', { handle: record.handle }) });
        break;
      }
    }
  }
  return problems;
}

export function createRosterWrites(deps: RosterWritesDeps) {
  const { db, loader } = deps;
  const today = () => utcDate(deps.now());

  /**
   * Writes subscribers and moves the roster's generation in one transaction, so that no snapshot of the
   * roster before the write is used again.
   */
  async function write(s: RosterData, work: () => Promise<unknown>): Promise<void> {
    s.generation = await db.transaction('rw', db.subscribers, db.lookupCache, async () => {
      await work();
      return nextRosterGeneration(db);
    });
  }

  /** Writes `records` over the roster, and the roster in memory follows. */
  async function put(s: RosterData, records: readonly Subscriber[]): Promise<void> {
    await write(s, () => db.subscribers.bulkPut([...records]));
    for (const r of records) s.own.set(r.id, r);
    loader.changed(s);
  }

  async function save(input: Record<string, unknown>): Promise<Result<{ id: string }>> {
    const s = await loader.state();
    if (!s.ownHandle) return problem([], rosterMessage('roster.err.noProfile'));
    const id = typeof input.id === 'string' ? input.id : undefined;
    const before = id === undefined ? undefined : s.own.get(id);
    if (id !== undefined && !before) return problem([], rosterMessage('roster.err.notFound'));
    const now = deps.now();
    const fields: Record<string, unknown> = {};
    // An empty text field means "none", as a form sends it.
    for (const key of EDITABLE) if (input[key] !== undefined && input[key] !== '') fields[key] = input[key];
    const parsed = subscriberSchema.safeParse({
      status: 'active',
      ...fields,
      id: before?.id ?? deps.newId(),
      creatorHandle: s.ownHandle,
      source: before?.source ?? (input.source === 'context-menu' ? 'context-menu' : 'manual'),
      createdAt: before?.createdAt ?? now,
      // Past the previous one even within a millisecond: it is the version an editor's save carries.
      updatedAt: Math.max(now, (before?.updatedAt ?? -1) + 1),
    });
    if (!parsed.success) return { ok: false, problems: fromZod(parsed.error) };
    const problems = checkRecord(s, parsed.data, before, today());
    if (problems.length) return { ok: false, problems };
    await write(s, () => db.subscribers.put(parsed.data));
    s.own.set(parsed.data.id, parsed.data);
    loader.changed(s);
    return { ok: true, value: { id: parsed.data.id } };
  }

  return {
    save,

    /**
     * The context menu on a profile link: puts `handle` on the roster in `tierId` (active, from today),
     * or moves them to that tier when they are there already.
     */
    async setTierOf(handle: string, tierId: string): Promise<Result<{ id: string }>> {
      const s = await loader.state();
      const key = normalizeHandle(handle);
      const existing = [...s.own.values()].find((row) => row.handle === key);
      return save(
        existing
          ? { ...existing, tierId, status: 'active' }
          : { handle: key, tierId, since: today(), status: 'active', source: 'context-menu' },
      );
    },

    async remove(ids: readonly string[]): Promise<Subscriber[]> {
      const s = await loader.state();
      // Each record once, so that its undo puts back a list without repeats.
      const removed = [...new Set(ids)].flatMap((id) => s.own.get(id) ?? []);
      if (removed.length === 0) return [];
      await write(s, () => db.subscribers.bulkDelete(removed.map((r) => r.id)));
      for (const r of removed) s.own.delete(r.id);
      loader.changed(s);
      return removed;
    },

    /**
     * Undo of a removal: the records come back exactly as they were, all of them or none. Meanwhile their
     * username may have been given to another record, or their tier deleted: such an undo is refused.
     */
    async restore(records: readonly Subscriber[]): Promise<Result<void>> {
      const s = await loader.state();
      if (!s.ownHandle) return problem([], rosterMessage('roster.err.noProfile'));
      const tiers = s.tiers.get(s.ownHandle);
      const holders = new Map<string, string>();
      for (const row of s.own.values()) if (row.handle !== undefined) holders.set(row.handle, row.id);
      const problems: Problem[] = [];
      records.forEach((record, i) => {
        const holder = record.handle === undefined ? undefined : holders.get(record.handle);
        if (holder !== undefined && holder !== record.id) {
          problems.push({ path: ['subscribers', i, 'handle'], message: rosterMessage('roster.err.duplicateHandle', { handle: record.handle! }) });
        }
        if (!tiers?.has(record.tierId)) {
          problems.push({ path: ['subscribers', i, 'tierId'], message: rosterMessage('roster.err.tierGone', { name: subscriberName(record) }) });
        }
      });
      if (problems.length) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
      if (records.length) await put(s, records);
      return { ok: true, value: undefined };
    },

    /** Previews a roster CSV, or saves it (`apply`): every row or none. */
    async importCsv(fileName: string, text: string, apply: boolean): Promise<RosterImportAnswer> {
      const s = await loader.state();
      if (!s.ownHandle) return { ok: false, problems: [{ file: fileName, row: null, field: null, message: rosterMessage('roster.err.noProfile') }] };
      const existing = [...s.own.values()];
      const tiers = [...(s.tiers.get(s.ownHandle)?.values() ?? [])];
      const preview = importRosterCsv(text, { fileName, creatorHandle: s.ownHandle, tiers, existing, today: today() });
      if (!preview.ok) {
        return { ok: false, problems: preview.problems.map(({ file, row, field, message }) => ({ file, row, field, message })) };
      }
      if (apply) {
        const { added, updated } = applyRosterImport(preview.value, existing, {
          creatorHandle: s.ownHandle,
          now: deps.now(),
          newId: deps.newId,
        });
        await put(s, [...added, ...updated]);
      }
      return {
        ok: true,
        summary: preview.value.summary,
        rows: preview.value.rows.slice(0, PREVIEW_ROWS).map(({ note: _note, existingId: _id, ...row }) => row),
        applied: apply,
      };
    },

    /**
     * After a workspace command: tiers may have changed (badge designs, sort order), and a new handle
     * takes the roster with it, as the roster is the creator's whoever they are called now.
     */
    async workspaceChanged(): Promise<void> {
      // Lookups from the snapshot read the creator's tiers and handle again.
      loader.forgetSnapshotData();
      if (!loader.isRead()) return;
      const s = await loader.state();
      const handle = await ownHandle(db);
      if (handle !== s.ownHandle) {
        if (handle) await write(s, () => db.subscribers.toCollection().modify({ creatorHandle: handle }));
        loader.forget();
        return;
      }
      if (!handle) return;
      s.tiers.set(handle, await loader.readOwnTiers());
      s.cache.clear();
    },
  };
}
