// The signing key's backup file: the private key encrypted under a passphrase the creator chooses
// (PBKDF2-SHA-256, then AES-256-GCM; WebCrypto only), in one versioned JSON document whose readable
// part (format, public key, fingerprint, parameters) is authenticated with it. Format and the reasons
// behind it: docs/badge-pack-format.md, "Backing up the signing key".
import * as z from 'zod/mini';
import { isRecord } from '../domain/is-record';
import { fromZod, formatPath, type Problem, type Result } from '../domain/problems';
import { locale, t, type AreaKey, type MessageParams } from '../i18n';
import { canonicalJson, fromBase64url, toBase64url, utf8, utf8Size } from './canonical';
import { ECDSA_P256, SIGNATURE_ALGORITHM, fingerprint, importPublicKey, publicJwkOf } from './keys';
import { publicJwkSchema, type PublicJwk } from './pack';

export type KeyMessageKey = AreaKey<'keys'>;
export const keyMessage = (key: KeyMessageKey, params?: MessageParams): string => t(key, params);

export const KEY_BACKUP_FORMAT = 'tierkit-signing-key';
export const KEY_BACKUP_VERSION = 1;
/** OWASP's figure for PBKDF2-HMAC-SHA256 (2023): about half a second in a browser, once per backup or restore. */
export const PBKDF2_ITERATIONS = 600_000;
/** What a reader accepts: never weaker than this, and never so many that a file could hang the background. */
const MIN_ITERATIONS = 100_000;
const MAX_ITERATIONS = 10_000_000;
/** A key backup is under 1 KB; anything much larger is some other file. */
export const MAX_KEY_BACKUP_BYTES = 16 * 1024;
/** Counted in characters as people see them (code points). */
export const MIN_PASSPHRASE_LENGTH = 10;

/** The key as the extension keeps it, with what a backup carries besides the private key. */
export interface KeyMaterial {
  privateKey: CryptoKey;
  publicJwk: PublicJwk;
  fingerprint: string;
  /** When the key was made (ms since 1970): kept through a backup and restore. */
  createdAt: number;
}

const base64urlBytes = (bytes: number) =>
  z.string().check(z.refine((text) => fromBase64url(text)?.length === bytes, { error: () => keyMessage('key.err.bytes', { bytes }) }));

const FINGERPRINT = /^[0-9a-f]{4}( [0-9a-f]{4}){7}$/;

const headerShape = {
  format: z.literal(KEY_BACKUP_FORMAT),
  version: z.literal(KEY_BACKUP_VERSION),
  fingerprint: z.string().check(z.regex(FINGERPRINT)),
  publicKey: publicJwkSchema,
  createdAt: z.iso.datetime({ precision: 3 }),
  kdf: z.strictObject({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.int().check(z.gte(MIN_ITERATIONS), z.lte(MAX_ITERATIONS)),
    salt: base64urlBytes(16),
  }),
  cipher: z.strictObject({ name: z.literal('AES-GCM'), iv: base64urlBytes(12) }),
};

/** The file. Every object is closed: a member not listed is refused, as in a badge pack. */
export const keyBackupSchema = z.strictObject({
  ...headerShape,
  /** AES-GCM's output (the private key's JSON, then the 16-byte tag), base64url. */
  encryptedKey: z.string().check(
    z.refine((text) => (fromBase64url(text)?.length ?? 0) > 16, { error: () => keyMessage('key.err.encoding') }),
  ),
});
export type KeyBackup = z.infer<typeof keyBackupSchema>;

/** What is encrypted: the private scalar of the key, the one secret the public key does not hold. */
const secretSchema = z.strictObject({ d: base64urlBytes(32) });

export type KeyBackupRefusal = 'too-large' | 'not-json' | 'foreign-format' | 'too-new' | 'invalid' | 'wrong-passphrase' | 'bad-key';
export type ReadKeyResult = { ok: true; key: KeyMaterial } | { ok: false; reason: KeyBackupRefusal; problems: Problem[] };

const refuse = (reason: KeyBackupRefusal, message: string, path: Problem['path'] = []): ReadKeyResult => ({
  ok: false,
  reason,
  problems: [{ path, message }],
});

/** The key that encrypts the secret, from the passphrase as typed (NFC, so every keyboard spells it alike). */
async function passphraseKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', utf8(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
}

/** The authenticated part of the file: everything but the ciphertext, as canonical JSON (RFC 8785). */
const associatedData = (header: Omit<KeyBackup, 'encryptedKey'>): Uint8Array<ArrayBuffer> => utf8(canonicalJson(header));

export function passphraseProblem(passphrase: string): string | null {
  return [...passphrase].length < MIN_PASSPHRASE_LENGTH ? keyMessage('key.err.passphraseTooShort', { min: MIN_PASSPHRASE_LENGTH }) : null;
}

