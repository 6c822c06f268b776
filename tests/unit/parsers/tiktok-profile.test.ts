import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseProfileScripts, readProfileScripts, visibleProfileStats } from '@/lib/parsers/tiktok-profile';
import { fixtureText } from './studio-fixtures';

function page(name: string): Document {
  return new DOMParser().parseFromString(fixtureText(`tiktok/${name}`), 'text/html');
}

function fromFixture(name: string, handle?: string) {
  return parseProfileScripts(readProfileScripts(page(name)), handle);
}

const universal = (detail: unknown) => JSON.stringify({ __DEFAULT_SCOPE__: { 'webapp.user-detail': detail } });
const user = { uniqueId: 'mara.lens', nickname: 'Mara Lens', privateAccount: false };
const stats = { followerCount: 11000, followingCount: 312, heart: 696100, heartCount: 696100, videoCount: 148 };

describe('profile pages (fixtures read with DOMParser)', () => {
  it('2024-26 universal data: prefers the exact statsV2 strings to the rounded stats numbers', () => {
    expect(fromFixture('profile-universal-2025.html')).toEqual({
      status: 'ok',
      handle: 'mara.lens',
      nickname: 'Mara Lens',
      followers: 10963,
      following: 312,
      likes: 696142,
      videoCount: 148,
      privateAccount: false,
      source: 'universal',
      precise: true,
    });
  });

  it('2022-23 SIGI_STATE: takes the owner among several users', () => {
    expect(fromFixture('profile-sigi-2023.html')).toMatchObject({
      status: 'ok',
      handle: 'tom_bakes',
      followers: 2_100_000,
      likes: 48_300_000,
      videoCount: 612,
      source: 'sigi',
      precise: false,
    });
    // The URL's handle wins over UserPage, case-insensitively.
    expect(fromFixture('profile-sigi-2023.html', 'Someone.Else')).toMatchObject({ handle: 'someone.else', followers: 5 });
  });

  it('2020-21 __NEXT_DATA__', () => {
    expect(fromFixture('profile-next-2021.html')).toMatchObject({
      status: 'ok',
      handle: 'hanako_cook',
      nickname: 'はなこ',
      followers: 123_000,
      likes: 120_000_000,
      source: 'next',
      precise: false,
    });
  });

  it('private and missing accounts say so', () => {
    expect(fromFixture('profile-universal-private.html')).toEqual({ status: 'private', handle: 'quiet.fox' });
    expect(fromFixture('profile-universal-not-found.html')).toEqual({ status: 'not-found' });
  });

  it('reads the visible counts of the fixture pages as a fallback', () => {
    const doc = page('profile-universal-2025.html');
    const text = (selector: string) => doc.querySelector(selector)?.textContent ?? undefined;
    const visible = visibleProfileStats({
      followers: text('[data-e2e="followers-count"]'),
      likes: text('[data-e2e="likes-count"]'),
      videoViews: [...doc.querySelectorAll('[data-e2e="video-views"]')].map((node) => node.textContent ?? ''),
    });
    expect(visible.followers).toMatchObject({ value: 11000, rounded: true });
    expect(visible.followers!.lowerBound).toBeLessThanOrEqual(10963);
    expect(visible.likes?.value).toBe(696_100);
    expect(visible.videoViews?.value).toBe(10_500 + 1_200_000 + 46);
    expect(visible.unreadableVideoViews).toBe(0);

    const old = page('profile-next-2021.html');
    expect(visibleProfileStats({ followers: old.querySelector('[data-e2e="followers-count"]')?.textContent ?? '', videoViews: [] }))
      .toMatchObject({ followers: { value: 123_000 }, likes: null, videoViews: null });
  });

  it('a page without embedded JSON is unknown', () => {
    const doc = new DOMParser().parseFromString('<html><body><h1>hi</h1></body></html>', 'text/html');
    expect(readProfileScripts(doc)).toEqual({});
    expect(parseProfileScripts(readProfileScripts(doc))).toEqual({ status: 'unknown' });
  });
});

