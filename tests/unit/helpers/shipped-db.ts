// Tierkit's database schema as each version shipped, so that tests can write old data and open it
// with the current TierkitDb (lib/store/db.ts), which must upgrade it.
import Dexie from 'dexie';

/** A database with Tierkit's schema as it shipped, up to `version`. */
export function shippedDb(name: string, version: 2 | 3 | 4 | 5 | 6 | 7 | 8): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({ singletons: 'key', tiers: 'id, position, status', perks: 'id, kind', rulesProfiles: 'id', pricePoints: 'currency', revenueRules: 'id' });
  db.version(2).stores({ statSnapshots: '[handle+day], handle, capturedAt', dailyStats: '[handle+date], handle', eligibilityProfiles: 'id', bonusConditions: 'id' });
  if (version >= 3) db.version(3).stores({ subscribers: 'id, creatorHandle', packs: 'fingerprint, creatorHandle', keys: 'id' });
  if (version >= 4) db.version(4).stores({ lookupCache: 'key' });
  // 5 changed rows (packs' status), not tables.
  if (version >= 5) db.version(5).stores({});
  // 6 changed rows (rules), not tables.
  if (version >= 6) db.version(6).stores({});
  if (version >= 7) db.version(7).stores({ subscriberOnlyPosts: 'id, handle, date' });
  // 8 changed rows (settings), not tables.
  if (version >= 8) db.version(8).stores({});
  return db;
}
