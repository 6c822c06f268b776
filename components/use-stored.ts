// One storage.local key the background publishes, followed while the component that shows it is shown.
import { useEffect, useState } from 'preact/hooks';
import { follow } from '@/lib/client/stored';
import type { StoredKey } from '@/lib/protocol/stored-keys';

/** The key's value (its fallback when absent or invalid), and whether it has been read yet. */
export function useStored<T, F extends T | null>(stored: StoredKey<T, F>): { value: T | F; loaded: boolean } {
  const [state, setState] = useState<{ value: T | F; loaded: boolean }>({ value: stored.fallback, loaded: false });
  useEffect(() => follow(stored, (value) => setState({ value, loaded: true })), [stored]);
  return state;
}
