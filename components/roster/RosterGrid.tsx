import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Tier } from '@/lib/domain/schema';
import { t, type MessageKey } from '@/lib/i18n';
import type { RosterSortKey } from '@/lib/protocol/schemas';
import { subscriberName, type Subscriber } from '@/lib/roster/schema';
import { tenureOf } from '@/lib/roster/tenure';
import { BadgePreview } from '../tiers/BadgePreview';
import { count, formatDay, sourceKey, statusKey } from './format';

/** Every row is this tall (CSS holds the same numbers), so a row's place is its index times this. */
export const ROW_HEIGHT = 44;
export const HEADER_HEIGHT = 40;
/** The scroll area's height when it cannot be measured (no layout yet). */
export const FALLBACK_VIEWPORT = 480;
/** Rows rendered above and below the visible ones, so a fast scroll does not show gaps. */
export const OVERSCAN = 8;

/** The rows to render for a scroll position: the visible ones and the overscan (the caller caps them at the total). */
export function windowOf(scrollTop: number, viewport: number): { first: number; last: number } {
  const visible = Math.ceil(Math.max(0, viewport - HEADER_HEIGHT) / ROW_HEIGHT) + 1;
  const top = Math.floor(scrollTop / ROW_HEIGHT);
  return { first: Math.max(0, top - OVERSCAN), last: top + visible + OVERSCAN };
}

const columns: { id: string; label: MessageKey; sort?: RosterSortKey }[] = [
  { id: 'select', label: 'roster.ui.col.select' },
  { id: 'handle', label: 'roster.ui.col.handle', sort: 'handle' },
  { id: 'nickname', label: 'roster.ui.col.nickname', sort: 'nickname' },
  { id: 'tier', label: 'roster.ui.col.tier', sort: 'tier' },
  { id: 'since', label: 'roster.ui.col.since', sort: 'since' },
  { id: 'months', label: 'roster.ui.col.months', sort: 'months' },
  { id: 'status', label: 'roster.ui.col.status', sort: 'status' },
  { id: 'source', label: 'roster.ui.col.source' },
  { id: 'note', label: 'roster.ui.col.note' },
  { id: 'actions', label: 'roster.ui.col.actions' },
];

export interface RosterGridProps {
  total: number;
  rowAt(index: number): Subscriber | undefined;
  first: number;
  last: number;
  scroller: RefObject<HTMLDivElement | null>;
  onScroll(top: number): void;
  onViewport(height: number): void;
  viewport: number;
  tiers: ReadonlyMap<string, Tier>;
  today: string;
  sort: RosterSortKey;
  descending: boolean;
  onSort(key: RosterSortKey): void;
  selected: ReadonlySet<string>;
  onSelect(id: string, selected: boolean): void;
  onEdit(subscriber: Subscriber, opener: HTMLElement): void;
  onRemove(subscriber: Subscriber): void;
}

function Row(props: {
  index: number;
  subscriber: Subscriber | undefined;
  tier: Tier | undefined;
  today: string;
  selected: boolean;
  onSelect(id: string, selected: boolean): void;
  onEdit(subscriber: Subscriber, opener: HTMLElement): void;
  onRemove(subscriber: Subscriber): void;
}) {
  const { index, subscriber: s, tier, today } = props;
  const style = { top: `${index * ROW_HEIGHT}px` };
  if (!s) {
    return (
      <div role="row" class="roster-row" aria-rowindex={index + 2} aria-busy="true" style={style} data-index={index}>
        <div role="cell" class="roster-loading muted">
          {t('roster.ui.loadingRow')}
        </div>
      </div>
    );
  }
  const name = subscriberName(s);
  const tenure = tenureOf(s, tier ?? { tenureSteps: [] }, today);
  return (
    <div
      role="row"
      class={`roster-row${props.selected ? ' selected' : ''}`}
      aria-rowindex={index + 2}
      style={style}
      data-index={index}
    >
      <div role="cell">
        <input
          type="checkbox"
          data-control="select"
          aria-label={t('roster.ui.select', { name })}
          checked={props.selected}
          onChange={(e) => props.onSelect(s.id, e.currentTarget.checked)}
        />
      </div>
      <div role="cell" class="roster-clip" title={s.handle !== undefined ? `@${s.handle}` : undefined}>
        {s.handle !== undefined ? `@${s.handle}` : <span class="muted">—</span>}
      </div>
      <div role="cell" class="roster-clip" title={s.nickname}>
        {s.nickname ?? <span class="muted">—</span>}
      </div>
      <div role="cell" class="roster-clip" title={tier?.name}>
        {tier ? (
          <span class="roster-tier">
            <BadgePreview badge={tier.badge} level={tenure.level} />
            <span class="roster-clip">{tier.name}</span>
          </span>
        ) : (
          <span class="muted">{t('roster.ui.tierGone')}</span>
        )}
      </div>
      <div role="cell">{formatDay(s.since)}</div>
      <div role="cell">
        {count(tenure.months)}
        {tenure.overridden ? (
          <span class="roster-override" title={t('roster.ui.monthsOverridden')}>
            <span aria-hidden="true"> ✎</span>
            <span class="visually-hidden"> ({t('roster.ui.monthsOverridden')})</span>
          </span>
        ) : null}
      </div>
      <div role="cell">
        <span class={`chip roster-status-${s.status}`}>{t(statusKey(s.status))}</span>
      </div>
      <div role="cell" class="roster-clip muted">
        {t(sourceKey(s.source))}
      </div>
      <div role="cell" class="roster-clip" title={s.note || undefined}>
        {s.note}
      </div>
      <div role="cell" class="roster-actions">
        <button
          type="button"
          data-control="edit"
          aria-label={t('roster.ui.editNamed', { name })}
          onClick={(e) => props.onEdit(s, e.currentTarget)}
        >
          {t('roster.ui.edit')}
        </button>
        <button
          type="button"
          class="danger"
          data-control="remove"
          aria-label={t('roster.ui.removeNamed', { name })}
          onClick={() => props.onRemove(s)}
        >
          {t('roster.ui.remove')}
        </button>
      </div>
    </div>
  );
}

