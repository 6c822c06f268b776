// The roster as a CSV file the creator keeps or edits in a spreadsheet: export, and an import that is
// all-or-nothing (any problem refuses the file, with every problem listed) and previews what it will
// change before anything is saved.
//
// Columns: handle,nickname,tier,since,months,status,note. The tier is named, matched without regard to
// case; months is the optional override of cumulative months; status is active or lapsed (empty means
// active); notes are included, since the file is the creator's own. On import the columns may come in
// any order, the header's case and a UTF-8 BOM do not matter, and ";" or tab separators (as a
// spreadsheet in some languages saves) are recognised.
//
// Formula injection: a spreadsheet runs a cell starting with = + - @ (or tab or carriage return) as a
// formula, so export prefixes such cells with an apostrophe, which spreadsheets show as text. Import
// removes one apostrophe before such a character, so export then import gives back the same text; a
// cell that already starts with apostrophes before such a character gets one more on export for the
// same reason.
import Papa from 'papaparse';
import type * as z from 'zod/mini';
import { handleSchema, type Tier } from '../domain/schema';
import { t, type MessageParams } from '../i18n';
import { decodeCsv } from '../parsers/studio-csv';
import { formatMegabytes, parserMessage, type ImportProblem, type ParserMessageKey } from '../parsers/problems';
import { rosterMessage, type RosterMessageKey } from './messages';
import { daySchema } from '../eligibility/dates';
export { MAX_ROSTER_ROWS } from './schema';
import {
  MAX_ROSTER_ROWS,
  MONTHS_MAX,
  nicknameSchema,
  noteSchema,
  subscriberStatuses,
  type Subscriber,
  type SubscriberStatus,
} from './schema';

export const ROSTER_COLUMNS = ['handle', 'nickname', 'tier', 'since', 'months', 'status', 'note'] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly RosterColumn[] = ['handle', 'nickname', 'tier', 'since'];

/**
 * Past this a file is refused unread. A roster of MAX_ROSTER_ROWS with every nickname, tier name and note
 * as long as it may be, in three-byte characters, exports to about 452 MB (tests/unit/roster/csv-limits
 * .test.ts), so whatever Tierkit exports it reads back; and the text of a file this size still fits in
 * one JavaScript string. A real roster of 100,000 with nicknames and notes is about 6 MB.
 */
export const MAX_ROSTER_CSV_BYTES = 480 * 1_048_576;

/** A problem of a roster file; generic file problems reuse the Studio import's messages. */
export interface RosterProblem extends Omit<ImportProblem, 'code'> {
  code: RosterMessageKey | ParserMessageKey;
}

function rosterProblem(
  file: string,
  code: RosterMessageKey,
  params: MessageParams = {},
  row: number | null = null,
  field: string | null = null,
): RosterProblem {
  return { file, row, field, code, message: rosterMessage(code, { file, ...params }) };
}
function fileProblem(file: string, code: ParserMessageKey, params: MessageParams = {}): RosterProblem {
  return { file, row: null, field: null, code, message: parserMessage(code, { file, ...params }) };
}

// ---- Export ------------------------------------------------------------------------------------

const FORMULA_START = /^'*[=+\-@\t\r]/;

/** A cell a spreadsheet will show as text, never run (see the file's comment). */
export function neutralizeCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** What export wrote, read back: one apostrophe before a formula character is removed. */
export function restoreCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text) ? text.slice(1) : text;
}

/**
 * The roster as CSV text, with a BOM so spreadsheets read it as UTF-8 (emoji and accents in
 * nicknames). A tier that is not among `tiers` is written as its id, which the import then refuses
 * with a clear message rather than guessing.
 */
export function exportRosterCsv(subscribers: readonly Subscriber[], tiers: readonly Pick<Tier, 'id' | 'name'>[]): string {
  return rosterCsvHeader() + rosterCsvRows(subscribers, tiers);
}

/** The file's first line: a BOM, then the columns. */
export function rosterCsvHeader(): string {
  return `\ufeff${ROSTER_COLUMNS.join(',')}\r\n`;
}

/**
 * Subscribers as CSV rows, each ending with CRLF: a roster too big for one message is exported in parts,
 * the header and then the rows of every part.
 */
