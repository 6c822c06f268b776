// A modal confirmation about one thing (a pack to remove, a conflict to resolve): opened from a button,
// which gets the focus back when the dialog closes without the button having gone away.
import { useRef, useState } from 'preact/hooks';

export function useConfirm<T>() {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const [subject, setSubject] = useState<T | null>(null);
  return {
    dialog,
    /** What the open dialog asks about; null while it is closed. */
    subject,
    ask(value: T, button: HTMLElement) {
      opener.current = button;
      setSubject(value);
      dialog.current?.showModal();
    },
    /** Closes the dialog (Cancel, or before acting on a confirmation). */
    close() {
      dialog.current?.close();
    },
    /** The dialog's onClose. */
    onClose() {
      if (opener.current?.isConnected) opener.current.focus();
      setSubject(null);
    },
  };
}
