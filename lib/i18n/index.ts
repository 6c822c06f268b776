// Tierkit's own messages: every user-visible string, one module per area and language
// (messages/<language>/<area>.ts). Each context loads the areas it shows, in its language only, before
// it speaks (loadLanguage); each module is a chunk of its own, so a page carries one language's
// strings. browser.i18n is used only for the manifest, because it cannot follow the language chosen in
// Settings.
import type { Message, Messages, PluralMessage } from './types';

export const languages = ['en', 'it'] as const;
export type Language = (typeof languages)[number];

export const areas = [
  'domain',
  'popup',
  'eligibility-options',
  'bonus-line',
  'editors',
  'options',
  'roster-ui',
  'packs-ui',
  'data-ui',
  'background',
  'parsers',
  'roster',
  'packs',
  'keys',
] as const;
export type Area = (typeof areas)[number];

type Loader = () => Promise<{ default: Messages }>;

// One import() per module: Vite emits each as its own chunk, loaded only when asked for.
const loaders = {
  en: {
    domain: () => import('./messages/en/domain'),
    popup: () => import('./messages/en/popup'),
    'eligibility-options': () => import('./messages/en/eligibility-options'),
    'bonus-line': () => import('./messages/en/bonus-line'),
    editors: () => import('./messages/en/editors'),
    options: () => import('./messages/en/options'),
    'roster-ui': () => import('./messages/en/roster-ui'),
    'packs-ui': () => import('./messages/en/packs-ui'),
    'data-ui': () => import('./messages/en/data-ui'),
    background: () => import('./messages/en/background'),
    parsers: () => import('./messages/en/parsers'),
    roster: () => import('./messages/en/roster'),
    packs: () => import('./messages/en/packs'),
    keys: () => import('./messages/en/keys'),
  },
  it: {
    domain: () => import('./messages/it/domain'),
    popup: () => import('./messages/it/popup'),
    'eligibility-options': () => import('./messages/it/eligibility-options'),
    'bonus-line': () => import('./messages/it/bonus-line'),
    editors: () => import('./messages/it/editors'),
    options: () => import('./messages/it/options'),
    'roster-ui': () => import('./messages/it/roster-ui'),
    'packs-ui': () => import('./messages/it/packs-ui'),
    'data-ui': () => import('./messages/it/data-ui'),
    background: () => import('./messages/it/background'),
    parsers: () => import('./messages/it/parsers'),
    roster: () => import('./messages/it/roster'),
    packs: () => import('./messages/it/packs'),
    keys: () => import('./messages/it/keys'),
  },
} satisfies Record<Language, Record<Area, Loader>>;

/** The English modules, the reference for keys and for which messages are plural. */
type English = { [A in Area]: Awaited<ReturnType<(typeof loaders)['en'][A]>>['default'] };
export type MessageKey = { [A in Area]: keyof English[A] & string }[Area];
/** The keys whose message has plural forms: t() needs their `count`. */
export type PluralKey = { [A in Area]: { [K in keyof English[A]]: English[A][K] extends string ? never : K }[keyof English[A]] }[Area] &
  string;
/** The keys of one area, for code that speaks only from that area (lib/roster, lib/packs, lib/parsers). */
export type AreaKey<A extends Area> = keyof English[A] & string;

export type MessageParams = Record<string, string | number>;
/** A plural message's parameters: `count` picks the form and fills `{count}`, formatted for the locale. */
export type PluralParams = MessageParams & { count: number };

/** The messages loaded so far, per language; each area's keys are merged in as it arrives. */
const loaded: Record<Language, Map<string, Message>> = { en: new Map(), it: new Map() };
const loadedAreas: Record<Language, Set<Area>> = { en: new Set(), it: new Set() };
/** Every area asked for so far: a language loaded later brings all of them, so a switch loses nothing. */
const areasInUse = new Set<Area>();

