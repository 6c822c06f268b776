import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Problem } from '@/lib/domain/problems';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/client';
import type { Subscriber } from '@/lib/roster/schema';
import { Problems } from '../Problems';
import { UNDO_MS } from '../UndoNotice';

interface Pending {
  message: string;
  removed: Subscriber[];
}

/**
 * After subscribers are removed: a notice with Undo, which puts the removed records back as they were
 * (roster.restore), for as long as the workspace's Undo lasts. As components/UndoNotice does, `offer`
 * moves focus to Undo, and focus goes to `fallback` when the notice goes.
 */
export function useRosterUndo(fallback: RefObject<HTMLElement | null>) {
  const [pending, setPending] = useState<Pending | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const undoButton = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);

  const dismiss = () => {
    if (box.current?.contains(document.activeElement)) fallback.current?.focus();
    setPending(null);
  };

  useEffect(() => {
    if (!pending) return;
    undoButton.current?.focus();
    const timer = setTimeout(dismiss, UNDO_MS);
    return () => clearTimeout(timer);
  }, [pending]);

  const undo = async () => {
    if (!pending) return;
    const response = await send({ type: 'roster.restore', subscribers: pending.removed });
    setProblems(response.ok ? [] : response.problems);
    if (response.ok) dismiss();
  };

  const offer = (message: string, removed: Subscriber[]) => {
    setProblems([]);
    setPending({ message, removed });
  };

  const notice = (
    <div class="undo-notice" role="status" ref={box}>
      {pending ? (
        <>
          <span>{pending.message}</span>
          <button type="button" ref={undoButton} onClick={undo}>
            {t('common.undo')}
          </button>
        </>
      ) : null}
      <Problems problems={problems} />
    </div>
  );
  return { offer, notice };
}
