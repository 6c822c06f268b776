// Daily series (one value a day), the windows counts are taken over, and the estimate of 30-day views
// from profile snapshots when no daily views exist. Dates are calendar days; day arithmetic and the
// day of a timestamp are UTC (see dates.ts).
import * as z from 'zod/mini';
import { DAY_MS, dateOfDay, dayNumber, isDay, monthBounds, utcDate } from './dates';
import type { CountWindow } from './rules';

/** One day's figure; `null` means the day is known to be missing (TikTok exports say `undefined`). */
export interface DailyPoint {
  date: string;
  value: number | null;
}


export const dailyPointSchema = z.object({
  date: z.string().check(z.refine(isDay)),
  value: z.nullable(z.number().check(z.gte(0))),
});

export interface MergeConflict {
  date: string;
  before: number;
  after: number;
}
export interface MergeSummary {
  /** Days the existing series did not have. */
  added: number;
  /** Days whose value the incoming series replaced (a missing day filled in counts here too). */
  changed: number;
  /** Days the incoming series had with the same value, or as missing (a missing day erases nothing). */
  unchanged: number;
  /** Days where both had a number and they differ; the incoming one was kept. */
  conflicts: MergeConflict[];
}

/** One value a day: the last number given for a day wins over earlier ones; null only when no number. */
function byDate(points: readonly DailyPoint[]): Map<string, number | null> {
  const days = new Map<string, number | null>();
  for (const point of points) {
    if (point.value !== null || !days.has(point.date)) days.set(point.date, point.value);
  }
  return days;
}

const byDateAscending = (a: DailyPoint, b: DailyPoint) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/**
 * Merges a later import into what is stored: per day, the incoming number wins. An incoming missing
 * day (null) never erases a stored number, because "missing" is no information. Returns one point a
 * day sorted by date, and what changed.
 */
export function mergeSeries(
  existing: readonly DailyPoint[],
  incoming: readonly DailyPoint[],
): { series: DailyPoint[]; summary: MergeSummary } {
  const merged = byDate(existing);
  const summary: MergeSummary = { added: 0, changed: 0, unchanged: 0, conflicts: [] };
  for (const [date, after] of byDate(incoming)) {
    if (!merged.has(date)) {
      summary.added++;
      merged.set(date, after);
      continue;
    }
    const before = merged.get(date) ?? null;
    if (after === null || after === before) {
      summary.unchanged++;
      continue;
    }
    summary.changed++;
    if (before !== null) summary.conflicts.push({ date, before, after });
    merged.set(date, after);
  }
  summary.conflicts.sort((a, b) => (a.date < b.date ? -1 : 1));
  const series = Array.from(merged, ([date, value]) => ({ date, value })).sort(byDateAscending);
  return { series, summary };
}

/**
 * 'previous': the calendar month before the one containing the end date (the bonus's "last month",
 * always complete). 'to-date': from the 1st of the end date's month to the end date.
 */
export type MonthChoice = 'previous' | 'to-date';

/** First and last day (inclusive) of a window ending at `endDate`. */
export function windowRange(
  endDate: string,
  window: CountWindow,
  month: MonthChoice = 'previous',
): { start: string; end: string } {
  if (window === 'rolling-30-days') return { start: dateOfDay(dayNumber(endDate) - 29), end: endDate };
  return month === 'previous' ? monthBounds(endDate, -1) : { start: monthBounds(endDate, 0).start, end: endDate };
}

export interface WindowSum {
  start: string;
  end: string;
  sum: number;
  daysWithData: number;
  /** Days of the window with no number, oldest first: shown to the creator, never filled in. */
  missingDays: string[];
  complete: boolean;
}

/** Sum, days with a number and days without one from `start` to `end` (inclusive), in one pass. */
export function coverage(
  series: readonly DailyPoint[],
  start: string,
  end: string,
): { sum: number; daysWithData: number; missingDays: string[] } {
  const first = dayNumber(start);
  const covered = new Uint8Array(Math.max(0, dayNumber(end) - first + 1));
  let sum = 0;
  let daysWithData = 0;
  for (const point of series) {
    if (point.value === null || point.date < start || point.date > end) continue;
    const index = dayNumber(point.date) - first;
    if (covered[index]) continue;
    covered[index] = 1;
    sum += point.value;
    daysWithData++;
  }
  const missingDays: string[] = [];
  for (let i = 0; i < covered.length; i++) if (!covered[i]) missingDays.push(dateOfDay(first + i));
  return { sum, daysWithData, missingDays };
}

