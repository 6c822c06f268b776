// The byte-exact encodings a signature depends on: canonical JSON (RFC 8785, the JSON Canonicalization
// Scheme, for the values a pack can hold) and base64url. Described in docs/badge-pack-format.md.
import type { PathSegment } from '../domain/problems';

/** A JSON value that cannot be written canonically, and where it is. */
export class CanonicalJsonError extends Error {
  constructor(
    readonly path: PathSegment[],
    readonly kind: 'unpaired-surrogate' | 'not-json',
  ) {
    super(`${kind} at ${path.join('.')}`);
  }
}

// In a `u` regular expression \p{Cs} matches only a surrogate that is not part of a pair.
const UNPAIRED_SURROGATE = /\p{Cs}/u;

/**
 * RFC 8785 canonical JSON: object members sorted by key (UTF-16 code units, which is what
 * Array.prototype.sort compares), no whitespace, arrays in order, strings and numbers written as
 * ECMAScript's JSON.stringify writes them. Text with an unpaired surrogate is refused, because RFC 8785
 * requires well-formed Unicode and UTF-8 cannot carry it.
 */
export function canonicalJson(value: unknown, path: PathSegment[] = []): string {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new CanonicalJsonError(path, 'not-json');
    return JSON.stringify(value);
  }
  if (typeof value === 'string') {
    if (UNPAIRED_SURROGATE.test(value)) throw new CanonicalJsonError(path, 'unpaired-surrogate');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item, index) => canonicalJson(item, [...path, index])).join(',')}]`;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .sort()
      .map((key) => {
        if (UNPAIRED_SURROGATE.test(key)) throw new CanonicalJsonError([...path, key], 'unpaired-surrogate');
        return `${JSON.stringify(key)}:${canonicalJson(record[key], [...path, key])}`;
      });
    return `{${members.join(',')}}`;
  }
  throw new CanonicalJsonError(path, 'not-json');
}

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

/**
 * The UTF-8 size of a text. A text of more code units than `limit` is over it whatever it holds (a
 * code unit is at least one byte), so its length is returned without encoding it.
 */
export function utf8Size(text: string, limit: number): number {
  return text.length > limit ? text.length : utf8(text).length;
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function toBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Strict base64url without padding: only the URL-safe alphabet, and only the one spelling of the bytes
 * (unused trailing bits zero), so a value has exactly one accepted text. Null when it is not that.
 */
export function fromBase64url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return toBase64url(bytes) === text ? bytes : null;
}
