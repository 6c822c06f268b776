// What a change of the workspace (deleting a tier, an undo, a backup's import) must not do to the roster:
// leave subscribers on a tier that is gone (they would lose their badge, and a badge pack could not be
// made), or bring a backup's record with a username another record here has.
import type { ImportMode } from '../domain/backup';
import { sortTiers } from '../domain/offer';
import type { Problem } from '../domain/problems';
import type { Workspace } from '../domain/schema';
import { rosterMessage } from './messages';
import type { Subscriber } from './schema';

export interface WorkspaceChange {
  before: Workspace;
  after: Workspace;
  /** A backup's roster and how it is imported; without one, the roster stays as it is. */
  incoming?: { subscribers: readonly Subscriber[]; mode: ImportMode };
}

/** Checks a change against the roster as it is now. */
export type RosterGuard = (change: WorkspaceChange) => Problem[];

/** "3 subscribers on your roster have the tier "Gold", which would be gone: ...". */
function tierInUse(count: number, tier: string): string {
  return rosterMessage('roster.err.tierInUse', { count, tier });
}

/**
 * The change's problems for the roster `own` (the creator's records now). A tier a record was already
 * missing before the change is not the change's doing, and does not refuse it.
 */
export function rosterProblems(own: Iterable<Subscriber>, change: WorkspaceChange): Problem[] {
  const { incoming } = change;
  // A backup's own roster replaces this one; readBackup has checked it against the backup's tiers.
  if (incoming?.mode === 'replace') return [];
  const replaced = new Set(incoming?.subscribers.map((s) => s.id));
  const remaining = new Set(change.after.tiers.map((tier) => tier.id));
  const gone = new Map(change.before.tiers.filter((tier) => !remaining.has(tier.id)).map((tier) => [tier.id, 0]));
  const holders = new Map<string, string>();
  for (const s of own) {
    if (replaced.has(s.id)) continue;
    const count = gone.get(s.tierId);
    if (count !== undefined) gone.set(s.tierId, count + 1);
    if (s.handle !== undefined) holders.set(s.handle, s.id);
  }
  const problems: Problem[] = sortTiers(change.before.tiers)
    .filter((tier) => (gone.get(tier.id) ?? 0) > 0)
    .map((tier) => ({ path: [], message: tierInUse(gone.get(tier.id)!, tier.name) }));
  incoming?.subscribers.forEach((s, i) => {
    if (s.handle !== undefined && holders.has(s.handle)) {
      problems.push({ path: ['subscribers', i, 'handle'], message: rosterMessage('roster.err.duplicateHandle', { handle: s.handle }) });
    }
  });
  return problems;
}
