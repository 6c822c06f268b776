import { describe, expect, it } from 'vitest';
import { updatedText } from '@/components/eligibility/format';
import { dailySeries, historyRows } from '@/components/eligibility/history';
import { addDays } from '@/lib/eligibility/dates';

describe('how fresh the numbers read', () => {
  const now = Date.parse('2026-11-24T15:17:00Z');
  it('counts days by the calendar: data of yesterday is "yesterday", not "2 days ago"', () => {
    expect(updatedText(Date.parse('2026-11-23T00:00:00Z'), now)).toBe('Updated yesterday');
    expect(updatedText(Date.parse('2026-11-21T23:00:00Z'), now)).toBe('Updated 3 days ago');
    expect(updatedText(Date.parse('2026-11-24T12:17:00Z'), now)).toBe('Updated 3 hours ago');
  });
});

describe('the chart series', () => {
  it('starts at the first day with a figure: the 29 days before a first 30-day total are not gaps', () => {
    const daily = Array.from({ length: 40 }, (_, i) => ({
      handle: 'mara.sings',
      date: addDays('2026-10-01', i),
      videoViews: i === 35 ? null : 1000,
      importedAt: 1,
    }));
    const rows = historyRows({ snapshots: [], daily });
    const series = dailySeries(rows, (row) => row.views30);
    expect(series[0]).toEqual({ date: '2026-10-30', value: 30_000 });
    // A missing day inside the data is still a gap: no 30-day total on the days it belongs to.
    expect(series.filter((p) => p.value === null).length).toBeGreaterThan(0);
    expect(series.at(-1)?.value).toBeNull();
  });
});
