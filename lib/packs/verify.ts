// Reading an imported badge pack: every check a file from anyone must pass before its badges are shown.
import { fromZod, type Problem } from '../domain/problems';
import { fromBase64url, utf8Size } from './canonical';
import { SIGNATURE_ALGORITHM, fingerprint, importPublicKey } from './keys';
import { packMessage } from './messages';
import { formatMegabytes } from '../i18n';
import {
  MAX_PACK_BYTES,
  PACK_FORMAT,
  PACK_VERSION,
  badgePackSchema,
  capProblems,
  crossRecordProblems,
  signingBytes,
  type BadgePack,
} from './pack';

/** Why a pack was refused, for code that must tell cases apart; `problems` says it to people. */
export type PackRefusal =
  | 'too-large'
  | 'not-json'
  | 'foreign-format'
  | 'too-new'
  | 'invalid'
  | 'bad-key'
  | 'bad-signature-encoding'
  | 'tampered';

export interface VerifiedPack {
  pack: BadgePack;
  /** The signing key's fingerprint (keys.ts): who made the pack, as far as anyone can tell. */
  fingerprint: string;
}
export type VerifyResult = ({ ok: true } & VerifiedPack) | { ok: false; reason: PackRefusal; problems: Problem[] };

const refuse = (reason: PackRefusal, message: string, path: Problem['path'] = []): VerifyResult => ({
  ok: false,
  reason,
  problems: [{ path, message }],
});

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Size → JSON → format and version → schema and cross-record rules → signature against the embedded
 * key. Steps and messages: docs/badge-pack-format.md, "Verifying a pack".
 */
export async function verifyPack(text: string): Promise<VerifyResult> {
  const size = utf8Size(text, MAX_PACK_BYTES);
  if (size > MAX_PACK_BYTES) {
    return refuse('too-large', packMessage('pack.err.tooLarge', { size: formatMegabytes(size), max: formatMegabytes(MAX_PACK_BYTES) }));
  }
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return refuse('not-json', packMessage('pack.err.notJson', { detail: (error as Error).message }));
  }
  if (!isRecord(document) || document.format !== PACK_FORMAT) {
    const backup = isRecord(document) && document.format === 'tierkit-backup';
    return refuse('foreign-format', packMessage(backup ? 'pack.err.isBackup' : 'pack.err.notAPack'), ['format']);
  }
  if (typeof document.version === 'number' && document.version > PACK_VERSION) {
    return refuse('too-new', packMessage('pack.err.tooNew', { version: document.version, supported: PACK_VERSION }), ['version']);
  }
  if (isRecord(document.publicKey) && 'd' in document.publicKey) {
    return refuse('bad-key', packMessage('pack.err.privateKey'), ['publicKey', 'd']);
  }

  const parsed = badgePackSchema.safeParse(document);
  if (!parsed.success) {
    const problems = capProblems(fromZod(parsed.error));
    const inKey = problems.some((p) => p.path[0] === 'publicKey');
    const inSignature = problems.some((p) => p.path[0] === 'signature');
    return { ok: false, reason: inKey ? 'bad-key' : inSignature ? 'bad-signature-encoding' : 'invalid', problems };
  }
  const pack = parsed.data as BadgePack;
  const crossProblems = crossRecordProblems(pack);
  if (crossProblems.length) return { ok: false, reason: 'invalid', problems: crossProblems };

  let key: CryptoKey;
  try {
    key = await importPublicKey(pack.publicKey);
  } catch {
    return refuse('bad-key', packMessage('pack.err.keyNotOnCurve'), ['publicKey']);
  }
  const bytes = signingBytes(document);
  if (!bytes.ok) return { ok: false, reason: 'invalid', problems: [bytes.problem] };
  // The schema has checked the encoding, so the signature decodes.
  const signature = fromBase64url(pack.signature)!;
  if (!(await crypto.subtle.verify(SIGNATURE_ALGORITHM, key, signature, bytes.bytes))) {
    return refuse('tampered', packMessage('pack.err.tampered'), ['signature']);
  }
  return { ok: true, pack, fingerprint: await fingerprint(pack.publicKey) };
}
