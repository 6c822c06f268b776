import type { Tier } from '@/lib/domain/schema';

/** CONTRACT (being written): create (no tier) or edit a tier, attach perks, create perks inline. */
export function TierEditor(_props: { tier?: Tier; onDone: () => void }) {
  return null;
}
