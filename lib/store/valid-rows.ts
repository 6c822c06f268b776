// Records read back from the database are validated: a row that no longer fits its schema is skipped
// here (and stays in the database untouched), never served as if it did.
import type * as z from 'zod/mini';
import { formatPath } from '../domain/problems';

type Parser<T> = { safeParse(row: unknown): { success: true; data: T } | { success: false } };

export function validRows<T>(rows: readonly unknown[], schema: Parser<T>): T[] {
  const out: T[] = [];
  for (const row of rows) {
    const parsed = schema.safeParse(row);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

/** A record's first problem, "path: message", to say why it is left unread. */
export function firstIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '';
  const path = formatPath(issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)));
  return path ? `${path}: ${issue.message}` : issue.message;
}
