// Wires the real background handler, on fake-indexeddb, behind WXT's fakeBrowser, so page code can be
// tested end to end in happy-dom: pages send messages and read storage.local exactly as in the browser.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandler } from '@/lib/messaging/background-handler';
import { SNAPSHOT_KEY } from '@/lib/messaging/protocol';
import { TierkitDb } from '@/lib/store/db';

export function startFakeBackground() {
  const db = new TierkitDb(`test-${crypto.randomUUID()}`);
  let n = 0;
  const handler = createHandler({
    db,
    publish: (snapshot) => fakeBrowser.storage.local.set({ [SNAPSHOT_KEY]: snapshot }),
    browserLanguage: () => 'en-US',
    newId: () => `id-${++n}`,
  });
  // fakeBrowser honours only the sendResponse + `return true` form of a listener.
  fakeBrowser.runtime.onMessage.addListener(((message: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
    void handler.handle(message).then(sendResponse);
    return true;
  }) as never);
  return { db, handler };
}
