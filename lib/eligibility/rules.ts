// Eligibility rules as data: TikTok changes its thresholds and markets differ, so every number and
// window here is something the creator can edit, validated by these schemas.
import * as z from 'zod/mini';
import '../domain/zod-messages';
import { idSchema, line } from '../domain/text';
import { uniqueBy } from '../domain/unique';
import { t } from '../i18n';

/**
 * Which days a count is taken over:
 * - 'rolling-30-days': the 30 days ending on the newest day with data (that day included);
 * - 'calendar-month': the previous complete calendar month ("last month"), 1st to last day.
 */
export const windows = ['rolling-30-days', 'calendar-month'] as const;
export type CountWindow = (typeof windows)[number];

export const MAX_THRESHOLD = 1_000_000_000_000;
export const MAX_REQUIREMENTS = 10;

const threshold = z.int().check(z.gte(0), z.lte(MAX_THRESHOLD));
const windowSchema = z.enum(windows);

/** One condition to meet. Age (18+) and good standing are confirmations by the creator. */
export const requirementSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('age') }),
  z.object({ kind: z.literal('good-standing') }),
  z.object({ kind: z.literal('followers'), min: threshold }),
  z.object({ kind: z.literal('video-views'), min: threshold, window: windowSchema }),
  z.object({ kind: z.literal('subscriber-only-posts'), min: threshold, window: windowSchema }),
]);
export type Requirement = z.infer<typeof requirementSchema>;
export type RequirementKind = Requirement['kind'];

/** What makes two requirements the same one: the kind, and the window for counts that have one. */
export function requirementKey(requirement: Requirement): string {
  return 'window' in requirement ? `${requirement.kind}:${requirement.window}` : requirement.kind;
}

export const requirementsSchema = z.array(requirementSchema).check(
  z.minLength(1),
  z.maxLength(MAX_REQUIREMENTS),
  uniqueBy<Requirement>({
    list: 'requirements',
    key: requirementKey,
    field: ['kind'],
    message: (_, first) => t('err.elig.duplicateRequirement', { first }),
  }),
);

/** A month, 'YYYY-MM'. */
const monthSchema = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/));

/** A named set of requirements the creator picks, e.g. "TikTok Subscription". */
export const eligibilityProfileSchema = z.object({
  id: idSchema,
  name: line(1, 60),
  requirements: requirementsSchema,
  /** A programme TikTok no longer runs: kept, with why, for creators who still read its numbers. */
  retired: z.optional(z.object({ since: monthSchema, note: line(1, 300) })),
});
export type EligibilityProfile = z.infer<typeof eligibilityProfileSchema>;

/** The revenue bonus conditions of some markets; `markets: ['*']` is the rule for everywhere else. */
export const bonusConditionsSchema = z.object({
  id: idSchema,
  name: line(1, 60),
  markets: z.array(z.string().check(z.regex(/^([A-Z]{2}|\*)$/))).check(z.minLength(1), z.maxLength(300)),
  requirements: requirementsSchema,
});
export type BonusConditions = z.infer<typeof bonusConditionsSchema>;

export const TIKTOK_SUBSCRIPTION_ID = 'tiktok-subscription';
export const LIVE_SUBSCRIPTION_2022_ID = 'live-subscription-2022';

export const LIVE_SUBSCRIPTION_RETIREMENT = {
  since: '2025-09',
  note: 'TikTok replaced LIVE subscriptions with Super Fan, a LIVE-only membership at one price, in September 2025.',
};

export const defaultEligibilityProfiles: EligibilityProfile[] = [
  {
    id: TIKTOK_SUBSCRIPTION_ID,
    name: 'TikTok Subscription',
    requirements: [
      { kind: 'age' },
      { kind: 'good-standing' },
      { kind: 'followers', min: 10_000 },
      { kind: 'video-views', min: 100_000, window: 'rolling-30-days' },
    ],
  },
  {
    id: LIVE_SUBSCRIPTION_2022_ID,
    name: 'LIVE Subscription 2022',
    requirements: [{ kind: 'age' }, { kind: 'followers', min: 1_000 }],
    retired: LIVE_SUBSCRIPTION_RETIREMENT,
  },
];

// TikTok's terms as of late 2025: the bonus of up to 20 points depends on the previous calendar month.
export const ELSEWHERE_BONUS_ID = 'elsewhere';

export const defaultBonusConditions: BonusConditions[] = [
  {
    id: 'us-ca',
    name: 'United States and Canada',
    markets: ['US', 'CA'],
    requirements: [
      { kind: 'followers', min: 10_000 },
      { kind: 'video-views', min: 100_000, window: 'calendar-month' },
      { kind: 'subscriber-only-posts', min: 3, window: 'calendar-month' },
    ],
  },
  {
    id: ELSEWHERE_BONUS_ID,
    name: 'Other markets',
    markets: ['*'],
    requirements: [
      { kind: 'followers', min: 10_000 },
      { kind: 'video-views', min: 1_000_000, window: 'calendar-month' },
    ],
  },
];

/** The rule for other markets as Tierkit shipped it before it named the followers condition. */
export const ELSEWHERE_BONUS_BEFORE_FOLLOWERS: BonusConditions = {
  id: ELSEWHERE_BONUS_ID,
  name: 'Other markets',
  markets: ['*'],
  requirements: [{ kind: 'video-views', min: 1_000_000, window: 'calendar-month' }],
};

/** The bonus conditions that apply in a market: the ones naming it, else the '*' ones. */
export function bonusConditionsFor(conditions: BonusConditions[], market: string): BonusConditions | undefined {
  return conditions.find((c) => c.markets.includes(market)) ?? conditions.find((c) => c.markets.includes('*'));
}
