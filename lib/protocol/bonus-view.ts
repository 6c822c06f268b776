// The month's bonus as the options page and the background read it: the whole of what the eligibility
// view carries under `bonus`, described here rather than in ./schemas.ts, so the popup, which reads only
// its one line (./bonus-line.ts), does not load it.
import * as z from 'zod/mini';
import { daySchema } from '../eligibility/dates';
import { bonusKinds, bonusStatuses } from './bonus-line';
import { eligibilityViewSchema, nonNegative } from './schemas';
import { ELIGIBILITY_KEY, type StoredKey } from './stored-keys';

const bonusResult = z.enum(['earned', 'missed', 'unknown']);

/** Conditions keep the order of the market's rule, so last month's line up with this month's by index. */
export const bonusViewSchema = z.object({
  status: bonusStatuses,
  /** Days left in the month, today included, and its last day. */
  daysLeft: z.int(),
  monthEnd: daySchema,
  conditions: z.array(
    z.object({
      kind: bonusKinds,
      value: z.nullable(nonNegative),
      threshold: nonNegative,
      missing: nonNegative,
      onTrack: z.boolean(),
      /** Views: each remaining day's average need; posts: what is left to post. */
      perDayNeeded: z.nullable(nonNegative),
      /** Days of the month so far without a number. */
      missingDays: z.int(),
    }),
  ),
  /** The index of the condition that needs attention first; null when all are met. */
  urgent: z.nullable(z.int()),
  lastMonth: z.object({ result: bonusResult, conditions: z.array(z.object({ met: z.boolean(), value: z.nullable(nonNegative) })) }),
  /** The complete months before this one, newest first. */
  history: z.array(z.object({ start: daySchema, result: bonusResult })),
  /** The month ('YYYY-MM') whose at-risk reminder was sent, so it is sent once. */
  reminded: z.optional(z.string()),
});
export type BonusView = z.infer<typeof bonusViewSchema>;

/** The eligibility view with its whole bonus; optional: views published before it. */
// A spread, not z.extend: Rollup would put extend in the chunk zod shares with the popup.
export const eligibilityWithBonusSchema = z.object({ ...eligibilityViewSchema.shape, bonus: z.optional(z.nullable(bonusViewSchema)) });
export type EligibilityWithBonus = z.infer<typeof eligibilityWithBonusSchema>;

/** The same stored eligibility view as storedEligibility, read with the whole bonus. */
export const storedEligibilityWithBonus: StoredKey<EligibilityWithBonus, null> = {
  key: ELIGIBILITY_KEY,
  schema: eligibilityWithBonusSchema,
  fallback: null,
};
