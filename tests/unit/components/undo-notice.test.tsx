import { act, fireEvent, render, screen } from '@testing-library/preact';
import { useRef } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UNDO_MS, useUndoNotice } from '@/components/UndoNotice';

function Deleting({ undo }: { undo: () => Promise<[]> }) {
  const fallback = useRef<HTMLButtonElement>(null);
  const { offer, notice } = useUndoNotice(fallback);
  return (
    <>
      <button type="button" ref={fallback} onClick={() => offer('Removed Quiet Corner', undo)}>
        Remove
      </button>
      <button type="button">Elsewhere</button>
      {notice}
    </>
  );
}

const undoButton = () => screen.queryByRole('button', { name: 'Undo' });

describe('the Undo notice', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('stays while focus is on it, and goes once focus has been elsewhere for its time', async () => {
    render(<Deleting undo={async () => []} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    expect(document.activeElement).toBe(undoButton());
    act(() => void vi.advanceTimersByTime(UNDO_MS * 3));
    expect(undoButton()).not.toBeNull();

    const elsewhere = screen.getByRole('button', { name: 'Elsewhere' });
    act(() => {
      elsewhere.focus();
      fireEvent.focusOut(undoButton()!, { relatedTarget: elsewhere });
    });
    act(() => void vi.advanceTimersByTime(UNDO_MS - 1));
    expect(undoButton()).not.toBeNull();
    act(() => void vi.advanceTimersByTime(1));
    expect(undoButton()).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('stays while the pointer is on it', () => {
    render(<Deleting undo={async () => []} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    act(() => {
      screen.getByRole('button', { name: 'Elsewhere' }).focus();
      fireEvent.focusOut(undoButton()!, { relatedTarget: screen.getByRole('button', { name: 'Elsewhere' }) });
      fireEvent.pointerEnter(screen.getByRole('status'));
    });
    act(() => void vi.advanceTimersByTime(UNDO_MS * 2));
    expect(undoButton()).not.toBeNull();
    act(() => void fireEvent.pointerLeave(screen.getByRole('status')));
    act(() => void vi.advanceTimersByTime(UNDO_MS));
    expect(undoButton()).toBeNull();
  });

  it('puts focus back on the fallback when it goes while focused there', async () => {
    const undo = vi.fn(async () => [] as []);
    render(<Deleting undo={undo} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    await act(async () => void fireEvent.click(undoButton()!));
    expect(undo).toHaveBeenCalledTimes(1);
    expect(undoButton()).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove' }));
  });
});
