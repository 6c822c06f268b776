// The one way a page asks the background: the request goes out, and the answer comes back checked
// against the schema that belongs to that request's type, or as problems to show.
import { browser } from 'wxt/browser';
import type { Problem } from '../domain/problems';
import { t } from '../i18n';
import { answerSchemaOf, type AnswerOf } from '../protocol/answers';
import type { Request } from '../protocol/requests';
import { responseSchema } from '../protocol/schemas';

export type Answer<T> = { ok: true; data: T } | { ok: false; problems: Problem[] };

const unpublishedListeners = new Set<() => void>();

/**
 * Calls back whenever the background answers that a change was saved but not published (`unpublished`):
 * the page's view may be older than what is stored. Returns the unsubscribe.
 */
export function onUnpublishedAnswer(listener: () => void): () => void {
  unpublishedListeners.add(listener);
  return () => unpublishedListeners.delete(listener);
}

const badResponse = (): Answer<never> => ({ ok: false, problems: [{ path: [], message: t('err.badResponse') }] });

export async function ask<R extends Request>(request: R): Promise<Answer<AnswerOf<R['type']>>> {
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage(request);
  } catch (error) {
    return { ok: false, problems: [{ path: [], message: t('err.noBackground', { detail: String((error as Error)?.message ?? error) }) }] };
  }
  const response = responseSchema.safeParse(raw);
  if (!response.success) return badResponse();
  if (!response.data.ok) return response.data;
  if (response.data.unpublished) for (const listener of unpublishedListeners) listener();
  const type: Request['type'] = request.type;
  const answer = (await answerSchemaOf(type)).safeParse(response.data.data);
  return answer.success ? { ok: true, data: answer.data as AnswerOf<R['type']> } : badResponse();
}
