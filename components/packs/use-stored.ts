// The options page's view of what the background publishes in storage.local for this section: the
// page diagnostics, and the kept packs, read again whenever the roster's revision changes.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Problem } from '@/lib/domain/problems';
import { t } from '@/lib/i18n';
import { readStored, send, watchStored } from '@/lib/messaging/client';
import { ROSTER_KEY, packListSchema, rosterStatusSchema, type PackList } from '@/lib/messaging/protocol';

type Schema<T> = { safeParse(value: unknown): { success: true; data: T } | { success: false } };

/** One storage.local key, followed while the component is shown; null when absent or invalid. */
export function useStored<T>(key: string, schema: Schema<T>): { value: T | null; loaded: boolean } {
  const [state, setState] = useState<{ value: T | null; loaded: boolean }>({ value: null, loaded: false });
  useEffect(() => {
    // A change that arrives while the first read is on its way is newer than what that read returns.
    let changed = false;
    let stopped = false;
    const stop = watchStored(key, schema, (value) => {
      changed = true;
      setState({ value, loaded: true });
    });
    void readStored(key, schema).then((value) => {
      if (!stopped && !changed) setState({ value, loaded: true });
    });
    return () => {
      stopped = true;
      stop();
    };
  }, [key, schema]);
  return state;
}

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
