// The recorded numbers as one row a day, and the daily series the chart draws. Pure, so it is tested
// and reused without a page.
import { dateOfDay, dayNumber } from '@/lib/eligibility/dates';
import type { History } from '@/lib/protocol/schemas';

export type RowSource = 'studio' | 'profile' | 'manual';

export interface HistoryRow {
  date: string;
  followers: number | null;
  /** Video views of that day (Studio's Overview export). */
  dailyViews: number | null;
  /** Views of the 30 days ending that day: summed from complete daily views, or typed in. */
  views30: number | null;
  sources: RowSource[];
  /** False when the only figures are rounded as the profile page displays them ("10.5K"). */
  precise: boolean;
}

export interface DailyValue {
  date: string;
  value: number | null;
}

/** One row a day with any figure, oldest first. Studio's daily figures win over a snapshot's. */
export function historyRows(history: History): HistoryRow[] {
  const rows = new Map<string, HistoryRow>();
  const row = (date: string): HistoryRow => {
    let found = rows.get(date);
    if (!found) {
      found = { date, followers: null, dailyViews: null, views30: null, sources: [], precise: true };
      rows.set(date, found);
    }
    return found;
  };
  for (const snapshot of history.snapshots) {
    const found = row(snapshot.day);
    found.followers = snapshot.followers;
    found.views30 = snapshot.views30 ?? null;
    found.precise = snapshot.precise;
    found.sources.push(snapshot.source === 'manual' ? 'manual' : 'profile');
  }
  for (const day of history.daily) {
    if (day.followers == null && day.videoViews == null) continue;
    const found = row(day.date);
    if (day.followers != null) {
      found.followers = day.followers;
      found.precise = true;
    }
    if (day.videoViews != null) found.dailyViews = day.videoViews;
    if (!found.sources.includes('studio')) found.sources.push('studio');
  }
  const sorted = [...rows.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  fillRollingViews(sorted);
  return sorted;
}

/** Sums the 30 days ending on each row's day when all 30 have daily views; a gap gives no sum. */
function fillRollingViews(rows: HistoryRow[]): void {
  const views = new Map(rows.filter((r) => r.dailyViews !== null).map((r) => [dayNumber(r.date), r.dailyViews!]));
  let sum = 0;
  let known = 0;
  let first: number | undefined;
  for (const row of rows) {
    const end = dayNumber(row.date);
    // Slide the window day by day from the previous row's day to this one.
    if (first === undefined) {
      for (let d = end - 29; d <= end; d++) if (views.has(d)) (sum += views.get(d)!), known++;
    } else {
      for (let d = first + 30; d <= end; d++) {
        const leaving = d - 30;
        if (views.has(leaving)) (sum -= views.get(leaving)!), known--;
        if (views.has(d)) (sum += views.get(d)!), known++;
      }
    }
    first = end - 29;
    if (known === 30) row.views30 = sum;
  }
}

/**
 * Every day from the first with a figure to the last recorded day, with the figure or null: a gap stays
 * a gap (at the end too), and days before the figure exists (the first 29 days of 30-day views) are not
 * counted as gaps.
 */
export function dailySeries(rows: readonly HistoryRow[], pick: (row: HistoryRow) => number | null): DailyValue[] {
  const first = rows.find((row) => pick(row) !== null);
  if (!first) return [];
  const byDay = new Map(rows.map((row) => [dayNumber(row.date), pick(row)]));
  const start = dayNumber(first.date);
  const end = dayNumber(rows[rows.length - 1]!.date);
  const series: DailyValue[] = [];
  for (let d = start; d <= end; d++) series.push({ date: dateOfDay(d), value: byDay.get(d) ?? null });
  return series;
}
