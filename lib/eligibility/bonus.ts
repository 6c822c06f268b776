// The monthly revenue bonus: whether this month's is on track and what is missing, whether last
// month's was earned, and the months before. Each condition counts over a calendar month.
//
// The month is the creator's: `today` is their local calendar day, and daily figures (TikTok Studio,
// manual entries) and posts are dated by calendar day. Profile snapshots are timestamps and count on
// their UTC day, so a capture late in the evening west of UTC (early morning east of it) can fall in
// the neighbouring month; Studio's own days decide wherever they exist.
//
// A day without data is a gap, shown and never counted as zero: a month whose counted days fall short
// with gaps left is "unknown", not "missed".
import { addDays, daysBetween, monthBounds } from './dates';
import { projectCumulative, projectMonthViews } from './projection';
import type { BonusConditions, Requirement } from './rules';
import { coverage, latestPoint, snapshotSeries, type DailyPoint, type ProfileSnapshot } from './series';

/** A subscriber-only post, by the day it went out. */
export interface DatedPost {
  date: string;
}

export interface BonusInput {
  conditions: Pick<BonusConditions, 'requirements'>;
  /** Daily followers (imports, manual entries); snapshots fill the days this lacks. */
  followers: readonly DailyPoint[];
  dailyViews: readonly DailyPoint[];
  snapshots: readonly ProfileSnapshot[];
  posts: readonly DatedPost[];
  today: string;
}

/** The conditions a bonus counts: figures of a month. Confirmations (age, standing) belong to eligibility. */
export type BonusRequirement = Requirement & { kind: 'followers' | 'video-views' | 'subscriber-only-posts' };

export interface BonusCondition {
  requirement: BonusRequirement;
  /** The month's figure so far; null when the month has no data for it. */
  value: number | null;
  threshold: number;
  met: boolean;
  /** How much more the month needs (the whole threshold when there is no data). */
  missing: number;
  /** The month's days (up to today) without a number, for views: gaps, not zeros. */
  missingDays: string[];
}

export interface ThisMonthCondition extends BonusCondition {
  /** Met, or on its way to be by the month's last day at the current pace. */
  onTrack: boolean;
  /** Views: what each remaining day needs on average; posts: what is left to post. */
  perDayNeeded: number | null;
}

export type MonthResult = 'earned' | 'missed' | 'unknown';

export interface BonusMonth {
  month: { start: string; end: string };
  conditions: BonusCondition[];
  /** Earned when every condition is met; unknown when one falls short with days of data missing. */
  result: MonthResult;
}

export type BonusStatus = 'met' | 'on-track' | 'at-risk';

export interface ThisMonth {
  month: { start: string; end: string };
  conditions: ThisMonthCondition[];
  status: BonusStatus;
  /** Days left in the month, today included. */
  daysLeft: number;
  /** What needs attention first: the unmet condition furthest from its threshold, off track before on it. */
  urgent: ThisMonthCondition | null;
}

const isBonusRequirement = (r: Requirement): r is BonusRequirement =>
  r.kind === 'followers' || r.kind === 'video-views' || r.kind === 'subscriber-only-posts';

const progress = (c: BonusCondition) => (c.value === null ? 0 : c.threshold <= 0 ? 1 : c.value / c.threshold);

interface Prepared {
  requirements: BonusRequirement[];
  followers: readonly DailyPoint[];
  views: readonly DailyPoint[];
  posts: readonly DatedPost[];
}

function prepare(input: BonusInput): Prepared {
  const known = new Set<string>();
  for (const point of input.followers) if (point.value !== null) known.add(point.date);
  const fromSnapshots = snapshotSeries(input.snapshots, 'followers').filter((point) => !known.has(point.date));
  return {
    requirements: input.conditions.requirements.filter(isBonusRequirement),
    followers: fromSnapshots.length ? input.followers.concat(fromSnapshots) : input.followers,
    views: input.dailyViews,
    posts: input.posts,
  };
}

/** A condition with its figure: met, and what is missing, follow from the threshold. */
function conditionOf(requirement: BonusRequirement, value: number | null, missingDays: string[]): BonusCondition {
  const threshold = requirement.min;
  return { requirement, value, threshold, met: value !== null && value >= threshold, missing: Math.max(0, threshold - (value ?? 0)), missingDays };
}

