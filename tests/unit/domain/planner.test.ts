import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planRevenue, planWorkspace, revenueRuleFor } from '@/lib/domain/planner';
import { defaultRevenueRules } from '@/lib/domain/defaults';
import type { RevenueRule, Tier } from '@/lib/domain/schema';
import { MAX_PRICE_MINOR } from '@/lib/domain/schema';
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
const amounts = (line: { gross: number; appStoreFees: number; platformShare: number; bonus: number; net: number }) => [
  line.gross,
  line.appStoreFees,
  line.platformShare,
  line.bonus,
  line.net,
];

describe('revenueRuleFor', () => {
  it('finds the rule naming the market, else the catch-all', () => {
    expect(revenueRuleFor(defaultRevenueRules, 'US').id).toBe('us-ca');
    expect(revenueRuleFor(defaultRevenueRules, 'CA').id).toBe('us-ca');
    expect(revenueRuleFor(defaultRevenueRules, 'IT').id).toBe('elsewhere');
    expect(revenueRuleFor(defaultRevenueRules, '*').id).toBe('elsewhere');
  });
});

describe('planRevenue', () => {
  // gross, app-store fees, platform share, bonus, net; worked out by hand.
  it('US: 70% of what the app store leaves', () => {
    const result = plan();
    // 4.99 x 100 = 499.00; fee 30% = 149.70; left 349.30; 70% = 244.51 (244.510).
    expect(amounts(result.lines[0]!)).toEqual([49900, 14970, 10479, 0, 24451]);
    // 9.99 x 10 = 99.90; fee 29.97; left 69.93; 70% = 48.951 -> 48.95.
    expect(amounts(result.lines[1]!)).toEqual([9990, 2997, 2098, 0, 4895]);
    expect(result.total).toEqual({ subscribers: 110, gross: 59890, appStoreFees: 17967, platformShare: 12577, bonus: 0, net: 29346 });
    expect(result.currency).toBe('USD');
  });

  it('IT: 50%, halves rounded once per line', () => {
    const result = plan({ rule: itRule });
    expect(amounts(result.lines[0]!)).toEqual([49900, 14970, 17465, 0, 17465]);
    // 69.93 / 2 = 34.965 -> 34.97 to the creator, 34.96 to the platform.
    expect(amounts(result.lines[1]!)).toEqual([9990, 2997, 3496, 0, 3497]);
  });

  it('caps the bonus at the rule\'s maximum', () => {
    const capped = plan({ bonusPercent: 50 });
    expect(capped.bonusPercent).toBe(20);
    // 90% of 349.30 = 314.37, of which the 20% bonus is 69.86.
    expect(amounts(capped.lines[0]!)).toEqual([49900, 14970, 3493, 6986, 31437]);
    expect(plan({ bonusPercent: 10 }).lines[0]!.bonus).toBe(3493);
    expect(plan({ bonusPercent: -5 }).bonusPercent).toBe(0);
  });

  it('with no app-store fee the share applies to the whole gross', () => {
    expect(amounts(plan({ appStoreFeePercent: 0 }).lines[0]!)).toEqual([49900, 0, 14970, 0, 34930]);
  });

  it('a share of the gross never exceeds what the app store leaves', () => {
    const rule: RevenueRule = { ...usRule, afterAppStoreFees: false, creatorSharePercent: 90 };
    expect(amounts(plan({ rule }).lines[0]!)).toEqual([49900, 14970, 0, 0, 34930]);
    const fair: RevenueRule = { ...usRule, afterAppStoreFees: false, creatorSharePercent: 50 };
    expect(amounts(plan({ rule: fair }).lines[0]!)).toEqual([49900, 14970, 9980, 0, 24950]);
  });

  it('counts zero for tiers without an expected subscriber count', () => {
    const result = plan({ expectedSubscribers: {} });
    expect(result.lines.map((l) => [l.tierId, ...amounts(l)])).toEqual([
      ['fan', 0, 0, 0, 0, 0],
      ['vip', 0, 0, 0, 0, 0],
    ]);
    expect(result.total.net).toBe(0);
  });

  it('leaves archived tiers out and lists the rest by position', () => {
    const tiers = [
      tier({ id: 'late', currency: 'USD', priceMinor: 999, position: 2 }),
      tier({ id: 'old', currency: 'USD', priceMinor: 299, position: 0, status: 'archived' }),
      tier({ id: 'first', currency: 'USD', priceMinor: 499, position: 1 }),
    ];
    const result = plan({ tiers, expectedSubscribers: { late: 1, old: 1000, first: 1 } });
    expect(result.lines.map((l) => l.tierId)).toEqual(['first', 'late']);
    expect(result.total.gross).toBe(1498);
  });

  it('has no currency when there are no tiers', () => {
    expect(plan({ tiers: [] })).toMatchObject({ currency: null, lines: [], total: { gross: 0, net: 0 } });
  });

  it('totals are the sum of the rounded lines', () => {
    const tiers = [333, 334, 335].map((priceMinor, position) => tier({ id: `t${position}`, currency: 'USD', priceMinor, position }));
    const result = plan({ tiers, expectedSubscribers: { t0: 1, t1: 1, t2: 1 }, rule: itRule });
    // 3.33: fee 1.00 (0.999), left 2.33, half 1.17 (1.165).
    expect(amounts(result.lines[0]!)).toEqual([333, 100, 116, 0, 117]);
    for (const key of ['gross', 'appStoreFees', 'platformShare', 'bonus', 'net'] as const) {
      expect(result.total[key]).toBe(result.lines.reduce((sum, l) => sum + l[key], 0));
    }
  });

  it('plans in yen without minor digits', () => {
    const tiers = [tier({ id: 'y', currency: 'JPY', priceMinor: 500, status: 'active' })];
    const result = plan({ tiers, expectedSubscribers: { y: 3 }, rule: itRule });
    expect(result.currency).toBe('JPY');
    expect(amounts(result.lines[0]!)).toEqual([1500, 450, 525, 0, 525]);
  });

  it('property: every line adds up and no net is negative', () => {
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
      fc.property(ruleArb, linesArb, fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: -10, max: 100, noNaN: true }), (rule, lines, fee, bonus) => {
        const tiers: Tier[] = lines.map((l, i) => tier({ id: `t${i}`, priceMinor: l.price, position: i }));
        const expected = Object.fromEntries(lines.map((l, i) => [`t${i}`, l.subscribers]));
        const result = planRevenue({ tiers, expectedSubscribers: expected, rule, appStoreFeePercent: fee, bonusPercent: bonus });
        for (const line of result.lines) {
          expect(line.net + line.platformShare + line.appStoreFees).toBe(line.gross);
          expect(line.net).toBeGreaterThanOrEqual(0);
          expect(line.platformShare).toBeGreaterThanOrEqual(0);
          expect(line.bonus).toBeLessThanOrEqual(line.net);
          expect(Number.isInteger(line.net) && Number.isInteger(line.appStoreFees)).toBe(true);
        }
        expect(result.total.net).toBe(result.lines.reduce((sum, l) => sum + l.net, 0));
      }),
      { numRuns: 300 },
    );
  });
});

describe('planWorkspace', () => {
  const tiers = [tier({ id: 'fan', currency: 'USD', priceMinor: 499, status: 'active' })];
  const settingsWith = (appStoreFeePercent: number) => ({
    ...workspace().settings,
    planner: { appStoreFeePercent, bonusPercent: 0, expectedSubscribers: { fan: 100 } },
  });

  it('uses the profile\'s market rule and the saved planner settings', () => {
    const us = workspace(tiers, [], { profile: { ...profile, market: 'US' }, settings: settingsWith(30) });
    expect(planWorkspace(us).rule.id).toBe('us-ca');
    expect(planWorkspace(us).total.net).toBe(24451);
    const it_ = workspace(tiers, [], { profile, settings: settingsWith(0) });
    expect(planWorkspace(it_).rule.id).toBe('elsewhere');
    expect(planWorkspace(it_).total.net).toBe(24950);
  });

  it('falls back to the catch-all rule without a profile', () => {
    expect(planWorkspace(workspace(tiers, [], { settings: settingsWith(30) })).rule.id).toBe('elsewhere');
  });
});
