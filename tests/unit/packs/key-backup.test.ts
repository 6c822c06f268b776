// The signing key's backup file: encrypted under a passphrase, read back only with it, and every other
// file refused with a message that says what it is. Real parameters (600,000 PBKDF2 iterations), so
// each encryption or decryption takes a moment: the file is made once and each test reads it.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '@/lib/domain/backup';
import { emptyWorkspace } from '@/lib/domain/defaults';
import { setLanguage } from '@/lib/i18n';
import { fromBase64url } from '@/lib/packs/canonical';
import {
  KEY_BACKUP_FORMAT,
  MAX_KEY_BACKUP_BYTES,
  MIN_PASSPHRASE_LENGTH,
  PBKDF2_ITERATIONS,
  decryptSigningKey,
  encryptSigningKey,
  keyBackupFileName,
  type KeyMaterial,
} from '@/lib/packs/key-backup';
import { ECDSA_P256, createSigningKey, fingerprint, publicJwkOf } from '@/lib/packs/keys';
import { verifyPack } from '@/lib/packs/verify';
import { edit, signedText } from './fixtures';

const PASSPHRASE = 'correct horse battery staple';
const CREATED_AT = Date.parse('2025-06-01T12:00:00.000Z');

async function material(): Promise<KeyMaterial> {
  const key = await createSigningKey();
  return { ...key, fingerprint: await fingerprint(key.publicJwk), createdAt: CREATED_AT };
}

