// The background's whole application, made from the browser APIs it uses, so that the service worker
// (entrypoints/background.ts) passes the real ones and tests pass fakes. It routes each message by its
// sender, publishes what pages read, keeps the context menu and the eligibility badge, and recomputes
// eligibility daily.
import { storedEligibilityWithBonus } from '../protocol/bonus-view';
import type { Diagnostic } from '../protocol/schemas';
import type { TierkitDb } from '../store/db';
import {
  readStored,
  storedDiagnostics,
  storedRoster,
  storedSnapshot,
  writeStored,
  type StorageArea,
} from '../protocol/stored-keys';
import { createContentHandler } from './content-handler';
import { createContextMenus, type MenusApi } from './context-menus';
import { createEligibilityPublisher } from './eligibility-publisher';
import { createHandler } from './pages-handler';
import { readCapturedPage } from './read-captured-page';
import { senderKind, type Own, type Sender } from './senders';

export const DAILY_ALARM = 'eligibility-daily';

export interface BackgroundDeps {
  db: TierkitDb;
  own: Own;
  /** storage.local: where pages read the published workspace, eligibility, roster state and diagnostics. */
  storage: StorageArea;
  /** The toolbar button's badge and title. */
  toolbar: {
    setBadge(text: string, color: string): Promise<void>;
    setTitle(title: string): Promise<void>;
  };
  /** Shows a notification; with an id, one of that id replaces the last. */
  notify(id: string | undefined, title: string, message: string): Promise<void>;
  menus: MenusApi;
  alarms: { create(name: string, info: { periodInMinutes: number }): unknown };
  browserLanguage(): string;
  /** The toolbar button's title when there is nothing to say (the manifest's, in the browser's language). */
  defaultTitle(): string;
  now?: () => number;
  newId?: () => string;
  publishRetryDelaysMs?: readonly number[];
}

export function createBackground(deps: BackgroundDeps) {
  const { db, storage } = deps;
  const refreshEligibility = createEligibilityPublisher({
    db,
    browserLanguage: deps.browserLanguage,
    now: deps.now,
    // With the whole bonus: the reminder already sent this month is part of it.
    readPublished: () => readStored(storage, storedEligibilityWithBonus),
    publish: (view) => writeStored(storage, storedEligibilityWithBonus, view),
    setBadge: async (text, title) => {
      await deps.toolbar.setBadge(text, text === '✓' ? '#137a3a' : '#5c5c6b');
      await deps.toolbar.setTitle(title || deps.defaultTitle());
    },
    notify: (id, title, message) => deps.notify(id, title, message),
  });
  const onStatsChanged = async () => void (await refreshEligibility());
  const writeDiagnostics = (list: Diagnostic[]) => writeStored(storage, storedDiagnostics, list);
  const menus = createContextMenus({
    menus: deps.menus,
    setTier: (handle, tierId) => pages.setTierFromMenu(handle, tierId),
    remove: (handle) => pages.removeFromMenu(handle),
    addPost: (link) => pages.addPostFromMenu(link),
    notify: (title, message) => deps.notify(undefined, title, message),
  });
  const pages = createHandler({
    db,
    publish: async (snapshot) => {
      await writeStored(storage, storedSnapshot, snapshot);
      await menus.update(snapshot.workspace);
    },
    publishRoster: (status) => writeStored(storage, storedRoster, status),
    writeDiagnostics,
    browserLanguage: deps.browserLanguage,
    onStatsChanged,
    now: deps.now,
    newId: deps.newId,
    publishRetryDelaysMs: deps.publishRetryDelaysMs,
  });
  const tiktok = createContentHandler({
    db,
    readPage: readCapturedPage,
    onRecorded: onStatsChanged,
    lookup: pages.lookup,
    warm: pages.warm,
    readDiagnostics: () => readStored(storage, storedDiagnostics),
    writeDiagnostics,
    now: deps.now,
  });

  return {
    /** A runtime message: answered by the part its sender may use; undefined (no answer) for anyone else. */
    receive(message: unknown, sender: Sender): Promise<unknown> | undefined {
      switch (senderKind(sender, deps.own)) {
        case 'page':
          return pages.handle(message);
        case 'tiktok':
          return tiktok(message);
        case null:
          return undefined;
      }
    },
    /**
     * On install and update: publish, so a schema upgrade reaches the pages at once; recompute eligibility
     * daily, as the 30-day window moves even when no new numbers come in.
     */
    async installed(): Promise<void> {
      // Each independent of the others: one that fails does not keep the others from running.
      await Promise.allSettled([
        Promise.resolve(deps.alarms.create(DAILY_ALARM, { periodInMinutes: 24 * 60 })),
        pages.publishNow(),
        onStatsChanged(),
      ]);
    },
    /**
     * At browser start the published snapshot and roster state are still in storage.local: only
     * eligibility, which moves with the date, is recomputed. The roster loads on its first use.
     */
    started: onStatsChanged,
    menuClicked: (info: { menuItemId: string | number; linkUrl?: string }) => menus.clicked(info),
    async alarm(alarm: { name: string }): Promise<void> {
      if (alarm.name === DAILY_ALARM) await onStatsChanged();
    },
  };
}
