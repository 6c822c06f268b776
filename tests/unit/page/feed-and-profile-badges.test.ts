// Feed authors and profile headers have no single creator: the person is looked up against every
// creator Tierkit knows, and each badge names its creator.
import { afterEach, describe, expect, it } from 'vitest';
import { BADGE_TAG } from '@/lib/page/badges/badge-element';
import { badgesIn, fakeBackground, openPage, type BadgePage } from './fake-roster';
import { loadFixture } from './helpers';

const FEED = 'https://www.tiktok.com/foryou';
const LENA = 'https://www.tiktok.com/@lena.paints';

let page: BadgePage | undefined;
afterEach(() => {
  page?.close();
  page = undefined;
});

const titles = (doc: Document) => [...doc.querySelectorAll<HTMLElement>(BADGE_TAG)].map((b) => b.title);

describe('badges in the For You feed', () => {
  it('badges each item’s author once per creator whose subscriber they are (2024-26 markup)', async () => {
    const background = await fakeBackground();
    page = openPage(FEED, 'foryou-2025', background.send);
    await page.idle();
    expect(badgesIn(page.doc)).toEqual([
      // lena.paints subscribes to mara.sings and kai.cooks; mara.sings (item 2) to nobody.
      '/@lena.paints mara.sings s-lena handle',
      '/@lena.paints kai.cooks k-lena handle',
      // A comment opened in mara.sings's item counts for mara.sings; the same person under
      // lena.paints's video gets nothing (lena.paints has no roster).
      '/@Fan.One mara.sings s-fan handle',
      '/@Night_Owl.22 mara.sings s-owl handle',
    ]);
    expect(titles(page.doc)).toEqual([
      '@mara.sings · Gold · 21 months · since Jan 15, 2024',
      '@kai.cooks · Bronze · 2 months · since Aug 10, 2025',
      'Gold · 7 months · since Mar 3, 2025',
      '@mara.sings · Silver · 1 month · since Sep 20, 2025',
    ]);
    expect(page.doc.querySelector<HTMLElement>(BADGE_TAG)!.getAttribute('aria-label')).toBe('@mara.sings · Gold subscriber, level 3');
    // Next to the name, not the avatar; nothing in captions.
    expect(page.doc.querySelector('[data-e2e="video-author-avatar"] + tierkit-badge, [data-e2e="video-desc"] tierkit-badge')).toBeNull();
    // One message per creator, the comments' names with the authors' in mara.sings's.
    expect(background.lookups()).toEqual([
      { type: 'roster.lookup', creator: 'mara.sings', handles: ['fan.one', 'lena.paints', 'mara.sings', 'night_owl.22'], nicknames: [] },
      { type: 'roster.lookup', creator: 'kai.cooks', handles: ['lena.paints', 'mara.sings', 'night_owl.22'], nicknames: [] },
    ]);
  });

  it('badges authors in the 2022-23 feed, whose only anchor is the handle’s link', async () => {
    const background = await fakeBackground();
    page = openPage(FEED, 'foryou-2022', background.send);
    await page.idle();
    expect(badgesIn(page.doc)).toEqual(['/@Lena.Paints mara.sings s-lena handle', '/@Lena.Paints kai.cooks k-lena handle']);
  });

  it('follows an item recycled for another video, and badges items added as the feed scrolls', async () => {
    const background = await fakeBackground();
    page = openPage('https://www.tiktok.com/', 'foryou-2025', background.send);
    await page.idle();
    const first = page.doc.querySelector('[data-scroll-index="0"]')!;
    for (const link of first.querySelectorAll('a[href="/@lena.paints"]')) link.setAttribute('href', '/@night_owl.22');
    first.querySelector('[data-e2e="video-author-uniqueid"]')!.textContent = 'night_owl.22';
    const added = page.doc.importNode(loadFixture('foryou-2022').querySelector('[data-e2e="recommend-list-item-container"]')!, true);
    first.parentElement!.append(added);
    await page.idle();
    expect(badgesIn(page.doc)).toEqual([
      '/@night_owl.22 mara.sings s-owl handle',
      '/@Fan.One mara.sings s-fan handle',
      '/@Night_Owl.22 mara.sings s-owl handle',
      '/@Lena.Paints mara.sings s-lena handle',
      '/@Lena.Paints kai.cooks k-lena handle',
    ]);
  });

  it('adds the badges of a creator whose pack arrives while the feed is open, and drops those of one removed', async () => {
    const background = await fakeBackground();
    page = openPage(FEED, 'foryou-2025', background.send);
    await page.idle();
    await background.edit((roster) => {
      roster.push({ id: 'z-owl', creator: 'zoe.draws', handle: 'night_owl.22', tier: 'Gold', since: '2023-02-01', months: 30, level: 4 });
      roster.splice(roster.findIndex((s) => s.id === 'k-lena'), 1);
    });
    await page.idle();
    expect(badgesIn(page.doc)).toEqual([
      '/@lena.paints mara.sings s-lena handle',
      '/@Fan.One mara.sings s-fan handle',
      '/@Night_Owl.22 mara.sings s-owl handle',
      '/@Night_Owl.22 zoe.draws z-owl handle',
    ]);
  });
});

