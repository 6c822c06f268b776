// The roster in memory: read from Dexie with the kept packs, indexed for lookups, and the index's
// snapshot kept for the next start of the service worker (see below). Until the whole roster is read,
// lookups may answer from that snapshot.
import * as z from 'zod/mini';
import type { ImportMode } from '../../domain/backup';
import { sortTiers } from '../../domain/offer';
import { handleSchema, tierSchema, type Tier } from '../../domain/schema';
import { packTierSchema } from '../../packs/pack';
import { indexSnapshotSchema, RosterIndex } from '../../roster/matching';
import { subscriberSchema, type Subscriber } from '../../roster/schema';
import { rosterGeneration, type StoredPack, type TierkitDb } from '../db';
import { ownHandle } from '../stats-store';
import { validRows } from '../valid-rows';
import { tierMap, type BadgeTier } from './badge-tiers';
import type { LookupData } from './lookup-answer';
import { QueryCache } from './roster-query';

/** What lookups need: from the whole roster, or from the index's snapshot while that is not read. */
export interface RosterLookupData extends LookupData {
  ownHandle: string | null;
  /** Tiers per creator: the creator's own and each pack's. */
  tiers: Map<string, Map<string, BadgeTier>>;
  creators: string[];
}

/** The whole roster as read: the creator's records beside the index of theirs and the packs'. */
export interface RosterData extends RosterLookupData {
  own: Map<string, Subscriber>;
  packs: number;
  /** The roster's generation this state holds (db.ts). */
  generation: number;
  cache: QueryCache;
}

export interface RosterLoaderDeps {
  db: TierkitDb;
  /** The kept packs whose badges show, validated (lib/store/pack-store): never one held apart. */
  readTrustedPacks: (db: TierkitDb) => Promise<StoredPack[]>;
  /** How long after a read or a change the index's snapshot is taken (SNAPSHOT_DELAY_MS). */
  snapshotDelayMs?: number;
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

export function createRosterLoader(deps: RosterLoaderDeps) {
  const { db } = deps;
  let loading: Promise<RosterData> | null = null;
  // The whole roster once read; until then, lookups may answer from the snapshot.
  let current: RosterData | null = null;
  let quick: Promise<RosterLookupData | null> | null = null;
  let snapshotTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * Reads the roster and builds its state; `given` is the roster as a backup import just wrote it (checked
   * records, and the generation the import moved to), which is then not read again.
   */
  async function load(given?: { subscribers: readonly Subscriber[]; generation: number }): Promise<RosterData> {
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
  function begin(started: Promise<RosterData>): Promise<RosterData> {
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

  function state(): Promise<RosterData> {
    return loading ?? begin(load());
  }

  /**
   * Takes the snapshot of `s` soon, unless the roster is read again or changes meanwhile, or the kept
   * one is of this roster already (a start that read the whole roster for the options page).
   */
  function snapshotLater(s: RosterData) {
    clearTimeout(snapshotTimer);
    snapshotTimer = setTimeout(() => void keepSnapshot(s), deps.snapshotDelayMs ?? SNAPSHOT_DELAY_MS);
  }

  async function keepSnapshot(s: RosterData): Promise<void> {
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
  async function loadQuick(): Promise<RosterLookupData | null> {
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

  return {
    /** The whole roster, read now unless it is read or being read already. */
    state,

    /** The whole roster when it has been read; else the snapshot's index; else the roster, read now. */
    async lookupData(): Promise<RosterLookupData> {
      if (current) return current;
      if (!loading) {
        quick ??= loadQuick().catch(() => null);
        const fromSnapshot = await quick;
        if (current) return current;
        if (fromSnapshot) return fromSnapshot;
      }
      return state();
    },

    /** Whether the whole roster is read or being read: else a change elsewhere has nothing to update. */
    isRead(): boolean {
      return loading !== null;
    },

    /** Forgets the whole roster: its next use reads it again. */
    forget(): void {
      loading = null;
      current = null;
    },

    /** Reads everything again from the database at the next use, the snapshot included. */
    reload(): void {
      loading = null;
      current = null;
      quick = null;
    },

    /** Forgets what lookups read from the snapshot: the creator's tiers and handle, read with it, may have changed. */
    forgetSnapshotData(): void {
      quick = null;
    },

    /** The creator's tiers as stored now, for the state of a roster read before they changed. */
    async readOwnTiers(): Promise<Map<string, BadgeTier>> {
      return tierMap(readTiers(await db.tiers.toArray()));
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

    /** After the creator's records in `s` changed: the index, the cached orders and the snapshot follow. */
    changed(s: RosterData): void {
      s.cache.clear();
      if (s.ownHandle) s.index.setCreator(s.ownHandle, [...s.own.values()]);
      snapshotLater(s);
    },
  };
}

export type RosterLoader = ReturnType<typeof createRosterLoader>;
