// Answers about the Data section's counts and the signing key, checked by the options page. Apart from
// schemas.ts so that the popup does not bundle them.
import * as z from 'zod/mini';

/** The signing key as the Data section shows it. */
export const keyInfoSchema = z.object({
  fingerprint: z.string(),
  /** When the key was made (ms since 1970), kept through a backup and restore. */
  createdAt: z.int(),
  /** False for a key made before backups existed: its private half cannot be read out. */
  backupable: z.boolean(),
});
export type KeyInfo = z.infer<typeof keyInfoSchema>;

/** What "Delete all data" would remove besides the workspace (`data.summary`). */
export const dataSummarySchema = z.object({
  /** Every subscriber record kept (the creator's roster, under whatever handle it was made). */
  subscribers: z.int().check(z.gte(0)),
  /** Badge packs imported from other creators. */
  packs: z.int().check(z.gte(0)),
  /** Subscriber-only posts logged. */
  posts: z.int().check(z.gte(0)),
  /** Days with recorded numbers: a profile capture or a TikTok Studio day, counted once. */
  statDays: z.int().check(z.gte(0)),
  /** The pack-signing key; null when there is none, or it cannot be read. */
  signingKey: z.nullable(keyInfoSchema),
});
export type DataSummary = z.infer<typeof dataSummarySchema>;

/** The encrypted key backup to save (`key.backup`). */
export const keyBackupFileSchema = z.object({ fileName: z.string(), text: z.string() });

/** A key backup read, and whether its key was stored (`key.restore`). */
export const keyRestoreAnswerSchema = z.object({
  current: z.nullable(keyInfoSchema),
  restored: keyInfoSchema,
  /** False when only checked, or when the backup is of the key already kept. */
  applied: z.boolean(),
});
export type KeyRestoreAnswer = z.infer<typeof keyRestoreAnswerSchema>;
