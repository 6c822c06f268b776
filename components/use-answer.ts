// One background answer a page shows (the kept packs, the data summary): asked with `refresh`, checked
// against its schema, and only the latest request's answer shown, since answers can arrive out of order.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type * as z from 'zod/mini';
import type { Problem } from '@/lib/domain/problems';
import { t } from '@/lib/i18n';
import { send } from '@/lib/client/client';
import type { Request } from '@/lib/protocol/requests';

export interface AnswerState<T> {
  /** Null until the first good answer; a later failure keeps the last one beside its problems. */
  data: T | null;
  problems: Problem[];
  refresh: () => Promise<void>;
}

export function useAnswer<T>(request: Request, schema: z.ZodMiniType<T>): AnswerState<T> {
  const [data, setData] = useState<T | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    const asked = ++latest.current;
    const response = await send(request);
    if (asked !== latest.current) return;
    const parsed = response.ok ? schema.safeParse(response.data) : null;
    if (parsed?.success) {
      setData(parsed.data);
      setProblems([]);
    } else {
      setProblems(response.ok ? [{ path: [], message: t('err.badResponse') }] : response.problems);
    }
    // The request and the schema are the caller's constants: one refresh for the component's life.
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
