// TikTok Studio's daily CSV exports: Overview.csv (video views) and FollowerHistory.csv (followers).
// A file is taken whole or not at all: any problem refuses it, with every problem listed (up to a
// cap), so a half-read file never mixes into the history.
import Papa from 'papaparse';
import { dateInFileName, studioDayReader } from './studio-dates';
import { formatMegabytes, problem, type ImportProblem } from './problems';

/** A 365-day export is about 20 KB; anything past 1 MB is refused before it is parsed. */
export const MAX_CSV_BYTES = 1_048_576;
/** Records after the header, blank lines included. Studio exports at most 365 days; parsing stops past this. */
export const MAX_DATA_ROWS = 1000;
/** Problems listed per file; the rest are counted in one last problem. */
export const MAX_PROBLEMS_PER_FILE = 20;

export interface OverviewDay {
  date: string;
  videoViews: number | null;
}
export interface FollowerDay {
  date: string;
  followers: number | null;
}
export type StudioFile =
  | { file: string; kind: 'overview'; days: OverviewDay[] }
  | { file: string; kind: 'follower-history'; days: FollowerDay[] };
export type StudioKind = StudioFile['kind'];

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: ImportProblem[] };

export interface CsvOptions {
  /** The name shown in problems (e.g. "export.zip › Overview.csv"). */
  fileName: string;
  /** YYYY-MM-DD, the last day the export can hold: see studioReferenceDate. */
  referenceDate: string;
}

/**
 * The day an export ends, which gives its days their year: the first date in one of the names
 * (TikTok names its zips Overview_<YYYY-MM-DD>_<epoch>_<handle>.zip), else the import date.
 */
export function studioReferenceDate(names: readonly string[], importDate: string): string {
  for (const name of names) {
    const date = dateInFileName(name);
    if (date) return date;
  }
  return importDate;
}

// English headers, lower case. Other Studio files are recognised only to say what they are.
const VIEWS = 'video views';
const FOLLOWERS = 'followers';
const otherStudioFiles: { second: string; name: string }[] = [
  { second: 'total viewers', name: 'Viewers' },
  { second: 'video link', name: 'Content' },
];
// A Studio in another language may translate the header: then the file's name and its number of
// columns tell the kind, and the columns are read by position (date first, the figure second).
const kindByName: { pattern: RegExp; kind: StudioKind; columns: number }[] = [
  { pattern: /(^|[\\/])overview[^\\/]*\.csv$/i, kind: 'overview', columns: 6 },
  { pattern: /(^|[\\/])followerhistory[^\\/]*\.csv$/i, kind: 'follower-history', columns: 3 },
];

function headerCell(cell: string): string {
  return cell.replace(/^\ufeff/, '').trim().replace(/\s+/g, ' ').toLowerCase();
}

function kindOf(header: readonly string[], fileName: string): StudioKind | { other: string } | null {
  const [first, second] = header.map(headerCell);
  if (first === 'date' && second === VIEWS) return 'overview';
  if (first === 'date' && second === FOLLOWERS) return 'follower-history';
  const other = otherStudioFiles.find((file) => file.second === second);
  if (other) return { other: other.name };
  const byName = kindByName.find((entry) => entry.pattern.test(fileName) && entry.columns === header.length);
  return byName?.kind ?? null;
}

/** A CSV's encoding by its first bytes: UTF-16 with its BOM as Excel saves it, else UTF-8. */
export function csvEncoding(bytes: Uint8Array): string {
  return bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
}

