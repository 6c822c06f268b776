// The messages between extension pages and the background, validated on both sides.
import * as z from 'zod/mini';
import { commandSchema } from '../domain/commands';
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

export const requestSchema = z.discriminatedUnion('type', [
  /** Apply one change to the workspace. */
  z.object({ type: z.literal('command'), command: commandSchema }),
  /** Make sure the snapshot is published (a page found none). */
  z.object({ type: z.literal('publish') }),
  /** The recorded numbers, for the chart and the history table: answers `historySchema`. */
  z.object({ type: z.literal('eligibility.history') }),
  /** Every recorded number, of every handle, for a backup: answers `historySchema`. */
  z.object({ type: z.literal('stats.export') }),
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
]);
export type Request = z.infer<typeof requestSchema>;

const problemSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});

export const responseSchema = z.union([
  /** `data` is there for requests that answer something; each has its schema below. */
  z.object({ ok: z.literal(true), data: z.optional(z.unknown()) }),
  z.object({ ok: z.literal(false), problems: z.array(problemSchema) }),
]);
export type Response = z.infer<typeof responseSchema>;

/** Where the background publishes the workspace for pages to read (storage.local). */
export const SNAPSHOT_KEY = 'workspace';

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

export const contentRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('stats.wanted'), handle: text(64) }),
  z.object({ type: z.literal('stats.capture'), page: capturedPageSchema }),
]);
export type ContentRequest = z.infer<typeof contentRequestSchema>;

export const captureOutcomes = ['recorded', 'throttled', 'other-profile', 'private', 'not-found', 'no-data'] as const;
export type CaptureOutcome = (typeof captureOutcomes)[number];

/** Where the background publishes what pages show about eligibility (storage.local). */
export const ELIGIBILITY_KEY = 'eligibility';

// ---- Eligibility, as the background publishes it for the pages ---------------------------------

const nonNegative = z.number().check(z.gte(0));

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
