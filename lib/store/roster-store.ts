// The creator's roster and the kept badge packs, as the background serves them. The records live in
// Dexie; a copy stays in memory with a lookup index (lib/roster/matching), because a page asks about
// thousands of names at once and the options table pages through up to 200,000 rows. This module is
// the only writer of the `subscribers` table, so it keeps the copy in step with each write; anything
// else that touches the table (Delete all data) calls `reload`. Every write moves the roster's
// generation in its transaction, and a snapshot of the lookup index is kept for the next start of the
// service worker (see below).
import * as z from 'zod/mini';
import { sortTiers } from '../domain/offer';
import { fromZod, type Problem, type Result } from '../domain/problems';
import { handleSchema, normalizeHandle, tierSchema, type Tier } from '../domain/schema';
import { utcDate } from '../eligibility/dates';
import { locale } from '../i18n';
import type { BadgeWords, LookupAnswer, RosterStatus } from '../protocol/schemas';
import type { RosterCsvPart, RosterImportAnswer, RosterPage } from '../protocol/roster-answers';
import { applyRosterImport, importRosterCsv, rosterCsvHeader, rosterCsvRows } from '../roster/csv';
import { packTierSchema } from '../packs/pack';
import { indexSnapshotSchema, RosterIndex } from '../roster/matching';
import { rosterMessage } from '../roster/messages';
import { subscriberName, subscriberSchema, type Subscriber } from '../roster/schema';
import { rosterProblems, type RosterGuard } from '../roster/workspace-change';
import type { ImportMode } from '../domain/backup';
import { nextRosterGeneration, rosterGeneration, type StoredPack, type TierkitDb } from './db';
import { ownHandle } from './stats-store';
import { validRows } from './valid-rows';
import { tierMap, type BadgeTier } from './roster/badge-tiers';
import { answerLookup, EntryTokens } from './roster/lookup-answer';
import { QueryCache, queryRoster, sortedRows, type RosterQuery } from './roster/roster-query';

/** The fields a person edits; the rest (creator, source, times) the store sets. */
const EDITABLE = ['handle', 'nickname', 'tierId', 'since', 'monthsOverride', 'status', 'note'] as const;

/** Rows of an import preview sent to the page: enough for a table, not the whole file. */
const PREVIEW_ROWS = 100;
/** Problems listed for one refused undo, as for a backup: the first hundred say what is wrong. */
const MAX_PROBLEMS = 100;

export interface RosterStoreDeps {
  db: TierkitDb;
  /** The kept packs whose badges show, validated (lib/store/pack-store): never one held apart. */
  readTrustedPacks: (db: TierkitDb) => Promise<StoredPack[]>;
  now: () => number;
  newId: () => string;
  /** How long after a read or a change the index's snapshot is taken (SNAPSHOT_DELAY_MS). */
  snapshotDelayMs?: number;
}

/** What lookups need: from the whole roster, or from the index's snapshot while that is not read. */
interface LookupState {
  ownHandle: string | null;
  /** Tiers per creator: the creator's own and each pack's. */
  tiers: Map<string, Map<string, BadgeTier>>;
  index: RosterIndex;
  creators: string[];
}

interface State extends LookupState {
  own: Map<string, Subscriber>;
  packs: number;
  /** The roster's generation this state holds (db.ts). */
  generation: number;
  cache: QueryCache;
}

/** The creator's tiers that still validate, in position order. */
const readTiers = (rows: readonly unknown[]): Tier[] => sortTiers(validRows(rows, tierSchema));

/** A pack's subscribers as index records: every one badges; none has a note. */
function packRecords(stored: StoredPack): Subscriber[] {
  const at = stored.importedAt;
  return stored.pack.subscribers.map((s, i) => ({
    ...s,
    id: `${stored.fingerprint.slice(0, 16)}-${i}`,
    creatorHandle: stored.pack.creator.handle,
    status: 'active' as const,
    note: '',
    source: 'pack' as const,
    createdAt: at,
    updatedAt: at,
  }));
}

