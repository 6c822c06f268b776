// A creator's subscriber, as the roster keeps it: the one definition used by forms, the CSV import,
// badge packs and stored data read back.
import * as z from 'zod/mini';
import { t } from '../i18n';
import { handleSchema, timestampSchema } from '../domain/schema';
import { graphemeCount, idSchema, line, paragraph } from '../domain/text';
import { uniqueBy, uniqueIds } from '../domain/unique';
import { daySchema } from '../eligibility/dates';
import { rosterMessage } from './messages';

export const subscriberStatuses = ['active', 'lapsed'] as const;
export type SubscriberStatus = (typeof subscriberStatuses)[number];

/** Where a record came from: typed in, a roster CSV, the tiktok.com context menu, or a fan's badge pack. */
export const subscriberSources = ['manual', 'csv', 'context-menu', 'pack'] as const;
export type SubscriberSource = (typeof subscriberSources)[number];

/** The largest roster: records in a CSV after its header (blank lines included), or in a backup. */
export const MAX_ROSTER_ROWS = 200_000;

export const NICKNAME_MAX = 30;
export const NOTE_MAX = 500;
/** A hundred years: an override past this is a typo. */
export const MONTHS_MAX = 1200;

/**
 * A nickname as it is stored and compared: Unicode NFC (so "é" typed two ways is one nickname) and
 * trimmed. Case and inner spaces are kept: TikTok nicknames are free text and case can be all that
 * tells two people apart.
 */
export function normalizeNickname(raw: string): string {
  return raw.normalize('NFC').trim();
}

// Counted in characters as a person sees them ("🔥" is one); the code-unit bound only stops huge input early.
export const nicknameSchema = z.pipe(z.pipe(z.string(), z.transform(normalizeNickname)), line(1, NICKNAME_MAX * 8)).check(
  // A text of at most NICKNAME_MAX code units has at most as many characters: segmenting it (slow, and
  // run for every record read back) is needed only for longer ones.
  z.refine((s) => s.length <= NICKNAME_MAX || graphemeCount(s) <= NICKNAME_MAX, {
    error: () => rosterMessage('roster.err.nicknameTooLong', { max: NICKNAME_MAX }),
  }),
);

export const monthsOverrideSchema = z.int().check(
  z.refine((n) => n >= 0 && n <= MONTHS_MAX, { error: () => rosterMessage('roster.err.months', { max: MONTHS_MAX }) }),
);

/** Private to the creator: kept on the device, written to the creator's own CSV, never into a badge pack. */
export const noteSchema = paragraph(NOTE_MAX);

export const subscriberSchema = z
  .object({
    id: idSchema,
    /** The creator this person subscribes to. */
    creatorHandle: handleSchema,
    handle: z.optional(handleSchema),
    /** The display name, which is all LIVE chat shows of a sender. */
    nickname: z.optional(nicknameSchema),
    tierId: idSchema,
    /** 'YYYY-MM-DD', the first day of the subscription. */
    since: daySchema,
    /** Cumulative months as the creator knows them (e.g. from before a lapse); wins over `since`. */
    monthsOverride: z.optional(monthsOverrideSchema),
    status: z.enum(subscriberStatuses, { error: () => t('err.oneOf', { values: subscriberStatuses.join(', ') }) }),
    note: z._default(noteSchema, ''),
    source: z.enum(subscriberSources, { error: () => t('err.oneOf', { values: subscriberSources.join(', ') }) }),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .check(
    z.refine((s) => s.handle !== undefined || s.nickname !== undefined, {
      error: () => rosterMessage('roster.err.handleOrNickname'),
      path: ['handle'],
      // Report it even when another field is wrong, so a form shows every problem at once.
      when: (payload) => typeof payload.value === 'object' && payload.value !== null,
    }),
  );
export type Subscriber = z.infer<typeof subscriberSchema>;
export type SubscriberInput = z.input<typeof subscriberSchema>;

/** Each id and each username at most once in one roster. */
const rosterRepeats = [
  uniqueIds<Subscriber>('subscribers'),
  uniqueBy<Subscriber>({
    list: 'subscribers',
    key: (s) => s.handle,
    field: ['handle'],
    message: (s, first) => rosterMessage('roster.err.handleTaken', { handle: s.handle!, first }),
  }),
];

/** Records of one roster (a backup's, an undo's): each valid, each id and each username at most once. */
export const subscriberListSchema = z.array(subscriberSchema).check(...rosterRepeats);

/** The repeats in records already checked one by one (a long roster is checked in batches). */
export const checkedSubscriberListSchema = z.array(z.custom<Subscriber>()).check(...rosterRepeats);

/** How a person is named in messages and buttons: "@handle", else the nickname. */
export const subscriberName = (s: Pick<Subscriber, 'handle' | 'nickname'>): string =>
  s.handle !== undefined ? `@${s.handle}` : (s.nickname ?? '');
