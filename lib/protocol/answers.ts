// What each request a page sends is answered with, as a schema the page checks the answer against.
// Answers that carry subscriber records or key material load on first use, so a page that never asks
// for them (the popup) does not bundle their schemas.
import * as z from 'zod/mini';
import type { Request } from './requests';
import {
  commandAnswerSchema,
  exportedFileSchema,
  historySchema,
  importProgressSchema,
  importSummarySchema,
  packImportAnswerSchema,
  packListSchema,
  packResolveAnswerSchema,
} from './schemas';

type Loader = () => Promise<z.ZodMiniType>;

const nothing = async () => z.undefined();
const roster = () => import('./roster-answers');
const keys = () => import('./key-answers');
const posts = () => import('./posts-answers');

export const answerSchemas = {
  // No revision when the change was saved but could not be published.
  command: async () => z.optional(commandAnswerSchema),
  publish: nothing,
  'eligibility.history': async () => historySchema,
  'backup.data': async () => (await roster()).backupDataSchema,
  'backup.upload': nothing,
  'backup.uploadPart': nothing,
  'backup.import': nothing,
  'backup.progress': async () => importProgressSchema,
  'stats.import': async () => importSummarySchema,
  'stats.manual': nothing,
  'roster.query': async () => (await roster()).rosterPageSchema,
  'roster.get': async () => (await roster()).storedSubscriberSchema,
  'roster.save': async () => (await roster()).savedSubscriberSchema,
  'roster.remove': async () => (await roster()).removedSchema,
  'roster.restore': nothing,
  'roster.importText': nothing,
  'roster.import': async () => (await roster()).rosterImportAnswerSchema,
  'roster.export': async () => (await roster()).rosterCsvPartSchema,
  'posts.list': async () => (await posts()).postListSchema,
  'posts.add': async () => (await posts()).addedPostSchema,
  'posts.remove': async () => (await posts()).removedPostSchema,
  'pack.export': async () => exportedFileSchema,
  'pack.import': async () => packImportAnswerSchema,
  'pack.list': async () => packListSchema,
  'pack.remove': async () => z.object({ removed: z.boolean() }),
  'pack.resolve': async () => packResolveAnswerSchema,
  'diagnostics.clear': nothing,
  'data.summary': async () => (await keys()).dataSummarySchema,
  'key.backup': async () => (await keys()).keyBackupFileSchema,
  'key.restore': async () => (await keys()).keyRestoreAnswerSchema,
  'key.renew': async () => (await keys()).keyInfoSchema,
} satisfies Record<Request['type'], Loader>;

/** The answer's data for a request of type T, as its schema reads it. */
export type AnswerOf<T extends Request['type']> = z.infer<Awaited<ReturnType<(typeof answerSchemas)[T]>>>;
