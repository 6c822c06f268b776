import { browser } from 'wxt/browser';
import { areas, languages, loadLanguage } from '@/lib/i18n';
import { createBackground } from '@/lib/background/create-background';
import { TierkitDb } from '@/lib/store/db';

export default defineBackground(() => {
  // Every area in every language: the background is built as one script (Vite inlines its import()s),
  // so they are in it anyway, and they arrive before its first event; the language then switches at
  // once wherever the background learns it (lib/background).
  void Promise.all(languages.map((language) => loadLanguage(language, areas)));
  const iconUrl = browser.runtime.getURL('/icon/128.png');
  // MV3 has `action`; Firefox's MV2 build has `browserAction`, the same API.
  const action = browser.action ?? browser.browserAction;
  const background = createBackground({
    db: new TierkitDb(),
    own: { id: browser.runtime.id, origin: browser.runtime.getURL('/') },
    storage: browser.storage.local,
    toolbar: {
      setBadge: async (text, color) => {
        await action.setBadgeText({ text });
        await action.setBadgeBackgroundColor({ color });
      },
      setTitle: (title) => action.setTitle({ title }),
    },
    notify: async (id, title, message) => {
      const options = { type: 'basic' as const, iconUrl, title, message };
      await (id ? browser.notifications.create(id, options) : browser.notifications.create(options));
    },
    menus: browser.contextMenus,
    alarms: browser.alarms,
    browserLanguage: () => navigator.language,
    defaultTitle: () => browser.i18n.getMessage('actionTitle'),
  });

  browser.runtime.onMessage.addListener((message, sender) => background.receive(message, sender));
  browser.runtime.onInstalled.addListener(() => void background.installed());
  browser.runtime.onStartup.addListener(() => void background.started());
  browser.contextMenus.onClicked.addListener((info) => void background.menuClicked(info));
  browser.alarms.onAlarm.addListener((alarm) => void background.alarm(alarm));
});
