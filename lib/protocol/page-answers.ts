// The answers of the requests only the options page sends, loaded the first time one is asked: the
// popup, which sends commands and asks to publish, bundles none of these schemas.
import * as z from 'zod/mini';
import type { Request } from './requests';
import {
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

export const pageAnswers = {
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
} satisfies Partial<Record<Request['type'], Loader>>;
