import type { RefObject } from 'preact';
import { ask } from '@/lib/client/ask';
import type { Subscriber } from '@/lib/roster/schema';
import { useUndoNotice } from '../UndoNotice';

/** After subscribers are removed: Undo puts the removed records back as they were (roster.restore). */
export function useRosterUndo(fallback: RefObject<HTMLElement | null>) {
  const { offer, notice } = useUndoNotice(fallback);
  return {
    offer: (message: string, removed: Subscriber[]) =>
      offer(message, async () => {
        const response = await ask({ type: 'roster.restore', subscribers: removed });
        return response.ok ? [] : response.problems;
      }),
    notice,
  };
}
