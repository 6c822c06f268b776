// Opens the options page on the real background (fake-indexeddb behind fakeBrowser) and seeds data the
// way the UI does: by sending commands through run().
import { render } from '@testing-library/preact';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import type { TierInput } from '@/lib/domain/schema';
import type { Perk, Tier } from '@/lib/domain/schema';
import { run, snapshot, startAppState, viewOutdated, workspace } from '@/components/app-state';
import { Root } from '@/components/mount';
import { OptionsApp } from '@/components/options/OptionsApp';
import { startFakeBackground } from '../../helpers/background';

let stop: (() => void) | undefined;

beforeEach(() => {
  snapshot.value = null;
  viewOutdated.value = false;
  history.replaceState(null, '', location.pathname);
  delete document.documentElement.dataset.theme;
});
afterEach(() => {
  stop?.();
  stop = undefined;
  vi.restoreAllMocks();
});

/** Starts the background and app state (seeding first if asked), then renders the page at `hash`. */
export async function openOptions(hash = '', seed?: () => Promise<void>) {
  startFakeBackground();
  stop = await startAppState();
  if (seed) await seed();
  if (hash) history.replaceState(null, '', hash);
  return render(<Root App={OptionsApp} />);
}

export async function saved(command: Parameters<typeof run>[0]) {
  expect(await run(command)).toEqual([]);
}

export const ws = () => workspace.value!;
export const tierNamed = (name: string): Tier => ws().tiers.find((tier) => tier.name === name)!;
export const perkTitled = (title: string): Perk => ws().perks.find((perk) => perk.title === title)!;

export function tier(name: string, priceMinor: number, extra: Partial<TierInput> = {}): TierInput {
  return {
    name,
    priceMinor,
    currency: 'USD',
    description: '',
    perkIds: [],
    includesLowerTiers: false,
    badge: { label: name.slice(0, 4).toUpperCase(), color: '#ffcc00' },
    tenureSteps: [1, 2, 3],
    ...extra,
  };
}

export async function seedProfile(market = 'US', currency = 'USD') {
  await saved({
    type: 'profile.save',
    profile: { handle: 'maya.makes', displayName: 'Maya', market, currency, age: { kind: 'confirmed-adult' } },
  });
}
