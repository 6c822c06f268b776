// The creator's signing key (ECDSA P-256, WebCrypto only), its fingerprint, and signing a pack.
import { fromZod, type Problem } from '../domain/problems';
import { canonicalJson, toBase64url, utf8, utf8Size } from './canonical';
import { packMessage } from './messages';
import { formatMegabytes } from '../i18n';
import {
  MAX_PACK_BYTES,
  PACK_FORMAT,
  PACK_VERSION,
  crossRecordProblems,
  packContentSchema,
  signingBytes,
  type BadgePack,
  type PackContentInput,
  type PublicJwk,
} from './pack';

export const ECDSA_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
export const SIGNATURE_ALGORITHM = { name: 'ECDSA', hash: 'SHA-256' } as const;

export interface SigningKey {
  /**
   * Kept in IndexedDB as a CryptoKey. Extractable, so that the creator can back it up encrypted under a
   * passphrase (key-backup.ts); keys made before backups existed are not, and cannot be backed up.
   */
  privateKey: CryptoKey;
  publicJwk: PublicJwk;
}

/** Only the members that define the key, in a fixed shape (no key_ops, ext, alg or d). */
export function publicJwkOf(jwk: JsonWebKey): PublicJwk {
  return { kty: 'EC', crv: 'P-256', x: jwk.x ?? '', y: jwk.y ?? '' };
}

/** The key pair the extension creates once and keeps; its private half can be exported for a backup. */
export async function createSigningKey(): Promise<SigningKey> {
  const pair = await crypto.subtle.generateKey(ECDSA_P256, true, ['sign', 'verify']);
  // A public key stays exportable whatever `extractable` says.
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return { privateKey: pair.privateKey, publicJwk: publicJwkOf(jwk) };
}

/** The public key as WebCrypto uses it; rejects (DataError) a point that is not on P-256. */
export function importPublicKey(publicJwk: PublicJwk): Promise<CryptoKey> {
  return crypto.subtle.importKey('jwk', publicJwkOf(publicJwk), ECDSA_P256, true, ['verify']);
}

/**
 * A short text people compare to tell keys apart: the first 16 bytes of the key's RFC 7638 thumbprint
 * (SHA-256 of the canonical JSON of {crv, kty, x, y}) as eight groups of four hex digits,
 * "3f2a 9c01 …". Also the key under which imported packs are kept.
 */
export async function fingerprint(publicJwk: PublicJwk): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(canonicalJson(publicJwkOf(publicJwk)))));
  const hex = [...digest.subarray(0, 16)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return hex.match(/.{4}/g)!.join(' ');
}

export type SignResult = { ok: true; pack: BadgePack } | { ok: false; problems: Problem[] };

/**
 * Checks the content, signs it and checks the signature with `publicJwk`, so a key pair that does not
 * belong together, or a pack a reader would refuse, is never handed out.
 */
export async function signPack(content: PackContentInput, privateKey: CryptoKey, publicJwk: PublicJwk): Promise<SignResult> {
  const parsed = packContentSchema.safeParse(content);
  if (!parsed.success) return { ok: false, problems: fromZod(parsed.error) };
  const crossProblems = crossRecordProblems(parsed.data);
  if (crossProblems.length) return { ok: false, problems: crossProblems };
  // Through JSON and back: what is signed is exactly what a reader will parse (no undefined members).
  const unsigned = JSON.parse(
    JSON.stringify({ format: PACK_FORMAT, version: PACK_VERSION, ...parsed.data, publicKey: publicJwkOf(publicJwk) }),
  ) as Record<string, unknown>;
  const bytes = signingBytes(unsigned);
  if (!bytes.ok) return { ok: false, problems: [bytes.problem] };
  const signature = new Uint8Array(await crypto.subtle.sign(SIGNATURE_ALGORITHM, privateKey, bytes.bytes));
  const verified = await crypto.subtle.verify(SIGNATURE_ALGORITHM, await importPublicKey(publicJwk), signature, bytes.bytes);
  if (!verified) return { ok: false, problems: [{ path: [], message: packMessage('pack.err.keyMismatch') }] };
  const pack = { ...unsigned, signature: toBase64url(signature) } as BadgePack;
  const size = utf8Size(serializePack(pack), MAX_PACK_BYTES);
  if (size > MAX_PACK_BYTES) {
    return {
      ok: false,
      problems: [{ path: ['subscribers'], message: packMessage('pack.err.wouldBeTooLarge', { size: formatMegabytes(size), max: formatMegabytes(MAX_PACK_BYTES) }) }],
    };
  }
  return { ok: true, pack };
}

/** The file's text: compact JSON (a pack is read by programs; size matters at 100,000 subscribers). */
export function serializePack(pack: BadgePack): string {
  return `${JSON.stringify(pack)}\n`;
}
