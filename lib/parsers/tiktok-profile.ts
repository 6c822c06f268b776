// A TikTok profile page's numbers, from the JSON TikTok embeds in it (three generations of markup,
// newest first) or, failing that, from the counts shown on the page. Pure: the content script passes
// the scripts' text. Nothing here throws: anything unexpected is { status: 'unknown' }.
import * as z from 'zod/mini';
import { parseCount, sumCounts, type Count } from './counts';

/** The ids of the script elements holding the embedded JSON, newest generation first. */
export const profileScriptIds = {
  universal: '__UNIVERSAL_DATA_FOR_REHYDRATION__',
  sigi: 'SIGI_STATE',
  next: '__NEXT_DATA__',
} as const;

export type ProfileSource = keyof typeof profileScriptIds;
export type ProfileScripts = Partial<Record<ProfileSource, string>>;

export type ProfileData =
  | {
      status: 'ok';
      handle: string;
      nickname: string;
      followers: number;
      following: number;
      likes: number;
      videoCount: number;
      /** A private account still shows its counts to its owner. */
      privateAccount: boolean;
      source: ProfileSource;
      /** True when every number came from exact strings (statsV2), not from rounded `stats`. */
      precise: boolean;
    }
  | { status: 'private'; handle?: string }
  | { status: 'not-found' }
  | { status: 'unknown' };

// TikTok's status codes for a profile.
const STATUS_OK = 0;
const STATUS_NOT_FOUND = 10221;
const STATUS_PRIVATE = 10222;
// A profile's embedded JSON is a few hundred KB; refuse to parse anything absurd.
const MAX_SCRIPT_CHARS = 5_000_000;

const userSchema = z.object({
  uniqueId: z.string().check(z.regex(/^[\w.]{1,64}$/)),
  nickname: z.optional(z.string()),
  privateAccount: z.optional(z.boolean()),
});
const statsSchema = z.record(z.string(), z.unknown());
const userInfoSchema = z.object({
  user: z.optional(userSchema),
  stats: z.optional(statsSchema),
  statsV2: z.optional(statsSchema),
});
type UserInfo = z.infer<typeof userInfoSchema>;

const universalSchema = z.object({
  __DEFAULT_SCOPE__: z.object({
    'webapp.user-detail': z.object({ statusCode: z.optional(z.number()), userInfo: z.optional(userInfoSchema) }),
  }),
});
const sigiSchema = z.object({
  UserModule: z.optional(
    z.object({ users: z.optional(z.record(z.string(), userSchema)), stats: z.optional(statsSchema) }),
  ),
  UserPage: z.optional(z.object({ uniqueId: z.optional(z.string()), statusCode: z.optional(z.number()) })),
});
const nextSchema = z.object({
  props: z.object({
    pageProps: z.object({
      statusCode: z.optional(z.number()),
      serverCode: z.optional(z.number()),
      userInfo: z.optional(userInfoSchema),
    }),
  }),
});

function parseJson(text: string | undefined): unknown {
  if (text === undefined || text.length > MAX_SCRIPT_CHARS) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A count that is exact: a whole non-negative number, or a string of digits. */
function exactNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : null;
  if (typeof value === 'string' && /^\d{1,16}$/.test(value)) {
    const number = Number(value);
    return Number.isSafeInteger(number) ? number : null;
  }
  return null;
}

// Field names per figure, best first: `heart` overflowed 32 bits on big accounts, `heartCount` did not.
const statFields = {
  followers: ['followerCount'],
  following: ['followingCount'],
  likes: ['heartCount', 'heart'],
  videoCount: ['videoCount'],
} as const;

function fromUserInfo(info: UserInfo, source: ProfileSource, statusCode: number | undefined): ProfileData {
  const handle = info.user?.uniqueId;
  if (statusCode === STATUS_PRIVATE) return handle ? { status: 'private', handle } : { status: 'private' };
  if (statusCode === STATUS_NOT_FOUND) return { status: 'not-found' };
  if ((statusCode ?? STATUS_OK) !== STATUS_OK || !info.user || !handle) return { status: 'unknown' };

  let precise = true;
  const figures: Partial<Record<keyof typeof statFields, number>> = {};
  for (const [figure, fields] of Object.entries(statFields) as [keyof typeof statFields, readonly string[]][]) {
    const fromV2 = firstNumber(info.statsV2, fields);
    const fromStats = fromV2 ?? firstNumber(info.stats, fields);
    if (fromStats === null) return { status: 'unknown' };
    if (fromV2 === null) precise = false;
    figures[figure] = fromStats;
  }
  return {
    status: 'ok',
    handle,
    nickname: info.user.nickname ?? handle,
    followers: figures.followers!,
    following: figures.following!,
    likes: figures.likes!,
    videoCount: figures.videoCount!,
    privateAccount: info.user.privateAccount === true,
    source,
    precise,
  };
}

