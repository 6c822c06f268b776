// The messages between extension pages and the background, validated on both sides.
import * as z from 'zod/mini';
import { workspaceSchema } from '../domain/schema';
import { dailyStatSchema, statSnapshotSchema } from '../domain/stats';
import { daySchema } from '../eligibility/dates';

/** A day of TikTok Studio figures, parsed in the page from an export (lib/parsers). */
export const importedDaySchema = z.object({
  date: daySchema,
  videoViews: z.optional(z.nullable(z.int().check(z.gte(0)))),
  followers: z.optional(z.nullable(z.int().check(z.gte(0)))),
});
export type ImportedDay = z.infer<typeof importedDaySchema>;

/** The largest file a page sends whole (a badge pack, in UTF-16 code units); a roster CSV goes in parts. */
export const MAX_TEXT_FILE = 40_000_000;

/**
 * The most one message may carry: Chrome refuses a message whose JSON is longer than 64 MiB. What can
 * be bigger (a backup's roster) travels in parts of BACKUP_PART records, far below it even when every
 * record is as long as it may be (tests/unit/domain/backup-limits.test.ts).
 */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
export const BACKUP_PART = 5_000;
/** A roster CSV's text crosses in parts of this many code units: JSON writes one in at most 3 bytes. */
export const TEXT_PART = 8_000_000;

/** How far the background is with a backup import (`backup.progress`): checking it, then saving it. */
export const importProgressSchema = z.nullable(
  z.object({ phase: z.enum(['checking', 'saving']), done: z.int().check(z.gte(0)), total: z.int().check(z.gte(0)) }),
);
export type ImportProgress = z.infer<typeof importProgressSchema>;

export const rosterSortKeys = ['handle', 'nickname', 'tier', 'since', 'months', 'status', 'updatedAt'] as const;
export type RosterSortKey = (typeof rosterSortKeys)[number];

const problemSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
  conflict: z.optional(z.enum(['changed', 'deleted'])),
});

export const responseSchema = z.union([
  /**
   * `data` is there for requests that answer something; each has its schema below. `unpublished`: the change
   * was saved, but it could not be published, so open pages may show an older view until reloaded.
   */
  z.object({ ok: z.literal(true), data: z.optional(z.unknown()), unpublished: z.optional(z.literal(true)) }),
  z.object({ ok: z.literal(false), problems: z.array(problemSchema) }),
]);
export type Response = z.infer<typeof responseSchema>;

/** What a saved command answers: the revision of the snapshot that holds it. */
export const commandAnswerSchema = z.object({ revision: z.int() });


