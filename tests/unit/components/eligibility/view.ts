// A published EligibilityView to render, written to storage.local the way the background publishes it.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BonusView, EligibilityWithBonus } from '@/lib/protocol/bonus-view';
import type { RequirementView } from '@/lib/protocol/schemas';
import { ELIGIBILITY_KEY } from '@/lib/protocol/stored-keys';

export const NOW = Date.parse('2026-03-10T12:00:00Z');

export function requirement(extra: Partial<RequirementView> & Pick<RequirementView, 'kind'>): RequirementView {
  return {
    met: null,
    value: null,
    threshold: null,
    progress: 0,
    estimate: false,
    dataDate: null,
    missingDays: [],
    projection: { status: 'no-data' },
    ...extra,
  };
}

/** The view as the background publishes it (with its whole bonus when `extra` gives one). */
export function view(extra: Partial<EligibilityWithBonus> = {}): EligibilityWithBonus {
  return {
    profileId: 'tiktok-subscription',
    profileName: 'TikTok Subscription',
    eligible: false,
    metCount: 1,
    total: 4,
    requirements: [
      requirement({ kind: 'age', met: true, value: 1 }),
      requirement({ kind: 'good-standing', met: null }),
      requirement({
        kind: 'followers',
        met: false,
        value: 8200,
        threshold: 10000,
        progress: 0.82,
        dataDate: '2026-03-10',
        projection: { status: 'on-pace', date: '2027-03-12', optimistic: '2027-01-05', pessimistic: '2027-06-30' },
      }),
      requirement({
        kind: 'video-views',
        window: 'rolling-30-days',
        met: false,
        value: 42000,
        threshold: 100000,
        progress: 0.42,
        estimate: true,
        dataDate: '2026-03-10',
        missingDays: ['2026-03-01', '2026-03-02'],
        projection: { status: 'not-at-current-pace', perDayNeeded: 1934.2 },
      }),
    ],
    latestCapture: { handle: 'mara.sings', capturedAt: NOW - 3 * 3_600_000, followers: 8200, source: 'universal', precise: true },
    computedAt: NOW,
    ...extra,
  };
}

/** A US creator's bonus in December, at risk: posts and views missing, followers met. */
export function bonus(extra: Partial<BonusView> = {}): BonusView {
  return {
    status: 'at-risk',
    daysLeft: 5,
    monthEnd: '2026-12-31',
    conditions: [
      { kind: 'followers', value: 12_400, threshold: 10_000, missing: 0, onTrack: true, perDayNeeded: 0, missingDays: 0 },
      { kind: 'video-views', value: 690_000, threshold: 1_000_000, missing: 310_000, onTrack: false, perDayNeeded: 62_000, missingDays: 2 },
      { kind: 'subscriber-only-posts', value: 1, threshold: 3, missing: 2, onTrack: false, perDayNeeded: 2, missingDays: 0 },
    ],
    urgent: 2,
    lastMonth: { result: 'missed', conditions: [{ met: true, value: 12_000 }, { met: false, value: 820_000 }, { met: true, value: 3 }] },
    history: [
      { start: '2026-11-01', result: 'missed' },
      { start: '2026-10-01', result: 'earned' },
      { start: '2026-09-01', result: 'unknown' },
    ],
    ...extra,
  };
}

export async function publishView(published: EligibilityWithBonus): Promise<void> {
  await fakeBrowser.storage.local.set({ [ELIGIBILITY_KEY]: published });
}
