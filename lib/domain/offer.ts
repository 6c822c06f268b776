// Rules that hold across the whole offer: what one record's schema cannot see.
import { t } from '../i18n';
import { formatMoney } from './currency';
import type { Problem } from './problems';
import type { Perk, PricePoints, RulesProfile, Tier, Workspace } from './schema';

export function sortTiers(tiers: readonly Tier[]): Tier[] {
  return [...tiers].sort((a, b) => a.position - b.position || a.createdAt - b.createdAt);
}

export function activeRules(ws: Pick<Workspace, 'rulesProfiles' | 'settings'>): RulesProfile {
  return ws.rulesProfiles.find((r) => r.id === ws.settings.rulesProfileId) ?? ws.rulesProfiles[0]!;
}

export function pricePointsFor(ws: Pick<Workspace, 'pricePoints'>, currency: string): PricePoints | undefined {
  return ws.pricePoints.find((p) => p.currency === currency);
}

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * Every problem of the offer as a whole, in a workspace that fits workspaceSchema (so no list repeats a
 * key); an empty list means it may be saved. `locale` formats prices.
 */
export function validateOffer(ws: Workspace, locale: string): Problem[] {
  const problems: Problem[] = [];
  const tiers = ws.tiers;
  const perkIds = new Set(ws.perks.map((p) => p.id));

  tiers.forEach((tier, i) => {
    const twin = tiers.findIndex((other, j) => j < i && sameName(other.name, tier.name));
    if (twin >= 0) problems.push({ path: ['tiers', i, 'name'], message: t('err.tierNameTaken', { name: tier.name }) });
    tier.perkIds.forEach((perkId, k) => {
      if (!perkIds.has(perkId)) problems.push({ path: ['tiers', i, 'perkIds', k], message: t('err.unknownPerk') });
    });
    const range = pricePointsFor(ws, tier.currency);
    if (range && (tier.priceMinor < range.min || tier.priceMinor > range.max)) {
      problems.push({
        path: ['tiers', i, 'priceMinor'],
        message: t('err.priceRange', {
          min: formatMoney(range.min, tier.currency, locale),
          max: formatMoney(range.max, tier.currency, locale),
        }),
      });
    }
  });

  const live = tiers.filter((tier) => tier.status !== 'archived');
  const currencies = new Set(live.map((tier) => tier.currency));
  if (currencies.size > 1) {
    const i = tiers.indexOf(live.find((tier) => tier.currency !== live[0]!.currency)!);
    problems.push({ path: ['tiers', i, 'currency'], message: t('err.mixedCurrencies') });
  }

  const rules = activeRules(ws);
  const active = sortTiers(tiers.filter((tier) => tier.status === 'active'));
  if (active.length > rules.maxActiveTiers) {
    const i = tiers.indexOf(active[rules.maxActiveTiers]!);
    problems.push({ path: ['tiers', i, 'status'], message: t('err.tooManyActive', { max: rules.maxActiveTiers }) });
  }
  for (let k = 1; k < active.length; k++) {
    const lower = active[k - 1]!;
    const higher = active[k]!;
    if (higher.priceMinor <= lower.priceMinor && higher.currency === lower.currency) {
      problems.push({
        path: ['tiers', tiers.indexOf(higher), 'priceMinor'],
        message: t('err.pricesMustRise', {
          higher: higher.name,
          higherPrice: formatMoney(higher.priceMinor, higher.currency, locale),
          lower: lower.name,
          lowerPrice: formatMoney(lower.priceMinor, lower.currency, locale),
        }),
      });
    }
  }

  if (!ws.rulesProfiles.some((r) => r.id === ws.settings.rulesProfileId)) {
    problems.push({ path: ['settings', 'rulesProfileId'], message: t('err.unknownRulesProfile') });
  }
  if (!ws.eligibilityProfiles.some((p) => p.id === ws.settings.eligibilityProfileId)) {
    problems.push({ path: ['settings', 'eligibilityProfileId'], message: t('err.unknownEligibilityProfile') });
  }
  if (!ws.revenueRules.some((r) => r.markets.includes('*'))) {
    problems.push({ path: ['revenueRules'], message: t('err.noFallbackRule') });
  }
  return problems;
}

export interface TierPerk {
  perk: Perk;
  /** The lower tier this perk comes from, when the tier inherits it. */
  inheritedFrom?: Tier;
}

/**
 * The perks a subscriber of `tier` gets: its own, then (when it includes lower tiers) those of every
 * non-archived tier below it that it does not already grant, each marked with where it comes from.
 */
export function effectivePerks(tier: Tier, tiers: readonly Tier[], perks: readonly Perk[]): TierPerk[] {
  const byId = new Map(perks.map((p) => [p.id, p]));
  const result: TierPerk[] = [];
  const granted = new Set<string>();
  for (const id of tier.perkIds) {
    const perk = byId.get(id);
    if (perk && !granted.has(id)) {
      granted.add(id);
      result.push({ perk });
    }
  }
  if (!tier.includesLowerTiers || tier.status === 'archived') return result;
  const below = sortTiers(tiers)
    .filter((other) => other.status !== 'archived' && other.position < tier.position)
    .reverse();
  for (const lower of below) {
    for (const id of lower.perkIds) {
      const perk = byId.get(id);
      if (perk && !granted.has(id)) {
        granted.add(id);
        result.push({ perk, inheritedFrom: lower });
      }
    }
  }
  return result;
}

/** 1-based badge level for a subscriber's cumulative months: 0 before the first step. */
export function tenureLevel(months: number, steps: readonly number[]): number {
  let level = 0;
  for (const step of steps) if (months >= step) level++;
  return level;
}
