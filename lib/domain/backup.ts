// The backup file: one versioned JSON document with the whole workspace. Format: docs/backup-format.md.
import * as z from 'zod/mini';
import { t } from '../i18n';
import { validateOffer, sortTiers } from './offer';
import { fromZod, type Problem, type Result } from './problems';
import { completeSteps } from './steps';
import { defaultSuperFan, workspaceSchema, type Tier, type Workspace } from './schema';
import { versionOf } from './version';
import { dailyStatSchema, statSnapshotSchema, type DailyStat, type StatSnapshot } from './stats';
import { MAX_ROSTER_ROWS, checkedSubscriberListSchema, subscriberListSchema, subscriberSchema, type Subscriber } from '../roster/schema';
import { uniqueBy, uniqueIds } from './unique';
import { MAX_POSTS, postId, subscriberOnlyPostSchema, type SubscriberOnlyPost } from './posts';

export const BACKUP_FORMAT = 'tierkit-backup';
/** 2 added eligibility rules (eligibilityProfiles, bonusConditions, settings); 1 still reads. */
export const BACKUP_VERSION = 2;
const READABLE_VERSIONS = [1, 2] as const;
/**
 * The largest backup file, refused before it is read. It holds a roster of MAX_ROSTER_ROWS subscribers
 * with every note and nickname as long as it may be, in the characters JSON writes longest, beside the
 * largest workspace and recorded numbers: about 948 MB (tests/unit/domain/backup-limits.test.ts). A
 * real roster of 200,000 takes about 54 MB.
 */
export const MAX_BACKUP_BYTES = 1024 * 1024 * 1024;

/** One record per handle and day, as the database keys them. */
const uniqueDays = <T extends { handle: string }>(list: string, day: (record: T) => string, field: string) =>
  uniqueBy<T>({
    list,
    key: (record) => `${record.handle} ${day(record)}`,
    field: [field],
    message: (record, first) => t('err.dayTaken', { day: day(record), handle: record.handle, first }),
  });

/** The recorded numbers (version 2): one snapshot a day, and the days imported from TikTok Studio. */
export const backupStatsSchema = z.object({
  snapshots: z.array(statSnapshotSchema).check(z.maxLength(50_000), uniqueDays<StatSnapshot>('snapshots', (s) => s.day, 'day')),
  daily: z.array(dailyStatSchema).check(z.maxLength(50_000), uniqueDays<DailyStat>('daily', (d) => d.date, 'date')),
});
export type BackupStats = { snapshots: StatSnapshot[]; daily: DailyStat[] };

/**
 * The log of subscriber-only posts: unique by id, and a post with a video keyed by it, as the database
 * keeps it, so that the same video stays one post after an import.
 */
export const backupPostsSchema = z.array(subscriberOnlyPostSchema).check(
  z.maxLength(MAX_POSTS),
  uniqueIds<SubscriberOnlyPost>('posts'),
  z.superRefine((posts, ctx) => {
    posts.forEach((post, index) => {
      const id = postId(post.videoId, () => post.id);
      if (post.id !== id) ctx.issues.push({ code: 'custom', input: post.id, path: [index, 'id'], message: t('eligibilityOptions.posts.err.videoId', { id }), continue: true });
    });
  }),
);

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(READABLE_VERSIONS),
  exportedAt: z.iso.datetime(),
  appVersion: z.optional(z.string().check(z.maxLength(40))),
  data: workspaceSchema,
  stats: z.optional(backupStatsSchema),
  /** The log of subscriber-only posts (added within version 2: an optional field). */
  posts: z.optional(backupPostsSchema),
  /** The creator's roster (added within version 2: an optional field). */
  subscribers: z.optional(subscriberListSchema.check(z.maxLength(MAX_ROSTER_ROWS))),
});
export type Backup = z.infer<typeof backupSchema>;

/** Everything but the roster, which is checked in batches (checkBackup). */
const backupHeadSchema = z.omit(backupSchema, { subscribers: true });
const rosterListSchema = z.optional(z.array(z.unknown()).check(z.maxLength(MAX_ROSTER_ROWS)));
const subscriberBatchSchema = z.array(subscriberSchema);
/** Subscribers checked between two steps of checkBackup: a few milliseconds of work. */
export const CHECK_BATCH = 1_000;
/** The most problems a check reports (and it stops looking after that many). */
const MAX_PROBLEMS = 100;

