import { describe, expect, it } from 'vitest';
import { setLanguage } from '@/lib/i18n';
import {
  MAX_CSV_BYTES,
  MAX_DATA_ROWS,
  MAX_PROBLEMS_PER_FILE,
  parseStudioCsv,
  parseStudioCsvBytes,
  studioReferenceDate,
  type StudioFile,
} from '@/lib/parsers/studio-csv';
import {
  daysEnding,
  encode,
  fixtureBytes,
  fixtureText,
  FOLLOWERS_HEADER,
  followerHistoryCsv,
  OVERVIEW_HEADER,
  overviewCsv,
  studioDay,
  studioLanguages,
} from './studio-fixtures';

function read(path: string, referenceDate: string, fileName = path) {
  return parseStudioCsvBytes(fixtureBytes(`studio/${path}`), { fileName, referenceDate });
}

function ok(result: ReturnType<typeof parseStudioCsv>): StudioFile {
  if (!result.ok) throw new Error(`expected a file, got ${result.problems.map((p) => p.message).join('; ')}`);
  return result.value;
}

function codes(result: ReturnType<typeof parseStudioCsv>) {
  return result.ok ? [] : result.problems.map((p) => p.code);
}

const dates = (file: StudioFile) => file.days.map((day) => day.date);
const values = (file: StudioFile) => file.days.map((day) => ('videoViews' in day ? day.videoViews : day.followers));

describe('committed fixtures, one per language', () => {
  it.each([
    ['en-overview-day-first.csv', 'overview', '2025-08-28', '2025-09-03', [1520, 1740, 980, 2210, 3105, 2890, 1999]],
    ['en-followers-month-first.csv', 'follower-history', '2025-09-11', '2025-09-17', [9840, 9861, 9875, 9902, 9899, 9930, 9963]],
    ['it-overview.csv', 'overview', '2025-08-28', '2025-09-03', [1520, 1740, 980, 2210, 3105, 2890, 1999]],
    ['fr-followers.csv', 'follower-history', '2025-09-28', '2025-10-04', [5010, 5022, 5030, 5041, 5049, 5060, 5075]],
    ['es-overview.csv', 'overview', '2025-02-27', '2025-03-05', [400, 420, 450, 470, 510, 530, null]],
    ['de-followers.csv', 'follower-history', '2025-09-15', '2025-10-03', [20100, 20180, 20230, 20990, 21010, 21100, 21150]],
    ['pt-overview.csv', 'overview', '2025-09-01', '2025-09-07', [700, 760, 810, 790, 830, 870, 900]],
  ])('%s', (path, kind, first, last, expected) => {
    const file = ok(read(path, '2025-10-31'));
    expect(file.kind).toBe(kind);
    expect(file.file).toBe(path);
    expect(dates(file)[0]).toBe(first);
    expect(dates(file).at(-1)).toBe(last);
    expect(values(file)).toEqual(expected);
  });

  it('tolerates a BOM and Windows line ends', () => {
    const file = ok(read('bom-crlf-overview.csv', '2025-10-31'));
    expect(file).toEqual({
      file: 'bom-crlf-overview.csv',
      kind: 'overview',
      days: [
        { date: '2025-08-28', videoViews: 1520 },
        { date: '2025-08-29', videoViews: 1740 },
        { date: '2025-08-30', videoViews: 980 },
      ],
    });
  });

  it('reads "undefined" and empty cells as missing, not zero', () => {
    const file = ok(read('undefined-followers.csv', '2025-10-31'));
    expect(values(file)).toEqual([1200, null, 1210, null, 1225]);
  });

  it('puts December before a January export end in the year before', () => {
    const file = ok(read('new-year-overview.csv', '2025-01-03'));
    expect(dates(file)).toEqual(['2024-12-29', '2024-12-30', '2024-12-31', '2025-01-01', '2025-01-02', '2025-01-03']);
  });

  it('sorts days whatever the order of the rows', () => {
    const [header, ...rows] = fixtureText('studio/new-year-overview.csv').trim().split('\n');
    const reversed = [header, ...rows.reverse()].join('\n');
    const file = ok(parseStudioCsv(reversed, { fileName: 'x.csv', referenceDate: '2025-01-03' }));
    expect(dates(file)).toEqual(['2024-12-29', '2024-12-30', '2024-12-31', '2025-01-01', '2025-01-02', '2025-01-03']);
    expect(values(file)[0]).toBe(5000);
  });

  it('reads a file that mixes languages row by row (each month word is unambiguous)', () => {
    const file = ok(read('mixed-languages.csv', '2025-10-31'));
    expect(dates(file)).toEqual(daysEnding('2025-09-02', 6));
  });

  it('reads translated headers by position when the file name tells the kind', () => {
    const file = ok(read('it-headers/Overview.csv', '2025-10-31', 'Overview.csv'));
    expect(file).toMatchObject({ kind: 'overview', days: [{ date: '2025-08-28', videoViews: 1520 }, { date: '2025-08-29' }] });
    expect(codes(read('it-headers/Overview.csv', '2025-10-31', 'statistiche.csv'))).toEqual(['parser.unknownHeader']);
  });
});

