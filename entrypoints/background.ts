import { browser } from 'wxt/browser';
import { areas, languages, loadLanguage } from '@/lib/i18n';
import { createHandler } from '@/lib/background/pages-handler';
import { readStored } from '@/lib/client/client';
import { createContentHandler } from '@/lib/background/content-handler';
import { createContextMenus } from '@/lib/background/context-menus';
import { createEligibilityPublisher } from '@/lib/background/eligibility-publisher';
import {
  DIAGNOSTICS_KEY,
  ELIGIBILITY_KEY,
  ROSTER_KEY,
  SNAPSHOT_KEY,
  diagnosticsSchema,
  eligibilityViewSchema,
  type Diagnostic,
} from '@/lib/protocol/schemas';
import { readCapturedPage } from '@/lib/background/read-captured-page';
import { TierkitDb } from '@/lib/store/db';

const DAILY_ALARM = 'eligibility-daily';
const TIKTOK = 'https://www.tiktok.com/';

export default defineBackground(() => {
  // Every area in every language: the background is built as one script (Vite inlines its import()s),
  // so they are in it anyway, and they arrive before its first event; the language then switches at
  // once wherever the background learns it (lib/background).
  void Promise.all(languages.map((language) => loadLanguage(language, areas)));
  const db = new TierkitDb();
  const browserLanguage = () => navigator.language;
  const refreshEligibility = createEligibilityPublisher({
    db,
    browserLanguage,
    readPublished: () => readStored(ELIGIBILITY_KEY, eligibilityViewSchema),
    publish: (view) =>
      view ? browser.storage.local.set({ [ELIGIBILITY_KEY]: view }) : browser.storage.local.remove(ELIGIBILITY_KEY),
    setBadge: async (text, title) => {
      // MV3 has `action`; Firefox's MV2 build has `browserAction`, the same API.
      const action = browser.action ?? browser.browserAction;
      await action.setBadgeText({ text });
      await action.setBadgeBackgroundColor({ color: text === '✓' ? '#137a3a' : '#5c5c6b' });
      await action.setTitle({ title: title || browser.i18n.getMessage('actionTitle') });
    },
    notify: async (id, title, message) => {
      await browser.notifications.create(id, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title,
        message,
      });
    },
  });
  const onStatsChanged = async () => void (await refreshEligibility());
  const notify = async (title: string, message: string) => {
    await browser.notifications.create({ type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message });
  };
  const writeDiagnostics = (list: Diagnostic[]) => browser.storage.local.set({ [DIAGNOSTICS_KEY]: list });
  const menus = createContextMenus({
    menus: browser.contextMenus,
    setTier: (handle, tierId) => pages.setTierFromMenu(handle, tierId),
    remove: (handle) => pages.removeFromMenu(handle),
    notify,
  });
  const pages = createHandler({
    db,
    publish: async (snapshot) => {
      await browser.storage.local.set({ [SNAPSHOT_KEY]: snapshot });
      await menus.update(snapshot.workspace);
    },
    publishRoster: (status) => browser.storage.local.set({ [ROSTER_KEY]: status }),
    writeDiagnostics,
    browserLanguage,
    onStatsChanged,
  });
  const tiktok = createContentHandler({
    db,
    readPage: readCapturedPage,
    onRecorded: onStatsChanged,
    lookup: pages.lookup,
    warm: pages.warm,
    readDiagnostics: async () => (await readStored(DIAGNOSTICS_KEY, diagnosticsSchema)) ?? [],
    writeDiagnostics,
  });

  browser.runtime.onMessage.addListener((message, sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const url = sender.tab?.url ?? sender.url ?? '';
    // The content script on tiktok.com may only ask about and send captures; only Tierkit's own pages
    // may change the workspace.
    if (url.startsWith(TIKTOK)) return tiktok(message);
    if (url.startsWith('http')) return undefined;
    return pages.handle(message);
  });

  // Publish on install and update, so a schema upgrade reaches the pages at once; recompute daily, as
  // the 30-day window moves even when no new numbers come in.
  browser.runtime.onInstalled.addListener(() => {
    void pages.publishNow();
    void onStatsChanged();
    void browser.alarms.create(DAILY_ALARM, { periodInMinutes: 24 * 60 });
  });
  // At browser start the published snapshot and roster state are still in storage.local: only
  // eligibility, which moves with the date, is recomputed. The roster loads on its first use.
  browser.runtime.onStartup.addListener(() => void onStatsChanged());
  browser.contextMenus.onClicked.addListener((info) => void menus.clicked(info));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DAILY_ALARM) void onStatsChanged();
  });
});
