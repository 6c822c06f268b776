import { zipSync, type Zippable } from 'fflate';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  importStudioFile,
  isZip,
  MAX_IMPORT_BYTES,
  MAX_ZIP_ENTRIES,
  type StudioImport,
} from '@/lib/parsers/studio-zip';
import { daysEnding, encode, fixtureBytes, followerHistoryCsv, overviewCsv } from './studio-fixtures';

// Records which entries the parser let fflate expand: a refused archive must expand none.
const expandedEntries: string[] = [];
vi.mock('fflate', async (importOriginal) => {
  const fflate = await importOriginal<typeof import('fflate')>();
  return {
    ...fflate,
    unzipSync: (data: Uint8Array, options?: import('fflate').UnzipOptions) =>
      fflate.unzipSync(data, {
        ...options,
        filter: (entry) => {
          const expand = options?.filter ? options.filter(entry) : true;
          if (expand) expandedEntries.push(entry.name);
          return expand;
        },
      }),
  };
});
beforeEach(() => {
  expandedEntries.length = 0;
});

const TODAY = '2025-06-01';
const codes = (result: StudioImport) => result.problems.map((p) => p.code);

/** Sets the uncompressed size an archive's central directory declares for every entry. */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const patched = zip.slice();
  const view = new DataView(patched.buffer);
  for (let offset = 0; offset < patched.length - 4; offset++) {
    if (view.getUint32(offset, true) === 0x02014b50) view.setUint32(offset + 24, size, true);
  }
  return patched;
}

describe('a Studio ZIP', () => {
  const days = daysEnding('2025-01-03', 60);
  const archive = zipSync({
    'Overview_mara.lens/Overview.csv': encode(overviewCsv(days, 'it')),
    'Overview_mara.lens/FOLLOWERHISTORY.CSV': encode(followerHistoryCsv(days, 'fr')),
    'Overview_mara.lens/Viewers.csv': encode('"Date","Total Viewers"\n'),
    'Overview_mara.lens/notes/': new Uint8Array(0),
  });

  it('reads Overview.csv and FollowerHistory.csv in any folder, taking the year from the zip name', () => {
    const result = importStudioFile('Overview_2025-01-03_1735900000_mara.lens.zip', archive, TODAY);
    expect(result.problems).toEqual([]);
    expect(result.ignored).toEqual(['Overview_mara.lens/Viewers.csv']);
    expect(result.files.map((file) => [file.file, file.kind, file.days.length, file.days[0]!.date, file.days.at(-1)!.date])).toEqual([
      ['Overview_2025-01-03_1735900000_mara.lens.zip › Overview_mara.lens/Overview.csv', 'overview', 60, '2024-11-05', '2025-01-03'],
      ['Overview_2025-01-03_1735900000_mara.lens.zip › Overview_mara.lens/FOLLOWERHISTORY.CSV', 'follower-history', 60, '2024-11-05', '2025-01-03'],
    ]);
    expect(expandedEntries.sort()).toEqual(['Overview_mara.lens/FOLLOWERHISTORY.CSV', 'Overview_mara.lens/Overview.csv']);
  });

  it('without a date in the name, takes the year from the import date', () => {
    const result = importStudioFile('Followers_mara.lens.zip', archive, '2025-01-10');
    expect(result.files[0]!.days.at(-1)!.date).toBe('2025-01-03');
    // Imported on 2 January, "3 January" can only be a year old.
    const early = importStudioFile('Followers_mara.lens.zip', archive, '2025-01-02').files[0]!.days.map((day) => day.date);
    expect(early[0]).toBe('2024-01-03');
    expect(early.at(-1)).toBe('2025-01-02');
  });

  it('tells ZIP from CSV by the bytes, not the name', () => {
    expect(isZip(archive)).toBe(true);
    expect(importStudioFile('export.csv', archive, '2025-01-10').files).toHaveLength(2);
    const csv = importStudioFile('Overview.zip', fixtureBytes('studio/en-overview-day-first.csv'), '2025-10-31');
    expect(csv).toMatchObject({ problems: [], ignored: [], files: [{ file: 'Overview.zip', kind: 'overview' }] });
  });

  it('keeps the good file when the other one is wrong', () => {
    const mixed = zipSync({ 'Overview.csv': encode(overviewCsv(days)), 'FollowerHistory.csv': fixtureBytes('studio/binary-garbage.bin') });
    const result = importStudioFile('x.zip', mixed, '2025-01-10');
    expect(result.files.map((file) => file.kind)).toEqual(['overview']);
    expect(result.problems).toMatchObject([{ file: 'x.zip › FollowerHistory.csv', code: 'parser.notText' }]);
  });

  it('reads a 365-day export of each file', () => {
    const year = daysEnding('2025-03-31', 365);
    const big = zipSync({ 'Overview.csv': encode(overviewCsv(year, 'es')), 'FollowerHistory.csv': encode(followerHistoryCsv(year, 'pt')) });
    const result = importStudioFile('Overview_2025-03-31_1_x.zip', big, TODAY);
    expect(result.problems).toEqual([]);
    expect(result.files.map((file) => file.days.map((day) => day.date))).toEqual([year, year]);
  });
});

