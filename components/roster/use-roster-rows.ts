// The rows a virtualised roster table shows, fetched from the background one page at a time: only the
// pages that cover the visible window are asked for, and each is kept until the query or the roster
// changes.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Problem } from '@/lib/domain/problems';
import { t } from '@/lib/i18n';
import { ask } from '@/lib/client/ask';
import { type RosterSortKey } from '@/lib/protocol/schemas';
import type { Subscriber, SubscriberStatus } from '@/lib/roster/schema';

/** Rows per request (the background answers at most 500). */
export const PAGE_SIZE = 100;

export interface RosterFilter {
  search: string;
  tierId?: string;
  status?: SubscriberStatus;
  sort: RosterSortKey;
  descending: boolean;
}

interface Cache {
  key: string;
  revision: number | null;
  pages: Map<number, Subscriber[]>;
  pending: Set<number>;
  total: number | null;
  /**
   * The same query before the roster changed: shown until the new pages arrive, so an edit does not
   * blank the table for a moment.
   */
  previous: Cache | null;
}

export interface RosterRows {
  /** Records that pass the filter; null until the first page arrives. */
  total: number | null;
  rowAt(index: number): Subscriber | undefined;
  problems: Problem[];
}

/** The rows from `first` to `last` (0-based, inclusive) of the roster filtered and sorted by `filter`. */
export function useRosterRows(filter: RosterFilter, revision: number | null, first: number, last: number): RosterRows {
  const cache = useRef<Cache | null>(null);
  const [, setLoaded] = useState(0);
  const [problems, setProblems] = useState<Problem[]>([]);
  const key = JSON.stringify([filter.search, filter.tierId, filter.status, filter.sort, filter.descending]);

  let current = cache.current;
  if (!current || current.key !== key || current.revision !== revision) {
    const before = current?.key === key ? (current.total === null ? current.previous : current) : null;
    current = cache.current = {
      key,
      revision,
      pages: new Map(),
      pending: new Set(),
      total: null,
      previous: before && { ...before, previous: null },
    };
  }

  useEffect(() => {
    const wanted = cache.current!;
    const firstPage = Math.floor(first / PAGE_SIZE);
    const lastPage = Math.max(firstPage, Math.floor(last / PAGE_SIZE));
    for (let page = firstPage; page <= lastPage; page++) {
      if (wanted.pages.has(page) || wanted.pending.has(page)) continue;
      if (page > 0 && wanted.total !== null && page * PAGE_SIZE >= wanted.total) continue;
      wanted.pending.add(page);
      void ask({
        type: 'roster.query',
        search: filter.search,
        tierId: filter.tierId,
        status: filter.status,
        sort: filter.sort,
        descending: filter.descending,
        offset: page * PAGE_SIZE,
        limit: PAGE_SIZE,
      }).then((answer) => {
        wanted.pending.delete(page);
        // An answer to a query the table no longer shows.
        if (cache.current !== wanted) return;
        if (!answer.ok) setProblems(answer.problems);
        else {
          wanted.pages.set(page, answer.data.rows);
          wanted.total = answer.data.total;
          setProblems([]);
          setLoaded((n) => n + 1);
        }
      });
    }
  }, [key, revision, first, last]);

  useEffect(
    () => () => {
      cache.current = null;
    },
    [],
  );

  const shown = current;
  const rowFrom = (c: Cache, index: number) => c.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  return {
    total: shown.total ?? shown.previous?.total ?? null,
    rowAt: (index) =>
      shown.pages.has(Math.floor(index / PAGE_SIZE))
        ? rowFrom(shown, index)
        : shown.previous
          ? rowFrom(shown.previous, index)
          : undefined,
    problems,
  };
}
