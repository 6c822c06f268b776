// Lists whose records are unique by a key (an id, a currency, a username, a day). The database keeps one
// record per key, so a repeat that got in would be silently dropped there while the rest of Tierkit
// still saw it: every list refuses it instead, at the repeat's own path, naming the record it repeats.
import * as z from 'zod/mini';
import { t } from '../i18n';
import { formatPath, type PathSegment } from './problems';

export interface Repeat {
  /** The position of the repeat. */
  index: number;
  /** The position of the first record with its key. */
  first: number;
}

/** The records whose key an earlier record has; records without a key (undefined) repeat nothing. */
export function repeatsBy<T>(items: readonly T[], key: (item: T) => string | undefined): Repeat[] {
  const firstOf = new Map<string, number>();
  const repeats: Repeat[] = [];
  items.forEach((item, index) => {
    const k = key(item);
    if (k === undefined) return;
    const first = firstOf.get(k);
    if (first === undefined) firstOf.set(k, index);
    else repeats.push({ index, first });
  });
  return repeats;
}

export interface Keyed<T> {
  /** The list's name, as its path says it ("revenueRules"). */
  list: string;
  key: (item: T) => string | undefined;
  /** Where in a record its key is: the repeat's problem is there. */
  field: PathSegment[];
  /** The problem, given the repeat and the first record's place ("revenueRules › 2"). */
  message: (repeat: T, first: string) => string;
}

/**
 * An array check (zod) for a keyed list: one problem at each repeat's key. Runs once every record is
 * valid on its own, so the keys are there to compare.
 */
export function uniqueBy<T>(keyed: Keyed<T>) {
  return z.superRefine<T[]>((items, ctx) => {
    for (const { index, first } of repeatsBy(items, keyed.key)) {
      ctx.issues.push({
        code: 'custom',
        input: items[index],
        path: [index, ...keyed.field],
        message: keyed.message(items[index]!, formatPath([keyed.list, first])),
        // The list's other checks (another key) still run: every problem at once.
        continue: true,
      });
    }
  });
}

/** The check for a list of records keyed by `id`. */
export const uniqueIds = <T extends { id: string }>(list: string) =>
  uniqueBy<T>({ list, key: (item) => item.id, field: ['id'], message: (item, first) => t('err.idTaken', { key: item.id, first }) });
