// A badge view open for long: when the person comes back to the tab or scrolls or clicks in it, the
// background is asked to warm the roster up, as Chrome may have stopped its worker meanwhile.
import { afterEach, describe, expect, it } from 'vitest';
import { AWAKE_MS } from '@/lib/page/badges/roster-lookup';
import { fakeBackground, openPage, type BadgePage } from './fake-roster';
import { settle } from './helpers';

const VIDEO = 'https://www.tiktok.com/@mara.sings/video/7401234567890123457';

let page: BadgePage | undefined;
afterEach(() => {
  page?.close();
  page = undefined;
});

describe('a badge view the person comes back to', () => {
  it('warms the roster up on return, scroll or click once the background has been idle, and not while the tab is hidden or after the view', async () => {
    let clock = 1_000;
    const background = await fakeBackground();
    page = openPage(VIDEO, 'video-2025', background.send, { now: () => clock });
    await page.idle();
    const warmUps = () => background.sent.filter((m) => m.type === 'roster.warm').length;
    // The view started it, and its lookups followed.
    expect(warmUps()).toBe(1);
    const list = page.doc.querySelector('[class*="DivCommentListContainer"]')!;

    // Scrolling soon after: the worker is up, nothing is sent.
    list.dispatchEvent(new Event('scroll'));
    expect(warmUps()).toBe(1);

    // Long after: the first scroll (inside TikTok's own scroller: it does not bubble) wakes it, once.
    clock += AWAKE_MS + 1;
    list.dispatchEvent(new Event('scroll'));
    list.dispatchEvent(new Event('scroll'));
    await settle();
    expect(warmUps()).toBe(2);

    // A tab left in the background: hiding it sends nothing; coming back does.
    clock += AWAKE_MS + 1;
    let state: DocumentVisibilityState = 'hidden';
    Object.defineProperty(page.doc, 'visibilityState', { configurable: true, get: () => state });
    page.doc.dispatchEvent(new Event('visibilitychange'));
    expect(warmUps()).toBe(2);
    state = 'visible';
    page.doc.dispatchEvent(new Event('visibilitychange'));
    expect(warmUps()).toBe(3);

    // A click after another long pause.
    clock += AWAKE_MS + 1;
    list.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(warmUps()).toBe(4);

    // The view ended: its listeners went with it.
    page.runner.stop();
    clock += AWAKE_MS + 1;
    list.dispatchEvent(new Event('scroll'));
    page.doc.dispatchEvent(new Event('visibilitychange'));
    expect(warmUps()).toBe(4);
  });
});
