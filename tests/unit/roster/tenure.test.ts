import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dateOfDay, dayNumber } from '@/lib/eligibility/dates';
import { cumulativeMonths, monthsBetween, tenureOf } from '@/lib/roster/tenure';
import { tiers } from './fixtures';

const gold = tiers[1]!;

describe('monthsBetween', () => {
  it.each([
    ['2025-01-15', '2025-01-15', 0],
    ['2025-01-15', '2025-01-10', 0],
    ['2025-01-15', '2025-02-14', 0],
    ['2025-01-15', '2025-02-15', 1],
    ['2025-01-15', '2026-01-14', 11],
    ['2025-01-15', '2026-01-15', 12],
    // From the 31st, a shorter month completes on its last day.
    ['2025-01-31', '2025-02-27', 0],
    ['2025-01-31', '2025-02-28', 1],
    ['2024-01-31', '2024-02-28', 0],
    ['2024-01-31', '2024-02-29', 1],
    ['2025-01-31', '2025-03-01', 1],
    ['2025-01-31', '2025-03-30', 1],
    ['2025-01-31', '2025-03-31', 2],
    ['2025-01-31', '2025-04-30', 3],
    // From a leap day: the next years' February completes on the 28th.
    ['2024-02-29', '2025-02-28', 12],
    ['2024-02-29', '2025-02-27', 11],
    ['2024-02-29', '2028-02-29', 48],
    // The 28th of February is not a month end to a start on the 28th.
    ['2025-02-28', '2025-03-27', 0],
    ['2025-02-28', '2025-03-28', 1],
    ['2024-12-31', '2025-01-01', 0],
    ['2020-03-01', '2025-03-01', 60],
  ])('from %s to %s: %i', (since, day, months) => {
    expect(monthsBetween(since, day)).toBe(months);
  });

  const day = fc.integer({ min: dayNumber('1970-01-01'), max: dayNumber('2100-12-31') }).map(dateOfDay);

  it('never decreases as the day advances, and grows by at most one a day', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 2000 }), (since, offset) => {
        const today = addDays(since, offset);
        const tomorrow = addDays(today, 1);
        const step = monthsBetween(since, tomorrow) - monthsBetween(since, today);
        return step === 0 || step === 1;
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with the anniversary: on the day N months later (clamped to the month end) exactly N months', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 300 }), (since, n) => {
        const [y, m, d] = since.split('-').map(Number) as [number, number, number];
        const monthIndex = m - 1 + n;
        const lastDay = new Date(Date.UTC(y, monthIndex + 1, 0)).getUTCDate();
        const anniversary = dateOfDay(Date.UTC(y, monthIndex, Math.min(d, lastDay)) / 86_400_000);
        return monthsBetween(since, anniversary) === n && monthsBetween(since, addDays(anniversary, -1)) === n - 1;
      }),
      { numRuns: 3000 },
    );
  });
});

describe('cumulativeMonths and tenureOf', () => {
  it('lets the override win over the start date, including an override of 0', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1200 }), fc.integer({ min: 0, max: 4000 }), (override, offset) => {
        const today = addDays('2020-01-01', offset);
        return cumulativeMonths({ since: '2020-01-01', monthsOverride: override }, today) === override;
      }),
    );
    expect(cumulativeMonths({ since: '2020-01-01', monthsOverride: 0 }, '2025-01-01')).toBe(0);
    expect(cumulativeMonths({ since: '2020-01-01' }, '2025-01-01')).toBe(60);
  });

  it('levels on the tier tenure steps', () => {
    expect(tenureOf({ since: '2025-01-15' }, gold, '2025-02-14')).toEqual({ months: 0, level: 0, overridden: false });
    expect(tenureOf({ since: '2025-01-15' }, gold, '2025-02-15')).toEqual({ months: 1, level: 1, overridden: false });
    expect(tenureOf({ since: '2025-01-15' }, gold, '2025-08-20')).toEqual({ months: 7, level: 4, overridden: false });
    expect(tenureOf({ since: '2025-01-15', monthsOverride: 40 }, gold, '2025-02-15')).toEqual({
      months: 40,
      level: 6,
      overridden: true,
    });
  });
});
