// A badge belongs to the author it was made for: when the page reuses a row's nodes for someone else
// (React changes the link's href and the name's text, the elements stay), copies a badged row, or
// plants a <tierkit-badge> of its own, the page shows exactly the badges of the people it names now,
// each one a badge this content script made, and nothing throws.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BADGE_TAG } from '@/lib/page/badges/badge-element';
import { badgesIn, fakeBackground, openPage, type BadgePage } from './fake-roster';
import { loadFixture } from './helpers';

const VIDEO_2025 = 'https://www.tiktok.com/@mara.sings/video/7401234567890123457';
const VIDEO_2022 = 'https://www.tiktok.com/@Mara.Sings/video/7101234567890123456';
const COMMENT_NAMES = '[data-e2e="comment-username-1"], [data-e2e="comment-username-2"]';

let page: BadgePage | undefined;
let log: ReturnType<typeof vi.fn<(message: string, error: unknown) => void>>;
let consoleError: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  log = vi.fn<(message: string, error: unknown) => void>();
  consoleError = vi.spyOn(console, 'error');
});
afterEach(() => {
  page?.close();
  page = undefined;
  consoleError.mockRestore();
});

/** Nothing failed: no feature, batch or badge job logged an error. */
function expectNoFailures() {
  expect(log).not.toHaveBeenCalled();
  expect(consoleError).not.toHaveBeenCalled();
}

/** Every <tierkit-badge> in the page is one the content script made: it has its shadow root and shows its text. */
function expectOnlyRealBadges(doc: Document) {
  for (const badge of doc.querySelectorAll(BADGE_TAG)) {
    expect(badge.shadowRoot, badge.outerHTML).not.toBeNull();
    expect(badge.shadowRoot!.textContent, badge.outerHTML).toMatch(/GOLD|SILVER|BRONZE/);
  }
}

/** The link that names a comment's author: inside the name (2024-26) or around it (2022-23). */
const authorLink = (name: Element) => name.querySelector('a[href]') ?? name.closest('a[href]')!;

/** What React does to reuse a comment's nodes for another author: new href, new name text, same elements. */
function reuse(name: Element, handle: string, nickname: string) {
  authorLink(name).setAttribute('href', `/@${handle}`);
  const text = name.querySelector('p') ?? name;
  text.firstChild!.nodeValue = nickname;
}

describe('a comment whose nodes are reused for another author', () => {
  for (const [fixture, url] of [
    ['video-2025', VIDEO_2025],
    ['video-2022', VIDEO_2022],
  ] as const) {
    it(`shows the badge of the author it names now, in ${fixture}`, async () => {
      const background = await fakeBackground();
      page = openPage(url, fixture, background.send, { log });
      await page.idle();
      const [fan, , owl, quiet] = [...page.doc.querySelectorAll(COMMENT_NAMES)];
      expect(badgesIn(page.doc)).toHaveLength(2);

      // Fan One's (Gold) comment now shows Night Owl (Silver); Night Owl's reply a stranger; the
      // stranger's comment Fan One.
      reuse(fan!, 'night_owl.22', 'Night Owl');
      reuse(owl!, 'quiet.corner', 'Quiet Corner');
      reuse(quiet!, 'fan.one', 'Fan One');
      await page.idle();
      expect(badgesIn(page.doc)).toEqual(['/@night_owl.22 mara.sings s-owl handle', '/@fan.one mara.sings s-fan handle']);
      const badgeOf = (name: Element) => {
        let next = authorLink(name).nextElementSibling;
        const found: string[] = [];
        for (; next?.localName === BADGE_TAG; next = next.nextElementSibling) found.push((next as HTMLElement).title);
        return found;
      };
      expect(badgeOf(fan!)).toEqual(['Silver · 1 month · since Sep 20, 2025']);
      expect(badgeOf(owl!)).toEqual([]);
      expect(badgeOf(quiet!)).toEqual(['Gold · 7 months · since Mar 3, 2025']);
      expectOnlyRealBadges(page.doc);
      // Every name had been asked about: nothing is asked again.
      expect(background.lookups()).toHaveLength(1);
      expectNoFailures();
    });
  }

  it('re-checks a comment only when its author changes', async () => {
    const background = await fakeBackground();
    page = openPage(VIDEO_2025, 'video-2025', background.send, { log });
    await page.idle();
    const badge = page.doc.querySelector(BADGE_TAG)!;
    const fan = page.doc.querySelector(COMMENT_NAMES)!;
    // The same author written again, the name's text and the comment's text changed: the badge stays.
    authorLink(fan).setAttribute('href', '/@Fan.One');
    fan.querySelector('p')!.firstChild!.nodeValue = 'Fan One 🎤';
    page.doc.querySelector('[data-e2e="comment-level-1"] p')!.firstChild!.nodeValue = 'Edited!';
    await page.idle();
    expect(page.doc.querySelector(BADGE_TAG)).toBe(badge);
    expect(badgesIn(page.doc)).toEqual(['/@Fan.One mara.sings s-fan handle', '/@night_owl.22 mara.sings s-owl handle']);
    // The same case-insensitive handle in another spelling is the same author.
    authorLink(fan).setAttribute('href', '/@fan.one');
    await page.idle();
    expect(page.doc.querySelector(BADGE_TAG)).toBe(badge);
    expectNoFailures();
  });

  it('follows a comment whose link TikTok replaces, keeping one badge after the new link', async () => {
    const background = await fakeBackground();
    page = openPage(VIDEO_2025, 'video-2025', background.send, { log });
    await page.idle();
    const fan = page.doc.querySelector(COMMENT_NAMES)!;
    const link = page.doc.createElement('a');
    link.setAttribute('href', '/@night_owl.22');
    link.innerHTML = '<p>Night Owl</p>';
    authorLink(fan).replaceWith(link);
    await page.idle();
    expect(badgesIn(page.doc)).toEqual(['/@night_owl.22 mara.sings s-owl handle', '/@night_owl.22 mara.sings s-owl handle']);
    expect(link.nextElementSibling?.localName).toBe(BADGE_TAG);
    expect(fan.querySelectorAll(BADGE_TAG)).toHaveLength(1);
    expectNoFailures();
  });
});

