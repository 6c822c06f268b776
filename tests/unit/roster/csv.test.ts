import * as fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '@/lib/i18n';
import {
  applyRosterImport,
  exportRosterCsv,
  importRosterCsv,
  importRosterCsvBytes,
  MAX_ROSTER_CSV_BYTES,
  MAX_ROSTER_ROWS,
  neutralizeCell,
  restoreCell,
  type RosterImportOptions,
  type RosterImportResult,
} from '@/lib/roster/csv';
import { subscriberSchema, type Subscriber } from '@/lib/roster/schema';
import { NOW, subscriber, tiers } from './fixtures';

const HEADER = 'handle,nickname,tier,since,months,status,note';

function options(overrides: Partial<RosterImportOptions> = {}): RosterImportOptions {
  return { fileName: 'roster.csv', creatorHandle: 'mara.lens', tiers, existing: [], today: '2025-06-01', ...overrides };
}

function ok(result: RosterImportResult) {
  if (!result.ok) throw new Error(`expected rows, got ${result.problems.map((p) => `${p.row}/${p.field}: ${p.message}`).join('; ')}`);
  return result.value;
}

function problems(result: RosterImportResult) {
  return result.ok ? [] : result.problems.map(({ row, field, message }) => ({ row, field, message }));
}

const csv = (...lines: string[]) => [HEADER, ...lines].join('\n');

describe('exportRosterCsv then importRosterCsv', () => {
  const roster: Subscriber[] = [
    subscriber({ id: 'a', handle: 'fan_one', nickname: 'Uno 🌸', note: 'met at the "meetup", Milan\nsecond line', monthsOverride: 14 }),
    subscriber({ id: 'b', handle: 'fan.two', tierId: 'tier-silver', status: 'lapsed', since: '2024-02-29' }),
    subscriber({ id: 'c', handle: undefined, nickname: '=HYPERLINK("x")', tierId: 'tier-plus', note: '@everyone -1 +1' }),
    subscriber({ id: 'd', handle: undefined, nickname: "'=already quoted", monthsOverride: 0 }),
  ];

  it('gives back the same records, with nothing to change', () => {
    const text = exportRosterCsv(roster, tiers);
    const preview = ok(importRosterCsv(text, options({ existing: roster })));
    expect(preview.summary).toEqual({ new: 0, updated: 0, unchanged: 4 });
    expect(applyRosterImport(preview, roster, { creatorHandle: 'mara.lens', now: NOW + 1, newId: () => 'x' })).toEqual({
      added: [],
      updated: [],
    });
  });

  it('into an empty roster creates records equal to the originals but for id and source', () => {
    const text = exportRosterCsv(roster, tiers);
    const preview = ok(importRosterCsv(text, options()));
    expect(preview.summary).toEqual({ new: 4, updated: 0, unchanged: 0 });
    let n = 0;
    const { added } = applyRosterImport(preview, [], { creatorHandle: 'mara.lens', now: NOW, newId: () => `new-${n++}` });
    const strip = ({ id: _id, source: _source, ...rest }: Subscriber) => rest;
    expect(added.map(strip)).toEqual(roster.map(strip));
    expect(added.every((s) => s.source === 'csv' && subscriberSchema.safeParse(s).success)).toBe(true);
  });

  it('writes the header, tier names, a BOM and neutralised formula cells', () => {
    const text = exportRosterCsv(roster, tiers);
    expect(text.startsWith(`\ufeff${HEADER}\r\n`)).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(rows[1]).toEqual(['fan_one', 'Uno 🌸', 'Gold', '2025-01-15', '14', 'active', 'met at the "meetup", Milan\nsecond line']);
    expect(rows[3]).toEqual(['', `'=HYPERLINK("x")`, `'+Plus`, '2025-01-15', '', 'active', `'@everyone -1 +1`]);
    expect(rows[4]![1]).toBe(`''=already quoted`);
  });
});

describe('formula neutralisation', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', "'=x", "''@x"])('prefixes %j and restores it', (cell) => {
    expect(neutralizeCell(cell)).toBe(`'${cell}`);
    expect(restoreCell(neutralizeCell(cell))).toBe(cell);
  });

  it.each(['plain', "'quoted", 'a=b', ''])('leaves %j alone', (cell) => {
    expect(neutralizeCell(cell)).toBe(cell);
  });

  it('round-trips any text', () => {
    fc.assert(fc.property(fc.string(), (cell) => restoreCell(neutralizeCell(cell)) === cell && !/^[=+\-@\t\r]/.test(neutralizeCell(cell))));
  });
});

