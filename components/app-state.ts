// The pages' state: the workspace snapshot the background publishes, as signals, and the one way to
// change it (run a command). Popup and options page share this, so each shows the other's edits.
import { batch, computed, effect, signal } from '@preact/signals';
import type { Command } from '@/lib/domain/commands';
import type { Problem } from '@/lib/domain/problems';
import { isLanguageLoaded, loadLanguage, onLanguageRead, resolveLanguage, setLanguage, t, type Area, type Language } from '@/lib/i18n';
import { ask, onUnpublishedAnswer } from '@/lib/client/ask';
import { read, watch } from '@/lib/client/stored';
import type { Snapshot } from '@/lib/protocol/schemas';
import { storedSnapshot } from '@/lib/protocol/stored-keys';

export const snapshot = signal<Snapshot | null>(null);
export const workspace = computed(() => snapshot.value?.workspace ?? null);
/** Set when the background could not be reached or answered with problems at start. */
export const startupProblems = signal<Problem[]>([]);
/**
 * The UI language. Every look-up of a string reads it (onLanguageRead), so a component that shows text
 * renders again, in place, when it changes: nothing is mounted anew, and nothing typed or chosen is lost.
 */
export const language = signal<Language>('en');
onLanguageRead(() => void language.value);
export const theme = computed(() => workspace.value?.settings.theme ?? 'system');
/** A change was saved but the background could not publish it: what the page shows may be out of date. */
export const viewOutdated = signal(false);

/** The message areas the page shows: loaded in each language it switches to. */
let pageAreas: readonly Area[] = [];

/**
 * Loads the language's messages unless they are here already (then this runs at once, with no wait),
 * so no render ever shows a message missing.
 */
async function loadForPage(resolved: Language): Promise<void> {
  if (!isLanguageLoaded(resolved, pageAreas)) await loadLanguage(resolved, pageAreas);
}

function switchLanguage(resolved: Language) {
  setLanguage(resolved);
  language.value = resolved;
  document.title = t('app.name');
}

async function accept(next: Snapshot) {
  const resolved = resolveLanguage(next.workspace.settings.language, navigator.language);
  await loadForPage(resolved);
  // storage.onChanged can deliver an older value after a newer read, and a language can take a moment
  // to load: keep the newest.
  if (snapshot.value && next.revision < snapshot.value.revision) return;
  // The language is set with the snapshot, in one batch: the page's first render is in its language.
  batch(() => {
    switchLanguage(resolved);
    snapshot.value = next;
  });
}

/**
 * Reads the published snapshot (asking the background to publish one if there is none) and follows it,
 * with the messages of `areas` in its language. Tests that load every language beforehand pass none.
 */
export async function startAppState(areas: readonly Area[] = []): Promise<() => void> {
  pageAreas = areas;
  const stopEffects = effect(() => {
    document.documentElement.lang = language.value;
    const chosen = theme.value;
    if (chosen === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = chosen;
  });
  const stop = watch(storedSnapshot, (next) => void (next && accept(next)));
  const stopUnpublished = onUnpublishedAnswer(() => (viewOutdated.value = true));
  const stored = await read(storedSnapshot);
  if (stored) await accept(stored);
  else {
    // Until a snapshot says otherwise (a problem at start, say), the browser's language.
    if (!snapshot.value) {
      const browserLanguage = resolveLanguage('auto', navigator.language);
      await loadForPage(browserLanguage);
      if (!snapshot.value) switchLanguage(browserLanguage);
    }
    const response = await ask({ type: 'publish' });
    if (!response.ok) startupProblems.value = response.problems;
    const published = await read(storedSnapshot);
    if (published) await accept(published);
  }
  return () => {
    stop();
    stopUnpublished();
    stopEffects();
  };
}

/**
 * Sends one change to the background. Resolves to its problems: none means it was saved, and then the
 * snapshot here already holds it, so an editor goes on from the record as saved (and its version).
 */
export async function run(command: Command): Promise<Problem[]> {
  const answer = await ask({ type: 'command', command });
  if (!answer.ok) return answer.problems;
  // The background published before it answered: when storage.onChanged has not brought that snapshot
  // here yet, it is read.
  if (answer.data && (snapshot.value?.revision ?? -Infinity) < answer.data.revision) {
    const stored = await read(storedSnapshot);
    if (stored) await accept(stored);
  }
  return [];
}