function firstNumber(stats: Record<string, unknown> | undefined, fields: readonly string[]): number | null {
  if (!stats) return null;
  for (const field of fields) {
    const number = exactNumber(stats[field]);
    if (number !== null) return number;
  }
  return null;
}

function fromUniversal(text: string | undefined): ProfileData {
  const parsed = universalSchema.safeParse(parseJson(text));
  if (!parsed.success) return { status: 'unknown' };
  const detail = parsed.data.__DEFAULT_SCOPE__['webapp.user-detail'];
  return fromUserInfo(detail.userInfo ?? {}, 'universal', detail.statusCode);
}

function fromSigi(text: string | undefined, handle: string | undefined): ProfileData {
  const parsed = sigiSchema.safeParse(parseJson(text));
  if (!parsed.success) return { status: 'unknown' };
  const { UserModule: module, UserPage: page } = parsed.data;
  const users = module?.users ?? {};
  const wanted = (handle ?? page?.uniqueId)?.toLowerCase();
  const keys = Object.keys(users);
  // Users are keyed by handle; other people (e.g. suggested accounts) may sit beside the owner.
  const key = wanted !== undefined ? keys.find((k) => k.toLowerCase() === wanted) : keys.length === 1 ? keys[0] : undefined;
  const stats = key === undefined ? undefined : statsSchema.safeParse(module?.stats?.[key]);
  const info: UserInfo = {
    user: key === undefined ? undefined : users[key],
    stats: stats?.success ? stats.data : undefined,
  };
  return fromUserInfo(info, 'sigi', page?.statusCode);
}

function fromNext(text: string | undefined): ProfileData {
  const parsed = nextSchema.safeParse(parseJson(text));
  if (!parsed.success) return { status: 'unknown' };
  const page = parsed.data.props.pageProps;
  if (page.serverCode === 404) return { status: 'not-found' };
  return fromUserInfo(page.userInfo ?? {}, 'next', page.statusCode);
}

/**
 * Reads a profile from the embedded JSON, trying the newest generation first and falling back to
 * older ones while the answer is 'unknown'. `handle` (from the URL) picks the owner in SIGI_STATE,
 * which may list several users.
 */
export function parseProfileScripts(scripts: ProfileScripts, handle?: string): ProfileData {
  const readers = [() => fromUniversal(scripts.universal), () => fromSigi(scripts.sigi, handle), () => fromNext(scripts.next)];
  for (const read of readers) {
    const result = read();
    if (result.status !== 'unknown') return result;
  }
  return { status: 'unknown' };
}

/** The scripts' text from a page (a Document, or anything with getElementById). */
export function readProfileScripts(root: { getElementById(id: string): { textContent: string | null } | null }): ProfileScripts {
  const scripts: ProfileScripts = {};
  for (const [source, id] of Object.entries(profileScriptIds) as [ProfileSource, string][]) {
    const text = root.getElementById(id)?.textContent;
    if (text) scripts[source] = text;
  }
  return scripts;
}

export interface VisibleProfileStats {
  followers: Count | null;
  likes: Count | null;
  /** Sum of the readable view counts of the videos shown (the grid grows as the page scrolls). */
  videoViews: Count | null;
  /** Number of video view counts that could not be read (and are not in the sum). */
  unreadableVideoViews: number;
}

/** The fallback when the JSON is missing: the counts as shown on the page, with their precision. */
export function visibleProfileStats(texts: { followers?: string; likes?: string; videoViews: readonly string[] }): VisibleProfileStats {
  const views = texts.videoViews.map(parseCount);
  const readable = views.filter((count): count is Count => count !== null);
  return {
    followers: texts.followers === undefined ? null : parseCount(texts.followers),
    likes: texts.likes === undefined ? null : parseCount(texts.likes),
    videoViews: sumCounts(readable),
    unreadableVideoViews: views.length - readable.length,
  };
}
