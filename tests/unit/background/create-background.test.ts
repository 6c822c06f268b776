// The background as the service worker makes it, on fake-indexeddb behind recorded browser APIs: who
// may ask what (Tierkit's own pages change data; the content script on tiktok.com only looks up, warms,
// captures and reports), and what install, start, alarms and menu clicks do.
import { describe, expect, it } from 'vitest';
import { createBackground, DAILY_ALARM } from '@/lib/background/create-background';
import { MENU_PARENT, MENU_POST } from '@/lib/background/context-menus';
import { senderKind, type Sender } from '@/lib/background/senders';
import type { MenuItem } from '@/lib/background/context-menus';
import { DIAGNOSTICS_KEY, ELIGIBILITY_KEY, ROSTER_KEY, SNAPSHOT_KEY, type StorageArea } from '@/lib/protocol/stored-keys';
import { loadWorkspace } from '@/lib/store/workspace-store';
import { TierkitDb } from '@/lib/store/db';

const OWN = { id: 'tierkit-id', origin: 'chrome-extension://tierkit-id/' };
const NOW = Date.UTC(2026, 10, 24, 12);

const senders = {
  popup: { id: OWN.id, url: `${OWN.origin}popup.html` },
  optionsTab: { id: OWN.id, url: `${OWN.origin}options.html`, tab: { url: `${OWN.origin}options.html` } },
  contentScript: { id: OWN.id, url: 'https://www.tiktok.com/@mara.sings/video/1', tab: { url: 'https://www.tiktok.com/@mara.sings/video/1' } },
  otherExtension: { id: 'someone-else', url: 'chrome-extension://someone-else/page.html' },
  otherExtensionPage: { id: OWN.id, url: 'chrome-extension://someone-else/page.html' },
  webPage: { id: OWN.id, url: 'https://example.com/', tab: { url: 'https://example.com/' } },
  lookalike: { id: OWN.id, url: 'https://www.tiktok.com.example.com/' },
  noUrl: { id: OWN.id },
} satisfies Record<string, Sender>;

function memoryStorage() {
  const items = new Map<string, unknown>();
  const area: StorageArea = {
    get: async (key) => (items.has(key) ? { [key]: items.get(key) } : {}),
    set: async (values) => void Object.entries(values).forEach(([k, v]) => items.set(k, v)),
    remove: async (key) => void items.delete(key),
  };
  return { area, items };
}

function setup() {
  const db = new TierkitDb(`background-${crypto.randomUUID()}`);
  const storage = memoryStorage();
  const alarms: string[] = [];
  const notices: { id: string | undefined; title: string }[] = [];
  const badges: string[] = [];
  let menu: MenuItem[] = [];
  let n = 0;
  const background = createBackground({
    db,
    own: OWN,
    storage: storage.area,
    toolbar: { setBadge: async (text) => void badges.push(text), setTitle: async () => undefined },
    notify: async (id, title) => void notices.push({ id, title }),
    menus: {
      removeAll: async () => {
        menu = [];
      },
      create: (item) => menu.push(item),
    },
    alarms: { create: (name) => alarms.push(name) },
    browserLanguage: () => 'en-US',
    defaultTitle: () => 'Tierkit',
    now: () => NOW,
    newId: () => `id-${++n}`,
    publishRetryDelaysMs: [0, 0],
  });
  return { db, background, storage, alarms, notices, badges, menu: () => menu };
}

const profile = { handle: 'mara.sings', displayName: 'Mara', market: 'IT', currency: 'EUR', age: { kind: 'confirmed-adult' as const } };
const saveProfile = { type: 'command', command: { type: 'profile.save', profile } };
const badge = { label: 'GOLD', color: '#ffcc00' };
const saveTier = {
  type: 'command',
  command: {
    type: 'tier.save',
    tier: { name: 'Gold', priceMinor: 499, currency: 'EUR', description: '', perkIds: [], includesLowerTiers: true, badge, tenureSteps: [1, 2, 3] },
  },
};
const activateTier = { type: 'command', command: { type: 'tier.setStatus', id: 'id-1', status: 'active' } };
const BAD_MESSAGE = 'Tierkit received a malformed request';

describe('who sent a message', () => {
  it.each([
    ['popup', 'page'],
    ['optionsTab', 'page'],
    ['contentScript', 'tiktok'],
    ['otherExtension', null],
    ['otherExtensionPage', null],
    ['webPage', null],
    ['lookalike', null],
    ['noUrl', null],
  ] as const)('%s is answered as %s', (name, kind) => {
    expect(senderKind(senders[name], OWN)).toBe(kind);
  });
});

