// What is wrong with an imported file, in the creator's language (lib/i18n/messages/<language>/
// parsers.ts): every context that parses files, the Studio reader's worker included, loads that area.
import { formatMegabytes, t, type AreaKey, type MessageParams } from '../i18n';

export type ParserMessageKey = AreaKey<'parsers'>;

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

export const parserMessage = (key: ParserMessageKey, params?: MessageParams): string => t(key, params);

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
