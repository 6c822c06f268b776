// The database, in the extension's own origin. Only the background opens it: pages and content scripts
// ask the background through messages (lib/messaging) and read the published snapshot.
import Dexie, { type EntityTable } from 'dexie';
import type { Perk, PricePoints, Profile, RevenueRule, RulesProfile, Settings, Tier } from '../domain/schema';

export type Singleton = { key: 'profile'; value: Profile } | { key: 'settings'; value: Settings };

export class TierkitDb extends Dexie {
  singletons!: EntityTable<Singleton, 'key'>;
  tiers!: EntityTable<Tier, 'id'>;
  perks!: EntityTable<Perk, 'id'>;
  rulesProfiles!: EntityTable<RulesProfile, 'id'>;
  pricePoints!: EntityTable<PricePoints, 'currency'>;
  revenueRules!: EntityTable<RevenueRule, 'id'>;

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
  }

  get workspaceTables() {
    return [this.singletons, this.tiers, this.perks, this.rulesProfiles, this.pricePoints, this.revenueRules];
  }
}
