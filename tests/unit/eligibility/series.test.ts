import { describe, expect, it } from 'vitest';
import { addDays, dateOfDay, dayNumber, daysBetween, monthBounds, utcDate } from '@/lib/eligibility/dates';
import {
  dailyPointSchema,
  estimateViewsBetween,
  estimateViewsFromSnapshots,
  latestPoint,
  mergeSeries,
  snapshotSeries,
  windowRange,
  windowSum,
} from '@/lib/eligibility/series';
import { at, curve, daily } from './helpers';

describe('dates', () => {
  it('counts days in UTC across leap days and clock changes', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2); // Europe's clocks change on the 30th
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(dateOfDay(dayNumber('2031-07-15'))).toBe('2031-07-15');
  });

  it('gives a timestamp the UTC day it falls in', () => {
    expect(utcDate(Date.parse('2025-05-01T23:59:59.999Z'))).toBe('2025-05-01');
    expect(utcDate(Date.parse('2025-05-02T00:30:00+02:00'))).toBe('2025-05-01');
  });

  it('finds month bounds, including February of leap years and across years', () => {
    expect(monthBounds('2024-03-15', -1)).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(monthBounds('2023-03-01', -1)).toEqual({ start: '2023-02-01', end: '2023-02-28' });
    expect(monthBounds('2025-01-31', -1)).toEqual({ start: '2024-12-01', end: '2024-12-31' });
    expect(monthBounds('2025-12-01', 0)).toEqual({ start: '2025-12-01', end: '2025-12-31' });
  });
});

describe('dailyPointSchema', () => {
  it('accepts a real date with a number or null, refuses the rest', () => {
    expect(dailyPointSchema.safeParse({ date: '2024-02-29', value: 12 }).success).toBe(true);
    expect(dailyPointSchema.safeParse({ date: '2024-02-29', value: null }).success).toBe(true);
    expect(dailyPointSchema.safeParse({ date: '2023-02-29', value: 1 }).success).toBe(false);
    expect(dailyPointSchema.safeParse({ date: '2024-01-01', value: -1 }).success).toBe(false);
    expect(dailyPointSchema.safeParse({ date: '2024-01-01', value: Number.NaN }).success).toBe(false);
  });
});

describe('mergeSeries', () => {
  it('merges into one sorted point a day and counts what happened', () => {
    const existing = daily('2025-01-01', [10, 20, null, 40]);
    const incoming = [
      { date: '2025-01-05', value: 50 },
      { date: '2025-01-02', value: 21 },
      { date: '2025-01-01', value: 10 },
      { date: '2025-01-03', value: 30 },
    ];
    const { series, summary } = mergeSeries(existing, incoming);
    expect(series).toEqual(daily('2025-01-01', [10, 21, 30, 40, 50]));
    expect(summary).toEqual({
      added: 1,
      changed: 2,
      unchanged: 1,
      conflicts: [{ date: '2025-01-02', before: 20, after: 21 }],
    });
  });

  it('never lets a missing day erase a number', () => {
    const { series, summary } = mergeSeries(daily('2025-01-01', [7]), daily('2025-01-01', [null]));
    expect(series).toEqual(daily('2025-01-01', [7]));
    expect(summary).toMatchObject({ changed: 0, unchanged: 1 });
  });

  it('keeps the last number of a day given twice in one import', () => {
    const { series } = mergeSeries([], [
      { date: '2025-01-01', value: 1 },
      { date: '2025-01-01', value: 2 },
      { date: '2025-01-01', value: null },
    ]);
    expect(series).toEqual([{ date: '2025-01-01', value: 2 }]);
  });

  it('handles empty sides', () => {
    expect(mergeSeries([], [])).toEqual({ series: [], summary: { added: 0, changed: 0, unchanged: 0, conflicts: [] } });
    expect(mergeSeries(daily('2025-01-01', [1]), []).series).toEqual(daily('2025-01-01', [1]));
  });
});

describe('windowRange and windowSum', () => {
  it('takes the rolling 30 days ending at the end date, that day included', () => {
    expect(windowRange('2024-03-10', 'rolling-30-days')).toEqual({ start: '2024-02-10', end: '2024-03-10' });
    const series = curve('2024-01-01', 120, () => 1);
    const sum = windowSum(series, '2024-03-10', 'rolling-30-days');
    expect(sum).toMatchObject({ sum: 30, daysWithData: 30, missingDays: [], complete: true });
  });

  it('takes the previous complete calendar month by default, the month to date on request', () => {
    const series = curve('2024-01-01', 120, (i) => i); // value = days since 1 January
    const feb = windowSum(series, '2024-03-01', 'calendar-month');
    expect(feb).toMatchObject({ start: '2024-02-01', end: '2024-02-29', daysWithData: 29, complete: true });
    expect(feb.sum).toBe(Array.from({ length: 29 }, (_, i) => 31 + i).reduce((a, b) => a + b));
    const march = windowSum(series, '2024-03-03', 'calendar-month', 'to-date');
    expect(march).toMatchObject({ start: '2024-03-01', end: '2024-03-03', sum: 60 + 61 + 62 });
  });

  it('lists the gaps instead of hiding them', () => {
    const series = daily('2025-01-28', [5, null, 5]).concat(daily('2025-02-02', [5]));
    const sum = windowSum(series, '2025-02-02', 'rolling-30-days');
    expect(sum.sum).toBe(15);
    expect(sum.daysWithData).toBe(3);
    expect(sum.complete).toBe(false);
    expect(sum.missingDays).toHaveLength(27);
    expect(sum.missingDays).toContain('2025-01-29');
    expect(sum.missingDays).toContain('2025-02-01');
    expect(sum.missingDays[0]).toBe('2025-01-04');
  });

  it('counts nothing for an empty series, and one day for a single point', () => {
    expect(windowSum([], '2025-01-31', 'rolling-30-days')).toMatchObject({ sum: 0, daysWithData: 0, complete: false });
    expect(windowSum(daily('2025-01-31', [9]), '2025-01-31', 'rolling-30-days')).toMatchObject({ sum: 9, daysWithData: 1 });
  });

  it('ignores days outside the window and does not care about order', () => {
    const series = daily('2025-01-01', [100, 1, 1]).reverse();
    expect(windowSum(series, '2025-01-31', 'rolling-30-days').sum).toBe(2);
  });
});

