import { describe, expect, it } from 'vitest';
import { addDays } from '@/lib/eligibility/dates';
import {
  HORIZON_DAYS,
  LOOKBACK_WEEKS,
  WEEKLY_DECAY,
  projectCumulative,
  projectMonthViews,
  projectRollingViews,
  projectRollingViewsFromEstimate,
  weeklyPace,
  type Projection,
} from '@/lib/eligibility/projection';
import { curve, daily } from './helpers';

const START = '2025-01-01';
const DAYS = 70; // day 69 is 2025-03-11
const LAST = addDays(START, DAYS - 1);

/** The documented weighting: week k weighs WEEKLY_DECAY^k. */
function weightedMean(weeklyRates: number[]): number {
  const weights = weeklyRates.map((_, k) => WEEKLY_DECAY ** k);
  const total = weights.reduce((a, b) => a + b);
  return weeklyRates.reduce((sum, rate, k) => sum + rate * weights[k]!, 0) / total;
}

function expectOrdered(projection: Projection) {
  const { optimistic, expected, pessimistic } = projection;
  expect(optimistic).not.toBeNull();
  expect(optimistic! <= expected!).toBe(true);
  if (pessimistic !== null) expect(expected! <= pessimistic).toBe(true);
}

describe('projectCumulative (followers)', () => {
  it('linear growth: met exactly when the straight line says, all three dates equal', () => {
    const series = curve(START, DAYS, (i) => 1_000 + 100 * i); // 7,900 on the last day
    const projection = projectCumulative(series, 10_000);
    expect(projection).toMatchObject({
      status: 'on-pace',
      asOf: LAST,
      current: 7_900,
      expected: addDays(LAST, 21),
      optimistic: addDays(LAST, 21),
      pessimistic: addDays(LAST, 21),
      pace: { expected: 100, optimistic: 100, pessimistic: 100, weeks: LOOKBACK_WEEKS },
    });
  });

  it('accelerating growth: recent weeks weigh more, and the range brackets the expected date', () => {
    const series = curve(START, DAYS, (i) => 1_000 + i * i);
    // Over the week ending on day a, growth per day is (a² - (a-7)²) / 7 = 2a - 7.
    const rates = Array.from({ length: LOOKBACK_WEEKS }, (_, k) => 2 * (69 - 7 * k) - 7);
    const mean = weightedMean(rates);
    const projection = projectCumulative(series, 10_000);
    expect(projection.pace!.expected).toBeCloseTo(mean, 9);
    expect(projection.pace!.expected).toBeGreaterThan(rates.reduce((a, b) => a + b) / rates.length);
    const current = 1_000 + 69 * 69;
    expect(projection.expected).toBe(addDays(LAST, Math.ceil((10_000 - current) / mean)));
    expectOrdered(projection);
    expect(projection.optimistic! < projection.pessimistic!).toBe(true);
  });

  it('flat growth is not at the current pace', () => {
    const projection = projectCumulative(curve(START, DAYS, () => 5_000), 10_000);
    expect(projection).toMatchObject({ status: 'not-at-current-pace', expected: null, optimistic: null, pessimistic: null });
  });

  it('falling growth is not at the current pace', () => {
    const projection = projectCumulative(curve(START, DAYS, (i) => 9_000 - 10 * i), 10_000);
    expect(projection.status).toBe('not-at-current-pace');
    expect(projection.pace!.expected).toBeCloseTo(-10, 9);
  });

  it('a pace that would take more than ten years is not at the current pace', () => {
    const projection = projectCumulative(curve(START, DAYS, (i) => 1_000 + i), 1_000 + DAYS + HORIZON_DAYS + 10);
    expect(projection.status).toBe('not-at-current-pace');
  });

  it('gaps change nothing on a straight line: no day is invented', () => {
    const line = (i: number) => 1_000 + 100 * i;
    const everyOtherWeek = curve(START, DAYS, (i) => (Math.floor(i / 7) % 2 === 0 ? line(i) : null));
    everyOtherWeek[DAYS - 1] = { date: LAST, value: line(DAYS - 1) };
    expect(projectCumulative(everyOtherWeek, 10_000)).toMatchObject({ status: 'on-pace', expected: addDays(LAST, 21) });
    const twoPoints = [
      { date: START, value: line(0) },
      { date: LAST, value: line(DAYS - 1) },
    ];
    expect(projectCumulative(twoPoints, 10_000)).toMatchObject({
      expected: addDays(LAST, 21),
      pace: { expected: 100, weeks: 1 },
    });
  });

  it('a long gap is one step: its growth is spread over its days, not counted as one day', () => {
    const series = [
      { date: '2025-01-01', value: 1_000 },
      { date: '2025-01-31', value: 4_000 }, // 100 a day over 30 days
      { date: '2025-02-01', value: 4_100 },
    ];
    const pace = weeklyPace(series, 'cumulative', '2025-02-01')!;
    expect(pace.expected).toBeCloseTo(100, 9);
  });

  it('a week of loss against a week of gain leaves the pessimistic date open', () => {
    // Week 1 (days 1-7): +20 a day; week 0 (days 8-14): -5 a day. Weighted, the pace stays positive.
    const series = curve('2025-01-01', 15, (i) => (i <= 7 ? 1_000 + 20 * i : 1_140 - 5 * (i - 7)));
    const projection = projectCumulative(series, 2_000);
    const pace = projection.pace!;
    expect(pace.expected).toBeCloseTo(weightedMean([-5, 20]), 9);
    expect(pace.pessimistic).toBeLessThan(0);
    expect(projection).toMatchObject({ status: 'on-pace', pessimistic: null });
    expectOrdered(projection);
  });

  it('says met when already met, and no-data without history', () => {
    expect(projectCumulative(daily('2025-01-01', [9_000, 10_000]), 10_000)).toMatchObject({
      status: 'met',
      expected: '2025-01-02',
    });
    expect(projectCumulative([], 10)).toMatchObject({ status: 'no-data', asOf: null });
    expect(projectCumulative(daily('2025-01-01', [5]), 10)).toMatchObject({ status: 'no-data', asOf: '2025-01-01', current: 5 });
    expect(projectCumulative(daily('2025-01-01', [null, null]), 10).status).toBe('no-data');
  });

  it('ignores weeks older than the look-back', () => {
    const change = 200 - 7 * LOOKBACK_WEEKS - 1; // the last day before the look-back
    const series = curve(START, 200, (i) => (i <= change ? 10 * i : 10 * change + 50 * (i - change)));
    const pace = weeklyPace(series, 'cumulative', addDays(START, 199))!;
    // Every step ending in the look-back grows by 50, including the one from the old regime's last day.
    expect(pace.expected).toBeCloseTo(50, 9);
  });
});

