// Files sent to the background as the options page sends them, in parts: a backup
// (components/data/backup-transfer.ts: everything but the roster, the roster in parts, then the import;
// the text is only parsed, not checked, so the background's own checks are what a test sees) and a
// roster CSV (components/roster/RosterImport.tsx).
import type { ImportMode } from '@/lib/domain/backup';
import { BACKUP_PART, TEXT_PART, type Response } from '@/lib/protocol/schemas';

export async function sendBackup(ask: (request: unknown) => Promise<Response>, text: string, mode: ImportMode): Promise<Response> {
  const { subscribers, ...head } = JSON.parse(text) as { subscribers?: unknown[] };
  const upload = crypto.randomUUID();
  const started = await ask({ type: 'backup.upload', upload, head, subscribers: subscribers ? subscribers.length : null });
  if (!started.ok) return started;
  for (let from = 0; from < (subscribers?.length ?? 0); from += BACKUP_PART) {
    const sent = await ask({ type: 'backup.uploadPart', upload, from, subscribers: subscribers!.slice(from, from + BACKUP_PART) });
    if (!sent.ok) return sent;
  }
  return ask({ type: 'backup.import', upload, mode });
}

/** Every part of what a backup holds besides the workspace (`backup.data`), joined. */
export async function backupData(ask: (request: unknown) => Promise<Response>) {
  const first = (await ask({ type: 'backup.data', offset: 0 })) as { ok: true; data: { stats: unknown; posts: unknown; subscribers: any[]; total: number } };
  const subscribers = [...first.data.subscribers];
  while (subscribers.length < first.data.total) {
    const next = (await ask({ type: 'backup.data', offset: subscribers.length })) as { ok: true; data: { subscribers: any[] } };
    subscribers.push(...next.data.subscribers);
  }
  return { stats: first.data.stats as any, posts: first.data.posts as any, subscribers };
}

/** A roster CSV's text in parts, then `roster.import` (a preview, or the import when `apply`). */
export async function sendRosterCsv(ask: (request: unknown) => Promise<Response>, fileName: string, text: string, apply: boolean): Promise<Response> {
  const upload = crypto.randomUUID();
  let from = 0;
  do {
    const sent = await ask({ type: 'roster.importText', upload, from, text: text.slice(from, from + TEXT_PART) });
    if (!sent.ok) return sent;
    from += TEXT_PART;
  } while (from < text.length);
  return ask({ type: 'roster.import', fileName, upload, length: text.length, apply });
}
