// The creator's pack-signing key in the database: made on first use, read back validated, backed up
// encrypted under a passphrase, restored from such a backup, or replaced by a new one. Pure functions
// of a TierkitDb; the background calls them.
import * as z from 'zod/mini';
import type { Result } from '../domain/problems';
import type { KeyInfo, KeyRestoreAnswer } from '../protocol/key-answers';
import { decryptSigningKey, encryptSigningKey, keyBackupFileName, keyMessage, type KeyMaterial } from '../packs/key-backup';
import { createSigningKey, fingerprint } from '../packs/keys';
import { packMessage } from '../packs/messages';
import { publicJwkSchema } from '../packs/pack';
import type { StoredKey, TierkitDb } from './db';
import { firstIssue } from './valid-rows';

export const SIGNING_KEY_ID = 'signing';

const storedKeySchema = z.object({
  id: z.literal(SIGNING_KEY_ID),
  // A CryptoKey survives IndexedDB's structured clone as a CryptoKey; anything else cannot sign.
  privateKey: z.custom<CryptoKey>((key) => key instanceof CryptoKey && key.type === 'private' && key.usages.includes('sign')),
  publicJwk: publicJwkSchema,
  fingerprint: z.string(),
  createdAt: z.int(),
});

/** The creator's signing key as stored; null when there is none yet. */
export function parseSigningKey(row: unknown): Result<StoredKey | null> {
  if (row === undefined) return { ok: true, value: null };
  const parsed = storedKeySchema.safeParse(row);
  if (parsed.success) return { ok: true, value: parsed.data as StoredKey };
  return { ok: false, problems: [{ path: [], message: packMessage('pack.export.keyUnreadable', { detail: firstIssue(parsed.error) }) }] };
}

export async function readSigningKey(db: TierkitDb): Promise<Result<StoredKey | null>> {
  return parseSigningKey(await db.keys.get(SIGNING_KEY_ID));
}

export const keyInfo = (key: KeyMaterial): KeyInfo => ({
  fingerprint: key.fingerprint,
  createdAt: key.createdAt,
  backupable: key.privateKey.extractable,
});

async function newKey(now: number): Promise<StoredKey> {
  const { privateKey, publicJwk } = await createSigningKey();
  return { id: SIGNING_KEY_ID, privateKey, publicJwk, fingerprint: await fingerprint(publicJwk), createdAt: now };
}

/** The key packs are signed with, made on first use. */
export async function signingKey(db: TierkitDb, now: number): Promise<Result<StoredKey>> {
  const stored = await readSigningKey(db);
  if (!stored.ok || stored.value) return stored as Result<StoredKey>;
  // Made outside the transaction: IndexedDB commits a transaction that waits on anything else (WebCrypto).
  const created = await newKey(now);
  const kept = await db.transaction('rw', db.keys, async () => {
    // Another export may have made one meanwhile: the first key kept stays the creator's key.
    const existing = await db.keys.get(SIGNING_KEY_ID);
    if (existing) return existing;
    await db.keys.add(created);
    return created;
  });
  return kept === created ? { ok: true, value: created } : (parseSigningKey(kept) as Result<StoredKey>);
}

const problem = (message: string, path: (string | number)[] = []): Result<never> => ({ ok: false, problems: [{ path, message }] });

/** The backup file of the current key, encrypted under `passphrase`. Nothing is stored. */
export async function backupSigningKey(db: TierkitDb, passphrase: string, now: number): Promise<Result<{ fileName: string; text: string }>> {
  const stored = await readSigningKey(db);
  if (!stored.ok) return stored;
  if (!stored.value) return problem(keyMessage('key.err.noKey'));
  const text = await encryptSigningKey(stored.value, passphrase);
  if (!text.ok) return text;
  return { ok: true, value: { fileName: keyBackupFileName(stored.value.fingerprint, new Date(now)), text: text.value } };
}

/**
 * Replaces the key in one transaction, only while the kept key is still the one the creator confirmed
 * replacing (`replaces`, its fingerprint; null: there was none). A kept key that cannot be read counts
 * as none, so a backup can take its place.
 */
async function replaceKey(db: TierkitDb, next: StoredKey, replaces: string | null): Promise<Result<null>> {
  return db.transaction('rw', db.keys, async () => {
    const current = await readSigningKey(db);
    const currentFingerprint = current.ok ? (current.value?.fingerprint ?? null) : null;
    if (currentFingerprint !== replaces) return problem(keyMessage('key.err.changedMeanwhile'));
    await db.keys.put(next);
    return { ok: true, value: null };
  });
}

/**
 * Reads a key backup (decrypting it with `passphrase`) and says what it would change; with `apply`, also
 * stores its key in place of the one whose fingerprint is `replaces`. A backup of the key already kept
 * changes nothing. Refused, nothing is written, and the problem says why (format, damage, passphrase).
 */
export async function restoreSigningKey(
  db: TierkitDb,
  text: string,
  passphrase: string,
  apply: { replaces: string | null } | null,
): Promise<Result<KeyRestoreAnswer>> {
  const read = await decryptSigningKey(text, passphrase);
  if (!read.ok) return { ok: false, problems: read.problems };
  const current = await readSigningKey(db);
  const currentInfo = current.ok && current.value ? keyInfo(current.value) : null;
  const restored = keyInfo(read.key);
  if (!apply || currentInfo?.fingerprint === restored.fingerprint) return { ok: true, value: { current: currentInfo, restored, applied: false } };
  const replaced = await replaceKey(db, { id: SIGNING_KEY_ID, ...read.key }, apply.replaces);
  if (!replaced.ok) return replaced;
  return { ok: true, value: { current: currentInfo, restored, applied: true } };
}

/** A new key in place of the one whose fingerprint is `replaces`: the way off a key that cannot be backed up. */
export async function renewSigningKey(db: TierkitDb, replaces: string, now: number): Promise<Result<KeyInfo>> {
  const created = await newKey(now);
  const replaced = await replaceKey(db, created, replaces);
  return replaced.ok ? { ok: true, value: keyInfo(created) } : replaced;
}
