// What pages show about eligibility: the view the background publishes in storage.local, as a signal.
// Started by the components that show it, so pages without eligibility read nothing.
import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { follow } from '@/lib/client/stored';
import type { EligibilityView } from '@/lib/protocol/schemas';
import { storedEligibility } from '@/lib/protocol/stored-keys';

/** The published view; null before it is read, when there is none, or when it does not validate. */
export const eligibilityView = signal<EligibilityView | null>(null);

/** Reads the view and follows every newer one; returns the unsubscribe. */
export function startEligibilityState(): () => void {
  return follow(storedEligibility, (view) => (eligibilityView.value = view));
}

/** Follows the published view while the calling component is shown. */
export function useEligibilityView(): EligibilityView | null {
  useEffect(startEligibilityState, []);
  return eligibilityView.value;
}