/**
 * Sums a series over a window (see windowRange). Expects one point a day, in any order (mergeSeries
 * gives that); days without a number are listed in missingDays and add nothing.
 */
export function windowSum(
  series: readonly DailyPoint[],
  endDate: string,
  window: CountWindow,
  month: MonthChoice = 'previous',
): WindowSum {
  const { start, end } = windowRange(endDate, window, month);
  const covered = coverage(series, start, end);
  return { start, end, ...covered, complete: covered.missingDays.length === 0 };
}

/** The newest day with a number, on or before `onOrBefore` when given. */
export function latestPoint(
  series: readonly DailyPoint[],
  onOrBefore?: string,
): { date: string; value: number } | undefined {
  let latest: { date: string; value: number } | undefined;
  for (const point of series) {
    if (point.value === null || (onOrBefore !== undefined && point.date > onOrBefore)) continue;
    if (!latest || point.date > latest.date) latest = { date: point.date, value: point.value };
  }
  return latest;
}

/** What the content script reads on the creator's own profile page. */
export interface ProfileSnapshot {
  capturedAt: number;
  followers: number;
  likes?: number;
  videoCount?: number;
  /** Sum of the view counts of the videos visible on the profile. */
  visibleViews?: number;
}

/** A daily series of one snapshot field: the last capture of each UTC day. */
export function snapshotSeries(
  snapshots: readonly ProfileSnapshot[],
  field: 'followers' | 'visibleViews',
): DailyPoint[] {
  const latest = new Map<string, ProfileSnapshot>();
  for (const snapshot of snapshots) {
    if (snapshot[field] === undefined) continue;
    const date = utcDate(snapshot.capturedAt);
    const kept = latest.get(date);
    if (!kept || snapshot.capturedAt >= kept.capturedAt) latest.set(date, snapshot);
  }
  return Array.from(latest, ([date, s]) => ({ date, value: s[field] ?? null })).sort(byDateAscending);
}

export interface ViewsEstimate {
  views: number;
  estimate: true;
  basis: {
    /** UTC dates of the two snapshots compared. */
    from: string;
    to: string;
    spanDays: number;
    /** Window length / span: above 1 when the snapshots span less than the window. */
    scale: number;
    /** visibleViews growth between the two snapshots (negative when videos were hidden or deleted). */
    growth: number;
  };
}

// Below a day apart, scaling the growth to a month magnifies noise more than it measures anything.
const MIN_SPAN_MS = DAY_MS;

/**
 * Estimates the views of the window [startMs, endMs) from the growth of visibleViews: the newest
 * snapshot before the end is compared with the one captured closest to the start (at least a day
 * earlier), and the growth is scaled to the window's length. Null without two such snapshots, or
 * when the newest one is older than the window.
 */
export function estimateViewsBetween(
  snapshots: readonly ProfileSnapshot[],
  startMs: number,
  endMs: number,
): ViewsEstimate | null {
  let newest: ProfileSnapshot | undefined;
  for (const s of snapshots) {
    if (s.visibleViews !== undefined && s.capturedAt < endMs && (!newest || s.capturedAt > newest.capturedAt)) newest = s;
  }
  if (!newest || newest.capturedAt < startMs) return null;
  let baseline: ProfileSnapshot | undefined;
  for (const s of snapshots) {
    if (s.visibleViews === undefined || s.capturedAt > newest.capturedAt - MIN_SPAN_MS) continue;
    if (!baseline || Math.abs(s.capturedAt - startMs) < Math.abs(baseline.capturedAt - startMs)) baseline = s;
  }
  if (!baseline) return null;
  const span = newest.capturedAt - baseline.capturedAt;
  const scale = (endMs - startMs) / span;
  const growth = newest.visibleViews! - baseline.visibleViews!;
  return {
    views: Math.max(0, Math.round(growth * scale)),
    estimate: true,
    basis: { from: utcDate(baseline.capturedAt), to: utcDate(newest.capturedAt), spanDays: span / DAY_MS, scale, growth },
  };
}

/** Estimated views of the 30 UTC days ending with `endDate` (included), from profile snapshots. */
export function estimateViewsFromSnapshots(snapshots: readonly ProfileSnapshot[], endDate: string): ViewsEstimate | null {
  const endMs = (dayNumber(endDate) + 1) * DAY_MS;
  return estimateViewsBetween(snapshots, endMs - 30 * DAY_MS, endMs);
}