describe('generated ranges of 7, 28, 60 and 365 days', () => {
  const cases = studioLanguages.flatMap((language) => [7, 28, 60, 365].map((length) => [language, length] as const));

  it.each(cases)('%s, %i days, both files', (language, length) => {
    // Ends in February so that longer ranges cross New Year and a leap day (2024-02-29).
    const days = daysEnding('2025-02-10', length);
    const overview = ok(parseStudioCsv(overviewCsv(days, language), { fileName: 'Overview.csv', referenceDate: '2025-02-10' }));
    expect(overview.kind).toBe('overview');
    expect(dates(overview)).toEqual(days);
    expect(values(overview)).toEqual(days.map((_, index) => 1000 + index));
    const followers = ok(parseStudioCsv(followerHistoryCsv(days, language), { fileName: 'F.csv', referenceDate: '2025-02-10' }));
    expect(followers.kind).toBe('follower-history');
    expect(values(followers)).toEqual(days.map((_, index) => 5000 + index * 2));
  });

  it('a 365-day export ending in a leap year keeps 29 February', () => {
    const days = daysEnding('2024-12-31', 365);
    const file = ok(parseStudioCsv(overviewCsv(days, 'de'), { fileName: 'Overview.csv', referenceDate: '2024-12-31' }));
    expect(dates(file)).toContain('2024-02-29');
    expect(dates(file)).toEqual(days);
  });
});

describe('year from the file name or the import date', () => {
  it('takes the export date from the first name that has one', () => {
    expect(studioReferenceDate(['Overview.csv', 'Overview_2025-01-03_1735900000_mara.lens.zip'], '2025-06-01')).toBe('2025-01-03');
    expect(studioReferenceDate(['Followers_mara.lens.zip'], '2025-06-01')).toBe('2025-06-01');
  });
});

describe('wrong files say what they are and what is wrong', () => {
  it('names a file whose header is not a Studio export', () => {
    const result = read('wrong-headers.csv', '2025-10-31');
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          file: 'wrong-headers.csv',
          row: null,
          field: null,
          code: 'parser.unknownHeader',
          message: 'wrong-headers.csv is not a TikTok Studio Overview or FollowerHistory export: its first row is "Day, Views"',
        },
      ],
    });
  });

  it('recognises another Studio export and says which files Tierkit reads', () => {
    const result = read('viewers.csv', '2025-10-31');
    expect(result.ok ? '' : result.problems[0]!.message).toBe(
      'viewers.csv is the TikTok Studio "Viewers" export; Tierkit reads Overview.csv (daily video views) and FollowerHistory.csv (daily followers)',
    );
  });

  it('refuses binary data, as bytes or as text', () => {
    expect(codes(read('binary-garbage.bin', '2025-10-31'))).toEqual(['parser.notText']);
    const text = `${OVERVIEW_HEADER}\n28 August,1\u0000\u0001,2,3,4,5\n`;
    expect(codes(parseStudioCsv(text, { fileName: 'x.csv', referenceDate: '2025-10-31' }))).toEqual(['parser.notText']);
  });

  it('refuses an empty file and a header without days', () => {
    const options = { fileName: 'x.csv', referenceDate: '2025-10-31' };
    expect(codes(parseStudioCsv('', options))).toEqual(['parser.empty']);
    expect(codes(parseStudioCsv('\ufeff \n\n', options))).toEqual(['parser.empty']);
    expect(codes(parseStudioCsv(`${FOLLOWERS_HEADER}\n\n`, options))).toEqual(['parser.noDays']);
  });

  it('lists every bad row with its row number (header = row 1) and column, and refuses the file', () => {
    const result = read('bad-rows.csv', '2025-10-31');
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map(({ row, field, code, message }) => ({ row, field, code, message }))).toEqual([
      { row: 3, field: 'Date', code: 'parser.badDate', message: '"yesterday" is not a date Tierkit can read (a day and a month, like "28 August")' },
      { row: 4, field: 'Video Views', code: 'parser.badNumber', message: '"lots" is not a count (a whole number, 0 or more)' },
      { row: 5, field: 'Date', code: 'parser.duplicateDay', message: 'This day is also on row 4' },
      { row: 6, field: null, code: 'parser.columnCount', message: 'This row has 3 columns; the header has 6' },
    ]);
  });

  it('refuses a day that does not exist in the inferred year', () => {
    const text = `${FOLLOWERS_HEADER}\n29 February,10,0\n`;
    const result = parseStudioCsv(text, { fileName: 'f.csv', referenceDate: '2025-12-31' });
    expect(result.ok ? '' : result.problems[0]!.message).toBe('"29 February" does not exist in 2025');
  });

  it('lists at most a few problems per file and counts the rest', () => {
    const rows = Array.from({ length: 50 }, (_, index) => `not a day ${index},1,0`);
    const result = parseStudioCsv([FOLLOWERS_HEADER, ...rows].join('\n'), { fileName: 'f.csv', referenceDate: '2025-12-31' });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
    expect(problems.at(-1)!.message).toBe(`…and ${50 - MAX_PROBLEMS_PER_FILE} more problems in this file`);
  });

  it('speaks Italian when the creator does', () => {
    setLanguage('it');
    const result = read('wrong-headers.csv', '2025-10-31');
    expect(result.ok ? '' : result.problems[0]!.message).toBe(
      'wrong-headers.csv non è un export Overview o FollowerHistory di TikTok Studio: la sua prima riga è "Day, Views"',
    );
  });
});

