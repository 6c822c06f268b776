import type { Perk, PerkKind } from '@/lib/domain/schema';

/** CONTRACT (being written): create (no perk) or edit a library perk; onDone gets the saved id. */
export function PerkEditor(_props: { perk?: Perk; kind?: PerkKind; onDone: (savedId?: string) => void }) {
  return null;
}
