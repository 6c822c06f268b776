// Subscriber badges on tiktok.com in Chromium with the built extension: the creator mara.sings has a
// roster (saved through the extension's messages, as the options page does) and a fan's badge pack of
// kai.cooks (signed here, imported as a file would be). TikTok pages are served from
// tests/fixtures/pages; each page type and markup generation shows the right badges, follows
// single-page navigation and recycled chat slots, and follows roster edits while it is open.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TENURE_STEPS } from '@/lib/domain/schema';
import { createSigningKey, serializePack, signPack } from '@/lib/packs/keys';
import { launchExtension, screenshot, type Extension } from './harness';
import { seedSampleOffer } from './seed';
import { fixture, openTikTok as openTikTokPage, until } from './tiktok';

// What page.evaluate callbacks use inside the extension's pages.
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const VIDEO = 'https://www.tiktok.com/@mara.sings/video/7401234567890123457';
const OLD_VIDEO = 'https://www.tiktok.com/@mara.sings/video/7101234567890123456';
const LIVE = 'https://www.tiktok.com/@mara.sings/live';
const FEED = 'https://www.tiktok.com/foryou';
const LENA = 'https://www.tiktok.com/@lena.paints';

/** mara.sings's subscribers (tiers from seed.ts: fan "FAN", crew "CREW", front-row "VIP"). */
const SUBSCRIBERS = [
  { handle: 'fan.one', nickname: 'Fan One', tierId: 'front-row', since: '2025-03-03' },
  { handle: 'night_owl.22', nickname: 'Night Owl', tierId: 'crew', since: '2025-09-20' },
  { handle: 'lena.paints', nickname: 'Lena Paints', tierId: 'fan', since: '2024-01-15' },
  { handle: 'sky.blue.1', nickname: 'Sky Blue', tierId: 'fan', since: '2025-05-01' },
  { handle: 'sky.blue.2', nickname: 'Sky Blue', tierId: 'crew', since: '2025-06-01' },
];

interface ShownBadge {
  /** What the badge follows: a link's href, a sender's title, or a text. */
  near: string;
  creator: string;
  by: string;
  label: string;
  title: string;
  link: string | null;
}

/** The badges in a TikTok tab, read from the page's own world (the shadow roots are open). */
function badgesOf(page: Page): Promise<ShownBadge[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('tierkit-badge')].map((badge) => {
      let anchor = badge.previousElementSibling;
      while (anchor?.localName === 'tierkit-badge') anchor = anchor.previousElementSibling;
      return {
        near: anchor?.getAttribute('href') ?? anchor?.getAttribute('title') ?? anchor?.textContent?.trim() ?? '?',
        creator: badge.dataset.creator ?? '',
        by: badge.dataset.by ?? '',
        // What it reads ("🥇 VIP · 2"), after the emoji and before the level.
        label: (((badge.shadowRoot?.querySelector('a') ?? badge.shadowRoot)?.lastChild?.textContent ?? '').split('\u00a0').at(-1) ?? '').split('\u2009')[0] ?? '',
        title: badge.title,
        link: badge.shadowRoot?.querySelector('a')?.getAttribute('href') ?? null,
      };
    }),
  );
}

const summary = (badges: ShownBadge[]) => badges.map((b) => `${b.near} ${b.creator} ${b.label} ${b.by}`);

/** Waits until the tab shows exactly these badges (as `summary` writes them). */
async function expectBadges(page: Page, expected: string[]): Promise<ShownBadge[]> {
  const shown = await until(
    () => badgesOf(page),
    (badges) => JSON.stringify(summary(badges)) === JSON.stringify(expected),
    `badges ${JSON.stringify(expected)}`,
  ).catch(async (error: Error) => {
    expect(summary(await badgesOf(page)), error.message).toEqual(expected);
    throw error;
  });
  // And they stay so: nothing arrives late, twice.
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(summary(await badgesOf(page))).toEqual(expected);
  return shown;
}

async function send(extensionPage: Page, message: unknown): Promise<{ ok: boolean; data?: unknown; problems?: unknown }> {
  return (await extensionPage.evaluate((message) => chrome.runtime.sendMessage(message), message)) as {
    ok: boolean;
    data?: unknown;
  };
}

