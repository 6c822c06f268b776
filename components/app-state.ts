// The pages' state: the workspace snapshot the background publishes, as signals, and the one way to
// change it (run a command). Popup and options page share this, so each shows the other's edits.
import { computed, effect, signal } from '@preact/signals';
import type { Command } from '@/lib/domain/commands';
import type { Problem } from '@/lib/domain/problems';
import { resolveLanguage, setLanguage, type Language } from '@/lib/i18n';
import { readSnapshot, send, watchSnapshot } from '@/lib/messaging/client';
import { commandAnswerSchema, type Snapshot } from '@/lib/messaging/protocol';

export const snapshot = signal<Snapshot | null>(null);
export const workspace = computed(() => snapshot.value?.workspace ?? null);
/** Set when the background could not be reached or answered with problems at start. */
export const startupProblems = signal<Problem[]>([]);
/** The UI language; the page's root is keyed on it so every string is looked up again. */
export const language = signal<Language>('en');
export const theme = computed(() => workspace.value?.settings.theme ?? 'system');

function accept(next: Snapshot) {
  // storage.onChanged can deliver an older value after a newer read; keep the newest.
  if (!snapshot.value || next.revision >= snapshot.value.revision) snapshot.value = next;
}

/** Reads the published snapshot (asking the background to publish one if there is none) and follows it. */
export async function startAppState(): Promise<() => void> {
  const stop = watchSnapshot(accept);
  const stored = await readSnapshot();
  if (stored) accept(stored);
  else {
    const response = await send({ type: 'publish' });
    if (!response.ok) startupProblems.value = response.problems;
    const published = await readSnapshot();
    if (published) accept(published);
  }
  const stopEffects = effect(() => {
    const choice = workspace.value?.settings.language ?? 'auto';
    const resolved = resolveLanguage(choice, navigator.language);
    setLanguage(resolved);
    language.value = resolved;
    document.documentElement.lang = resolved;
    const chosen = theme.value;
    if (chosen === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = chosen;
  });
  return () => {
    stop();
    stopEffects();
  };
}

/**
 * Sends one change to the background. Resolves to its problems: none means it was saved, and then the
 * snapshot here already holds it, so an editor goes on from the record as saved (and its version).
 */
export async function run(command: Command): Promise<Problem[]> {
  const response = await send({ type: 'command', command });
  if (!response.ok) return response.problems;
  const answer = commandAnswerSchema.safeParse(response.data);
  // The background published before it answered: when storage.onChanged has not brought that snapshot
  // here yet, it is read.
  if (answer.success && (snapshot.value?.revision ?? -Infinity) < answer.data.revision) {
    const stored = await readSnapshot();
    if (stored) accept(stored);
  }
  return [];
}
