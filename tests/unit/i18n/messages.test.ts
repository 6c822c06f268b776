// Every language says everything English says, with the same placeholders, and has each plural form
// its plural rules can ask for. Read from the message modules on disk (lib/i18n/messages/<language>/
// <area>.ts), so a language or an area added later is checked without changing this test.
import { describe, expect, it } from 'vitest';
import { areas, languages } from '@/lib/i18n';
import type { Message, Messages } from '@/lib/i18n/types';

const modules = import.meta.glob<Messages>('/lib/i18n/messages/*/*.ts', { eager: true, import: 'default' });

/** language → area → messages */
const catalog = new Map<string, Map<string, Messages>>();
for (const [path, messages] of Object.entries(modules)) {
  const [, language, area] = /\/messages\/([^/]+)\/([^/]+)\.ts$/.exec(path)!;
  if (!catalog.has(language!)) catalog.set(language!, new Map());
  catalog.get(language!)!.set(area!, messages);
}
const english = catalog.get('en')!;
const others = [...catalog.keys()].filter((language) => language !== 'en');

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!))].sort();
const forms = (message: Message): [string, string][] =>
  typeof message === 'string' ? [['', message]] : Object.entries(message);
/** The placeholders of a message, one list per form (a plain string has one form, ''). */
const placeholdersOf = (message: Message) => forms(message).map(([form, text]) => [form, placeholders(text)] as const);

describe('the message modules', () => {
  it('are one folder per language Tierkit offers, each with every area', () => {
    expect([...catalog.keys()].sort()).toEqual([...languages].sort());
    for (const [language, byArea] of catalog) expect([language, [...byArea.keys()].sort()]).toEqual([language, [...areas].sort()]);
  });

  it('give no message two areas', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [area, messages] of english) {
      for (const key of Object.keys(messages)) {
        if (seen.has(key)) twice.push(`${key} in ${seen.get(key)} and ${area}`);
        seen.set(key, area);
      }
    }
    expect(twice).toEqual([]);
  });
});

describe.each([...catalog.keys()])('%s', (language) => {
  const byArea = catalog.get(language)!;
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;

  it('has exactly the keys English has, area by area', () => {
    for (const [area, reference] of english) {
      const keys = Object.keys(byArea.get(area) ?? {}).sort();
      expect({ area, keys }).toEqual({ area, keys: Object.keys(reference).sort() });
    }
  });

  it('uses the placeholders English uses, in every form of every message', () => {
    const differing: string[] = [];
    for (const [area, reference] of english) {
      for (const [key, message] of Object.entries(byArea.get(area) ?? {})) {
        const englishMessage = reference[key];
        if (englishMessage === undefined) continue;
        // Every form names every placeholder: a form that drops {count} would be wrong in a language
        // whose "one" holds more numbers than 1.
        const expected = [...new Set(placeholdersOf(englishMessage).flatMap(([, names]) => names))].sort().join(',');
        if (typeof message !== typeof englishMessage) differing.push(`${key}: plural in one language, not in the other`);
        for (const [form, names] of placeholdersOf(message)) {
          if (names.join(',') !== expected) differing.push(`${key}${form && `.${form}`}: {${names.join('}{')}} instead of {${expected.split(',').join('}{')}}`);
        }
      }
    }
    expect(differing).toEqual([]);
  });

  it(`has the plural forms its rules ask for (${categories.join(', ')}), and no other`, () => {
    const wrong: string[] = [];
    for (const messages of byArea.values()) {
      for (const [key, message] of Object.entries(messages)) {
        if (typeof message === 'string') continue;
        const missing = categories.filter((category) => !(category in message));
        const extra = Object.keys(message).filter((form) => !(categories as string[]).includes(form));
        if (missing.length) wrong.push(`${key} lacks ${missing.join(', ')}`);
        if (extra.length) wrong.push(`${key} has ${extra.join(', ')}, which ${language} never uses`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('words counts as plural messages, never as "tier(s)" or "livello/i"', () => {
    const patched = [...byArea.values()]
      .flatMap((messages) => Object.entries(messages))
      .flatMap(([key, message]) => forms(message).map(([, text]) => [key, text] as const))
      .filter(([, text]) => /\w\((?:s|i|e)\)|\w\/(?:i|e)\b/.test(text));
    expect(patched).toEqual([]);
  });
});

it('checks every language besides English against it', () => {
  // Guards the test itself: with no other language it would check nothing.
  expect(others.length).toBeGreaterThan(0);
});
