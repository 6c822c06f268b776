// What "Delete all data" would remove that the page's snapshot does not show: counted in the database.
import type { TierkitDb } from './db';
import type { DataSummary } from '../protocol/key-answers';
import { keyInfo, readSigningKey } from './key-store';

export async function dataSummary(db: TierkitDb): Promise<DataSummary> {
  // Counts and keys only: no record is read whole.
  const [subscribers, packs, posts, dailyKeys, snapshotKeys] = await db.transaction(
    'r',
    [db.subscribers, db.packs, db.subscriberOnlyPosts, db.dailyStats, db.statSnapshots],
    () =>
      Promise.all([
        db.subscribers.count(),
        db.packs.count(),
        db.subscriberOnlyPosts.count(),
        db.dailyStats.toCollection().primaryKeys(),
        db.statSnapshots.toCollection().primaryKeys(),
      ]),
  );
  const days = new Set([...dailyKeys, ...snapshotKeys].map(([, day]) => day));
  const key = await readSigningKey(db);
  return { subscribers, packs, posts, statDays: days.size, signingKey: key.ok && key.value ? keyInfo(key.value) : null };
}
