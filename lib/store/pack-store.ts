// Badge packs in the database: the creator's own pack (signed with the key the extension keeps) and the
// packs imported from other creators. Pure functions of a TierkitDb; the background calls them. Every
// record read back is validated: one that no longer fits is left in place, reported, never overwritten.
import * as z from 'zod/mini';
import { type Problem, type Result } from '../domain/problems';
import { sortTiers } from '../domain/offer';
import { profileSchema, tierSchema } from '../domain/schema';
import { locale } from '../i18n';
import type { ExportedFile, PackConflict, PackImportAnswer, PackInfo, PackList, PackResolveAnswer } from '../protocol/schemas';
import { serializePack, signPack } from '../packs/keys';
import { packMessage } from '../packs/messages';
import {
  MAX_PACK_SUBSCRIBERS,
  badgePackSchema,
  packFileName,
  type BadgePack,
  type PackSubscriber,
  type PackTier,
} from '../packs/pack';
import { decideImport, decideResolve, packStatuses, type ConflictChoice, type OwnIdentity, type StoredPackInfo } from '../packs/replace';
import { verifyPack } from '../packs/verify';
import { subscriberName, subscriberSchema } from '../roster/schema';
import { nextRosterGeneration, type StoredPack, type TierkitDb } from './db';
import { readSigningKey, signingKey } from './key-store';
import { ownHandle } from './stats-store';
import { firstIssue, validRows } from './valid-rows';

const storedPackSchema = z.object({
  fingerprint: z.string(),
  creatorHandle: z.string(),
  pack: badgePackSchema,
  importedAt: z.int(),
  status: z.enum(packStatuses),
});

/**
 * What the import rule needs of a kept pack. Checking a whole pack takes about a second per 100,000
 * subscribers, so an import checks in full only the kept pack it would replace.
 */
const keptInfoSchema = z.object({
  fingerprint: z.string(),
  creatorHandle: z.string(),
  pack: z.object({ issuedAt: z.string() }),
  status: z.enum(packStatuses),
});

/** A kept pack that no longer validates: where it is, and what is wrong with it. */
interface UnreadablePack {
  fingerprint: string;
  message: string;
}

interface Kept {
  packs: StoredPack[];
  unreadable: UnreadablePack[];
}

/**
 * Every kept pack, validated. A pack is stored as the document that was verified (so its signature can
 * be checked again) and read back through the schema, which gives the normalized values badges use.
 */
async function readKept(db: TierkitDb): Promise<Kept> {
  const kept: Kept = { packs: [], unreadable: [] };
  for (const row of (await db.packs.toArray()) as unknown[]) {
    const parsed = storedPackSchema.safeParse(row);
    if (parsed.success) {
      const pack = parsed.data.pack as BadgePack;
      kept.packs.push({ ...parsed.data, creatorHandle: pack.creator.handle, pack });
    } else {
      const key = (row as { fingerprint?: unknown } | null)?.fingerprint;
      kept.unreadable.push({ fingerprint: String(key), message: firstIssue(parsed.error) });
    }
  }
  return kept;
}

/**
 * The trusted packs that validate: the roster index badges from them, never from a pack held apart. An
 * unreadable one stays in the database.
 */
export async function readTrustedPacks(db: TierkitDb): Promise<StoredPack[]> {
  const { packs, unreadable } = await readKept(db);
  for (const pack of unreadable) console.warn(`Tierkit: kept badge pack ${pack.fingerprint} cannot be read: ${pack.message}`);
  return packs.filter((stored) => stored.status === 'trusted');
}

function packInfo(stored: StoredPack): PackInfo {
  return {
    fingerprint: stored.fingerprint,
    creatorHandle: stored.creatorHandle,
    displayName: stored.pack.creator.displayName,
    issuedAt: stored.pack.issuedAt,
    importedAt: stored.importedAt,
    subscribers: stored.pack.subscribers.length,
    tiers: stored.pack.tiers.length,
  };
}

const infoOf = (stored: StoredPack): StoredPackInfo => ({
  fingerprint: stored.fingerprint,
  creatorHandle: stored.creatorHandle,
  issuedAt: stored.pack.issuedAt,
  status: stored.status,
});

/** The person's creator handle and signing key: a pack claiming their handle is theirs only with their key. */
async function ownIdentity(db: TierkitDb): Promise<OwnIdentity> {
  const key = await readSigningKey(db);
  return { handle: await ownHandle(db), fingerprint: key.ok ? (key.value?.fingerprint ?? null) : null };
}

