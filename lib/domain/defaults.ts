// What a new workspace starts with. All of it is data the creator can edit in Settings.
import { defaultBonusConditions, defaultEligibilityProfiles } from '../eligibility/rules';
import { defaultSuperFan, type PricePoints, type RevenueRule, type RulesProfile, type Settings, type Workspace } from './schema';

export const DEFAULT_RULES_PROFILE_ID = 'tiktok-subscription';

export const defaultRulesProfiles: RulesProfile[] = [
  { id: DEFAULT_RULES_PROFILE_ID, name: 'TikTok Subscription', maxActiveTiers: 3 },
];

// Seen in the wild: $2.99, $4.99, $5.99, $9.99, £4.99. Other currencies follow the same steps.
const points = (currency: string, suggested: number[], min: number, max: number): PricePoints => ({
  currency,
  suggested,
  min,
  max,
});
/** The rupiah points as versions up to 8 seeded them: a hundredth of the prices meant (Rp 290 to Rp 1.990). */
export const IDR_POINTS_BEFORE_MINOR_UNITS: PricePoints = points('IDR', [29000, 49000, 59000, 99000, 149000, 199000], 10000, 1500000);

export const defaultPricePoints: PricePoints[] = [
  points('USD', [299, 499, 599, 999, 1499, 1999, 2499], 99, 9999),
  points('CAD', [399, 699, 799, 1399, 1999, 2799], 99, 13999),
  points('EUR', [299, 499, 599, 999, 1499, 1999, 2499], 99, 9999),
  points('GBP', [299, 499, 599, 999, 1499, 1999], 99, 8999),
  points('CHF', [300, 500, 600, 1000, 1500, 2000], 100, 10000),
  points('AUD', [449, 749, 899, 1499, 2299, 2999], 149, 14999),
  points('NZD', [499, 849, 999, 1699, 2499, 3299], 149, 16999),
  points('SEK', [3500, 5500, 6500, 11000, 16500, 22000], 1000, 110000),
  points('NOK', [3500, 5500, 6500, 11000, 16500, 22000], 1000, 110000),
  points('DKK', [2200, 3700, 4500, 7500, 11000, 15000], 700, 75000),
  points('PLN', [1299, 1999, 2499, 3999, 5999, 7999], 399, 39999),
  points('BRL', [990, 1490, 1990, 2990, 4990, 9990], 490, 49990),
  points('MXN', [4900, 8900, 9900, 17900, 24900, 34900], 1500, 179900),
  points('JPY', [300, 500, 800, 1500, 2500, 3000], 100, 15000),
  points('KRW', [3900, 6500, 7900, 13000, 19000, 25000], 1200, 130000),
  // Rupiah have two minor digits like cents, though prices are written without them: Rp 49.000 is 4900000.
  points('IDR', [2900000, 4900000, 5900000, 9900000, 14900000, 19900000], 1000000, 99900000),
  points('TRY', [4999, 9999, 14999, 24999, 39999], 1999, 299999),
];

export const defaultRevenueRules: RevenueRule[] = [
  {
    id: 'us-ca',
    name: 'United States and Canada',
    markets: ['US', 'CA'],
    creatorSharePercent: 70,
    afterAppStoreFees: true,
    bonusMaxPercent: 20,
  },
  {
    id: 'elsewhere',
    name: 'Other markets',
    markets: ['*'],
    creatorSharePercent: 50,
    afterAppStoreFees: true,
    bonusMaxPercent: 20,
  },
];

export const defaultSettings: Settings = {
  theme: 'system',
  language: 'auto',
  rulesProfileId: DEFAULT_RULES_PROFILE_ID,
  eligibilityProfileId: 'tiktok-subscription',
  notifications: true,
  bonusReminderDays: 5,
  planner: { appStoreFeePercent: 30, bonusPercent: 20, expectedSubscribers: {}, inAppPercentByMarket: {}, expectedSuperFans: 0 },
};

export function emptyWorkspace(): Workspace {
  return {
    profile: null,
    tiers: [],
    perks: [],
    settings: structuredClone(defaultSettings),
    rulesProfiles: structuredClone(defaultRulesProfiles),
    pricePoints: structuredClone(defaultPricePoints),
    revenueRules: structuredClone(defaultRevenueRules),
    eligibilityProfiles: structuredClone(defaultEligibilityProfiles),
    bonusConditions: structuredClone(defaultBonusConditions),
    superFan: structuredClone(defaultSuperFan),
  };
}
