// What each request a page sends is answered with, as a schema the page checks the answer against.
// The popup's requests (a command, a publish) have theirs here; the others load on first use
// (page-answers.ts), so the popup bundles none of their schemas.
import * as z from 'zod/mini';
import type { pageAnswers } from './page-answers';
import type { Request } from './requests';
import { commandAnswerSchema } from './schemas';

const coreAnswers = {
  // No revision when the change was saved but could not be published.
  command: () => z.optional(commandAnswerSchema),
  publish: () => z.undefined(),
};

type CoreRequestType = keyof typeof coreAnswers;
export type PageRequestType = Exclude<Request['type'], CoreRequestType>;

// Every request has its answer: the compiler names a page request type page-answers.ts lacks.
const everyPageRequestAnswered: [Exclude<PageRequestType, keyof typeof pageAnswers>] extends [never] ? true : never = true;
void everyPageRequestAnswered;

type AnswerSchemas = { [T in CoreRequestType]: ReturnType<(typeof coreAnswers)[T]> } & {
  [T in PageRequestType]: T extends keyof typeof pageAnswers ? Awaited<ReturnType<(typeof pageAnswers)[T]>> : never;
};

/** The answer's data for a request of type T, as its schema reads it. */
export type AnswerOf<T extends Request['type']> = z.infer<AnswerSchemas[T]>;

const isCore = (type: Request['type']): type is CoreRequestType => Object.hasOwn(coreAnswers, type);

/** The schema that reads the answer to a request of this type. */
export async function answerSchemaOf(type: Request['type']): Promise<z.ZodMiniType> {
  return isCore(type) ? coreAnswers[type]() : (await import('./page-answers')).pageAnswers[type as keyof typeof pageAnswers]();
}
