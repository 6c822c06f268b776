// Who sent a message, as the background routes it: only Tierkit's own pages may change data; the
// content script on tiktok.com may only look up names, warm the roster, send captures and report
// diagnostics; anyone else gets no answer.

/** What the browser says about a message's sender (runtime.MessageSender, the fields read here). */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { url?: string };
}

export interface Own {
  /** This extension's id. */
  id: string;
  /** The origin of its pages: chrome-extension://<id>/ or moz-extension://<uuid>/. */
  origin: string;
}

export type SenderKind = 'page' | 'tiktok' | null;

const TIKTOK = 'https://www.tiktok.com/';

export function senderKind(sender: Sender, own: Own): SenderKind {
  if (sender.id !== own.id) return null;
  // The frame's own address: a tab's address says only where its top page is.
  const url = sender.url ?? sender.tab?.url ?? '';
  if (url.startsWith(own.origin)) return 'page';
  if (url.startsWith(TIKTOK)) return 'tiktok';
  return null;
}