/** One condition over the days from `start` to `end` (inclusive). */
function conditionOver(data: Prepared, requirement: BonusRequirement, start: string, end: string): BonusCondition {
  const made = (value: number | null, missingDays: string[] = []) => conditionOf(requirement, value, missingDays);
  switch (requirement.kind) {
    case 'followers':
      // A count, not a sum: the newest known on or before the period's end.
      return made(latestPoint(data.followers, end)?.value ?? null);
    case 'video-views': {
      const from = requirement.window === 'rolling-30-days' ? addDays(end, -29) : start;
      const counted = coverage(data.views, from, end);
      return made(counted.daysWithData ? counted.sum : null, counted.missingDays);
    }
    case 'subscriber-only-posts': {
      const from = requirement.window === 'rolling-30-days' ? addDays(end, -29) : start;
      let posts = 0;
      for (const post of data.posts) if (post.date >= from && post.date <= end) posts++;
      return made(posts);
    }
  }
}

function resultOf(conditions: readonly BonusCondition[]): MonthResult {
  if (conditions.every((c) => c.met)) return 'earned';
  // Short with gaps: the missing days might hold what is lacking.
  return conditions.some((c) => !c.met && (c.value === null || c.missingDays.length > 0)) ? 'unknown' : 'missed';
}

/** A whole calendar month: `monthStart` is its first day. */
function monthOf(data: Prepared, monthStart: string): BonusMonth {
  const month = monthBounds(monthStart, 0);
  const conditions = data.requirements.map((r) => conditionOver(data, r, month.start, month.end));
  return { month, conditions, result: resultOf(conditions) };
}

/** Last calendar month, complete: earned, missed, or unknown for want of data. */
export function lastMonthBonus(input: BonusInput): BonusMonth {
  return monthOf(prepare(input), monthBounds(input.today, -1).start);
}

/** This calendar month so far: each condition's value, what is missing, and whether it is on track. */
export function thisMonthBonus(input: BonusInput): ThisMonth {
  return thisMonthOf(prepare(input), input.today);
}

/** What the bonus panel shows, from one preparation of the data: this month, last month, the months before. */
export function evaluateBonus(input: BonusInput, months = 36): { thisMonth: ThisMonth; lastMonth: BonusMonth; history: BonusMonth[] } {
  const data = prepare(input);
  const history = historyOf(data, input.today, months);
  const lastStart = monthBounds(input.today, -1).start;
  const lastMonth = history[0]?.month.start === lastStart ? history[0] : monthOf(data, lastStart);
  return { thisMonth: thisMonthOf(data, input.today), lastMonth, history };
}

function thisMonthOf(data: Prepared, today: string): ThisMonth {
  const month = monthBounds(today, 0);
  const daysLeft = daysBetween(today, month.end) + 1;
  const elapsed = daysBetween(month.start, today) + 1;
  const daysInMonth = elapsed + daysLeft - 1;
  const conditions = data.requirements.map((requirement): ThisMonthCondition => {
    const counted = conditionOver(data, requirement, month.start, today);
    if (counted.met) return { ...counted, onTrack: true, perDayNeeded: 0 };
    switch (requirement.kind) {
      case 'followers': {
        // Copied only when some count is dated after today (a snapshot of a later day in another zone).
        const known = data.followers.some((p) => p.date > today) ? data.followers.filter((p) => p.date <= today) : data.followers;
        const projection = projectCumulative(known, requirement.min);
        return { ...counted, onTrack: projection.expected !== null && projection.expected <= month.end, perDayNeeded: null };
      }
      case 'video-views': {
        if (requirement.window === 'rolling-30-days') return { ...counted, onTrack: false, perDayNeeded: null };
        const projection = projectMonthViews(data.views, requirement.min, today);
        return {
          ...counted,
          onTrack: projection.expected !== null && projection.expected <= month.end,
          perDayNeeded: projection.viewsPerDayNeeded ?? null,
        };
      }
      case 'subscriber-only-posts':
        // Posts are the creator's to make: on track while they keep up with an even spread over the month.
        return {
          ...counted,
          onTrack: (counted.value ?? 0) * daysInMonth >= requirement.min * elapsed,
          perDayNeeded: counted.missing,
        };
    }
  });
  const status: BonusStatus = conditions.every((c) => c.met) ? 'met' : conditions.every((c) => c.onTrack) ? 'on-track' : 'at-risk';
  const open = conditions.filter((c) => !c.met);
  const urgent =
    open.length === 0
      ? null
      : open.reduce((worst, c) =>
          Number(c.onTrack) < Number(worst.onTrack) || (c.onTrack === worst.onTrack && progress(c) < progress(worst)) ? c : worst,
        );
  return { month, conditions, status, daysLeft, urgent };
}