/**
 * The roster as an accessible table whose rows are positioned in a tall scroll area: only the rows in
 * view (and a few around them) exist in the DOM, whatever the total. Up and Down arrows (and Page Up,
 * Page Down, Home, End) move between rows, keeping the same control focused.
 */
export function RosterGrid(props: RosterGridProps) {
  const { total, first, last, scroller, viewport } = props;
  // A row that holds focus stays rendered when scrolled away, so focus is never dropped on the page.
  const [focusedIndex, setFocusedIndex] = useState<number | null>(null);
  const [focusRequest, setFocusRequest] = useState<{ index: number; control: string } | null>(null);
  const body = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => props.onViewport(element.clientHeight > 0 ? element.clientHeight : FALLBACK_VIEWPORT);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (!focusRequest) return;
    const target = body.current?.querySelector<HTMLElement>(
      `[data-index="${focusRequest.index}"] [data-control="${focusRequest.control}"]`,
    );
    // The row may still be on its way from the background; this runs again when it renders.
    if (target) {
      target.focus();
      setFocusRequest(null);
    }
  });

  const scrollTo = (top: number) => {
    const element = scroller.current!;
    element.scrollTop = top;
    props.onScroll(top);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    const control = target.closest<HTMLElement>('[data-control]')?.dataset.control;
    const row = target.closest<HTMLElement>('[data-index]');
    if (!control || !row) return;
    const index = Number(row.dataset.index);
    const page = Math.max(1, Math.floor((viewport - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: total - 1,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = Math.min(total - 1, Math.max(0, moves[event.key]!));
    const top = scroller.current!.scrollTop;
    const bodyHeight = viewport - HEADER_HEIGHT;
    if (next * ROW_HEIGHT < top) scrollTo(next * ROW_HEIGHT);
    else if ((next + 1) * ROW_HEIGHT > top + bodyHeight) scrollTo((next + 1) * ROW_HEIGHT - bodyHeight);
    setFocusRequest({ index: next, control });
  };

  const indexes: number[] = [];
  for (let i = first; i <= last; i++) indexes.push(i);
  if (focusedIndex !== null && focusedIndex < total && (focusedIndex < first || focusedIndex > last)) {
    indexes.push(focusedIndex);
  }

  const sortState = (key: RosterSortKey | undefined) =>
    key === props.sort ? (props.descending ? 'descending' : 'ascending') : undefined;

  return (
    <div
      class="roster-scroll"
      ref={scroller}
      onScroll={(e) => props.onScroll(e.currentTarget.scrollTop)}
    >
      <div role="table" class="roster-grid" aria-label={t('roster.ui.tableLabel')} aria-rowcount={total + 1}>
        <div role="rowgroup" class="roster-head">
          <div role="row" class="roster-row" aria-rowindex={1}>
            {columns.map((column) => (
              <div role="columnheader" key={column.id} aria-sort={sortState(column.sort)}>
                {column.sort ? (
                  <button type="button" class="roster-sort" onClick={() => props.onSort(column.sort!)}>
                    {t(column.label)}
                    <span aria-hidden="true" class="roster-sort-arrow">
                      {column.sort === props.sort ? (props.descending ? '▼' : '▲') : ''}
                    </span>
                  </button>
                ) : column.id === 'select' ? (
                  <span class="visually-hidden">{t(column.label)}</span>
                ) : (
                  t(column.label)
                )}
              </div>
            ))}
          </div>
        </div>
        <div
          role="rowgroup"
          class="roster-body"
          ref={body}
          style={{ height: `${total * ROW_HEIGHT}px` }}
          onKeyDown={onKeyDown}
          onFocusIn={(e) => {
            const row = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
            setFocusedIndex(row ? Number(row.dataset.index) : null);
          }}
          onFocusOut={(e) => {
            if (!body.current?.contains(e.relatedTarget as Node | null)) setFocusedIndex(null);
          }}
        >
          {indexes.map((index) => {
            const subscriber = props.rowAt(index);
            return (
              <Row
                key={subscriber?.id ?? `row-${index}`}
                index={index}
                subscriber={subscriber}
                tier={subscriber && props.tiers.get(subscriber.tierId)}
                today={props.today}
                selected={subscriber ? props.selected.has(subscriber.id) : false}
                onSelect={props.onSelect}
                onEdit={props.onEdit}
                onRemove={props.onRemove}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
