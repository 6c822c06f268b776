// The file a creator picks or drops: TikTok Studio's ZIP, or one of its CSVs. The kind is told by the
// first bytes, not the name. A ZIP's central directory is read first and the archive refused before
// anything is expanded when it declares too many files, too many bytes or an absurd compression ratio.
// fflate expands an entry into a buffer of the size the directory declares, so a lying directory
// yields a truncated entry, never a bigger allocation.
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { formatMegabytes, problem, type ImportProblem } from './problems';
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

/**
 * Reads a TikTok Studio export. `importDate` (YYYY-MM-DD, today) gives the year to days when no
 * file name carries the export's date. Never throws.
 */
export function importStudioFile(name: string, bytes: Uint8Array, importDate: string): StudioImport {
  if (bytes.length > MAX_IMPORT_BYTES) {
    const found = problem(name, 'parser.tooLarge', { size: formatMegabytes(bytes.length), max: formatMegabytes(MAX_IMPORT_BYTES) });
    return { files: [], ignored: [], problems: [found] };
  }
  if (!isZip(bytes)) {
    const parsed = parseStudioCsvBytes(bytes, { fileName: name, referenceDate: studioReferenceDate([name], importDate) });
    return parsed.ok ? { files: [parsed.value], ignored: [], problems: [] } : { files: [], ignored: [], problems: parsed.problems };
  }
  return importZip(name, bytes, importDate);
}

class TooManyEntries extends Error {}

/** The central directory only: a filter that records every entry and expands none. */
function listEntries(bytes: Uint8Array): UnzipFileInfo[] {
  const entries: UnzipFileInfo[] = [];
  unzipSync(bytes, {
    filter: (entry) => {
      entries.push(entry);
      if (entries.length > MAX_ZIP_ENTRIES) throw new TooManyEntries();
      return false;
    },
  });
  return entries;
}

/** Why an archive must not be expanded, or null when it may. */
function refusal(name: string, entries: readonly UnzipFileInfo[]): ImportProblem | null {
  const total = entries.reduce((sum, entry) => sum + entry.originalSize, 0);
  const largest = entries.reduce<UnzipFileInfo | undefined>((big, entry) => (big && big.originalSize >= entry.originalSize ? big : entry), undefined);
  const limit = () => formatMegabytes(MAX_ZIP_EXPANDED_BYTES);
  if (largest && largest.originalSize > MAX_ZIP_EXPANDED_BYTES) {
    return problem(name, 'parser.zipEntryTooLarge', { entry: largest.name, size: formatMegabytes(largest.originalSize), max: limit() });
  }
  if (total > MAX_ZIP_EXPANDED_BYTES) return problem(name, 'parser.zipTooLarge', { size: formatMegabytes(total), max: limit() });
  const bomb = entries.find(
    (entry) => entry.originalSize > RATIO_CHECKED_FROM_BYTES && entry.originalSize / Math.max(1, entry.size) > MAX_ZIP_RATIO,
  );
  if (bomb) return problem(name, 'parser.zipBomb', { entry: bomb.name, ratio: Math.round(bomb.originalSize / Math.max(1, bomb.size)) });
  return null;
}

function importZip(name: string, bytes: Uint8Array, importDate: string): StudioImport {
  const refused = (found: ImportProblem): StudioImport => ({ files: [], ignored: [], problems: [found] });
  let entries: UnzipFileInfo[];
  try {
    entries = listEntries(bytes);
  } catch (error) {
    return refused(
      error instanceof TooManyEntries
        ? problem(name, 'parser.zipTooManyEntries', { count: `${MAX_ZIP_ENTRIES}+`, max: MAX_ZIP_ENTRIES })
        : problem(name, 'parser.zipDamaged'),
    );
  }
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
  const wanted = new Set<string>();
  for (const entry of known) {
    if (entry.originalSize > MAX_CSV_BYTES) {
      const size = formatMegabytes(entry.originalSize);
      problems.push(problem(`${name} › ${entry.name}`, 'parser.tooLarge', { size, max: formatMegabytes(MAX_CSV_BYTES) }));
    } else {
      wanted.add(entry.name);
    }
  }
  let expanded: Record<string, Uint8Array>;
  try {
    expanded = unzipSync(bytes, { filter: (entry) => wanted.has(entry.name) });
  } catch {
    return { files: [], ignored, problems: [...problems, problem(name, 'parser.zipDamaged')] };
  }

  const parsedFiles: StudioFile[] = [];
  for (const [entry, data] of Object.entries(expanded)) {
    const referenceDate = studioReferenceDate([entry, name], importDate);
    const parsed = parseStudioCsvBytes(data, { fileName: `${name} › ${entry}`, referenceDate });
    if (parsed.ok) parsedFiles.push(parsed.value);
    else problems.push(...parsed.problems);
  }
  return { files: parsedFiles, ignored, problems };
}