describe('projectRollingViews', () => {
  it('constant views below the needed pace are not at the current pace, and say what a day needs', () => {
    const projection = projectRollingViews(curve(START, 60, () => 2_000), 100_000);
    expect(projection).toMatchObject({ status: 'not-at-current-pace', current: 60_000, viewsPerDayNeeded: 3_334 });
    expect(projection.pace!.expected).toBeCloseTo(2_000, 9);
  });

  it('says met when the last 30 days already reach the threshold', () => {
    expect(projectRollingViews(curve(START, 60, () => 4_000), 100_000)).toMatchObject({ status: 'met', current: 120_000 });
  });

  it('rising views: the window loses its old days and gains days at the weighted pace', () => {
    const series = curve(START, 56, (i) => (i < 42 ? 1_000 : 5_000));
    const mean = weightedMean([5_000, 5_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000]);
    const projection = projectRollingViews(series, 100_000);
    // The window holds 16 days of 1,000 and 14 of 5,000; each day one 1,000 leaves and one day at the pace comes.
    expect(projection.current).toBe(86_000);
    const days = Math.ceil(14_000 / (mean - 1_000));
    expect(projection).toMatchObject({ status: 'on-pace', expected: addDays(series[55]!.date, days) });
    expectOrdered(projection);
  });

  it('falling views are not at the current pace even while the window is still high', () => {
    const series = curve(START, 56, (i) => (i < 42 ? 5_000 : 1_000));
    const projection = projectRollingViews(series, 100_000);
    expect(projection.current).toBe(94_000);
    expect(projection.status).toBe('not-at-current-pace');
  });

  it('counts missing days as no views and takes the pace from the days that have data', () => {
    const series = curve(START, 56, (i) => (i % 2 === 0 ? 4_000 : null));
    const projection = projectRollingViews(series, 100_000);
    expect(projection.current).toBe(15 * 4_000);
    expect(projection.pace!.expected).toBeCloseTo(4_000, 9);
    expect(projection.status).toBe('on-pace');
    // Past missing days stay at 0: after k days the window keeps 60,000 - 4,000·⌊k/2⌋ and gains 4,000·k,
    // so it reaches 100,000 when ⌈k/2⌉ = 10, at k = 19.
    expect(projection.expected).toBe(addDays(series[54]!.date, 19));
  });

  it('has no data without views', () => {
    expect(projectRollingViews([], 100_000)).toMatchObject({ status: 'no-data', viewsPerDayNeeded: 3_334 });
  });

  it('projects from an estimate spread evenly over the window, marked as an estimate', () => {
    const visibleViews = curve('2025-01-01', 31, (i) => 1_000 + 3_000 * i);
    const projection = projectRollingViewsFromEstimate(60_000, '2025-01-31', visibleViews, 100_000);
    // 2,000 a day leave, 3,000 a day come: 60,000 + 1,000·k ≥ 100,000 never happens within 30 days
    // before the old days are gone; at k = 30 the window is 90,000 → not at the pace.
    expect(projection).toMatchObject({ status: 'not-at-current-pace', estimate: true });
    const faster = projectRollingViewsFromEstimate(60_000, '2025-01-31', curve('2025-01-01', 31, (i) => 5_000 * i), 100_000);
    // 60,000 + 3,000·k ≥ 100,000 → k = 14.
    expect(faster).toMatchObject({ status: 'on-pace', expected: '2025-02-14', estimate: true });
  });
});