export function rosterCsvRows(subscribers: readonly Subscriber[], tiers: readonly Pick<Tier, 'id' | 'name'>[]): string {
  if (subscribers.length === 0) return '';
  const tierNames = new Map(tiers.map((tier) => [tier.id, tier.name]));
  const rows = subscribers.map((s) =>
    [
      s.handle ?? '',
      s.nickname ?? '',
      tierNames.get(s.tierId) ?? s.tierId,
      s.since,
      s.monthsOverride === undefined ? '' : String(s.monthsOverride),
      s.status,
      s.note,
    ].map(neutralizeCell),
  );
  return `${Papa.unparse(rows, { newline: '\r\n' })}\r\n`;
}

// ---- Import ------------------------------------------------------------------------------------

/** A subscriber as a row of the file gives it. */
export interface RosterRow {
  /** 1-based record number in the file, the header being row 1. */
  row: number;
  handle?: string;
  nickname?: string;
  tierId: string;
  since: string;
  monthsOverride?: number;
  status: SubscriberStatus;
  note: string;
}

export type RosterChange = 'new' | 'updated' | 'unchanged';

export interface RosterImportRow extends RosterRow {
  change: RosterChange;
  /** The record a row updates or repeats. */
  existingId?: string;
}

export interface RosterImportPreview {
  rows: RosterImportRow[];
  summary: Record<RosterChange, number>;
}

export type RosterImportResult = { ok: true; value: RosterImportPreview } | { ok: false; problems: RosterProblem[] };

export interface RosterImportOptions {
  /** The name shown in problems. */
  fileName: string;
  /** The creator whose roster this is: only their existing records are compared. */
  creatorHandle: string;
  /** The creator's tiers, matched by name. */
  tiers: readonly Pick<Tier, 'id' | 'name'>[];
  /** The creator's roster now, to tell new rows from updates. */
  existing: readonly Subscriber[];
  /** 'YYYY-MM-DD': no subscription starts after it. */
  today: string;
}

function headerCell(cell: string): string {
  return restoreCell(cell.replace(/^\ufeff/, '').trim()).toLowerCase();
}

function firstMessage(result: { success: boolean; error?: z.core.$ZodError }): string {
  return result.error?.issues[0]?.message ?? '';
}

/** Reads the bytes of a roster CSV (UTF-8, or UTF-16 with its BOM); refuses a big file before decoding it. */
export function importRosterCsvBytes(bytes: Uint8Array, options: RosterImportOptions): RosterImportResult {
  if (bytes.length > MAX_ROSTER_CSV_BYTES) return tooLarge(options.fileName, bytes.length);
  const text = decodeCsv(bytes);
  if (text === null) return { ok: false, problems: [fileProblem(options.fileName, 'parser.notText')] };
  return importRosterCsv(text, options);
}

function tooLarge(file: string, size: number): RosterImportResult {
  return {
    ok: false,
    problems: [
      fileProblem(file, 'parser.tooLarge', { size: formatMegabytes(size), max: formatMegabytes(MAX_ROSTER_CSV_BYTES) }),
    ],
  };
}

