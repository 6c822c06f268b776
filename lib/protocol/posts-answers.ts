// The background's answers about the log of subscriber-only posts, for the options page. Apart from
// schemas.ts so that the popup, which never asks for them, does not bundle the post schema.
import * as z from 'zod/mini';
import { subscriberOnlyPostSchema } from '../domain/posts';

/** `posts.list`: the creator's own posts, oldest day first (of one day, in the order logged). */
export const postListSchema = z.object({ posts: z.array(subscriberOnlyPostSchema) });

/** `posts.add`: the post as stored, and false for `added` when its video was logged already. */
export const addedPostSchema = z.object({ post: subscriberOnlyPostSchema, added: z.boolean() });

/** `posts.remove`: false when the post was not there. */
export const removedPostSchema = z.object({ removed: z.boolean() });
