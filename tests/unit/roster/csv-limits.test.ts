// The roster's limits and the CSV's agree: a roster at its largest, every text as long as it may be,
// exports to a CSV the import reads back, and every message on the way stays under what a message may
// carry. Computed from the costliest row, not by writing 200,000 of them.
import { describe, expect, it } from 'vitest';
import { utf8Length } from '@/lib/domain/backup';
import type { Tier } from '@/lib/domain/schema';
import { BACKUP_PART, MAX_MESSAGE_BYTES, TEXT_PART } from '@/lib/protocol/schemas';
import { MAX_ROSTER_CSV_BYTES, exportRosterCsv, importRosterCsv, rosterCsvHeader, rosterCsvRows } from '@/lib/roster/csv';
import { MAX_ROSTER_ROWS, MONTHS_MAX, NICKNAME_MAX, NOTE_MAX, subscriberSchema, type Subscriber } from '@/lib/roster/schema';
import { jsonBytes } from '../domain/worst-case';

// In a CSV file a code unit is at most three bytes of UTF-8 (an unpaired surrogate is written as
// U+FFFD, three bytes; a quote is written twice, two bytes), and a cell adds at most three: its two
// quotes and the apostrophe that keeps a spreadsheet from running it. In a message's JSON the quote
// costs most: written twice, each escaped, four bytes.
const NICKNAME_UNITS = NICKNAME_MAX * 8;
const TIER_NAME_UNITS = 30;
const FIXED = 24 + 10 + String(MONTHS_MAX).length + 'lapsed'.length + 6 /* commas */ + 2; /* CRLF */
const rowBound = (perUnit: number, perCell: number) => FIXED + perUnit * (NICKNAME_UNITS + TIER_NAME_UNITS + NOTE_MAX) + 3 * perCell;

const tierOf = (name: string): Pick<Tier, 'id' | 'name'> => ({ id: 'gold', name });
/** Texts of a kind: a nickname (at most NICKNAME_MAX characters) and a note. */
interface Kind {
  nickname: string;
  text: (units: number) => string;
}
function costliest(kind: Kind, i = 0): Subscriber {
  return {
    id: `s${i}`,
    creatorHandle: 'h'.repeat(24),
    handle: `h${String(i).padStart(23, '0')}`,
    nickname: kind.nickname,
    tierId: 'gold',
    since: '2026-01-01',
    monthsOverride: MONTHS_MAX,
    status: 'lapsed',
    note: kind.text(NOTE_MAX),
    source: 'csv',
    createdAt: 0,
    updatedAt: 0,
  };
}
// Three-byte characters: a nickname of one character made of Hangul leading consonants. And quotes, a
// formula character first: each quote of the nickname carries seven combining accents, which keeps it
// one character.
const threeBytes: Kind = { nickname: '\u1100'.repeat(NICKNAME_UNITS), text: (units) => '\uac00'.repeat(units) };
const quotes: Kind = {
  nickname: `=${'\u0301'.repeat(7)}${`"${'\u0301'.repeat(7)}`.repeat(NICKNAME_MAX - 1)}`,
  text: (units) => `=${'"'.repeat(units - 1)}`,
};

describe('a full roster as CSV', () => {
  it('stays within MAX_ROSTER_CSV_BYTES, and its text within what one string may hold', () => {
    const worst = utf8Length(rosterCsvHeader()) + MAX_ROSTER_ROWS * rowBound(3, 3);
    expect(worst).toBeLessThanOrEqual(MAX_ROSTER_CSV_BYTES);
    // A file's text has at most as many code units as it has bytes; V8 holds 2^29 - 24 in a string.
    expect(MAX_ROSTER_CSV_BYTES).toBeLessThan(2 ** 29 - 24);
    // The costliest rows Tierkit writes are within the bound.
    for (const text of [threeBytes, quotes]) {
      const subscriber = costliest(text);
      expect(subscriberSchema.safeParse(subscriber)).toEqual({ success: true, data: subscriber });
      expect(utf8Length(rosterCsvRows([subscriber], [tierOf('\uac00'.repeat(TIER_NAME_UNITS))]))).toBeLessThanOrEqual(rowBound(3, 3));
    }
  });

  it('exports rows of the costliest subscribers that import back unchanged', { timeout: 60_000 }, () => {
    const tiers = [tierOf('\uac00'.repeat(TIER_NAME_UNITS))];
    const existing = Array.from({ length: 1_000 }, (_, i) => costliest(i % 2 ? threeBytes : quotes, i));
    const preview = importRosterCsv(exportRosterCsv(existing, tiers), {
      fileName: 'roster.csv',
      creatorHandle: 'h'.repeat(24),
      tiers,
      existing,
      today: '2026-12-31',
    });
    expect(preview.ok && preview.value.summary).toEqual({ new: 0, updated: 0, unchanged: existing.length });
  });

  it('crosses to and from the background in messages within MAX_MESSAGE_BYTES', () => {
    // An export part: BACKUP_PART rows, the header with the first.
    const part = { ok: true, data: { fileName: 'x'.repeat(100), text: '', count: BACKUP_PART, total: MAX_ROSTER_ROWS, generation: Number.MAX_SAFE_INTEGER } };
    expect(jsonBytes(part) + jsonBytes(rosterCsvHeader()) + BACKUP_PART * rowBound(4, 5)).toBeLessThan(MAX_MESSAGE_BYTES);
    expect(jsonBytes(rosterCsvRows([costliest(quotes)], [tierOf('"'.repeat(TIER_NAME_UNITS))]))).toBeLessThanOrEqual(rowBound(4, 5));
    // An import part: TEXT_PART code units of the file, each at most six bytes of JSON ("\u0000").
    expect(jsonBytes({ type: 'roster.importText', upload: crypto.randomUUID(), from: MAX_ROSTER_CSV_BYTES, text: '' }) + 6 * TEXT_PART).toBeLessThan(MAX_MESSAGE_BYTES);
  });
});