/** The backup file's text; refused when the key cannot be read out (made non-extractable) or the passphrase is short. */
export async function encryptSigningKey(key: KeyMaterial, passphrase: string): Promise<Result<string>> {
  const short = passphraseProblem(passphrase);
  if (short) return { ok: false, problems: [{ path: ['passphrase'], message: short }] };
  if (!key.privateKey.extractable) return { ok: false, problems: [{ path: [], message: keyMessage('key.err.notExtractable') }] };
  const jwk = await crypto.subtle.exportKey('jwk', key.privateKey);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const header: Omit<KeyBackup, 'encryptedKey'> = {
    format: KEY_BACKUP_FORMAT,
    version: KEY_BACKUP_VERSION,
    fingerprint: key.fingerprint,
    publicKey: publicJwkOf(key.publicJwk),
    createdAt: new Date(key.createdAt).toISOString(),
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS, salt: toBase64url(salt) },
    cipher: { name: 'AES-GCM', iv: toBase64url(iv) },
  };
  const secret = utf8(JSON.stringify({ d: jwk.d }));
  const encrypted = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: associatedData(header) },
    await passphraseKey(passphrase, salt, PBKDF2_ITERATIONS),
    secret,
  );
  const file: KeyBackup = { ...header, encryptedKey: toBase64url(new Uint8Array(encrypted)) };
  return { ok: true, value: `${JSON.stringify(file, null, 2)}\n` };
}

/** "tierkit-signing-key-3708221b-2026-12-02.json": whose key (its fingerprint's start), and when saved. */
export function keyBackupFileName(fingerprintText: string, now: Date): string {
  return `tierkit-signing-key-${fingerprintText.replace(/ /g, '').slice(0, 8)}-${now.toISOString().slice(0, 10)}.json`;
}

function damaged(detail: string, path: Problem['path'] = []): ReadKeyResult {
  return refuse('invalid', keyMessage('key.err.damaged', { detail }), path);
}

function sizeText(bytes: number): string {
  return `${new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(bytes / 1024)} KB`;
}

/**
 * Size → JSON → format and version → schema → fingerprint → passphrase (decryption, which also checks
 * that nothing readable was changed) → the secret → the key pair. Nothing is written here: the caller
 * stores the key only after the creator confirmed.
 */
export async function decryptSigningKey(text: string, passphrase: string): Promise<ReadKeyResult> {
  const size = utf8Size(text, MAX_KEY_BACKUP_BYTES);
  if (size > MAX_KEY_BACKUP_BYTES) return refuse('too-large', keyMessage('key.err.tooLarge', { size: sizeText(size), max: sizeText(MAX_KEY_BACKUP_BYTES) }));
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return refuse('not-json', keyMessage('key.err.notJson', { detail: (error as Error).message }));
  }
  if (!isRecord(document) || document.format !== KEY_BACKUP_FORMAT) {
    const format = isRecord(document) ? document.format : undefined;
    const message = format === 'tierkit-badge-pack' ? 'key.err.isPack' : format === 'tierkit-backup' ? 'key.err.isBackup' : 'key.err.notAKeyBackup';
    return refuse('foreign-format', keyMessage(message), ['format']);
  }
  if (typeof document.version === 'number' && document.version > KEY_BACKUP_VERSION) {
    return refuse('too-new', keyMessage('key.err.tooNew', { version: document.version, supported: KEY_BACKUP_VERSION }), ['version']);
  }
  const parsed = keyBackupSchema.safeParse(document);
  if (!parsed.success) {
    const [first] = fromZod(parsed.error);
    const where = first?.path.length ? `${formatPath(first.path)}: ` : '';
    return damaged(`${where}${first?.message ?? ''}`, first?.path ?? []);
  }
  const { encryptedKey, ...header } = parsed.data;
  const publicJwk = publicJwkOf(header.publicKey);
  if ((await fingerprint(publicJwk)) !== header.fingerprint) return damaged(keyMessage('key.err.fingerprintMismatch'), ['fingerprint']);

  let secret: unknown;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64url(header.cipher.iv)!, additionalData: associatedData(header) },
      await passphraseKey(passphrase, fromBase64url(header.kdf.salt)!, header.kdf.iterations),
      fromBase64url(encryptedKey)!,
    );
    secret = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
  } catch {
    // AES-GCM cannot tell a wrong passphrase from a changed file: either way the tag does not match.
    return refuse('wrong-passphrase', keyMessage('key.err.wrongPassphrase'), ['passphrase']);
  }
  const d = secretSchema.safeParse(secret);
  if (!d.success) return refuse('bad-key', keyMessage('key.err.damaged', { detail: keyMessage('key.err.keyMismatch') }));

  let privateKey: CryptoKey;
  try {
    // Extractable, like every key Tierkit makes now, so that it can be backed up again.
    privateKey = await crypto.subtle.importKey('jwk', { ...publicJwk, d: d.data.d }, ECDSA_P256, true, ['sign']);
    const probe = utf8(KEY_BACKUP_FORMAT);
    const signature = await crypto.subtle.sign(SIGNATURE_ALGORITHM, privateKey, probe);
    if (!(await crypto.subtle.verify(SIGNATURE_ALGORITHM, await importPublicKey(publicJwk), signature, probe))) throw new Error('mismatch');
  } catch {
    return refuse('bad-key', keyMessage('key.err.damaged', { detail: keyMessage('key.err.keyMismatch') }));
  }
  return { ok: true, key: { privateKey, publicJwk, fingerprint: header.fingerprint, createdAt: Date.parse(header.createdAt) } };
}
