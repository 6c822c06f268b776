// Tierkit's own dictionary: every user-visible string in English and Italian. The compiler checks that
// Italian has every English key (see Dictionary). browser.i18n is used only for the manifest, because
// it cannot follow the language chosen in Settings.
import { domain } from './domain';
import { common } from './ui-common';
import { eligibilityCard } from './ui-eligibility-card';
import type { background } from './background';
import type { eligibilityOptions } from './ui-eligibility-options';
import type { editors } from './ui-editors';
import { popup } from './ui-popup';
import type { options } from './ui-options';
import type { rosterUi } from './ui-roster';
import type { packsUi } from './ui-packs';
import type { dataUi } from './ui-data';

// The popup's strings are built in; the options page adds its own at start (addMessages), which keeps
// its ~4 KB of strings out of the popup's bundle.
const en = { ...domain.en, ...common.en, ...popup.en, ...eligibilityCard.en };
export type MessageKey =
  | keyof typeof en
  | keyof (typeof options)['en']
  | keyof (typeof eligibilityOptions)['en']
  | keyof (typeof background)['en']
  | keyof (typeof editors)['en']
  | keyof (typeof rosterUi)['en']
  | keyof (typeof packsUi)['en']
  | keyof (typeof dataUi)['en'];

export const languages = ['en', 'it'] as const;
export type Language = (typeof languages)[number];
const dictionaries: Record<Language, Partial<Record<MessageKey, string>>> = {
  en,
  it: { ...domain.it, ...common.it, ...popup.it, ...eligibilityCard.it },
};

/** Adds a page's own section of strings. */
export function addMessages(section: { en: Record<string, string>; it: Record<string, string> }): void {
  Object.assign(dictionaries.en, section.en);
  Object.assign(dictionaries.it, section.it);
}

let current: Language = 'en';
let onRead: () => void = () => undefined;

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

export type MessageParams = Record<string, string | number>;

/** Looks up a message and fills `{name}` placeholders. */
export function t(key: MessageKey, params?: MessageParams): string {
  onRead();
  return fill(dictionaries[current][key] ?? dictionaries.en[key] ?? key, params);
}

function fill(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

type Section = { en: Record<string, string>; it: Record<string, string> };

/**
 * A message of a section read directly, in the current language: for code (parsers, roster, packs)
 * that must speak in any context, whether or not that context registered the section with addMessages.
 */
export function sectionMessage<S extends Section>(section: S, key: keyof S['en'] & string, params?: MessageParams): string {
  onRead();
  return fill(section[current][key] ?? section.en[key] ?? key, params);
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