async function encrypted(key: KeyMaterial, passphrase = PASSPHRASE): Promise<string> {
  const result = await encryptSigningKey(key, passphrase);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

let key: KeyMaterial;
let file: string;
beforeAll(async () => {
  key = await material();
  file = await encrypted(key);
}, 60_000);

/** The refusal of a file, in English. */
async function refusal(text: string, passphrase = PASSPHRASE) {
  const read = await decryptSigningKey(text, passphrase);
  if (read.ok) throw new Error('accepted');
  return { reason: read.reason, message: read.problems.map((p) => p.message).join(' | '), paths: read.problems.map((p) => p.path) };
}

describe('a key backup', { timeout: 60_000 }, () => {
  it('gives back the same key with the passphrase: it signs packs that verify as the original key’s', async () => {
    const read = await decryptSigningKey(file, PASSPHRASE);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.key.fingerprint).toBe(key.fingerprint);
    expect(read.key.publicJwk).toEqual(key.publicJwk);
    expect(read.key.createdAt).toBe(CREATED_AT);
    // It can be backed up again.
    expect(read.key.privateKey.extractable).toBe(true);
    const pack = await verifyPack(await signedText({ privateKey: read.key.privateKey, publicJwk: key.publicJwk }));
    expect(pack.ok && pack.fingerprint).toBe(key.fingerprint);
  });

  it('holds the public key and the parameters in the clear, and no private key', () => {
    const json = JSON.parse(file);
    expect(Object.keys(json).sort()).toEqual(['cipher', 'createdAt', 'encryptedKey', 'fingerprint', 'format', 'kdf', 'publicKey', 'version']);
    expect(json).toMatchObject({
      format: KEY_BACKUP_FORMAT,
      version: 1,
      fingerprint: key.fingerprint,
      publicKey: publicJwkOf(key.publicJwk),
      createdAt: '2025-06-01T12:00:00.000Z',
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS },
      cipher: { name: 'AES-GCM' },
    });
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(fromBase64url(json.kdf.salt)).toHaveLength(16);
    expect(fromBase64url(json.cipher.iv)).toHaveLength(12);
    expect(file).not.toMatch(/"d"/);
    expect(keyBackupFileName(key.fingerprint, new Date('2026-12-02T10:00:00Z'))).toBe(
      `tierkit-signing-key-${key.fingerprint.replace(/ /g, '').slice(0, 8)}-2026-12-02.json`,
    );
  });

  it('is refused with a wrong passphrase, saying so', async () => {
    expect(await refusal(file, 'correct horse battery stapler')).toMatchObject({
      reason: 'wrong-passphrase',
      message: expect.stringMatching(/^The passphrase is wrong, or the file was changed after it was saved\. Nothing was restored/),
      paths: [['passphrase']],
    });
  });

  it('reads a passphrase typed with another keyboard’s Unicode form (NFC)', async () => {
    const composed = 'caf\u00e9 con panna, grazie';
    const text = await encrypted(key, composed);
    const read = await decryptSigningKey(text, composed.normalize('NFD'));
    expect(read.ok && read.key.fingerprint).toBe(key.fingerprint);
  });

  it.each([
    ['the ciphertext', (json: any) => (json.encryptedKey = json.encryptedKey.startsWith('A') ? `B${json.encryptedKey.slice(1)}` : `A${json.encryptedKey.slice(1)}`)],
    ['the creation date', (json: any) => (json.createdAt = '2020-01-01T00:00:00.000Z')],
    ['the iteration count', (json: any) => (json.kdf.iterations = 100_000)],
  ])('is refused when %s was changed (it is authenticated with the key)', async (_, change) => {
    expect((await refusal(edit(file, change))).reason).toBe('wrong-passphrase');
  });

  it('is refused when its public key was swapped for another, even with a fingerprint to match', async () => {
    const other = await material();
    const swapped = edit(file, (json) => {
      json.publicKey = publicJwkOf(other.publicJwk);
      json.fingerprint = other.fingerprint;
    });
    expect((await refusal(swapped)).reason).toBe('wrong-passphrase');
    const mismatched = edit(file, (json) => (json.publicKey = publicJwkOf(other.publicJwk)));
    expect(await refusal(mismatched)).toMatchObject({
      reason: 'invalid',
      message: 'The key backup is damaged (the fingerprint written in the file is not that of its key). Nothing was restored.',
    });
  });

  it.each([
    ['cut short', () => file.slice(0, 200), 'not-json', /^The file is not a complete JSON document/],
    ['a badge pack', async () => signedText(await createSigningKey()), 'foreign-format', /^This file is a badge pack, not a signing-key backup/],
    [
      'a Tierkit data backup',
      () => JSON.stringify(createBackup(emptyWorkspace(), new Date(), '0.1.0')),
      'foreign-format',
      /^This file is a Tierkit data backup, not a signing-key backup/,
    ],
    ['another JSON file', () => '{"name":"package.json"}', 'foreign-format', /^This file is not a Tierkit signing-key backup$/],
    ['a list', () => '[1,2]', 'foreign-format', /^This file is not a Tierkit signing-key backup$/],
    ['from a newer Tierkit', () => edit(file, (json) => (json.version = 2)), 'too-new', /format version 2\); this one reads version 1/],
    ['missing its salt', () => edit(file, (json) => delete json.kdf.salt), 'invalid', /^The key backup is damaged \(kdf › salt: Required\)/],
    ['with a member no version has', () => edit(file, (json) => (json.hint = 'my dog')), 'invalid', /^The key backup is damaged \(Unknown fields: hint\)/],
    ['with a salt of the wrong size', () => edit(file, (json) => (json.kdf.salt = 'AAAA')), 'invalid', /kdf › salt: Expected base64url of 16 bytes/],
    ['asking for a billion iterations', () => edit(file, (json) => (json.kdf.iterations = 1e9)), 'invalid', /kdf › iterations/],
    ['too large', () => `${file}${' '.repeat(MAX_KEY_BACKUP_BYTES)}`, 'too-large', /^The file is 1[67](\.\d)? KB; a signing-key backup is at most 16 KB/],
  ])('is refused when it is %s, saying what it is', async (_, make, reason, message) => {
    const found = await refusal(await make());
    expect(found.reason).toBe(reason);
    expect(found.message).toMatch(message);
  });

  it('says it in Italian too', async () => {
    setLanguage('it');
    expect((await refusal(file, 'sbagliata, del tutto')).message).toMatch(/^La passphrase è sbagliata/);
    expect((await refusal('{}')).message).toBe('Questo file non è un backup della chiave di firma di Tierkit');
  });

  it('is not made of a key that cannot be read out, nor under a short passphrase', async () => {
    const pair = await crypto.subtle.generateKey(ECDSA_P256, false, ['sign', 'verify']);
    const old = { ...key, privateKey: pair.privateKey };
    const refused = await encryptSigningKey(old, PASSPHRASE);
    expect(!refused.ok && refused.problems[0]!.message).toMatch(/^This key was made by an earlier version of Tierkit/);
    const short = await encryptSigningKey(key, 'short pw');
    expect(!short.ok && short.problems).toEqual([{ path: ['passphrase'], message: 'Use a passphrase of at least 10 characters' }]);
  });
});

describe('docs/badge-pack-format.md, “Backing up the signing key”', () => {
  const doc = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../../docs/badge-pack-format.md'), 'utf8');
  const part = doc.slice(doc.indexOf('## Backing up the signing key'), doc.indexOf('## Verifying a pack'));

  it('shows the file with the members Tierkit writes, and the numbers it uses', () => {
    const shown = JSON.parse(part.match(/```json\n([\s\S]*?)\n```/)![1]!);
    const written = JSON.parse(file);
    expect(Object.keys(shown)).toEqual(Object.keys(written));
    expect(Object.keys(shown.kdf)).toEqual(Object.keys(written.kdf));
    expect(Object.keys(shown.cipher)).toEqual(Object.keys(written.cipher));
    expect(shown.kdf.iterations).toBe(PBKDF2_ITERATIONS);
    const text = part.replace(/\s+/g, ' ');
    expect(text).toContain(`Tierkit writes ${PBKDF2_ITERATIONS.toLocaleString('en-US')} iterations`);
    expect(text).toContain(`at least ${MIN_PASSPHRASE_LENGTH} characters`);
    expect(text).toContain(`at most ${MAX_KEY_BACKUP_BYTES / 1024} KB`);
  });
});
