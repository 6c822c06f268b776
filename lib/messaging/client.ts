// The pages' side: send a request to the background, read and watch the published snapshot.
import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { responseSchema, snapshotSchema, SNAPSHOT_KEY, type Request, type Response, type Snapshot } from './protocol';

export async function send(request: Request): Promise<Response> {
  try {
    const raw = await browser.runtime.sendMessage(request);
    const parsed = responseSchema.safeParse(raw);
    return parsed.success ? parsed.data : { ok: false, problems: [{ path: [], message: t('err.badResponse') }] };
  } catch (error) {
    return { ok: false, problems: [{ path: [], message: t('err.noBackground', { detail: String((error as Error)?.message ?? error) }) }] };
  }
}

function parseSnapshot(value: unknown): Snapshot | null {
  const parsed = snapshotSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export async function readSnapshot(): Promise<Snapshot | null> {
  const stored = await browser.storage.local.get(SNAPSHOT_KEY);
  return parseSnapshot(stored[SNAPSHOT_KEY]);
}

/** Calls back with every newer snapshot the background publishes; returns the unsubscribe. */
export function watchSnapshot(onSnapshot: (snapshot: Snapshot) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(SNAPSHOT_KEY in changes)) return;
    const snapshot = parseSnapshot(changes[SNAPSHOT_KEY]?.newValue);
    if (snapshot) onSnapshot(snapshot);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
