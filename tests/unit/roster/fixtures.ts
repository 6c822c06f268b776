import type { Tier } from '@/lib/domain/schema';
import type { Subscriber } from '@/lib/roster/schema';

export const NOW = Date.UTC(2025, 5, 1);

export function subscriber(overrides: Partial<Subscriber> = {}): Subscriber {
  return {
    id: 'sub-1',
    creatorHandle: 'mara.lens',
    handle: 'fan_one',
    tierId: 'tier-gold',
    since: '2025-01-15',
    status: 'active',
    note: '',
    source: 'manual',
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
}

export const tiers: Pick<Tier, 'id' | 'name' | 'tenureSteps'>[] = [
  { id: 'tier-silver', name: 'Silver', tenureSteps: [1, 2, 3, 6, 9, 12] },
  { id: 'tier-gold', name: 'Gold', tenureSteps: [1, 2, 3, 6, 9, 12] },
  { id: 'tier-plus', name: '+Plus', tenureSteps: [1, 3] },
];