const byCreatorThenNewest = (a: StoredPack, b: StoredPack): number =>
  a.creatorHandle.localeCompare(b.creatorHandle) || b.pack.issuedAt.localeCompare(a.pack.issuedAt);

/** A signing problem said of the subscriber or tier it is about, since its path is the pack's, not the roster's. */
function describeSignProblem(problem: Problem, tiers: readonly PackTier[], subscribers: readonly PackSubscriber[]): Problem {
  const [area, index] = problem.path;
  if (area === 'subscribers' && typeof index === 'number' && subscribers[index]) {
    return { path: [], message: packMessage('pack.export.subscriber', { name: subscriberName(subscribers[index]), message: problem.message }) };
  }
  if (area === 'tiers' && typeof index === 'number' && tiers[index]) {
    return { path: [], message: packMessage('pack.export.tier', { name: tiers[index].name, message: problem.message }) };
  }
  return problem;
}

function problem(message: string): Result<never> {
  return { ok: false, problems: [{ path: [], message }] };
}

/**
 * The creator's badge pack: profile, the tiers not archived plus any a subscriber has, and the active
 * subscribers (handle, nickname, tier, since: never note, status, source or months override), signed
 * with the extension's key, made on first use.
 */
export async function exportOwnPack(db: TierkitDb, now: number): Promise<Result<ExportedFile>> {
  const profile = profileSchema.safeParse((await db.singletons.get('profile'))?.value);
  if (!profile.success) return problem(packMessage('pack.export.noProfile'));
  const { handle, displayName } = profile.data;

  const tiers = sortTiers(validRows(await db.tiers.toArray(), tierSchema));
  const active = validRows(await db.subscribers.where('creatorHandle').equals(handle).toArray(), subscriberSchema)
    .filter((s) => s.status === 'active')
    // In the order the creator added them: a stable order keeps successive packs easy to compare.
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const used = new Set(active.map((s) => s.tierId));
  const packTiers: PackTier[] = tiers
    .filter((tier) => tier.status !== 'archived' || used.has(tier.id))
    .map((tier) => ({ id: tier.id, name: tier.name, badge: { ...tier.badge }, tenureSteps: tier.tenureSteps }));
  if (!packTiers.length) return problem(packMessage('pack.export.noTiers'));

  const number = new Intl.NumberFormat(locale());
  if (active.length > MAX_PACK_SUBSCRIBERS) {
    return problem(packMessage('pack.export.tooMany', { count: number.format(active.length), max: number.format(MAX_PACK_SUBSCRIBERS) }));
  }
  // A deleted tier leaves its subscribers without a badge: say so rather than leave them out unseen.
  const tierIds = new Set(packTiers.map((tier) => tier.id));
  const orphans = new Map<string, number>();
  for (const s of active) if (!tierIds.has(s.tierId)) orphans.set(s.tierId, (orphans.get(s.tierId) ?? 0) + 1);
  if (orphans.size) {
    return {
      ok: false,
      problems: [...orphans].map(([id, count]) => ({ path: [], message: packMessage('pack.export.missingTier', { count, id }) })),
    };
  }
  const subscribers: PackSubscriber[] = active.map((s) => ({
    ...(s.handle !== undefined ? { handle: s.handle } : {}),
    ...(s.nickname !== undefined ? { nickname: s.nickname } : {}),
    tierId: s.tierId,
    since: s.since,
  }));

  const key = await signingKey(db, now);
  if (!key.ok) return key;
  const signed = await signPack(
    { creator: { handle, displayName }, issuedAt: new Date(now).toISOString(), tiers: packTiers, subscribers },
    key.value.privateKey,
    key.value.publicJwk,
  );
  if (!signed.ok) return { ok: false, problems: signed.problems.map((p) => describeSignProblem(p, packTiers, subscribers)) };
  return { ok: true, value: { fileName: packFileName(signed.pack), text: serializePack(signed.pack), count: subscribers.length } };
}

/**
 * Verifies a pack file and keeps it: beside the others, or in place of the older pack signed by the
 * same key (replace.ts decides). Refused, it changes nothing; its problems name the file.
 */
