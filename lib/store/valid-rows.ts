// Records read back from the database are validated: a row that no longer fits its schema is skipped
// here (and stays in the database untouched), never served as if it did.
type Parser<T> = { safeParse(row: unknown): { success: true; data: T } | { success: false } };

export function validRows<T>(rows: readonly unknown[], schema: Parser<T>): T[] {
  const out: T[] = [];
  for (const row of rows) {
    const parsed = schema.safeParse(row);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}
