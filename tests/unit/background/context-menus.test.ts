// The tiktok.com context menu: which items it shows, and what a click does to the roster, with the real
// background handler on fake-indexeddb behind a recorded menus API.
import { describe, expect, it } from 'vitest';
import { createHandler } from '@/lib/background/pages-handler';
import { createContextMenus, menuItems, MENU_PARENT, MENU_POST, MENU_REMOVE, type MenuItem } from '@/lib/background/context-menus';
import { type Snapshot } from '@/lib/protocol/schemas';
import { rosterPageSchema } from '@/lib/protocol/roster-answers';
import { TierkitDb } from '@/lib/store/db';
import { setLanguage } from '@/lib/i18n';
import { profile, tier, workspace } from '../domain/fixtures';

const NOW = Date.UTC(2026, 10, 24, 12);

/** Runs `act` with the process in another time zone, as a browser elsewhere would run the background. */
async function inTimeZone<T>(zone: string, act: () => Promise<T>): Promise<T> {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    return await act();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}
// As the background entry point does.

async function setup() {
  const db = new TierkitDb(`menus-${crypto.randomUUID()}`);
  const shown: MenuItem[][] = [];
  let current: MenuItem[] = [];
  const notices: string[] = [];
  let n = 0;
  let published: Snapshot | null = null;
  const handler = createHandler({
    db,
    publish: async (snapshot) => void (published = snapshot),
    browserLanguage: () => 'en-US',
    now: () => NOW,
    newId: () => `id-${++n}`,
  });
  const menus = createContextMenus({
    menus: {
      removeAll: async () => {
        current = [];
      },
      create: (item) => {
        current.push(item);
        if (item.id === MENU_REMOVE) shown.push(current);
      },
    },
    setTier: handler.setTierFromMenu,
    remove: handler.removeFromMenu,
    addPost: handler.addPostFromMenu,
    notify: async (title, message) => void notices.push(`${title}: ${message}`),
  });
  await db.singletons.put({ key: 'profile', value: profile });
  await db.tiers.bulkPut([
    tier({ id: 'silver', name: 'Silver', position: 0, status: 'active' }),
    tier({ id: 'gold', name: 'Gold', position: 1, status: 'active', priceMinor: 999 }),
    tier({ id: 'old', name: 'Old', position: 2, status: 'archived', priceMinor: 1999 }),
  ]);
  const rows = async () =>
    rosterPageSchema.parse(
      ((await handler.handle({ type: 'roster.query', search: '', sort: 'handle', descending: false, offset: 0, limit: 50 })) as { data: unknown }).data,
    ).rows;
  return { db, handler, menus, shown, notices, rows, published: () => published };
}

const click = (menuItemId: string, linkUrl?: string) => ({ menuItemId, linkUrl });