export async function importPack(db: TierkitDb, fileName: string, text: string, now: number): Promise<Result<PackImportAnswer>> {
  const named = (problems: Problem[]): Result<never> => ({ ok: false, problems: problems.map((p) => ({ ...p, path: [fileName, ...p.path] })) });
  const verified = await verifyPack(text);
  if (!verified.ok) return named(verified.problems);
  // The document as written is kept, so the stored signature still covers exactly what is stored.
  const document = JSON.parse(text.replace(/^\uFEFF/, '')) as BadgePack;

  return db.transaction('rw', [db.packs, db.lookupCache, db.singletons, db.keys], async () => {
    const infos: StoredPackInfo[] = [];
    for (const row of (await db.packs.toArray()) as unknown[]) {
      const info = keptInfoSchema.safeParse(row);
      if (info.success) infos.push({ ...info.data, issuedAt: info.data.pack.issuedAt });
      // The pack this one would replace must read back, or it is left as it is (and can be removed).
      const sameKey = (row as { fingerprint?: unknown } | null)?.fingerprint === verified.fingerprint;
      if (sameKey && !storedPackSchema.safeParse(row).success) return named([{ path: [], message: packMessage('pack.err.keptUnreadable') }]);
    }
    const decision = decideImport(verified, infos, new Date(now), await ownIdentity(db));
    // These are about the pack as a whole (its date against the kept one's), not a field to fix in the file.
    if (decision.action === 'refuse') return named(decision.problems.map((p) => ({ ...p, path: [] })));
    const stored: StoredPack = {
      fingerprint: verified.fingerprint,
      creatorHandle: verified.pack.creator.handle,
      pack: verified.pack,
      importedAt: now,
      status: decision.status,
    };
    await db.packs.put({ ...stored, pack: document });
    await nextRosterGeneration(db);
    return {
      ok: true,
      value: { action: decision.action, pack: packInfo(stored), held: decision.status === 'conflict', trustedFingerprint: decision.trusted },
    };
  });
}

/**
 * The kept packs for the options page: the trusted ones (by creator), each pack held apart beside the
 * pack trusted for its handle, the unreadable ones, and the creator's own key.
 */
export async function listPacks(db: TierkitDb): Promise<PackList> {
  const [kept, own] = await Promise.all([readKept(db), ownIdentity(db)]);
  const sorted = [...kept.packs].sort(byCreatorThenNewest);
  const trusted = sorted.filter((stored) => stored.status === 'trusted');
  const conflicts: PackConflict[] = sorted
    .filter((stored) => stored.status === 'conflict')
    .map((held) => {
      const trustedPack = trusted.find((stored) => stored.creatorHandle === held.creatorHandle);
      return {
        held: packInfo(held),
        trusted: trustedPack ? packInfo(trustedPack) : null,
        ownHandle: held.creatorHandle === own.handle && held.fingerprint !== own.fingerprint,
      };
    });
  return { packs: trusted.map(packInfo), conflicts, ownFingerprint: own.fingerprint, unreadable: kept.unreadable };
}

/**
 * The person's choice about a pack held apart (decideResolve): discard it, or trust its key, which
 * forgets the pack of the key trusted until then. `expectedTrusted` is the key the person saw trusted.
 */
export async function resolvePack(
  db: TierkitDb,
  fingerprint: string,
  choice: ConflictChoice,
  expectedTrusted: string | null,
): Promise<Result<PackResolveAnswer>> {
  return db.transaction('rw', [db.packs, db.lookupCache, db.singletons, db.keys], async () => {
    // The packs as the options page lists them: a pack that no longer reads is neither trusted nor held.
    const { packs } = await readKept(db);
    const decision = decideResolve(fingerprint, choice, expectedTrusted, packs.map(infoOf), await ownIdentity(db));
    if ('refuse' in decision) return { ok: false, problems: decision.refuse };
    await db.packs.bulkDelete(decision.remove);
    if (decision.trust) await db.packs.update(decision.trust, { status: 'trusted' });
    await nextRosterGeneration(db);
    return { ok: true, value: { choice, handle: decision.handle } };
  });
}

/** Forgets a kept pack (readable or not); false when there was none with that fingerprint. */
export async function removePack(db: TierkitDb, fingerprint: string): Promise<boolean> {
  return db.transaction('rw', db.packs, db.lookupCache, async () => {
    if ((await db.packs.where('fingerprint').equals(fingerprint).count()) === 0) return false;
    await db.packs.delete(fingerprint);
    await nextRosterGeneration(db);
    return true;
  });
}
