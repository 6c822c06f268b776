// The database, in the extension's own origin. Only the background opens it: pages and content scripts
// ask the background through messages (lib/client) and read the published snapshot.
import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { Perk, PricePoints, Profile, RevenueRule, RulesProfile, Settings, SuperFan, Tier } from '../domain/schema';
import type { DailyStat, StatSnapshot } from '../domain/stats';
import type { SubscriberOnlyPost } from '../domain/posts';
import { IDR_POINTS_BEFORE_MINOR_UNITS, defaultPricePoints, defaultSettings } from '../domain/defaults';
import { isRecord } from '../domain/is-record';
import type { BadgePack, PublicJwk } from '../packs/pack';
import { canonicalJson } from '../packs/canonical';
import { initialTrust, type PackStatus, type UnratedPack } from '../packs/replace';
import type { Subscriber } from '../roster/schema';
import {
  ELSEWHERE_BONUS_BEFORE_FOLLOWERS,
  ELSEWHERE_BONUS_ID,
  LIVE_SUBSCRIPTION_2022_ID,
  LIVE_SUBSCRIPTION_RETIREMENT,
  TIKTOK_SUBSCRIPTION_ID,
  defaultBonusConditions,
  defaultEligibilityProfiles,
  type BonusConditions,
  type EligibilityProfile,
} from '../eligibility/rules';

/** A verified badge pack kept as imported (signature included, so it can be checked again). */
export interface StoredPack {
  fingerprint: string;
  creatorHandle: string;
  pack: BadgePack;
  importedAt: number;
  /** Whether its badges show, or it is held apart (lib/packs/replace.ts). Since version 5. */
  status: PackStatus;
}

/** The creator's pack-signing key: the private half stays a non-extractable CryptoKey. */
export interface StoredKey {
  id: 'signing';
  privateKey: CryptoKey;
  publicJwk: PublicJwk;
  fingerprint: string;
  createdAt: number;
}

export type Singleton =
  | { key: 'profile'; value: Profile }
  | { key: 'settings'; value: Settings }
  /** Since version 9; absent until the creator first changes it, and read as the default then. */
  | { key: 'superFan'; value: SuperFan };

/**
 * What the background keeps to start fast (lib/store/roster/roster-loader.ts): a snapshot of the roster's lookup
 * index, and the generation of the roster it was taken of, which every write of subscribers or packs
 * moves in its own transaction. Derived data: Delete all data clears it, backups leave it out.
 */
export type LookupCacheRow =
  | { key: 'generation'; value: number }
  | { key: 'snapshot'; value: unknown }
  /** What the snapshot is of, readable without reading the snapshot. */
  | { key: 'snapshotOf'; value: unknown };

/** The stored settings row, in an upgrade's transaction. */
const storedSettings = (tx: Transaction) => tx.table('singletons').where('key').equals('settings');

export class TierkitDb extends Dexie {
  singletons!: EntityTable<Singleton, 'key'>;
  tiers!: EntityTable<Tier, 'id'>;
  perks!: EntityTable<Perk, 'id'>;
  rulesProfiles!: EntityTable<RulesProfile, 'id'>;
  pricePoints!: EntityTable<PricePoints, 'currency'>;
  revenueRules!: EntityTable<RevenueRule, 'id'>;
  statSnapshots!: Table<StatSnapshot, [string, string]>;
  dailyStats!: Table<DailyStat, [string, string]>;
  eligibilityProfiles!: EntityTable<EligibilityProfile, 'id'>;
  bonusConditions!: EntityTable<BonusConditions, 'id'>;
  subscribers!: EntityTable<Subscriber, 'id'>;
  packs!: EntityTable<StoredPack, 'fingerprint'>;
  keys!: EntityTable<StoredKey, 'id'>;
  lookupCache!: EntityTable<LookupCacheRow, 'key'>;
  subscriberOnlyPosts!: EntityTable<SubscriberOnlyPost, 'id'>;

