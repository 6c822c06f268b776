// The rule for keeping imported packs. A pack's identity is its signing key, not the handle it claims:
// anyone can write any handle into a pack, only the creator can sign with the creator's key. For each
// creator handle, the first key the person accepted stays trusted; a pack from another key claiming
// that handle is held apart, showing no badges, until the person chooses between the two keys.
import type { Problem } from '../domain/problems';
import { issuedDate, packMessage } from './messages';
import type { VerifiedPack } from './verify';

/** 'trusted': its badges show. 'conflict': held apart, another key claims (or claimed) its handle first. */
export const packStatuses = ['trusted', 'conflict'] as const;
export type PackStatus = (typeof packStatuses)[number];

/** What the rule needs to know of a pack already kept. */
export interface StoredPackInfo {
  fingerprint: string;
  creatorHandle: string;
  issuedAt: string;
  status: PackStatus;
}

/** The person's own creator identity: a pack claiming their handle is theirs only when signed with their key. */
export interface OwnIdentity {
  handle: string | null;
  fingerprint: string | null;
}

export function storedPackInfo(verified: VerifiedPack, status: PackStatus = 'trusted'): StoredPackInfo {
  return { fingerprint: verified.fingerprint, creatorHandle: verified.pack.creator.handle, issuedAt: verified.pack.issuedAt, status };
}

/** A clock a little ahead is tolerated; a pack dated further ahead would block its creator's real updates. */
export const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

export type ImportDecision =
  | {
      /** Keep the pack: 'add' beside the others, or 'replace' the older pack signed by the same key. */
      action: 'add' | 'replace';
      /** The kept pack this one replaces. */
      replaces: StoredPackInfo | null;
      status: PackStatus;
      /** For a pack held apart: the key trusted for its handle (null when that pack was removed). */
      trusted: string | null;
    }
  | { action: 'refuse'; problems: Problem[] };

/** The pack of another key trusted for `handle`, if any (at most one: the rule keeps it so). */
const trustedFor = (handle: string, stored: readonly StoredPackInfo[], except: string) =>
  stored.find((info) => info.creatorHandle === handle && info.status === 'trusted' && info.fingerprint !== except) ?? null;

const claimsOwnHandle = (handle: string, fingerprint: string, own: OwnIdentity) => handle === own.handle && fingerprint !== own.fingerprint;

/**
 * Whether and how to keep an imported, verified pack, given the packs kept so far (keyed by fingerprint).
 * Rules, in order: a pack dated more than FUTURE_TOLERANCE_MS after `now` is refused; a pack claiming
 * the person's own handle is refused unless signed with their own key (their badges come from their
 * roster); a pack signed by a key already kept replaces that pack only when issued later, else it is
 * refused. The pack is then trusted when its key keeps the standing it had for this handle, or when no
 * other key's pack claims the handle; otherwise it is held apart as a conflict.
 */
export function decideImport(incoming: VerifiedPack, stored: readonly StoredPackInfo[], now: Date, own: OwnIdentity): ImportDecision {
  const issuedAt = Date.parse(incoming.pack.issuedAt);
  if (issuedAt > now.getTime() + FUTURE_TOLERANCE_MS) {
    return refuse(packMessage('pack.err.fromFuture', { date: issuedDate(incoming.pack.issuedAt) }));
  }
  const handle = incoming.pack.creator.handle;
  if (claimsOwnHandle(handle, incoming.fingerprint, own)) return refuse(packMessage('pack.err.ownHandle', { handle }), ['creator', 'handle']);
  const sameKey = stored.find((info) => info.fingerprint === incoming.fingerprint) ?? null;
  if (sameKey) {
    const keptIssuedAt = Date.parse(sameKey.issuedAt);
    if (issuedAt === keptIssuedAt) return refuse(packMessage('pack.err.haveSame', { date: issuedDate(sameKey.issuedAt) }));
    if (issuedAt < keptIssuedAt) return refuse(packMessage('pack.err.haveNewer', { date: issuedDate(sameKey.issuedAt) }));
  }
  const claimedByOthers = stored.some((info) => info.creatorHandle === handle && info.fingerprint !== incoming.fingerprint);
  // A key's update keeps its standing for the same handle; under a new handle, the handle decides.
  const status: PackStatus = sameKey?.creatorHandle === handle ? sameKey.status : claimedByOthers ? 'conflict' : 'trusted';
  return {
    action: sameKey ? 'replace' : 'add',
    replaces: sameKey,
    status,
    trusted: status === 'conflict' ? (trustedFor(handle, stored, incoming.fingerprint)?.fingerprint ?? null) : null,
  };
}

