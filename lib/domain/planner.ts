// The price planner: from prices and expected subscribers, what a month brings in, for the tiers
// (Subscriptions) and for Super Fan, with and without the bonus; and the same month from the roster.
import type { RevenueRule, SuperFan, Tier, Workspace } from './schema';
import { sortTiers } from './offer';

/** One product's month, in minor units of the plan's currency. */
export interface PlanAmounts {
  subscribers: number;
  gross: number;
  /** What the app stores keep: their fee on the purchases made in the app only. */
  appStoreFees: number;
  /** The creator's base share: the net without the bonus. */
  base: number;
  bonus: number;
  /** The net with the bonus: base + bonus. */
  withBonus: number;
}
export interface PlanLine extends PlanAmounts {
  /** The tier's id, or SUPER_FAN. */
  id: string;
  priceMinor: number;
}
export interface Plan {
  currency: string | null;
  rule: RevenueRule;
  bonusPercent: number;
  inAppPercent: number;
  /** The tiers that are not archived, in their order. */
  lines: PlanLine[];
  subscriptions: PlanAmounts;
  /** Super Fan, when it is offered and has a price in the plan's currency. */
  superFan: PlanLine | null;
  /** Super Fan is offered but has no price in the plan's currency. */
  superFanPriceMissing: boolean;
  /** Subscriptions and Super Fan together. */
  total: PlanAmounts;
}

export const SUPER_FAN = 'super-fan';

/** The revenue rule of a market: the first naming it, else the catch-all ('*'). */
export function revenueRuleFor(rules: readonly RevenueRule[], market: string): RevenueRule {
  return rules.find((r) => r.markets.includes(market)) ?? rules.find((r) => r.markets.includes('*')) ?? rules[0]!;
}

interface Share {
  creatorSharePercent: number;
  afterAppStoreFees: boolean;
}

/**
 * One line. The app store takes its fee from the purchases made in the app; the creator's share (and
 * the bonus) applies to what is left, or to the gross when the share says so, and never exceeds what
 * is left; the platform keeps the rest. Amounts are rounded once per line, so a total is the sum of
 * what its lines show.
 */
function lineOf(
  id: string,
  priceMinor: number,
  subscribers: number,
  share: Share,
  fees: { appStoreFeePercent: number; inAppPercent: number },
  bonusPercent: number,
): PlanLine {
  const gross = priceMinor * subscribers;
  const appStoreFees = Math.round((gross * fees.inAppPercent * fees.appStoreFeePercent) / 10_000);
  const left = gross - appStoreFees;
  const basis = share.afterAppStoreFees ? left : gross;
  const base = Math.min(Math.round((basis * share.creatorSharePercent) / 100), left);
  const bonus = Math.min(Math.round((basis * bonusPercent) / 100), left - base);
  return { id, priceMinor, subscribers, gross, appStoreFees, base, bonus, withBonus: base + bonus };
}

function sum(lines: readonly PlanAmounts[]): PlanAmounts {
  const total: PlanAmounts = { subscribers: 0, gross: 0, appStoreFees: 0, base: 0, bonus: 0, withBonus: 0 };
  for (const line of lines) for (const key of Object.keys(total) as (keyof PlanAmounts)[]) total[key] += line[key];
  return total;
}

export interface PlanInput {
  tiers: readonly Tier[];
  expectedSubscribers: Record<string, number>;
  rule: RevenueRule;
  appStoreFeePercent: number;
  /** The share of purchases made in the app, which alone pay the store's fee; 100 when left out. */
  inAppPercent?: number;
  bonusPercent: number;
  /** Left out, or not offered: the plan is of Subscriptions alone. TikTok names no bonus for Super Fan. */
  superFan?: SuperFan | null;
  expectedSuperFans?: number;
}

export function planRevenue(input: PlanInput): Plan {
  const bonusPercent = Math.min(Math.max(input.bonusPercent, 0), input.rule.bonusMaxPercent);
  const inAppPercent = input.inAppPercent ?? 100;
  const fees = { appStoreFeePercent: input.appStoreFeePercent, inAppPercent };
  const tiers = sortTiers(input.tiers.filter((tier) => tier.status !== 'archived'));
  const currency = tiers[0]?.currency ?? null;
  const lines = tiers.map((tier) =>
    lineOf(tier.id, tier.priceMinor, input.expectedSubscribers[tier.id] ?? 0, input.rule, fees, bonusPercent),
  );
  const offered = input.superFan?.offered ? input.superFan : null;
  const price = offered?.prices.find((p) => p.currency === currency);
  const superFan = offered && price ? lineOf(SUPER_FAN, price.priceMinor, input.expectedSuperFans ?? 0, offered, fees, 0) : null;
  const subscriptions = sum(lines);
  return {
    currency,
    rule: input.rule,
    bonusPercent,
    inAppPercent,
    lines,
    subscriptions,
    superFan,
    superFanPriceMissing: Boolean(offered && currency && !price),
    total: superFan ? sum([subscriptions, superFan]) : subscriptions,
  };
}

/** The plan for a workspace as saved: its market's rule, its in-app share and the planner settings. */
export function planWorkspace(ws: Workspace): Plan {
  const { planner } = ws.settings;
  const market = ws.profile?.market ?? '*';
  return planRevenue({
    tiers: ws.tiers,
    expectedSubscribers: planner.expectedSubscribers,
    rule: revenueRuleFor(ws.revenueRules, market),
    appStoreFeePercent: planner.appStoreFeePercent,
    inAppPercent: planner.inAppPercentByMarket[market],
    bonusPercent: planner.bonusPercent,
    superFan: ws.superFan,
    expectedSuperFans: planner.expectedSuperFans,
  });
}

export interface TierAgainstPlan {
  id: string;
  expected: number;
  active: number;
  /** active - expected: above the plan when positive. */
  difference: number;
}

/**
 * This month from the roster: each planned tier's active subscribers against the expected ones, and
 * what those subscribers bring in under the same rule and assumptions. Super Fans are not on the
 * roster, so the estimate is of Subscriptions alone.
 */
export function planFromRoster(ws: Workspace, active: Record<string, number>): { tiers: TierAgainstPlan[]; plan: Plan } {
  const planned = planWorkspace(ws);
  const plan = planWorkspace({
    ...ws,
    superFan: { ...ws.superFan, offered: false },
    settings: { ...ws.settings, planner: { ...ws.settings.planner, expectedSubscribers: active } },
  });
  const tiers = planned.lines.map(({ id, subscribers: expected }) => {
    const count = active[id] ?? 0;
    return { id, expected, active: count, difference: count - expected };
  });
  return { tiers, plan };
}
