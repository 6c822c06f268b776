// The monthly bonus: this month on track or at risk and what is missing, last month earned, missed or
// unknown, the months before; around month ends, leap years, gaps and the UTC day of snapshots.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bonusHistory, evaluateBonus, lastMonthBonus, thisMonthBonus, type BonusInput } from '@/lib/eligibility/bonus';
import { addDays, daysBetween, monthBounds } from '@/lib/eligibility/dates';
import { defaultBonusConditions, type BonusConditions } from '@/lib/eligibility/rules';
import type { DailyPoint } from '@/lib/eligibility/series';

const usCa = defaultBonusConditions.find((c) => c.id === 'us-ca')!;
const elsewhere = defaultBonusConditions.find((c) => c.id === 'elsewhere')!;

/** `value(i)` views a day from `first` for `count` days. */
const days = (first: string, count: number, value: (i: number) => number | null): DailyPoint[] =>
  Array.from({ length: count }, (_, i) => ({ date: addDays(first, i), value: value(i) }));

function input(over: Partial<BonusInput> & { today: string }): BonusInput {
  return { conditions: elsewhere, followers: [], dailyViews: [], snapshots: [], posts: [], ...over };
}

describe("this month's bonus", () => {
  it('is on track for a creator in Italy whose views keep the pace, and met once they are all there', () => {
    const followers = [{ date: '2026-12-01', value: 12_400 }];
    const onPace = thisMonthBonus(input({ today: '2026-12-20', followers, dailyViews: days('2026-12-01', 20, () => 40_000) }));
    expect(onPace.status).toBe('on-track');
    expect(onPace.daysLeft).toBe(12);
    expect(onPace.conditions.map((c) => [c.requirement.kind, c.value, c.met, c.onTrack])).toEqual([
      ['followers', 12_400, true, true],
      ['video-views', 800_000, false, true],
    ]);
    expect(onPace.urgent?.requirement.kind).toBe('video-views');
    expect(onPace.urgent?.missing).toBe(200_000);

    const met = thisMonthBonus(input({ today: '2026-12-28', followers, dailyViews: days('2026-12-01', 28, () => 40_000) }));
    expect(met.status).toBe('met');
    expect(met.urgent).toBeNull();
  });

  it('is at risk when the views fall behind, and says what each remaining day needs', () => {
    const result = thisMonthBonus(
      input({ today: '2026-12-20', followers: [{ date: '2026-12-19', value: 12_000 }], dailyViews: days('2026-12-01', 20, () => 10_000) }),
    );
    expect(result.status).toBe('at-risk');
    const views = result.conditions.find((c) => c.requirement.kind === 'video-views')!;
    expect(views).toMatchObject({ value: 200_000, missing: 800_000, onTrack: false });
    // 800,000 over the 11 days after the newest day with data.
    expect(views.perDayNeeded).toBe(Math.ceil(800_000 / 11));
    expect(result.urgent).toBe(views);
  });

  it('in the US, counts the month’s subscriber-only posts and wants them spread over the month', () => {
    const base = { conditions: usCa, today: '2026-12-20', followers: [{ date: '2026-12-20', value: 15_000 }], dailyViews: days('2026-12-01', 20, () => 10_000) };
    const behind = thisMonthBonus(input({ ...base, posts: [{ date: '2026-11-30' }, { date: '2026-12-02' }] }));
    const posts = behind.conditions.find((c) => c.requirement.kind === 'subscriber-only-posts')!;
    // November's post is not this month's.
    expect(posts).toMatchObject({ value: 1, missing: 2, onTrack: false, perDayNeeded: 2 });
    expect(behind.status).toBe('at-risk');
    expect(behind.urgent).toBe(posts);

    const keepingUp = thisMonthBonus(input({ ...base, posts: [{ date: '2026-12-02' }, { date: '2026-12-12' }] }));
    expect(keepingUp.conditions.find((c) => c.requirement.kind === 'subscriber-only-posts')).toMatchObject({ value: 2, onTrack: true });
    expect(keepingUp.status).toBe('on-track');

    const done = thisMonthBonus(input({ ...base, posts: [{ date: '2026-12-02' }, { date: '2026-12-12' }, { date: '2026-12-20' }] }));
    expect(done.status).toBe('met');
  });

  it('with no numbers this month, is at risk with nothing counted, never zero views', () => {
    const result = thisMonthBonus(input({ today: '2026-12-05', dailyViews: days('2026-11-01', 30, () => 50_000) }));
    const views = result.conditions.find((c) => c.requirement.kind === 'video-views')!;
    expect(views.value).toBeNull();
    expect(views.missingDays).toEqual(['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05']);
    expect(result.status).toBe('at-risk');
  });

  it('ignores figures dated after today', () => {
    const result = thisMonthBonus(input({ today: '2026-12-10', followers: [{ date: '2026-12-01', value: 12_000 }], dailyViews: days('2026-12-01', 31, () => 100_000) }));
    expect(result.conditions.find((c) => c.requirement.kind === 'video-views')!.value).toBe(1_000_000);
  });
});