describe('importRosterCsv', () => {
  it('previews new, updated (same handle) and unchanged rows against the existing roster', () => {
    const existing = [
      subscriber({ id: 'same', handle: 'fan_same', since: '2025-01-15' }),
      subscriber({ id: 'changed', handle: 'fan_changed', since: '2025-01-15' }),
      subscriber({ id: 'nick', handle: undefined, nickname: 'Luna', since: '2025-01-15' }),
      subscriber({ id: 'other', creatorHandle: 'kai.cooks', handle: 'fan_new' }),
    ];
    const preview = ok(
      importRosterCsv(
        csv(
          'fan_same,,Gold,2025-01-15,,active,',
          '@FAN_Changed,,silver,2025-01-15,,,',
          ',Luna,gold,2025-01-15,,,',
          'fan_new,,GOLD,2025-03-01,,lapsed,',
        ),
        options({ existing }),
      ),
    );
    expect(preview.summary).toEqual({ new: 1, updated: 1, unchanged: 2 });
    expect(preview.rows.map((r) => [r.row, r.change, r.existingId])).toEqual([
      [2, 'unchanged', 'same'],
      [3, 'updated', 'changed'],
      [4, 'unchanged', 'nick'],
      [5, 'new', undefined],
    ]);
    const { added, updated } = applyRosterImport(preview, existing, { creatorHandle: 'mara.lens', now: 42, newId: () => 'n1' });
    expect(updated).toEqual([{ ...existing[1], tierId: 'tier-silver', updatedAt: 42 }]);
    expect(added).toEqual([
      {
        id: 'n1',
        creatorHandle: 'mara.lens',
        handle: 'fan_new',
        tierId: 'tier-gold',
        since: '2025-03-01',
        status: 'lapsed',
        note: '',
        source: 'csv',
        createdAt: 42,
        updatedAt: 42,
      },
    ]);
  });

  it('reads columns in any order, a BOM, semicolons, CRLF and a missing optional column', () => {
    const text = '\ufeffSince;Tier;Handle;Nickname\r\n2025-01-01;Gold;fan_one;"Uno; due"\r\n';
    expect(ok(importRosterCsv(text, options())).rows).toEqual([
      { row: 2, handle: 'fan_one', nickname: 'Uno; due', tierId: 'tier-gold', since: '2025-01-01', status: 'active', note: '', change: 'new' },
    ]);
  });

  it('lists every problem of every row, with row and column, and keeps nothing', () => {
    const result = importRosterCsv(
      csv(
        'fan_one,,Gold,2025-01-15,,,',
        'x,,Gold,2025-01-15,,,',
        ',,Gold,2025-01-15,,,',
        'fan_two,,Platinum,2025-02-30,-3,paused,',
        'fan_one,,Gold,2025-07-01,,,',
        'fan_three,,,,1.5,,',
        'fan_four,Gold',
        `fan_five,${'🔥'.repeat(31)},Gold,2025-01-15,,,${'n'.repeat(501)}`,
      ),
      options(),
    );
    expect(problems(result)).toEqual([
      { row: 3, field: 'handle', message: 'A TikTok username has 2 to 24 letters, digits, "_" or "." and does not end with "."' },
      { row: 4, field: 'handle', message: 'Give a TikTok username or a nickname (or both)' },
      { row: 5, field: 'tier', message: 'There is no tier named "Platinum"; the tiers are: Silver, Gold, +Plus' },
      { row: 5, field: 'since', message: '"2025-02-30" is not a date as YYYY-MM-DD (for example 2025-03-31)' },
      { row: 5, field: 'months', message: 'Months must be a whole number from 0 to 1200, or empty to count them from the start date' },
      { row: 5, field: 'status', message: '"paused" is not a status; use active or lapsed (empty means active)' },
      { row: 6, field: 'handle', message: 'This username is also on row 2' },
      { row: 6, field: 'since', message: '2025-07-01 is after today' },
      { row: 7, field: 'tier', message: 'Required' },
      { row: 7, field: 'since', message: 'Required' },
      { row: 7, field: 'months', message: 'Months must be a whole number from 0 to 1200, or empty to count them from the start date' },
      { row: 8, field: null, message: 'This row has 2 columns; the header has 7' },
      { row: 9, field: 'nickname', message: 'A nickname has at most 30 characters' },
      { row: 9, field: 'note', message: 'At most 500 characters' },
    ]);
    expect(result.ok || result.problems.every((p) => p.file === 'roster.csv')).toBe(true);
  });

  it('refuses a header it does not know, telling every wrong column', () => {
    expect(problems(importRosterCsv('handle,name,tier,tier\nfan_one,x,Gold,Gold', options()))).toEqual([
      { row: null, field: null, message: 'roster.csv has a column "name" Tierkit does not know; the columns are: handle, nickname, tier, since, months, status, note' },
      { row: null, field: null, message: 'roster.csv has the column "tier" twice' },
      { row: null, field: null, message: 'roster.csv has no "nickname" column; the first row must name the columns: handle, nickname, tier, since, months, status, note' },
      { row: null, field: null, message: 'roster.csv has no "since" column; the first row must name the columns: handle, nickname, tier, since, months, status, note' },
    ]);
  });

  it('says what to do when the creator has no tiers yet, and when a file is empty or has no rows', () => {
    expect(problems(importRosterCsv(csv('fan_one,,Gold,2025-01-15,,,'), options({ tiers: [] })))[0]!.message).toBe(
      'There is no tier named "Gold"; create the tiers before importing subscribers',
    );
    expect(problems(importRosterCsv(' \n ', options()))).toEqual([{ row: null, field: null, message: 'roster.csv is empty' }]);
    expect(problems(importRosterCsv(`${HEADER}\n\n`, options()))).toEqual([
      { row: null, field: null, message: 'roster.csv has a header but no subscribers' },
    ]);
  });

  it('speaks Italian', () => {
    setLanguage('it');
    expect(problems(importRosterCsv(csv('fan_one,,Gold,2025-01-15,,boh,'), options()))[0]!.message).toBe(
      '"boh" non è uno stato; usa active (attivo) o lapsed (scaduto); vuoto vale active',
    );
  });
});

