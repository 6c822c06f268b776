// The in-memory index the background answers a page's roster lookups from: subscriber records of any
// number of creators (the creator's own roster and imported badge packs), in Maps keyed by creator
// then by handle or nickname, so a lookup costs a few Map reads per name whatever the roster's size;
// a filter in front of each Map answers most names nobody subscribes with (key-filter.ts).
//
// Rules:
// - Handles are compared case-insensitively, without "@" (normalizeHandle).
// - Nicknames are compared exactly after Unicode NFC and trimming (normalizeNickname); a nickname match
//   is marked as such, since a nickname is not unique on TikTok.
// - A nickname that belongs to more than one person in a creator's roster (different handles, or
//   records without a handle) is ambiguous: it answers 'ambiguous', never a guess.
// - Only active records badge. When one handle has several records, an active one wins; among those,
//   the most recently updated.
import * as z from 'zod/mini';
import { normalizeHandle } from '../domain/schema';
import { idSchema } from '../domain/text';
import { daySchema } from '../eligibility/dates';
import { KeyFilter } from './key-filter';
import { normalizeNickname, type Subscriber } from './schema';

/** What a page may learn of a subscriber: never the note. */
export type RosterEntry = Pick<Subscriber, 'id' | 'tierId' | 'since' | 'monthsOverride' | 'handle' | 'nickname'>;

export type RosterAnswer =
  | { status: 'match'; by: 'handle' | 'nickname'; entry: RosterEntry }
  | { status: 'ambiguous'; by: 'nickname' }
  | { status: 'none' };

export interface RosterQuery {
  handles?: readonly string[];
  nicknames?: readonly string[];
}

/** Answers in the order of the query's names. */
export interface RosterLookup {
  handles: RosterAnswer[];
  nicknames: RosterAnswer[];
}

const NONE: RosterAnswer = Object.freeze({ status: 'none' });
const AMBIGUOUS: RosterAnswer = Object.freeze({ status: 'ambiguous', by: 'nickname' });

interface CreatorIndex {
  byHandle: Map<string, RosterAnswer>;
  byNickname: Map<string, RosterAnswer>;
  handleFilter: KeyFilter;
  nicknameFilter: KeyFilter;
}

function entryOf(s: Subscriber): RosterEntry {
  const entry: RosterEntry = { id: s.id, tierId: s.tierId, since: s.since };
  if (s.monthsOverride !== undefined) entry.monthsOverride = s.monthsOverride;
  if (s.handle !== undefined) entry.handle = s.handle;
  if (s.nickname !== undefined) entry.nickname = s.nickname;
  return entry;
}

const outranks = (a: Subscriber, b: Subscriber) =>
  a.updatedAt > b.updatedAt || (a.updatedAt === b.updatedAt && a.id > b.id);

function indexCreator(subscribers: readonly Subscriber[]): CreatorIndex {
  // Per handle, the record that represents the person: active first, then the latest update.
  const bestByHandle = new Map<string, Subscriber>();
  // Per nickname, the person it names (their handle, or the record id when there is none) and
  // whether that person badges; `null` once a second person carries the same nickname.
  const nicknameOwner = new Map<string, { person: string; record: Subscriber | undefined } | null>();
  const withoutHandle: Subscriber[] = [];

  for (const s of subscribers) {
    if (s.handle !== undefined) {
      const best = bestByHandle.get(s.handle);
      const wins =
        !best ||
        (s.status === 'active' && best.status !== 'active') ||
        (s.status === best.status && outranks(s, best));
      if (wins) bestByHandle.set(s.handle, s);
    } else {
      withoutHandle.push(s);
    }
  }

  const byHandle = new Map<string, RosterAnswer>();
  const noteNickname = (person: string, s: Subscriber) => {
    if (s.nickname === undefined) return;
    const key = normalizeNickname(s.nickname);
    const owner = nicknameOwner.get(key);
    const badges = s.status === 'active' ? s : undefined;
    if (owner === undefined) nicknameOwner.set(key, { person, record: badges });
    else if (owner !== null && owner.person !== person) nicknameOwner.set(key, null);
    else if (owner !== null && badges && (!owner.record || outranks(badges, owner.record))) owner.record = badges;
  };
  for (const s of subscribers) if (s.handle !== undefined) noteNickname(`@${s.handle}`, s);
  for (const s of withoutHandle) noteNickname(`#${s.id}`, s);
  for (const [handle, s] of bestByHandle) {
    if (s.status === 'active') byHandle.set(handle, { status: 'match', by: 'handle', entry: entryOf(s) });
  }

  const byNickname = new Map<string, RosterAnswer>();
  for (const [nickname, owner] of nicknameOwner) {
    if (owner === null) byNickname.set(nickname, AMBIGUOUS);
    else if (owner.record) byNickname.set(nickname, { status: 'match', by: 'nickname', entry: entryOf(owner.record) });
  }
  return withFilters(byHandle, byNickname);
}

