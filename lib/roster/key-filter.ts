// A Bloom filter over a Map's keys: most names a page asks about belong to nobody on the roster, and
// the filter says "certainly not" for nearly all of them from a small typed array that stays in the
// CPU's cache, before the Map is read. A Map of 100,000 handles is several MB of hash table and key
// strings, so each read of a name that is not there costs cache misses: in the service worker, 1,000
// fresh names (a third of them subscribers) took 0.19 ms against a 100,000-entry Map, and 0.08 ms
// with this filter in front (bench). "Maybe" is sometimes wrong (about 1.5% at 10 bits a key, 3 probes);
// the Map then answers. "No" is never wrong.

const BITS_PER_KEY = 10;
const PROBES = 3;

/** FNV-1a over the string's UTF-16 code units. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class KeyFilter {
  private constructor(
    private readonly bits: Uint32Array,
    private readonly mask: number,
  ) {}

  static of(keys: Iterable<string>, count: number): KeyFilter {
    // A power of two of bits, at least 32, so a bit's position is a mask away.
    let size = 32;
    while (size < count * BITS_PER_KEY) size *= 2;
    const filter = new KeyFilter(new Uint32Array(size >>> 5), size - 1);
    for (const key of keys) filter.add(key);
    return filter;
  }

  private add(key: string): void {
    const h = hash(key);
    // Double hashing: the second hash is the first rotated, odd so that the probes differ.
    const step = ((h >>> 16) | (h << 16)) | 1;
    for (let k = 0; k < PROBES; k++) {
      const bit = (h + Math.imul(k, step)) & this.mask;
      this.bits[bit >>> 5]! |= 1 << (bit & 31);
    }
  }

  /** False: the key is certainly not among those the filter was made of. */
  mightHave(key: string): boolean {
    const h = hash(key);
    const step = ((h >>> 16) | (h << 16)) | 1;
    for (let k = 0; k < PROBES; k++) {
      const bit = (h + Math.imul(k, step)) & this.mask;
      if ((this.bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}
