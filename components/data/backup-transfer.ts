// A backup between the file and the background, in the options page. A full roster's backup can be far
// bigger than one message may carry (MAX_MESSAGE_BYTES) or one string may hold, so the file is read as
// a stream (JsonStreamParser) and the roster crosses in parts of BACKUP_PART subscribers, both ways.
// Every step reports its progress, and long ones let the page breathe (runSteps).
import { BACKUP_PART } from '@/lib/protocol/schemas';
import { backupSizeProblem, checkBackup, type Backup, type BackupStats, type ImportMode } from '@/lib/domain/backup';
import { JsonStreamError, JsonStreamParser } from '@/lib/domain/json-stream';
import type { SubscriberOnlyPost } from '@/lib/domain/posts';
import type { Problem, Result } from '@/lib/domain/problems';
import { runSteps } from '@/lib/domain/steps';
import { locale, t } from '@/lib/i18n';
import { ask } from '@/lib/client/ask';
import type { Subscriber } from '@/lib/roster/schema';
import { readInParts } from '../read-in-parts';

/** How far a step is: bytes of the file while reading it, subscribers after that. */
export interface TransferProgress {
  phase: 'reading' | 'checking' | 'sending' | 'saving' | 'preparing';
  done: number;
  total: number;
}
type OnProgress = (progress: TransferProgress) => void;

const problem = (message: string): Result<never> => ({ ok: false, problems: [{ path: [], message }] });

/** Reads and checks a chosen backup file: the backup, or every problem with its path. */
export async function readBackupFile(file: Blob, onProgress: OnProgress): Promise<Result<Backup>> {
  const tooLarge = backupSizeProblem(file.size);
  if (tooLarge) return { ok: false, problems: [tooLarge] };
  const parser = new JsonStreamParser();
  // UTF-8, a byte-order mark dropped; bytes that are not UTF-8 read as U+FFFD, as file.text() would.
  const decoder = new TextDecoder();
  let json: unknown;
  let read = 0;
  try {
    const reader = file.stream().getReader();
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      parser.push(decoder.decode(chunk.value, { stream: true }));
      read += chunk.value.length;
      onProgress({ phase: 'reading', done: read, total: file.size });
    }
    parser.push(decoder.decode());
    json = parser.end();
  } catch (error) {
    const detail = (error as Error)?.message ?? String(error);
    return problem(error instanceof JsonStreamError ? t('err.notJson', { detail }) : t('err.fileUnreadable', { detail }));
  }
  const list = (json as { subscribers?: unknown } | null)?.subscribers;
  const total = Array.isArray(list) ? list.length : 0;
  return runSteps(checkBackup(json, locale()), (done) => onProgress({ phase: 'checking', done, total }));
}

const POLL_MS = 250;

/**
 * Sends a checked backup to the background and imports it there (which checks it again): nothing is
 * changed unless all of it is. Resolves to the problems; none means it was imported.
 */
export async function importBackupFile(backup: Backup, mode: ImportMode, onProgress: OnProgress): Promise<Problem[]> {
  const upload = crypto.randomUUID();
  const { subscribers, ...head } = backup;
  const total = subscribers?.length ?? 0;
  const started = await ask({ type: 'backup.upload', upload, head, subscribers: subscribers ? total : null });
  if (!started.ok) return started.problems;
  onProgress({ phase: 'sending', done: 0, total });
  for (let from = 0; from < total; from += BACKUP_PART) {
    const sent = await ask({ type: 'backup.uploadPart', upload, from, subscribers: subscribers!.slice(from, from + BACKUP_PART) });
    if (!sent.ok) return sent.problems;
    onProgress({ phase: 'sending', done: Math.min(from + BACKUP_PART, total), total });
  }
  // The import answers once it is done; meanwhile its progress is asked for.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let finished = false;
  const poll = async () => {
    const progress = await ask({ type: 'backup.progress' });
    if (finished) return;
    if (progress.ok && progress.data) onProgress(progress.data);
    timer = setTimeout(poll, POLL_MS);
  };
  timer = setTimeout(poll, POLL_MS);
  const imported = await ask({ type: 'backup.import', upload, mode });
  finished = true;
  clearTimeout(timer);
  return imported.ok ? [] : imported.problems;
}

/** A backup's recorded numbers, posts log and roster, in the parts they came in. */
export interface BackupData {
  stats: BackupStats;
  posts: SubscriberOnlyPost[];
  parts: Subscriber[][];
}

/** Reads what a backup holds besides the workspace, part by part; null when it could not be read. */
export async function readBackupData(onProgress: OnProgress): Promise<BackupData | null> {
  const parts = await readInParts(
    async (offset) => {
      const answer = await ask({ type: 'backup.data', offset });
      return answer.ok ? { ...answer.data, count: answer.data.subscribers.length } : null;
    },
    (done, total) => onProgress({ phase: 'preparing', done, total }),
  );
  const stats = parts?.[0]?.stats;
  const posts = parts?.[0]?.posts;
  return parts && stats && posts ? { stats, posts, parts: parts.map((part) => part.subscribers) } : null;
}