function withFilters(byHandle: Map<string, RosterAnswer>, byNickname: Map<string, RosterAnswer>): CreatorIndex {
  return {
    byHandle,
    byNickname,
    handleFilter: KeyFilter.of(byHandle.keys(), byHandle.size),
    nicknameFilter: KeyFilter.of(byNickname.keys(), byNickname.size),
  };
}

function answerOf(map: Map<string, RosterAnswer>, filter: KeyFilter, key: string): RosterAnswer {
  return filter.mightHave(key) ? (map.get(key) ?? NONE) : NONE;
}

// ---- A snapshot of the index, kept so that a service worker Chrome stopped answers soon after it
// starts again: 100,000 records take about 1 s to read, check and index, a snapshot of columns a small
// part of that (lib/store/roster/roster-loader.ts). Columns of strings and numbers, not objects: IndexedDB reads them
// many times faster. Entries are shared by the handle and the nickname maps; tier ids and days, which
// repeat, are kept once each.

export interface CreatorSnapshot {
  creator: string;
  tierIds: string[];
  days: string[];
  /** Per entry: record id, index into tierIds, index into days, months override (-1: none), handle and nickname ('': none). */
  ids: string[];
  tiers: number[];
  since: number[];
  months: number[];
  handles: string[];
  nicknames: string[];
  /** Each key and its entry; a nickname entry of -1 is a nickname several people share. */
  handleKeys: string[];
  handleEntries: number[];
  nicknameKeys: string[];
  nicknameEntries: number[];
}

export interface IndexSnapshot {
  creators: CreatorSnapshot[];
}

const MAX_SNAPSHOT_ROWS = 1_000_000;
const texts = (max: number) => z.array(z.string().check(z.maxLength(max))).check(z.maxLength(MAX_SNAPSHOT_ROWS));
const counts = (min: number) => z.array(z.int().check(z.minimum(min))).check(z.maxLength(MAX_SNAPSHOT_ROWS));

/** Same length, and every index within its list: a snapshot that reads back otherwise is not used. */
function consistent(c: CreatorSnapshot): boolean {
  const n = c.ids.length;
  const within = (list: readonly number[], size: number, none?: number) => list.every((i) => i < size || i === none);
  return (
    [c.tiers, c.since, c.months, c.handles, c.nicknames].every((column) => column.length === n) &&
    c.handleKeys.length === c.handleEntries.length &&
    c.nicknameKeys.length === c.nicknameEntries.length &&
    within(c.tiers, c.tierIds.length) &&
    within(c.since, c.days.length) &&
    within(c.handleEntries, n) &&
    within(c.nicknameEntries, n, -1)
  );
}

export const indexSnapshotSchema = z.object({
  creators: z.array(
    z
      .object({
        creator: z.string().check(z.maxLength(64)),
        tierIds: z.array(idSchema),
        days: z.array(daySchema),
        // Record ids, and a pack's entries' ids made of its key's fingerprint.
        ids: texts(100),
        tiers: counts(0),
        since: counts(0),
        months: counts(-1),
        handles: texts(64),
        nicknames: texts(1000),
        handleKeys: texts(64),
        handleEntries: counts(0),
        nicknameKeys: texts(1000),
        nicknameEntries: counts(-1),
      })
      .check(z.refine(consistent)),
  ),
});

export class RosterIndex {
  private readonly creators = new Map<string, CreatorIndex>();

  /** Indexes records of any creators; each creator's records replace what the index held for them. */
  static build(subscribers: readonly Subscriber[]): RosterIndex {
    const byCreator = new Map<string, Subscriber[]>();
    for (const s of subscribers) {
      const list = byCreator.get(s.creatorHandle);
      if (list) list.push(s);
      else byCreator.set(s.creatorHandle, [s]);
    }
    const index = new RosterIndex();
    for (const [creator, list] of byCreator) index.setCreator(creator, list);
    return index;
  }

