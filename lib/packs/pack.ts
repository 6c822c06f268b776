// The badge pack: what a creator shares so that fans and moderators see subscribers' badges. One signed,
// versioned JSON document; format, canonical bytes and signature: docs/badge-pack-format.md.
import * as z from 'zod/mini';
import type { Problem } from '../domain/problems';
import { badgeSchema, handleSchema, idSchema, tenureStepsSchema } from '../domain/schema';
import { line } from '../domain/text';
import { daySchema } from '../eligibility/dates';
import { nicknameSchema } from '../roster/schema';
import { CanonicalJsonError, canonicalJson, fromBase64url, utf8 } from './canonical';
import { packMessage } from './messages';

export const PACK_FORMAT = 'tierkit-badge-pack';
export const PACK_VERSION = 1;
export const MAX_PACK_SUBSCRIBERS = 100_000;
/** As many as a workspace may hold, so that any creator's tiers fit. */
export const MAX_PACK_TIERS = 100;
/**
 * 100,000 subscribers with long usernames, nicknames and tier ids come to about 25 MB; a real roster
 * of that size to about 12 MB. Refused before it is parsed.
 */
export const MAX_PACK_BYTES = 32 * 1024 * 1024;
/** A file that lists more problems is wrong throughout; the rest are counted, not listed. */
export const MAX_LISTED_PROBLEMS = 50;

const BASE64URL_32_BYTES = /^[A-Za-z0-9_-]{43}$/;
const BASE64URL_64_BYTES = /^[A-Za-z0-9_-]{86}$/;

const coordinateSchema = z.string().check(
  z.refine((s) => BASE64URL_32_BYTES.test(s) && fromBase64url(s) !== null, {
    error: () => packMessage('pack.err.keyCoordinate'),
  }),
);

/** An ECDSA P-256 public key as a JWK with only the members that define it (RFC 7518 §6.2.1). */
export const publicJwkSchema = z.strictObject({
  kty: z.string().check(
    z.refine((kty) => kty === 'EC', { error: (iss) => packMessage('pack.err.keyType', { type: String(iss.input) }) }),
  ),
  crv: z.string().check(
    z.refine((crv) => crv === 'P-256', { error: (iss) => packMessage('pack.err.keyCurve', { curve: String(iss.input) }) }),
  ),
  x: coordinateSchema,
  y: coordinateSchema,
});
export type PublicJwk = { kty: 'EC'; crv: 'P-256'; x: string; y: string };

/** base64url (no padding) of the 64-byte IEEE P1363 signature r‖s that WebCrypto's ECDSA produces. */
export const signatureSchema = z.string().check(
  z.refine((s) => BASE64URL_64_BYTES.test(s) && fromBase64url(s) !== null, {
    error: () => packMessage('pack.err.signatureEncoding'),
  }),
);

export const packCreatorSchema = z.strictObject({ handle: handleSchema, displayName: line(1, 30) });

/** A tier as a badge needs it: no price, perks or description, which are the creator's business. */
export const packTierSchema = z.strictObject({
  id: idSchema,
  name: line(1, 30),
  badge: z.strictObject(badgeSchema.shape),
  tenureSteps: tenureStepsSchema,
});
export type PackTier = z.infer<typeof packTierSchema>;

/**
 * A subscriber as the public may see them: no note, status, source, or months override (see
 * docs/badge-pack-format.md, "What a pack never holds").
 */
export const packSubscriberSchema = z
  .strictObject({
    handle: z.optional(handleSchema),
    nickname: z.optional(nicknameSchema),
    tierId: idSchema,
    /** 'YYYY-MM-DD'; the viewer counts the tenure months from it. */
    since: daySchema,
  })
  .check(
    z.refine((s) => s.handle !== undefined || s.nickname !== undefined, {
      error: () => packMessage('pack.err.handleOrNickname'),
      path: ['handle'],
      when: (payload) => typeof payload.value === 'object' && payload.value !== null,
    }),
  );
