// One background answer a page shows (the kept packs, the data summary): asked with `refresh`, and only
// the latest request's answer shown, since answers can arrive out of order.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Problem } from '@/lib/domain/problems';
import { ask } from '@/lib/client/ask';
import type { AnswerOf } from '@/lib/protocol/answers';
import type { Request } from '@/lib/protocol/requests';

export interface AnswerState<T> {
  /** Null until the first good answer; a later failure keeps the last one beside its problems. */
  data: T | null;
  problems: Problem[];
  refresh: () => Promise<void>;
}

export function useAnswer<R extends Request>(request: R): AnswerState<AnswerOf<R['type']>> {
  const [data, setData] = useState<AnswerOf<R['type']> | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    const asked = ++latest.current;
    const answer = await ask(request);
    if (asked !== latest.current) return;
    if (answer.ok) {
      setData(answer.data);
      setProblems([]);
    } else {
      setProblems(answer.problems);
    }
    // The request is the caller's constant: one refresh for the component's life.
  }, []);

  // An answer still on its way after the page has gone is dropped.
  useEffect(
    () => () => {
      latest.current++;
    },
    [],
  );

  return { data, problems, refresh };
}
