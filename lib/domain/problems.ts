// A problem is what went wrong and where, in words for the person who has to fix it.
import type * as z from 'zod/mini';

export type PathSegment = string | number;
export interface Problem {
  path: PathSegment[];
  message: string;
  /**
   * The save was refused because the record it replaces is not the one its editor loaded: changed or
   * deleted elsewhere since. The editor offers to load the current record (see Problems).
   */
  conflict?: 'changed' | 'deleted';
}

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export function fromZod(error: z.core.$ZodError, prefix: PathSegment[] = []): Problem[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    message: issue.message,
  }));
}

/** Validates with a schema, returning problems instead of throwing. */
export function check<T>(
  schema: { safeParse(input: unknown): { success: true; data: T } | { success: false; error: z.core.$ZodError } },
  input: unknown,
  prefix: PathSegment[] = [],
): Result<T> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems: fromZod(parsed.error, prefix) };
}

/** tiers[2].badge.label -> "tiers › 3 › badge › label"; positions are shown counting from 1. */
export function formatPath(path: PathSegment[]): string {
  return path.map((p) => (typeof p === 'number' ? String(p + 1) : p)).join(' › ');
}
