// The creator's recorded numbers. One snapshot a day is kept per handle (the day's latest), and a
// new one is taken at most once an hour unless the creator asks.
import { CAPTURE_INTERVAL_MS, dailyStatSchema, statSnapshotSchema, type DailyStat, type StatSnapshot } from '../domain/stats';
import { profileSchema } from '../domain/schema';
import { mergeSeries } from '../eligibility/series';
import type { ImportedDay, ImportSummary } from '../protocol/schemas';
import type { TierkitDb } from './db';
import { validRows } from './valid-rows';

/** The creator's handle, from the stored profile; null before onboarding. */
export async function ownHandle(db: TierkitDb): Promise<string | null> {
  const parsed = profileSchema.safeParse((await db.singletons.get('profile'))?.value);
  return parsed.success ? parsed.data.handle : null;
}

/** Snapshots of a handle, oldest first. */
export async function snapshotsOf(db: TierkitDb, handle: string): Promise<StatSnapshot[]> {
  const rows = await db.statSnapshots.where('handle').equals(handle).toArray();
  return validRows(rows, statSnapshotSchema).sort((a, b) => a.capturedAt - b.capturedAt);
}

/** Every snapshot and every imported day, of every handle (for a backup). */
export async function allSnapshots(db: TierkitDb): Promise<StatSnapshot[]> {
  return validRows(await db.statSnapshots.toArray(), statSnapshotSchema);
}
export async function allDaily(db: TierkitDb): Promise<DailyStat[]> {
  return validRows(await db.dailyStats.toArray(), dailyStatSchema);
}

export async function latestSnapshot(db: TierkitDb, handle: string): Promise<StatSnapshot | undefined> {
  const rows = await db.statSnapshots.where('handle').equals(handle).toArray();
  const latest = rows.reduce<StatSnapshot | undefined>((a, b) => (!a || b.capturedAt > a.capturedAt ? b : a), undefined);
  const parsed = statSnapshotSchema.safeParse(latest);
  return parsed.success ? parsed.data : undefined;
}

/** Whether a capture of `handle` now would be stored: the creator's own, and none in the last hour. */
export async function captureWanted(db: TierkitDb, ownHandle: string | null, handle: string, now: number): Promise<boolean> {
  if (!ownHandle || handle !== ownHandle) return false;
  const latest = await latestSnapshot(db, handle);
  return !latest || now - latest.capturedAt >= CAPTURE_INTERVAL_MS;
}

/** Stores a snapshot, replacing the same day's; 'throttled' when one is under an hour old. */
export async function recordSnapshot(
  db: TierkitDb,
  snapshot: StatSnapshot,
  asked: boolean,
): Promise<'recorded' | 'throttled'> {
  return db.transaction('rw', db.statSnapshots, async () => {
    const latest = await latestSnapshot(db, snapshot.handle);
    if (!asked && latest && snapshot.capturedAt - latest.capturedAt < CAPTURE_INTERVAL_MS) return 'throttled';
    await db.statSnapshots.put(statSnapshotSchema.parse(snapshot));
    return 'recorded';
  });
}

/** Daily Studio figures of a handle, oldest first. */
export async function dailyOf(db: TierkitDb, handle: string): Promise<DailyStat[]> {
  const rows = await db.dailyStats.where('handle').equals(handle).toArray();
  return validRows(rows, dailyStatSchema).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const fields = ['videoViews', 'followers'] as const;

/**
 * Merges imported days into the stored ones in one transaction: per day and figure, the import wins,
 * and a day the import marks missing erases nothing (see mergeSeries).
 */
export async function importDays(db: TierkitDb, handle: string, days: ImportedDay[], now: number): Promise<ImportSummary> {
  return db.transaction('rw', db.dailyStats, async () => {
    const stored = await dailyOf(db, handle);
    const storedDates = new Set(stored.map((row) => row.date));
    const merged = new Map<string, DailyStat>(stored.map((row) => [row.date, row]));
    const changedDates = new Set<string>();
    const conflicts: ImportSummary['conflicts'] = [];
    for (const field of fields) {
      const pointsOf = (rows: readonly { date: string; videoViews?: number | null; followers?: number | null }[]) =>
        rows.flatMap((row) => (row[field] === undefined ? [] : [{ date: row.date, value: row[field] ?? null }]));
      const { series, summary } = mergeSeries(pointsOf(stored), pointsOf(days));
      for (const point of series) {
        const row = merged.get(point.date) ?? { handle, date: point.date, importedAt: now };
        if (row[field] !== point.value) {
          merged.set(point.date, { ...row, [field]: point.value, importedAt: now });
          if (storedDates.has(point.date)) changedDates.add(point.date);
        }
      }
      conflicts.push(...summary.conflicts.map((c) => ({ date: c.date, field, before: c.before, after: c.after })));
    }
    // A day without any figure (not even a missing one) brings nothing to store or count.
    const incomingDates = new Set(
      days.filter((day) => fields.some((field) => day[field] !== undefined)).map((day) => day.date),
    );
    const added = [...incomingDates].filter((date) => !storedDates.has(date)).length;
    const changed = [...changedDates].filter((date) => incomingDates.has(date)).length;
    const rows = [...merged.values()].filter((row) => incomingDates.has(row.date));
    await db.dailyStats.bulkPut(rows.map((row) => dailyStatSchema.parse(row)));
    return {
      added,
      changed,
      unchanged: incomingDates.size - added - changed,
      conflicts: conflicts.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    };
  });
}