describe('archives that are not Studio exports', () => {
  it('says which files an archive holds when none is known', () => {
    const result = importStudioFile('photos.zip', zipSync({ 'a.jpg': new Uint8Array(10), 'b.txt': encode('hi') }), TODAY);
    expect(result.ignored).toEqual(['a.jpg', 'b.txt']);
    expect(result.problems.map((p) => p.message)).toEqual(['photos.zip contains no Overview.csv or FollowerHistory.csv (it holds: a.jpg, b.txt)']);
    expect(expandedEntries).toEqual([]);
  });

  it('recognises an Excel workbook', () => {
    const workbook = zipSync({ '[Content_Types].xml': encode('<Types/>'), 'xl/workbook.xml': encode('<workbook/>') });
    expect(codes(importStudioFile('Overview.xlsx', workbook, TODAY))).toEqual(['parser.xlsx']);
  });

  it('reads an empty archive as one without exports', () => {
    const empty = zipSync({});
    expect(isZip(empty)).toBe(true);
    expect(codes(importStudioFile('empty.zip', empty, TODAY))).toEqual(['parser.zipNoCsv']);
  });

  it('refuses a damaged archive', () => {
    const damaged = new Uint8Array([0x50, 0x4b, 3, 4, ...new Array(200).fill(7)]);
    expect(importStudioFile('bad.zip', damaged, TODAY).problems.map((p) => p.message)).toEqual(['bad.zip is a damaged or unsupported ZIP archive']);
    const truncated = zipSync({ 'Overview.csv': encode(overviewCsv(daysEnding('2025-01-03', 7))) }).slice(0, 60);
    expect(codes(importStudioFile('cut.zip', truncated, TODAY))).toEqual(['parser.zipDamaged']);
  });
});

describe('hostile archives are refused before anything is expanded', () => {
  it('a ZIP bomb that declares its real size (30 MB of zeros)', () => {
    const bomb = zipSync({ 'Overview.csv': new Uint8Array(30 * 1_048_576) }, { level: 1 });
    expect(bomb.length).toBeLessThan(100_000);
    const result = importStudioFile('bomb.zip', bomb, TODAY);
    expect(result).toEqual({ files: [], ignored: [], problems: [expect.objectContaining({ code: 'parser.zipEntryTooLarge' })] });
    expect(result.problems[0]!.message).toBe('Overview.csv in bomb.zip would expand to 30 MB; the limit is 20 MB');
    expect(expandedEntries).toEqual([]);
  });

  it('a small bomb under the size limits, by its compression ratio', () => {
    const bomb = zipSync({ 'FollowerHistory.csv': new Uint8Array(4 * 1_048_576) }, { level: 1 });
    const result = importStudioFile('small-bomb.zip', bomb, TODAY);
    expect(codes(result)).toEqual(['parser.zipBomb']);
    expect(result.problems[0]!.message).toMatch(/^FollowerHistory\.csv in small-bomb\.zip expands \d+ times: this looks like a ZIP bomb/);
    expect(expandedEntries).toEqual([]);
  });

  it('an archive whose entries add up past the limit', () => {
    const entries: Zippable = {};
    for (let i = 0; i < 3; i++) entries[`part${i}.bin`] = encode(`part ${i}`);
    const result = importStudioFile('many.zip', declareSize(zipSync(entries, { level: 0 }), 8 * 1_048_576), TODAY);
    expect(result.problems.map((p) => p.message)).toEqual(['many.zip would expand to 24 MB; Tierkit opens archives up to 20 MB']);
    expect(expandedEntries).toEqual([]);
  });

  it('an archive declaring 3 GB in one entry', () => {
    const lying = declareSize(zipSync({ 'Overview.csv': encode('x') }), 3_000_000_000);
    expect(codes(importStudioFile('huge.zip', lying, TODAY))).toEqual(['parser.zipEntryTooLarge']);
    expect(expandedEntries).toEqual([]);
  });

  it(`an archive of more than ${MAX_ZIP_ENTRIES} files`, () => {
    const entries: Zippable = {};
    for (let i = 0; i <= MAX_ZIP_ENTRIES; i++) entries[`f${i}.csv`] = encode('x');
    const result = importStudioFile('crowd.zip', zipSync(entries), TODAY);
    expect(result.problems.map((p) => p.message)).toEqual(['crowd.zip holds 100+ files; Tierkit opens archives of at most 100']);
    expect(expandedEntries).toEqual([]);
  });

  it('an entry that lies small is cut at the declared size, never grown', () => {
    // 5 MB of zeros declared as 1000 bytes: fflate fills a 1000-byte buffer and stops.
    const lying = declareSize(zipSync({ 'Overview.csv': new Uint8Array(5 * 1_048_576) }, { level: 1 }), 1000);
    const result = importStudioFile('liar.zip', lying, TODAY);
    expect(result.files).toEqual([]);
    expect(codes(result)).toEqual(['parser.notText']);
  });

  it('a known CSV over the CSV limit is refused, the other one still read', () => {
    const noise = Array.from({ length: 120_000 }, (_, i) => `${(i * 7919) % 100_003},${(i * 104_729) % 99_991}`).join('\n');
    const archive = zipSync({ 'Overview.csv': encode(noise), 'FollowerHistory.csv': encode(followerHistoryCsv(daysEnding('2025-05-01', 7))) });
    const result = importStudioFile('x.zip', archive, TODAY);
    expect(result.files.map((file) => file.kind)).toEqual(['follower-history']);
    expect(result.problems).toMatchObject([{ file: 'x.zip › Overview.csv', code: 'parser.tooLarge' }]);
    expect(expandedEntries).toEqual(['FollowerHistory.csv']);
  });

  it(`a chosen file over ${MAX_IMPORT_BYTES / 1_048_576} MB is refused unread`, () => {
    const result = importStudioFile('huge.csv', new Uint8Array(MAX_IMPORT_BYTES + 1), TODAY);
    expect(result.problems.map((p) => p.message)).toEqual(['huge.csv is 20 MB; Tierkit reads files up to 20 MB']);
  });
});
