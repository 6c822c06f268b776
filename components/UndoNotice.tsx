import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Workspace } from '@/lib/domain/schema';
import type { Problem } from '@/lib/domain/problems';
import { t } from '@/lib/i18n';
import { run } from './app-state';
import { Problems } from './Problems';

/** How long a deletion can be undone. */
export const UNDO_MS = 8000;

interface Pending {
  message: string;
  /** Puts back what was deleted: its problems, none when it worked. */
  undo: () => Promise<Problem[]>;
}

/**
 * After a deletion: a notice with an Undo button, for a few seconds. `offer` shows it and moves focus
 * to Undo, so the keyboard user who deleted can undo at once; when the notice goes, focus goes to
 * `fallback` instead of being lost.
 */
export function useUndoNotice(fallback: RefObject<HTMLElement | null>) {
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
    const found = await pending.undo();
    setProblems(found);
    if (!found.length) dismiss();
  };

  const offer = (message: string, undo: () => Promise<Problem[]>) => {
    setProblems([]);
    setPending({ message, undo });
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

/** Undo for a workspace change: puts back the workspace from before. */
export function useUndo(fallback: RefObject<HTMLElement | null>) {
  const { offer, notice } = useUndoNotice(fallback);
  return {
    offer: (message: string, before: Workspace) => offer(message, () => run({ type: 'workspace.restore', workspace: before })),
    notice,
  };
}