export function createBackup(
  ws: Workspace,
  now: Date,
  appVersion: string,
  stats?: BackupStats,
  subscribers?: Subscriber[],
  posts?: SubscriberOnlyPost[],
): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    appVersion,
    data: ws,
    ...(stats ? { stats } : {}),
    ...(posts ? { posts } : {}),
    ...(subscribers ? { subscribers } : {}),
  };
}

/**
 * The backup file's compact JSON in pieces, to be joined by a Blob: the text of a full roster could be
 * longer than one JavaScript string may be. `backup` holds everything but the roster, which comes in
 * `parts`; joined, the pieces are JSON.stringify of the whole backup.
 */
export function backupFilePieces(backup: Omit<Backup, 'subscribers'>, parts: readonly (readonly Subscriber[])[]): string[] {
  // The roster is the last member: the text up to its "[" comes first, then the records, then "]}".
  const head = JSON.stringify({ ...backup, subscribers: [] });
  const pieces = [head.slice(0, -2)];
  for (const part of parts) {
    if (part.length === 0) continue;
    const records = JSON.stringify(part).slice(1, -1);
    pieces.push(pieces.length > 1 ? `,${records}` : records);
  }
  pieces.push(']}');
  return pieces;
}

/** The problem of a file (or a backup about to be saved) over MAX_BACKUP_BYTES, if it is. */
export function backupSizeProblem(bytes: number): Problem | undefined {
  if (bytes <= MAX_BACKUP_BYTES) return undefined;
  return { path: [], message: t('err.backupTooLarge', { size: (bytes / 1048576).toFixed(1), max: MAX_BACKUP_BYTES / 1048576 }) };
}

export function backupFileName(now: Date): string {
  return `tierkit-backup-${now.toISOString().slice(0, 10)}.json`;
}

/** The bytes of `text` in UTF-8, as a file holds it (an unpaired surrogate is written as U+FFFD, 3 bytes). */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

const fail = (message: string, path: Problem['path'] = []): Result<never> => ({ ok: false, problems: [{ path, message }] });

/** Reads a backup file's text: every problem with its path, or the backup. `locale` formats prices. */
export function readBackup(text: string, locale: string): Result<Backup> {
  const tooLarge = backupSizeProblem(utf8Length(text));
  if (tooLarge) return { ok: false, problems: [tooLarge] };
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail(t('err.notJson', { detail: (error as Error).message }));
  }
  return completeSteps(checkBackup(json, locale));
}

/**
 * Checks a parsed backup: every problem with its path, or the backup. It yields how many subscribers
 * it has checked after each batch of CHECK_BATCH, so a page or the background can run it in slices
 * (lib/domain/steps.ts).
 */
export function* checkBackup(json: unknown, locale: string): Generator<number, Result<Backup>> {
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== BACKUP_FORMAT) {
    return fail(t('err.notABackup'), ['format']);
  }
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    return fail(t('err.backupTooNew', { version, supported: BACKUP_VERSION }), ['version']);
  }
  const { subscribers: rawList, ...head } = json as Record<string, unknown>;
  const parsed = backupHeadSchema.safeParse(head);
  const list = rosterListSchema.safeParse(rawList);
  const zodProblems = [...(parsed.success ? [] : fromZod(parsed.error)), ...(list.success ? [] : fromZod(list.error, ['subscribers']))];
  let subscribers: Subscriber[] | undefined;
  if (list.success && list.data) {
    subscribers = [];
    for (let from = 0; from < list.data.length && zodProblems.length < MAX_PROBLEMS; from += CHECK_BATCH) {
      const batch = subscriberBatchSchema.safeParse(list.data.slice(from, from + CHECK_BATCH));
      if (batch.success) subscribers.push(...batch.data);
      else zodProblems.push(...fromZod(batch.error).map(({ path: [at, ...rest], message }) => ({ path: ['subscribers', from + Number(at), ...rest], message })));
      yield Math.min(from + CHECK_BATCH, list.data.length);
    }
  }
  if (subscribers && !zodProblems.length) {
    const repeats = checkedSubscriberListSchema.safeParse(subscribers);
    if (!repeats.success) zodProblems.push(...fromZod(repeats.error, ['subscribers']));
  }
  if (!parsed.success || zodProblems.length) return { ok: false, problems: zodProblems.slice(0, MAX_PROBLEMS) };
  const backup: Backup = subscribers ? { ...parsed.data, subscribers } : parsed.data;
  const problems = validateOffer(backup.data, locale).map((p) => ({ ...p, path: ['data', ...p.path] }));
  // Every subscriber's tier is one of the backup's, or the roster would hold badges of nothing.
  const tierIds = new Set(backup.data.tiers.map((tier) => tier.id));
  (backup.subscribers ?? []).forEach((s, i) => {
    if (!tierIds.has(s.tierId)) problems.push({ path: ['subscribers', i, 'tierId'], message: t('err.backupUnknownTier', { id: s.tierId }) });
  });
  return problems.length ? { ok: false, problems: problems.slice(0, MAX_PROBLEMS) } : { ok: true, value: backup };
}