// The lookup index as kept between service worker starts (db.ts, LookupCacheRow): Chrome stops an idle
// worker after 30 s, and reading, checking and indexing 100,000 records again takes about 1 s, the
// snapshot a fraction of that (bench). It holds the packs' tiers too (a pack is read whole otherwise);
// the creator's own tiers are read afresh, so a tier edit leaves the snapshot good. It is used only
// when it is of the roster's current generation and the same own handle.
const badgeTierSchema = z.object({ ...packTierSchema.shape, position: z.int() });
const storedSnapshotSchema = z.object({
  generation: z.int(),
  ownHandle: z.nullable(handleSchema),
  creators: z.array(handleSchema),
  packTiers: z.array(z.object({ creator: handleSchema, tiers: z.array(badgeTierSchema) })),
  index: indexSnapshotSchema,
});
type StoredSnapshot = z.infer<typeof storedSnapshotSchema>;
const snapshotOfSchema = z.object({ generation: z.int(), ownHandle: z.nullable(handleSchema) });

/** How long after a change the snapshot is taken again: a burst of edits makes one. */
const SNAPSHOT_DELAY_MS = 1000;

/** The words a badge needs, in the user's language as it is now. */
function badgeWords(): BadgeWords {
  return {
    lang: locale(),
    tooltipOne: rosterMessage('roster.tooltip.one'),
    tooltipOther: rosterMessage('roster.tooltip.other'),
    name: rosterMessage('roster.badge.name'),
    byNickname: rosterMessage('roster.badge.byNickname'),
  };
}

