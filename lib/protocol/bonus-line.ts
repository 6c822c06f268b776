// What the popup's bonus line reads of the eligibility view's bonus: the status, and each condition's
// kind and what it still misses. Its own module, loaded with the line, so the popup's first render does
// not carry it.
import * as z from 'zod/mini';

export const bonusKinds = z.enum(['followers', 'video-views', 'subscriber-only-posts']);
export const bonusStatuses = z.enum(['met', 'on-track', 'at-risk']);

export const bonusLineSchema = z.object({
  status: bonusStatuses,
  /** The index of the condition that needs attention first; null when all are met. */
  urgent: z.nullable(z.int()),
  conditions: z.array(z.object({ kind: bonusKinds, missing: z.number().check(z.gte(0)) })),
});
export type BonusLine = z.infer<typeof bonusLineSchema>;