/** A month's figures gathered in one walk over the data: what history reads instead of walking it again. */
interface MonthTally {
  viewSum: number;
  /** Day of the month (0-based) that has a number of views. */
  viewDays: Uint8Array;
  /** The newest follower count dated in the month. */
  followers: { date: string; value: number } | null;
  posts: number;
}

/** A 'YYYY-MM-DD' day's month as one number (year * 12 + month - 1), read from its digits. */
const digit = (text: string, at: number) => text.charCodeAt(at) - 48;
const monthNumber = (date: string) =>
  (digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3)) * 12 + digit(date, 5) * 10 + digit(date, 6) - 1;
const dayOfMonth = (date: string) => digit(date, 8) * 10 + digit(date, 9) - 1;
const monthStartOf = (month: number) => `${String(Math.floor(month / 12)).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}-01`;

// Keyed by month number, not text, and the last month looked up kept at hand: series come in date
// order, so most days fall in the month of the day before, and history runs in a few lookups a month.
function tallyMonths(data: Prepared): Map<number, MonthTally> {
  const tallies = new Map<number, MonthTally>();
  let lastKey = -1;
  let last: MonthTally | undefined;
  const of = (date: string) => {
    const key = monthNumber(date);
    if (key === lastKey) return last!;
    let tally = tallies.get(key);
    if (!tally) tallies.set(key, (tally = { viewSum: 0, viewDays: new Uint8Array(31), followers: null, posts: 0 }));
    lastKey = key;
    last = tally;
    return tally;
  };
  for (const point of data.views) {
    if (point.value === null) continue;
    const tally = of(point.date);
    const day = dayOfMonth(point.date);
    // A day given twice counts once, as in coverage().
    if (tally.viewDays[day]) continue;
    tally.viewDays[day] = 1;
    tally.viewSum += point.value;
  }
  for (const point of data.followers) {
    if (point.value === null) continue;
    const tally = of(point.date);
    if (!tally.followers || point.date > tally.followers.date) tally.followers = { date: point.date, value: point.value };
  }
  for (const post of data.posts) of(post.date).posts++;
  return tallies;
}

/**
 * The complete months before this one, newest first, back to the oldest month with any figure (at
 * most `limit`). The data is walked once, whatever the number of months.
 */
export function bonusHistory(input: BonusInput, limit = 36): BonusMonth[] {
  return historyOf(prepare(input), input.today, limit);
}

function historyOf(data: Prepared, today: string, limit: number): BonusMonth[] {
  const tallies = tallyMonths(data);
  if (tallies.size === 0) return [];
  const first = Math.min(...tallies.keys());
  const last = monthNumber(today) - 1;
  // Followers carry over from the months before: the count is the newest known by a month's end.
  const followersBy = new Map<number, number | null>();
  let known: number | null = null;
  for (let key = first; key <= last; key++) {
    known = tallies.get(key)?.followers?.value ?? known;
    followersBy.set(key, known);
  }
  const months: BonusMonth[] = [];
  for (let key = last; key >= first && months.length < limit; key--) {
    const month = monthBounds(monthStartOf(key), 0);
    const tally = tallies.get(key);
    const conditions = data.requirements.map((requirement): BonusCondition => {
      if (requirement.kind !== 'followers' && requirement.window === 'rolling-30-days') {
        return conditionOver(data, requirement, month.start, month.end);
      }
      let value: number | null;
      const missingDays: string[] = [];
      if (requirement.kind === 'followers') value = followersBy.get(key) ?? null;
      else if (requirement.kind === 'subscriber-only-posts') value = tally?.posts ?? 0;
      else {
        const length = daysBetween(month.start, month.end) + 1;
        let counted = 0;
        for (let day = 0; day < length; day++) {
          if (tally?.viewDays[day]) counted++;
          else missingDays.push(addDays(month.start, day));
        }
        value = counted ? tally!.viewSum : null;
      }
      return conditionOf(requirement, value, missingDays);
    });
    months.push({ month, conditions, result: resultOf(conditions) });
  }
  return months;
}