describe('the background routes each message by its sender', () => {
  it('lets its own pages change the workspace, and publishes the change for them', async () => {
    const { background, db, storage } = setup();
    await expect(background.receive(saveProfile, senders.popup)).resolves.toMatchObject({ ok: true });
    await expect(background.receive(saveTier, senders.optionsTab)).resolves.toMatchObject({ ok: true });
    const { workspace } = await loadWorkspace(db);
    expect(workspace.profile?.handle).toBe('mara.sings');
    expect(workspace.tiers.map((t) => t.name)).toEqual(['Gold']);
    expect(storage.items.get(SNAPSHOT_KEY)).toMatchObject({ workspace: { tiers: [{ name: 'Gold' }] } });
  });

  it('refuses a change sent by the content script on tiktok.com, and changes nothing', async () => {
    const { background, db, storage } = setup();
    const answer = await background.receive(saveProfile, senders.contentScript);
    expect(answer).toMatchObject({ ok: false, problems: [{ message: BAD_MESSAGE }] });
    const wipe = await background.receive({ type: 'command', command: { type: 'workspace.wipe' } }, senders.contentScript);
    expect(wipe).toMatchObject({ ok: false });
    const exported = await background.receive({ type: 'pack.export' }, senders.contentScript);
    expect(exported).toMatchObject({ ok: false });
    expect((await loadWorkspace(db)).workspace.profile).toBeNull();
    expect(storage.items.has(SNAPSHOT_KEY)).toBe(false);
  });

  it('refuses the content script a post for the log, and stores nothing', async () => {
    const { background, db } = setup();
    await background.receive(saveProfile, senders.popup);
    const post = { type: 'posts.add', date: '2026-11-20', link: 'https://www.tiktok.com/@mara.sings/video/1' };
    await expect(background.receive(post, senders.contentScript)).resolves.toMatchObject({ ok: false, problems: [{ message: BAD_MESSAGE }] });
    await expect(background.receive({ type: 'posts.list' }, senders.contentScript)).resolves.toMatchObject({ ok: false });
    expect(await db.subscriberOnlyPosts.count()).toBe(0);
    // The same request from the options page is taken, so the refusal above is the sender's.
    await expect(background.receive(post, senders.optionsTab)).resolves.toMatchObject({ ok: true, data: { added: true } });
  });

  it('logs posts for its own pages only once there is a profile, and recomputes eligibility after each change', async () => {
    const { background, storage } = setup();
    const post = { type: 'posts.add', date: '2026-11-20', title: 'Q&A' };
    await expect(background.receive(post, senders.optionsTab)).resolves.toEqual({
      ok: false,
      problems: [{ path: [], message: expect.stringContaining('profile') }],
    });
    await background.receive(saveProfile, senders.popup);
    storage.items.delete(ELIGIBILITY_KEY);
    const added = (await background.receive(post, senders.optionsTab)) as { data: { post: { id: string } } };
    expect(added).toMatchObject({ ok: true, data: { added: true, post: { handle: 'mara.sings', date: '2026-11-20', title: 'Q&A' } } });
    expect(storage.items.has(ELIGIBILITY_KEY)).toBe(true);
    await expect(background.receive({ type: 'posts.list' }, senders.optionsTab)).resolves.toMatchObject({ ok: true, data: { posts: [{ title: 'Q&A' }] } });
    storage.items.delete(ELIGIBILITY_KEY);
    await expect(background.receive({ type: 'posts.remove', id: added.data.post.id }, senders.optionsTab)).resolves.toEqual({ ok: true, data: { removed: true } });
    expect(storage.items.has(ELIGIBILITY_KEY)).toBe(true);
    await expect(background.receive({ type: 'posts.list' }, senders.optionsTab)).resolves.toEqual({ ok: true, data: { posts: [] } });
  });

  it('answers the content script its lookups, warm-ups, capture questions and diagnostics', async () => {
    const { background, storage } = setup();
    await background.receive(saveProfile, senders.popup);
    await background.receive(saveTier, senders.popup);
    await background.receive(activateTier, senders.popup);
    await background.receive({ type: 'roster.save', subscriber: { handle: 'fan.one', tierId: 'id-1', since: '2026-01-10' } }, senders.popup);

    await expect(background.receive({ type: 'roster.warm' }, senders.contentScript)).resolves.toEqual({ ok: true });
    const lookup = (await background.receive(
      { type: 'roster.lookup', creator: 'mara.sings', handles: ['fan.one', 'stranger'], nicknames: [] },
      senders.contentScript,
    )) as { ok: boolean; handles: unknown[] };
    expect(lookup.ok).toBe(true);
    expect(lookup.handles[0]).toMatchObject({ d: 0, m: expect.any(Number) });
    expect(lookup.handles[1]).toBe(0);

    await expect(background.receive({ type: 'stats.wanted', handle: 'mara.sings' }, senders.contentScript)).resolves.toEqual({
      ok: true,
      wanted: true,
    });
    const report = { type: 'diagnostic.report', feature: 'comment-badges', page: 'video', selector: '[data-e2e="comment-level-1"]', status: 'missing' };
    await expect(background.receive(report, senders.contentScript)).resolves.toEqual({ ok: true });
    expect(storage.items.get(DIAGNOSTICS_KEY)).toMatchObject([{ feature: 'comment-badges', count: 1 }]);
  });

  it('does not answer other extensions, web pages, or pages of other extensions', async () => {
    const { background, db } = setup();
    for (const sender of [senders.otherExtension, senders.otherExtensionPage, senders.webPage, senders.lookalike, senders.noUrl]) {
      expect(background.receive(saveProfile, sender)).toBeUndefined();
      expect(background.receive({ type: 'roster.lookup', creator: 'mara.sings', handles: ['x'], nicknames: [] }, sender)).toBeUndefined();
    }
    expect((await loadWorkspace(db)).workspace.profile).toBeNull();
  });
});