  constructor(name = 'tierkit') {
    super(name);
    // Version history: each change is a new version with an upgrade; tests open every old version.
    this.version(1).stores({
      singletons: 'key',
      tiers: 'id, position, status',
      perks: 'id, kind',
      rulesProfiles: 'id',
      pricePoints: 'currency',
      revenueRules: 'id',
    });
    // 2: the creator's own numbers (eligibility). New tables only: version 1's data is kept as it is.
    this.version(2)
      .stores({
        statSnapshots: '[handle+day], handle, capturedAt',
        dailyStats: '[handle+date], handle',
        eligibilityProfiles: 'id',
        bonusConditions: 'id',
      })
      .upgrade(async (tx) => {
        // Version 1's settings gain the eligibility fields; the rules tables start with the defaults.
        // The stored value is not trusted to be an object: an empty one (null) holds nothing to keep and
        // becomes the defaults; one of another shape is left as it is, and loading reports it.
        await storedSettings(tx).modify((row: { value: unknown }) => {
          if (row.value === null || row.value === undefined) row.value = { ...defaultSettings };
          else if (isRecord(row.value)) {
            row.value.eligibilityProfileId ??= TIKTOK_SUBSCRIPTION_ID;
            row.value.notifications ??= true;
          }
        });
        await tx.table('eligibilityProfiles').bulkPut(defaultEligibilityProfiles);
        await tx.table('bonusConditions').bulkPut(defaultBonusConditions);
      });
    // 3: the subscriber roster, kept badge packs and the pack-signing key. New tables only.
    this.version(3).stores({
      subscribers: 'id, creatorHandle',
      packs: 'fingerprint, creatorHandle',
      keys: 'id',
    });
    // 4: the lookup index's snapshot. A new table only: version 3's data is kept as it is, and the
    // snapshot is taken the first time the roster is read.
    this.version(4).stores({ lookupCache: 'key' });
    // 5: each kept pack's trust status. Version 4 let the newest pack of any key speak for a creator
    // handle; now the earliest-imported key per handle is trusted and the others are held apart. The
    // index's snapshot may hold a pack now held apart, so the roster's generation moves when one is.
    this.version(5)
      .stores({})
      .upgrade(async (tx) => {
        const packs = tx.table('packs');
        const rows = (await packs.toArray()) as UnratedPack[];
        if (!rows.length) return;
        const profile = (await tx.table('singletons').get('profile')) as { value?: { handle?: unknown } } | undefined;
        const key = (await tx.table('keys').get('signing')) as { fingerprint?: unknown } | undefined;
        const status = initialTrust(rows, {
          handle: typeof profile?.value?.handle === 'string' ? profile.value.handle : null,
          fingerprint: typeof key?.fingerprint === 'string' ? key.fingerprint : null,
        });
        await packs.toCollection().modify((row: { fingerprint: string; status?: PackStatus }) => {
          row.status = status.get(row.fingerprint) ?? 'conflict';
        });
        if ([...status.values()].includes('conflict')) {
          const generation = (await tx.table('lookupCache').get('generation')) as { value?: unknown } | undefined;
          const value = typeof generation?.value === 'number' && Number.isSafeInteger(generation.value) ? generation.value : 0;
          await tx.table('lookupCache').put({ key: 'generation', value: value + 1 });
        }
      });
    // 6: the bonus rule for other markets names its followers condition (10,000), unless the creator
    // edited that rule; LIVE Subscription 2022, which TikTok replaced with Super Fan, is marked retired
    // (kept, edited or not, since creators may still read their numbers against it).
    this.version(6)
      .stores({})
      .upgrade(async (tx) => {
        const bonus = tx.table('bonusConditions');
        const elsewhere: unknown = await bonus.get(ELSEWHERE_BONUS_ID);
        if (sameRecord(elsewhere, ELSEWHERE_BONUS_BEFORE_FOLLOWERS)) {
          await bonus.put(defaultBonusConditions.find((c) => c.id === ELSEWHERE_BONUS_ID)!);
        }
        await tx
          .table('eligibilityProfiles')
          .where('id')
          .equals(LIVE_SUBSCRIPTION_2022_ID)
          .modify((row: Record<string, unknown>) => {
            row.retired ??= { ...LIVE_SUBSCRIPTION_RETIREMENT };
          });
      });
    // 7: the log of subscriber-only posts the US and Canada bonus counts. A new table only.
    this.version(7).stores({ subscriberOnlyPosts: 'id, handle, date' });
    // 8: the settings gain the bonus reminder (days before the month ends), stored with its default so
    // a fingerprint of the settings taken by an editor matches what is stored. A settings value of
    // another shape is left as it is, and loading reports it.
    this.version(8)
      .stores({})
      .upgrade(async (tx) => {
        await storedSettings(tx).modify((row: { value: unknown }) => {
          if (isRecord(row.value)) row.value.bonusReminderDays ??= defaultSettings.bonusReminderDays;
        });
      });
    // 9: the rupiah price points move to minor units (below); the planner gains the in-app share of purchases per market and the expected Super Fans, stored
    // with their defaults as version 8 did. Its bonus, seeded at 0 when the planner showed one net
    // figure, becomes the default (the most the rule allows) now that the net with the bonus stands
    // beside the net without it. Super Fan itself is a new singleton, read as the default until changed.
    this.version(9)
      .stores({})
      .upgrade(async (tx) => {
        await storedSettings(tx).modify((row: { value: unknown }) => {
          if (!isRecord(row.value) || !isRecord(row.value.planner)) return;
          const planner = row.value.planner;
          planner.inAppPercentByMarket ??= {};
          planner.expectedSuperFans ??= 0;
          if (planner.bonusPercent === 0) planner.bonusPercent = defaultSettings.planner.bonusPercent;
        });
        // The rupiah points were seeded a hundredth of what they meant; unless the creator edited them.
        const rupiah: unknown = await tx.table('pricePoints').get('IDR');
        if (sameRecord(rupiah, IDR_POINTS_BEFORE_MINOR_UNITS)) {
          await tx.table('pricePoints').put(defaultPricePoints.find((p) => p.currency === 'IDR')!);
        }
      });
  }

