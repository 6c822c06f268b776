// When a page's expected container does not show up (TikTok changed its markup), the badge features say
// so to the background, and say again when it shows up after all.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContentRequest } from '@/lib/protocol/requests';
import { CONTAINER_WAIT_MS } from '@/lib/page/diagnostics';
import { fakeBackground, openPage, type BadgePage } from './fake-roster';
import { loadFixture } from './helpers';

let page: BadgePage | undefined;
afterEach(() => {
  page?.close();
  page = undefined;
  vi.useRealTimers();
});

const reports = (sent: ContentRequest[]) => sent.filter((m) => m.type === 'diagnostic.report');

/** A page of this kind whose markup changed: the container is gone. */
function without(fixture: Parameters<typeof loadFixture>[0], selector: string): Document {
  const doc = loadFixture(fixture);
  for (const element of doc.querySelectorAll(selector)) element.remove();
  return doc;
}

describe('diagnostics of the badge features', () => {
  it('reports a video page without its comment list after the wait, then that it was found', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const background = await fakeBackground();
    const changed = without('video-2025', '[class*="DivCommentListContainer"]');
    page = openPage('https://www.tiktok.com/@mara.sings/video/7401234567890123457', changed, background.send);
    await vi.advanceTimersByTimeAsync(CONTAINER_WAIT_MS - 500);
    expect(reports(background.sent)).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports(background.sent)).toEqual([
      { type: 'diagnostic.report', feature: 'comment-badges', page: 'video', selector: '[class*="DivCommentListContainer"]', status: 'missing' },
    ]);
    // TikTok renders the list late after all.
    const list = loadFixture('video-2025').querySelector('[class*="DivCommentListContainer"]')!;
    changed.querySelector('main')!.append(changed.importNode(list, true));
    await page.idle();
    expect(reports(background.sent).map((r) => r.status)).toEqual(['missing', 'found']);
    // And the comments in it get their badges.
    expect(changed.querySelectorAll('tierkit-badge')).toHaveLength(2);
  });

  it('reports each page kind’s container: LIVE chat, feed items, profile title', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const cases = [
      ['https://www.tiktok.com/@mara.sings/live', without('live-2025', '[data-e2e="live-chat-container"]'), 'live-chat-badges', 'live'],
      ['https://www.tiktok.com/foryou', without('foryou-2025', '[data-e2e="recommend-list-item-container"]'), 'feed-author-badges', 'feed'],
      ['https://www.tiktok.com/@lena.paints', without('profile-other-2025', '[data-e2e="user-title"]'), 'profile-badges', 'profile'],
    ] as const;
    for (const [url, doc, feature, kind] of cases) {
      const background = await fakeBackground();
      page = openPage(url, doc, background.send);
      await vi.advanceTimersByTimeAsync(CONTAINER_WAIT_MS + 100);
      expect(reports(background.sent).map((r) => [r.feature, r.page, r.status])).toEqual([[feature, kind, 'missing']]);
      page.close();
    }
  });

  it('reports nothing when the container shows, when a missing account explains it, or when the view ends first', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const fine = [
      ['https://www.tiktok.com/@mara.sings/video/7401234567890123457', 'video-2022'],
      ['https://www.tiktok.com/@mara.sings/live', 'live-2024'],
      ['https://www.tiktok.com/', 'foryou-2022'],
      ['https://www.tiktok.com/@lena.paints', 'profile-other-2022'],
      ['https://www.tiktok.com/@gone.user', 'profile-not-found-2025'],
    ] as const;
    for (const [url, fixture] of fine) {
      const background = await fakeBackground();
      page = openPage(url, fixture, background.send);
      await vi.advanceTimersByTimeAsync(CONTAINER_WAIT_MS + 100);
      expect(reports(background.sent), fixture).toEqual([]);
      page.close();
    }
    const background = await fakeBackground();
    const doc = without('video-2025', '[class*="DivCommentListContainer"]');
    page = openPage('https://www.tiktok.com/@mara.sings/video/7401234567890123457', doc, background.send);
    await vi.advanceTimersByTimeAsync(CONTAINER_WAIT_MS / 2);
    history.pushState(null, '', '/explore');
    doc.body.append(doc.createElement('div'));
    await page.idle();
    await vi.advanceTimersByTimeAsync(CONTAINER_WAIT_MS);
    expect(reports(background.sent)).toEqual([]);
  });
});
