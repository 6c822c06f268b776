// The backup file: one versioned JSON document with the whole workspace. Format: docs/backup-format.md.
import * as z from 'zod/mini';
import { t } from '../i18n';
import { validateOffer, sortTiers } from './offer';
import { fromZod, type Problem, type Result } from './problems';
import { workspaceSchema, type Tier, type Workspace } from './schema';
import { dailyStatSchema, statSnapshotSchema, type DailyStat, type StatSnapshot } from './stats';
import { MAX_ROSTER_ROWS, subscriberListSchema, type Subscriber } from '../roster/schema';
import { uniqueBy } from './unique';

export const BACKUP_FORMAT = 'tierkit-backup';
/** 2 added eligibility rules (eligibilityProfiles, bonusConditions, settings); 1 still reads. */
export const BACKUP_VERSION = 2;
const READABLE_VERSIONS = [1, 2] as const;
/**
 * Far above any real workspace with its roster (200,000 subscribers take about 40 MB written out);
 * refused before it is parsed.
 */
export const MAX_BACKUP_BYTES = 64 * 1024 * 1024;

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

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(READABLE_VERSIONS),
  exportedAt: z.iso.datetime(),
  appVersion: z.optional(z.string().check(z.maxLength(40))),
  data: workspaceSchema,
  stats: z.optional(backupStatsSchema),
  /** The creator's roster (added within version 2: an optional field). */
  subscribers: z.optional(subscriberListSchema.check(z.maxLength(MAX_ROSTER_ROWS))),
});
export type Backup = z.infer<typeof backupSchema>;

export function createBackup(ws: Workspace, now: Date, appVersion: string, stats?: BackupStats, subscribers?: Subscriber[]): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    appVersion,
    data: ws,
    ...(stats ? { stats } : {}),
    ...(subscribers ? { subscribers } : {}),
  };
}

export function backupFileName(now: Date): string {
  return `tierkit-backup-${now.toISOString().slice(0, 10)}.json`;
}

const fail = (message: string, path: Problem['path'] = []): Result<never> => ({ ok: false, problems: [{ path, message }] });

/** Reads a backup file's text: every problem with its path, or the backup. `locale` formats prices. */
export function readBackup(text: string, locale: string): Result<Backup> {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_BACKUP_BYTES) {
    return fail(t('err.backupTooLarge', { size: (bytes / 1048576).toFixed(1), max: MAX_BACKUP_BYTES / 1048576 }));
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail(t('err.notJson', { detail: (error as Error).message }));
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== BACKUP_FORMAT) {
    return fail(t('err.notABackup'), ['format']);
  }
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    return fail(t('err.backupTooNew', { version, supported: BACKUP_VERSION }), ['version']);
  }
  const parsed = backupSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problems: fromZod(parsed.error) };
  const problems = validateOffer(parsed.data.data, locale).map((p) => ({ ...p, path: ['data', ...p.path] }));
  // Every subscriber's tier is one of the backup's, or the roster would hold badges of nothing.
  const tierIds = new Set(parsed.data.data.tiers.map((tier) => tier.id));
  (parsed.data.subscribers ?? []).forEach((s, i) => {
    if (!tierIds.has(s.tierId)) problems.push({ path: ['subscribers', i, 'tierId'], message: t('err.backupUnknownTier', { id: s.tierId }) });
  });
  return problems.length ? { ok: false, problems: problems.slice(0, 100) } : { ok: true, value: parsed.data };
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
      },
    },
    rulesProfiles: unionBy(current.rulesProfiles, incoming.rulesProfiles, (r) => r.id),
    pricePoints: unionBy(current.pricePoints, incoming.pricePoints, (p) => p.currency),
    revenueRules: unionBy(current.revenueRules, incoming.revenueRules, (r) => r.id),
    eligibilityProfiles: unionBy(current.eligibilityProfiles, incoming.eligibilityProfiles, (p) => p.id),
    bonusConditions: unionBy(current.bonusConditions, incoming.bonusConditions, (b) => b.id),
  };
}
