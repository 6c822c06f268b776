// The badges one feature shows in one page view. A feature says, for each element it watches (the
// source), where a name's badges go and whose roster counts; the set looks the name up, puts the
// badges right after the given element, and keeps them right:
// - never twice: a source shown again with the same name changes nothing, and an existing badge of the
//   same creator next to the element is reused rather than a second one added;
// - a source whose name changed (a recycled LIVE chat slot) loses its old badges at once;
// - after a roster change, every name shown is looked up again, and its badge updated or removed;
// - `dispose` (the view ended) removes every badge the set added.
import { badgeView, BADGE_TAG, createBadge, updateBadge } from './badge-element';
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

const samePlacement = (a: Placement, b: Placement) =>
  a.after === b.after && a.kind === b.kind && a.name === b.name && a.creator === b.creator;

/** The badge of `creator` among those that directly follow `after`, or the last of them (to insert after). */
function badgeAfter(after: Element, creator: string): { same: HTMLElement | null; last: Element } {
  let last = after;
  for (let next = after.nextElementSibling; next?.localName === BADGE_TAG; next = next.nextElementSibling) {
    if (next.getAttribute('data-creator') === creator) return { same: next as HTMLElement, last: next };
    last = next;
  }
  return { same: null, last };
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
    const nearby = entry.hosts.has(creator) ? null : badgeAfter(after, creator);
    let host = entry.hosts.get(creator) ?? nearby?.same;
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
      nearby!.last.after(host);
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
