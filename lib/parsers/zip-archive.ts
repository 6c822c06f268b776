// A ZIP archive the creator chose, trusting nothing it declares. The central directory is read first
// (names, sizes, checksums), then an entry is expanded in slices of its compressed bytes with a hard
// cap: the first slice whose output passes the size the entry declares stops it. A deflate stream can
// expand about a thousand times, so a 2.7 MB entry declaring 1,000 bytes would otherwise produce
// 2.75 GB (fflate decodes the whole stream even into a buffer of the declared size); here it costs
// one slice. An entry holding less than it declares, or not matching its CRC-32, is refused too.
import { Inflate, inflateSync } from 'fflate';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; any other method is not read. */
  method: number;
  /** General purpose bit flags; bit 0 is encryption. */
  flags: number;
  compressedSize: number;
  /** The uncompressed size the central directory declares. */
  size: number;
  crc: number;
  /** Where the entry's local header starts. */
  headerOffset: number;
}

export type ZipDirectory =
  | { ok: true; entries: ZipEntry[] }
  | { ok: false; reason: 'damaged' }
  | { ok: false; reason: 'tooManyEntries'; count: number };

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** A saturated 32-bit field: the real value is in a ZIP64 record, which a Studio export never needs. */
const ZIP64 = 0xffffffff;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes);

/** UTF-8 when it is (bit 11 says so, and many tools write it without the bit), else Latin-1. */
function entryName(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return latin1(bytes);
  }
}

/**
 * The archive's entries from its central directory, expanding nothing. An archive declaring more than
 * `maxEntries` is refused before any entry is read, with the count it declares.
 */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const damaged = { ok: false, reason: 'damaged' } as const;
  // The end record is the last 22 bytes, before a comment of at most 65,535.
  let end = bytes.length - 22;
  const earliest = Math.max(0, end - 65_535);
  while (end >= earliest && view.getUint32(end, true) !== END_OF_DIRECTORY) end--;
  if (end < earliest) return damaged;
  const count = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || directoryOffset === ZIP64) return damaged;
  if (count > maxEntries) return { ok: false, reason: 'tooManyEntries', count };

  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== DIRECTORY_HEADER) return damaged;
    const nameLength = view.getUint16(at + 28, true);
    const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (next > end) return damaged;
    const entry: ZipEntry = {
      name: entryName(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      headerOffset: view.getUint32(at + 42, true),
    };
    if (entry.compressedSize === ZIP64 || entry.size === ZIP64 || entry.headerOffset === ZIP64) return damaged;
    entries.push(entry);
    at = next;
  }
  return { ok: true, entries };
}

export type Expansion =
  | { ok: true; data: Uint8Array }
  /** The entry declares more than `maxBytes`: nothing was expanded. */
  | { ok: false; reason: 'tooLarge' }
  /** It expanded past what it declares, and was stopped there. */
  | { ok: false; reason: 'outgrows' }
  /** It holds fewer bytes than it declares (`size` of them). */
  | { ok: false; reason: 'short'; size: number }
  | { ok: false; reason: 'checksum' }
  /** A broken stream or header, encryption, or a compression method other than deflate. */
  | { ok: false; reason: 'damaged' };

/**
 * Deflate expands at most 1,032 times, so the work spent on an entry that lies is bounded by the
 * compressed bytes expanded before its output is checked. An entry of up to 8 KB compressed (a Studio
 * export's CSV: 365 days are about 3 KB) is expanded in one step, at most about 8 MB of work; a larger
 * one in slices of 1 KB, stopped at the first slice past its cap, at most about 1 MB past it.
 */
const INFLATE_AT_ONCE_BYTES = 8192;
export const INFLATE_SLICE_BYTES = 1024;

/** Expands one entry, refusing it as soon as it outgrows min(its declared size, `maxBytes`). */
export function expandEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Expansion {
  if (entry.size > maxBytes) return { ok: false, reason: 'tooLarge' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const damaged = { ok: false, reason: 'damaged' } as const;
  const header = entry.headerOffset;
  if (header + 30 > bytes.length || view.getUint32(header, true) !== LOCAL_HEADER) return damaged;
  if (entry.flags & 1) return damaged;
  const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) return damaged;
  const compressed = bytes.subarray(start, end);

  let data: Uint8Array;
  if (entry.method === 0) {
    if (compressed.length > entry.size) return { ok: false, reason: 'outgrows' };
    data = compressed.slice();
  } else if (entry.method === 8) {
    const expanded = inflateCapped(compressed, entry.size);
    if (!(expanded instanceof Uint8Array)) return expanded;
    data = expanded;
  } else {
    return damaged;
  }
  if (data.length < entry.size) return { ok: false, reason: 'short', size: data.length };
  return crc32(data) === entry.crc ? { ok: true, data } : { ok: false, reason: 'checksum' };
}

/** The entry's bytes, or why not: stopped at the first step whose output passes `cap`. */
function inflateCapped(compressed: Uint8Array, cap: number): Uint8Array | Expansion {
  // Even an empty file deflates to two bytes.
  if (compressed.length < 2) return { ok: false, reason: 'damaged' };
  try {
    if (compressed.length <= INFLATE_AT_ONCE_BYTES) {
      // fflate fills a buffer one byte larger than allowed (and decodes on past its end, which the
      // compressed size bounds), so a full buffer means the entry outgrew its size.
      const data = inflateSync(compressed, { out: new Uint8Array(cap + 1) });
      return data.length > cap ? { ok: false, reason: 'outgrows' } : data;
    }
    const chunks: Uint8Array[] = [];
    let produced = 0;
    const inflater = new Inflate((chunk) => {
      produced += chunk.length;
      chunks.push(chunk);
    });
    for (let at = 0; at < compressed.length; at += INFLATE_SLICE_BYTES) {
      const to = Math.min(at + INFLATE_SLICE_BYTES, compressed.length);
      inflater.push(compressed.subarray(at, to), to === compressed.length);
      if (produced > cap) return { ok: false, reason: 'outgrows' };
    }
    const data = new Uint8Array(produced);
    let offset = 0;
    for (const chunk of chunks) {
      data.set(chunk, offset);
      offset += chunk.length;
    }
    return data;
  } catch {
    return { ok: false, reason: 'damaged' };
  }
}

// CRC-32 four bytes at a time ("slicing by 4"): about twice as fast as a byte at a time, which
// matters beside an inflate of the same bytes.
const CRC_TABLES = (() => {
  const tables = Array.from({ length: 4 }, () => new Int32Array(256));
  const [first] = tables as [Int32Array];
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    first[n] = c;
  }
  for (let k = 1; k < 4; k++) {
    for (let n = 0; n < 256; n++) tables[k]![n] = first[tables[k - 1]![n]! & 0xff]! ^ (tables[k - 1]![n]! >>> 8);
  }
  return tables as [Int32Array, Int32Array, Int32Array, Int32Array];
})();

/** CRC-32 as ZIP computes it, unsigned. */
export function crc32(data: Uint8Array): number {
  const [t0, t1, t2, t3] = CRC_TABLES;
  let crc = -1;
  let i = 0;
  for (const whole = data.length - 4; i <= whole; i += 4) {
    const word = crc ^ (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24));
    crc = t3[word & 0xff]! ^ t2[(word >>> 8) & 0xff]! ^ t1[(word >>> 16) & 0xff]! ^ t0[word >>> 24]!;
  }
  for (; i < data.length; i++) crc = t0[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}