describe('projectMonthViews', () => {
  it('counts the month so far and the pace over the days left', () => {
    const series = curve(START, 78, () => 4_000); // to 2025-03-19
    const projection = projectMonthViews(series, 100_000, '2025-03-20');
    // 19 days × 4,000 = 76,000; 24,000 more at 4,000 a day → 6 days after the 19th.
    expect(projection).toMatchObject({
      status: 'on-pace',
      monthToDate: 76_000,
      expected: '2025-03-25',
      viewsPerDayNeeded: 2_000,
    });
  });

  it('is not at the current pace when the month ends first', () => {
    const projection = projectMonthViews(curve(START, 78, () => 3_000), 100_000, '2025-03-20');
    expect(projection).toMatchObject({ status: 'not-at-current-pace', monthToDate: 57_000, viewsPerDayNeeded: 3_584 });
  });

  it('starts the month from zero when the newest data is from last month', () => {
    const projection = projectMonthViews(curve(START, 40, () => 10_000), 100_000, '2025-03-02');
    expect(projection).toMatchObject({ monthToDate: 0, status: 'on-pace', expected: '2025-03-10', viewsPerDayNeeded: 3_226 });
  });

  it('is met once the month reaches the threshold, and has no data without views', () => {
    expect(projectMonthViews(curve('2025-03-01', 5, () => 30_000), 100_000, '2025-03-05').status).toBe('met');
    expect(projectMonthViews([], 100_000, '2025-03-05')).toMatchObject({ status: 'no-data', monthToDate: 0 });
  });
});
