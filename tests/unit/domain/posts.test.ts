// Reading a subscriber-only post as the creator gives it: every problem names its field, and only a
// link to the creator's own video keeps a video id.
import { describe, expect, it } from 'vitest';
import { POST_TITLE_MAX, latestPostDay, postId, postLink, readPost } from '@/lib/domain/posts';

const OWN = 'mara.sings';
const TODAY = '2026-06-30';
const VIDEO = 'https://www.tiktok.com/@mara.sings/video/7301234567890123456';

const problemsOf = (result: ReturnType<typeof readPost>) => (result.ok ? [] : result.problems);

describe('readPost', () => {
  it('keeps the day, the title and the video id of a link to the creator’s own video', () => {
    expect(readPost({ date: ' 2026-06-12 ', title: ' Behind the scenes ', link: ` ${VIDEO}?is_from_webapp=1 ` }, OWN, TODAY)).toEqual({
      ok: true,
      value: { date: '2026-06-12', title: 'Behind the scenes', videoId: '7301234567890123456' },
    });
  });

  it('leaves out an empty title and link', () => {
    expect(readPost({ date: '2026-06-12', title: '  ', link: '' }, OWN, TODAY)).toEqual({ ok: true, value: { date: '2026-06-12' } });
  });

  it('refuses a day that does not exist', () => {
    expect(problemsOf(readPost({ date: '2026-02-30' }, OWN, TODAY))).toEqual([
      { path: ['date'], message: '“2026-02-30” is not a day: write it as YYYY-MM-DD' },
    ]);
  });

  it('refuses a day after the latest one, and takes the latest day itself', () => {
    expect(problemsOf(readPost({ date: '2026-07-01' }, OWN, TODAY))).toEqual([
      { path: ['date'], message: '2026-07-01 has not come yet: log a post once it is out' },
    ]);
    expect(readPost({ date: TODAY }, OWN, TODAY).ok).toBe(true);
  });

  it('refuses a link to another creator’s video, naming both', () => {
    expect(problemsOf(readPost({ date: TODAY, link: 'https://www.tiktok.com/@someone.else/video/123' }, OWN, TODAY))).toEqual([
      { path: ['link'], message: 'This video is @someone.else’s: only your own (@mara.sings) videos count' },
    ]);
  });

  it.each(['https://www.tiktok.com/@mara.sings', 'https://example.com/@mara.sings/video/1', 'not a link'])('refuses %s, which is not a video', (link) => {
    expect(problemsOf(readPost({ date: TODAY, link }, OWN, TODAY))).toEqual([
      { path: ['link'], message: 'This is not the address of a TikTok video (https://www.tiktok.com/@you/video/…)' },
    ]);
  });

  it('refuses a title that is too long, and reports every field at once', () => {
    const problems = problemsOf(readPost({ date: '2026-13-01', title: 'x'.repeat(POST_TITLE_MAX + 1), link: 'nope' }, OWN, TODAY));
    expect(problems.map((p) => p.path)).toEqual([['date'], ['link'], ['title']]);
    expect(readPost({ date: TODAY, title: 'x'.repeat(POST_TITLE_MAX) }, OWN, TODAY).ok).toBe(true);
  });
});

describe('a post’s id, link and latest day', () => {
  it('keys a post with a video by the video, and one without by a new id', () => {
    expect(postId('42', () => 'fresh')).toBe('video-42');
    expect(postId(undefined, () => 'fresh')).toBe('fresh');
  });

  it('links to the video only when the post has one', () => {
    expect(postLink({ handle: OWN, videoId: '42' })).toBe('https://www.tiktok.com/@mara.sings/video/42');
    expect(postLink({ handle: OWN })).toBeNull();
  });

  it('allows the day after the background’s UTC today, as the creator may be ahead of UTC', () => {
    expect(latestPostDay('2026-12-31')).toBe('2027-01-01');
  });
});