describe('badges in a profile header', () => {
  for (const fixture of ['profile-other-2025', 'profile-other-2022'] as const) {
    it(`badges the person whose profile it is, next to the title, for each creator (${fixture})`, async () => {
      const background = await fakeBackground();
      page = openPage(LENA, fixture, background.send);
      await page.idle();
      expect(badgesIn(page.doc)).toEqual(['lena.paints mara.sings s-lena handle', 'lena.paints kai.cooks k-lena handle']);
      const title = page.doc.querySelector('[data-e2e="user-title"]')!;
      expect(title.nextElementSibling!.localName).toBe(BADGE_TAG);
      expect(title.querySelector(BADGE_TAG)).toBeNull();
    });
  }

  it('shows nothing on the profile of someone who subscribes to nobody, nor on a missing account', async () => {
    const background = await fakeBackground();
    page = openPage('https://www.tiktok.com/@mara.sings', 'profile-own-2025', background.send);
    await page.idle();
    expect(badgesIn(page.doc)).toEqual([]);
    page.close();
    page = openPage('https://www.tiktok.com/@gone.user', 'profile-not-found-2025', background.send);
    await page.idle();
    expect(badgesIn(page.doc)).toEqual([]);
  });

  it('after navigating to another profile, waits until the header shows that person', async () => {
    const background = await fakeBackground();
    page = openPage('https://www.tiktok.com/@mara.sings', 'profile-own-2025', background.send);
    await page.idle();
    // TikTok changes the URL first and rewrites the header's text in place a moment later.
    history.pushState(null, '', '/@lena.paints');
    page.doc.body.append(page.doc.createElement('div'));
    await page.idle();
    expect(badgesIn(page.doc)).toEqual([]);
    page.doc.querySelector('[data-e2e="user-title"]')!.firstChild!.nodeValue = 'lena.paints';
    await page.idle();
    expect(badgesIn(page.doc)).toEqual(['lena.paints mara.sings s-lena handle', 'lena.paints kai.cooks k-lena handle']);

    // And back: lena.paints's badges go with her view.
    history.pushState(null, '', '/@mara.sings');
    page.doc.querySelector('[data-e2e="user-title"]')!.firstChild!.nodeValue = 'mara.sings';
    page.doc.body.append(page.doc.createElement('div'));
    await page.idle();
    expect(badgesIn(page.doc)).toEqual([]);
  });

  it('removes the header’s badges when the person stops subscribing', async () => {
    const background = await fakeBackground();
    page = openPage(LENA, 'profile-other-2025', background.send);
    await page.idle();
    await background.edit((roster) => roster.splice(roster.findIndex((s) => s.id === 's-lena'), 1));
    await page.idle();
    expect(badgesIn(page.doc)).toEqual(['lena.paints kai.cooks k-lena handle']);
  });
});
