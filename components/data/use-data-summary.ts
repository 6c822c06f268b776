// What the Data section counts in the background (subscribers, packs, days of numbers) and the signing
// key, asked again after every published change and when the page needs it fresh.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Problem } from '@/lib/domain/problems';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/client';
import { dataSummarySchema, type DataSummary } from '@/lib/messaging/key-answers';
import { snapshot } from '../app-state';

export interface DataSummaryState {
  /** Null until the first answer, or when it could not be read. */
  summary: DataSummary | null;
  problems: Problem[];
  refresh: () => Promise<void>;
}

export function useDataSummary(): DataSummaryState {
  const [summary, setSummary] = useState<DataSummary | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  // Answers can arrive out of order; only the latest request's answer is shown.
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    const asked = ++latest.current;
    const response = await send({ type: 'data.summary' });
    if (asked !== latest.current) return;
    const parsed = response.ok ? dataSummarySchema.safeParse(response.data) : null;
    setSummary(parsed?.success ? parsed.data : null);
    setProblems(parsed?.success ? [] : response.ok ? [{ path: [], message: t('err.badResponse') }] : response.problems);
  }, []);

  // Again after every published change (a wipe or an import, here or in another window).
  const revision = snapshot.value?.revision;
  useEffect(() => {
    void refresh();
  }, [refresh, revision]);
  useEffect(
    () => () => {
      latest.current++;
    },
    [],
  );

  return { summary, problems, refresh };
}