describe('badges the page copied or made', () => {
  it('gives a copied row the badges of the people it names, never the copied ones, and throws nothing', async () => {
    const background = await fakeBackground();
    page = openPage(VIDEO_2025, 'video-2025', background.send, { log });
    await page.idle();
    const list = page.doc.querySelector('[class*="DivCommentListContainer"]')!;
    const thread = list.querySelector('[class*="DivCommentObjectWrapper"]')!;
    // cloneNode keeps each <tierkit-badge> with its attributes, aria-label included, but not its shadow root.
    const same = thread.cloneNode(true) as Element;
    const other = thread.cloneNode(true) as Element;
    expect(other.querySelectorAll(BADGE_TAG)).toHaveLength(2);
    expect(other.querySelector(BADGE_TAG)!.shadowRoot).toBeNull();
    reuse(other.querySelector(COMMENT_NAMES)!, 'quiet.corner', 'Quiet Corner');
    list.append(same, other);
    await page.idle();
    expect(badgesIn(page.doc)).toEqual([
      '/@Fan.One mara.sings s-fan handle',
      '/@night_owl.22 mara.sings s-owl handle',
      '/@Fan.One mara.sings s-fan handle',
      '/@night_owl.22 mara.sings s-owl handle',
      // The stranger's copied row: only its reply's author (Night Owl) has a badge.
      '/@night_owl.22 mara.sings s-owl handle',
    ]);
    expectOnlyRealBadges(page.doc);
    expect(other.querySelectorAll('[aria-label]')).toHaveLength(1);
    expectNoFailures();

    // And when the roster changes, the badges are updated, not the copies.
    await background.edit((roster) => {
      roster.find((s) => s.id === 's-owl')!.tier = 'Bronze';
    });
    await page.idle();
    expect(badgesIn(page.doc)).toHaveLength(5);
    expectOnlyRealBadges(page.doc);
    expectNoFailures();
  });

  it('is not kept from its badge by an empty <tierkit-badge> the page planted, before or after it started', async () => {
    const background = await fakeBackground();
    const doc = loadFixture('video-2025');
    const [fan, , , quiet] = [...doc.querySelectorAll(COMMENT_NAMES)];
    const planted = doc.createElement(BADGE_TAG);
    planted.setAttribute('data-creator', 'mara.sings');
    planted.setAttribute('data-subscriber-id', 's-fan');
    authorLink(fan!).after(planted);
    // One with a shadow root of the page's own, next to a stranger: it says "VIP".
    const imitation = doc.createElement(BADGE_TAG);
    imitation.setAttribute('aria-label', 'VIP subscriber');
    imitation.attachShadow({ mode: 'open' }).append('VIP');
    authorLink(quiet!).after(imitation);
    page = openPage(VIDEO_2025, doc, background.send, { log });
    await page.idle();
    expect(badgesIn(doc)).toEqual(['/@Fan.One mara.sings s-fan handle', '/@night_owl.22 mara.sings s-owl handle']);
    expect(planted.isConnected).toBe(false);
    expect(imitation.isConnected).toBe(false);
    expectOnlyRealBadges(doc);

    // Planted while the page is open, between the name and its badge.
    const badge = doc.querySelector(BADGE_TAG)!;
    const late = doc.createElement(BADGE_TAG);
    late.setAttribute('data-creator', 'mara.sings');
    authorLink(fan!).after(late);
    await page.idle();
    expect(late.isConnected).toBe(false);
    expect(doc.querySelector(BADGE_TAG)).toBe(badge);
    expect(badgesIn(doc)).toEqual(['/@Fan.One mara.sings s-fan handle', '/@night_owl.22 mara.sings s-owl handle']);
    expectNoFailures();
  });

  it('looks at comments the page adds inside an element named like Tierkit’s own', async () => {
    const background = await fakeBackground();
    page = openPage(VIDEO_2025, 'video-2025', background.send, { log });
    await page.idle();
    const wrapper = page.doc.createElement('tierkit-row');
    const extra = page.doc.importNode(loadFixture('video-2025').querySelector('[class*="DivCommentObjectWrapper"]:last-child')!, true);
    authorLink(extra.querySelector(COMMENT_NAMES)!).setAttribute('href', '/@lena.paints');
    wrapper.append(extra);
    page.doc.querySelector('[class*="DivCommentListContainer"]')!.append(wrapper);
    await page.idle();
    expect(badgesIn(page.doc)).toContain('/@lena.paints mara.sings s-lena handle');
    expectNoFailures();
  });
});

