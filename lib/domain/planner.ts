// The price planner: from prices and expected subscribers, what a month brings in.
import type { RevenueRule, Tier, Workspace } from './schema';
import { sortTiers } from './offer';

export interface PlanLine {
  tierId: string;
  subscribers: number;
  gross: number;
  appStoreFees: number;
  platformShare: number;
  bonus: number;
  net: number;
}
export interface Plan {
  currency: string | null;
  rule: RevenueRule;
  bonusPercent: number;
  lines: PlanLine[];
  total: Omit<PlanLine, 'tierId'>;
}

/** The revenue rule of a market: the first naming it, else the catch-all ('*'). */
export function revenueRuleFor(rules: readonly RevenueRule[], market: string): RevenueRule {
  return rules.find((r) => r.markets.includes(market)) ?? rules.find((r) => r.markets.includes('*')) ?? rules[0]!;
}

/**
 * One month, in minor units of the tiers' currency. The app store takes its fee from the gross; the
 * creator's share (plus the bonus, at most the rule's maximum) applies to what is left, or to the gross
 * when the rule says so; the platform keeps the rest. Amounts are rounded once per line, so the total is
 * the sum of what the lines show.
 */
export function planRevenue(input: {
  tiers: readonly Tier[];
  expectedSubscribers: Record<string, number>;
  rule: RevenueRule;
  appStoreFeePercent: number;
  bonusPercent: number;
}): Plan {
  const bonusPercent = Math.min(Math.max(input.bonusPercent, 0), input.rule.bonusMaxPercent);
  const sharePercent = Math.min(input.rule.creatorSharePercent + bonusPercent, 100);
  const tiers = sortTiers(input.tiers.filter((tier) => tier.status !== 'archived'));
  const lines = tiers.map((tier): PlanLine => {
    const subscribers = input.expectedSubscribers[tier.id] ?? 0;
    const gross = tier.priceMinor * subscribers;
    const appStoreFees = Math.round((gross * input.appStoreFeePercent) / 100);
    const base = input.rule.afterAppStoreFees ? gross - appStoreFees : gross;
    const creator = Math.min(Math.round((base * sharePercent) / 100), gross - appStoreFees);
    const bonus = Math.min(Math.round((base * bonusPercent) / 100), creator);
    return {
      tierId: tier.id,
      subscribers,
      gross,
      appStoreFees,
      platformShare: gross - appStoreFees - creator,
      bonus,
      net: creator,
    };
  });
  const sum = (key: keyof Omit<PlanLine, 'tierId'>) => lines.reduce((acc, l) => acc + l[key], 0);
  return {
    currency: tiers[0]?.currency ?? null,
    rule: input.rule,
    bonusPercent,
    lines,
    total: {
      subscribers: sum('subscribers'),
      gross: sum('gross'),
      appStoreFees: sum('appStoreFees'),
      platformShare: sum('platformShare'),
      bonus: sum('bonus'),
      net: sum('net'),
    },
  };
}

/** The plan for a workspace as saved: its market's rule and the planner settings. */
export function planWorkspace(ws: Workspace): Plan {
  return planRevenue({
    tiers: ws.tiers,
    expectedSubscribers: ws.settings.planner.expectedSubscribers,
    rule: revenueRuleFor(ws.revenueRules, ws.profile?.market ?? '*'),
    appStoreFeePercent: ws.settings.planner.appStoreFeePercent,
    bonusPercent: ws.settings.planner.bonusPercent,
  });
}
