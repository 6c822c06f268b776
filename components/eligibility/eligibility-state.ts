// What pages show about eligibility: the view the background publishes in storage.local, as a signal.
// Started by the components that show it, so pages without eligibility read nothing.
import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { readStored, watchStored } from '@/lib/messaging/client';
import { ELIGIBILITY_KEY, eligibilityViewSchema, type EligibilityView } from '@/lib/messaging/protocol';

/** The published view; null before it is read, when there is none, or when it does not validate. */
export const eligibilityView = signal<EligibilityView | null>(null);

/** Reads the view and follows every newer one; returns the unsubscribe. */
export function startEligibilityState(): () => void {
  // A change that arrives while the first read is on its way is newer than what that read returns.
  let stopped = false;
  let changed = false;
  const stopWatching = watchStored(ELIGIBILITY_KEY, eligibilityViewSchema, (view) => {
    changed = true;
    eligibilityView.value = view;
  });
  void readStored(ELIGIBILITY_KEY, eligibilityViewSchema).then((view) => {
    if (!stopped && !changed) eligibilityView.value = view;
  });
  return () => {
    stopped = true;
    stopWatching();
  };
}

/** Follows the published view while the calling component is shown. */
export function useEligibilityView(): EligibilityView | null {
  useEffect(startEligibilityState, []);
  return eligibilityView.value;
}
