// Opening version 5's data: the bonus rule for other markets gains its followers condition unless the
// creator edited it, and LIVE Subscription 2022 is marked retired, never deleted.
import { describe, expect, it } from 'vitest';
import {
  ELSEWHERE_BONUS_BEFORE_FOLLOWERS,
  LIVE_SUBSCRIPTION_2022_ID,
  TIKTOK_SUBSCRIPTION_ID,
  bonusConditionsFor,
  type BonusConditions,
  type EligibilityProfile,
} from '@/lib/eligibility/rules';
import { defaultSettings } from '@/lib/domain/defaults';
import { TierkitDb } from '@/lib/store/db';
import { loadWorkspace } from '@/lib/store/workspace-store';
import { shippedDb } from '../helpers/shipped-db';

const usCa: BonusConditions = {
  id: 'us-ca',
  name: 'United States and Canada',
  markets: ['US', 'CA'],
  requirements: [
    { kind: 'followers', min: 10_000 },
    { kind: 'video-views', min: 100_000, window: 'calendar-month' },
    { kind: 'subscriber-only-posts', min: 3, window: 'calendar-month' },
  ],
};
const subscription: EligibilityProfile = {
  id: TIKTOK_SUBSCRIPTION_ID,
  name: 'TikTok Subscription',
  requirements: [{ kind: 'age' }, { kind: 'good-standing' }, { kind: 'followers', min: 10_000 }, { kind: 'video-views', min: 100_000, window: 'rolling-30-days' }],
};
const live2022 = { id: LIVE_SUBSCRIPTION_2022_ID, name: 'LIVE Subscription 2022', requirements: [{ kind: 'age' }, { kind: 'followers', min: 1_000 }] };

/** Version 5's data as Tierkit wrote it, with these rules; then the current database on it. */
async function openVersion5(rules: { bonus: unknown[]; profiles: unknown[] }) {
  const name = `v5-${crypto.randomUUID()}`;
  const old = shippedDb(name, 5);
  await old.open();
  await old.table('singletons').put({ key: 'settings', value: { ...defaultSettings, eligibilityProfileId: LIVE_SUBSCRIPTION_2022_ID } });
  await old.table('bonusConditions').bulkPut(rules.bonus);
  await old.table('eligibilityProfiles').bulkPut(rules.profiles);
  old.close();
  const db = new TierkitDb(name);
  return { db, loaded: await loadWorkspace(db) };
}

describe('opening version 5 data', () => {
  it('gives the untouched rule for other markets its followers condition', async () => {
    const { db, loaded } = await openVersion5({ bonus: [usCa, ELSEWHERE_BONUS_BEFORE_FOLLOWERS], profiles: [subscription, live2022] });
    expect(loaded.unreadable).toEqual([]);
    expect(bonusConditionsFor(loaded.workspace.bonusConditions, 'IT')?.requirements).toEqual([
      { kind: 'followers', min: 10_000 },
      { kind: 'video-views', min: 1_000_000, window: 'calendar-month' },
    ]);
    // The other rule is not touched.
    expect(loaded.workspace.bonusConditions.find((c) => c.id === 'us-ca')).toEqual(usCa);
    expect(await db.bonusConditions.count()).toBe(2);
  });

  it('takes the untouched rule however its keys were ordered when it was saved', async () => {
    const reordered = { requirements: ELSEWHERE_BONUS_BEFORE_FOLLOWERS.requirements, markets: ['*'], name: 'Other markets', id: 'elsewhere' };
    const { loaded } = await openVersion5({ bonus: [usCa, reordered], profiles: [subscription, live2022] });
    expect(bonusConditionsFor(loaded.workspace.bonusConditions, 'FR')?.requirements.map((r) => r.kind)).toEqual(['followers', 'video-views']);
  });

  it('keeps a rule for other markets the creator edited as it is', async () => {
    const edited = { ...ELSEWHERE_BONUS_BEFORE_FOLLOWERS, requirements: [{ kind: 'video-views', min: 2_000_000, window: 'calendar-month' }] };
    const renamed = { ...ELSEWHERE_BONUS_BEFORE_FOLLOWERS, name: 'Europe and the rest' };
    for (const rule of [edited, renamed]) {
      const { loaded } = await openVersion5({ bonus: [usCa, rule], profiles: [subscription, live2022] });
      expect(loaded.workspace.bonusConditions.find((c) => c.id === 'elsewhere')).toEqual(rule);
    }
  });

  it('adds no rule for other markets where the creator deleted it', async () => {
    const { loaded } = await openVersion5({ bonus: [usCa], profiles: [subscription, live2022] });
    expect(loaded.workspace.bonusConditions.map((c) => c.id)).toEqual(['us-ca']);
  });

  it('marks LIVE Subscription 2022 retired, edited or not, keeps it chosen, and leaves the other profiles alone', async () => {
    const edited = { ...live2022, name: 'My LIVE rules', requirements: [{ kind: 'followers', min: 2_000 }] };
    for (const profile of [live2022, edited]) {
      const { loaded } = await openVersion5({ bonus: [usCa, ELSEWHERE_BONUS_BEFORE_FOLLOWERS], profiles: [subscription, profile] });
      expect(loaded.unreadable).toEqual([]);
      const kept = loaded.workspace.eligibilityProfiles.find((p) => p.id === LIVE_SUBSCRIPTION_2022_ID);
      expect(kept).toEqual({ ...profile, retired: { since: '2025-09', note: expect.stringContaining('Super Fan') } });
      expect(loaded.workspace.eligibilityProfiles.find((p) => p.id === TIKTOK_SUBSCRIPTION_ID)).toEqual(subscription);
      expect(loaded.workspace.settings.eligibilityProfileId).toBe(LIVE_SUBSCRIPTION_2022_ID);
    }
  });
});
