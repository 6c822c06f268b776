// The background's side of the protocol: validate, run the command in one transaction, publish.
import { resolveLanguage, setLanguage, locale } from '../i18n';
import type { Problem } from '../domain/problems';
import type { TierkitDb } from '../store/db';
import { loadWorkspace, runCommand, type Loaded } from '../store/workspace-store';
import { requestSchema, type Response, type Snapshot } from './protocol';
import { t } from '../i18n';

export interface HandlerDeps {
  db: TierkitDb;
  publish: (snapshot: Snapshot) => Promise<void>;
  browserLanguage: () => string;
  now?: () => number;
  newId?: () => string;
}

export function createHandler(deps: HandlerDeps) {
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  let revision = 0;
  // Commands run one after another, so each sees the last one's result.
  let queue: Promise<unknown> = Promise.resolve();

  async function publish(loaded: Loaded) {
    setLanguage(resolveLanguage(loaded.workspace.settings.language, deps.browserLanguage()));
    revision = Math.max(revision + 1, now());
    await deps.publish({ ...loaded, revision });
  }

  async function handle(message: unknown): Promise<Response> {
    const request = requestSchema.safeParse(message);
    if (!request.success) {
      const problems: Problem[] = request.error.issues.map((issue) => ({
        path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
        message: issue.message,
      }));
      return { ok: false, problems: [{ path: [], message: t('err.badMessage') }, ...problems] };
    }
    if (request.data.type === 'publish') {
      await publish(await loadWorkspace(deps.db));
      return { ok: true };
    }
    const result = await runCommand(deps.db, request.data.command, { now: now(), newId, locale: locale() });
    if (!result.ok) return result;
    await publish(result.value);
    return { ok: true };
  }

  return {
    handle: (message: unknown): Promise<Response> => {
      const run = queue.then(() => handle(message));
      queue = run.catch(() => undefined);
      return run.catch((error: unknown) => ({
        ok: false as const,
        problems: [{ path: [], message: t('err.unexpected', { detail: String((error as Error)?.message ?? error) }) }],
      }));
    },
    publishNow: async () => publish(await loadWorkspace(deps.db)),
  };
}
