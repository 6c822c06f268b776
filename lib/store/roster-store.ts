// The creator's roster and the kept badge packs, as the background serves them. The records live in
// Dexie; a copy stays in memory with a lookup index (lib/roster/matching), because a page asks about
// thousands of names at once and the options table pages through up to 200,000 rows. This module is
// the only writer of the `subscribers` table, so it keeps the copy in step with each write; anything
// else that touches the table (Delete all data) calls `reload`. Its parts, in lib/store/roster/: the
// roster read and indexed, with the index's snapshot kept for the next start of the service worker
// (roster-loader), the writes (roster-writes), the table's query (roster-query) and the answers to a
// page's lookups (lookup-answer).
import type { Result } from '../domain/problems';
import { normalizeHandle } from '../domain/schema';
import { utcDate } from '../eligibility/dates';
import { locale, pluralTemplate } from '../i18n';
import type { BadgeWords, LookupAnswer, RosterStatus } from '../protocol/schemas';
import type { RosterCsvPart, RosterPage } from '../protocol/roster-answers';
import { rosterCsvHeader, rosterCsvRows } from '../roster/csv';
import { rosterMessage } from '../roster/messages';
import type { Subscriber } from '../roster/schema';
import { rosterProblems, type RosterGuard } from '../roster/workspace-change';
import type { StoredPack, TierkitDb } from './db';
import { answerLookup, EntryTokens } from './roster/lookup-answer';
import { createRosterLoader } from './roster/roster-loader';
import { queryRoster, sortedRows, type RosterQuery } from './roster/roster-query';
import { createRosterWrites } from './roster/roster-writes';

export interface RosterStoreDeps {
  db: TierkitDb;
  /** The kept packs whose badges show, validated (lib/store/pack-store): never one held apart. */
  readTrustedPacks: (db: TierkitDb) => Promise<StoredPack[]>;
  now: () => number;
  newId: () => string;
  /** How long after a read or a change the index's snapshot is taken (roster-loader's SNAPSHOT_DELAY_MS). */
  snapshotDelayMs?: number;
}

/** The words a badge needs, in the user's language as it is now. */
function badgeWords(): BadgeWords {
  return {
    lang: locale(),
    tooltipOne: pluralTemplate('roster.tooltip', 'one'),
    tooltipOther: pluralTemplate('roster.tooltip', 'other'),
    name: rosterMessage('roster.badge.name'),
    byNickname: rosterMessage('roster.badge.byNickname'),
  };
}

export function createRosterStore(deps: RosterStoreDeps) {
  const loader = createRosterLoader(deps);
  const writes = createRosterWrites({ db: deps.db, loader, now: deps.now, newId: deps.newId });
  // Lives as long as the background: an entry keeps its token while the roster does not change.
  const tokens = new EntryTokens();
  const today = () => utcDate(deps.now());

  return {
    ...writes,

    /** Reads everything again from the database (after Delete all data, or a pack import or removal). */
    reload: loader.reload,

    imported: loader.imported,

    /**
     * The check of a workspace change against the roster as it is now: synchronous, so that it runs
     * inside the change's transaction (nothing else may be awaited there).
     */
    async guard(): Promise<RosterGuard> {
      const s = await loader.state();
      return (change) => rosterProblems(s.own.values(), change);
    },

    /**
     * Part of the whole roster for a backup, in one order throughout, with the roster's generation: parts
     * of two generations do not fit together.
     */
    async backupPart(offset: number, limit: number): Promise<{ subscribers: Subscriber[]; total: number; generation: number }> {
      const s = await loader.state();
      const rows = sortedRows(s, 'handle', false, today());
      return { subscribers: rows.slice(offset, offset + limit), total: rows.length, generation: s.generation };
    },

    async status(revision: number): Promise<RosterStatus> {
      const s = await loader.state();
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
      return queryRoster(await loader.state(), q, today());
    },

    /** One record of the creator's own roster as stored now (undefined when there is none). */
    async get(id: string): Promise<Subscriber | undefined> {
      return (await loader.state()).own.get(id);
    },

    /** The records of `handle` (the context menu's Remove). */
    async idsOf(handle: string): Promise<string[]> {
      const s = await loader.state();
      const key = normalizeHandle(handle);
      return [...s.own.values()].filter((row) => row.handle === key).map((row) => row.id);
    },

    /**
     * The roster as CSV in parts of `limit` rows from `offset`, the header with the first; parts of two
     * generations do not fit together.
     */
    async exportCsv(offset: number, limit: number): Promise<Result<RosterCsvPart>> {
      const s = await loader.state();
      if (!s.ownHandle) return { ok: false, problems: [{ path: [], message: rosterMessage('roster.err.noProfile') }] };
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
      await loader.lookupData();
    },

    /** Who among these names subscribes to `creator`, answered compactly for a page (schemas.ts). */
    async lookup(creator: string, handles: readonly string[], nicknames: readonly string[], revision: number): Promise<LookupAnswer> {
      const data = await loader.lookupData();
      return answerLookup(data, { creator, handles, nicknames }, { day: today(), revision, words: badgeWords(), tokens });
    },
  };
}

export type RosterStore = ReturnType<typeof createRosterStore>;
