// Where the creator stands against a rule profile, requirement by requirement. Runs on every popup
// open, so each series is walked a fixed number of times (no loop inside a loop over the days).
//
// `today` is the creator's calendar day; data dated after it is ignored. Snapshot timestamps become
// UTC days (see dates.ts).
import { DAY_MS, addDays, dayNumber, daysBetween } from './dates';
import {
  projectCumulative,
  projectMonthViews,
  projectRollingViews,
  projectRollingViewsFromEstimate,
  LOOKBACK_WEEKS,
  type Projection,
} from './projection';
import type { EligibilityProfile, Requirement, RequirementKind } from './rules';
import {
  coverage,
  estimateViewsBetween,
  estimateViewsFromSnapshots,
  latestPoint,
  snapshotSeries,
  windowRange,
  windowSum,
  type DailyPoint,
  type ProfileSnapshot,
  type ViewsEstimate,
} from './series';

export interface Confirmations {
  adult: boolean | undefined;
  goodStanding: boolean | undefined;
}

export interface EligibilityInput {
  profile: Pick<EligibilityProfile, 'requirements'>;
  confirmations: Confirmations;
  /** Daily followers (imports, manual entries); snapshots fill the days this lacks. */
  followers: readonly DailyPoint[];
  /** Daily video views (TikTok Studio's Overview export). */
  dailyViews: readonly DailyPoint[];
  snapshots: readonly ProfileSnapshot[];
  /** Subscriber-only posts in the requirement's window, as the creator counts them. */
  subscriberOnlyPosts?: number;
  today: string;
}

export interface Freshness {
  /** Newest day of data the value uses. */
  date: string;
  ageDays: number;
}

export interface RequirementResult {
  requirement: Requirement;
  kind: RequirementKind;
  met: boolean;
  /** The figure, 1/0 for a confirmation given/refused; null when there is no data or no answer. */
  value: number | null;
  threshold: number;
  /** value / threshold, within 0..1. */
  progress: number;
  freshness: Freshness | null;
  /** Set when the value is an estimate from snapshots, with what it rests on. */
  estimate: ViewsEstimate['basis'] | null;
  /** The days counted, for windowed counts. */
  window: { start: string; end: string } | null;
  /** Days without data among those the value or its projection uses. */
  missingDays: string[];
  /** For followers and views; null for confirmations and posts. */
  projection: Projection | null;
}

export interface EligibilityResult {
  requirements: RequirementResult[];
  eligible: boolean;
  metCount: number;
  total: number;
}

function progressOf(value: number | null, threshold: number): number {
  if (value === null || Number.isNaN(value)) return 0;
  if (threshold <= 0) return 1;
  return Math.min(1, Math.max(0, value / threshold));
}

const upTo = (series: readonly DailyPoint[], today: string) =>
  series.every((p) => p.date <= today) ? series : series.filter((p) => p.date <= today);

/**
 * The daily followers, plus the snapshots' days the series has no number for. Nothing here needs the
 * days sorted, so this is a union rather than a merge.
 */
function withSnapshotDays(followers: readonly DailyPoint[], snapshots: readonly ProfileSnapshot[]): readonly DailyPoint[] {
  if (snapshots.length === 0) return followers;
  const known = new Set<string>();
  for (const point of followers) if (point.value !== null) known.add(point.date);
  const extra = snapshotSeries(snapshots, 'followers').filter((point) => !known.has(point.date));
  return extra.length === 0 ? followers : followers.concat(extra);
}

