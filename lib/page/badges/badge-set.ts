// The badges one feature shows in one page view. A feature says, for each element it watches (the
// source), where a name's badges go and whose roster counts; the set looks the name up, puts the
// badges right after the given element, and keeps them right:
// - never twice: a source shown again with the same name changes nothing;
// - a source whose name changed (a recycled LIVE chat slot, a comment reused for another author)
//   loses its old badges at once;
// - only the badges it made count: a <tierkit-badge> the page made or copied is never updated, reused
//   or inserted after (foreign-badges removes those);
// - after a roster change, every name shown is looked up again, and its badge updated or removed;
// - `dispose` (the view ended) removes every badge the set added.
import { isOwn } from '../own-nodes';
import { badgeView, createBadge, updateBadge } from './badge-element';
import type { Answer, NameKind, RosterLookup } from './roster-lookup';
import type { WorkQueue } from './work-queue';

export interface Placement {
  /** The badges go right after this element. */
  after: Element;
  kind: NameKind;
  /** A handle (lower case, no "@") or a nickname. */
  name: string;
  /**
   * The creator whose subscribers count. Undefined: every creator Tierkit knows, one badge per creator
   * that has this person, each naming its creator (the feed and profile headers).
   */
  creator?: string;
}

export interface BadgeSet {
  /** Shows the badges for `source`'s name, or none (null). */
  show(source: Element, placement: Placement | null): void;
  /** Removes every badge this set added and stops. */
  dispose(): void;
}

export interface BadgeSetEnvironment {
  roster: RosterLookup;
  queue: WorkQueue;
}

interface Entry {
  placement: Placement;
  /** The badge shown per creator. */
  hosts: Map<string, HTMLElement>;
  /** Bumped when the entry is looked up again: older answers are ignored. */
  round: number;
  alive: boolean;
}

/** Whether two placements are the same badges: the same name, creator and element to follow. */
export const samePlacement = (a: Placement | null, b: Placement | null) =>
  a === b || (a !== null && b !== null && a.after === b.after && a.kind === b.kind && a.name === b.name && a.creator === b.creator);

/** The last of the badges this script made that directly follow `after` (a new one goes after it), or `after`. */
function lastBadgeAfter(after: Element): Element {
  let last = after;
  for (let next = after.nextElementSibling; next && isOwn(next); next = next.nextElementSibling) last = next;
  return last;
}

export function createBadgeSet(env: BadgeSetEnvironment): BadgeSet {
  const { roster, queue } = env;
  const entries = new Map<Element, Entry>();
  // Sources the page removed are forgotten when the map has doubled since the last sweep.
  let sweepAt = 512;
  let disposed = false;

  function removeHosts(entry: Entry) {
    for (const host of entry.hosts.values()) host.remove();
    entry.hosts.clear();
  }

  function apply(entry: Entry, round: number, creator: string, answer: Answer) {
    if (!entry.alive || entry.round !== round) return;
    const { after } = entry.placement;
    let host = entry.hosts.get(creator);
    if (answer === null) {
      host?.remove();
      entry.hosts.delete(creator);
      return;
    }
    const view = badgeView(answer, creator, entry.placement.creator === undefined);
    if (host) {
      updateBadge(host, view);
    } else {
      if (!after.isConnected) return;
      host = createBadge(after.ownerDocument, view);
      lastBadgeAfter(after).after(host);
    }
    entry.hosts.set(creator, host);
  }

  function resolve(entry: Entry) {
    const creators = entry.placement.creator !== undefined ? [entry.placement.creator] : roster.creators();
    if (creators === undefined) {
      roster.whenReady(() => {
        if (entry.alive) resolve(entry);
      });
      return;
    }
    const round = ++entry.round;
    // A creator no longer known (a pack removed) keeps no badge.
    for (const [creator, host] of entry.hosts) {
      if (!creators.includes(creator)) {
        host.remove();
        entry.hosts.delete(creator);
      }
    }
    const { kind, name } = entry.placement;
    // Most names are nobody's subscribers: a "no" changes something only where a badge shows.
    const answered = (creator: string, answer: Answer) => {
      if (answer !== null || entry.hosts.has(creator)) queue.push(() => apply(entry, round, creator, answer));
    };
    for (const creator of creators) {
      const now = roster.lookup(creator, kind, name, (answer) => {
        if (entry.alive && entry.round === round) answered(creator, answer);
      });
      if (now !== undefined) answered(creator, now);
    }
  }

  function sweep() {
    if (entries.size < sweepAt) return;
    for (const [source, entry] of entries) {
      if (!source.isConnected) {
        entry.alive = false;
        entries.delete(source);
      }
    }
    sweepAt = Math.max(512, entries.size * 2);
  }

  const stopFollowing = roster.onChange(() => {
    for (const [source, entry] of entries) {
      if (source.isConnected) resolve(entry);
      else {
        entry.alive = false;
        entries.delete(source);
      }
    }
  });

  return {
    show(source, placement) {
      if (disposed) return;
      const old = entries.get(source);
      if (placement === null) {
        if (old) {
          old.alive = false;
          removeHosts(old);
          entries.delete(source);
        }
        return;
      }
      if (old && samePlacement(old.placement, placement)) return;
      if (old) {
        old.alive = false;
        removeHosts(old);
      }
      const entry: Entry = { placement, hosts: new Map(), round: 0, alive: true };
      entries.set(source, entry);
      sweep();
      resolve(entry);
    },
    dispose() {
      disposed = true;
      stopFollowing();
      for (const entry of entries.values()) {
        entry.alive = false;
        removeHosts(entry);
      }
      entries.clear();
    },
  };
}
