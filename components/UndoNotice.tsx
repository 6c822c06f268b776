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
 * `fallback` instead of being lost. The seconds count only while neither focus nor the pointer is on
 * the notice: whoever is reading it or about to press Undo is given the time they need.
 */
export function useUndoNotice(fallback: RefObject<HTMLElement | null>) {
  const [pending, setPending] = useState<Pending | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [focused, setFocused] = useState(false);
  const [pointed, setPointed] = useState(false);
  const undoButton = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);

  const dismiss = () => {
    if (box.current?.contains(document.activeElement)) fallback.current?.focus();
    setFocused(false);
    setPending(null);
  };

  useEffect(() => {
    if (pending) undoButton.current?.focus();
  }, [pending]);

  useEffect(() => {
    if (!pending || focused || pointed) return;
    const timer = setTimeout(dismiss, UNDO_MS);
    return () => clearTimeout(timer);
  }, [pending, focused, pointed]);

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
    <div
      class="undo-notice"
      role="status"
      ref={box}
      onFocusIn={() => setFocused(true)}
      onFocusOut={(event) => setFocused(box.current?.contains(event.relatedTarget as Node | null) ?? false)}
      onPointerEnter={() => setPointed(true)}
      onPointerLeave={() => setPointed(false)}
    >
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
