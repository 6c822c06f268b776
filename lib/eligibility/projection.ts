// When will a threshold be met at the current pace?
//
// The pace is a weighted average of weekly growth rates. Weeks are counted back from the newest day
// with data ("as of"): week 0 is that day and the 6 before it, week 1 the 7 days before those, and so
// on for LOOKBACK_WEEKS weeks. Week k weighs WEEKLY_DECAY^k (1, 0.7, 0.49, 0.34, ...: a week counts
// about half as much as the week two weeks after it). A week's rate uses only real data:
// - cumulative figures (followers): each step between two consecutive days with data adds its growth
//   and its length in days to the week its later day falls in; the week's rate is growth / days, so a
//   gap spreads no invented values, it just makes one longer step;
// - daily figures (views a day): the mean of the week's days that have a number.
// Weeks without data carry no weight. The optimistic and pessimistic paces are the weighted mean plus
// and minus one weighted standard deviation of the weekly rates (equal to it with a single week), so
// the optimistic date is never after the expected one, nor the expected after the pessimistic.
// "Not at the current pace": the expected pace is flat or falling, or would need more than
// HORIZON_DAYS.
import { addDays, dateOfDay, dayNumber, daysBetween, monthBounds } from './dates';
import { latestPoint, windowSum, type DailyPoint } from './series';

export const WEEKLY_DECAY = 0.7;
export const LOOKBACK_WEEKS = 8;
export const HORIZON_DAYS = 3653;
const EPSILON = 1e-9;

/** Growth per day. */
export interface Pace {
  expected: number;
  optimistic: number;
  pessimistic: number;
  /** Weeks that had data. */
  weeks: number;
}

export type ProjectionStatus = 'met' | 'on-pace' | 'not-at-current-pace' | 'no-data';

export interface Projection {
  status: ProjectionStatus;
  /** Newest day with data the projection starts from. */
  asOf: string | null;
  /** The figure on that day (for views: the window's total). */
  current: number | null;
  /** Dates the threshold is met at the expected, optimistic and pessimistic paces (null: not in sight). */
  expected: string | null;
  optimistic: string | null;
  pessimistic: string | null;
  pace: Pace | null;
  /** Views only: the average a day a window needs to reach the threshold. */
  viewsPerDayNeeded?: number | null;
  /** Calendar-month views only: this month's views so far. */
  monthToDate?: number;
  /** Built on an estimate rather than on daily data. */
  estimate?: boolean;
}

export type Metric = 'cumulative' | 'daily';

/** The weighted weekly pace of a series up to `asOf` (see the top of this file); null without data. */
export function weeklyPace(series: readonly DailyPoint[], metric: Metric, asOf: string): Pace | null {
  const end = dayNumber(asOf);
  const firstDay = end - 7 * LOOKBACK_WEEKS + 1;
  const first = dateOfDay(firstDay);
  const change = new Float64Array(LOOKBACK_WEEKS);
  const span = new Float64Array(LOOKBACK_WEEKS);

  if (metric === 'daily') {
    for (const point of series) {
      if (point.value === null || point.date < first || point.date > asOf) continue;
      const week = Math.floor((end - dayNumber(point.date)) / 7);
      change[week]! += point.value;
      span[week]! += 1;
    }
  } else {
    // The days with data in the look-back, and the last one before it (the start of the first step).
    const inside: { day: number; value: number }[] = [];
    let before: DailyPoint | undefined;
    for (const point of series) {
      if (point.value === null || point.date > asOf) continue;
      if (point.date >= first) inside.push({ day: dayNumber(point.date), value: point.value });
      else if (!before || point.date > before.date) before = point;
    }
    inside.sort((a, b) => a.day - b.day);
    let previous = before && { day: dayNumber(before.date), value: before.value! };
    for (const point of inside) {
      if (previous && point.day > previous.day) {
        const week = Math.floor((end - point.day) / 7);
        change[week]! += point.value - previous.value;
        span[week]! += point.day - previous.day;
      }
      previous = point;
    }
  }

  let weights = 0;
  let weighted = 0;
  let weeks = 0;
  const rates: number[] = [];
  for (let week = 0; week < LOOKBACK_WEEKS; week++) {
    const days = span[week]!;
    const rate = days > 0 ? change[week]! / days : Number.NaN;
    rates.push(rate);
    if (days === 0) continue;
    const weight = WEEKLY_DECAY ** week;
    weights += weight;
    weighted += weight * rate;
    weeks++;
  }
  if (weeks === 0) return null;
  const mean = weighted / weights;
  let variance = 0;
  rates.forEach((rate, week) => {
    if (!Number.isNaN(rate)) variance += WEEKLY_DECAY ** week * (rate - mean) ** 2;
  });
  const spread = Math.sqrt(variance / weights);
  return { expected: mean, optimistic: mean + spread, pessimistic: mean - spread, weeks };
}

/** The date `remaining` is covered at `rate` a day from `asOf`; null when flat, falling or too far. */
function dateAtRate(asOf: string, remaining: number, rate: number): string | null {
  if (!(rate > 0)) return null;
  const days = Math.max(1, Math.ceil(remaining / rate - EPSILON));
  return days <= HORIZON_DAYS ? addDays(asOf, days) : null;
}

const NO_DATA: Projection = {
  status: 'no-data',
  asOf: null,
  current: null,
  expected: null,
  optimistic: null,
  pessimistic: null,
  pace: null,
};

