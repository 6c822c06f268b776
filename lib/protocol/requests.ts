// The requests pages and content scripts send, as the background validates them. Kept apart from
// schemas.ts so that pages, which only send them, do not bundle the schemas of every command.
import * as z from 'zod/mini';
import { commandSchema } from '../domain/commands';
import { timestampSchema } from '../domain/schema';
import { idSchema } from '../domain/text';
import { conflictChoices } from '../packs/replace';
import { MAX_ROSTER_ROWS, subscriberListSchema, subscriberSchema, subscriberStatuses } from '../roster/schema';
import { BACKUP_PART, MAX_LOOKUP_NAMES, MAX_TEXT_FILE, TEXT_PART, capturedPageSchema, importedDaySchema, rosterSortKeys } from './schemas';

const text = (max: number) => z.string().check(z.maxLength(max));

/**
 * Up to MAX_LOOKUP_NAMES names of at most `max` characters each. One check over the list rather than
 * one per name: a lookup carries a thousand names, and this runs on every batch (4× faster).
 */
const names = (max: number) =>
  z.array(z.string()).check(
    z.maxLength(MAX_LOOKUP_NAMES),
    z.refine((list) => list.every((name) => name.length <= max), { error: `Each name has at most ${max} characters` }),
  );

export const requestSchema = z.discriminatedUnion('type', [
  /** Apply one change to the workspace. */
  z.object({ type: z.literal('command'), command: commandSchema }),
  /** Make sure the snapshot is published (a page found none). */
  z.object({ type: z.literal('publish') }),
  /** The recorded numbers, for the chart and the history table: answers `historySchema`. */
  z.object({ type: z.literal('eligibility.history') }),
  /** What a backup holds besides the workspace, in parts: the recorded numbers and the roster (`backupDataSchema`). */
  z.object({ type: z.literal('backup.data'), offset: z.int().check(z.gte(0)) }),
  /**
   * A backup on its way to `backup.import`, read and checked by the page, in parts that each stay far
   * below what a message may carry (MAX_MESSAGE_BYTES): everything but the roster, and how many
   * subscribers follow (null: the backup has no roster)...
   */
  z.object({
    type: z.literal('backup.upload'),
    upload: idSchema,
    head: z.looseObject({}),
    subscribers: z.nullable(z.int().check(z.gte(0), z.lte(MAX_ROSTER_ROWS))),
  }),
  /** ...then the roster, BACKUP_PART subscribers at a time, in order (`from` is the first one's position). */
  z.object({
    type: z.literal('backup.uploadPart'),
    upload: idSchema,
    from: z.int().check(z.gte(0)),
    subscribers: z.array(z.unknown()).check(z.maxLength(BACKUP_PART)),
  }),
  /** Check the uploaded backup again and apply it, all or nothing. */
  z.object({ type: z.literal('backup.import'), upload: idSchema, mode: z.enum(['replace', 'merge']) }),
  /** How far the running import is (`importProgressSchema`); answered at once, beside the running import. */
  z.object({ type: z.literal('backup.progress') }),
  /** Merge days from Studio exports (later import wins): answers `importSummarySchema`. */
  z.object({
    type: z.literal('stats.import'),
    fileNames: z.array(z.string().check(z.maxLength(260))).check(z.maxLength(20)),
    days: z.array(importedDaySchema).check(z.maxLength(5000)),
  }),
  /** Today's figures typed by the creator. */
  z.object({
    type: z.literal('stats.manual'),
    followers: z.int().check(z.gte(0)),
    views30: z.optional(z.int().check(z.gte(0))),
  }),
  // ---- The creator's roster (answers below: rosterPageSchema, removedSchema, rosterImportAnswerSchema, exportedFileSchema)
  /** One window of the roster, filtered and sorted by the background: the table asks only for what shows. */
  z.object({
    type: z.literal('roster.query'),
    search: z.string().check(z.maxLength(100)),
    tierId: z.optional(idSchema),
    status: z.optional(z.enum(subscriberStatuses)),
    sort: z.enum(rosterSortKeys),
    descending: z.boolean(),
    offset: z.int().check(z.gte(0)),
    limit: z.int().check(z.gte(1), z.lte(500)),
  }),
  /**
   * Add (no id) or edit one subscriber; problems' paths are the form's fields. Answers `{ id }`. An edit
   * carries the `updatedAt` its dialog loaded, and is refused when the stored record is not that one.
   */
  z.object({
    type: z.literal('roster.save'),
    subscriber: z.looseObject({ id: z.optional(idSchema) }),
    loaded: z.optional(timestampSchema),
  }),
  /** One subscriber as stored now, or null (`subscriberSchema`): a dialog refused as stale loads it again. */
  z.object({ type: z.literal('roster.get'), id: idSchema }),
  /** Remove subscribers; answers the removed records (`removedSchema`) so the page can offer Undo. */
  z.object({ type: z.literal('roster.remove'), ids: z.array(idSchema).check(z.maxLength(200_000)) }),
  /** Undo: put removed records back as they were. */
  z.object({ type: z.literal('roster.restore'), subscribers: subscriberListSchema.check(z.maxLength(200_000)) }),
  /** A roster CSV's text on its way to `roster.import`, in parts of TEXT_PART code units, in order. */
  z.object({
    type: z.literal('roster.importText'),
    upload: idSchema,
    from: z.int().check(z.gte(0)),
    text: z.string().check(z.maxLength(TEXT_PART)),
  }),
  /** The uploaded CSV (`length` code units): `apply: false` previews it, `apply: true` saves it all or nothing. */
  z.object({
    type: z.literal('roster.import'),
    fileName: z.string().check(z.maxLength(260)),
    upload: idSchema,
    length: z.int().check(z.gte(0)),
    apply: z.boolean(),
  }),
  /** The roster as CSV, in parts from `offset` (`rosterCsvPartSchema`). */
  z.object({ type: z.literal('roster.export'), offset: z.int().check(z.gte(0)) }),
  // ---- The log of subscriber-only posts (answers in posts-answers.ts)
  /** The creator's own logged posts (`postListSchema`). */
  z.object({ type: z.literal('posts.list') }),
  /** Log a post; problems' paths are the form's fields (`date`, `title`, `link`). Answers `addedPostSchema`. */
  z.object({
    type: z.literal('posts.add'),
    date: text(20),
    title: z.optional(text(1000)),
    link: z.optional(text(2000)),
  }),
  /** Remove a logged post (`{ removed }`, false when it was not there). */
  z.object({ type: z.literal('posts.remove'), id: idSchema }),
  // ---- Badge packs
  /** The creator's signed pack (`exportedFileSchema`); the signing key is created on first use. */
  z.object({ type: z.literal('pack.export') }),
  /** Verify and keep a pack (`packImportAnswerSchema`). */
  z.object({ type: z.literal('pack.import'), fileName: z.string().check(z.maxLength(260)), text: z.string().check(z.maxLength(MAX_TEXT_FILE)) }),
  /** The kept packs and the creator's own key (`packListSchema`). */
  z.object({ type: z.literal('pack.list') }),
  z.object({ type: z.literal('pack.remove'), fingerprint: z.string().check(z.maxLength(100)) }),
  /**
   * The person's choice about a pack held apart (`packResolveAnswerSchema`): discard it, or trust its key
   * instead of `trusted`, the key they saw trusted for its handle (null: none), so a stale view changes nothing.
   */
  z.object({
    type: z.literal('pack.resolve'),
    fingerprint: z.string().check(z.maxLength(100)),
    trusted: z.nullable(z.string().check(z.maxLength(100))),
    choice: z.enum(conflictChoices),
  }),
  /** Forget the page diagnostics the content script recorded. */
  z.object({ type: z.literal('diagnostics.clear') }),
  // ---- The Data section (answers in key-answers.ts)
  /** What "Delete all data" would remove besides the workspace, counted, and the signing key (`dataSummarySchema`). */
  z.object({ type: z.literal('data.summary') }),
  /** The signing key encrypted under a passphrase, as a file to save (`keyBackupFileSchema`). */
  z.object({ type: z.literal('key.backup'), passphrase: z.string().check(z.maxLength(1000)) }),
  /**
   * A key backup file: read and described (`keyRestoreAnswerSchema`); with `apply`, its key also takes the
   * place of the kept key whose fingerprint is `replaces` (null: none), as the creator confirmed.
   */
  z.object({
    type: z.literal('key.restore'),
    text: z.string().check(z.maxLength(MAX_TEXT_FILE)),
    passphrase: z.string().check(z.maxLength(1000)),
    apply: z.boolean(),
    replaces: z.nullable(z.string().check(z.maxLength(100))),
  }),
  /** A new signing key in place of the kept one whose fingerprint is `replaces` (`keyInfoSchema`). */
  z.object({ type: z.literal('key.renew'), replaces: z.string().check(z.maxLength(100)) }),
]);
/** What a page may send; pages import this type only, so they do not bundle the schemas. */
export type Request = z.infer<typeof requestSchema>;

export const contentRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('stats.wanted'), handle: text(64) }),
  z.object({ type: z.literal('stats.capture'), page: capturedPageSchema }),
  /**
   * A badge feature started on a page: read and index the roster now, so that the page's first names
   * (which TikTok loads after the page) find it ready. Answers `{ ok: true }` at once.
   */
  z.object({ type: z.literal('roster.warm') }),
  /** Who among these names subscribes to `creator`: answers `LookupAnswer`. */
  z.object({
    type: z.literal('roster.lookup'),
    creator: text(64),
    handles: names(64),
    nicknames: names(240),
  }),
  /** A page feature's expected containers did not appear (`missing`) or did again (`found`). */
  z.object({
    type: z.literal('diagnostic.report'),
    feature: text(60),
    page: text(20),
    selector: text(500),
    status: z.enum(['missing', 'found']),
  }),
]);
/** What the content script may send; it imports this type only (lib/page/messages.ts). */
export type ContentRequest = z.infer<typeof contentRequestSchema>;
