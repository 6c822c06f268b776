// Reads TikTok Studio exports in a worker (studio-reader.worker.ts), so the options page keeps
// painting and answering while a file is read, however long that takes; a new choice or leaving the
// page ends the worker at once. The worker's answer is checked here like any message between contexts.
import * as z from 'zod/mini';
import { daySchema } from '@/lib/eligibility/dates';
import type { Language } from '@/lib/i18n';
import type { StudioRequest } from './read-studio-exports';
// Vite bundles the worker as a script of its own. (WXT defines import.meta.url as the page's address,
// so the `new Worker(new URL(…, import.meta.url))` form would not be bundled.)
import StudioReaderWorker from './studio-reader.worker?worker';

const count = z.nullable(z.int().check(z.gte(0)));
const answerSchema = z.array(
  z.object({
    name: z.string(),
    read: z.object({
      files: z.array(
        z.discriminatedUnion('kind', [
          z.object({ file: z.string(), kind: z.literal('overview'), days: z.array(z.object({ date: daySchema, videoViews: count })) }),
          z.object({ file: z.string(), kind: z.literal('follower-history'), days: z.array(z.object({ date: daySchema, followers: count })) }),
        ]),
      ),
      ignored: z.array(z.string()),
      problems: z.array(z.object({ file: z.string(), row: z.nullable(z.int()), field: z.nullable(z.string()), message: z.string() })),
    }),
  }),
);
/** A chosen file and what it holds: its days, the entries left unread, its problems. */
export type ReadExport = z.infer<typeof answerSchema>[number];

export type Reading =
  | { ok: true; files: ReadExport[] }
  /** The worker failed or answered something else; `cancelled` when a newer choice or the page ended it. */
  | { ok: false; reason: 'failed' | 'badAnswer' | 'cancelled' };

/** Reads the files in a new worker, ended when done or when `signal` aborts. */
export function readStudioFiles(files: File[], today: string, language: Language, signal: AbortSignal): Promise<Reading> {
  return new Promise((resolve) => {
    const worker = new StudioReaderWorker();
    const finish = (reading: Reading) => {
      worker.terminate();
      signal.removeEventListener('abort', cancel);
      resolve(reading);
    };
    const cancel = () => finish({ ok: false, reason: 'cancelled' });
    if (signal.aborted) return cancel();
    signal.addEventListener('abort', cancel);
    worker.onerror = () => finish({ ok: false, reason: 'failed' });
    worker.onmessageerror = () => finish({ ok: false, reason: 'badAnswer' });
    worker.onmessage = (event: MessageEvent) => {
      if (event.data === null) return finish({ ok: false, reason: 'failed' });
      const answer = answerSchema.safeParse(event.data);
      finish(answer.success ? { ok: true, files: answer.data } : { ok: false, reason: 'badAnswer' });
    };
    const request: StudioRequest = { files, today, language };
    worker.postMessage(request);
  });
}
