// The kept packs as the options page shows them, read again whenever the roster's revision changes.
import { useEffect } from 'preact/hooks';
import { watch } from '@/lib/client/stored';
import type { PackList } from '@/lib/protocol/schemas';
import { storedRoster } from '@/lib/protocol/stored-keys';
import { useAnswer, type AnswerState } from '../use-answer';

const request = { type: 'pack.list' } as const;

/** The kept packs as the background lists them, asked again after every roster or pack change. */
export function usePackList(): AnswerState<PackList> {
  const answer = useAnswer(request);
  useEffect(() => {
    let revision: number | null = null;
    return watch(storedRoster, (status) => {
      if (status && status.revision !== revision) {
        revision = status.revision;
        void answer.refresh();
      }
    });
  }, [answer.refresh]);
  useEffect(() => {
    void answer.refresh();
  }, [answer.refresh]);
  return answer;
}