export type ImportMode = 'replace' | 'merge';

function unionBy<T>(current: readonly T[], incoming: readonly T[], key: (item: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const item of current) byKey.set(key(item), item);
  for (const item of incoming) byKey.set(key(item), item);
  return [...byKey.values()];
}

/**
 * The backup's tiers in the backup's order; a tier only this device has follows the tier it followed
 * here (the nearest one above it that the backup also has), so merging the same backup again changes
 * nothing. Positions are renumbered 0..n-1.
 */
function mergeTierOrder(current: readonly Tier[], incoming: readonly Tier[]): Tier[] {
  const incomingIds = new Set(incoming.map((tier) => tier.id));
  const followers = new Map<string | null, Tier[]>();
  let anchor: string | null = null;
  for (const tier of sortTiers(current)) {
    if (incomingIds.has(tier.id)) anchor = tier.id;
    else followers.set(anchor, [...(followers.get(anchor) ?? []), tier]);
  }
  return [
    ...(followers.get(null) ?? []),
    ...sortTiers(incoming).flatMap((tier) => [tier, ...(followers.get(tier.id) ?? [])]),
  ].map((tier, position) => ({ ...tier, position }));
}

/**
 * The workspace an import leaves. Replace: exactly the backup. Merge: records are matched by id (price
 * points by currency) and the backup's version wins; this device's profile and display settings stay,
 * and tiers keep their relative order (see mergeTierOrder).
 */
export function mergeWorkspaces(current: Workspace, incoming: Workspace, mode: ImportMode): Workspace {
  if (mode === 'replace') return structuredClone(incoming);
  return {
    profile: current.profile ?? incoming.profile,
    tiers: mergeTierOrder(current.tiers, incoming.tiers),
    perks: unionBy(current.perks, incoming.perks, (perk) => perk.id),
    settings: {
      ...current.settings,
      planner: {
        ...current.settings.planner,
        expectedSubscribers: {
          ...current.settings.planner.expectedSubscribers,
          ...incoming.settings.planner.expectedSubscribers,
        },
        inAppPercentByMarket: {
          ...current.settings.planner.inAppPercentByMarket,
          ...incoming.settings.planner.inAppPercentByMarket,
        },
      },
    },
    rulesProfiles: unionBy(current.rulesProfiles, incoming.rulesProfiles, (r) => r.id),
    pricePoints: unionBy(current.pricePoints, incoming.pricePoints, (p) => p.currency),
    revenueRules: unionBy(current.revenueRules, incoming.revenueRules, (r) => r.id),
    eligibilityProfiles: unionBy(current.eligibilityProfiles, incoming.eligibilityProfiles, (p) => p.id),
    bonusConditions: unionBy(current.bonusConditions, incoming.bonusConditions, (b) => b.id),
    // A backup made before Super Fan was kept reads with the default, which must not undo this device's.
    superFan: versionOf(incoming.superFan) === versionOf(defaultSuperFan) ? current.superFan : incoming.superFan,
  };
}