/**
 * Loads the language's messages of `areas` and of every area asked for before. Resolves when they can
 * be read; call setLanguage after it to switch.
 */
export async function loadLanguage(language: Language, areasToAdd: readonly Area[] = []): Promise<void> {
  for (const area of areasToAdd) areasInUse.add(area);
  await Promise.all(
    [...areasInUse]
      .filter((area) => !loadedAreas[language].has(area))
      .map(async (area) => {
        const module = await loaders[language][area]();
        for (const [key, message] of Object.entries(module.default)) loaded[language].set(key, message);
        loadedAreas[language].add(area);
      }),
  );
}

/** Whether the language's messages of `areasToAdd` and of every area asked for before are loaded. */
export function isLanguageLoaded(language: Language, areasToAdd: readonly Area[] = []): boolean {
  return [...areasInUse, ...areasToAdd].every((area) => loadedAreas[language].has(area));
}

/** Loads areas in the current language (and in any language loaded later): an editor's strings with its code. */
export function loadAreas(areasToAdd: readonly Area[]): Promise<void> {
  return loadLanguage(current, areasToAdd);
}

let current: Language = 'en';
let onRead: () => void = () => undefined;

/** Switches the language; its messages must have been loaded (loadLanguage). */
export function setLanguage(next: Language): void {
  current = next;
}
export function getLanguage(): Language {
  onRead();
  return current;
}

/**
 * Called at every look-up of a string or of the locale. Pages pass a read of their language signal
 * (components/app-state.ts), so each component that shows text follows the language and renders again
 * where it stands when it changes, keeping what the person did there.
 */
export function onLanguageRead(read: () => void): void {
  onRead = read;
}

/** 'auto' follows the browser's language when it is one Tierkit speaks, else English. */
export function resolveLanguage(choice: Language | 'auto', browserLanguage: string): Language {
  if (choice !== 'auto') return choice;
  const base = browserLanguage.toLowerCase().split('-')[0];
  return (languages as readonly string[]).includes(base ?? '') ? (base as Language) : 'en';
}

/**
 * Looks up a message in the current language and fills its `{name}` placeholders. A plural message
 * takes the form the language's plural rules give `count`, whose `{count}` is the number formatted.
 * A key whose area is not loaded reads as the key itself, so the gap shows instead of breaking the page.
 */
export function t<K extends MessageKey>(key: K, ...[params]: K extends PluralKey ? [params: PluralParams] : [params?: MessageParams]): string {
  onRead();
  const message = loaded[current].get(key);
  if (message === undefined) return key;
  if (typeof message === 'string') return fill(message, params);
  const count = Number(params?.count);
  return fill(pluralForm(message, count), { ...params, count: numberFormat(locale()).format(count) });
}

/**
 * One plural form of a message, unfilled: for the content script's badges, which fill the template
 * and pick the form themselves, page after page, from words the background sends once.
 */
export function pluralTemplate(key: PluralKey, category: 'one' | 'other'): string {
  const message = loaded[current].get(key);
  if (message === undefined || typeof message === 'string') return key;
  return message[category] ?? message.other;
}

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function pluralForm(message: PluralMessage, count: number): string {
  const tag = locale();
  let rules = pluralRules.get(tag);
  if (!rules) pluralRules.set(tag, (rules = new Intl.PluralRules(tag)));
  const category = rules.select(count);
  return (category === 'other' ? undefined : message[category]) ?? message.other;
}

function numberFormat(tag: string): Intl.NumberFormat {
  let format = numberFormats.get(tag);
  if (!format) numberFormats.set(tag, (format = new Intl.NumberFormat(tag)));
  return format;
}

function fill(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** "1.5 MB" in the current locale. */
export function formatMegabytes(bytes: number): string {
  return `${new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(bytes / 1_048_576)} MB`;
}

/** The BCP 47 locale used for numbers, money and dates. */
export function locale(): string {
  onRead();
  return current === 'it' ? 'it-IT' : 'en-US';
}
