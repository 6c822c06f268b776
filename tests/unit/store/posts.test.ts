// The log of subscriber-only posts in Dexie: the same video is one record, the log has a limit, and a
// post removed is gone.
import { describe, expect, it } from 'vitest';
import { MAX_POSTS, type SubscriberOnlyPost } from '@/lib/domain/posts';
import { TierkitDb } from '@/lib/store/db';
import { addPost, postsOf, removePost } from '@/lib/store/posts-store';

const OWN = 'mara.sings';
const NOW = Date.UTC(2026, 5, 30, 12);
const VIDEO = 'https://www.tiktok.com/@mara.sings/video/7301234567890123456';

function setup() {
  const db = new TierkitDb(`posts-${crypto.randomUUID()}`);
  let n = 0;
  return { db, newId: () => `post-${++n}` };
}

describe('the posts store', () => {
  it('logs a post with its video under the video’s id, and the same video again keeps the one record as it was', async () => {
    const { db, newId } = setup();
    const first = await addPost(db, OWN, { date: '2026-06-10', title: 'Q&A', link: VIDEO }, NOW, newId);
    expect(first).toEqual({
      ok: true,
      value: { added: true, post: { id: 'video-7301234567890123456', handle: OWN, date: '2026-06-10', videoId: '7301234567890123456', title: 'Q&A', addedAt: NOW } },
    });
    const again = await addPost(db, OWN, { date: '2026-06-11', link: VIDEO }, NOW + 1, newId);
    // The record stays as first logged: another day or no title does not overwrite it.
    expect(again).toEqual({ ok: true, value: { added: false, post: first.ok && first.value.post } });
    expect(await postsOf(db, OWN)).toEqual([first.ok && first.value.post]);
    expect(await db.subscriberOnlyPosts.count()).toBe(1);
  });

  it('keeps posts without a video apart, oldest day first, and only the handle’s own', async () => {
    const { db, newId } = setup();
    await addPost(db, OWN, { date: '2026-06-20' }, NOW, newId);
    await addPost(db, OWN, { date: '2026-06-05' }, NOW, newId);
    await addPost(db, 'someone.else', { date: '2026-06-01' }, NOW, newId);
    expect((await postsOf(db, OWN)).map((p) => [p.id, p.date])).toEqual([
      ['post-2', '2026-06-05'],
      ['post-1', '2026-06-20'],
    ]);
  });

  it('stores nothing for a post with problems', async () => {
    const { db, newId } = setup();
    const result = await addPost(db, OWN, { date: '2026-02-30', link: 'https://www.tiktok.com/@other/video/1' }, NOW, newId);
    expect(result).toMatchObject({ ok: false, problems: [{ path: ['date'] }, { path: ['link'] }] });
    expect(await db.subscriberOnlyPosts.count()).toBe(0);
  });

  it('refuses a new post past MAX_POSTS, but still takes a video already logged', async () => {
    const { db, newId } = setup();
    const full: SubscriberOnlyPost[] = Array.from({ length: MAX_POSTS }, (_, i) => ({ id: `old-${i}`, handle: OWN, date: '2026-01-01', addedAt: 1 }));
    full[0] = { id: 'video-99', handle: OWN, date: '2026-01-01', videoId: '99', addedAt: 1 };
    await db.subscriberOnlyPosts.bulkPut(full);
    const refused = await addPost(db, OWN, { date: '2026-06-01' }, NOW, newId);
    expect(refused).toEqual({ ok: false, problems: [{ path: [], message: 'The log holds at most 5000 posts: remove old ones first' }] });
    const known = await addPost(db, OWN, { date: '2026-06-01', link: 'https://www.tiktok.com/@mara.sings/video/99' }, NOW, newId);
    expect(known).toMatchObject({ ok: true, value: { added: false } });
    expect(await db.subscriberOnlyPosts.count()).toBe(MAX_POSTS);
  });

  it('removes a post, and says when it was not there', async () => {
    const { db, newId } = setup();
    const added = await addPost(db, OWN, { date: '2026-06-10' }, NOW, newId);
    const id = added.ok ? added.value.post.id : '';
    expect(await removePost(db, id)).toBe(true);
    expect(await postsOf(db, OWN)).toEqual([]);
    expect(await removePost(db, id)).toBe(false);
  });
});
