// The pages' side of what the background keeps in storage.local: read a key, watch it, or both.
import { browser } from 'wxt/browser';
import { readStored, storedValue, type StoredKey } from '../protocol/stored-keys';

export const read = <T, F extends T | null>(stored: StoredKey<T, F>): Promise<T | F> => readStored(browser.storage.local, stored);

/** Calls back with each new value of a key (its fallback when removed or invalid); returns the unsubscribe. */
export function watch<T, F extends T | null>(stored: StoredKey<T, F>, onValue: (value: T | F) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && Object.hasOwn(changes, stored.key)) onValue(storedValue(stored, changes[stored.key]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * Calls back with a key's stored value, then with every later one; a change that arrives while the
 * first read is on its way is newer than what that read returns, so the read is then dropped.
 * Returns the stop.
 */
export function follow<T, F extends T | null>(stored: StoredKey<T, F>, onValue: (value: T | F) => void): () => void {
  let stopped = false;
  let changed = false;
  const stopWatching = watch(stored, (value) => {
    changed = true;
    onValue(value);
  });
  void read(stored).then((value) => {
    if (!stopped && !changed) onValue(value);
  });
  return () => {
    stopped = true;
    stopWatching();
  };
}