export const conflictChoices = ['discard', 'trust'] as const;
export type ConflictChoice = (typeof conflictChoices)[number];

export type ResolveDecision =
  | {
      /** Packs to forget: the held one (discard), or the formerly trusted one (trust). */
      remove: string[];
      /** The held pack that becomes trusted, or null. */
      trust: string | null;
      handle: string;
    }
  | { refuse: Problem[] };

/**
 * The person's choice about a held pack, made while they saw `expectedTrusted` as the key trusted for
 * its handle: 'discard' forgets the held pack; 'trust' trusts its key, and the pack of the key trusted
 * until now is forgotten. Refused when the pack is not held, when what the person saw has changed
 * meanwhile, or (trust) when it claims their own handle.
 */
export function decideResolve(
  fingerprint: string,
  choice: ConflictChoice,
  expectedTrusted: string | null,
  stored: readonly StoredPackInfo[],
  own: OwnIdentity,
): ResolveDecision {
  const held = stored.find((info) => info.fingerprint === fingerprint && info.status === 'conflict');
  if (!held) return { refuse: [{ path: [], message: packMessage('pack.err.notHeld') }] };
  const trusted = trustedFor(held.creatorHandle, stored, fingerprint);
  if ((trusted?.fingerprint ?? null) !== expectedTrusted) {
    return { refuse: [{ path: [], message: packMessage('pack.err.conflictChanged', { handle: held.creatorHandle }) }] };
  }
  if (choice === 'discard') return { remove: [held.fingerprint], trust: null, handle: held.creatorHandle };
  if (claimsOwnHandle(held.creatorHandle, held.fingerprint, own)) {
    return { refuse: [{ path: [], message: packMessage('pack.err.ownHandle', { handle: held.creatorHandle }) }] };
  }
  return { remove: trusted ? [trusted.fingerprint] : [], trust: held.fingerprint, handle: held.creatorHandle };
}

/** A pack kept before packs had a status (database version 4), as far as its row can be read. */
export interface UnratedPack {
  fingerprint: string;
  creatorHandle: unknown;
  importedAt: unknown;
}

/**
 * The statuses of packs kept before the trust rule: per creator handle, the earliest-imported key is
 * trusted (the first one the person accepted) and the others are held apart; a pack claiming the
 * person's own handle with another key is held apart too. A row too damaged to tell is held apart.
 */
export function initialTrust(rows: readonly UnratedPack[], own: OwnIdentity): Map<string, PackStatus> {
  const status = new Map<string, PackStatus>();
  const order = (row: UnratedPack) => (typeof row.importedAt === 'number' && Number.isFinite(row.importedAt) ? row.importedAt : Infinity);
  const sorted = [...rows].sort((a, b) => order(a) - order(b) || (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0));
  const trustedHandles = new Set<string>();
  for (const row of sorted) {
    const handle = row.creatorHandle;
    const first = typeof handle === 'string' && !trustedHandles.has(handle) && !claimsOwnHandle(handle, row.fingerprint, own);
    if (first) trustedHandles.add(handle);
    status.set(row.fingerprint, first ? 'trusted' : 'conflict');
  }
  return status;
}

function refuse(message: string, path: Problem['path'] = ['issuedAt']): ImportDecision {
  return { action: 'refuse', problems: [{ path, message }] };
}
