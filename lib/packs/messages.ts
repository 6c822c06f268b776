// Badge-pack messages in the current language, looked up in lib/i18n/packs.ts directly (as
// lib/parsers/problems.ts does), so packs verify in the background and on any page.
import { getLanguage, locale, type MessageParams } from '../i18n';
import { packs } from '../i18n/packs';

export type PackMessageKey = keyof (typeof packs)['en'];

export function packMessage(key: PackMessageKey, params: MessageParams = {}): string {
  const template = packs[getLanguage()][key] ?? packs.en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** "1.5" (megabytes) in the current locale. */
export function megabytes(bytes: number): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(bytes / 1_048_576);
}

/** An issue date as people read it, in UTC so that everyone names the same moment. */
export function issuedDate(iso: string): string {
  return new Intl.DateTimeFormat(locale(), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(new Date(iso));
}