describe('limits', () => {
  it('refuses more than 480 MB before decoding or parsing', () => {
    // Half a gigabyte is not built here: only the length is looked at before the file is refused.
    const bytes = { length: MAX_ROSTER_CSV_BYTES + 1 } as Uint8Array;
    expect(problems(importRosterCsvBytes(bytes, options()))).toEqual([
      { row: null, field: null, message: 'roster.csv is 480 MB; Tierkit reads files up to 480 MB' },
    ]);
    expect(importRosterCsv({ length: MAX_ROSTER_CSV_BYTES + 1 } as string, options()).ok).toBe(false);
  });

  // Parses 400,000 rows: about 2 s alone, more beside the other test files.
  it('takes 200,000 rows and refuses one more, without reading the rest', { timeout: 30_000 }, () => {
    const line = 'fan_one,,Gold,2025-01-15,,,\n';
    const atLimit = HEADER + '\n' + ',Uno,Gold,2025-01-15,,,\n'.repeat(MAX_ROSTER_ROWS);
    const preview = ok(importRosterCsv(atLimit, options()));
    expect(preview.rows.length).toBe(MAX_ROSTER_ROWS);
    const tooMany = [
      { row: null, field: null, message: 'roster.csv has more than 200000 rows; Tierkit imports at most 200000 subscribers at once' },
    ];
    expect(problems(importRosterCsv(atLimit + line, options()))).toEqual(tooMany);
    expect(problems(importRosterCsv(atLimit + line.trim(), options()))).toEqual(tooMany);
    expect(problems(importRosterCsv(atLimit + '\n' + line, options()))).toEqual(tooMany);
    expect(problems(importRosterCsv(atLimit + '"fan_one",,Gold,2025-01-15,,,', options()))).toEqual(tooMany);
  });

  it('reads UTF-16 with a BOM, and refuses bytes that are not text', () => {
    const text = `${HEADER}\nfan_one,Zoë,Gold,2025-01-15,,,`;
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16[0] = 0xff;
    utf16[1] = 0xfe;
    for (let i = 0; i < text.length; i++) utf16[2 + 2 * i] = text.charCodeAt(i);
    expect(ok(importRosterCsvBytes(utf16, options())).rows[0]!.nickname).toBe('Zoë');
    expect(problems(importRosterCsvBytes(new Uint8Array([0xff, 0xff, 0xc3, 0x28]), options()))[0]!.message).toBe(
      'roster.csv is not a CSV text file (it contains binary data)',
    );
  });

  it('never throws on hostile input', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('"', '""', '\r', '\n', ',', ';', '\ufeff', "'=", '@', '\u0000', '🔥'));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 8 }), fc.boolean(), (rows, withHeader) => {
        const text = (withHeader ? `${HEADER}\n` : '') + rows.map((r) => r.join(',')).join('\n');
        const result = importRosterCsv(text, options());
        return result.ok ? result.value.rows.length > 0 : result.problems.length > 0;
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => typeof importRosterCsvBytes(bytes, options()).ok === 'boolean'),
      { numRuns: 1000 },
    );
  });
});