export function evaluateEligibility(input: EligibilityInput): EligibilityResult {
  const { today } = input;
  const endOfToday = (dayNumber(today) + 1) * DAY_MS;
  const snapshots = input.snapshots.every((s) => s.capturedAt < endOfToday)
    ? input.snapshots
    : input.snapshots.filter((s) => s.capturedAt < endOfToday);
  let followers: readonly DailyPoint[] | undefined;
  const followerSeries = () => (followers ??= withSnapshotDays(upTo(input.followers, today), snapshots));
  let views: readonly DailyPoint[] | undefined;
  const viewSeries = () => (views ??= upTo(input.dailyViews, today));

  const freshness = (date: string): Freshness => ({ date, ageDays: daysBetween(date, today) });
  const result = (
    requirement: Requirement,
    threshold: number,
    value: number | null,
    rest: Partial<RequirementResult> = {},
  ): RequirementResult => ({
    requirement,
    kind: requirement.kind,
    met: value !== null && value >= threshold,
    value,
    threshold,
    progress: progressOf(value, threshold),
    freshness: null,
    estimate: null,
    window: null,
    missingDays: [],
    projection: null,
    ...rest,
  });
  const confirmation = (requirement: Requirement, answer: boolean | undefined) =>
    result(requirement, 1, answer === undefined ? null : answer ? 1 : 0);

  const rollingViews = (requirement: Requirement & { kind: 'video-views' }): RequirementResult => {
    const series = viewSeries();
    const latest = latestPoint(series);
    const estimate = latest && latest.date >= addDays(today, -29) ? null : estimateViewsFromSnapshots(snapshots, today);
    if (estimate) {
      return result(requirement, requirement.min, estimate.views, {
        freshness: freshness(estimate.basis.to),
        estimate: estimate.basis,
        window: windowRange(today, 'rolling-30-days'),
        projection: projectRollingViewsFromEstimate(
          estimate.views,
          estimate.basis.to,
          snapshotSeries(snapshots, 'visibleViews'),
          requirement.min,
        ),
      });
    }
    if (!latest) return result(requirement, requirement.min, null, { window: windowRange(today, 'rolling-30-days') });
    const counted = windowSum(series, latest.date, 'rolling-30-days');
    return result(requirement, requirement.min, counted.sum, {
      freshness: freshness(latest.date),
      window: { start: counted.start, end: counted.end },
      missingDays: counted.missingDays,
      projection: projectRollingViews(series, requirement.min),
    });
  };

  const monthViews = (requirement: Requirement & { kind: 'video-views' }): RequirementResult => {
    const series = viewSeries();
    const counted = windowSum(series, today, 'calendar-month');
    const window = { start: counted.start, end: counted.end };
    if (counted.daysWithData > 0) {
      return result(requirement, requirement.min, counted.sum, {
        freshness: freshness(latestPoint(series, counted.end)!.date),
        window,
        missingDays: counted.missingDays,
        projection: projectMonthViews(series, requirement.min, today),
      });
    }
    const estimate = estimateViewsBetween(
      snapshots,
      dayNumber(counted.start) * DAY_MS,
      (dayNumber(counted.end) + 1) * DAY_MS,
    );
    if (!estimate) return result(requirement, requirement.min, null, { window, missingDays: counted.missingDays });
    return result(requirement, requirement.min, estimate.views, {
      freshness: freshness(estimate.basis.to),
      estimate: estimate.basis,
      window,
    });
  };

  const followerCount = (requirement: Requirement & { kind: 'followers' }): RequirementResult => {
    const series = followerSeries();
    const latest = latestPoint(series);
    if (!latest) return result(requirement, requirement.min, null);
    // Gaps in the history the projection reads: its look-back, from the first day with data.
    const first = series.reduce((min, p) => (p.value !== null && p.date < min ? p.date : min), latest.date);
    const lookBack = addDays(latest.date, -(7 * LOOKBACK_WEEKS - 1));
    return result(requirement, requirement.min, latest.value, {
      freshness: freshness(latest.date),
      missingDays: coverage(series, first > lookBack ? first : lookBack, latest.date).missingDays,
      projection: projectCumulative(series, requirement.min),
    });
  };

  const requirements = input.profile.requirements.map((requirement): RequirementResult => {
    switch (requirement.kind) {
      case 'age':
        return confirmation(requirement, input.confirmations.adult);
      case 'good-standing':
        return confirmation(requirement, input.confirmations.goodStanding);
      case 'followers':
        return followerCount(requirement);
      case 'video-views':
        return requirement.window === 'rolling-30-days' ? rollingViews(requirement) : monthViews(requirement);
      case 'subscriber-only-posts':
        return result(requirement, requirement.min, input.subscriberOnlyPosts ?? null, {
          window: windowRange(today, requirement.window),
        });
    }
  });
  const metCount = requirements.filter((r) => r.met).length;
  return { requirements, eligible: metCount === requirements.length, metCount, total: requirements.length };
}
