// The background's answers about the creator's roster, for the options page. Apart from schemas.ts
// because they carry subscriber records: the popup, which imports schemas.ts, then bundles none of the
// roster's schemas and messages.
import * as z from 'zod/mini';
import { subscriberSchema, subscriberStatuses } from '../roster/schema';
import { historySchema } from './schemas';
import { subscriberOnlyPostSchema } from '../domain/posts';

export const rosterPageSchema = z.object({
  /** Records that pass the filter. */
  total: z.int(),
  rows: z.array(subscriberSchema),
});
export type RosterPage = z.infer<typeof rosterPageSchema>;

export const removedSchema = z.object({ removed: z.array(subscriberSchema) });

/** `roster.save`: the id of the record saved (new for a subscriber added). */
export const savedSubscriberSchema = z.object({ id: z.string() });

/** `roster.get`: the record as stored now, null when it is no longer on the roster. */
export const storedSubscriberSchema = z.nullable(subscriberSchema);

const rosterImportRowSchema = z.object({
  row: z.int(),
  handle: z.optional(z.string()),
  nickname: z.optional(z.string()),
  tierId: z.string(),
  since: z.string(),
  monthsOverride: z.optional(z.int()),
  status: z.enum(subscriberStatuses),
  change: z.enum(['new', 'updated', 'unchanged']),
});

export const rosterImportAnswerSchema = z.union([
  z.object({
    ok: z.literal(true),
    summary: z.object({ new: z.int(), updated: z.int(), unchanged: z.int() }),
    /** The first rows, for the preview table. */
    rows: z.array(rosterImportRowSchema),
    applied: z.boolean(),
  }),
  z.object({
    ok: z.literal(false),
    problems: z.array(
      z.object({ file: z.string(), row: z.nullable(z.int()), field: z.nullable(z.string()), message: z.string() }),
    ),
  }),
]);
export type RosterImportAnswer = z.infer<typeof rosterImportAnswerSchema>;

/**
 * One part of what a backup holds besides the workspace (`backup.data`): the recorded numbers and the
 * posts log with the first part, and BACKUP_PART subscribers from `offset`, of `total`. `generation` is the roster's: when
 * it moves between parts, the roster changed while it was read, and the parts do not fit together.
 */
export const backupDataSchema = z.object({
  stats: z.nullable(historySchema),
  /** The posts log, with the first part as the recorded numbers. */
  posts: z.nullable(z.array(subscriberOnlyPostSchema)),
  subscribers: z.array(subscriberSchema),
  total: z.int(),
  generation: z.int(),
});
export type BackupData = z.infer<typeof backupDataSchema>;

/** One part of the roster as CSV (`roster.export`): the header with the first part, then BACKUP_PART rows a part. */
export const rosterCsvPartSchema = z.object({
  fileName: z.string(),
  text: z.string(),
  count: z.int(),
  total: z.int(),
  generation: z.int(),
});
export type RosterCsvPart = z.infer<typeof rosterCsvPartSchema>;
