// Shared by the popup and tier component tests: the real background behind fakeBrowser, the pages'
// state started on it, and a few ready-made records.
import { afterEach, beforeEach, expect } from 'vitest';
import { fireEvent, screen } from '@testing-library/preact';
import { run, snapshot, startAppState, workspace } from '@/components/app-state';
import type { Command } from '@/lib/domain/commands';
import type { TierInput } from '@/lib/domain/schema';
import type { Workspace } from '@/lib/domain/schema';
import { startFakeBackground } from '../../helpers/background';

let stop: (() => void) | undefined;

/** Fresh background and state for every test of the file. */
export function useFakeExtension(): void {
  beforeEach(async () => {
    snapshot.value = null;
    startFakeBackground();
    stop = await startAppState();
  });
  afterEach(() => {
    stop?.();
    stop = undefined;
  });
}

/** Runs commands the way a page does and fails the test if one is refused. */
export async function seed(...commands: Command[]): Promise<void> {
  for (const command of commands) expect(await run(command)).toEqual([]);
}

export const current = (): Workspace => workspace.value!;

export const profileCommand: Command = {
  type: 'profile.save',
  profile: { handle: 'mia.makes', displayName: 'Mia', market: 'IT', currency: 'EUR', age: { kind: 'confirmed-adult' } },
};

export function tierCommand(name: string, priceMinor: number, extra: Partial<TierInput> = {}): Command {
  return {
    type: 'tier.save',
    tier: {
      name,
      priceMinor,
      currency: 'EUR',
      description: '',
      perkIds: [],
      includesLowerTiers: true,
      badge: { label: name.slice(0, 4).toUpperCase(), color: '#ffcc00' },
      tenureSteps: [1, 2, 3],
      ...extra,
    },
  };
}

export const tierId = (name: string): string => current().tiers.find((tier) => tier.name === name)!.id;

export function type(label: string | RegExp, value: string): void {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

/** The tier names in the order the "Tiers" list shows them. */
export function shownTierNames(): string[] {
  const list = screen.getByRole('list', { name: 'Tiers' });
  return [...list.querySelectorAll(':scope > li .tier-name')].map((heading) => heading.textContent ?? '');
}