describe('spreadsheet variants', () => {
  it('reads semicolons, quoted cells and grouped numbers', () => {
    const text = '"Date";"Video Views";"Profile Views";"Likes";"Comments";"Shares"\n"28. August";"1.234";1;2;3;4\n29. August;"12,345";1;2;3;4\n';
    const file = ok(parseStudioCsv(text, { fileName: 'x.csv', referenceDate: '2025-10-31' }));
    expect(values(file)).toEqual([1234, 12345]);
  });

  it('matches English headers whatever their case and spacing', () => {
    const text = 'date , FOLLOWERS,difference in followers  from previous day\n28 August,7,0\n';
    expect(ok(parseStudioCsv(text, { fileName: 'x.csv', referenceDate: '2025-10-31' })).kind).toBe('follower-history');
  });

  it('decodes UTF-16 with a BOM, as Excel saves it', () => {
    const text = `${FOLLOWERS_HEADER}\n${studioDay('2025-08-30', 'fr')},42,0\n`;
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + i * 2] = text.charCodeAt(i) & 0xff, (utf16[3 + i * 2] = text.charCodeAt(i) >> 8);
    const file = ok(parseStudioCsvBytes(utf16, { fileName: 'f.csv', referenceDate: '2025-10-31' }));
    expect(file.days).toEqual([{ date: '2025-08-30', followers: 42 }]);
  });
});

describe('limits', () => {
  it(`refuses a million rows by size (over ${MAX_CSV_BYTES} bytes) before parsing`, () => {
    const million = `${FOLLOWERS_HEADER}\n${'28 August,1,0\n'.repeat(1_000_000)}`;
    const result = parseStudioCsv(million, { fileName: 'big.csv', referenceDate: '2025-10-31' });
    expect(codes(result)).toEqual(['parser.tooLarge']);
    expect(result.ok ? '' : result.problems[0]!.message).toBe('big.csv is 13.4 MB; Tierkit reads files up to 1 MB');
    expect(codes(parseStudioCsvBytes(encode(million), { fileName: 'big.csv', referenceDate: '2025-10-31' }))).toEqual([
      'parser.tooLarge',
    ]);
  });

  it(`refuses more than ${MAX_DATA_ROWS} rows even when the file is small`, () => {
    const rows = (count: number) => `${FOLLOWERS_HEADER}\n${'1 May,1,0\n'.repeat(count)}`;
    const options = { fileName: 'rows.csv', referenceDate: '2025-10-31' };
    expect(rows(MAX_DATA_ROWS + 1).length).toBeLessThan(MAX_CSV_BYTES);
    expect(codes(parseStudioCsv(rows(MAX_DATA_ROWS + 1), options))).toEqual(['parser.tooManyRows']);
    // Without a final line break too: the row past the limit is the file's last.
    expect(codes(parseStudioCsv(rows(MAX_DATA_ROWS + 1).trimEnd(), options))).toEqual(['parser.tooManyRows']);
    // Exactly the limit is parsed (and then refused for repeating the day, not for its length).
    expect(codes(parseStudioCsv(rows(MAX_DATA_ROWS), options))).not.toContain('parser.tooManyRows');
    expect(codes(parseStudioCsv(rows(MAX_DATA_ROWS), options))).toContain('parser.duplicateDay');
  });
});
