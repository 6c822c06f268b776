// A published EligibilityView to render, written to storage.local the way the background publishes it.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type EligibilityView, type RequirementView } from '@/lib/protocol/schemas';
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

export function view(extra: Partial<EligibilityView> = {}): EligibilityView {
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

export async function publishView(published: EligibilityView): Promise<void> {
  await fakeBrowser.storage.local.set({ [ELIGIBILITY_KEY]: published });
}
