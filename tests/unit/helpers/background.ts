// Wires the real background handler, on fake-indexeddb, behind WXT's fakeBrowser, so page code can be
// tested end to end in happy-dom: pages send messages and read storage.local exactly as in the browser.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandler } from '@/lib/background/pages-handler';
import { createContentHandler } from '@/lib/background/content-handler';
import { readCapturedPage } from '@/lib/background/read-captured-page';
import { diagnosticsSchema, type Diagnostic } from '@/lib/protocol/schemas';
import { DIAGNOSTICS_KEY, ROSTER_KEY, SNAPSHOT_KEY } from '@/lib/protocol/stored-keys';
import { TierkitDb } from '@/lib/store/db';

export function startFakeBackground() {
  const db = new TierkitDb(`test-${crypto.randomUUID()}`);
  let n = 0;
  const handler = createHandler({
    db,
    publish: (snapshot) => fakeBrowser.storage.local.set({ [SNAPSHOT_KEY]: snapshot }),
    publishRoster: (status) => fakeBrowser.storage.local.set({ [ROSTER_KEY]: status }),
    writeDiagnostics: (list) => fakeBrowser.storage.local.set({ [DIAGNOSTICS_KEY]: list }),
    browserLanguage: () => 'en-US',
    newId: () => `id-${++n}`,
    // A publish that storage refuses is tried again at once: tests count attempts, they do not wait.
    publishRetryDelaysMs: [0, 0],
  });
  // fakeBrowser (@webext-core/fake-browser 1.5) resolves sendMessage with what the listener returns and
  // passes no sendResponse, so the listener returns the handler's promise.
  fakeBrowser.runtime.onMessage.addListener(((message: unknown) => handler.handle(message)) as never);
  // The content script's side, called directly (fakeBrowser has one message channel, for the pages).
  const content = createContentHandler({
    db,
    readPage: readCapturedPage,
    onRecorded: async () => undefined,
    lookup: handler.lookup,
    warm: handler.warm,
    readDiagnostics: async () => {
      const parsed = diagnosticsSchema.safeParse((await fakeBrowser.storage.local.get(DIAGNOSTICS_KEY))[DIAGNOSTICS_KEY]);
      return parsed.success ? parsed.data : [];
    },
    writeDiagnostics: (list: Diagnostic[]) => fakeBrowser.storage.local.set({ [DIAGNOSTICS_KEY]: list }),
  });
  return { db, handler, content };
}