/** What pages render: the workspace, plus stored records that could not be read back. */
export const snapshotSchema = z.object({
  workspace: workspaceSchema,
  unreadable: z.array(z.string()),
  revision: z.int(),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

// ---- From the content script on tiktok.com -----------------------------------------------------

const text = (max: number) => z.string().check(z.maxLength(max));
/** What the content script reads off a profile page, unparsed: the background parses it. */
export const capturedPageSchema = z.object({
  url: text(2048),
  handle: text(64),
  scripts: z.object({
    universal: z.optional(text(5_000_000)),
    sigi: z.optional(text(5_000_000)),
    next: z.optional(text(5_000_000)),
  }),
  visible: z.object({
    followers: z.optional(text(40)),
    following: z.optional(text(40)),
    likes: z.optional(text(40)),
    videoViews: z.array(text(40)).check(z.maxLength(2000)),
  }),
  /** The creator pressed "capture from this tab": store it even within the hour. */
  asked: z.boolean(),
});
export type CapturedPage = z.infer<typeof capturedPageSchema>;

/** The most names one lookup carries; a page with more sends several. */
export const MAX_LOOKUP_NAMES = 2000;

export const captureOutcomes = ['recorded', 'throttled', 'other-profile', 'private', 'not-found', 'no-data'] as const;
export type CaptureOutcome = (typeof captureOutcomes)[number];


// ---- Eligibility, as the background publishes it for the pages ---------------------------------

export const nonNegative = z.number().check(z.gte(0));

/** One requirement of the chosen rules profile, evaluated on the data the background has. */
export const requirementViewSchema = z.object({
  kind: z.enum(['age', 'good-standing', 'followers', 'video-views', 'subscriber-only-posts']),
  window: z.optional(z.enum(['rolling-30-days', 'calendar-month'])),
  /** null: not known (no data, or a confirmation not given yet). */
  met: z.nullable(z.boolean()),
  value: z.nullable(nonNegative),
  threshold: z.nullable(nonNegative),
  /** 0..1 toward the threshold. */
  progress: z.number().check(z.gte(0), z.lte(1)),
  /** The value is an estimate from profile snapshots, not TikTok Studio's daily figures. */
  estimate: z.boolean(),
  /** The newest day of data used, and days missing inside the window. */
  dataDate: z.nullable(daySchema),
  missingDays: z.array(daySchema),
  projection: z.object({
    status: z.enum(['met', 'on-pace', 'not-at-current-pace', 'no-data']),
    date: z.optional(daySchema),
    optimistic: z.optional(daySchema),
    pessimistic: z.optional(daySchema),
    /** For 30-day views: views a day needed from now on to reach the threshold. */
    perDayNeeded: z.optional(nonNegative),
  }),
});
export type RequirementView = z.infer<typeof requirementViewSchema>;

export const eligibilityViewSchema = z.object({
  /** The rules profile evaluated. */
  profileId: z.string(),
  profileName: z.string(),
  eligible: z.boolean(),
  metCount: z.int(),
  total: z.int(),
  requirements: z.array(requirementViewSchema),
  /** When the creator last had numbers captured, and from where. */
  latestCapture: z.nullable(
    z.object({ handle: z.string(), capturedAt: z.int(), followers: z.int(), source: z.string(), precise: z.boolean() }),
  ),
  computedAt: z.int(),
  /**
   * The month's bonus: null when there is no bonus rule for the creator's market; absent in views
   * published before it. Read with bonusLineSchema by the popup's line, with bonusViewSchema by the
   * options page (./bonus-view.ts): checked where it is shown, so the popup's first render does not carry it.
   */
  bonus: z.optional(z.unknown()),
});
export type EligibilityView = z.infer<typeof eligibilityViewSchema>;

export const historySchema = z.object({
  snapshots: z.array(statSnapshotSchema),
  daily: z.array(dailyStatSchema),
});
export type History = z.infer<typeof historySchema>;


export const importSummarySchema = z.object({
  added: z.int(),
  changed: z.int(),
  unchanged: z.int(),
  /** Days whose figures the import replaced. */
  conflicts: z.array(
    z.object({
      date: daySchema,
      field: z.enum(['videoViews', 'followers']),
      before: z.nullable(z.number()),
      after: z.nullable(z.number()),
    }),
  ),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

// ---- Roster, packs and diagnostics, as the background publishes and answers them -----------------


export const rosterStatusSchema = z.object({
  /** Changes whenever any roster or pack changes: content scripts look their names up again. */
  revision: z.int(),
  /** The creator's own roster: records per tier id. */
  counts: z.record(z.string(), z.object({ active: z.int(), lapsed: z.int() })),
  total: z.int(),
  /** Badge packs whose badges show (trusted ones). */
  packs: z.int(),
  /**
   * Every creator whose roster Tierkit knows (the creator's own, then the packs'), in lower case: the
   * profile header and feed authors are looked up against each.
   */
  creators: z.array(z.string()),
});
export type RosterStatus = z.infer<typeof rosterStatusSchema>;





export const exportedFileSchema = z.object({ fileName: z.string(), text: z.string(), count: z.int() });
export type ExportedFile = z.infer<typeof exportedFileSchema>;

export const packInfoSchema = z.object({
  fingerprint: z.string(),
  creatorHandle: z.string(),
  displayName: z.string(),
  issuedAt: z.string(),
  importedAt: z.int(),
  subscribers: z.int(),
  tiers: z.int(),
});
export type PackInfo = z.infer<typeof packInfoSchema>;

/** A pack held apart because another key claims its creator handle: it shows no badges until resolved. */
export const packConflictSchema = z.object({
  held: packInfoSchema,
  /** The pack of the key trusted for that handle; null when the person removed it. */
  trusted: z.nullable(packInfoSchema),
  /** The held pack claims the person's own handle (their roster speaks for it): it can only be discarded. */
  ownHandle: z.boolean(),
});
export type PackConflict = z.infer<typeof packConflictSchema>;

export const packListSchema = z.object({
  /** The trusted packs, whose badges show: one per creator handle. */
  packs: z.array(packInfoSchema),
  conflicts: z.array(packConflictSchema),
  /** The creator's own signing key, once created. */
  ownFingerprint: z.nullable(z.string()),
  /** Kept packs that no longer validate: left as they are (they show no badges), listed so they can be removed. */
  unreadable: z.array(z.object({ fingerprint: z.string(), message: z.string() })),
});
export type PackList = z.infer<typeof packListSchema>;

export const packImportAnswerSchema = z.object({
  action: z.enum(['add', 'replace']),
  pack: packInfoSchema,
  /** Held apart as a conflict: another key is trusted for (or claimed first) its creator handle. */
  held: z.boolean(),
  /** For a held pack, the key trusted for its handle (null when none is kept). */
  trustedFingerprint: z.nullable(z.string()),
});
export type PackImportAnswer = z.infer<typeof packImportAnswerSchema>;

/** The answer to `pack.resolve`: what was done, for whom. */
export const packResolveAnswerSchema = z.object({ choice: z.enum(['discard', 'trust']), handle: z.string() });
export type PackResolveAnswer = z.infer<typeof packResolveAnswerSchema>;


export const diagnosticSchema = z.object({
  feature: z.string(),
  page: z.string(),
  selector: z.string(),
  /** When the containers were last missed, and how often since the last clear. */
  lastMissedAt: z.int(),
  count: z.int(),
  /** When they were last found after that; null while still missing. */
  foundAt: z.nullable(z.int()),
});
export const diagnosticsSchema = z.array(diagnosticSchema);
export type Diagnostic = z.infer<typeof diagnosticSchema>;

// ---- The answer to a content script's roster.lookup ----------------------------------------------
// Compact on purpose: a page asks about thousands of names, and the answer crosses the message channel.
// Types only: the content script checks answers with the hand-written guards in lib/page/messages.ts.

/** How a tier's badge looks at one tenure level; matches point at these by index. */
export interface BadgeDesign {
  tierName: string;
  label: string;
  emoji?: string;
  /** '#rrggbb' background, and the text colour that reads on it. */
  color: string;
  textColor: string;
  /** Tenure level, 0 before the first step. */
  level: number;
}

export interface LookupMatch {
  /** Index into `designs`. */
  d: number;
  /**
   * A short token for the subscriber record (the creator's own roster) or pack entry as this answer
   * found it (by handle or by nickname), the same until the roster changes: the page tells badges apart
   * by it. Not the record's id, which is 36 characters.
   */
  id: string;
  /** Cumulative months and first day ('YYYY-MM-DD'). */
  m: number;
  s: string;
  /**
   * For a match by nickname, the subscriber's handle when known (the badge links to the profile). A
   * match by handle is of the handle asked. Whether a match is by handle or by nickname is the list it
   * is in: every byte here crosses the message channel a thousand times a batch.
   */
  h?: string;
}

/**
 * The words a badge needs, in the user's language, once per answer: templates with {tier}, {level},
 * {months} and {since} (a date the page formats in `lang`).
 */
export interface BadgeWords {
  lang: string;
  /** Tooltip: "{tier} · {months} month(s) · since {since}". */
  tooltipOne: string;
  tooltipOther: string;
  /** Accessible name: "{tier} subscriber, level {level}". */
  name: string;
  /** Added to the tooltip of a match by nickname only. */
  byNickname: string;
}

/** 0: not a subscriber (or lapsed); 1: a nickname several subscribers share, so no badge. */
export type LookupResult = 0 | 1 | LookupMatch;

export interface LookupAnswer {
  ok: true;
  revision: number;
  designs: BadgeDesign[];
  words: BadgeWords;
  handles: LookupResult[];
  nicknames: LookupResult[];
}
