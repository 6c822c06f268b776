import { deflateSync, zipSync, type Zippable } from 'fflate';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  importStudioFile,
  isZip,
  MAX_IMPORT_BYTES,
  MAX_ZIP_ENTRIES,
  type StudioImport,
} from '@/lib/parsers/studio-zip';
import { crc32, INFLATE_SLICE_BYTES } from '@/lib/parsers/zip-archive';
import { setLanguage } from '@/lib/i18n';
import { deflatedZeros, honestEntry, zerosExpandTo, zipBomb, zipOf } from './lying-zips';
import { daysEnding, encode, fixtureBytes, followerHistoryCsv, overviewCsv } from './studio-fixtures';

// Records which entries the parser expanded (or began to): a refused archive must expand none.
const expandedEntries: string[] = [];
vi.mock('@/lib/parsers/zip-archive', async (importOriginal) => {
  const archive = await importOriginal<typeof import('@/lib/parsers/zip-archive')>();
  return {
    ...archive,
    expandEntry: (...args: Parameters<typeof archive.expandEntry>) => {
      expandedEntries.push(args[1].name);
      return archive.expandEntry(...args);
    },
  };
});
// Counts what the inflater produces: a lying entry must be stopped after its first oversized slice.
const inflated = { bytes: 0 };
vi.mock('fflate', async (importOriginal) => {
  const fflate = await importOriginal<typeof import('fflate')>();
  class CountingInflate extends fflate.Inflate {
    constructor(handler: import('fflate').FlateStreamHandler) {
      super((chunk, final) => {
        inflated.bytes += chunk.length;
        handler(chunk, final);
      });
    }
  }
  const inflateSync = (data: Uint8Array, options?: import('fflate').InflateOptions) => {
    const out = fflate.inflateSync(data, options);
    inflated.bytes += out.length;
    return out;
  };
  return { ...fflate, Inflate: CountingInflate, inflateSync };
});
beforeEach(() => {
  expandedEntries.length = 0;
  inflated.bytes = 0;
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

  it(`an archive of more than ${MAX_ZIP_ENTRIES} files, by the count its directory declares`, () => {
    const entries: Zippable = {};
    for (let i = 0; i <= MAX_ZIP_ENTRIES; i++) entries[`f${i}.csv`] = encode('x');
    const result = importStudioFile('crowd.zip', zipSync(entries), TODAY);
    expect(result.problems.map((p) => p.message)).toEqual(['crowd.zip holds 101 files; Tierkit opens archives of at most 100']);
    expect(expandedEntries).toEqual([]);
    // Thousands of entries are refused the same way, without walking them.
    const thousands = zipOf(Array.from({ length: 5000 }, (_, i) => ({ name: `${i}/Overview.csv`, stored: encode('x'), method: 0 as const, size: 1, crc: crc32(encode('x')) })));
    expect(importStudioFile('thousands.zip', thousands, TODAY).problems.map((p) => p.message)).toEqual([
      'thousands.zip holds 5000 files; Tierkit opens archives of at most 100',
    ]);
    expect(expandedEntries).toEqual([]);
  });

  it('a known CSV over the CSV limit is refused unexpanded, the other one still read', () => {
    const noise = Array.from({ length: 120_000 }, (_, i) => `${(i * 7919) % 100_003},${(i * 104_729) % 99_991}`).join('\n');
    const followers = encode(followerHistoryCsv(daysEnding('2025-05-01', 7)));
    const archive = zipSync({ 'Overview.csv': encode(noise), 'FollowerHistory.csv': followers });
    const result = importStudioFile('x.zip', archive, TODAY);
    expect(result.files.map((file) => file.kind)).toEqual(['follower-history']);
    expect(result.problems).toMatchObject([{ file: 'x.zip › Overview.csv', code: 'parser.tooLarge' }]);
    expect(inflated.bytes).toBe(followers.length);
  });

  it('a nested archive named like an export is not opened', () => {
    const inner = zipSync({ 'Overview.csv': encode(overviewCsv(daysEnding('2025-05-01', 7))) });
    const result = importStudioFile('nested.zip', zipSync({ 'Overview.csv': inner }), TODAY);
    expect(result.problems.map((p) => p.message)).toEqual(['nested.zip › Overview.csv is not a CSV text file (it contains binary data)']);
  });

  it(`a chosen file over ${MAX_IMPORT_BYTES / 1_048_576} MB is refused unread`, () => {
    const result = importStudioFile('huge.csv', new Uint8Array(MAX_IMPORT_BYTES + 1), TODAY);
    expect(result.problems.map((p) => p.message)).toEqual(['huge.csv is 20 MB; Tierkit reads files up to 20 MB']);
  });
});

