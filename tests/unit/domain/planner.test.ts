import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SUPER_FAN, planFromRoster, planRevenue, planWorkspace, revenueRuleFor, type PlanAmounts } from '@/lib/domain/planner';
import { defaultRevenueRules } from '@/lib/domain/defaults';
import type { RevenueRule, SuperFan, Tier } from '@/lib/domain/schema';
import { MAX_PRICE_MINOR, defaultSuperFan } from '@/lib/domain/schema';
import { profile, tier, workspace } from './fixtures';

const usRule = revenueRuleFor(defaultRevenueRules, 'US');
const itRule = revenueRuleFor(defaultRevenueRules, 'IT');
const usdTiers = [
  tier({ id: 'fan', currency: 'USD', priceMinor: 499, position: 0, status: 'active' }),
  tier({ id: 'vip', currency: 'USD', priceMinor: 999, position: 1, status: 'active' }),
];
const subscribers = { fan: 100, vip: 10 };
const plan = (over: Partial<Parameters<typeof planRevenue>[0]> = {}) =>
  planRevenue({ tiers: usdTiers, expectedSubscribers: subscribers, rule: usRule, appStoreFeePercent: 30, bonusPercent: 0, ...over });
/** gross, app-store fees, base share (net without bonus), bonus, net with bonus. */
const amounts = (line: PlanAmounts) => [line.gross, line.appStoreFees, line.base, line.bonus, line.withBonus];

describe('revenueRuleFor', () => {
  it('finds the rule naming the market, else the catch-all', () => {
    expect(revenueRuleFor(defaultRevenueRules, 'US').id).toBe('us-ca');
    expect(revenueRuleFor(defaultRevenueRules, 'CA').id).toBe('us-ca');
    expect(revenueRuleFor(defaultRevenueRules, 'IT').id).toBe('elsewhere');
    expect(revenueRuleFor(defaultRevenueRules, '*').id).toBe('elsewhere');
  });
});

