// Property tests of the window and merge maths, and of evaluate's robustness.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, dateOfDay, dayNumber } from '@/lib/eligibility/dates';
import { evaluateEligibility } from '@/lib/eligibility/evaluate';
import { windows, type Requirement } from '@/lib/eligibility/rules';
import { mergeSeries, windowRange, windowSum, type DailyPoint } from '@/lib/eligibility/series';

const BASE = '2023-12-01'; // spans a leap February
const SPAN = 150;

const day = fc.integer({ min: 0, max: SPAN }).map((i) => addDays(BASE, i));
const value = fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null, freq: 5 });
/** A series as an import could give it: any order, days possibly repeated. */
const rawSeries = fc.array(fc.record({ date: day, value }), { maxLength: 120 });
/** One point a day, as stored. */
const series = rawSeries.map((points) => mergeSeries([], points).series);

/** Reference model: what a day holds after the imports, applied in order; the last number wins. */
function model(...imports: DailyPoint[][]): Map<string, number> {
  const days = new Map<string, number>();
  for (const points of imports) for (const p of points) if (p.value !== null) days.set(p.date, p.value);
  return days;
}

/** Sum over the window by walking it day by day. */
function bruteSum(days: Map<string, number>, endDate: string, window: (typeof windows)[number], month: 'previous' | 'to-date') {
  const { start, end } = windowRange(endDate, window, month);
  let sum = 0;
  const missing: string[] = [];
  for (let d = start; d <= end; d = addDays(d, 1)) {
    const v = days.get(d);
    if (v === undefined) missing.push(d);
    else sum += v;
  }
  return { sum, missing };
}

describe('calendar arithmetic', () => {
  it('dayNumber and dateOfDay agree with Date in UTC, leap years included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: dayNumber('2199-12-31') }), (n) => {
        const date = new Date(n * 86_400_000).toISOString().slice(0, 10);
        expect(dateOfDay(n)).toBe(date);
        expect(dayNumber(date)).toBe(n);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('window and merge properties', () => {
  it('windowSum equals a day-by-day sum over the same days', () => {
    fc.assert(
      fc.property(series, day, fc.constantFrom(...windows), fc.constantFrom('previous' as const, 'to-date' as const), (s, end, window, month) => {
        const got = windowSum(s, end, window, month);
        const want = bruteSum(model(s), end, window, month);
        expect(got.sum).toBe(want.sum);
        expect(got.missingDays).toEqual(want.missing);
        expect(got.daysWithData + got.missingDays.length).toBe(dayNumber(got.end) - dayNumber(got.start) + 1);
      }),
    );
  });

  it('merging is idempotent', () => {
    fc.assert(
      fc.property(series, rawSeries, (existing, incoming) => {
        const once = mergeSeries(existing, incoming);
        const twice = mergeSeries(once.series, incoming);
        expect(twice.series).toEqual(once.series);
        expect(twice.summary).toMatchObject({ added: 0, changed: 0, conflicts: [] });
      }),
    );
  });

  it('the later import always wins, and nothing else is lost', () => {
    fc.assert(
      fc.property(series, rawSeries, (existing, incoming) => {
        const { series: merged, summary } = mergeSeries(existing, incoming);
        expect(model(merged)).toEqual(model(existing, incoming));
        const dates = merged.map((p) => p.date);
        expect(dates).toEqual([...new Set(dates)].sort());
        expect(summary.added + summary.changed + summary.unchanged).toBe(new Set(incoming.map((p) => p.date)).size);
      }),
    );
  });

  it('a window over merged data equals the window over the imports applied in order', () => {
    fc.assert(
      fc.property(series, rawSeries, day, fc.constantFrom(...windows), (existing, incoming, end, window) => {
        const merged = mergeSeries(existing, incoming).series;
        expect(windowSum(merged, end, window).sum).toBe(bruteSum(model(existing, incoming), end, window, 'previous').sum);
      }),
    );
  });
});

const threshold = fc.integer({ min: 0, max: 2_000_000 });
const requirement: fc.Arbitrary<Requirement> = fc.oneof(
  fc.constant({ kind: 'age' as const }),
  fc.constant({ kind: 'good-standing' as const }),
  threshold.map((min) => ({ kind: 'followers' as const, min })),
  fc.record({ kind: fc.constant('video-views' as const), min: threshold, window: fc.constantFrom(...windows) }),
  fc.record({ kind: fc.constant('subscriber-only-posts' as const), min: threshold, window: fc.constantFrom(...windows) }),
);
const snapshot = fc.record(
  {
    capturedAt: fc.integer({ min: dayNumber(BASE) * 86_400_000, max: (dayNumber(BASE) + SPAN + 1) * 86_400_000 }),
    followers: fc.integer({ min: 0, max: 5_000_000 }),
    visibleViews: fc.integer({ min: 0, max: 50_000_000 }),
  },
  { requiredKeys: ['capturedAt', 'followers'] },
);
const answer = fc.constantFrom(true, false, undefined);

describe('evaluateEligibility properties', () => {
  it('never throws on valid inputs, keeps progress in 0..1 and counts consistently', () => {
    fc.assert(
      fc.property(
        fc.array(requirement, { minLength: 1, maxLength: 10 }),
        answer,
        answer,
        series,
        series,
        fc.array(snapshot, { maxLength: 12 }),
        fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        day,
        (requirements, adult, goodStanding, followers, dailyViews, snapshots, posts, today) => {
          const result = evaluateEligibility({
            profile: { requirements },
            confirmations: { adult, goodStanding },
            followers,
            dailyViews,
            snapshots,
            subscriberOnlyPosts: posts,
            today,
          });
          expect(result.total).toBe(requirements.length);
          expect(result.metCount).toBe(result.requirements.filter((r) => r.met).length);
          expect(result.eligible).toBe(result.metCount === result.total);
          for (const r of result.requirements) {
            expect(r.progress).toBeGreaterThanOrEqual(0);
            expect(r.progress).toBeLessThanOrEqual(1);
            expect(r.met).toBe(r.value !== null && r.value >= r.threshold);
            if (r.freshness) expect(r.freshness.ageDays).toBeGreaterThanOrEqual(0);
            const p = r.projection;
            if (p?.status === 'on-pace') {
              expect(p.optimistic! <= p.expected!).toBe(true);
              if (p.pessimistic) expect(p.expected! <= p.pessimistic).toBe(true);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
