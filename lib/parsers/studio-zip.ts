// The file a creator picks or drops: TikTok Studio's ZIP, or one of its CSVs. The kind is told by the
// first bytes, not the name. A ZIP's central directory is read first and the archive refused before
// anything is expanded when it declares too many files, too many bytes or an absurd compression ratio;
// then only Overview.csv and FollowerHistory.csv are expanded, each capped at the size it declares
// (zip-archive.ts), and an archive with an entry that lies about itself is refused whole.
import { locale } from '../i18n';
import { formatMegabytes, problem, type ImportProblem } from './problems';
import { expandEntry, readZipDirectory, type Expansion, type ZipEntry } from './zip-archive';
import { MAX_CSV_BYTES, parseStudioCsvBytes, studioReferenceDate, type StudioFile } from './studio-csv';

/** The chosen file itself, ZIP or CSV. */
export const MAX_IMPORT_BYTES = 20 * 1_048_576;
/** Entries in an archive (a Studio export holds a handful). */
export const MAX_ZIP_ENTRIES = 100;
/** Declared uncompressed size of all entries together, and so of any one entry. */
export const MAX_ZIP_EXPANDED_BYTES = 20 * 1_048_576;
/** Uncompressed / compressed size of an entry, checked for entries that declare more than 1 MB. */
export const MAX_ZIP_RATIO = 100;
const RATIO_CHECKED_FROM_BYTES = 1_048_576;

export interface StudioImport {
  /** The exports read in full. */
  files: StudioFile[];
  /** Entries of the ZIP that are not Overview.csv or FollowerHistory.csv, left unread. */
  ignored: string[];
  problems: ImportProblem[];
}

const KNOWN_CSV = /(^|[\\/])(overview|followerhistory)\.csv$/i;

/** True when the bytes start like a ZIP archive (a local file header, or an empty archive). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

/** Why a chosen file of `size` bytes is not read at all, or null: asked before its bytes are read. */
export function oversizedFile(name: string, size: number): ImportProblem | null {
  return size > MAX_IMPORT_BYTES
    ? problem(name, 'parser.tooLarge', { size: formatMegabytes(size), max: formatMegabytes(MAX_IMPORT_BYTES) })
    : null;
}

/**
 * Reads a TikTok Studio export. `importDate` (YYYY-MM-DD, today) gives the year to days when no
 * file name carries the export's date. Never throws.
 */
export function importStudioFile(name: string, bytes: Uint8Array, importDate: string): StudioImport {
  const oversized = oversizedFile(name, bytes.length);
  if (oversized) return { files: [], ignored: [], problems: [oversized] };
  if (!isZip(bytes)) {
    const parsed = parseStudioCsvBytes(bytes, { fileName: name, referenceDate: studioReferenceDate([name], importDate) });
    return parsed.ok ? { files: [parsed.value], ignored: [], problems: [] } : { files: [], ignored: [], problems: parsed.problems };
  }
  return importZip(name, bytes, importDate);
}

/** Why an archive must not be expanded, or null when it may. */
function refusal(name: string, entries: readonly ZipEntry[]): ImportProblem | null {
  const total = entries.reduce((sum, entry) => sum + entry.size, 0);
  const largest = entries.reduce<ZipEntry | undefined>((big, entry) => (big && big.size >= entry.size ? big : entry), undefined);
  const limit = () => formatMegabytes(MAX_ZIP_EXPANDED_BYTES);
  if (largest && largest.size > MAX_ZIP_EXPANDED_BYTES) {
    return problem(name, 'parser.zipEntryTooLarge', { entry: largest.name, size: formatMegabytes(largest.size), max: limit() });
  }
  if (total > MAX_ZIP_EXPANDED_BYTES) return problem(name, 'parser.zipTooLarge', { size: formatMegabytes(total), max: limit() });
  const bomb = entries.find((entry) => entry.size > RATIO_CHECKED_FROM_BYTES && entry.size / Math.max(1, entry.compressedSize) > MAX_ZIP_RATIO);
  if (bomb) return problem(name, 'parser.zipBomb', { entry: bomb.name, ratio: Math.round(bomb.size / Math.max(1, bomb.compressedSize)) });
  return null;
}

/** What a refused expansion tells the creator; an entry too large for a CSV is that file's own problem. */
function expansionProblem(name: string, entry: ZipEntry, failed: Exclude<Expansion, { ok: true }>): ImportProblem {
  const bytes = (count: number) => new Intl.NumberFormat(locale()).format(count);
  switch (failed.reason) {
    case 'tooLarge':
      return problem(`${name} › ${entry.name}`, 'parser.tooLarge', { size: formatMegabytes(entry.size), max: formatMegabytes(MAX_CSV_BYTES) });
    case 'outgrows':
      return problem(name, 'parser.zipEntryOutgrows', { entry: entry.name, declared: bytes(entry.size) });
    case 'short':
      return problem(name, 'parser.zipEntryShort', { entry: entry.name, declared: bytes(entry.size), size: bytes(failed.size) });
    case 'checksum':
      return problem(name, 'parser.zipEntryChecksum', { entry: entry.name });
    case 'damaged':
      return problem(name, 'parser.zipEntryDamaged', { entry: entry.name });
  }
}

function importZip(name: string, bytes: Uint8Array, importDate: string): StudioImport {
  const refused = (found: ImportProblem): StudioImport => ({ files: [], ignored: [], problems: [found] });
  const directory = readZipDirectory(bytes, MAX_ZIP_ENTRIES);
  if (!directory.ok) {
    return refused(
      directory.reason === 'tooManyEntries'
        ? problem(name, 'parser.zipTooManyEntries', { count: directory.count, max: MAX_ZIP_ENTRIES })
        : problem(name, 'parser.zipDamaged'),
    );
  }
  const { entries } = directory;
  const refusedBecause = refusal(name, entries);
  if (refusedBecause) return refused(refusedBecause);

  const files = entries.filter((entry) => !entry.name.endsWith('/'));
  const known = files.filter((entry) => KNOWN_CSV.test(entry.name));
  const ignored = files.filter((entry) => !KNOWN_CSV.test(entry.name)).map((entry) => entry.name);
  if (known.length === 0) {
    const isWorkbook = ignored.includes('[Content_Types].xml') && ignored.some((entry) => entry.startsWith('xl/'));
    if (isWorkbook) return refused(problem(name, 'parser.xlsx'));
    const names = ignored.slice(0, 10).join(', ') + (ignored.length > 10 ? ', …' : '');
    return { files: [], ignored, problems: [problem(name, 'parser.zipNoCsv', { names: names || '-' })] };
  }

  const problems: ImportProblem[] = [];
  const parsedFiles: StudioFile[] = [];
  for (const entry of known) {
    const expanded = expandEntry(bytes, entry, MAX_CSV_BYTES);
    if (!expanded.ok) {
      const found = expansionProblem(name, entry, expanded);
      // An entry that lies about itself makes the whole archive untrustworthy: nothing more is read.
      if (expanded.reason !== 'tooLarge') return { files: [], ignored, problems: [found] };
      problems.push(found);
      continue;
    }
    const referenceDate = studioReferenceDate([entry.name, name], importDate);
    const parsed = parseStudioCsvBytes(expanded.data, { fileName: `${name} › ${entry.name}`, referenceDate });
    if (parsed.ok) parsedFiles.push(parsed.value);
    else problems.push(...parsed.problems);
  }
  return { files: parsedFiles, ignored, problems };
}