  /** Every table: what "Delete all data" clears (the signing key only when asked) and an import may write. */
  get allTables() {
    return [
      ...this.workspaceTables,
      this.statSnapshots,
      this.dailyStats,
      this.subscriberOnlyPosts,
      this.subscribers,
      this.packs,
      this.keys,
      this.lookupCache,
    ];
  }

  get workspaceTables() {
    return [
      this.singletons,
      this.tiers,
      this.perks,
      this.rulesProfiles,
      this.pricePoints,
      this.revenueRules,
      this.eligibilityProfiles,
      this.bonusConditions,
    ];
  }
}

/** Whether a stored value is this record, whatever the order of its keys. */
function sameRecord(stored: unknown, record: object): boolean {
  try {
    return canonicalJson(stored) === canonicalJson(record);
  } catch {
    return false;
  }
}

/** The roster's generation (see LookupCacheRow); 0 before the first write. */
export async function rosterGeneration(db: TierkitDb): Promise<number> {
  const row = await db.lookupCache.get('generation');
  return row?.key === 'generation' && Number.isSafeInteger(row.value) ? row.value : 0;
}

/**
 * Moves the generation, inside the transaction of a write of subscribers or packs (its scope must
 * hold `lookupCache`): a snapshot of an earlier generation is not used again. Returns the new one.
 */
export async function nextRosterGeneration(db: TierkitDb): Promise<number> {
  const next = (await rosterGeneration(db)) + 1;
  await db.lookupCache.put({ key: 'generation', value: next });
  return next;
}
