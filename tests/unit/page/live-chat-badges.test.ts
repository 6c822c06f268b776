// LIVE chat badges: by handle where a message links to its sender, else by nickname; slots rewritten in
// place (2025+) keep exactly the badge of the sender they show now.
import { afterEach, describe, expect, it } from 'vitest';
import { BADGE_TAG } from '@/lib/page/badges/badge-element';
import { badgesIn, fakeBackground, openPage, type BadgePage } from './fake-roster';

const LIVE = 'https://www.tiktok.com/@mara.sings/live';

let page: BadgePage | undefined;
afterEach(() => {
  page?.close();
  page = undefined;
});

/** TikTok's virtualised chat: a slot's message is rewritten in place with the next one. */
function rewriteSlot(doc: Document, index: number, nickname: string, text: string) {
  const slot = doc.querySelector(`[data-index="${index}"]`)!;
  const sender = slot.querySelector('[data-e2e="message-owner-name"]')!;
  sender.setAttribute('title', nickname);
  sender.firstElementChild!.textContent = nickname;
  slot.querySelector('[class*="DivComment"]')!.textContent = text;
}

describe('badges in LIVE chat', () => {
  it('badges senders by nickname in the 2025 chat, marked as such, and not a nickname two people share', async () => {
    const background = await fakeBackground();
    page = openPage(LIVE, 'live-2025', background.send);
    await page.idle();
    expect(badgesIn(page.doc)).toEqual(['Fan One mara.sings s-fan nickname', 'Night Owl mara.sings s-owl nickname']);
    expect(background.lookups()).toEqual([
      { type: 'roster.lookup', creator: 'mara.sings', handles: [], nicknames: ['Fan One', 'Night Owl', 'Sky Blue', 'Quiet Corner'] },
    ]);
    const fan = page.doc.querySelector<HTMLElement>(BADGE_TAG)!;
    expect(fan.title).toBe('Gold · 7 months · since Mar 3, 2025 · matched by nickname, which TikTok does not keep unique');
    expect(fan.dataset.by).toBe('nickname');
    // Join and share rows are not messages.
    expect(page.doc.querySelector('[data-e2e="enter-message"] tierkit-badge, [data-e2e="social-message"] tierkit-badge')).toBeNull();
  });

  it('badges by handle when the message links to the sender (2024 list), by nickname otherwise', async () => {
    const background = await fakeBackground();
    page = openPage(LIVE, 'live-2024', background.send);
    await page.idle();
    // The handle tells the two people called Sky Blue apart.
    expect(badgesIn(page.doc)).toEqual([
      'Fan One mara.sings s-fan handle',
      'Sky Blue mara.sings s-sky2 handle',
      'Night Owl mara.sings s-owl nickname',
    ]);
    expect(background.lookups()).toEqual([
      { type: 'roster.lookup', creator: 'mara.sings', handles: ['fan.one', 'sky.blue.2', 'quiet.corner'], nicknames: ['Night Owl'] },
    ]);
  });

  it('replaces or removes a recycled slot’s badge when the slot shows another sender', async () => {
    const background = await fakeBackground();
    page = openPage(LIVE, 'live-2025', background.send);
    await page.idle();
    const fanSlotBadge = page.doc.querySelector('[data-index="41"] tierkit-badge');
    expect(fanSlotBadge).not.toBeNull();

    rewriteSlot(page.doc, 41, 'Quiet Corner', 'hey'); // a subscriber's slot now shows someone who is not
    rewriteSlot(page.doc, 42, 'Fan One', 'again!'); // Silver → Gold
    rewriteSlot(page.doc, 43, 'Night Owl', 'me too'); // no badge → Silver
    rewriteSlot(page.doc, 45, 'Sky Blue', '?'); // nobody → a shared nickname: still none
    await page.idle();
    const slots = (index: number) => [...page!.doc.querySelectorAll<HTMLElement>(`[data-index="${index}"] ${BADGE_TAG}`)].map((b) => b.dataset.subscriberId);
    expect([41, 42, 43, 45].map(slots)).toEqual([[], ['s-fan'], ['s-owl'], []]);
    expect(fanSlotBadge!.isConnected).toBe(false);

    // Back and forth, twice through every combination of the two slots: never more than one badge a
    // slot, always the right one.
    for (let i = 0; i < 12; i++) {
      rewriteSlot(page.doc, 41, i % 2 ? 'Fan One' : 'Night Owl', `message ${i}`);
      rewriteSlot(page.doc, 42, i % 3 ? 'Quiet Corner' : 'Night Owl', `message ${i}`);
      await page.idle();
      expect(slots(41)).toEqual([i % 2 ? 's-fan' : 's-owl']);
      expect(slots(42)).toEqual(i % 3 ? [] : ['s-owl']);
    }
    // Names already answered are not asked about again.
    expect(background.lookups().flatMap((l) => l.nicknames)).toEqual(['Fan One', 'Night Owl', 'Sky Blue', 'Quiet Corner']);
  });

  it('follows a slot whose avatar link changes to another sender with the same nickname', async () => {
    const background = await fakeBackground();
    page = openPage(LIVE, 'live-2024', background.send);
    await page.idle();
    const sky = page.doc.querySelector('a[href="/@sky.blue.2"]')!;
    sky.setAttribute('href', '/@sky.blue.1');
    await page.idle();
    const badges = [...sky.parentElement!.querySelectorAll<HTMLElement>(BADGE_TAG)];
    expect(badges.map((b) => b.dataset.subscriberId)).toEqual(['s-sky1']);
  });

  it('updates chat badges when the roster changes, and removes them when the view ends', async () => {
    const background = await fakeBackground();
    page = openPage(LIVE, 'live-2025', background.send);
    await page.idle();
    await background.edit((roster) => {
      // One of the two Sky Blues leaves: the nickname now names one person.
      roster.splice(roster.findIndex((s) => s.id === 's-sky1'), 1);
      roster.find((s) => s.id === 's-fan')!.months = 8;
    });
    await page.idle();
    expect(badgesIn(page.doc)).toEqual([
      'Fan One mara.sings s-fan nickname',
      'Night Owl mara.sings s-owl nickname',
      'Sky Blue mara.sings s-sky2 nickname',
    ]);
    expect(page.doc.querySelector<HTMLElement>(BADGE_TAG)!.title).toMatch(/^Gold · 8 months/);

    history.pushState(null, '', '/@lena.paints/live');
    page.doc.body.append(page.doc.createElement('div'));
    await page.idle();
    // Another creator's LIVE: lena.paints has no roster, so nothing shows.
    expect(badgesIn(page.doc)).toEqual([]);
  });
});
