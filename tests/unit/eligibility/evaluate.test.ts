import { describe, expect, it } from 'vitest';
import { addDays } from '@/lib/eligibility/dates';
import { evaluateEligibility, type EligibilityInput } from '@/lib/eligibility/evaluate';
import { defaultBonusConditions, defaultEligibilityProfiles } from '@/lib/eligibility/rules';
import { at, curve } from './helpers';

const TODAY = '2025-03-20';
const subscription = defaultEligibilityProfiles[0]!;
const live = defaultEligibilityProfiles[1]!;
const usBonus = defaultBonusConditions[0]!;

/** 60 days ending yesterday: followers growing by 100 a day to 9,900, views 4,000 a day. */
function input(over: Partial<EligibilityInput> = {}): EligibilityInput {
  const start = addDays(TODAY, -60);
  return {
    profile: subscription,
    confirmations: { adult: true, goodStanding: true },
    followers: curve(start, 60, (i) => 4_000 + 100 * i),
    dailyViews: curve(start, 60, () => 4_000),
    snapshots: [],
    today: TODAY,
    ...over,
  };
}
const byKind = (result: ReturnType<typeof evaluateEligibility>, kind: string) =>
  result.requirements.find((r) => r.kind === kind)!;

describe('evaluateEligibility', () => {
  it('reports each requirement of the profile with value, threshold, progress and freshness', () => {
    const result = evaluateEligibility(input());
    expect(result).toMatchObject({ eligible: false, metCount: 3, total: 4 });
    expect(byKind(result, 'age')).toMatchObject({ met: true, value: 1, threshold: 1, progress: 1, projection: null });
    expect(byKind(result, 'followers')).toMatchObject({
      met: false,
      value: 9_900,
      threshold: 10_000,
      progress: 0.99,
      freshness: { date: '2025-03-19', ageDays: 1 },
      estimate: null,
      missingDays: [],
      projection: { status: 'on-pace', expected: '2025-03-20' },
    });
    expect(byKind(result, 'video-views')).toMatchObject({
      met: true,
      value: 120_000,
      progress: 1,
      window: { start: '2025-02-18', end: '2025-03-19' },
      freshness: { date: '2025-03-19', ageDays: 1 },
      projection: { status: 'met' },
    });
  });

  it('is eligible once everything is met', () => {
    const result = evaluateEligibility(input({ followers: curve('2025-03-01', 19, () => 12_000) }));
    expect(result).toMatchObject({ eligible: true, metCount: 4, total: 4 });
  });

  it('treats unanswered confirmations as not met, with no value', () => {
    const result = evaluateEligibility(input({ confirmations: { adult: undefined, goodStanding: false } }));
    expect(byKind(result, 'age')).toMatchObject({ met: false, value: null, progress: 0 });
    expect(byKind(result, 'good-standing')).toMatchObject({ met: false, value: 0, progress: 0 });
  });

  it('with no data at all, nothing is met and nothing throws', () => {
    const result = evaluateEligibility(input({ followers: [], dailyViews: [], confirmations: { adult: undefined, goodStanding: undefined } }));
    expect(result).toMatchObject({ eligible: false, metCount: 0, total: 4 });
    expect(byKind(result, 'followers')).toMatchObject({ value: null, progress: 0, freshness: null, projection: null });
    expect(byKind(result, 'video-views')).toMatchObject({ value: null, freshness: null, estimate: null });
  });

  it('shows the gaps of the 30-day window', () => {
    const views = curve(addDays(TODAY, -40), 40, (i) => (i % 10 === 0 ? null : 1_000));
    const result = byKind(evaluateEligibility(input({ dailyViews: views })), 'video-views');
    expect(result.missingDays).toEqual(['2025-02-18', '2025-02-28', '2025-03-10']);
    expect(result.value).toBe(27_000);
  });

  it('estimates the 30-day views from snapshots when there are no daily views, and says so', () => {
    const snapshots = [
      { capturedAt: at('2025-03-05'), followers: 9_000, visibleViews: 10_000 },
      { capturedAt: at('2025-03-19'), followers: 9_500, visibleViews: 50_000 },
    ];
    const result = byKind(evaluateEligibility(input({ dailyViews: [], snapshots })), 'video-views');
    // 40,000 over 14 days, scaled to 30 days.
    expect(result).toMatchObject({
      value: Math.round((40_000 * 30) / 14),
      met: false,
      estimate: { from: '2025-03-05', to: '2025-03-19', spanDays: 14 },
      freshness: { date: '2025-03-19', ageDays: 1 },
      projection: { estimate: true },
    });
  });

  it('prefers fresh snapshots over daily views older than the window, and uses old views when nothing else exists', () => {
    const oldViews = curve('2024-12-01', 30, () => 5_000);
    const snapshots = [
      { capturedAt: at('2025-02-25'), followers: 9_000, visibleViews: 0 },
      { capturedAt: at('2025-03-17'), followers: 9_100, visibleViews: 20_000 },
    ];
    expect(byKind(evaluateEligibility(input({ dailyViews: oldViews, snapshots })), 'video-views').estimate).not.toBeNull();
    const stale = byKind(evaluateEligibility(input({ dailyViews: oldViews })), 'video-views');
    expect(stale).toMatchObject({ estimate: null, value: 150_000, freshness: { date: '2024-12-30', ageDays: 80 } });
  });

  it('takes followers from snapshots for the days the imports lack', () => {
    const snapshots = [
      { capturedAt: at('2025-03-20', 9), followers: 10_050 },
      { capturedAt: at('2025-03-20', 8), followers: 10_000 },
    ];
    const result = byKind(evaluateEligibility(input({ snapshots })), 'followers');
    expect(result).toMatchObject({ met: true, value: 10_050, freshness: { date: TODAY, ageDays: 0 } });
  });

  it('ignores data dated after today', () => {
    const result = evaluateEligibility(
      input({
        followers: [...input().followers, { date: '2025-03-25', value: 50_000 }],
        snapshots: [{ capturedAt: at('2025-03-21', 0), followers: 60_000 }],
      }),
    );
    expect(byKind(result, 'followers').value).toBe(9_900);
  });

  it('lists the gaps in the follower history the projection reads', () => {
    const followers = curve('2025-03-01', 19, (i) => (i === 5 || i === 6 ? null : 9_000 + 10 * i));
    expect(byKind(evaluateEligibility(input({ followers })), 'followers').missingDays).toEqual(['2025-03-06', '2025-03-07']);
  });

  it('evaluates the revenue bonus on last calendar month, with posts counted by the creator', () => {
    const views = curve('2025-01-01', 78, (i) => (i < 31 ? 1_000 : 5_000)); // February: 28 × 5,000
    const result = evaluateEligibility(input({ profile: usBonus, dailyViews: views, subscriberOnlyPosts: 2 }));
    expect(byKind(result, 'video-views')).toMatchObject({
      met: true,
      value: 140_000,
      window: { start: '2025-02-01', end: '2025-02-28' },
      freshness: { date: '2025-02-28', ageDays: 20 },
      projection: { monthToDate: 95_000 },
    });
    expect(byKind(result, 'subscriber-only-posts')).toMatchObject({
      met: false,
      value: 2,
      threshold: 3,
      progress: 2 / 3,
      window: { start: '2025-02-01', end: '2025-02-28' },
    });
    expect(result).toMatchObject({ eligible: false, metCount: 1, total: 3 });
  });

  it('estimates last month from snapshots when no daily views cover it', () => {
    const snapshots = [
      { capturedAt: at('2025-02-01', 0), followers: 1, visibleViews: 0 },
      { capturedAt: at('2025-02-28', 0), followers: 1, visibleViews: 27_000 },
    ];
    const result = byKind(evaluateEligibility(input({ profile: usBonus, dailyViews: [], snapshots })), 'video-views');
    expect(result).toMatchObject({ value: 28_000, estimate: { from: '2025-02-01', to: '2025-02-28' }, met: false });
  });

  it('counts a zero threshold as met with full progress', () => {
    const profile = { requirements: [{ kind: 'followers' as const, min: 0 }] };
    expect(evaluateEligibility(input({ profile })).requirements[0]).toMatchObject({ met: true, progress: 1 });
    const posts = { requirements: [{ kind: 'subscriber-only-posts' as const, min: 0, window: 'calendar-month' as const }] };
    expect(evaluateEligibility(input({ profile: posts, subscriberOnlyPosts: 0 })).requirements[0]).toMatchObject({
      met: true,
      progress: 1,
    });
  });

  it('reports the LIVE 2022 profile', () => {
    expect(evaluateEligibility(input({ profile: live }))).toMatchObject({ eligible: true, metCount: 2, total: 2 });
  });
});
