// The capture feature with a fake background: the `send` it is given records what it sends.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentRequest } from '@/lib/protocol/requests';
import { COUNTS_WAIT_MS, captureNow, collectProfile, createOwnProfileCapture } from '@/lib/page/features/own-profile-capture';
import type { Send } from '@/lib/page/messages';
import { createPageObserver, type PageObserver } from '@/lib/page/observer';
import { runFeatures, type FeatureRunner } from '@/lib/page/runner';
import { eventually, loadFixture, setUrl, settle, type FixtureName } from './helpers';

const MARA = 'https://www.tiktok.com/@mara.sings';

let observer: PageObserver | undefined;
let runner: FeatureRunner | undefined;
let sent: ContentRequest[];

function background(wanted: unknown = { ok: true, wanted: true }, captured: unknown = { ok: true, outcome: 'recorded' }): Send {
  return async (message) => {
    sent.push(structuredClone(message));
    return message.type === 'stats.wanted' ? wanted : captured;
  };
}

/** The browser loads `url` showing `fixture`; the content script starts. */
function open(url: string, fixture: FixtureName, send: Send): Document {
  setUrl(url);
  const doc = loadFixture(fixture);
  observer = createPageObserver({ root: doc });
  runner = runFeatures([createOwnProfileCapture(doc)], { observer, send });
  return doc;
}

const captures = () => sent.filter((m) => m.type === 'stats.capture').map((m) => m.page);

beforeEach(() => {
  sent = [];
});
afterEach(() => {
  runner?.stop();
  observer?.disconnect();
  vi.useRealTimers();
});

describe('automatic capture on a profile page', () => {
  it('asks whether a capture is wanted and sends nothing more when it is not', async () => {
    open(MARA, 'profile-own-2025', background({ ok: true, wanted: false }));
    await settle();
    await settle();
    expect(sent).toEqual([{ type: 'stats.wanted', handle: 'mara.sings' }]);
  });

  it('sends nothing more on an answer it does not understand', async () => {
    for (const answer of [undefined, { ok: true }, { ok: true, wanted: 'yes' }, { ok: false, problems: [] }]) {
      sent = [];
      open(MARA, 'profile-own-2025', async (message) => {
        sent.push(message);
        return answer;
      });
      await settle();
      await settle();
      expect(sent).toHaveLength(1);
      runner!.stop();
      observer!.disconnect();
    }
  });

  it('sends the embedded JSON and the displayed counts of a 2024-26 page when wanted', async () => {
    const doc = open(`${MARA}?lang=en`, 'profile-own-2025', background());
    await eventually(() => expect(captures()).toHaveLength(1));
    expect(captures()[0]).toEqual({
      url: `${MARA}?lang=en`,
      handle: 'mara.sings',
      scripts: { universal: doc.getElementById('__UNIVERSAL_DATA_FOR_REHYDRATION__')!.textContent },
      visible: { following: '212', followers: '11K', likes: '312.4K', videoViews: ['1.2M', '48.2K', '12.9K', '904'] },
      asked: false,
    });
    expect(JSON.parse(captures()[0]!.scripts.universal!).__DEFAULT_SCOPE__['webapp.user-detail'].userInfo.user.uniqueId).toBe(
      'mara.sings',
    );
  });

  it('sends SIGI_STATE and the counts of a 2022-23 page, for a handle typed in capitals', async () => {
    const doc = open('https://www.tiktok.com/@Mara.Sings/', 'profile-own-2022', background());
    await eventually(() => expect(captures()).toHaveLength(1));
    expect(sent[0]).toEqual({ type: 'stats.wanted', handle: 'mara.sings' });
    expect(captures()[0]).toMatchObject({
      handle: 'mara.sings',
      scripts: { sigi: doc.getElementById('SIGI_STATE')!.textContent },
      visible: { following: '180', followers: '8412', likes: '201.3K', videoViews: ['30.1K', '5230', '712'] },
    });
    expect(Object.keys(captures()[0]!.scripts)).toEqual(['sigi']);
  });

  it('waits for the counts to show before reading them', async () => {
    setUrl(MARA);
    const full = loadFixture('profile-own-2025');
    const doc = loadFixture('profile-own-2025');
    const app = doc.getElementById('app')!;
    app.replaceChildren(); // TikTok renders the profile after the script starts
    observer = createPageObserver({ root: doc });
    runner = runFeatures([createOwnProfileCapture(doc)], { observer, send: background() });
    await settle();
    await settle();
    expect(captures()).toEqual([]);
    app.replaceChildren(...[...full.getElementById('app')!.childNodes].map((n) => doc.importNode(n, true)));
    await eventually(() => expect(captures()).toHaveLength(1));
    expect(captures()[0]!.visible.followers).toBe('11K');
    expect(captures()[0]!.visible.videoViews).toHaveLength(4);
  });

  it('gives up waiting after a bound and sends the JSON of a missing account', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    open('https://www.tiktok.com/@gone.user', 'profile-not-found-2025', background());
    await vi.advanceTimersByTimeAsync(COUNTS_WAIT_MS - 100);
    expect(captures()).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(captures()).toHaveLength(1);
    expect(captures()[0]!.visible).toEqual({ videoViews: [] });
    expect(JSON.parse(captures()[0]!.scripts.universal!).__DEFAULT_SCOPE__['webapp.user-detail'].statusCode).toBe(10221);
  });

  it('sends a private account’s counts and JSON once the wait for videos ends', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    open('https://www.tiktok.com/@quiet.corner', 'profile-private-2025', background());
    await vi.advanceTimersByTimeAsync(COUNTS_WAIT_MS);
    expect(captures()).toHaveLength(1);
    expect(captures()[0]).toMatchObject({ handle: 'quiet.corner', visible: { followers: '35', videoViews: [] } });
    expect(captures()[0]!.scripts.universal).toContain('"statusCode":10222');
  });

  it('sends nothing on pages that are not profiles', async () => {
    open('https://www.tiktok.com/@mara.sings/video/7401234567890123457', 'video-2025', background());
    open('https://www.tiktok.com/foryou', 'foryou-2025', background());
    open('https://www.tiktok.com/@mara.sings/live', 'live-2025', background());
    await settle();
    await settle();
    expect(sent).toEqual([]);
  });

  it('counts only the views of videos whose links go to this creator’s videos on tiktok.com', () => {
    const doc = loadFixture('profile-own-2025');
    const links = doc.querySelectorAll('[data-e2e="user-post-item"] a[href*="/video/"]');
    links[0]!.setAttribute('href', 'https://evil.example/@mara.sings/video/7401234567890123456');
    links[1]!.setAttribute('href', '/@mara.sings/video/7401234567890123457');
    links[2]!.setAttribute('href', 'https://www.tiktok.com/@lena.paints/video/7401234567890123458');
    const view = { url: MARA, route: { kind: 'profile', handle: 'mara.sings' }, firstView: true } as const;
    expect(collectProfile(doc, view, 'mara.sings', false).visible.videoViews).toEqual(['48.2K', '904']);
  });

  it('captures at most once per profile view, even when the query changes', async () => {
    const doc = open(MARA, 'profile-own-2025', background());
    await eventually(() => expect(captures()).toHaveLength(1));
    history.pushState(null, '', '/@mara.sings?lang=it');
    doc.body.append(doc.createElement('div'));
    await settle();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await settle();
    expect(sent).toHaveLength(2);
  });

  it('after a single-page navigation, sends the new profile’s counts but never the stale JSON', async () => {
    // The browser loaded another creator's profile: its JSON stays in the page after navigation.
    const doc = open('https://www.tiktok.com/@lena.paints', 'profile-other-2025', (message) =>
      background({ ok: true, wanted: message.type === 'stats.wanted' && message.handle === 'mara.sings' })(message),
    );
    await settle();
    expect(sent).toEqual([{ type: 'stats.wanted', handle: 'lena.paints' }]);

    // The URL changes first; for a moment the old header still shows.
    history.pushState(null, '', '/@mara.sings');
    doc.body.append(doc.createElement('div'));
    await eventually(() => expect(sent).toHaveLength(2));
    expect(sent[1]).toEqual({ type: 'stats.wanted', handle: 'mara.sings' });
    await settle();
    expect(captures()).toEqual([]);

    const own = loadFixture('profile-own-2025');
    doc.getElementById('app')!.replaceWith(doc.importNode(own.getElementById('app')!, true));
    await eventually(() => expect(captures()).toHaveLength(1));
    expect(captures()[0]).toEqual({
      url: MARA,
      handle: 'mara.sings',
      scripts: {},
      visible: { following: '212', followers: '11K', likes: '312.4K', videoViews: ['1.2M', '48.2K', '12.9K', '904'] },
      asked: false,
    });
  });
  it('never sends the previous profile’s counts when the new one’s header does not show in time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const doc = open('https://www.tiktok.com/@lena.paints', 'profile-other-2025', background());
    await eventually(() => expect(captures()).toHaveLength(1));
    history.pushState(null, '', '/@mara.sings');
    doc.body.append(doc.createElement('div'));
    await eventually(() => expect(sent).toHaveLength(3));
    await vi.advanceTimersByTimeAsync(COUNTS_WAIT_MS + 100);
    // Neither JSON (stale) nor counts (someone else's): nothing to send.
    expect(captures()).toHaveLength(1);
  });
});

