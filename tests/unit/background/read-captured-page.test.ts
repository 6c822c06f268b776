import { describe, expect, it } from 'vitest';
import type { CapturedPage } from '@/lib/protocol/schemas';
import { readCapturedPage } from '@/lib/background/read-captured-page';
import { readProfileScripts } from '@/lib/parsers/tiktok-profile';
import { fixtureText } from '../parsers/studio-fixtures';

/** The embedded JSON of a fixture page, as the content script sends it. */
function scriptsOf(name: string): CapturedPage['scripts'] {
  return readProfileScripts(new DOMParser().parseFromString(fixtureText(`tiktok/${name}`), 'text/html'));
}

function page(handle: string, scripts: CapturedPage['scripts'], visible: Partial<CapturedPage['visible']> = {}): CapturedPage {
  return { url: `https://www.tiktok.com/@${handle}`, handle, scripts, visible: { videoViews: [], ...visible }, asked: false };
}

// What profile-universal-2025.html shows.
const maraShows = { followers: '11K', likes: '696.1K', videoViews: ['10.5K', '1.2M', '46'] };

describe('readCapturedPage', () => {
  it('takes the exact numbers from the JSON of the profile shown, with the visible views summed', () => {
    expect(readCapturedPage(page('@Mara.Lens', scriptsOf('profile-universal-2025.html'), maraShows))).toEqual({
      status: 'ok',
      stats: {
        handle: 'mara.lens',
        followers: 10_963,
        following: 312,
        likes: 696_142,
        videoCount: 148,
        visibleViews: 10_500 + 1_200_000 + 46,
        visibleVideos: 3,
        source: 'universal',
        precise: true,
      },
    });
  });

  it('counts only the view counts it could read', () => {
    const read = readCapturedPage(page('mara.lens', scriptsOf('profile-universal-2025.html'), { videoViews: ['10.5K', 'n/a', '46'] }));
    expect(read).toMatchObject({ status: 'ok', stats: { visibleViews: 10_546, visibleVideos: 2 } });
    const none = readCapturedPage(page('mara.lens', scriptsOf('profile-universal-2025.html')));
    expect(none.status === 'ok' && Object.keys(none.stats)).not.toContain('visibleViews');
  });

  it('reads the older markups, and rounded JSON numbers are not precise', () => {
    expect(readCapturedPage(page('tom_bakes', scriptsOf('profile-sigi-2023.html')))).toEqual({
      status: 'ok',
      stats: { handle: 'tom_bakes', followers: 2_100_000, following: 85, likes: 48_300_000, videoCount: 612, source: 'sigi', precise: false },
    });
    expect(readCapturedPage(page('hanako_cook', scriptsOf('profile-next-2021.html')))).toMatchObject({
      status: 'ok',
      stats: { handle: 'hanako_cook', followers: 123_000, source: 'next', precise: false },
    });
  });

  it('falls back to the visible counts when the JSON is another profile’s (left from before a navigation)', () => {
    const stale = scriptsOf('profile-universal-2025.html');
    expect(readCapturedPage(page('luca.draws', stale, { followers: '9,876', likes: '120,5K', videoViews: ['1.000', '2,5K'] }))).toEqual({
      status: 'ok',
      stats: { handle: 'luca.draws', followers: 9_876, likes: 120_500, visibleViews: 3_500, visibleVideos: 2, source: 'visible', precise: true },
    });
    // Nothing shown either: nothing to record, and never the other profile's numbers.
    expect(readCapturedPage(page('luca.draws', stale))).toEqual({ status: 'no-data' });
  });

  it('marks rounded visible counts as not precise', () => {
    expect(readCapturedPage(page('luca.draws', {}, { followers: '10.5K' }))).toEqual({
      status: 'ok',
      stats: { handle: 'luca.draws', followers: 10_500, source: 'visible', precise: false },
    });
    expect(readCapturedPage(page('luca.draws', {}, { followers: '12.3万', likes: 'lots' }))).toEqual({
      status: 'ok',
      stats: { handle: 'luca.draws', followers: 123_000, source: 'visible', precise: false },
    });
  });

  it('says when the account is private or does not exist', () => {
    expect(readCapturedPage(page('quiet.fox', scriptsOf('profile-universal-private.html'), { followers: '120' }))).toEqual({ status: 'private' });
    expect(readCapturedPage(page('gone.account', scriptsOf('profile-universal-not-found.html')))).toEqual({ status: 'not-found' });
  });

  it('does not call the profile shown private because another account’s JSON says so', () => {
    expect(readCapturedPage(page('mara.lens', scriptsOf('profile-universal-private.html'), { followers: '10,963' }))).toMatchObject({
      status: 'ok',
      stats: { handle: 'mara.lens', followers: 10_963, source: 'visible', precise: true },
    });
  });

  it.each([
    ['no scripts and no counts', {}, {}],
    ['scripts that are not JSON', { universal: '<html>', sigi: '{"UserModule":', next: 'null' }, {}],
    ['JSON of an unknown shape', { universal: '{"__DEFAULT_SCOPE__":{}}' }, {}],
    ['followers that are not a count', {}, { followers: 'Follow', likes: '1K', videoViews: ['5K'] }],
  ])('has no data with %s', (_, scripts, visible) => {
    expect(readCapturedPage(page('mara.lens', scripts, visible))).toEqual({ status: 'no-data' });
  });
});