/** Fills in the three dates from a pace, or says the threshold is not in sight. */
function project(
  base: Omit<Projection, 'status' | 'expected' | 'optimistic' | 'pessimistic' | 'pace'>,
  pace: Pace | null,
  dateAt: (rate: number) => string | null,
): Projection {
  if (!pace) return { ...base, status: 'no-data', expected: null, optimistic: null, pessimistic: null, pace };
  const expected = dateAt(pace.expected);
  if (!expected) return { ...base, status: 'not-at-current-pace', expected, optimistic: null, pessimistic: null, pace };
  return { ...base, status: 'on-pace', expected, optimistic: dateAt(pace.optimistic), pessimistic: dateAt(pace.pessimistic), pace };
}

/** When a cumulative figure (followers) reaches `threshold`. */
export function projectCumulative(series: readonly DailyPoint[], threshold: number): Projection {
  const latest = latestPoint(series);
  if (!latest) return NO_DATA;
  const base = { asOf: latest.date, current: latest.value };
  if (latest.value >= threshold) {
    return { ...base, status: 'met', expected: latest.date, optimistic: latest.date, pessimistic: latest.date, pace: null };
  }
  const pace = weeklyPace(series, 'cumulative', latest.date);
  return project(base, pace, (rate) => dateAtRate(latest.date, threshold - latest.value, rate));
}

const ROLLING_DAYS = 30;

/**
 * When the views of a rolling 30-day window reach `threshold`, if every coming day brings the pace's
 * views. `trailing[j]` is the views of the day j days before `asOf`; as the window moves on, those
 * days drop out of it, so the window's total on asOf + k is the trailing days still inside plus k
 * days at the pace.
 */
function projectRolling(
  asOf: string,
  trailing: Float64Array,
  threshold: number,
  pace: Pace | null,
  estimate: boolean,
): Projection {
  // keptAfter[k] = views of the trailing days still inside the window k days after asOf.
  const keptAfter = new Float64Array(ROLLING_DAYS + 1);
  let running = 0;
  for (let k = ROLLING_DAYS; k >= 0; k--) {
    keptAfter[k] = running;
    if (k > 0) running += trailing[ROLLING_DAYS - k]!;
  }
  const current = running;
  const base = {
    asOf,
    current,
    viewsPerDayNeeded: Math.ceil(threshold / ROLLING_DAYS),
    ...(estimate ? { estimate } : {}),
  };
  if (current >= threshold) {
    return { ...base, status: 'met', expected: asOf, optimistic: asOf, pessimistic: asOf, pace: null };
  }
  return project(base, pace, (rate) => {
    if (!(rate > 0)) return null;
    for (let k = 1; k <= ROLLING_DAYS; k++) {
      if (keptAfter[k]! + rate * k >= threshold - EPSILON) return addDays(asOf, k);
    }
    return null;
  });
}

/**
 * When the views of the last 30 days reach `threshold`, from daily views. Missing days count as no
 * views (they are listed by windowSum, never filled in); the pace is the weighted weekly mean of views
 * a day.
 */
export function projectRollingViews(dailyViews: readonly DailyPoint[], threshold: number): Projection {
  const latest = latestPoint(dailyViews);
  if (!latest) return { ...NO_DATA, viewsPerDayNeeded: Math.ceil(threshold / ROLLING_DAYS) };
  const end = dayNumber(latest.date);
  const first = dateOfDay(end - ROLLING_DAYS + 1);
  const trailing = new Float64Array(ROLLING_DAYS);
  for (const point of dailyViews) {
    if (point.value === null || point.date < first || point.date > latest.date) continue;
    trailing[end - dayNumber(point.date)] = point.value;
  }
  return projectRolling(latest.date, trailing, threshold, weeklyPace(dailyViews, 'daily', latest.date), false);
}

/**
 * The same from an estimate of the 30-day views (from snapshots): the estimate is taken as spread
 * evenly over its 30 days, and the pace is the weekly growth of the visible videos' views.
 */
export function projectRollingViewsFromEstimate(
  estimatedViews: number,
  asOf: string,
  visibleViews: readonly DailyPoint[],
  threshold: number,
): Projection {
  const trailing = new Float64Array(ROLLING_DAYS).fill(estimatedViews / ROLLING_DAYS);
  return projectRolling(asOf, trailing, threshold, weeklyPace(visibleViews, 'cumulative', asOf), true);
}

/**
 * Whether this calendar month's views (the month containing `today`) reach `threshold` by its last
 * day at the current pace: the days after the newest day with data are counted at the pace.
 * viewsPerDayNeeded is what each remaining day of the month needs on average.
 */
export function projectMonthViews(dailyViews: readonly DailyPoint[], threshold: number, today: string): Projection {
  const month = monthBounds(today, 0);
  const monthToDate = windowSum(dailyViews, today, 'calendar-month', 'to-date').sum;
  const latest = latestPoint(dailyViews, today);
  const dayBefore = addDays(month.start, -1);
  const from = latest && latest.date > dayBefore ? latest.date : dayBefore;
  const remainingDays = daysBetween(from, month.end);
  const remaining = threshold - monthToDate;
  const base = {
    asOf: latest?.date ?? null,
    current: monthToDate,
    monthToDate,
    viewsPerDayNeeded: remaining <= 0 ? 0 : remainingDays > 0 ? Math.ceil(remaining / remainingDays) : null,
  };
  if (remaining <= 0) return { ...base, status: 'met', expected: from, optimistic: from, pessimistic: from, pace: null };
  const pace = latest ? weeklyPace(dailyViews, 'daily', latest.date) : null;
  return project(base, pace, (rate) => {
    const date = dateAtRate(from, remaining, rate);
    return date !== null && date <= month.end ? date : null;
  });
}
