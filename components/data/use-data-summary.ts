// What the Data section counts in the background (subscribers, packs, days of numbers) and the signing
// key, asked again after every published change and when the page needs it fresh.
import { useEffect } from 'preact/hooks';
import type { DataSummary } from '@/lib/protocol/key-answers';
import { snapshot } from '../app-state';
import { useAnswer, type AnswerState } from '../use-answer';

const request = { type: 'data.summary' } as const;

export function useDataSummary(): AnswerState<DataSummary> {
  const answer = useAnswer(request);
  // Again after every published change (a wipe or an import, here or in another window).
  const revision = snapshot.value?.revision;
  useEffect(() => {
    void answer.refresh();
  }, [answer.refresh, revision]);
  return answer;
}
