// What pages show about eligibility: the view the background publishes in storage.local, as a signal.
// Started by the components that show it, so pages without eligibility read nothing.
import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ELIGIBILITY_KEY, eligibilityViewSchema, type EligibilityView } from '@/lib/messaging/protocol';

/** The published view; null before it is read, when there is none, or when it does not validate. */
export const eligibilityView = signal<EligibilityView | null>(null);

function parseView(value: unknown): EligibilityView | null {
  const parsed = eligibilityViewSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Reads the view and follows every newer one; returns the unsubscribe. */
export function startEligibilityState(): () => void {
  // A change that arrives while the first read is on its way is newer than what that read returns.
  let stopped = false;
  let changed = false;
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(ELIGIBILITY_KEY in changes)) return;
    changed = true;
    eligibilityView.value = parseView(changes[ELIGIBILITY_KEY]?.newValue);
  };
  browser.storage.onChanged.addListener(listener);
  void browser.storage.local.get(ELIGIBILITY_KEY).then((stored) => {
    if (!stopped && !changed) eligibilityView.value = parseView(stored[ELIGIBILITY_KEY]);
  });
  return () => {
    stopped = true;
    browser.storage.onChanged.removeListener(listener);
  };
}

/** Follows the published view while the calling component is shown. */
export function useEligibilityView(): EligibilityView | null {
  useEffect(startEligibilityState, []);
  return eligibilityView.value;
}
