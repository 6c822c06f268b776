// The roster's state as the background publishes it (ROSTER_KEY): counts per tier and a revision that
// changes with every roster change. Read by the components that show it, while they are shown.
import { ROSTER_KEY, rosterStatusSchema, type RosterStatus } from '@/lib/protocol/schemas';
import { useStored } from '../use-stored';

/**
 * The published roster state: undefined until it has been read, null when there is none or it does not
 * validate.
 */
export function useRosterStatus(): RosterStatus | null | undefined {
  const { value, loaded } = useStored(ROSTER_KEY, rosterStatusSchema);
  return loaded ? value : undefined;
}
