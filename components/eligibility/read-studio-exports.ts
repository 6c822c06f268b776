// The work of the Studio reader worker (studio-reader.worker.ts): the chosen files read one by one,
// each refused unread when it is too large, then parsed (lib/parsers/studio-zip.ts). It runs off the
// options page's main thread, so even a file that costs seconds never stops the page from painting.
import * as z from 'zod/mini';
import { daySchema } from '@/lib/eligibility/dates';
import { languages, loadLanguage, setLanguage } from '@/lib/i18n';
import { problem, type ImportProblem } from '@/lib/parsers/problems';
import { importStudioFile, oversizedFile, type StudioImport } from '@/lib/parsers/studio-zip';

export const studioRequestSchema = z.object({
  files: z.array(z.instanceof(File)),
  /** Today in the creator's calendar: the year of days that carry none. */
  today: daySchema,
  /** The language of the problems' messages. */
  language: z.enum(languages),
});
export type StudioRequest = z.infer<typeof studioRequestSchema>;

export interface ReadExport {
  name: string;
  read: StudioImport;
}

/** What the files hold, in the order given; null when the request is not one. */
export async function readStudioExports(request: unknown): Promise<ReadExport[] | null> {
  const parsed = studioRequestSchema.safeParse(request);
  if (!parsed.success) return null;
  const { files, today, language } = parsed.data;
  await loadLanguage(language, ['parsers', 'domain']);
  setLanguage(language);
  const read: ReadExport[] = [];
  for (const file of files) read.push({ name: file.name, read: await readOne(file, today) });
  return read;
}

async function readOne(file: File, today: string): Promise<StudioImport> {
  const refused = (found: ImportProblem): StudioImport => ({ files: [], ignored: [], problems: [found] });
  const oversized = oversizedFile(file.name, file.size);
  if (oversized) return refused(oversized);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    // Moved, deleted or changed on disk since it was chosen.
    return refused(problem(file.name, 'parser.unreadable'));
  }
  return importStudioFile(file.name, bytes, today);
}
