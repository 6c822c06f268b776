// One storage.local key the background publishes, followed while the component that shows it is shown.
import { useEffect, useState } from 'preact/hooks';
import { followStored } from '@/lib/client/client';

type Schema<T> = { safeParse(value: unknown): { success: true; data: T } | { success: false } };

/** The key's value (null when absent or invalid), and whether it has been read yet. */
export function useStored<T>(key: string, schema: Schema<T>): { value: T | null; loaded: boolean } {
  const [state, setState] = useState<{ value: T | null; loaded: boolean }>({ value: null, loaded: false });
  useEffect(() => followStored(key, schema, (value) => setState({ value, loaded: true })), [key, schema]);
  return state;
}
