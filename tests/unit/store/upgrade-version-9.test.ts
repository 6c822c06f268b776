// Opening version 8's data: the planner gains the in-app share per market and the expected Super Fans,
// its bonus seeded at 0 becomes the default, Super Fan reads as the default until it is changed, and
// the rupiah price points seeded a hundredth of their meaning are corrected unless edited.
import { describe, expect, it } from 'vitest';
import { IDR_POINTS_BEFORE_MINOR_UNITS, defaultPricePoints, defaultSettings } from '@/lib/domain/defaults';
import { formatMoney } from '@/lib/domain/currency';
import { defaultSuperFan } from '@/lib/domain/schema';
import { defaultBonusConditions, defaultEligibilityProfiles } from '@/lib/eligibility/rules';
import { versionOf } from '@/lib/domain/version';
import { TierkitDb } from '@/lib/store/db';
import { loadWorkspace, runCommand } from '@/lib/store/workspace-store';
import { shippedDb } from '../helpers/shipped-db';

/** The settings as version 8 stored them: the planner without its two newer fields. */
function version8Settings(bonusPercent: number) {
  return {
    ...defaultSettings,
    theme: 'dark',
    planner: { appStoreFeePercent: 15, bonusPercent, expectedSubscribers: { gold: 40 } },
  };
}

async function openVersion8(settings: unknown, rupiah?: unknown) {
  const name = `v8-${crypto.randomUUID()}`;
  const old = shippedDb(name, 8);
  await old.open();
  if (settings !== undefined) await old.table('singletons').put({ key: 'settings', value: settings });
  if (rupiah !== undefined) await old.table('pricePoints').put(rupiah);
  // What version 2's upgrade seeded, as every real version 8 database holds.
  await old.table('eligibilityProfiles').bulkPut(defaultEligibilityProfiles);
  await old.table('bonusConditions').bulkPut(defaultBonusConditions);
  old.close();
  const db = new TierkitDb(name);
  return { db, loaded: await loadWorkspace(db) };
}

const storedSettings = async (db: TierkitDb) => ((await db.table('singletons').get('settings')) as { value: any }).value;

describe('opening version 8 data', () => {
  it('stores the planner’s new fields with their defaults, keeping what the creator chose', async () => {
    const { db, loaded } = await openVersion8(version8Settings(10));
    expect(db.verno).toBe(9);
    expect(loaded.unreadable).toEqual([]);
    expect(loaded.workspace.settings.theme).toBe('dark');
    expect(loaded.workspace.settings.planner).toEqual({
      appStoreFeePercent: 15,
      bonusPercent: 10,
      expectedSubscribers: { gold: 40 },
      inAppPercentByMarket: {},
      expectedSuperFans: 0,
    });
    // Stored, not only read with the defaults: an editor's fingerprint of the settings matches the row.
    expect(versionOf((await storedSettings(db)) as object)).toBe(versionOf(loaded.workspace.settings));
  });

  it('turns the bonus seeded at 0 into the default, now shown beside the net without it', async () => {
    const { db, loaded } = await openVersion8(version8Settings(0));
    expect(loaded.workspace.settings.planner.bonusPercent).toBe(defaultSettings.planner.bonusPercent);
    expect((await storedSettings(db)).planner.bonusPercent).toBe(20);
  });

  it('reads Super Fan as the default, and keeps it once changed', async () => {
    const { db, loaded } = await openVersion8(version8Settings(10));
    expect(loaded.workspace.superFan).toEqual(defaultSuperFan);
    expect(await db.singletons.get('superFan')).toBeUndefined();
    const superFan = { ...defaultSuperFan, offered: true };
    const ctx = { now: 1, newId: () => 'x', locale: 'en' };
    const result = await runCommand(db, { type: 'superFan.save', superFan, loaded: versionOf(defaultSuperFan) }, ctx);
    expect(result.ok).toBe(true);
    expect((await db.singletons.get('superFan'))?.value).toEqual(superFan);
    expect((await loadWorkspace(db)).workspace.superFan.offered).toBe(true);
  });

  it('leaves settings of another shape for loading to report', async () => {
    const { db, loaded } = await openVersion8({ theme: 'dark', planner: 'not a planner' });
    expect((await storedSettings(db)).planner).toBe('not a planner');
    expect(loaded.unreadable.some((line) => line.startsWith('singletons/settings'))).toBe(true);
  });

  it('opens a database without stored settings with the defaults', async () => {
    const { loaded } = await openVersion8(undefined);
    expect(loaded.workspace.settings.planner).toEqual(defaultSettings.planner);
  });

  it('corrects the rupiah price points as seeded, and leaves edited ones alone', async () => {
    const { db, loaded } = await openVersion8(version8Settings(10), IDR_POINTS_BEFORE_MINOR_UNITS);
    const rupiah = loaded.workspace.pricePoints.find((p) => p.currency === 'IDR')!;
    expect(rupiah).toEqual(defaultPricePoints.find((p) => p.currency === 'IDR'));
    expect(formatMoney(rupiah.suggested[1]!, 'IDR', 'id-ID')).toMatch(/^Rp\s?49\.000/);
    expect(await db.pricePoints.get('IDR')).toEqual(rupiah);

    const edited = { ...IDR_POINTS_BEFORE_MINOR_UNITS, suggested: [49000] };
    const kept = await openVersion8(version8Settings(10), edited);
    expect(await kept.db.pricePoints.get('IDR')).toEqual(edited);
  });
});
