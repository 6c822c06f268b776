// The roster's state as the background publishes it (storage.local): counts per tier and a revision that
// changes with every roster change. Read by the components that show it, while they are shown.
import type { RosterStatus } from '@/lib/protocol/schemas';
import { storedRoster } from '@/lib/protocol/stored-keys';
import { useStored } from '../use-stored';

/**
 * The published roster state: undefined until it has been read, null when there is none or it does not
 * validate.
 */
export function useRosterStatus(): RosterStatus | null | undefined {
  const { value, loaded } = useStored(storedRoster);
  return loaded ? value : undefined;
}
