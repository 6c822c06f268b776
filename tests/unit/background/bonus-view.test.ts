// The bonus part of the eligibility view: the creator's market's conditions, evaluated on the same
// numbers as eligibility and the logged subscriber-only posts, in the compact shape the pages read.
import { describe, expect, it } from 'vitest';
import { eligibilityView } from '@/lib/background/eligibility-view';
import { eligibilityWithBonusSchema, type BonusView } from '@/lib/protocol/bonus-view';
import { eligibilityViewSchema } from '@/lib/protocol/schemas';
import { NOW, creator, studioDays, workspaceWith } from './helpers';

function bonus(...args: Parameters<typeof eligibilityView>): BonusView | null {
  const view = eligibilityView(...args);
  // The popup's check of the view and the options page's of the whole bonus both pass.
  expect(eligibilityViewSchema.safeParse(view).success).toBe(true);
  expect(view?.bonus).toBeDefined();
  expect(eligibilityWithBonusSchema.parse(view)).toEqual(view);
  return view!.bonus!;
}

// "Today" is 2026-06-30: the last day of June.
const june = (views: number, followers = 12_000) => studioDays('2026-06-01', 30, () => ({ videoViews: views, followers }));

describe('the bonus in the eligibility view', () => {
  it('follows the rule for every other market in Italy: followers and a million views in the month', () => {
    const b = bonus(workspaceWith(), [], june(20_000), NOW);
    expect(b).toMatchObject({ status: 'at-risk', daysLeft: 1, monthEnd: '2026-06-30', urgent: 1 });
    expect(b?.conditions).toEqual([
      { kind: 'followers', value: 12_000, threshold: 10_000, missing: 0, onTrack: true, perDayNeeded: 0, missingDays: 0 },
      {
        kind: 'video-views',
        value: 600_000,
        threshold: 1_000_000,
        missing: 400_000,
        onTrack: false,
        perDayNeeded: null,
        missingDays: 0,
      },
    ]);
    // May has no data: its result is unknown, and there is no month before June to list.
    expect(b?.lastMonth).toEqual({ result: 'unknown', conditions: [{ met: false, value: null }, { met: false, value: null }] });
    expect(b?.history).toEqual([]);
  });

  it('goes by the creator’s calendar month: noon UTC on 30 June is already July on Kiritimati (UTC+14)', () => {
    const before = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati';
    try {
      const b = bonus(workspaceWith(), [], june(40_000), NOW);
      // July has just begun and holds no data yet; June, complete and met, is last month.
      expect(b).toMatchObject({ monthEnd: '2026-07-31', daysLeft: 31 });
      expect(b?.lastMonth.result).toBe('earned');
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('is met when every condition is, with nothing urgent', () => {
    expect(bonus(workspaceWith(), [], june(40_000), NOW)).toMatchObject({ status: 'met', urgent: null });
  });

  it('counts the logged subscriber-only posts in the United States, and lists earlier months newest first', () => {
    const days = studioDays('2026-04-01', 91, () => ({ videoViews: 5_000, followers: 11_000 }));
    const posts = [{ date: '2026-05-02' }, { date: '2026-05-09' }, { date: '2026-05-20' }, { date: '2026-06-03' }];
    const b = bonus(workspaceWith(creator({ market: 'US', currency: 'USD' })), [], days, NOW, posts);
    expect(b?.conditions.map((c) => [c.kind, c.value, c.missing])).toEqual([
      ['followers', 11_000, 0],
      ['video-views', 150_000, 0],
      ['subscriber-only-posts', 1, 2],
    ]);
    expect(b).toMatchObject({ status: 'at-risk', urgent: 2 });
    expect(b?.lastMonth.result).toBe('earned');
    // April: 30 days of 5,000 views, but no post.
    expect(b?.history).toEqual([
      { start: '2026-05-01', result: 'earned' },
      { start: '2026-04-01', result: 'missed' },
    ]);
  });

  it('is null when no bonus conditions apply to the market', () => {
    const ws = { ...workspaceWith(), bonusConditions: [] };
    expect(bonus(ws, [], june(20_000), NOW)).toBeNull();
  });
});
