// What Tierkit records of the creator's own numbers: a snapshot of the profile (at most one an hour is
// taken, one a day is kept) and daily figures imported from TikTok Studio.
import * as z from 'zod/mini';
import { daySchema } from '../eligibility/dates';
import { handleSchema } from './schema';

const count = z.int().check(z.gte(0), z.lte(Number.MAX_SAFE_INTEGER));

export const snapshotSources = ['universal', 'sigi', 'next', 'visible', 'manual'] as const;

export const statSnapshotSchema = z.object({
  handle: handleSchema,
  /** UTC day of capturedAt: the key that keeps one snapshot a day. */
  day: daySchema,
  capturedAt: count,
  followers: count,
  following: z.optional(count),
  likes: z.optional(count),
  videoCount: z.optional(count),
  /** Sum of the view counts of the videos visible on the profile, and how many there were. */
  visibleViews: z.optional(count),
  visibleVideos: z.optional(count),
  /** Views in the last 30 days, when the creator typed them in (source 'manual'). */
  views30: z.optional(count),
  source: z.enum(snapshotSources),
  /** False when the numbers are rounded as displayed ("10.5K"). */
  precise: z.boolean(),
});
export type StatSnapshot = z.infer<typeof statSnapshotSchema>;

/** One day of Studio figures; null is a day the export marks `undefined`. */
export const dailyStatSchema = z.object({
  handle: handleSchema,
  date: daySchema,
  videoViews: z.optional(z.nullable(count)),
  followers: z.optional(z.nullable(count)),
  importedAt: count,
});
export type DailyStat = z.infer<typeof dailyStatSchema>;


/** A new snapshot is taken at most once an hour, unless the creator asks for one. */
export const CAPTURE_INTERVAL_MS = 60 * 60 * 1000;
