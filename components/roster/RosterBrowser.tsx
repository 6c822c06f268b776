import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Tier } from '@/lib/domain/schema';
import { t } from '@/lib/i18n';
import type { RosterSortKey } from '@/lib/protocol/schemas';
import { subscriberStatuses, type Subscriber, type SubscriberStatus } from '@/lib/roster/schema';
import { Problems } from '../Problems';
import { statusKey } from './format';
import { FALLBACK_VIEWPORT, RosterGrid, windowOf } from './RosterGrid';
import { useRosterRows } from './use-roster-rows';

/** How long typing pauses before the search is run. */
export const SEARCH_DELAY_MS = 150;

export interface RosterBrowserProps {
  /** The published roster revision: the rows are asked for again when it changes. */
  revision: number | null;
  tiers: readonly Tier[];
  today: string;
  /** Shown instead of the table when the roster has no one at all. */
  empty: ComponentChildren;
  onEdit(subscriber: Subscriber, opener: HTMLElement): void;
  /** Removes these records; resolves to whether they were removed. */
  onRemove(ids: string[]): Promise<boolean>;
}

function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

/** Search, filters, the virtualised table and the selection of the creator's roster. */
export function RosterBrowser(props: RosterBrowserProps) {
  const [searchText, setSearchText] = useState('');
  const search = useDebounced(searchText.trim(), SEARCH_DELAY_MS);
  const [tierId, setTierId] = useState('');
  const [status, setStatus] = useState<SubscriberStatus | ''>('');
  const [sort, setSort] = useState<RosterSortKey>('handle');
  const [descending, setDescending] = useState(false);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(FALLBACK_VIEWPORT);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const scroller = useRef<HTMLDivElement>(null);

  const filter = { search, tierId: tierId || undefined, status: status || undefined, sort, descending };
  const filtering = search !== '' || tierId !== '' || status !== '';
  const { first, last } = windowOf(scrollTop, viewport);
  const rows = useRosterRows(filter, props.revision, first, last);
  const total = rows.total;

  // A new query starts at the top; a new filter also forgets the selection, which it may hide.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  }, [search, tierId, status, sort, descending]);
  useEffect(() => setSelected(new Set()), [search, tierId, status]);

  const onSort = (key: RosterSortKey) => {
    if (key === sort) setDescending(!descending);
    else {
      setSort(key);
      setDescending(false);
    }
  };
  const onSelect = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };
  const removeSelected = async () => {
    if (await props.onRemove([...selected])) setSelected(new Set());
  };
  const removeOne = async (subscriber: Subscriber) => {
    if ((await props.onRemove([subscriber.id])) && selected.has(subscriber.id)) onSelect(subscriber.id, false);
  };
  const clearFilters = () => {
    setSearchText('');
    setTierId('');
    setStatus('');
  };

  if (total === 0 && !filtering && searchText.trim() === '') return <>{props.empty}</>;

  return (
    <div class="roster-browser">
      <div class="roster-toolbar" role="search" aria-label={t('roster.ui.searchRegion')}>
        <div class="field roster-search">
          <label for="roster-search">{t('roster.ui.search')}</label>
          <input
            id="roster-search"
            type="search"
            aria-describedby="roster-search-hint"
            value={searchText}
            maxLength={100}
            onInput={(e) => setSearchText(e.currentTarget.value)}
          />
          <span id="roster-search-hint" class="hint muted">
            {t('roster.ui.searchHint')}
          </span>
        </div>
        <div class="field">
          <label for="roster-filter-tier">{t('roster.ui.filterTier')}</label>
          <select id="roster-filter-tier" value={tierId} onChange={(e) => setTierId(e.currentTarget.value)}>
            <option value="">{t('roster.ui.allTiers')}</option>
            {props.tiers.map((tier) => (
              <option key={tier.id} value={tier.id}>
                {tier.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="roster-filter-status">{t('roster.ui.filterStatus')}</label>
          <select
            id="roster-filter-status"
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as SubscriberStatus | '')}
          >
            <option value="">{t('roster.ui.allStatuses')}</option>
            {subscriberStatuses.map((s) => (
              <option key={s} value={s}>
                {t(statusKey(s))}
              </option>
            ))}
          </select>
        </div>
      </div>

      <p role="status" class="roster-count muted">
        {total === null
          ? t('roster.ui.loading')
          : filtering
            ? t('roster.ui.matches', { count: total })
            : t('roster.ui.total', { count: total })}
      </p>
      <Problems problems={rows.problems} />

      {selected.size ? (
        <div class="roster-bulk">
          <span>{t('roster.ui.selected', { count: selected.size })}</span>
          <button type="button" class="danger" onClick={removeSelected}>
            {t('roster.ui.removeSelected', { count: selected.size })}
          </button>
          <button type="button" onClick={() => setSelected(new Set())}>
            {t('roster.ui.clearSelection')}
          </button>
        </div>
      ) : null}

      {total === 0 ? (
        <div class="empty-state">
          <p>{search ? t('roster.ui.noMatchesFor', { search }) : t('roster.ui.noMatches')}</p>
          <div class="actions">
            <button type="button" onClick={clearFilters}>
              {t('roster.ui.clearFilters')}
            </button>
          </div>
        </div>
      ) : (
        <RosterGrid
          total={total ?? 0}
          rowAt={rows.rowAt}
          first={first}
          last={Math.min(last, (total ?? 0) - 1)}
          scroller={scroller}
          onScroll={setScrollTop}
          onViewport={setViewport}
          viewport={viewport}
          tiers={new Map(props.tiers.map((tier) => [tier.id, tier]))}
          today={props.today}
          sort={sort}
          descending={descending}
          onSort={onSort}
          selected={selected}
          onSelect={onSelect}
          onEdit={props.onEdit}
          onRemove={(subscriber) => void removeOne(subscriber)}
        />
      )}
    </div>
  );
}