describe('install, start, alarms and the menu', () => {
  it('on install sets the daily alarm and publishes the workspace, the roster state and eligibility', async () => {
    const { background, db, storage, alarms } = setup();
    await db.singletons.put({ key: 'profile', value: { ...profile, updatedAt: 1 } });
    await background.installed();
    expect(alarms).toEqual([DAILY_ALARM]);
    expect(storage.items.get(SNAPSHOT_KEY)).toMatchObject({ workspace: { profile: { handle: 'mara.sings' } } });
    expect(storage.items.get(ROSTER_KEY)).toMatchObject({ total: 0 });
    expect(storage.items.get(ELIGIBILITY_KEY)).toMatchObject({ eligible: false });
  });

  it('recomputes eligibility on the daily alarm only', async () => {
    const { background, db, storage } = setup();
    await db.singletons.put({ key: 'profile', value: { ...profile, updatedAt: 1 } });
    await background.alarm({ name: 'something-else' });
    expect(storage.items.has(ELIGIBILITY_KEY)).toBe(false);
    await background.alarm({ name: DAILY_ALARM });
    expect(storage.items.get(ELIGIBILITY_KEY)).toMatchObject({ eligible: false });
  });

  it('lists the tiers in the menu once published, and a click puts the linked person on the roster', async () => {
    const { background, menu } = setup();
    await background.receive(saveProfile, senders.popup);
    await background.receive(saveTier, senders.popup);
    await background.receive(activateTier, senders.popup);
    const gold = menu().find((item) => item.title === 'Tier: Gold' && item.parentId === MENU_PARENT);
    expect(gold).toBeDefined();
    await background.menuClicked({ menuItemId: gold!.id, linkUrl: 'https://www.tiktok.com/@fan.two' });
    const lookup = (await background.receive(
      { type: 'roster.lookup', creator: 'mara.sings', handles: ['fan.two'], nicknames: [] },
      senders.contentScript,
    )) as { handles: unknown[] };
    expect(lookup.handles[0]).toMatchObject({ d: 0, m: expect.any(Number) });
  });
});

describe('the monthly bonus of a creator in the US', () => {
  it('is at risk without subscriber-only posts, and on track once they are logged from the options page and the context menu', async () => {
    const { background, db, storage } = setup();
    const us = { ...profile, market: 'US', currency: 'USD' };
    await background.receive({ type: 'command', command: { type: 'profile.save', profile: us } }, senders.popup);
    // 24 November: 24 days of 4,000 views a day (96,000, on pace for 100,000) and 12,000 followers.
    const days = Array.from({ length: 24 }, (_, i) => ({ date: `2026-11-${String(i + 1).padStart(2, '0')}`, videoViews: 4_000, followers: 12_000 }));
    await background.receive({ type: 'stats.import', fileNames: ['Overview.csv'], days }, senders.optionsTab);
    const bonus = () => (storage.items.get(ELIGIBILITY_KEY) as { bonus: { status: string; conditions: { kind: string; value: number | null }[] } }).bonus;
    expect(bonus().status).toBe('at-risk');
    expect(bonus().conditions.find((c) => c.kind === 'subscriber-only-posts')?.value).toBe(0);

    const link = (id: string) => `https://www.tiktok.com/@mara.sings/video/${id}`;
    for (const [date, id] of [['2026-11-03', '7301'], ['2026-11-12', '7302']]) {
      await expect(background.receive({ type: 'posts.add', date, link: link(id!) }, senders.optionsTab)).resolves.toMatchObject({ ok: true });
    }
    // A content script may not log one.
    await expect(background.receive({ type: 'posts.add', date: '2026-11-20', link: link('7399') }, senders.contentScript)).resolves.toMatchObject({ ok: false });
    // Another creator's video is refused from the menu too.
    await background.menuClicked({ menuItemId: MENU_POST, linkUrl: 'https://www.tiktok.com/@someone.else/video/7400' });
    expect(bonus().conditions.find((c) => c.kind === 'subscriber-only-posts')?.value).toBe(2);
    // Two by the 24th is behind an even spread of three over the month.
    expect(bonus().status).toBe('at-risk');

    await background.menuClicked({ menuItemId: MENU_POST, linkUrl: link('7303') });
    expect(bonus().conditions.find((c) => c.kind === 'subscriber-only-posts')?.value).toBe(3);
    expect(bonus().status).toBe('on-track');
    expect(await db.subscriberOnlyPosts.count()).toBe(3);
  });
});