describe('latestPoint', () => {
  it('finds the newest day with a number, optionally before a date', () => {
    const series = daily('2025-01-01', [1, 2, null]);
    expect(latestPoint(series)).toEqual({ date: '2025-01-02', value: 2 });
    expect(latestPoint(series, '2025-01-01')).toEqual({ date: '2025-01-01', value: 1 });
    expect(latestPoint([])).toBeUndefined();
  });
});

describe('snapshotSeries', () => {
  it('keeps the last capture of each UTC day', () => {
    const series = snapshotSeries(
      [
        { capturedAt: at('2025-01-01', 20), followers: 2 },
        { capturedAt: at('2025-01-01', 8), followers: 1 },
        { capturedAt: Date.parse('2025-01-02T00:10:00+01:00'), followers: 3 }, // 23:10 UTC on the 1st
        { capturedAt: at('2025-01-03'), followers: 4 },
      ],
      'followers',
    );
    expect(series).toEqual([
      { date: '2025-01-01', value: 3 },
      { date: '2025-01-03', value: 4 },
    ]);
  });
});

describe('estimateViewsFromSnapshots', () => {
  it('uses the growth of the visible views over 30 days', () => {
    const estimate = estimateViewsFromSnapshots(
      [
        { capturedAt: at('2025-01-01', 0), followers: 1, visibleViews: 1_000 },
        { capturedAt: at('2025-01-31', 0), followers: 1, visibleViews: 31_000 },
      ],
      '2025-01-31',
    );
    expect(estimate).toEqual({
      views: 30_000,
      estimate: true,
      basis: { from: '2025-01-01', to: '2025-01-31', spanDays: 30, scale: 1, growth: 30_000 },
    });
  });

  it('scales the growth up when the snapshots span less than 30 days', () => {
    const estimate = estimateViewsFromSnapshots(
      [
        { capturedAt: at('2025-01-21'), followers: 1, visibleViews: 5_000 },
        { capturedAt: at('2025-01-31'), followers: 1, visibleViews: 6_000 },
      ],
      '2025-01-31',
    );
    expect(estimate?.views).toBe(3_000);
    expect(estimate?.basis).toMatchObject({ spanDays: 10, scale: 3 });
  });

  it('picks the snapshot closest to the start of the window as the baseline', () => {
    const start = at('2025-01-02', 0);
    const estimate = estimateViewsBetween(
      [
        { capturedAt: at('2024-12-01'), followers: 1, visibleViews: 0 },
        { capturedAt: start, followers: 1, visibleViews: 100 },
        { capturedAt: at('2025-01-15', 0), followers: 1, visibleViews: 200 },
        { capturedAt: at('2025-01-31', 0), followers: 1, visibleViews: 400 },
      ],
      start,
      at('2025-02-01', 0),
    );
    expect(estimate?.basis).toMatchObject({ from: '2025-01-02', to: '2025-01-31', growth: 300 });
  });

  it('gives nothing without two snapshots a day apart, or when all are older than the window', () => {
    const one = [{ capturedAt: at('2025-01-31'), followers: 1, visibleViews: 10 }];
    expect(estimateViewsFromSnapshots(one, '2025-01-31')).toBeNull();
    const sameDay = [...one, { capturedAt: at('2025-01-31', 3), followers: 1, visibleViews: 5 }];
    expect(estimateViewsFromSnapshots(sameDay, '2025-01-31')).toBeNull();
    const old = [
      { capturedAt: at('2024-10-01'), followers: 1, visibleViews: 10 },
      { capturedAt: at('2024-11-01'), followers: 1, visibleViews: 20 },
    ];
    expect(estimateViewsFromSnapshots(old, '2025-01-31')).toBeNull();
    expect(estimateViewsFromSnapshots([], '2025-01-31')).toBeNull();
    const noViews = [
      { capturedAt: at('2025-01-01'), followers: 1 },
      { capturedAt: at('2025-01-30'), followers: 2 },
    ];
    expect(estimateViewsFromSnapshots(noViews, '2025-01-31')).toBeNull();
  });

  it('ignores snapshots after the end date and never estimates below zero', () => {
    const estimate = estimateViewsFromSnapshots(
      [
        { capturedAt: at('2025-01-10'), followers: 1, visibleViews: 900 },
        { capturedAt: at('2025-01-30'), followers: 1, visibleViews: 300 },
        { capturedAt: at('2025-02-01'), followers: 1, visibleViews: 1_000_000 },
      ],
      '2025-01-31',
    );
    expect(estimate).toMatchObject({ views: 0, basis: { to: '2025-01-30', growth: -600 } });
  });
});
