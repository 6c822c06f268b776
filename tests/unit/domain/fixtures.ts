// Builders for valid records, so each test states only what it is about.
import { emptyWorkspace } from '@/lib/domain/defaults';
import type { CommandContext } from '@/lib/domain/commands';
import type { Perk, Profile, Tier, Workspace } from '@/lib/domain/schema';

export const NOW = 1_700_000_000_000;

export function tier(over: Partial<Tier> & { id: string }): Tier {
  return {
    name: over.id,
    priceMinor: 499,
    currency: 'EUR',
    description: '',
    perkIds: [],
    includesLowerTiers: true,
    badge: { label: 'SUB', color: '#ff0050' },
    tenureSteps: [1, 2, 3, 6, 9, 12, 18, 24, 36],
    position: 0,
    status: 'draft',
    createdAt: NOW,
    updatedAt: NOW,
    ...over,
  };
}

export function perk(id: string, over: Partial<Perk> = {}): Perk {
  return { id, kind: 'subscriber-chat', title: `Perk ${id}`, description: '', ...over } as Perk;
}

export const profile: Profile = {
  handle: 'mara.sings',
  displayName: 'Mara',
  market: 'IT',
  currency: 'EUR',
  age: { kind: 'confirmed-adult' },
  updatedAt: NOW,
};

/** A workspace with the given tiers and perks; positions follow the array order unless given. */
export function workspace(tiers: Tier[] = [], perks: Perk[] = [], over: Partial<Workspace> = {}): Workspace {
  return { ...emptyWorkspace(), tiers, perks, ...over };
}

/** Bronze 2.99 / Silver 4.99 / Gold 9.99, active, each with its own perk. */
export function threeTiers(): Workspace {
  return workspace(
    [
      tier({ id: 'bronze', name: 'Bronze', priceMinor: 299, position: 0, status: 'active', perkIds: ['chat'] }),
      tier({ id: 'silver', name: 'Silver', priceMinor: 499, position: 1, status: 'active', perkIds: ['videos'] }),
      tier({ id: 'gold', name: 'Gold', priceMinor: 999, position: 2, status: 'active', perkIds: ['discord'] }),
    ],
    [
      perk('chat'),
      perk('videos', { kind: 'subscriber-videos', title: 'Videos', perMonth: 4 } as Partial<Perk>),
      perk('discord', { kind: 'discord-role', title: 'Discord', roleName: 'Gold club' } as Partial<Perk>),
    ],
    { profile },
  );
}

export function context(locale = 'en-US'): CommandContext {
  let n = 0;
  return { now: NOW + 1000, newId: () => `new-${++n}`, locale };
}
