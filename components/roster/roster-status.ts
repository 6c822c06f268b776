// The roster's state as the background publishes it (ROSTER_KEY): counts per tier and a revision that
// changes with every roster change. Read by the components that show it, while they are shown.
import { useEffect, useState } from 'preact/hooks';
import { readStored, watchStored } from '@/lib/messaging/client';
import { ROSTER_KEY, rosterStatusSchema, type RosterStatus } from '@/lib/messaging/protocol';

/**
 * The published roster state: undefined until it has been read, null when there is none or it does not
 * validate.
 */
export function useRosterStatus(): RosterStatus | null | undefined {
  const [status, setStatus] = useState<RosterStatus | null | undefined>(undefined);
  useEffect(() => {
    // A change that arrives while the first read is on its way is newer than what that read returns.
    let changed = false;
    let stopped = false;
    const stop = watchStored(ROSTER_KEY, rosterStatusSchema, (next) => {
      changed = true;
      setStatus(next);
    });
    void readStored(ROSTER_KEY, rosterStatusSchema).then((stored) => {
      if (!stopped && !changed) setStatus(stored);
    });
    return () => {
      stopped = true;
      stop();
    };
  }, []);
  return status;
}
