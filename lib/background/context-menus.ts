// The context menu on tiktok.com: on a link to a profile (a commenter's name, a badge, which links to
// its subscriber's profile), put that person on the roster in a chosen tier, move them to another, or
// remove them. The menu lists the creator's tiers, so it is rebuilt when they change. On a link to a
// video, a separate item logs it as one of the creator's subscriber-only posts.
import type { Problem, Result } from '../domain/problems';
import type { Workspace } from '../domain/schema';
import { locale, t } from '../i18n';
import { routeOf } from '../parsers/tiktok-routes';

export const MENU_PARENT = 'tierkit-subscriber';
export const MENU_REMOVE = 'tierkit-remove';
export const MENU_POST = 'tierkit-post';
const TIER_PREFIX = 'tierkit-tier:';

/** The part of browser.contextMenus used here (Chrome and Firefox alike). */
export interface MenusApi {
  removeAll(): Promise<void>;
  create(properties: MenuItem): unknown;
}

export interface MenuItem {
  id: string;
  title?: string;
  type?: 'normal' | 'separator';
  parentId?: string;
  enabled?: boolean;
  contexts?: ['link'];
  documentUrlPatterns?: string[];
  targetUrlPatterns?: string[];
}

export interface MenuDeps {
  menus: MenusApi;
  setTier(handle: string, tierId: string): Promise<{ ok: true } | { ok: false; problems: Problem[] }>;
  remove(handle: string): Promise<unknown[]>;
  /** Logs the linked video as one of the creator's subscriber-only posts (only their own video is taken). */
  addPost(link: string): Promise<Result<{ post: { date: string }; added: boolean }>>;
  notify(title: string, message: string): Promise<void>;
}

/** The items for a workspace: one per tier that is not archived, then Remove. Pure, for tests. */
export function menuItems(workspace: Workspace | null): MenuItem[] {
  const tiers = (workspace?.tiers ?? []).filter((tier) => tier.status !== 'archived');
  const parent: MenuItem = {
    id: MENU_PARENT,
    title: t('menu.parent'),
    contexts: ['link'],
    documentUrlPatterns: ['https://www.tiktok.com/*'],
    targetUrlPatterns: ['https://www.tiktok.com/@*'],
  };
  const child = (item: Omit<MenuItem, 'parentId'>): MenuItem => ({ ...item, parentId: MENU_PARENT });
  const tierItems = tiers.length
    ? tiers.map((tier) => child({ id: `${TIER_PREFIX}${tier.id}`, title: t('menu.tier', { tier: tier.name }) }))
    : [child({ id: 'tierkit-no-tiers', title: t('menu.noTiers'), enabled: false })];
  return [
    parent,
    ...tierItems,
    child({ id: 'tierkit-separator', type: 'separator' }),
    child({ id: MENU_REMOVE, title: t('menu.remove') }),
    // Its own item, not a child: the subscriber items stay as they are on every profile link.
    {
      id: MENU_POST,
      title: t('menu.post'),
      contexts: ['link'],
      documentUrlPatterns: ['https://www.tiktok.com/*'],
      targetUrlPatterns: ['https://www.tiktok.com/@*/video/*'],
    },
  ];
}

export function createContextMenus(deps: MenuDeps) {
  let shown = '';
  // Rebuilds run one after another: removeAll then create must not interleave with another rebuild.
  let rebuilding: Promise<void> = Promise.resolve();

  /** Logs the video; whether it was taken or why not, the notification says, as a menu shows nothing else. */
  async function postClicked(link: string): Promise<void> {
    const added = await deps.addPost(link);
    if (!added.ok) return deps.notify(t('notify.post.refused'), added.problems.map((p) => p.message).join(' '));
    const date = new Intl.DateTimeFormat(locale(), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${added.value.post.date}T00:00:00Z`));
    return added.value.added
      ? deps.notify(t('notify.post.title'), t('notify.post.added', { date }))
      : deps.notify(t('notify.post.againTitle'), t('notify.post.again', { date }));
  }

  return {
    /** Rebuilds the menu when the tiers or the language changed. */
    update(workspace: Workspace | null): Promise<void> {
      const items = menuItems(workspace);
      const key = JSON.stringify(items);
      if (key === shown) return rebuilding;
      shown = key;
      rebuilding = rebuilding.then(async () => {
        await deps.menus.removeAll();
        for (const item of items) deps.menus.create(item);
      });
      return rebuilding;
    },

    /** A click on one of the items, with the link it was opened on. */
    async clicked(info: { menuItemId: string | number; linkUrl?: string }): Promise<void> {
      const id = String(info.menuItemId);
      if (id === MENU_POST) return postClicked(info.linkUrl ?? '');
      if (id !== MENU_REMOVE && !id.startsWith(TIER_PREFIX)) return;
      const route = routeOf(info.linkUrl ?? '');
      if (route.kind !== 'profile') return deps.notify(t('notify.menu.title'), t('notify.menu.notProfile'));
      if (id === MENU_REMOVE) {
        const removed = await deps.remove(route.handle);
        if (removed.length === 0) return deps.notify(t('notify.menu.title'), t('notify.menu.notSubscriber', { handle: route.handle }));
        return;
      }
      const saved = await deps.setTier(route.handle, id.slice(TIER_PREFIX.length));
      if (!saved.ok) return deps.notify(t('notify.menu.title'), saved.problems.map((p) => p.message).join(' '));
    },
  };
}