describe('entries that lie about themselves are refused, and the archive with them', () => {
  const deflate = (data: Uint8Array) => deflateSync(data, { level: 6 });
  const followers = encode(followerHistoryCsv(daysEnding('2025-05-01', 30)));
  const overview = encode(overviewCsv(daysEnding('2025-05-01', 30)));

  it('a forged bomb: 2.7 MB declaring 1,000 bytes, expanding to 2.75 GB, stopped after one slice', () => {
    const bomb = zipBomb();
    expect(bomb.length).toBeGreaterThan(2_600_000);
    expect(zerosExpandTo(10_660_000)).toBeGreaterThan(2_750_000_000);
    const result = importStudioFile('Overview_2025-03-31_1743379200_mara.lens.zip', bomb, TODAY);
    expect(result).toEqual({ files: [], ignored: [], problems: [expect.objectContaining({ code: 'parser.zipEntryOutgrows' })] });
    expect(result.problems[0]!.message).toBe(
      'Overview.csv in Overview_2025-03-31_1743379200_mara.lens.zip expands past the 1,000 bytes it declares, so it was not opened: the archive is damaged or forged',
    );
    // One slice of compressed bytes expands at most 1,032 times (a little more with the bits left over).
    expect(inflated.bytes).toBeGreaterThan(1000);
    expect(inflated.bytes).toBeLessThanOrEqual(1033 * INFLATE_SLICE_BYTES);
  });

  it('says so in Italian', () => {
    setLanguage('it');
    const result = importStudioFile('bomba.zip', zipBomb(100_000), TODAY);
    expect(result.problems.map((p) => p.message)).toEqual([
      "Overview.csv in bomba.zip si espande oltre i 1000 byte che dichiara, quindi non è stato aperto: l'archivio è danneggiato o contraffatto",
    ]);
  });

  it('an entry declaring less than it holds, in the central directory only or in both headers', () => {
    const honest = honestEntry('FollowerHistory.csv', followers, deflate);
    for (const localSize of [undefined, honest.size]) {
      const lying = zipOf([{ ...honest, size: honest.size - 1, localSize }]);
      expect(codes(importStudioFile('liar.zip', lying, TODAY))).toEqual(['parser.zipEntryOutgrows']);
    }
    // Stored (not compressed) data longer than declared, too.
    const stored = zipOf([{ name: 'Overview.csv', stored: overview, method: 0, size: 100, crc: crc32(overview) }]);
    expect(codes(importStudioFile('stored.zip', stored, TODAY))).toEqual(['parser.zipEntryOutgrows']);
  });

  it('an entry declaring more than it holds', () => {
    const honest = honestEntry('FollowerHistory.csv', followers, deflate);
    const result = importStudioFile('short.zip', zipOf([{ ...honest, size: honest.size + 100 }]), TODAY);
    expect(result.problems.map((p) => p.message)).toEqual([
      `FollowerHistory.csv in short.zip holds ${honest.size.toLocaleString('en-US')} bytes but declares ${(honest.size + 100).toLocaleString('en-US')}, so it was not read: the archive is damaged or forged`,
    ]);
    expect(result.files).toEqual([]);
  });

  it('an entry whose CRC-32 is wrong', () => {
    const honest = honestEntry('Overview.csv', overview, deflate);
    const result = importStudioFile('crc.zip', zipOf([{ ...honest, crc: (honest.crc ^ 1) >>> 0 }]), TODAY);
    expect(result.problems.map((p) => p.message)).toEqual([
      'Overview.csv in crc.zip does not match its checksum (CRC-32), so it was not read: the archive is damaged or forged',
    ]);
  });

  it('a cut deflate stream, an encrypted entry, an unknown compression method', () => {
    const honest = honestEntry('Overview.csv', overview, deflate);
    const cut = zipOf([{ ...honest, stored: honest.stored.subarray(0, honest.stored.length >> 1) }]);
    expect(importStudioFile('cut.zip', cut, TODAY).problems.map((p) => p.message)).toEqual([
      'Overview.csv in cut.zip is damaged, encrypted or compressed in a way Tierkit does not read',
    ]);
    const encrypted = zipOf([{ ...honest, flags: 1 }]);
    expect(codes(importStudioFile('locked.zip', encrypted, TODAY))).toEqual(['parser.zipEntryDamaged']);
    const bzip2 = zipOf([{ ...honest, method: 12 as 8 }]);
    expect(codes(importStudioFile('bzip2.zip', bzip2, TODAY))).toEqual(['parser.zipEntryDamaged']);
  });

  it('refuses the whole archive when one entry lies, even after a good one', () => {
    const lying = zipOf([honestEntry('FollowerHistory.csv', followers, deflate), { name: 'Overview.csv', stored: deflatedZeros(100_000), method: 8, size: 5000, crc: 0 }]);
    const result = importStudioFile('half.zip', lying, TODAY);
    expect(result.files).toEqual([]);
    expect(codes(result)).toEqual(['parser.zipEntryOutgrows']);
  });

  it('reads an honest archive built the same way, sizes only in the central directory (data descriptor style)', () => {
    const archive = zipOf([
      { ...honestEntry('Overview.csv', overview, deflate), localSize: 0 },
      { name: 'FollowerHistory.csv', stored: followers, method: 0, size: followers.length, crc: crc32(followers) },
    ]);
    const result = importStudioFile('honest.zip', archive, TODAY);
    expect(result.problems).toEqual([]);
    expect(result.files.map((file) => [file.kind, file.days.length])).toEqual([
      ['overview', 30],
      ['follower-history', 30],
    ]);
  });
});
