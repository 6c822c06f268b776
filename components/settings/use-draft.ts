import { useEffect, useState } from 'preact/hooks';

/**
 * What a form shows while it is edited: starts from the saved record and starts again from it whenever
 * the record changes (saved here or in another page), without remounting, so focus stays where it is.
 */
export function useDraft<S, D>(source: S, toDraft: (source: S) => D): [D, (next: D) => void] {
  const [draft, setDraft] = useState(() => toDraft(source));
  const key = JSON.stringify(source);
  useEffect(() => setDraft(toDraft(source)), [key]);
  return [draft, setDraft];
}
