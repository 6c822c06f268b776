// The kept packs as the options page shows them, read again whenever the roster's revision changes.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Problem } from '@/lib/domain/problems';
import { t } from '@/lib/i18n';
import { send, watchStored } from '@/lib/messaging/client';
import { ROSTER_KEY, packListSchema, rosterStatusSchema, type PackList } from '@/lib/messaging/protocol';

export interface PackListState {
  list: PackList | null;
  problems: Problem[];
  refresh: () => Promise<void>;
}

/** The kept packs as the background lists them, asked again after every roster or pack change. */
export function usePackList(): PackListState {
  const [list, setList] = useState<PackList | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  // Answers can arrive out of order; only the latest request's answer is shown.
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    const asked = ++latest.current;
    const response = await send({ type: 'pack.list' });
    if (asked !== latest.current) return;
    const parsed = response.ok ? packListSchema.safeParse(response.data) : null;
    if (parsed?.success) {
      setList(parsed.data);
      setProblems([]);
    } else {
      setProblems(response.ok ? [{ path: [], message: t('err.badResponse') }] : response.problems);
    }
  }, []);

  useEffect(() => {
    let revision: number | null = null;
    const stop = watchStored(ROSTER_KEY, rosterStatusSchema, (status) => {
      if (status && status.revision !== revision) {
        revision = status.revision;
        void refresh();
      }
    });
    void refresh();
    return () => {
      latest.current++;
      stop();
    };
  }, [refresh]);

  return { list, problems, refresh };
}