/** kai.cooks's badge pack, as a fan would receive it: lena.paints subscribes with the tier "Spoon". */
async function kaiPack(): Promise<string> {
  const key = await createSigningKey();
  const signed = await signPack(
    {
      creator: { handle: 'kai.cooks', displayName: 'Kai Cooks' },
      issuedAt: new Date().toISOString(),
      tiers: [{ id: 'spoon', name: 'Spoon', badge: { label: 'SPN', color: '#ff8800', emoji: '🥄' }, tenureSteps: DEFAULT_TENURE_STEPS }],
      subscribers: [{ handle: 'lena.paints', tierId: 'spoon', since: '2025-08-10' }],
    },
    key.privateKey,
    key.publicJwk,
  );
  if (!signed.ok) throw new Error(JSON.stringify(signed.problems));
  return serializePack(signed.pack);
}

let extension: Extension;
let extensionPage: Page;
const ids = new Map<string, string>();
/** Which fixture each path serves; tests switch generations by changing it. */
const served: Record<string, string> = {
  '/@mara.sings/video/7401234567890123457': 'video-2025',
  '/@mara.sings/video/7101234567890123456': 'video-2022',
  '/@mara.sings/live': 'live-2025',
  '/foryou': 'foryou-2025',
  '/@lena.paints': 'profile-other-2025',
  '/@mara.sings': 'profile-own-2025',
};
const errors: string[] = [];
const openPages = new Set<Page>();
/** Pages a test wrote itself, by path (before `served`). */
const written: Record<string, string> = {};

async function openTikTok(url: string): Promise<Page> {
  const page = await openTikTokPage(extension, url, errors);
  openPages.add(page);
  return page;
}

beforeAll(async () => {
  extension = await launchExtension();
  await extension.context.route('https://www.tiktok.com/**', async (route) => {
    const path = new URL(route.request().url()).pathname;
    const name = served[path];
    const body = written[path] ?? (name === undefined ? undefined : await fixture(name));
    if (body === undefined) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
  // The fixtures' avatars and TikTok's own chat badges: a transparent pixel, so nothing reaches the network.
  await extension.context.route('https://*.tiktokcdn.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'image/gif', body: Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64') }),
  );
  extensionPage = await extension.openOptions();
  await seedSampleOffer(extensionPage);
  for (const subscriber of SUBSCRIBERS) {
    const saved = await send(extensionPage, { type: 'roster.save', subscriber });
    if (!saved.ok) throw new Error(`roster.save ${subscriber.handle}: ${JSON.stringify(saved)}`);
    ids.set(subscriber.handle, (saved.data as { id: string }).id);
  }
  const imported = await send(extensionPage, { type: 'pack.import', fileName: 'kai.cooks.tierkit-pack', text: await kaiPack() });
  if (!imported.ok) throw new Error(`pack.import: ${JSON.stringify(imported)}`);
});

afterEach(async () => {
  for (const page of openPages) await page.close();
  openPages.clear();
});

afterAll(async () => {
  await extension?.close();
});

describe('badges on video pages', () => {
  it('badge comment and reply authors who subscribe, never @mentions (2024-26 markup)', async () => {
    const page = await openTikTok(VIDEO);
    const badges = await expectBadges(page, ['/@Fan.One mara.sings VIP handle', '/@night_owl.22 mara.sings CREW handle']);
    expect(badges[0]!.title).toMatch(/^Front Row · \d+ months · since Mar 3, 2025$/);
    expect(badges[0]!.link).toBe('https://www.tiktok.com/@fan.one');
    const mentionBadges = await page.evaluate(() => document.querySelectorAll('[data-e2e^="comment-level-"] tierkit-badge').length);
    expect(mentionBadges).toBe(0);
    const accessible = await page.evaluate(() => {
      const badge = document.querySelector('tierkit-badge')!;
      return { role: badge.getAttribute('role'), name: badge.getAttribute('aria-label') };
    });
    expect(accessible).toEqual({ role: 'img', name: expect.stringMatching(/^Front Row subscriber, level \d+$/) });
    await screenshot(page, 'tiktok-video-badges');
  });

  it('badge the same people in the 2022-23 markup', async () => {
    const page = await openTikTok(OLD_VIDEO);
    await expectBadges(page, ['/@Fan.One mara.sings VIP handle', '/@night_owl.22 mara.sings CREW handle']);
  });

  it('keep the page’s styles out of the badge and the badge’s out of the page', async () => {
    const page = await openTikTok(VIDEO);
    await expectBadges(page, ['/@Fan.One mara.sings VIP handle', '/@night_owl.22 mara.sings CREW handle']);
    const styles = await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent =
        'tierkit-badge { display: none !important; font-size: 40px !important; background: rgb(255, 0, 0) !important } span, a { color: rgb(255, 0, 0) !important; display: none !important }';
      document.head.append(style);
      // A link of the page's own: the badge's rule for its link (no underline) must not reach it.
      const probe = document.createElement('a');
      probe.href = '#probe';
      document.body.append(probe);
      const badge = document.querySelector('tierkit-badge')!;
      const label = badge.shadowRoot!.querySelector('a')!;
      return {
        host: getComputedStyle(badge).display,
        hostBackground: getComputedStyle(badge).backgroundColor,
        label: getComputedStyle(label).display,
        labelColor: getComputedStyle(label).color,
        fontSize: getComputedStyle(label).fontSize,
        probeDecoration: getComputedStyle(probe).textDecorationLine,
        width: badge.getBoundingClientRect().width,
      };
    });
    expect(styles).toMatchObject({ host: 'inline-block', fontSize: '11px', probeDecoration: 'underline' });
    expect(styles.hostBackground).not.toBe('rgb(255, 0, 0)');
    expect(styles.label).not.toBe('none');
    expect(styles.labelColor).not.toBe('rgb(255, 0, 0)');
    expect(styles.width).toBeGreaterThan(10);
  });
});