/** Reads a roster CSV and previews it against the existing roster; never throws. */
export function importRosterCsv(text: string, options: RosterImportOptions): RosterImportResult {
  const file = options.fileName;
  const fail = (...problems: RosterProblem[]): RosterImportResult => ({ ok: false, problems });
  // Characters, not bytes: a loose bound here; importRosterCsvBytes holds the strict one.
  if (text.length > MAX_ROSTER_CSV_BYTES) return tooLarge(file, text.length);
  const content = text.replace(/^\ufeff/, '');
  if (!/\S/.test(content)) return fail(fileProblem(file, 'parser.empty'));

  // The header, the rows allowed, and one more to tell whether the file goes on. (papaparse's
  // meta.cursor is not used: without quotes it points past a record it did not return.)
  const parsed = Papa.parse<string[]>(content, {
    delimitersToGuess: [',', ';', '\t'],
    preview: MAX_ROSTER_ROWS + 2,
  });
  const [header = [], ...records] = parsed.data;
  if (records.length > MAX_ROSTER_ROWS) {
    const extra = records.pop()!;
    // A newline after the last row parses as one blank record; anything else is one row too many.
    if (parsed.meta.truncated || extra.length > 1 || (extra[0] ?? '').trim() !== '') {
      return fail(rosterProblem(file, 'roster.csv.tooManyRows', { max: MAX_ROSTER_ROWS }));
    }
  }

  // Column positions by name; every header problem at once.
  const problems: RosterProblem[] = [];
  const position = new Map<RosterColumn, number>();
  const known = ROSTER_COLUMNS.join(', ');
  header.forEach((cell, index) => {
    const name = headerCell(cell);
    if (name === '' && index === header.length - 1 && index > 0) return; // a trailing separator
    if (!(ROSTER_COLUMNS as readonly string[]).includes(name)) {
      problems.push(rosterProblem(file, 'roster.csv.unknownColumn', { column: cell.trim().slice(0, 40), columns: known }));
    } else if (position.has(name as RosterColumn)) {
      problems.push(rosterProblem(file, 'roster.csv.duplicateColumn', { column: name }));
    } else position.set(name as RosterColumn, index);
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!position.has(column)) problems.push(rosterProblem(file, 'roster.csv.missingColumn', { column, columns: known }));
  }
  if (problems.length > 0) return fail(...problems);

  const tierByName = new Map<string, string>();
  for (const tier of options.tiers) {
    const key = tier.name.trim().toLocaleLowerCase();
    if (!tierByName.has(key)) tierByName.set(key, tier.id);
  }
  const tierList = options.tiers.map((tier) => tier.name).join(', ');
  const rows: RosterRow[] = [];
  const rowOfHandle = new Map<string, number>();

  records.forEach((cells, index) => {
    const row = index + 2;
    if (cells.length === 1 && (cells[0] ?? '').trim() === '') return;
    if (cells.length !== header.length) {
      problems.push({
        ...fileProblem(file, 'parser.columnCount', { count: cells.length, expected: header.length }),
        row,
      });
      return;
    }
    const cell = (column: RosterColumn) => {
      const at = position.get(column);
      return at === undefined ? '' : restoreCell(cells[at] ?? '');
    };
    const report = (column: RosterColumn, message: string) =>
      problems.push(rosterProblem(file, 'roster.csv.invalidCell', { message }, row, column));
    const before = problems.length;

    const handleText = cell('handle').trim();
    let handle: string | undefined;
    if (handleText !== '') {
      const result = handleSchema.safeParse(handleText);
      if (result.success) handle = result.data;
      else report('handle', firstMessage(result));
    }
    const nicknameText = cell('nickname');
    let nickname: string | undefined;
    if (nicknameText.trim() !== '') {
      const result = nicknameSchema.safeParse(nicknameText);
      if (result.success) nickname = result.data;
      else report('nickname', firstMessage(result));
    }
    if (handleText === '' && nicknameText.trim() === '') report('handle', rosterMessage('roster.err.handleOrNickname'));
    if (handle !== undefined) {
      const first = rowOfHandle.get(handle);
      if (first === undefined) rowOfHandle.set(handle, row);
      else problems.push(rosterProblem(file, 'roster.csv.duplicateHandle', { row: first }, row, 'handle'));
    }

    const tierText = cell('tier').trim();
    const tierId = tierByName.get(tierText.toLocaleLowerCase());
    if (tierText === '') report('tier', t('err.required'));
    else if (tierId === undefined) {
      const code = options.tiers.length === 0 ? 'roster.csv.noTiers' : 'roster.csv.unknownTier';
      problems.push(rosterProblem(file, code, { value: tierText.slice(0, 40), tiers: tierList }, row, 'tier'));
    }

    const since = cell('since').trim();
    if (since === '') report('since', t('err.required'));
    else if (!daySchema.safeParse(since).success) {
      problems.push(rosterProblem(file, 'roster.csv.badDate', { value: since.slice(0, 40) }, row, 'since'));
    } else if (since > options.today) {
      problems.push(rosterProblem(file, 'roster.csv.futureDate', { value: since }, row, 'since'));
    }

    const monthsText = cell('months').trim();
    let monthsOverride: number | undefined;
    if (monthsText !== '') {
      if (/^\d{1,4}$/.test(monthsText) && Number(monthsText) <= MONTHS_MAX) monthsOverride = Number(monthsText);
      else report('months', rosterMessage('roster.err.months', { max: MONTHS_MAX }));
    }

    const statusText = cell('status').trim().toLowerCase();
    const status = (statusText === '' ? 'active' : statusText) as SubscriberStatus;
    if (!subscriberStatuses.includes(status)) {
      problems.push(rosterProblem(file, 'roster.csv.badStatus', { value: cell('status').trim().slice(0, 40) }, row, 'status'));
    }

    const noteResult = noteSchema.safeParse(cell('note'));
    if (!noteResult.success) report('note', firstMessage(noteResult));

    if (problems.length === before && tierId !== undefined && noteResult.success) {
      const parsedRow: RosterRow = { row, tierId, since, status, note: noteResult.data };
      if (handle !== undefined) parsedRow.handle = handle;
      if (nickname !== undefined) parsedRow.nickname = nickname;
      if (monthsOverride !== undefined) parsedRow.monthsOverride = monthsOverride;
      rows.push(parsedRow);
    }
  });

  if (problems.length > 0) return fail(...problems);
  if (rows.length === 0) return fail(rosterProblem(file, 'roster.csv.noRows'));
  return { ok: true, value: preview(rows, options) };
}

