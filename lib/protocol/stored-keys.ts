// What the background keeps in storage.local for pages to read: each key with the schema its value is
// read with, and what a reader gets when the value is absent or does not validate.
import type * as z from 'zod/mini';
import { diagnosticsSchema, eligibilityViewSchema, rosterStatusSchema, snapshotSchema } from './schemas';

export interface StoredKey<T, F extends T | null = T | null> {
  readonly key: string;
  readonly schema: z.ZodMiniType<T>;
  readonly fallback: F;
}

/** The value a reader of the descriptor D gets. */
export type StoredValue<D> = D extends StoredKey<infer T, infer F> ? T | F : never;

/** The part of a storage area (storage.local) read and written here: the same in Chrome and Firefox. */
export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/** The workspace as the background last published it; pages render from it. */
export const SNAPSHOT_KEY = 'workspace';
export const storedSnapshot: StoredKey<z.infer<typeof snapshotSchema>, null> = { key: SNAPSHOT_KEY, schema: snapshotSchema, fallback: null };

/** What pages show about eligibility. */
export const ELIGIBILITY_KEY = 'eligibility';
export const storedEligibility: StoredKey<z.infer<typeof eligibilityViewSchema>, null> = {
  key: ELIGIBILITY_KEY,
  schema: eligibilityViewSchema,
  fallback: null,
};

/** The roster's state: pages and content scripts follow it (the content script with its own guard). */
export const ROSTER_KEY = 'roster';
export const storedRoster: StoredKey<z.infer<typeof rosterStatusSchema>, null> = { key: ROSTER_KEY, schema: rosterStatusSchema, fallback: null };

/** What page features reported about TikTok's markup, for the options page. */
export const DIAGNOSTICS_KEY = 'diagnostics';
export const storedDiagnostics: StoredKey<z.infer<typeof diagnosticsSchema>, z.infer<typeof diagnosticsSchema>> = {
  key: DIAGNOSTICS_KEY,
  schema: diagnosticsSchema,
  fallback: [],
};

/** A stored value as its descriptor reads it: the fallback when absent or invalid. */
export function storedValue<T, F extends T | null>(stored: StoredKey<T, F>, raw: unknown): T | F {
  const parsed = stored.schema.safeParse(raw);
  return parsed.success ? parsed.data : stored.fallback;
}

export async function readStored<T, F extends T | null>(area: StorageArea, stored: StoredKey<T, F>): Promise<T | F> {
  return storedValue(stored, (await area.get(stored.key))[stored.key]);
}

/** Writes a value; null removes the key. */
export function writeStored<T>(area: StorageArea, stored: StoredKey<T, T | null> | StoredKey<T, T>, value: T | null): Promise<void> {
  return value === null ? area.remove(stored.key) : area.set({ [stored.key]: value });
}
