// Files the creator exports (a backup, the roster as CSV, a badge pack) are saved through a link to a
// Blob: no downloads permission needed. The first two come in parts (read-in-parts.ts).
import type { Problem } from '@/lib/domain/problems';
import { ask } from '@/lib/client/ask';
import type { ExportedFile } from '@/lib/protocol/schemas';

/** Saves `content` (text, or a Blob made of pieces, as a big backup is) under `fileName`. */
export function saveFile(fileName: string, content: string | Blob, type: string): void {
  const url = URL.createObjectURL(typeof content === 'string' ? new Blob([content], { type }) : content);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has started from the URL; release it once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Asks the background for a file it makes and saves it: what was saved, or the problems. */
export async function saveExport(request: 'pack.export', type: string): Promise<ExportedFile | Problem[]> {
  const answer = await ask({ type: request });
  if (!answer.ok) return answer.problems;
  saveFile(answer.data.fileName, answer.data.text, type);
  return answer.data;
}