describe('badges in LIVE chat', () => {
  afterAll(() => {
    served['/@mara.sings/live'] = 'live-2025';
  });

  it('badge senders by nickname in the 2025 chat, and follow slots rewritten in place', async () => {
    served['/@mara.sings/live'] = 'live-2025';
    const page = await openTikTok(LIVE);
    const badges = await expectBadges(page, ['Fan One mara.sings VIP nickname', 'Night Owl mara.sings CREW nickname']);
    expect(badges[0]!.title).toMatch(/· since Mar 3, 2025 · matched by nickname/);
    // TikTok's virtualised chat rewrites slots with the next messages.
    await page.evaluate(() => {
      const rewrite = (index: number, nickname: string) => {
        const slot = document.querySelector(`[data-index="${index}"]`)!;
        const sender = slot.querySelector('[data-e2e="message-owner-name"]')!;
        sender.setAttribute('title', nickname);
        sender.firstElementChild!.textContent = nickname;
      };
      rewrite(41, 'Quiet Corner');
      rewrite(42, 'Fan One');
      rewrite(43, 'Night Owl');
    });
    await expectBadges(page, ['Fan One mara.sings VIP nickname', 'Night Owl mara.sings CREW nickname']);
    const slots = await page.evaluate(() =>
      [41, 42, 43, 45].map((i) => [...document.querySelectorAll(`[data-index="${i}"] tierkit-badge`)].length),
    );
    expect(slots).toEqual([0, 1, 1, 0]);
  });

  it('badge senders by handle where the 2024 chat links to them', async () => {
    served['/@mara.sings/live'] = 'live-2024';
    const page = await openTikTok(LIVE);
    await expectBadges(page, ['Fan One mara.sings VIP handle', 'Sky Blue mara.sings CREW handle', 'Night Owl mara.sings CREW nickname']);
  });
});

describe('badges for authors and profiles, against every creator Tierkit knows', () => {
  afterAll(() => {
    served['/foryou'] = 'foryou-2025';
    served['/@lena.paints'] = 'profile-other-2025';
  });

  for (const name of ['foryou-2025', 'foryou-2022']) {
    it(`badge feed authors once per creator, naming it (${name})`, async () => {
      served['/foryou'] = name;
      const page = await openTikTok(FEED);
      const lena = name === 'foryou-2025' ? '/@lena.paints' : '/@Lena.Paints';
      const expected =
        name === 'foryou-2025'
          ? [
              `${lena} mara.sings FAN handle`,
              `${lena} kai.cooks SPN handle`,
              '/@Fan.One mara.sings VIP handle',
              '/@Night_Owl.22 mara.sings CREW handle',
            ]
          : [`${lena} mara.sings FAN handle`, `${lena} kai.cooks SPN handle`];
      const badges = await expectBadges(page, expected);
      expect(badges[1]!.title).toMatch(/^@kai\.cooks · Spoon · \d+ months? · since Aug 10, 2025$/);
    });
  }

  for (const name of ['profile-other-2025', 'profile-other-2022']) {
    it(`badge the profile header of a subscriber (${name})`, async () => {
      served['/@lena.paints'] = name;
      const page = await openTikTok(LENA);
      await expectBadges(page, ['lena.paints mara.sings FAN handle', 'lena.paints kai.cooks SPN handle']);
    });
  }
});