export function createRosterStore(deps: RosterStoreDeps) {
  const { db } = deps;
  let loading: Promise<State> | null = null;
  // The whole roster once read; until then, lookups may answer from the snapshot.
  let current: State | null = null;
  let quick: Promise<LookupState | null> | null = null;
  let snapshotTimer: ReturnType<typeof setTimeout> | undefined;
  // Lives as long as the background: an entry keeps its token while the roster does not change.
  const tokens = new EntryTokens();

  /**
   * Reads the roster and builds its state; `given` is the roster as a backup import just wrote it (checked
   * records, and the generation the import moved to), which is then not read again.
   */
  async function load(given?: { subscribers: readonly Subscriber[]; generation: number }): Promise<State> {
    // One transaction: the generation is of exactly what is read.
    const [handle, rows, tierRows, packs, generation] = await db.transaction(
      'r',
      [db.singletons, db.subscribers, db.tiers, db.packs, db.lookupCache],
      () =>
        Promise.all([
          ownHandle(db),
          given ? null : db.subscribers.toArray(),
          db.tiers.toArray(),
          deps.readTrustedPacks(db),
          given ? given.generation : rosterGeneration(db),
        ]),
    );
    const ownTiers = readTiers(tierRows);
    const own = new Map((rows ? validRows(rows, subscriberSchema) : given!.subscribers).map((s) => [s.id, s]));
    const tiers = new Map<string, Map<string, BadgeTier>>();
    const index = new RosterIndex();
    const creators: string[] = [];
    if (handle) {
      tiers.set(handle, tierMap(ownTiers));
      index.setCreator(handle, [...own.values()]);
      creators.push(handle);
    }
    // One trusted pack per creator (lib/packs/replace.ts); should data hold two, the first imported
    // speaks, as the trust rule would have it. The creator's own roster wins over any pack claiming them.
    const firstImported = [...packs].sort((a, b) => a.importedAt - b.importedAt);
    for (const stored of firstImported) {
      const creator = stored.pack.creator.handle;
      if (tiers.has(creator)) continue;
      tiers.set(creator, tierMap(stored.pack.tiers));
      index.setCreator(creator, packRecords(stored));
      creators.push(creator);
    }
    return { ownHandle: handle, own, tiers, index, packs: packs.length, creators, generation, cache: new QueryCache() };
  }

  /** The state being read (or built) becomes the roster's once ready, unless something newer started. */
  function begin(started: Promise<State>): Promise<State> {
    loading = started;
    current = null;
    void started.then(
      (s) => {
        if (loading !== started) return;
        current = s;
        quick = null;
        snapshotLater(s);
      },
      () => undefined,
    );
    return started;
  }

  function state(): Promise<State> {
    return loading ?? begin(load());
  }

  /**
   * Takes the snapshot of `s` soon, unless the roster is read again or changes meanwhile, or the kept
   * one is of this roster already (a start that read the whole roster for the options page).
   */
  function snapshotLater(s: State) {
    clearTimeout(snapshotTimer);
    snapshotTimer = setTimeout(() => void keepSnapshot(s), deps.snapshotDelayMs ?? SNAPSHOT_DELAY_MS);
  }

  async function keepSnapshot(s: State): Promise<void> {
    try {
      const of = snapshotOfSchema.safeParse((await db.lookupCache.get('snapshotOf'))?.value);
      if (current !== s || (of.success && of.data.generation === s.generation && of.data.ownHandle === s.ownHandle)) return;
      const packCreators = s.creators.filter((creator) => creator !== s.ownHandle);
      const value: StoredSnapshot = {
        generation: s.generation,
        ownHandle: s.ownHandle,
        creators: s.creators,
        packTiers: packCreators.map((creator) => ({ creator, tiers: [...(s.tiers.get(creator)?.values() ?? [])] })),
        index: s.index.snapshot(),
      };
      await db.lookupCache.bulkPut([
        { key: 'snapshot', value },
        { key: 'snapshotOf', value: { generation: s.generation, ownHandle: s.ownHandle } },
      ]);
    } catch (error) {
      // A cache: when it cannot be kept, the next start reads the roster as before.
      console.warn('Tierkit: the roster index snapshot was not kept', error);
    }
  }

  /** Lookups' state from the snapshot, or null when there is none of the current roster. */
  async function loadQuick(): Promise<LookupState | null> {
    const [handle, tierRows, generation, row] = await db.transaction('r', [db.singletons, db.tiers, db.lookupCache], () =>
      Promise.all([ownHandle(db), db.tiers.toArray(), rosterGeneration(db), db.lookupCache.get('snapshot')]),
    );
    const parsed = storedSnapshotSchema.safeParse(row?.value);
    // One that does not read back is taken again after the roster is read.
    if (!parsed.success && row) await db.lookupCache.delete('snapshotOf');
    if (!parsed.success || parsed.data.generation !== generation || parsed.data.ownHandle !== handle) return null;
    const { packTiers, creators, index } = parsed.data;
    const tiers = new Map(packTiers.map(({ creator, tiers }) => [creator, new Map(tiers.map((tier) => [tier.id, tier]))]));
    if (handle) tiers.set(handle, tierMap(readTiers(tierRows)));
    return { ownHandle: handle, tiers, index: RosterIndex.fromSnapshot(index), creators };
  }

  /** The whole roster when it has been read; else the snapshot's index; else the roster, read now. */
  async function lookupState(): Promise<LookupState> {
    if (current) return current;
    if (!loading) {
      quick ??= loadQuick().catch(() => null);
      const fromSnapshot = await quick;
      if (current) return current;
      if (fromSnapshot) return fromSnapshot;
    }
    return state();
  }

  /**
   * Writes subscribers and moves the roster's generation in one transaction, so that no snapshot of the
   * roster before the write is used again.
   */
  async function write(s: State, work: () => Promise<unknown>): Promise<void> {
    s.generation = await db.transaction('rw', db.subscribers, db.lookupCache, async () => {
      await work();
      return nextRosterGeneration(db);
    });
  }

  /** After the roster changed: the index, the cached orders and the snapshot follow. */
  function changed(s: State) {
    s.cache.clear();
    if (s.ownHandle) s.index.setCreator(s.ownHandle, [...s.own.values()]);
    snapshotLater(s);
  }

  const today = () => utcDate(deps.now());

  function problem(path: Problem['path'], message: string): Result<never> {
    return { ok: false, problems: [{ path, message }] };
  }

  /**
   * The problems of a record a form saves over `before`. A username it already had is not refused when
   * another record has it too (a roster imported before that was refused): the edit does not repeat it.
   */
  function checkRecord(s: State, record: Subscriber, before: Subscriber | undefined, day: string): Problem[] {
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

  return {
    /** Reads everything again from the database (after Delete all data, or a pack import or removal). */
    reload(): void {
      loading = null;
      current = null;
      quick = null;
    },

    /**
     * After a backup import wrote `subscribers` (replace: they are the roster; merge: over the roster
     * there was): the roster in memory follows without reading the table again, and only a merge into a
     * roster not read yet leaves it to be read at its first use. Tiers and handle are read afresh, as
     * the import changed them too.
     */
    async imported(subscribers: Subscriber[], mode: ImportMode, generation: number): Promise<void> {
      quick = null;
      if (mode === 'replace') {
        await begin(load({ subscribers, generation }));
        return;
      }
      if (!loading) return;
      const merged = new Map((await state()).own);
      for (const s of subscribers) merged.set(s.id, s);
      await begin(load({ subscribers: [...merged.values()], generation }));
    },

    /**
     * After a workspace command: tiers may have changed (badge designs, sort order), and a new handle
     * takes the roster with it, as the roster is the creator's whoever they are called now.
     */
    async workspaceChanged(): Promise<void> {
      // Lookups from the snapshot read the creator's tiers and handle again.
      quick = null;
      if (!loading) return;
      const s = await state();
      const handle = await ownHandle(db);
      if (handle !== s.ownHandle) {
        if (handle) await write(s, () => db.subscribers.toCollection().modify({ creatorHandle: handle }));
        loading = null;
        current = null;
        return;
      }
      if (!handle) return;
      s.tiers.set(handle, tierMap(readTiers(await db.tiers.toArray())));
      s.cache.clear();
    },

    /**
     * The check of a workspace change against the roster as it is now: synchronous, so that it runs
     * inside the change's transaction (nothing else may be awaited there).
     */
    async guard(): Promise<RosterGuard> {
      const s = await state();
      return (change) => rosterProblems(s.own.values(), change);
    },

    /**
     * Part of the whole roster for a backup, in one order throughout, with the roster's generation: parts
     * of two generations do not fit together.
     */
    async backupPart(offset: number, limit: number): Promise<{ subscribers: Subscriber[]; total: number; generation: number }> {
      const s = await state();
      const rows = sortedRows(s, 'handle', false, today());
      return { subscribers: rows.slice(offset, offset + limit), total: rows.length, generation: s.generation };
    },

    async status(revision: number): Promise<RosterStatus> {
      const s = await state();
      // A Map, not an object: a tier id is not a property name.
      const counts = new Map<string, { active: number; lapsed: number }>();
      for (const row of s.own.values()) {
        let count = counts.get(row.tierId);
        if (!count) counts.set(row.tierId, (count = { active: 0, lapsed: 0 }));
        count[row.status]++;
      }
      return { revision, counts: Object.fromEntries(counts), total: s.own.size, packs: s.packs, creators: [...s.creators] };
    },

    async query(q: RosterQuery): Promise<RosterPage> {
      return queryRoster(await state(), q, today());
    },

    /** One record of the creator's own roster as stored now (undefined when there is none). */
    async get(id: string): Promise<Subscriber | undefined> {
      return (await state()).own.get(id);
    },

    async save(input: Record<string, unknown>): Promise<Result<{ id: string }>> {
      const s = await state();
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
      changed(s);
      return { ok: true, value: { id: parsed.data.id } };
    },

    /**
     * The context menu on a profile link: puts `handle` on the roster in `tierId` (active, from today),
     * or moves them to that tier when they are there already.
     */
    async setTierOf(handle: string, tierId: string): Promise<Result<{ id: string }>> {
      const s = await state();
      const key = normalizeHandle(handle);
      const existing = [...s.own.values()].find((row) => row.handle === key);
      return this.save(
        existing
          ? { ...existing, tierId, status: 'active' }
          : { handle: key, tierId, since: today(), status: 'active', source: 'context-menu' },
      );
    },

    /** The records of `handle` (the context menu's Remove). */
    async idsOf(handle: string): Promise<string[]> {
      const s = await state();
      const key = normalizeHandle(handle);
      return [...s.own.values()].filter((row) => row.handle === key).map((row) => row.id);
    },

    async remove(ids: readonly string[]): Promise<Subscriber[]> {
      const s = await state();
      // Each record once, so that its undo puts back a list without repeats.
      const removed = [...new Set(ids)].flatMap((id) => s.own.get(id) ?? []);
      if (removed.length === 0) return [];
      await write(s, () => db.subscribers.bulkDelete(removed.map((r) => r.id)));
      for (const r of removed) s.own.delete(r.id);
      changed(s);
      return removed;
    },

    /**
     * Undo of a removal: the records come back exactly as they were, all of them or none. Meanwhile their
     * username may have been given to another record, or their tier deleted: such an undo is refused.
     */
    async restore(records: readonly Subscriber[]): Promise<Result<void>> {
      const s = await state();
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
      if (records.length) {
        await write(s, () => db.subscribers.bulkPut([...records]));
        for (const r of records) s.own.set(r.id, r);
        changed(s);
      }
      return { ok: true, value: undefined };
    },

    /** Previews a roster CSV, or saves it (`apply`): every row or none. */
    async importCsv(fileName: string, text: string, apply: boolean): Promise<RosterImportAnswer> {
      const s = await state();
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
        const records = [...added, ...updated];
        await write(s, () => db.subscribers.bulkPut(records));
        for (const r of records) s.own.set(r.id, r);
        changed(s);
      }
      return {
        ok: true,
        summary: preview.value.summary,
        rows: preview.value.rows.slice(0, PREVIEW_ROWS).map(({ note: _note, existingId: _id, ...row }) => row),
        applied: apply,
      };
    },

    /**
     * The roster as CSV in parts of `limit` rows from `offset`, the header with the first; parts of two
     * generations do not fit together.
     */
    async exportCsv(offset: number, limit: number): Promise<Result<RosterCsvPart>> {
      const s = await state();
      if (!s.ownHandle) return problem([], rosterMessage('roster.err.noProfile'));
      const rows = sortedRows(s, 'handle', false, today());
      const part = rows.slice(offset, offset + limit);
      const tiers = [...(s.tiers.get(s.ownHandle)?.values() ?? [])];
      const text = (offset === 0 ? rosterCsvHeader() : '') + rosterCsvRows(part, tiers);
      return {
        ok: true,
        value: { fileName: `tierkit-subscribers-${s.ownHandle}-${today()}.csv`, text, count: part.length, total: rows.length, generation: s.generation },
      };
    },

    /** Reads and indexes the roster now, if it is not in memory yet. */
    async warm(): Promise<void> {
      await lookupState();
    },

    /** Who among these names subscribes to `creator`, answered compactly for a page (schemas.ts). */
    async lookup(creator: string, handles: readonly string[], nicknames: readonly string[], revision: number): Promise<LookupAnswer> {
      const data = await lookupState();
      return answerLookup(data, { creator, handles, nicknames }, { day: today(), revision, words: badgeWords(), tokens });
    },
  };
}

export type RosterStore = ReturnType<typeof createRosterStore>;