describe('the tiktok.com context menu', () => {
  it('lists the tiers that are not archived, then Remove, on profile links of tiktok.com only', () => {
    const items = menuItems(workspace([tier({ id: 'silver', name: 'Silver' }), tier({ id: 'old', name: 'Old', status: 'archived' })]));
    expect(items.map((i) => [i.id, i.title, i.parentId])).toEqual([
      [MENU_PARENT, 'Tierkit subscriber', undefined],
      ['tierkit-tier:silver', 'Tier: Silver', MENU_PARENT],
      ['tierkit-separator', undefined, MENU_PARENT],
      [MENU_REMOVE, 'Remove from subscribers', MENU_PARENT],
      [MENU_POST, 'Count as subscriber-only post', undefined],
    ]);
    expect(items[0]).toMatchObject({
      contexts: ['link'],
      documentUrlPatterns: ['https://www.tiktok.com/*'],
      targetUrlPatterns: ['https://www.tiktok.com/@*'],
    });
    expect(menuItems(null).find((i) => i.id === 'tierkit-no-tiers')).toMatchObject({ enabled: false });
  });

  it('rebuilds only when the tiers or the language change', async () => {
    const { menus, shown } = await setup();
    const ws = workspace([tier({ id: 'silver', name: 'Silver' })]);
    await menus.update(ws);
    await menus.update(structuredClone(ws));
    expect(shown).toHaveLength(1);
    setLanguage('it');
    await menus.update(ws);
    expect(shown).toHaveLength(2);
    expect(shown[1]!.map((i) => i.title)).toContain('Livello: Silver');
  });

  it('adds the person behind a profile link, moves them to another tier, then removes them', async () => {
    const t = await setup();
    await t.menus.clicked(click('tierkit-tier:silver', 'https://www.tiktok.com/@Fan.One?lang=en'));
    expect((await t.rows()).map((r) => [r.handle, r.tierId, r.since, r.source])).toEqual([['fan.one', 'silver', '2026-11-24', 'context-menu']]);
    await t.menus.clicked(click('tierkit-tier:gold', 'https://www.tiktok.com/@fan.one'));
    expect((await t.rows()).map((r) => [r.id, r.tierId, r.since])).toEqual([['id-1', 'gold', '2026-11-24']]);
    await t.menus.clicked(click(MENU_REMOVE, 'https://www.tiktok.com/@fan.one'));
    expect(await t.rows()).toEqual([]);
    expect(t.notices).toEqual([]);
  });

  it('says why when the link is not a profile, the person is not on the roster, or the tier is gone', async () => {
    const t = await setup();
    await t.menus.clicked(click('tierkit-tier:gold', 'https://www.tiktok.com/@fan.one/video/123'));
    await t.menus.clicked(click(MENU_REMOVE, 'https://www.tiktok.com/@nobody'));
    await t.menus.clicked(click('tierkit-tier:deleted', 'https://www.tiktok.com/@fan.one'));
    expect(t.notices).toEqual([
      'Tierkit could not change the roster: This link does not lead to a TikTok profile.',
      'Tierkit could not change the roster: @nobody is not on your roster.',
      'Tierkit could not change the roster: Choose one of your tiers',
    ]);
    expect(await t.db.subscribers.count()).toBe(0);
  });

  it('offers "Count as subscriber-only post" on video links of tiktok.com only, beside the subscriber items', () => {
    const items = menuItems(workspace([tier({ id: 'silver', name: 'Silver' })]));
    expect(items.find((i) => i.id === MENU_POST)).toEqual({
      id: MENU_POST,
      title: 'Count as subscriber-only post',
      contexts: ['link'],
      documentUrlPatterns: ['https://www.tiktok.com/*'],
      targetUrlPatterns: ['https://www.tiktok.com/@*/video/*'],
    });
    // The subscriber menu still targets every profile link.
    expect(items.find((i) => i.id === MENU_PARENT)?.targetUrlPatterns).toEqual(['https://www.tiktok.com/@*']);
  });

  it('logs the creator’s own video as a post of the creator’s own day, once, recomputing eligibility only for a new post', async () => {
    const t = await setup();
    let recomputed = 0;
    const handler = createHandler({ db: t.db, publish: async () => undefined, browserLanguage: () => 'en-US', now: () => NOW, onStatsChanged: async () => void recomputed++ });
    const link = 'https://www.tiktok.com/@mara.sings/video/7301234567890123456';
    // Noon UTC on the 24th is already the 25th on Kiritimati (UTC+14): the post is the creator's, of their day.
    await inTimeZone('Pacific/Kiritimati', () => t.menus.clicked(click(MENU_POST, link)));
    expect(t.notices).toEqual(['Tierkit logged a subscriber-only post: This video counts as your subscriber-only post of November 25, 2026.']);
    expect(await t.db.subscriberOnlyPosts.toArray()).toEqual([
      { id: 'video-7301234567890123456', handle: 'mara.sings', date: '2026-11-25', videoId: '7301234567890123456', addedAt: NOW },
    ]);
    await t.menus.clicked(click(MENU_POST, link));
    expect(t.notices.at(-1)).toBe('Already logged: This video was logged already, as your post of November 25, 2026: it counts once.');
    // Logged by hand first under another day, the video keeps that day and is not counted again.
    await t.db.subscriberOnlyPosts.clear();
    await t.handler.handle({ type: 'posts.add', date: '2026-11-20', title: 'Q&A', link });
    expect(await handler.addPostFromMenu(`${link}?is_from_webapp=1`)).toMatchObject({ ok: true, value: { added: false, post: { date: '2026-11-20', title: 'Q&A' } } });
    expect(recomputed).toBe(0);
    expect(await handler.addPostFromMenu('https://www.tiktok.com/@mara.sings/video/55')).toMatchObject({ ok: true, value: { added: true } });
    expect(recomputed).toBe(1);
    expect(await t.db.subscriberOnlyPosts.count()).toBe(2);
    expect(await t.rows()).toEqual([]);
  });

  it('says why it stores nothing for another creator’s video, a link that is not a video, or no profile', async () => {
    const t = await setup();
    await t.menus.clicked(click(MENU_POST, 'https://www.tiktok.com/@someone.else/video/42'));
    await t.menus.clicked(click(MENU_POST, 'https://www.tiktok.com/@mara.sings'));
    await t.db.singletons.delete('profile');
    await t.menus.clicked(click(MENU_POST, 'https://www.tiktok.com/@mara.sings/video/42'));
    expect(t.notices).toEqual([
      'Tierkit did not log this post: This video is @someone.else’s: only your own (@mara.sings) videos count',
      'Tierkit did not log this post: This is not the address of a TikTok video (https://www.tiktok.com/@you/video/…)',
      expect.stringMatching(/^Tierkit did not log this post: .*profile/),
    ]);
    expect(await t.db.subscriberOnlyPosts.count()).toBe(0);
  });

  it('ignores clicks on items that are not its own', async () => {
    const t = await setup();
    await t.menus.clicked(click('someone-else', 'https://www.tiktok.com/@fan.one'));
    expect(t.notices).toEqual([]);
    expect(await t.db.subscribers.count()).toBe(0);
  });
});
