// The messages between extension pages and the background, validated on both sides.
import * as z from 'zod/mini';
import { commandSchema } from '../domain/commands';
import { workspaceSchema } from '../domain/schema';

export const requestSchema = z.discriminatedUnion('type', [
  /** Apply one change to the workspace. */
  z.object({ type: z.literal('command'), command: commandSchema }),
  /** Make sure the snapshot is published (a page found none). */
  z.object({ type: z.literal('publish') }),
]);
export type Request = z.infer<typeof requestSchema>;

const problemSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});

export const responseSchema = z.union([
  z.object({ ok: z.literal(true) }),
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
