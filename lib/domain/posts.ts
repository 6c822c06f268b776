// The creator's subscriber-only posts, as Tierkit logs them: the US and Canada bonus counts them per
// calendar month. A post names its day, and, when known, its video on the creator's own profile (the
// same video counts once) and a title.
import * as z from 'zod/mini';
import { addDays, daySchema, isDay } from '../eligibility/dates';
import { t } from '../i18n';
import { routeOf } from '../parsers/tiktok-routes';
import type { Result } from './problems';
import { handleSchema, timestampSchema } from './schema';
import { idSchema, line } from './text';

export const POST_TITLE_MAX = 150;
/** Posts kept: ten years of a post a day is far beyond what any bonus month counts. */
export const MAX_POSTS = 5_000;

const videoIdSchema = z.string().check(z.regex(/^\d{1,30}$/));

export const subscriberOnlyPostSchema = z.object({
  /** `video-<id>` for a post with its video, so that the same video is one record; else a random id. */
  id: idSchema,
  /** The creator whose post it is. */
  handle: handleSchema,
  date: daySchema,
  videoId: z.optional(videoIdSchema),
  title: z.optional(line(1, POST_TITLE_MAX)),
  addedAt: timestampSchema,
});
export type SubscriberOnlyPost = z.infer<typeof subscriberOnlyPostSchema>;

/** The record id of a post: its video's, when it has one. */
export const postId = (videoId: string | undefined, newId: () => string): string => (videoId ? `video-${videoId}` : newId());

/** The address of a post's video. */
export const postLink = (post: Pick<SubscriberOnlyPost, 'handle' | 'videoId'>): string | null =>
  post.videoId ? `https://www.tiktok.com/@${post.handle}/video/${post.videoId}` : null;

export interface PostInput {
  date: string;
  title?: string;
  link?: string;
}

/**
 * A post as the creator gave it, checked: a real day, not after `latestDay` (the creator's today; the
 * background allows the day after its UTC today, as the creator's day may be ahead of it), and a link,
 * when given, to a video on the creator's own profile. Problems name the field.
 */
export function readPost(
  input: PostInput,
  own: string,
  latestDay: string,
): Result<{ date: string; videoId?: string; title?: string }> {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const date = input.date.trim();
  if (!isDay(date)) problems.push({ path: ['date'], message: t('eligibilityOptions.posts.err.date', { date }) });
  else if (date > latestDay) problems.push({ path: ['date'], message: t('eligibilityOptions.posts.err.future', { date }) });
  let videoId: string | undefined;
  const link = input.link?.trim() ?? '';
  if (link) {
    const route = routeOf(link);
    if (route.kind !== 'video') problems.push({ path: ['link'], message: t('eligibilityOptions.posts.err.notVideo') });
    else if (route.handle !== own) problems.push({ path: ['link'], message: t('eligibilityOptions.posts.err.notOwn', { handle: route.handle, own }) });
    else videoId = route.videoId;
  }
  const title = input.title?.trim() ?? '';
  const checkedTitle = title ? line(1, POST_TITLE_MAX).safeParse(title) : null;
  if (checkedTitle && !checkedTitle.success) {
    problems.push({ path: ['title'], message: checkedTitle.error.issues[0]?.message ?? t('eligibilityOptions.posts.err.title', { max: POST_TITLE_MAX }) });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { date, ...(videoId ? { videoId } : {}), ...(title ? { title } : {}) } };
}

/** The latest day a post may have, from the background's UTC today. */
export const latestPostDay = (utcToday: string): string => addDays(utcToday, 1);
