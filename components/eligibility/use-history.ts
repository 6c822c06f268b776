import { useEffect, useState } from 'preact/hooks';
import type { Problem } from '@/lib/domain/problems';
import { ask } from '@/lib/client/ask';
import type { History } from '@/lib/protocol/schemas';

/**
 * The recorded numbers, asked of the background again whenever `version` changes (a newly published
 * eligibility view means new numbers).
 */
export function useHistory(version: unknown): { history: History | null; problems: Problem[] } {
  const [history, setHistory] = useState<History | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  useEffect(() => {
    let current = true;
    void ask({ type: 'eligibility.history' }).then((answer) => {
      if (!current) return;
      if (!answer.ok) return setProblems(answer.problems);
      setProblems([]);
      setHistory(answer.data);
    });
    return () => {
      current = false;
    };
  }, [version]);
  return { history, problems };
}