/** Decodes a CSV's bytes (UTF-8, or UTF-16 with its BOM as Excel saves it); null for binary data. */
export function decodeCsv(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(csvEncoding(bytes), { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const BINARY = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const MISSING = new Set(['', 'undefined', '-', 'null']);

function readCount(cell: string): number | null | undefined {
  const text = cell.trim();
  if (/^\d{1,15}$/.test(text)) return Number(text);
  if (MISSING.has(text.toLowerCase())) return null;
  // Grouped whole numbers as a spreadsheet may write them: "1,234", "1.234", "1 234".
  if (/^\d{1,3}([,. \u00a0\u202f'])\d{3}(\1\d{3}){0,3}$/.test(text)) return Number(text.replace(/\D/g, ''));
  return undefined;
}

function delimiterOf(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length);
  return firstLine.includes(',') ? ',' : firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ',';
}

/** Reads the bytes of one CSV: refuses big or binary files before parsing. */
export function parseStudioCsvBytes(bytes: Uint8Array, options: CsvOptions): ParseResult<StudioFile> {
  if (bytes.length > MAX_CSV_BYTES) return tooLarge(options.fileName, bytes.length);
  const text = decodeCsv(bytes);
  if (text === null) return { ok: false, problems: [problem(options.fileName, 'parser.notText')] };
  return parseStudioCsv(text, options);
}

function tooLarge(file: string, bytes: number): ParseResult<never> {
  return {
    ok: false,
    problems: [problem(file, 'parser.tooLarge', { size: formatMegabytes(bytes), max: formatMegabytes(MAX_CSV_BYTES) })],
  };
}

/** Reads an Overview.csv or FollowerHistory.csv, telling which it is from its header. */
export function parseStudioCsv(text: string, options: CsvOptions): ParseResult<StudioFile> {
  const file = options.fileName;
  const fail = (...problems: ImportProblem[]): ParseResult<never> => ({ ok: false, problems });
  // UTF-16 text is two bytes a character: measured in characters this is a loose bound, and the byte
  // limit above is the strict one.
  if (text.length > MAX_CSV_BYTES) return tooLarge(file, text.length);
  const content = text.replace(/^\ufeff/, '');
  if (BINARY.test(content)) return fail(problem(file, 'parser.notText'));
  if (!/\S/.test(content)) return fail(problem(file, 'parser.empty'));

  // One record past the limit is read to see whether the file goes on: papaparse's cursor alone can
  // point past a record it did not return, so a file one row over would slip through.
  const parsed = Papa.parse<string[]>(content, { delimiter: delimiterOf(content), preview: MAX_DATA_ROWS + 2 });
  const beyond = parsed.data.slice(MAX_DATA_ROWS + 1);
  const filled = (cells: string[]) => cells.some((cell) => /\S/.test(cell));
  if (beyond.some(filled) || (parsed.meta.truncated && /\S/.test(content.slice(parsed.meta.cursor)))) {
    return fail(problem(file, 'parser.tooManyRows', { max: MAX_DATA_ROWS }));
  }
  const [header = [], ...rows] = parsed.data.slice(0, MAX_DATA_ROWS + 1);
  const kind = kindOf(header, file);
  if (kind === null) {
    const shown = header.map((cell) => cell.trim()).join(', ');
    return fail(problem(file, 'parser.unknownHeader', { header: shown.length > 80 ? `${shown.slice(0, 80)}…` : shown }));
  }
  if (typeof kind === 'object') return fail(problem(file, 'parser.otherStudioFile', { kind: kind.other }));

  const problems: ImportProblem[] = [];
  let unlisted = 0;
  const report = (found: ImportProblem) => {
    if (problems.length < MAX_PROBLEMS_PER_FILE) problems.push(found);
    else unlisted++;
  };
  const dateField = header[0]?.replace(/^\ufeff/, '').trim() ?? '';
  const valueField = header[1]?.trim() ?? '';
  const readDay = studioDayReader(options.referenceDate);
  const overview = kind === 'overview';
  let days: (OverviewDay | FollowerDay)[] = [];
  let dayRows: number[] = [];

  rows.forEach((cells, index) => {
    const row = index + 2;
    if (cells.length === 1 && (cells[0] ?? '').trim() === '') return;
    if (cells.length !== header.length) {
      report(problem(file, 'parser.columnCount', { count: cells.length, expected: header.length }, row));
      return;
    }
    const dateText = cells[0] ?? '';
    const date = readDay(dateText);
    const value = readCount(cells[1] ?? '');
    if (typeof date !== 'string') {
      report(
        date.reason === 'badDate'
          ? problem(file, 'parser.badDate', { value: dateText.trim() }, row, dateField)
          : problem(file, 'parser.noSuchDay', { value: dateText.trim(), year: date.year }, row, dateField),
      );
    }
    if (value === undefined) report(problem(file, 'parser.badNumber', { value: (cells[1] ?? '').trim() }, row, valueField));
    if (typeof date === 'string') {
      const day = overview ? { date, videoViews: value ?? null } : { date, followers: value ?? null };
      days.push(day);
      dayRows.push(row);
    }
  });

  // Studio lists days oldest first; sort only when a file does not. Sorted, a repeated day sits next
  // to its twin.
  if (days.some((day, index) => index > 0 && day.date < days[index - 1]!.date)) {
    const order = days.map((_, index) => index);
    order.sort((a, b) => (days[a]!.date < days[b]!.date ? -1 : days[a]!.date > days[b]!.date ? 1 : dayRows[a]! - dayRows[b]!));
    [days, dayRows] = [order.map((index) => days[index]!), order.map((index) => dayRows[index]!)];
  }
  for (let index = 1; index < days.length; index++) {
    if (days[index - 1]!.date === days[index]!.date) {
      report(problem(file, 'parser.duplicateDay', { row: dayRows[index - 1]! }, dayRows[index]!, dateField));
    }
  }
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));

  if (unlisted > 0) problems.push(problem(file, 'parser.moreProblems', { count: unlisted }));
  if (problems.length > 0) return fail(...problems);
  if (days.length === 0) return fail(problem(file, 'parser.noDays'));
  return overview
    ? { ok: true, value: { file, kind, days: days as OverviewDay[] } }
    : { ok: true, value: { file, kind, days: days as FollowerDay[] } };
}
