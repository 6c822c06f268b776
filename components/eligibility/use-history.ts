import { useEffect, useState } from 'preact/hooks';
import type { Problem } from '@/lib/domain/problems';
import { t } from '@/lib/i18n';
import { send } from '@/lib/client/client';
import { historySchema, type History } from '@/lib/protocol/schemas';

/**
 * The recorded numbers, asked of the background again whenever `version` changes (a newly published
 * eligibility view means new numbers).
 */
export function useHistory(version: unknown): { history: History | null; problems: Problem[] } {
  const [history, setHistory] = useState<History | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  useEffect(() => {
    let current = true;
    void send({ type: 'eligibility.history' }).then((response) => {
      if (!current) return;
      if (!response.ok) return setProblems(response.problems);
      const parsed = historySchema.safeParse(response.data);
      setProblems(parsed.success ? [] : [{ path: [], message: t('err.badResponse') }]);
      if (parsed.success) setHistory(parsed.data);
    });
    return () => {
      current = false;
    };
  }, [version]);
  return { history, problems };
}
