// ZIP archives built byte by byte, so that their headers can say anything: what a forged or damaged
// export looks like. Used by the parser's unit tests, the end-to-end import and the import bench.
import { crc32 } from '@/lib/parsers/zip-archive';

/** Bits written least significant first, as deflate packs them. */
class BitWriter {
  readonly bits: number[] = [];
  /** A value of `count` bits, low bit first (deflate's header fields). */
  value(value: number, count: number) {
    for (let i = 0; i < count; i++) this.bits.push((value >> i) & 1);
  }
  /** A Huffman code of `length` bits, high bit first. */
  code([code, length]: readonly [number, number]) {
    for (let i = length - 1; i >= 0; i--) this.bits.push((code >> i) & 1);
  }
}

/**
 * A raw deflate stream of `1 + 258 * copies` zero bytes in a few bytes plus a quarter byte a copy: one
 * dynamic block whose only symbols are the literal 0, end of block, and "copy 258 bytes from 1 back",
 * each copy two zero bits. As dense as deflate gets (about 1,032 : 1): 2.7 MB expand to 2.75 GB.
 */
export function deflatedZeros(copies: number): Uint8Array {
  const out = new BitWriter();
  out.value(1, 1); // last block
  out.value(2, 2); // dynamic Huffman codes
  out.value(286 - 257, 5); // literal/length codes up to 285 (length 258)
  out.value(0, 5); // one distance code
  out.value(18 - 4, 4); // code length codes, in deflate's order, up to the one for length 1
  const order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1];
  const codeLengthBits: Record<number, number> = { 18: 1, 1: 2, 2: 2 };
  for (const symbol of order) out.value(codeLengthBits[symbol] ?? 0, 3);
  // Canonical codes of the code length alphabet: 18 -> 0, 1 -> 10, 2 -> 11.
  const lengthCode: Record<number, readonly [number, number]> = { 18: [0, 1], 1: [2, 2], 2: [3, 2] };
  const zeros = (count: number) => {
    for (let left = count; left > 0; left -= Math.min(138, left)) {
      out.code(lengthCode[18]!);
      out.value(Math.min(138, left) - 11, 7);
    }
  };
  // Literal 0 and end of block (256) two bits long, length 258 (285) one bit; distance 1 one bit.
  out.code(lengthCode[2]!);
  zeros(255);
  out.code(lengthCode[2]!);
  zeros(28);
  out.code(lengthCode[1]!);
  out.code(lengthCode[1]!);
  out.code([0b10, 2]); // the literal 0; the copies that follow are all zero bits
  const head = out.bits.length;
  const endOfBlock = head + copies * 2;
  const bytes = new Uint8Array(Math.ceil((endOfBlock + 2) / 8));
  out.bits.forEach((bit, i) => {
    if (bit) bytes[i >> 3]! |= 1 << (i & 7);
  });
  for (const i of [endOfBlock, endOfBlock + 1]) bytes[i >> 3]! |= 1 << (i & 7);
  return bytes;
}

/** The zeros `deflatedZeros(copies)` expands to. */
export const zerosExpandTo = (copies: number) => 1 + 258 * copies;

export interface ForgedEntry {
  name: string;
  /** The entry's bytes as stored: compressed when `method` is 8. */
  stored: Uint8Array;
  method: 0 | 8;
  /** The uncompressed size the central directory declares. */
  size: number;
  /** The size the local header declares; the central directory's when left out. */
  localSize?: number;
  crc: number;
  /** General purpose flags, in both headers (bit 0: encrypted). */
  flags?: number;
}

/** An honest entry: `data` deflated (fflate's raw deflate) or stored, with its real size and CRC. */
export function honestEntry(name: string, data: Uint8Array, deflate: (data: Uint8Array) => Uint8Array): ForgedEntry {
  return { name, stored: deflate(data), method: 8, size: data.length, crc: crc32(data) };
}

/** A ZIP archive of the entries exactly as given: local headers, data, central directory, end record. */
export function zipOf(entries: readonly ForgedEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const local = new Uint8Array(30 + name.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true);
    l.setUint16(6, entry.flags ?? 0, true);
    l.setUint16(8, entry.method, true);
    l.setUint32(14, entry.crc, true);
    l.setUint32(18, entry.stored.length, true);
    l.setUint32(22, entry.localSize ?? entry.size, true);
    l.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const c = new DataView(central.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, entry.flags ?? 0, true);
    c.setUint16(10, entry.method, true);
    c.setUint32(16, entry.crc, true);
    c.setUint32(20, entry.stored.length, true);
    c.setUint32(24, entry.size, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, offset, true);
    central.set(name, 46);
    parts.push(local, entry.stored);
    directory.push(central);
    offset += local.length + entry.stored.length;
  }
  const directorySize = directory.reduce((sum, part) => sum + part.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, entries.length, true);
  e.setUint16(10, entries.length, true);
  e.setUint32(12, directorySize, true);
  e.setUint32(16, offset, true);
  const all = [...parts, ...directory, end];
  const zip = new Uint8Array(all.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of all) {
    zip.set(part, at);
    at += part.length;
  }
  return zip;
}

/**
 * The archive of the trust review: Overview.csv, 2.7 MB of deflate that expands to 2.75 GB of zeros,
 * declaring 1,000 bytes in both headers (`copies` makes it smaller).
 */
export function zipBomb(copies = 10_660_000, declared = 1000): Uint8Array {
  return zipOf([{ name: 'Overview.csv', stored: deflatedZeros(copies), method: 8, size: declared, crc: 0 }]);
}