describe('planRevenue', () => {
  // Worked out by hand.
  it('US: 70% of what the app store leaves', () => {
    const result = plan();
    // 4.99 x 100 = 499.00; fee 30% = 149.70; left 349.30; 70% = 244.51 (244.510).
    expect(amounts(result.lines[0]!)).toEqual([49900, 14970, 24451, 0, 24451]);
    // 9.99 x 10 = 99.90; fee 29.97; left 69.93; 70% = 48.951 -> 48.95.
    expect(amounts(result.lines[1]!)).toEqual([9990, 2997, 4895, 0, 4895]);
    expect(result.total).toEqual({ subscribers: 110, gross: 59890, appStoreFees: 17967, base: 29346, bonus: 0, withBonus: 29346 });
    expect(result.subscriptions).toEqual(result.total);
    expect(result.currency).toBe('USD');
  });

  it('IT: 50%, halves rounded once per line', () => {
    const result = plan({ rule: itRule });
    expect(amounts(result.lines[0]!)).toEqual([49900, 14970, 17465, 0, 17465]);
    // 69.93 / 2 = 34.965 -> 34.97 to the creator, 34.96 to the platform.
    expect(amounts(result.lines[1]!)).toEqual([9990, 2997, 3497, 0, 3497]);
  });

  it('puts the net with the bonus beside the net without it, the bonus capped at the rule\'s maximum', () => {
    const capped = plan({ bonusPercent: 50 });
    expect(capped.bonusPercent).toBe(20);
    // 70% of 349.30 = 244.51 without the bonus; the 20% bonus is 69.86; with it 314.37.
    expect(amounts(capped.lines[0]!)).toEqual([49900, 14970, 24451, 6986, 31437]);
    expect(plan({ bonusPercent: 10 }).lines[0]!.bonus).toBe(3493);
    expect(plan({ bonusPercent: -5 }).bonusPercent).toBe(0);
  });

  it('with no app-store fee the share applies to the whole gross', () => {
    expect(amounts(plan({ appStoreFeePercent: 0 }).lines[0]!)).toEqual([49900, 0, 34930, 0, 34930]);
  });

  it('charges the store fee on the purchases made in the app only', () => {
    // A quarter of 499.00 bought in the app: fee 30% of 124.75 = 37.43 (37.425); left 461.57; 70% = 323.10.
    expect(amounts(plan({ inAppPercent: 25 }).lines[0]!)).toEqual([49900, 3743, 32310, 0, 32310]);
    // All on the web: no fee at all, whatever the store's rate.
    expect(amounts(plan({ inAppPercent: 0, appStoreFeePercent: 50 }).lines[0]!)).toEqual([49900, 0, 34930, 0, 34930]);
    // Left out: every purchase in the app.
    expect(plan({ inAppPercent: undefined }).inAppPercent).toBe(100);
  });

  it('a share of the gross never exceeds what the app store leaves', () => {
    const rule: RevenueRule = { ...usRule, afterAppStoreFees: false, creatorSharePercent: 90 };
    expect(amounts(plan({ rule }).lines[0]!)).toEqual([49900, 14970, 34930, 0, 34930]);
    expect(amounts(plan({ rule, bonusPercent: 20 }).lines[0]!)).toEqual([49900, 14970, 34930, 0, 34930]);
    const fair: RevenueRule = { ...usRule, afterAppStoreFees: false, creatorSharePercent: 50 };
    expect(amounts(plan({ rule: fair }).lines[0]!)).toEqual([49900, 14970, 24950, 0, 24950]);
  });

  it('counts zero for tiers without an expected subscriber count', () => {
    const result = plan({ expectedSubscribers: {} });
    expect(result.lines.map((l) => [l.id, ...amounts(l)])).toEqual([
      ['fan', 0, 0, 0, 0, 0],
      ['vip', 0, 0, 0, 0, 0],
    ]);
    expect(result.total.withBonus).toBe(0);
  });

  it('leaves archived tiers out and lists the rest by position', () => {
    const tiers = [
      tier({ id: 'late', currency: 'USD', priceMinor: 999, position: 2 }),
      tier({ id: 'old', currency: 'USD', priceMinor: 299, position: 0, status: 'archived' }),
      tier({ id: 'first', currency: 'USD', priceMinor: 499, position: 1 }),
    ];
    const result = plan({ tiers, expectedSubscribers: { late: 1, old: 1000, first: 1 } });
    expect(result.lines.map((l) => l.id)).toEqual(['first', 'late']);
    expect(result.total.gross).toBe(1498);
  });

  it('has no currency when there are no tiers', () => {
    expect(plan({ tiers: [] })).toMatchObject({ currency: null, lines: [], total: { gross: 0, withBonus: 0 } });
  });

  it('totals are the sum of the rounded lines', () => {
    const tiers = [333, 334, 335].map((priceMinor, position) => tier({ id: `t${position}`, currency: 'USD', priceMinor, position }));
    const result = plan({ tiers, expectedSubscribers: { t0: 1, t1: 1, t2: 1 }, rule: itRule });
    // 3.33: fee 1.00 (0.999), left 2.33, half 1.17 (1.165).
    expect(amounts(result.lines[0]!)).toEqual([333, 100, 117, 0, 117]);
    for (const key of ['subscribers', 'gross', 'appStoreFees', 'base', 'bonus', 'withBonus'] as const) {
      expect(result.total[key]).toBe(result.lines.reduce((sum, l) => sum + l[key], 0));
    }
  });

  it('plans in yen without minor digits', () => {
    const tiers = [tier({ id: 'y', currency: 'JPY', priceMinor: 500, status: 'active' })];
    const result = plan({ tiers, expectedSubscribers: { y: 3 }, rule: itRule });
    expect(result.currency).toBe('JPY');
    expect(amounts(result.lines[0]!)).toEqual([1500, 450, 525, 0, 525]);
  });

  describe('Super Fan', () => {
    const superFan: SuperFan = { ...defaultSuperFan, offered: true };

    it('is a line of its own at its price in the plan\'s currency, its own share and no bonus, added to the total', () => {
      const result = plan({ superFan, expectedSuperFans: 20, bonusPercent: 20 });
      // 9.99 x 20 = 199.80; fee 59.94; left 139.86; 50% = 69.93; TikTok names no bonus for it.
      expect(result.superFan).toMatchObject({ id: SUPER_FAN, priceMinor: 999 });
      expect(amounts(result.superFan!)).toEqual([19980, 5994, 6993, 0, 6993]);
      expect(result.total.gross).toBe(result.subscriptions.gross + 19980);
      expect(result.total.withBonus).toBe(result.subscriptions.withBonus + 6993);
      expect(result.total.subscribers).toBe(110 + 20);
    });

    it('is left out when not offered, and reported when it has no price in the plan\'s currency', () => {
      expect(plan({ superFan: defaultSuperFan, expectedSuperFans: 20 })).toMatchObject({ superFan: null, superFanPriceMissing: false });
      const eur = [tier({ id: 'e', currency: 'EUR', priceMinor: 499, status: 'active' })];
      const noEuro: SuperFan = { ...superFan, prices: [{ currency: 'USD', priceMinor: 999 }] };
      const result = plan({ tiers: eur, expectedSubscribers: { e: 1 }, superFan: noEuro, expectedSuperFans: 5 });
      expect(result).toMatchObject({ superFan: null, superFanPriceMissing: true });
      expect(result.total).toEqual(result.subscriptions);
    });

    it('pays the store fee on its in-app purchases like the tiers', () => {
      const web = plan({ superFan, expectedSuperFans: 10, inAppPercent: 0 });
      expect(amounts(web.superFan!)).toEqual([9990, 0, 4995, 0, 4995]);
    });
  });

  it('property: every line adds up, no amount is negative, and the bonus only adds', () => {
    const ruleArb = fc.record({
      id: fc.constant('r'),
      name: fc.constant('Rule'),
      markets: fc.constant<string[]>(['*']),
      creatorSharePercent: fc.double({ min: 0, max: 100, noNaN: true }),
      afterAppStoreFees: fc.boolean(),
      bonusMaxPercent: fc.double({ min: 0, max: 100, noNaN: true }),
    });
    const linesArb = fc.array(
      fc.record({ price: fc.integer({ min: 1, max: MAX_PRICE_MINOR }), subscribers: fc.integer({ min: 0, max: 1_000_000 }) }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(
        ruleArb,
        linesArb,
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: -10, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (rule, lines, fee, bonus, inAppPercent, superFans) => {
          const tiers: Tier[] = lines.map((l, i) => tier({ id: `t${i}`, priceMinor: l.price, position: i }));
          const expected = Object.fromEntries(lines.map((l, i) => [`t${i}`, l.subscribers]));
          const superFan: SuperFan = { ...defaultSuperFan, offered: true };
          const input = { tiers, expectedSubscribers: expected, rule, appStoreFeePercent: fee, inAppPercent, bonusPercent: bonus, superFan, expectedSuperFans: superFans };
          const result = planRevenue(input);
          for (const line of [...result.lines, ...(result.superFan ? [result.superFan] : [])]) {
            expect(line.withBonus).toBe(line.base + line.bonus);
            // What the creator gets and the store keeps never exceed the gross: the platform's part is not negative.
            expect(line.withBonus + line.appStoreFees).toBeLessThanOrEqual(line.gross);
            expect(line.appStoreFees).toBeLessThanOrEqual(Math.round((line.gross * fee) / 100));
            for (const amount of [line.base, line.bonus, line.appStoreFees]) {
              expect(amount).toBeGreaterThanOrEqual(0);
              expect(Number.isInteger(amount)).toBe(true);
            }
          }
          const lineSum = result.lines.reduce((sum, l) => sum + l.withBonus, 0);
          expect(result.subscriptions.withBonus).toBe(lineSum);
          expect(result.total.withBonus).toBe(lineSum + (result.superFan?.withBonus ?? 0));
          expect(planRevenue({ ...input, bonusPercent: 0 }).total.base).toBe(result.total.base);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('planWorkspace', () => {
  const tiers = [tier({ id: 'fan', currency: 'USD', priceMinor: 499, status: 'active' })];
  const settingsWith = (appStoreFeePercent: number) => ({
    ...workspace().settings,
    planner: { appStoreFeePercent, bonusPercent: 0, expectedSubscribers: { fan: 100 }, inAppPercentByMarket: {}, expectedSuperFans: 0 },
  });

  it('uses the profile\'s market rule and the saved planner settings', () => {
    const us = workspace(tiers, [], { profile: { ...profile, market: 'US' }, settings: settingsWith(30) });
    expect(planWorkspace(us).rule.id).toBe('us-ca');
    expect(planWorkspace(us).total.withBonus).toBe(24451);
    const it_ = workspace(tiers, [], { profile, settings: settingsWith(0) });
    expect(planWorkspace(it_).rule.id).toBe('elsewhere');
    expect(planWorkspace(it_).total.withBonus).toBe(24950);
  });

  it('falls back to the catch-all rule without a profile', () => {
    expect(planWorkspace(workspace(tiers, [], { settings: settingsWith(30) })).rule.id).toBe('elsewhere');
  });

  it('reads the in-app share of the creator\'s market, and counts Super Fan when offered', () => {
    const settings = settingsWith(30);
    settings.planner = { ...settings.planner, inAppPercentByMarket: { US: 50, IT: 0 }, expectedSuperFans: 10 };
    const us = workspace(tiers, [], { profile: { ...profile, market: 'US' }, settings, superFan: { ...defaultSuperFan, offered: true } });
    const result = planWorkspace(us);
    expect(result.inAppPercent).toBe(50);
    // 499.00, half bought in the app: fee 74.85; left 424.15; 70% = 296.91 (296.905).
    expect(amounts(result.lines[0]!)).toEqual([49900, 7485, 29691, 0, 29691]);
    expect(result.superFan?.subscribers).toBe(10);
  });
});

describe('planFromRoster', () => {
  const tiers = [
    tier({ id: 'fan', currency: 'USD', priceMinor: 499, position: 0, status: 'active' }),
    tier({ id: 'vip', currency: 'USD', priceMinor: 999, position: 1, status: 'active' }),
    tier({ id: 'old', currency: 'USD', priceMinor: 299, position: 2, status: 'archived' }),
  ];
  const ws = workspace(tiers, [], { profile: { ...profile, market: 'US' }, superFan: { ...defaultSuperFan, offered: true } });
  ws.settings.planner = { ...ws.settings.planner, expectedSubscribers: { fan: 100, vip: 10 }, expectedSuperFans: 50 };

  it('sets each planned tier\'s active subscribers against the expected ones', () => {
    const { tiers: compared } = planFromRoster(ws, { fan: 80, vip: 12, old: 7 });
    expect(compared).toEqual([
      { id: 'fan', expected: 100, active: 80, difference: -20 },
      { id: 'vip', expected: 10, active: 12, difference: 2 },
    ]);
  });

  it('estimates the month from the roster under the same rule, without Super Fans, whom the roster does not hold', () => {
    const { plan } = planFromRoster(ws, { fan: 100, vip: 10 });
    const planned = planWorkspace(ws);
    expect(plan.superFan).toBeNull();
    expect(plan.total).toEqual(planned.subscriptions);
    expect(planFromRoster(ws, {}).plan.total.withBonus).toBe(0);
  });
});
