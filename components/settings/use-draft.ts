import { useEffect, useRef, useState } from 'preact/hooks';

export interface Loaded<S> {
  /** The record the draft started from: its version is what a save of the draft carries. */
  loaded: S;
  /** Starts again from `current` (the record as the snapshot has it now): after a save, or a refusal. */
  reload(current: S): void;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What a form shows while it is edited. It starts from the saved record and, while nothing is typed,
 * starts again from it whenever the record changes (saved here or in another page), without remounting,
 * so focus stays where it is. Once something is typed it keeps it: a save over a record changed since is
 * refused (see staleEdit in lib/domain/commands.ts), and reload() loads the current record.
 */
export function useDraft<S, D>(source: S, toDraft: (source: S) => D): [D, (next: D | ((draft: D) => D)) => void, Loaded<S>] {
  const [state, setState] = useState(() => ({ loaded: source, draft: toDraft(source) }));
  const convert = useRef(toDraft);
  convert.current = toDraft;
  const key = JSON.stringify(source);
  useEffect(() => {
    setState((now) => (same(now.draft, convert.current(now.loaded)) ? { loaded: source, draft: convert.current(source) } : now));
  }, [key]);
  return [
    state.draft,
    // A function of the draft as it is by then: several changes before the next render all count.
    (next) => setState((now) => ({ ...now, draft: next instanceof Function ? next(now.draft) : next })),
    { loaded: state.loaded, reload: (current) => setState({ loaded: current, draft: convert.current(current) }) },
  ];
}