const sameRecord = (row: RosterRow, s: Subscriber) =>
  row.nickname === s.nickname &&
  row.tierId === s.tierId &&
  row.since === s.since &&
  row.monthsOverride === s.monthsOverride &&
  row.status === s.status &&
  row.note === s.note;

/**
 * Pairs each row with the record it updates: the same handle, or for a row without a handle, the one
 * record without a handle that has its nickname (when several have it, the row is new).
 */
function preview(rows: RosterRow[], options: RosterImportOptions): RosterImportPreview {
  const byHandle = new Map<string, Subscriber>();
  const byNickname = new Map<string, Subscriber | null>();
  for (const s of options.existing) {
    if (s.creatorHandle !== options.creatorHandle) continue;
    if (s.handle !== undefined) byHandle.set(s.handle, s);
    else if (s.nickname !== undefined) byNickname.set(s.nickname, byNickname.has(s.nickname) ? null : s);
  }
  const summary: Record<RosterChange, number> = { new: 0, updated: 0, unchanged: 0 };
  const claimed = new Set<string>();
  const previewRows = rows.map((row): RosterImportRow => {
    const existing =
      row.handle !== undefined ? byHandle.get(row.handle) : row.nickname !== undefined ? byNickname.get(row.nickname) : undefined;
    // Two nickname-only rows cannot update the same record.
    if (!existing || claimed.has(existing.id)) {
      summary.new++;
      return { ...row, change: 'new' };
    }
    claimed.add(existing.id);
    const change = sameRecord(row, existing) ? 'unchanged' : 'updated';
    summary[change]++;
    return { ...row, change, existingId: existing.id };
  });
  return { rows: previewRows, summary };
}

/**
 * The records to save for an accepted preview: new ones (source 'csv') and updated ones (keeping their
 * id, creation time and source). The import adds and updates; it never removes anyone.
 */
export function applyRosterImport(
  preview: RosterImportPreview,
  existing: readonly Subscriber[],
  context: { creatorHandle: string; now: number; newId: () => string },
): { added: Subscriber[]; updated: Subscriber[] } {
  const byId = new Map(existing.map((s) => [s.id, s]));
  const added: Subscriber[] = [];
  const updated: Subscriber[] = [];
  for (const { row: _row, change, existingId, ...fields } of preview.rows) {
    const before = existingId === undefined ? undefined : byId.get(existingId);
    if (change === 'unchanged' && before) continue;
    if (change === 'updated' && before) {
      const record: Subscriber = {
        ...before,
        tierId: fields.tierId,
        since: fields.since,
        status: fields.status,
        note: fields.note,
        updatedAt: context.now,
      };
      if (fields.nickname === undefined) delete record.nickname;
      else record.nickname = fields.nickname;
      if (fields.monthsOverride === undefined) delete record.monthsOverride;
      else record.monthsOverride = fields.monthsOverride;
      updated.push(record);
    } else {
      added.push({
        id: context.newId(),
        creatorHandle: context.creatorHandle,
        ...fields,
        source: 'csv',
        createdAt: context.now,
        updatedAt: context.now,
      });
    }
  }
  return { added, updated };
}
