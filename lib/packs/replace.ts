// The rule for keeping imported packs. A pack's identity is its signing key, not the handle it claims:
// anyone can write any handle into a pack, only the creator can sign with the creator's key.
import type { Problem } from '../domain/problems';
import { issuedDate, packMessage } from './messages';
import type { VerifiedPack } from './verify';

/** What the rule needs to know of a pack already kept. */
export interface StoredPackInfo {
  fingerprint: string;
  creatorHandle: string;
  issuedAt: string;
}

export function storedPackInfo(verified: VerifiedPack): StoredPackInfo {
  return { fingerprint: verified.fingerprint, creatorHandle: verified.pack.creator.handle, issuedAt: verified.pack.issuedAt };
}

/** A clock a little ahead is tolerated; a pack dated further ahead would block its creator's real updates. */
export const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

export type ImportDecision =
  | {
      /** Keep the pack: 'add' beside the others, or 'replace' the older pack signed by the same key. */
      action: 'add' | 'replace';
      /** The kept pack this one replaces. */
      replaces: StoredPackInfo | null;
      /**
       * Fingerprints of kept packs that claim the same creator handle but are signed by other keys: a
       * possible impersonation (or a creator who lost their key). Empty when there is none.
       */
      sameHandleOtherKeys: string[];
      /** The warning to show with such a pack, or null. */
      warning: string | null;
    }
  | { action: 'refuse'; problems: Problem[] };

/**
 * Whether and how to keep an imported, verified pack, given the packs kept so far (keyed by fingerprint).
 * Rules, in order: a pack dated more than FUTURE_TOLERANCE_MS after `now` is refused; a pack signed by
 * a key already kept replaces that pack only when it was issued later, else it is refused; any other
 * pack is added beside the others, flagged when another key's pack claims the same handle.
 */
export function decideImport(incoming: VerifiedPack, stored: readonly StoredPackInfo[], now: Date): ImportDecision {
  const issuedAt = Date.parse(incoming.pack.issuedAt);
  if (issuedAt > now.getTime() + FUTURE_TOLERANCE_MS) {
    return refuse(packMessage('pack.err.fromFuture', { date: issuedDate(incoming.pack.issuedAt) }));
  }
  const sameKey = stored.find((info) => info.fingerprint === incoming.fingerprint) ?? null;
  if (sameKey) {
    const keptIssuedAt = Date.parse(sameKey.issuedAt);
    if (issuedAt === keptIssuedAt) return refuse(packMessage('pack.err.haveSame', { date: issuedDate(sameKey.issuedAt) }));
    if (issuedAt < keptIssuedAt) return refuse(packMessage('pack.err.haveNewer', { date: issuedDate(sameKey.issuedAt) }));
  }
  const handle = incoming.pack.creator.handle;
  const sameHandleOtherKeys = stored
    .filter((info) => info.creatorHandle === handle && info.fingerprint !== incoming.fingerprint)
    .map((info) => info.fingerprint);
  return {
    action: sameKey ? 'replace' : 'add',
    replaces: sameKey,
    sameHandleOtherKeys,
    warning: sameHandleOtherKeys.length
      ? packMessage('pack.warn.sameHandleOtherKey', { handle, fingerprints: sameHandleOtherKeys.join(', ') })
      : null,
  };
}

function refuse(message: string): ImportDecision {
  return { action: 'refuse', problems: [{ path: ['issuedAt'], message }] };
}
