// The version of a record as an editor loaded it, which its save carries so the background can tell
// whether the stored record is still that one. Pages and the background compute it alike.

/** A record's `updatedAt`, or a fingerprint of the content of one that keeps none (perks, settings, lists). */
export type Version = number | string;

/** JSON with object keys in sorted order, undefined members left out as JSON leaves them. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A 53-bit hash of the text (cyrb53), in base 36: short to send, and two contents share one by chance only. */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * The version of a record (or of a list saved whole): its `updatedAt` where it keeps one (tiers, the
 * profile, subscribers), else a fingerprint of its content, which changes whenever a field does and
 * needs no stored field. A list's entries count in any order: its table gives them back in key order,
 * not in the order they were saved. Undefined for no record.
 */
export function versionOf(record: object): Version;
export function versionOf(record: object | null | undefined): Version | undefined;
export function versionOf(record: object | null | undefined): Version | undefined {
  if (record === null || record === undefined) return undefined;
  if (Array.isArray(record)) return hash(record.map(canonical).sort().join('\n'));
  const updatedAt = (record as { updatedAt?: unknown }).updatedAt;
  return typeof updatedAt === 'number' ? updatedAt : hash(canonical(record));
}