  /** Replaces one creator's roster (after an edit or a pack import); an empty list forgets the creator. */
  setCreator(creatorHandle: string, subscribers: readonly Subscriber[]): void {
    const creator = normalizeHandle(creatorHandle);
    if (subscribers.length === 0) this.creators.delete(creator);
    else this.creators.set(creator, indexCreator(subscribers.filter((s) => s.creatorHandle === creator)));
  }

  creatorHandles(): string[] {
    return [...this.creators.keys()];
  }

  /** The index as columns (see above); `fromSnapshot` makes an index that answers alike. */
  snapshot(): IndexSnapshot {
    const creators: CreatorSnapshot[] = [];
    for (const [creator, index] of this.creators) {
      const c: CreatorSnapshot = {
        creator,
        tierIds: [],
        days: [],
        ids: [],
        tiers: [],
        since: [],
        months: [],
        handles: [],
        nicknames: [],
        handleKeys: [],
        handleEntries: [],
        nicknameKeys: [],
        nicknameEntries: [],
      };
      const tierAt = new Map<string, number>();
      const dayAt = new Map<string, number>();
      const entryAt = new Map<string, number>();
      const intern = (at: Map<string, number>, list: string[], value: string) => {
        let i = at.get(value);
        if (i === undefined) at.set(value, (i = list.push(value) - 1));
        return i;
      };
      const entryOfAnswer = (answer: RosterAnswer): number => {
        if (answer.status !== 'match') return -1;
        const e = answer.entry;
        let i = entryAt.get(e.id);
        if (i === undefined) {
          entryAt.set(e.id, (i = c.ids.push(e.id) - 1));
          c.tiers.push(intern(tierAt, c.tierIds, e.tierId));
          c.since.push(intern(dayAt, c.days, e.since));
          c.months.push(e.monthsOverride ?? -1);
          c.handles.push(e.handle ?? '');
          c.nicknames.push(e.nickname ?? '');
        }
        return i;
      };
      for (const [key, answer] of index.byHandle) {
        c.handleKeys.push(key);
        c.handleEntries.push(entryOfAnswer(answer));
      }
      for (const [key, answer] of index.byNickname) {
        c.nicknameKeys.push(key);
        c.nicknameEntries.push(entryOfAnswer(answer));
      }
      creators.push(c);
    }
    return { creators };
  }

  static fromSnapshot(snapshot: IndexSnapshot): RosterIndex {
    const index = new RosterIndex();
    for (const c of snapshot.creators) {
      const entries = c.ids.map((id, i): RosterEntry => {
        const entry: RosterEntry = { id, tierId: c.tierIds[c.tiers[i]!]!, since: c.days[c.since[i]!]! };
        if (c.months[i]! >= 0) entry.monthsOverride = c.months[i]!;
        if (c.handles[i]) entry.handle = c.handles[i]!;
        if (c.nicknames[i]) entry.nickname = c.nicknames[i]!;
        return entry;
      });
      const byHandle = new Map<string, RosterAnswer>();
      c.handleKeys.forEach((key, i) => byHandle.set(key, { status: 'match', by: 'handle', entry: entries[c.handleEntries[i]!]! }));
      const byNickname = new Map<string, RosterAnswer>();
      c.nicknameKeys.forEach((key, i) => {
        const at = c.nicknameEntries[i]!;
        byNickname.set(key, at < 0 ? AMBIGUOUS : { status: 'match', by: 'nickname', entry: entries[at]! });
      });
      index.creators.set(c.creator, withFilters(byHandle, byNickname));
    }
    return index;
  }

  /** Who among these names subscribes to `creatorHandle`; one answer per name, in the query's order. */
  lookup(creatorHandle: string, query: RosterQuery): RosterLookup {
    const creator = this.creators.get(normalizeHandle(creatorHandle));
    const handles = query.handles ?? [];
    const nicknames = query.nicknames ?? [];
    if (!creator) return { handles: handles.map(() => NONE), nicknames: nicknames.map(() => NONE) };
    return {
      handles: handles.map((h) => answerOf(creator.byHandle, creator.handleFilter, normalizeHandle(h))),
      nicknames: nicknames.map((n) => answerOf(creator.byNickname, creator.nicknameFilter, normalizeNickname(n))),
    };
  }
}
