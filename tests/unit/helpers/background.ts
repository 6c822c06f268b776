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
  // fakeBrowser (@webext-core/fake-browser 1.5) resolves sendMessage with what the listener returns and
  // passes no sendResponse, so the listener returns the handler's promise.
  fakeBrowser.runtime.onMessage.addListener(((message: unknown) => handler.handle(message)) as never);
  return { db, handler };
}
