// A tier as the roster's parts use it: its badge for lookups, its position for the table's tier order.
import type { Tier } from '../../domain/schema';

/** A tier as a badge needs it, from the creator's workspace or from a pack. */
export type BadgeTier = Pick<Tier, 'id' | 'name' | 'badge' | 'tenureSteps'> & { position: number };

/** Tiers by id, each with its position in `tiers`. */
export function tierMap(tiers: readonly Pick<Tier, 'id' | 'name' | 'badge' | 'tenureSteps'>[]): Map<string, BadgeTier> {
  return new Map(tiers.map((tier, position) => [tier.id, { id: tier.id, name: tier.name, badge: tier.badge, tenureSteps: tier.tenureSteps, position }]));
}
