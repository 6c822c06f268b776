// The log of the creator's subscriber-only posts. A post with its video is keyed by the video, so
// logging it again (by hand, then from the context menu) keeps one record.
import { MAX_POSTS, postId, readPost, latestPostDay, subscriberOnlyPostSchema, type PostInput, type SubscriberOnlyPost } from '../domain/posts';
import type { Result } from '../domain/problems';
import { utcDate } from '../eligibility/dates';
import { t } from '../i18n';
import type { TierkitDb } from './db';
import { validRows } from './valid-rows';

/** A handle's posts, oldest first. */
export async function postsOf(db: TierkitDb, handle: string): Promise<SubscriberOnlyPost[]> {
  const rows = await db.subscriberOnlyPosts.where('handle').equals(handle).toArray();
  return validRows(rows, subscriberOnlyPostSchema).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.addedAt - b.addedAt));
}

/** Every post kept, whatever handle it was logged under: what a backup holds. */
export async function allPosts(db: TierkitDb): Promise<SubscriberOnlyPost[]> {
  return validRows(await db.subscriberOnlyPosts.toArray(), subscriberOnlyPostSchema);
}

/** Logs a post of `handle` (the creator's own); `added` is false when its video was logged already, and `post` is then the stored one. */
export async function addPost(
  db: TierkitDb,
  handle: string,
  input: PostInput,
  now: number,
  newId: () => string,
): Promise<Result<{ post: SubscriberOnlyPost; added: boolean }>> {
  const read = readPost(input, handle, latestPostDay(utcDate(now)));
  if (!read.ok) return read;
  const post: SubscriberOnlyPost = { id: postId(read.value.videoId, newId), handle, addedAt: now, ...read.value };
  return db.transaction('rw', db.subscriberOnlyPosts, async () => {
    // A video logged already stays as it was: logging it again (from the context menu, dated today)
    // must not move the day or drop the title the creator gave it.
    // A stored row that no longer reads is replaced.
    const stored = await db.subscriberOnlyPosts.get(post.id);
    const before = stored ? validRows([stored], subscriberOnlyPostSchema)[0] : undefined;
    if (before) return { ok: true as const, value: { post: before, added: false } };
    if ((await db.subscriberOnlyPosts.count()) >= MAX_POSTS) {
      return { ok: false as const, problems: [{ path: [], message: t('eligibilityOptions.posts.err.tooMany', { max: MAX_POSTS }) }] };
    }
    await db.subscriberOnlyPosts.put(post);
    return { ok: true as const, value: { post, added: true } };
  });
}

/** Removes a post; false when it was not there. */
export async function removePost(db: TierkitDb, id: string): Promise<boolean> {
  return db.transaction('rw', db.subscriberOnlyPosts, async () => {
    if (!(await db.subscriberOnlyPosts.get(id))) return false;
    await db.subscriberOnlyPosts.delete(id);
    return true;
  });
}