export type PackSubscriber = z.infer<typeof packSubscriberSchema>;

/** What the creator's data puts in a pack; signPack adds the rest. */
export const packContentSchema = z.strictObject({
  creator: packCreatorSchema,
  /** When the pack was made, UTC with milliseconds as Date.prototype.toISOString writes it. */
  issuedAt: z.iso.datetime({ precision: 3 }),
  tiers: z.array(packTierSchema).check(z.minLength(1), z.maxLength(MAX_PACK_TIERS)),
  subscribers: z.array(packSubscriberSchema).check(z.maxLength(MAX_PACK_SUBSCRIBERS)),
});
export type PackContent = z.infer<typeof packContentSchema>;
export type PackContentInput = z.input<typeof packContentSchema>;

export const badgePackSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  version: z.literal(PACK_VERSION),
  ...packContentSchema.shape,
  publicKey: publicJwkSchema,
  signature: signatureSchema,
});
export type BadgePack = z.infer<typeof badgePackSchema> & { publicKey: PublicJwk };
export type UnsignedPack = Omit<BadgePack, 'signature'>;

/**
 * What a schema cannot see in one record: tier ids unique, each subscriber's tier in the pack, each
 * username at most once. At most MAX_LISTED_PROBLEMS are listed.
 */
export function crossRecordProblems(content: Pick<PackContent, 'tiers' | 'subscribers'>): Problem[] {
  const problems: Problem[] = [];
  const tierIndex = new Map<string, number>();
  content.tiers.forEach((tier, index) => {
    const other = tierIndex.get(tier.id);
    if (other === undefined) tierIndex.set(tier.id, index);
    else problems.push({ path: ['tiers', index, 'id'], message: packMessage('pack.err.duplicateTier', { other: other + 1 }) });
  });
  const handleIndex = new Map<string, number>();
  content.subscribers.forEach((subscriber, index) => {
    if (!tierIndex.has(subscriber.tierId)) {
      problems.push({
        path: ['subscribers', index, 'tierId'],
        message: packMessage('pack.err.unknownTier', { id: subscriber.tierId }),
      });
    }
    if (subscriber.handle === undefined) return;
    const other = handleIndex.get(subscriber.handle);
    if (other === undefined) handleIndex.set(subscriber.handle, index);
    else {
      problems.push({
        path: ['subscribers', index, 'handle'],
        message: packMessage('pack.err.duplicateHandle', { other: other + 1 }),
      });
    }
  });
  return capProblems(problems);
}

export function capProblems(problems: Problem[]): Problem[] {
  if (problems.length <= MAX_LISTED_PROBLEMS) return problems;
  return [
    ...problems.slice(0, MAX_LISTED_PROBLEMS),
    { path: [], message: packMessage('pack.err.moreProblems', { count: problems.length - MAX_LISTED_PROBLEMS }) },
  ];
}

/**
 * The bytes the signature covers: UTF-8 of the canonical JSON (RFC 8785) of the whole document except
 * its `signature` member. `document` is the JSON value as parsed from the file, not a schema's output,
 * so every byte of content that reaches the reader is covered as it was written. A broken character
 * (which RFC 8785 cannot write) is a problem at its path.
 */
export function signingBytes(
  document: Record<string, unknown>,
): { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; problem: Problem } {
  const { signature: _signature, ...signed } = document;
  try {
    return { ok: true, bytes: utf8(canonicalJson(signed)) };
  } catch (error) {
    if (!(error instanceof CanonicalJsonError)) throw error;
    return { ok: false, problem: { path: error.path, message: packMessage('pack.err.brokenText') } };
  }
}

/** The file a pack is saved as: tierkit-badges-<handle>-YYYY-MM-DD.json. */
export function packFileName(pack: Pick<BadgePack, 'creator' | 'issuedAt'>): string {
  return `tierkit-badges-${pack.creator.handle}-${pack.issuedAt.slice(0, 10)}.json`;
}