describe('capture from this tab (capture.now)', () => {
  it('sends any profile, asked, whatever is wanted, and answers with the background’s response', async () => {
    const send = background({ ok: true, wanted: false }, { ok: true, outcome: 'recorded' });
    const doc = open('https://www.tiktok.com/@lena.paints', 'profile-other-2025', send);
    const answer = await captureNow(runner!.view(), { doc, observer: observer!, send });
    expect(answer).toEqual({ ok: true, outcome: 'recorded' });
    expect(captures()).toEqual([
      expect.objectContaining({
        handle: 'lena.paints',
        asked: true,
        visible: { following: '88', followers: '1.2M', likes: '45.1M', videoViews: ['9.8M', '640.3K'] },
      }),
    ]);
    expect(captures()[0]!.scripts.universal).toContain('"uniqueId":"lena.paints"');
  });

  it('passes the background’s problems on, and says nothing came back when the answer is not one', async () => {
    const problems = { ok: false, problems: [{ path: ['page', 'handle'], message: 'Too long' }] };
    let doc = open(MARA, 'profile-own-2025', background({ ok: true, wanted: false }, problems));
    expect(await captureNow(runner!.view(), { doc, observer: observer!, send: background({ ok: true, wanted: false }, problems) })).toEqual(problems);
    doc = open(MARA, 'profile-own-2025', background({ ok: true, wanted: false }));
    const garbled = background({ ok: true, wanted: false }, { ok: true, outcome: 'stored' });
    expect(await captureNow(runner!.view(), { doc, observer: observer!, send: garbled })).toEqual({ ok: false, problems: [] });
  });

  it('answers no-data off a profile page without sending anything', async () => {
    const send = background();
    const doc = open('https://www.tiktok.com/@mara.sings/video/7401234567890123457', 'video-2025', send);
    expect(await captureNow(runner!.view(), { doc, observer: observer!, send })).toEqual({ ok: true, outcome: 'no-data' });
    expect(sent).toEqual([]);
  });
});
