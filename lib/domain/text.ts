import * as z from 'zod/mini';
import { t } from '../i18n';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** What a person counts as characters: "🇮🇹" and "é" are one each. */
export function graphemeCount(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

// Control characters (other than tab and newline in long text) have no place in names and break layouts.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROL_OR_NEWLINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** A trimmed one-line text of min..max characters. */
export function line(min: number, max: number) {
  return z.string().check(
    z.trim(),
    z.minLength(min),
    z.maxLength(max),
    z.refine((s) => !CONTROL_OR_NEWLINE.test(s), { error: () => t('err.controlChars') }),
  );
}

/** A trimmed multi-line text of at most max characters. */
export function paragraph(max: number) {
  return z.string().check(
    z.trim(),
    z.maxLength(max),
    z.refine((s) => !CONTROL.test(s), { error: () => t('err.controlChars') }),
  );
}

// Ids become object keys (expected subscribers per tier, the roster's counts per tier): one named like a
// property every object has (__proto__, constructor, toString, ...) would read or write the prototype.
const RESERVED = new Set(Object.getOwnPropertyNames(Object.prototype));

export const idSchema = z.string().check(
  z.regex(/^[A-Za-z0-9_-]{1,64}$/, { error: () => t('err.id') }),
  z.refine((id) => !RESERVED.has(id), { error: (issue) => t('err.idReserved', { value: String(issue.input) }) }),
);