describe('a page that reuses, copies or plants badge elements', () => {
  /** Whether every <tierkit-badge> in the tab is one the content script made: its shadow root shows a label. */
  const allReal = (page: Page) =>
    page.evaluate(() => [...document.querySelectorAll('tierkit-badge')].every((badge) => /\S/.test(badge.shadowRoot?.textContent ?? '')));
  const tierkitErrors = () => [...errors, ...extension.errors].filter((error) => /Tierkit|replaceChildren/.test(error));

  it('keep each badge with the author its row names now, never a copied or planted one, and throw nothing', async () => {
    const page = await openTikTok(VIDEO);
    await expectBadges(page, ['/@Fan.One mara.sings VIP handle', '/@night_owl.22 mara.sings CREW handle']);

    // React reuses the nodes of rendered comments for other authors: the link's href and the name's
    // text change, the elements stay. Fan One's (VIP) comment now shows lena.paints (FAN), Night Owl's
    // reply a stranger, the stranger's comment Fan One.
    await page.evaluate(() => {
      const names = [...document.querySelectorAll('[data-e2e="comment-username-1"], [data-e2e="comment-username-2"]')];
      const reuse = (name: Element, handle: string, nickname: string) => {
        name.querySelector('a')!.setAttribute('href', `/@${handle}`);
        name.querySelector('p')!.firstChild!.nodeValue = nickname;
      };
      reuse(names[0]!, 'lena.paints', 'Lena Paints');
      reuse(names[2]!, 'quiet.corner', 'Quiet Corner');
      reuse(names[3]!, 'fan.one', 'Fan One');
    });
    await expectBadges(page, ['/@lena.paints mara.sings FAN handle', '/@fan.one mara.sings VIP handle']);
    expect(await allReal(page)).toBe(true);

    // The page copies a badged row (cloneNode keeps the <tierkit-badge> and drops its shadow root),
    // once as it is and once with the copy's author changed to a stranger.
    await page.evaluate(() => {
      const list = document.querySelector('[class*="DivCommentListContainer"]')!;
      const thread = list.querySelector('[class*="DivCommentObjectWrapper"]:last-child')!;
      const same = thread.cloneNode(true) as Element;
      const other = thread.cloneNode(true) as Element;
      other.querySelector('[data-e2e="comment-username-1"] a')!.setAttribute('href', '/@quiet.corner');
      list.append(same, other);
    });
    await expectBadges(page, [
      '/@lena.paints mara.sings FAN handle',
      '/@fan.one mara.sings VIP handle',
      '/@fan.one mara.sings VIP handle',
    ]);
    expect(await allReal(page)).toBe(true);
    // No copy is left to be read out as "… subscriber".
    expect(await page.evaluate(() => document.querySelectorAll('[aria-label*="subscriber"]').length)).toBe(3);

    // The page plants empty badges: one between Fan One's name and its badge, one next to a stranger.
    await page.evaluate(() => {
      const plant = (link: Element) => {
        const planted = document.createElement('tierkit-badge');
        planted.setAttribute('data-creator', 'mara.sings');
        link.after(planted);
      };
      plant(document.querySelector('a[href="/@fan.one"]')!);
      plant(document.querySelector('a[href="/@mara.sings"]')!);
    });
    await expectBadges(page, [
      '/@lena.paints mara.sings FAN handle',
      '/@fan.one mara.sings VIP handle',
      '/@fan.one mara.sings VIP handle',
    ]);
    expect(await allReal(page)).toBe(true);
    expect(tierkitErrors()).toEqual([]);
  });

  it('give a page planted with an empty badge before the script starts its real badges', async () => {
    const path = '/@mara.sings/video/7401234567890123458';
    written[path] = (await fixture('video-2025')).replace(
      'Fan One</p></a>',
      'Fan One</p></a><tierkit-badge data-creator="mara.sings" aria-label="Gold subscriber"></tierkit-badge>',
    );
    try {
      const page = await openTikTok(`https://www.tiktok.com${path}`);
      await expectBadges(page, ['/@Fan.One mara.sings VIP handle', '/@night_owl.22 mara.sings CREW handle']);
      expect(await allReal(page)).toBe(true);
      expect(tierkitErrors()).toEqual([]);
    } finally {
      delete written[path];
    }
  });

  it('follow a profile header TikTok rewrites in place on a single-page navigation', async () => {
    const page = await openTikTok(LENA);
    await expectBadges(page, ['lena.paints mara.sings FAN handle', 'lena.paints kai.cooks SPN handle']);
    await page.evaluate(() => {
      history.pushState({}, '', '/@night_owl.22');
      document.querySelector('[data-e2e="user-title"]')!.firstChild!.nodeValue = 'night_owl.22';
      document.querySelector('[data-e2e="user-subtitle"]')!.firstChild!.nodeValue = 'Night Owl';
    });
    await expectBadges(page, ['night_owl.22 mara.sings CREW handle']);
    expect(tierkitErrors()).toEqual([]);
  });
});