describe("last month's bonus", () => {
  it('is earned, missed, or unknown when the month falls short with days of data missing', () => {
    const followers = [{ date: '2026-10-15', value: 11_000 }];
    const full = (value: number) => days('2026-11-01', 30, () => value);
    expect(lastMonthBonus(input({ today: '2026-12-03', followers, dailyViews: full(40_000) })).result).toBe('earned');
    expect(lastMonthBonus(input({ today: '2026-12-03', followers, dailyViews: full(20_000) })).result).toBe('missed');
    const gaps = days('2026-11-01', 30, (i) => (i % 10 === 0 ? null : 20_000));
    const unknown = lastMonthBonus(input({ today: '2026-12-03', followers, dailyViews: gaps }));
    expect(unknown.result).toBe('unknown');
    expect(unknown.conditions[1]!.missingDays).toEqual(['2026-11-01', '2026-11-11', '2026-11-21']);
    // Too few followers is a miss whatever the views.
    expect(lastMonthBonus(input({ today: '2026-12-03', followers: [{ date: '2026-11-30', value: 9_999 }], dailyViews: full(40_000) })).result).toBe(
      'missed',
    );
  });

  it('counts a capture by its UTC day: one at 23:30 UTC on 30 November is November’s', () => {
    const snapshots = [{ capturedAt: Date.UTC(2026, 10, 30, 23, 30), followers: 10_500 }];
    const last = lastMonthBonus(input({ today: '2026-12-01', snapshots, dailyViews: days('2026-11-01', 30, () => 40_000) }));
    expect(last.conditions[0]).toMatchObject({ value: 10_500, met: true });
    const before = lastMonthBonus(input({ today: '2026-11-30', snapshots, dailyViews: days('2026-10-01', 31, () => 40_000) }));
    expect(before.conditions[0]).toMatchObject({ value: null, met: false });
  });
});

describe('the months of history', () => {
  it('lists the complete months back to the first with data, newest first', () => {
    const history = bonusHistory(
      input({ today: '2026-12-10', followers: [{ date: '2026-09-20', value: 10_100 }], dailyViews: days('2026-09-20', 80, () => 40_000) }),
    );
    expect(history.map((m) => [m.month.start, m.result])).toEqual([
      ['2026-11-01', 'earned'],
      ['2026-10-01', 'earned'],
      ['2026-09-01', 'unknown'],
    ]);
    expect(bonusHistory(input({ today: '2026-12-10' }))).toEqual([]);
  });

  it('come together as the panel shows them, last month the history’s newest or on its own', () => {
    const data = input({ today: '2026-12-10', followers: [{ date: '2026-09-20', value: 10_100 }], dailyViews: days('2026-09-20', 80, () => 40_000) });
    const all = evaluateBonus(data);
    expect(all.thisMonth).toEqual(thisMonthBonus(data));
    expect(all.lastMonth).toEqual(lastMonthBonus(data));
    expect(all.history).toEqual(bonusHistory(data));
    const empty = evaluateBonus(input({ today: '2026-12-10' }));
    expect(empty.history).toEqual([]);
    expect(empty.lastMonth).toEqual(lastMonthBonus(input({ today: '2026-12-10' })));
  });
});

// ---- Properties -----------------------------------------------------------------------------------

const month = fc.record({ year: fc.integer({ min: 2000, max: 2100 }), month: fc.integer({ min: 1, max: 12 }) });
const firstOf = ({ year, month: m }: { year: number; month: number }) => `${year}-${String(m).padStart(2, '0')}-01`;
const conditions = fc.constantFrom<BonusConditions>(usCa, elsewhere);

