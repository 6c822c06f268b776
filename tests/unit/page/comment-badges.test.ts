// Comment and reply badges on video pages, against both markup generations, with a fake background.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BADGE_TAG } from '@/lib/page/badges/badge-element';
import { badgesIn, fakeBackground, openPage, type BadgePage } from './fake-roster';
import { loadFixture } from './helpers';

const VIDEO_2025 = 'https://www.tiktok.com/@mara.sings/video/7401234567890123457';
const VIDEO_2022 = 'https://www.tiktok.com/@Mara.Sings/video/7101234567890123456';

let page: BadgePage | undefined;
afterEach(() => {
  page?.close();
  page = undefined;
});

describe('badges on a video page’s comments', () => {
  for (const [fixture, url] of [
    ['video-2025', VIDEO_2025],
    ['video-2022', VIDEO_2022],
  ] as const) {
    it(`badges subscribing authors of comments and replies, never @mentions, in ${fixture}`, async () => {
      const background = await fakeBackground();
      page = openPage(url, fixture, background.send);
      await page.idle();
      // Fan One (Gold) commented, Night Owl (Silver) replied; @lena.paints and @Fan.One are mentions.
      expect(badgesIn(page.doc)).toEqual(['/@Fan.One mara.sings s-fan handle', '/@night_owl.22 mara.sings s-owl handle']);
      // One message for the creator whose video it is, with each author once, in lower case.
      expect(background.lookups()).toEqual([
        { type: 'roster.lookup', creator: 'mara.sings', handles: ['fan.one', 'mara.sings', 'night_owl.22', 'quiet.corner'], nicknames: [] },
      ]);
      for (const text of page.doc.querySelectorAll('[data-e2e^="comment-level-"]')) {
        expect(text.querySelector(BADGE_TAG)).toBeNull();
      }
      const gold = page.doc.querySelector<HTMLElement>(BADGE_TAG)!;
      expect(gold.title).toBe('Gold · 7 months · since Mar 3, 2025');
      expect(gold.getAttribute('aria-label')).toBe('Gold subscriber, level 2');
      expect(gold.shadowRoot!.querySelector('a')!.getAttribute('href')).toBe('https://www.tiktok.com/@fan.one');
    });
  }

  it('puts the badge after the author’s link, outside it, in both generations', async () => {
    const background = await fakeBackground();
    page = openPage(VIDEO_2025, 'video-2025', background.send);
    await page.idle();
    const badge = page.doc.querySelector(BADGE_TAG)!;
    expect(badge.closest('a')).toBeNull();
    expect(badge.parentElement!.getAttribute('data-e2e')).toBe('comment-username-1');
    page.close();

    page = openPage(VIDEO_2022, 'video-2022', background.send);
    await page.idle();
    const old = page.doc.querySelector(BADGE_TAG)!;
    expect(old.closest('a')).toBeNull();
    expect(old.previousElementSibling!.querySelector('[data-e2e="comment-username-1"]')).not.toBeNull();
  });

  it('badges comments that load later, asking only about names it has not asked about', async () => {
    const background = await fakeBackground();
    page = openPage(VIDEO_2025, 'video-2025', background.send);
    await page.idle();
    const list = page.doc.querySelector('[class*="DivCommentListContainer"]')!;
    const more = list.querySelector('[class*="DivCommentObjectWrapper"]')!.cloneNode(true) as Element;
    const extra = loadFixture('video-2025').querySelector('[class*="DivCommentObjectWrapper"]:last-child')!;
    extra.querySelector('a')!.setAttribute('href', '/@lena.paints');
    list.append(more, page.doc.importNode(extra, true));
    await page.idle();
    expect(badgesIn(page.doc)).toEqual([
      '/@Fan.One mara.sings s-fan handle',
      '/@night_owl.22 mara.sings s-owl handle',
      '/@Fan.One mara.sings s-fan handle',
      '/@night_owl.22 mara.sings s-owl handle',
      '/@lena.paints mara.sings s-lena handle',
    ]);
    expect(background.lookups().map((l) => l.handles)).toEqual([
      ['fan.one', 'mara.sings', 'night_owl.22', 'quiet.corner'],
      ['lena.paints'],
    ]);
  });

  it('never badges a name twice, even when a second content script finds the page badged', async () => {
    const background = await fakeBackground();
    page = openPage(VIDEO_2025, 'video-2025', background.send);
    await page.idle();
    // The extension was updated: the old script is gone without cleaning up, its badges still there.
    const doc = page.doc;
    const old = [...doc.querySelectorAll(BADGE_TAG)];
    page.observer.disconnect();
    page.roster.stop();
    page.runner.stop = () => {};
    // The new script has modules of its own: the old script's badges are not its badges.
    vi.resetModules();
    const script = await import('./fake-roster');
    const second = script.openPage(VIDEO_2025, doc, (await script.fakeBackground()).send);
    await second.idle();
    expect(badgesIn(doc)).toEqual(['/@Fan.One mara.sings s-fan handle', '/@night_owl.22 mara.sings s-owl handle']);
    expect(old.map((badge) => badge.isConnected)).toEqual([false, false]);
    second.close();
    expect(doc.querySelectorAll(BADGE_TAG)).toHaveLength(0);
  });

  it('updates, removes and adds badges when the roster changes while the page is open', async () => {
    const background = await fakeBackground();
    page = openPage(VIDEO_2022, 'video-2022', background.send);
    await page.idle();
    const fanBadge = page.doc.querySelector<HTMLElement>(`${BADGE_TAG}[data-subscriber-id="s-fan"]`)!;

    await background.edit((roster) => {
      roster.find((s) => s.id === 's-fan')!.tier = 'Silver';
      roster.splice(roster.findIndex((s) => s.id === 's-owl'), 1);
      roster.push({ id: 's-quiet', creator: 'mara.sings', handle: 'quiet.corner', tier: 'Bronze', since: '2025-10-01', months: 1, level: 0 });
    });
    await page.idle();
    expect(badgesIn(page.doc)).toEqual(['/@Fan.One mara.sings s-fan handle', '/@quiet.corner mara.sings s-quiet handle']);
    // The same element, updated in place.
    expect(page.doc.querySelector(`${BADGE_TAG}[data-subscriber-id="s-fan"]`)).toBe(fanBadge);
    expect(fanBadge.title).toBe('Silver · 7 months · since Mar 3, 2025');
    expect(fanBadge.shadowRoot!.textContent).toContain('SILVER');
    const quiet = page.doc.querySelector<HTMLElement>(`${BADGE_TAG}[data-subscriber-id="s-quiet"]`)!;
    expect(quiet.title).toBe('Bronze · 1 month · since Oct 1, 2025');
    // Every name shown was asked about again, in one message.
    expect(background.lookups()).toHaveLength(2);
    expect(background.lookups()[1]!.handles.sort()).toEqual(['fan.one', 'mara.sings', 'night_owl.22', 'quiet.corner']);
  });

  it('asks nothing again when the roster status is published with the same revision', async () => {
    const background = await fakeBackground();
    page = openPage(VIDEO_2025, 'video-2025', background.send);
    await page.idle();
    background.revision--;
    await background.edit(() => {});
    await page.idle();
    expect(background.lookups()).toHaveLength(1);
  });

  it('removes its badges when a single-page navigation ends the view', async () => {
    const background = await fakeBackground();
    page = openPage(VIDEO_2025, 'video-2025', background.send);
    await page.idle();
    expect(badgesIn(page.doc)).toHaveLength(2);
    history.pushState(null, '', '/@mara.sings/video/7401234567890123458');
    page.doc.body.append(page.doc.createElement('div'));
    await page.idle();
    // The new view found the same comments (TikTok had not re-rendered yet) and badged them again, once.
    expect(badgesIn(page.doc)).toEqual(['/@Fan.One mara.sings s-fan handle', '/@night_owl.22 mara.sings s-owl handle']);
    history.pushState(null, '', '/@mara.sings');
    page.doc.body.append(page.doc.createElement('div'));
    await page.idle();
    expect(badgesIn(page.doc)).toEqual([]);
  });

  it('shows nothing for a creator Tierkit has no roster of, without asking the background', async () => {
    const background = await fakeBackground();
    page = openPage('https://www.tiktok.com/@quiet.corner/video/7401234567890123457', 'video-2025', background.send);
    await page.idle();
    expect(badgesIn(page.doc)).toEqual([]);
    expect(background.lookups()).toEqual([]);
  });

  it('shows no badges and throws nothing when the background’s answer makes no sense', async () => {
    const answers: unknown[] = [
      undefined,
      null,
      { ok: false, problems: [] },
      { ok: true, revision: 1, designs: [], words: {}, handles: [], nicknames: [] },
      // One result short.
      { ok: true, revision: 1, designs: [], words: { lang: 'en', tooltipOne: '', tooltipOther: '', name: '', byNickname: '' }, handles: [0, 0, 0], nicknames: [] },
      // A match pointing at a design that is not there.
      { ok: true, revision: 1, designs: [], words: { lang: 'en', tooltipOne: '', tooltipOther: '', name: '', byNickname: '' }, handles: [{ d: 0, id: 'x', m: 1, s: '2025-01-01', by: 'handle' }, 0, 0, 0], nicknames: [] },
      // A colour that is not one.
      {
        ok: true,
        revision: 1,
        designs: [{ tierName: 'Gold', label: 'G', color: 'red;background:url(x)', textColor: '#000000', level: 0 }],
        words: { lang: 'en', tooltipOne: '', tooltipOther: '', name: '', byNickname: '' },
        handles: [{ d: 0, id: 'x', m: 1, s: '2025-01-01', by: 'handle' }, 0, 0, 0],
        nicknames: [],
      },
    ];
    for (const answer of answers) {
      const background = await fakeBackground();
      background.answerWith = () => answer;
      const log = vi.fn();
      page = openPage(VIDEO_2025, 'video-2025', background.send, { log });
      await page.idle();
      expect(badgesIn(page.doc), JSON.stringify(answer)).toEqual([]);
      expect(log).not.toHaveBeenCalled();
      page.close();
    }
    const failing = await fakeBackground();
    failing.answerWith = () => {
      throw new Error('Extension context invalidated.');
    };
    page = openPage(VIDEO_2025, 'video-2025', failing.send);
    await page.idle();
    expect(badgesIn(page.doc)).toEqual([]);
  });

  it('does nothing on pages it does not serve', async () => {
    for (const url of ['https://www.tiktok.com/@mara.sings', 'https://www.tiktok.com/@mara.sings/live', 'https://www.tiktok.com/explore']) {
      const background = await fakeBackground();
      page = openPage(url, 'video-2025', background.send);
      await page.idle();
      expect(badgesIn(page.doc), url).toEqual([]);
      // The profile and LIVE pages start their own badge features, which warm the roster up; nothing
      // is looked up for comments there, and nothing at all is sent from a page no feature serves.
      expect(background.lookups(), url).toEqual([]);
      if (url.endsWith('/explore')) expect(background.sent, url).toEqual([]);
      page.close();
    }
  });
});
