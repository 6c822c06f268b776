// The pages' side: send a request to the background, read and watch the published snapshot.
import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { responseSchema, snapshotSchema, SNAPSHOT_KEY, type Response, type Snapshot } from '../protocol/schemas';
import type { Request } from '../protocol/requests';

const unpublishedListeners = new Set<() => void>();

/**
 * Calls back whenever the background answers that a change was saved but not published (`unpublished`):
 * the page's view may be older than what is stored. Returns the unsubscribe.
 */
export function onUnpublishedAnswer(listener: () => void): () => void {
  unpublishedListeners.add(listener);
  return () => unpublishedListeners.delete(listener);
}

export async function send(request: Request): Promise<Response> {
  try {
    const raw = await browser.runtime.sendMessage(request);
    const parsed = responseSchema.safeParse(raw);
    if (parsed.success && parsed.data.ok && parsed.data.unpublished) for (const listener of unpublishedListeners) listener();
    return parsed.success ? parsed.data : { ok: false, problems: [{ path: [], message: t('err.badResponse') }] };
  } catch (error) {
    return { ok: false, problems: [{ path: [], message: t('err.noBackground', { detail: String((error as Error)?.message ?? error) }) }] };
  }
}

type Schema<T> = { safeParse(value: unknown): { success: true; data: T } | { success: false } };

function parse<T>(schema: Schema<T>, value: unknown): T | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** One storage.local key as its schema reads it: null when absent or when it does not validate. */
export async function readStored<T>(key: string, schema: Schema<T>): Promise<T | null> {
  return parse(schema, (await browser.storage.local.get(key))[key]);
}

/** Calls back with each new value of a storage.local key (null when removed or invalid); returns the unsubscribe. */
export function watchStored<T>(key: string, schema: Schema<T>, onValue: (value: T | null) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && key in changes) onValue(parse(schema, changes[key]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * Calls back with a key's stored value, then with every later one; a change that arrives while the
 * first read is on its way is newer than what that read returns, so the read is then dropped.
 * Returns the stop.
 */
export function followStored<T>(key: string, schema: Schema<T>, onValue: (value: T | null) => void): () => void {
  let stopped = false;
  let changed = false;
  const stopWatching = watchStored(key, schema, (value) => {
    changed = true;
    onValue(value);
  });
  void readStored(key, schema).then((value) => {
    if (!stopped && !changed) onValue(value);
  });
  return () => {
    stopped = true;
    stopWatching();
  };
}

export const readSnapshot = (): Promise<Snapshot | null> => readStored(SNAPSHOT_KEY, snapshotSchema);

/** Calls back with every snapshot the background publishes; returns the unsubscribe. */
export function watchSnapshot(onSnapshot: (snapshot: Snapshot) => void): () => void {
  return watchStored(SNAPSHOT_KEY, snapshotSchema, (snapshot) => snapshot && onSnapshot(snapshot));
}
