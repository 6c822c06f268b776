// Tierkit's own dictionary: every user-visible string in English and Italian. The compiler checks that
// Italian has every English key (see Dictionary). browser.i18n is used only for the manifest, because
// it cannot follow the language chosen in Settings.
import { domain } from './domain';
import { ui } from './ui';

const en = { ...domain.en, ...ui.en };
export type MessageKey = keyof typeof en;
const it: Record<MessageKey, string> = { ...domain.it, ...ui.it };

export const languages = ['en', 'it'] as const;
export type Language = (typeof languages)[number];
const dictionaries: Record<Language, Record<MessageKey, string>> = { en, it };

let current: Language = 'en';

export function setLanguage(language: Language): void {
  current = language;
}
export function getLanguage(): Language {
  return current;
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
  const template = dictionaries[current][key] ?? en[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function isMessageKey(key: string): key is MessageKey {
  return key in en;
}

/** The BCP 47 locale used for numbers, money and dates. */
export function locale(): string {
  return current === 'it' ? 'it-IT' : 'en-US';
}