describe('a page that stays open', () => {
  it('follows single-page navigation: the old view’s badges go, the new view’s come', async () => {
    const page = await openTikTok(VIDEO);
    await expectBadges(page, ['/@Fan.One mara.sings VIP handle', '/@night_owl.22 mara.sings CREW handle']);
    const profile = await fixture('profile-other-2025');
    await page.evaluate((html) => {
      history.pushState({}, '', '/@lena.paints');
      const app = new DOMParser().parseFromString(html, 'text/html').getElementById('app')!;
      document.getElementById('app')!.replaceWith(document.importNode(app, true));
    }, profile);
    await expectBadges(page, ['lena.paints mara.sings FAN handle', 'lena.paints kai.cooks SPN handle']);
    // Back to a video whose comments TikTok renders again.
    const video = await fixture('video-2022');
    await page.evaluate((html) => {
      history.pushState({}, '', '/@mara.sings/video/7101234567890123456');
      const app = new DOMParser().parseFromString(html, 'text/html').getElementById('app')!;
      document.getElementById('app')!.replaceWith(document.importNode(app, true));
    }, video);
    await expectBadges(page, ['/@Fan.One mara.sings VIP handle', '/@night_owl.22 mara.sings CREW handle']);
  });

  it('updates, removes and adds badges when the roster is edited while the page is open', async () => {
    // An edit carries the updatedAt of the record it changes, as the roster's dialog sends it.
    const updatedAt = async (id: string) => ((await send(extensionPage, { type: 'roster.get', id })).data as { updatedAt: number }).updatedAt;
    const page = await openTikTok(VIDEO);
    await expectBadges(page, ['/@Fan.One mara.sings VIP handle', '/@night_owl.22 mara.sings CREW handle']);
    const fanId = ids.get('fan.one')!;
    expect((await send(extensionPage, { type: 'roster.save', subscriber: { ...SUBSCRIBERS[0], id: fanId, tierId: 'fan' }, loaded: await updatedAt(fanId) })).ok).toBe(true);
    await expectBadges(page, ['/@Fan.One mara.sings FAN handle', '/@night_owl.22 mara.sings CREW handle']);
    const removed = await send(extensionPage, { type: 'roster.remove', ids: [ids.get('night_owl.22')!] });
    expect(removed.ok).toBe(true);
    await expectBadges(page, ['/@Fan.One mara.sings FAN handle']);
    const quiet = await send(extensionPage, { type: 'roster.save', subscriber: { handle: 'quiet.corner', tierId: 'crew', since: '2025-10-01' } });
    expect(quiet.ok).toBe(true);
    await expectBadges(page, ['/@Fan.One mara.sings FAN handle', '/@quiet.corner mara.sings CREW handle']);
    // Put the roster back for the other tests.
    await send(extensionPage, { type: 'roster.restore', subscribers: (removed.data as { removed: unknown[] }).removed });
    await send(extensionPage, { type: 'roster.remove', ids: [(quiet.data as { id: string }).id] });
    await send(extensionPage, { type: 'roster.save', subscriber: { ...SUBSCRIBERS[0], id: fanId }, loaded: await updatedAt(fanId) });
    await expectBadges(page, ['/@Fan.One mara.sings VIP handle', '/@night_owl.22 mara.sings CREW handle']);
  });

  it('offer the context menu on profile links: one item per tier, then Remove (Chromium cannot open it for a test)', async () => {
    // The menu's clicks are tested against the real background in tests/unit/background/context-menus.test.ts;
    // here, that the service worker built it from the seeded tiers: update() rejects an unknown id.
    const exists = (id: string) =>
      extension.serviceWorker.evaluate(
        (id) =>
          (globalThis as unknown as { chrome: { contextMenus: { update(id: string, p: object): Promise<void> } } }).chrome.contextMenus
            .update(id, {})
            .then(() => true, () => false),
        id,
      );
    expect(await exists('tierkit-subscriber')).toBe(true);
    for (const tier of ['fan', 'crew', 'front-row']) expect(await exists(`tierkit-tier:${tier}`)).toBe(true);
    expect(await exists('tierkit-remove')).toBe(true);
    expect(await exists('tierkit-tier:no-such-tier')).toBe(false);
  });

  it('logged no errors on the pages or in the extension', () => {
    expect(errors).toEqual([]);
    expect(extension.errors).toEqual([]);
  });
});
