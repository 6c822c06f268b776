import { browser } from 'wxt/browser';
import { createHandler } from '@/lib/messaging/background-handler';
import { SNAPSHOT_KEY } from '@/lib/messaging/protocol';
import { TierkitDb } from '@/lib/store/db';

export default defineBackground(() => {
  const handler = createHandler({
    db: new TierkitDb(),
    publish: (snapshot) => browser.storage.local.set({ [SNAPSHOT_KEY]: snapshot }),
    browserLanguage: () => navigator.language,
  });
  browser.runtime.onMessage.addListener((message, sender) => {
    // Only Tierkit's own pages may change the workspace.
    if (sender.id !== browser.runtime.id || sender.tab?.url?.startsWith('http')) return undefined;
    return handler.handle(message);
  });
  // Publish on install and update, so a schema upgrade reaches the pages' snapshot at once.
  browser.runtime.onInstalled.addListener(() => void handler.publishNow());
});
