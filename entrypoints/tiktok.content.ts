// On tiktok.com: one page observer, the features in lib/page/features (with one roster lookup client
// and one work queue shared by the badge features), and the popup's "capture from this tab". Everything
// stops when the extension is updated or removed (the context is invalidated).
import { browser } from 'wxt/browser';
import { createRosterLookup, rosterStorageOf } from '@/lib/page/badges/roster-lookup';
import { createWorkQueue } from '@/lib/page/badges/work-queue';
import { captureNow } from '@/lib/page/features/own-profile-capture';
import { pageFeatures } from '@/lib/page/features';
import { isCaptureNowRequest, type Send } from '@/lib/page/messages';
import { createPageObserver } from '@/lib/page/observer';
import { runFeatures } from '@/lib/page/runner';

export default defineContentScript({
  matches: ['https://www.tiktok.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const observer = createPageObserver();
    // An invalidated context throws on send: the answer is then simply missing.
    const send: Send = (message) => browser.runtime.sendMessage(message).catch(() => undefined);
    const roster = createRosterLookup({ send, storage: rosterStorageOf(browser.storage) });
    const runner = runFeatures(pageFeatures({ roster, queue: createWorkQueue() }), { observer, send });
    const onMessage = (message: unknown) =>
      isCaptureNowRequest(message) ? captureNow(runner.view(), { observer, send }) : undefined;
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      runner.stop();
      roster.stop();
      observer.disconnect();
    });
  },
});