describe('other page types', () => {
  it('gives a feed item’s comments the badges of the creator the item shows now', async () => {
    const background = await fakeBackground();
    page = openPage('https://www.tiktok.com/foryou', 'foryou-2025', background.send, { log });
    await page.idle();
    expect(badgesIn(page.doc)).toContain('/@Fan.One mara.sings s-fan handle');
    // The items are recycled: lena.paints's item now shows mara.sings's video and the other way round;
    // the comment panels (Fan One in both) stay as they are.
    const [lenaItem, maraItem] = [...page.doc.querySelectorAll('[data-e2e="recommend-list-item-container"]')];
    const show = (item: Element, handle: string) => {
      for (const link of item.querySelectorAll('[data-e2e="video-author-avatar"], [class*="DivCreatorInfoContainer"] a')) link.setAttribute('href', `/@${handle}`);
      item.querySelector('[data-e2e="video-author-uniqueid"]')!.firstChild!.nodeValue = handle;
    };
    show(lenaItem!, 'mara.sings');
    show(maraItem!, 'lena.paints');
    await page.idle();
    expect(badgesIn(page.doc)).toEqual([
      // Fan One's comment under mara.sings's video, now in the first item.
      '/@Fan.One mara.sings s-fan handle',
      '/@lena.paints mara.sings s-lena handle',
      '/@lena.paints kai.cooks k-lena handle',
      '/@Night_Owl.22 mara.sings s-owl handle',
    ]);
    expect(lenaItem!.querySelectorAll(BADGE_TAG)).toHaveLength(1);
    expectOnlyRealBadges(page.doc);
    expectNoFailures();
  });

  it('follows a profile header rewritten in place after a single-page navigation, when nothing else changes', async () => {
    const background = await fakeBackground();
    page = openPage('https://www.tiktok.com/@lena.paints', 'profile-other-2025', background.send, { log });
    await page.idle();
    expect(badgesIn(page.doc)).toEqual(['lena.paints mara.sings s-lena handle', 'lena.paints kai.cooks k-lena handle']);
    const rewrite = (handle: string, nickname: string) => {
      page!.doc.querySelector('[data-e2e="user-title"]')!.firstChild!.nodeValue = handle;
      page!.doc.querySelector('[data-e2e="user-subtitle"]')!.firstChild!.nodeValue = nickname;
    };
    // TikTok changes the URL and only the header's texts.
    history.pushState(null, '', '/@night_owl.22');
    rewrite('night_owl.22', 'Night Owl');
    await page.idle();
    expect(badgesIn(page.doc)).toEqual(['night_owl.22 mara.sings s-owl handle']);
    // The header shows someone else while the URL still names night_owl.22: no badge.
    rewrite('quiet.corner', 'Quiet Corner');
    await page.idle();
    expect(badgesIn(page.doc)).toEqual([]);
    rewrite('night_owl.22', 'Night Owl');
    await page.idle();
    expect(badgesIn(page.doc)).toEqual(['night_owl.22 mara.sings s-owl handle']);
    expectNoFailures();
  });

  it('removes a copied LIVE chat message’s badge copy and badges the copy’s sender', async () => {
    const background = await fakeBackground();
    page = openPage('https://www.tiktok.com/@mara.sings/live', 'live-2025', background.send, { log });
    await page.idle();
    const slot = page.doc.querySelector('[data-index="41"]')!;
    const copy = slot.cloneNode(true) as Element;
    copy.setAttribute('data-index', '99');
    slot.parentElement!.append(copy);
    await page.idle();
    expect(badgesIn(page.doc)).toEqual([
      'Fan One mara.sings s-fan nickname',
      'Night Owl mara.sings s-owl nickname',
      'Fan One mara.sings s-fan nickname',
    ]);
    expectOnlyRealBadges(page.doc);
    expectNoFailures();
  });
});
