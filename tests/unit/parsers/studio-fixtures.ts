// Builds TikTok Studio exports the way Studio writes them, in each language, for ranges too long to
// commit as files; and reads the small committed fixtures.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Node's URL, not the test environment's (happy-dom's URL would not make a file path).
const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/');

export function fixtureBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(fixtures + path));
}
export function fixtureText(path: string): string {
  return readFileSync(fixtures + path, 'utf8');
}

export const studioLanguages = ['en', 'en-GB', 'it', 'fr', 'es', 'de', 'pt'] as const;
export type StudioLanguage = (typeof studioLanguages)[number];

const monthNames: Record<StudioLanguage, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  'en-GB': ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  it: ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  pt: ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
};

/** A YYYY-MM-DD day as Studio writes it in a language, without the year. */
export function studioDay(iso: string, language: StudioLanguage): string {
  const month = monthNames[language][Number(iso.slice(5, 7)) - 1]!;
  const day = Number(iso.slice(8, 10));
  switch (language) {
    case 'en':
      return `${month} ${day}`;
    case 'fr':
      return `${day === 1 ? '1er' : day} ${month}`;
    case 'es':
    case 'pt':
      return `${day} de ${month}`;
    case 'de':
      return `${day}. ${month}`;
    default:
      return `${day} ${month}`;
  }
}

/** The `count` days ending on `lastDay`, oldest first. */
export function daysEnding(lastDay: string, count: number): string[] {
  const end = Date.parse(`${lastDay}T00:00:00Z`);
  return Array.from({ length: count }, (_, index) => new Date(end - (count - 1 - index) * 86_400_000).toISOString().slice(0, 10));
}

export const OVERVIEW_HEADER = '"Date","Video Views","Profile Views","Likes","Comments","Shares"';
export const FOLLOWERS_HEADER = '"Date","Followers","Difference in followers from previous day"';

/** An Overview.csv: views grow with the day's index so each value is checkable. */
export function overviewCsv(days: readonly string[], language: StudioLanguage = 'en'): string {
  const rows = days.map((day, index) => `${studioDay(day, language)},${1000 + index},${index % 50},${index * 3},${index % 7},${index % 5}`);
  return [OVERVIEW_HEADER, ...rows, ''].join('\n');
}

export function followerHistoryCsv(days: readonly string[], language: StudioLanguage = 'en'): string {
  const rows = days.map((day, index) => `${studioDay(day, language)},${5000 + index * 2},${index === 0 ? 0 : 2}`);
  return [FOLLOWERS_HEADER, ...rows, ''].join('\n');
}

export const encode = (text: string) => new TextEncoder().encode(text);