describe('properties', () => {
  it('last month is the whole calendar month before today’s, leap days included, its empty days all gaps', () => {
    fc.assert(
      fc.property(month, fc.integer({ min: 0, max: 27 }), (m, offset) => {
        const today = addDays(firstOf(m), offset);
        const last = lastMonthBonus(input({ today }));
        const expected = monthBounds(today, -1);
        expect(last.month).toEqual(expected);
        const length = daysBetween(expected.start, expected.end) + 1;
        const year = Number(expected.start.slice(0, 4));
        const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
        if (expected.start.endsWith('-02-01')) expect(length).toBe(leap ? 29 : 28);
        expect(last.conditions[1]!.missingDays).toHaveLength(length);
        expect(last.result).toBe('unknown');
      }),
    );
  });

  it('a day without data is a gap: never the reason a month is missed', () => {
    fc.assert(
      fc.property(
        conditions,
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 28, maxLength: 31 }),
        fc.array(fc.boolean(), { minLength: 31, maxLength: 31 }),
        (rule, perDay, dropped) => {
          const start = '2026-07-01';
          const full = perDay.map((value, i) => ({ date: addDays(start, i), value }));
          const withGaps = full.map((p, i) => (dropped[i] ? { ...p, value: null } : p));
          const base = { conditions: rule, today: '2026-08-02', followers: [{ date: '2026-07-10', value: 20_000 }], posts: [] };
          const complete = lastMonthBonus(input({ ...base, dailyViews: full }));
          const gapped = lastMonthBonus(input({ ...base, dailyViews: withGaps }));
          if (complete.result === 'earned' && gapped.result !== 'earned') expect(gapped.result).toBe('unknown');
          const views = gapped.conditions.find((c) => c.requirement.kind === 'video-views')!;
          const counted = withGaps.filter((p) => p.value !== null && p.date <= '2026-07-31');
          expect(views.value).toBe(counted.length ? counted.reduce((sum, p) => sum + p.value!, 0) : null);
        },
      ),
    );
  });

  it('more views or more posts never make the month worse', () => {
    const rank = { 'at-risk': 0, 'on-track': 1, met: 2 } as const;
    fc.assert(
      fc.property(
        conditions,
        fc.integer({ min: 1, max: 28 }),
        fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 28, maxLength: 28 }),
        fc.integer({ min: 0, max: 27 }),
        fc.integer({ min: 1, max: 500_000 }),
        fc.integer({ min: 0, max: 4 }),
        (rule, day, perDay, bumped, extra, posts) => {
          const today = addDays('2027-02-01', day - 1);
          const views = perDay.map((value, i) => ({ date: addDays('2027-02-01', i), value }));
          const more = views.map((p, i) => (i === bumped ? { ...p, value: p.value! + extra } : p));
          const dated = (n: number) => Array.from({ length: n }, (_, i) => ({ date: addDays('2027-02-01', Math.min(i, day - 1)) }));
          const base = { conditions: rule, today, followers: [{ date: '2027-01-31', value: 10_000 }] };
          const before = thisMonthBonus(input({ ...base, dailyViews: views, posts: dated(posts) }));
          const after = thisMonthBonus(input({ ...base, dailyViews: more, posts: dated(posts + 1) }));
          expect(rank[after.status]).toBeGreaterThanOrEqual(rank[before.status]);
        },
      ),
    );
  });

  it('each month of the history reads as that month did when it was last month', () => {
    const point = (from: string) =>
      fc.record({ date: fc.integer({ min: 0, max: 150 }).map((i) => addDays(from, i)), value: fc.option(fc.integer({ min: 0, max: 600_000 }), { nil: null, freq: 4 }) });
    fc.assert(
      fc.property(
        conditions,
        fc.array(point('2026-01-15'), { maxLength: 60 }),
        fc.array(point('2026-01-01'), { maxLength: 200 }),
        fc.array(fc.integer({ min: 0, max: 150 }).map((i) => ({ date: addDays('2026-01-01', i) })), { maxLength: 12 }),
        (rule, followers, dailyViews, posts) => {
          const today = '2026-06-20';
          const history = bonusHistory(input({ conditions: rule, today, followers, dailyViews, posts }));
          for (const month of history) {
            const then = addDays(month.month.end, 1);
            expect(month).toEqual(lastMonthBonus(input({ conditions: rule, today: then, followers, dailyViews, posts })));
          }
        },
      ),
    );
  });

  it('a post counts in its own month only, on the first and the last day alike', () => {
    fc.assert(
      fc.property(month, fc.integer({ min: -40, max: 40 }), (m, offset) => {
        const today = addDays(firstOf(m), 14);
        const date = addDays(monthBounds(today, 0).start, offset);
        const current = monthBounds(today, 0);
        const inThisMonth = date >= current.start && date <= today;
        const result = thisMonthBonus(input({ conditions: usCa, today, posts: [{ date }] }));
        expect(result.conditions.find((c) => c.requirement.kind === 'subscriber-only-posts')!.value).toBe(inThisMonth ? 1 : 0);
        const last = monthBounds(today, -1);
        const lastResult = lastMonthBonus(input({ conditions: usCa, today, posts: [{ date }] }));
        expect(lastResult.conditions.find((c) => c.requirement.kind === 'subscriber-only-posts')!.value).toBe(
          date >= last.start && date <= last.end ? 1 : 0,
        );
      }),
    );
  });
});
