// What is wrong with an imported file, in the creator's language. The strings live in
// lib/i18n/parsers.ts and are looked up here directly, so the parsers work whichever pages register
// that section with the dictionary.
import { formatMegabytes, sectionMessage, type MessageParams } from '../i18n';
import { parsers } from '../i18n/parsers';

export type ParserMessageKey = keyof (typeof parsers)['en'];

export interface ImportProblem {
  /** The file as the creator knows it; "archive.zip › Overview.csv" inside a ZIP. */
  file: string;
  /** 1-based record number in the file, the header being row 1; null for the whole file. */
  row: number | null;
  /** The column's header, or null. */
  field: string | null;
  /** The message key, for tests and for code that needs to tell problems apart. */
  code: ParserMessageKey;
  message: string;
}

export const parserMessage = (key: ParserMessageKey, params?: MessageParams): string =>
  sectionMessage(parsers, key, params);

export function problem(
  file: string,
  code: ParserMessageKey,
  params: MessageParams = {},
  row: number | null = null,
  field: string | null = null,
): ImportProblem {
  return { file, row, field, code, message: parserMessage(code, { file, ...params }) };
}

export { formatMegabytes };