describe('parseProfileScripts edge cases', () => {
  it('falls back to stats, marked imprecise, when statsV2 is missing or unreadable', () => {
    const noV2 = parseProfileScripts({ universal: universal({ statusCode: 0, userInfo: { user, stats } }) });
    expect(noV2).toMatchObject({ status: 'ok', followers: 11000, precise: false });
    const badV2 = universal({ statusCode: 0, userInfo: { user, stats, statsV2: { ...stats, followerCount: '10.9K' } } });
    expect(parseProfileScripts({ universal: badV2 })).toMatchObject({ followers: 11000, likes: 696100, precise: false });
  });

  it('uses heart when heartCount is absent, and needs every figure', () => {
    const { heartCount: _, ...withoutHeartCount } = stats;
    expect(parseProfileScripts({ universal: universal({ userInfo: { user, stats: withoutHeartCount } }) })).toMatchObject({ likes: 696100 });
    const { videoCount: __, ...withoutVideos } = stats;
    expect(parseProfileScripts({ universal: universal({ userInfo: { user, stats: withoutVideos } }) })).toEqual({ status: 'unknown' });
  });

  it('keeps a private account that shows its counts to its owner', () => {
    const own = universal({ statusCode: 0, userInfo: { user: { ...user, privateAccount: true }, stats } });
    expect(parseProfileScripts({ universal: own })).toMatchObject({ status: 'ok', privateAccount: true });
  });

  it('falls back to an older generation when the newest is unusable', () => {
    const next = JSON.stringify({ props: { pageProps: { statusCode: 0, userInfo: { user, stats } } } });
    expect(parseProfileScripts({ universal: '{not json', next })).toMatchObject({ status: 'ok', source: 'next' });
    expect(parseProfileScripts({ universal: universal({ statusCode: 0 }), next })).toMatchObject({ source: 'next' });
    expect(parseProfileScripts({ next: JSON.stringify({ props: { pageProps: { serverCode: 404 } } }) })).toEqual({
      status: 'not-found',
    });
  });

  it.each([
    ['an unknown status code', universal({ statusCode: 10000, userInfo: { user, stats } })],
    ['a handle with markup', universal({ userInfo: { user: { ...user, uniqueId: '<img src=x>' }, stats } })],
    ['negative counts', universal({ userInfo: { user, stats: { ...stats, followerCount: -1 } } })],
    ['counts as words', universal({ userInfo: { user, stats: { ...stats, followerCount: 'many' } } })],
    ['a wrong shape', JSON.stringify({ __DEFAULT_SCOPE__: [] })],
    ['null', 'null'],
    ['a valid page padded past 5 MB', universal({ userInfo: { user, stats }, padding: 'x'.repeat(5_000_000) })],
  ])('answers unknown for %s', (_, text) => {
    expect(parseProfileScripts({ universal: text })).toEqual({ status: 'unknown' });
  });

  it('never throws, whatever the scripts hold', () => {
    const text = fc.oneof(fc.string(), fc.json(), fc.constant(universal({ userInfo: { user, stats: 1 } })));
    fc.assert(
      fc.property(fc.record({ universal: text, sigi: text, next: text }, { requiredKeys: [] }), (scripts) => {
        expect(['ok', 'private', 'not-found', 'unknown']).toContain(parseProfileScripts(scripts).status);
      }),
      { numRuns: 500 },
    );
  });
});

describe('visibleProfileStats', () => {
  it('counts unreadable view counts instead of guessing them', () => {
    const visible = visibleProfileStats({ followers: 'n/a', videoViews: ['1.2M', 'Pinned', '', '3,4 Mio.'] });
    expect(visible.followers).toBeNull();
    expect(visible.videoViews?.value).toBe(4_600_000);
    expect(visible.unreadableVideoViews).toBe(2);
  });
});
