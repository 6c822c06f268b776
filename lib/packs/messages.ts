// Badge-pack messages in the current language, looked up in lib/i18n/packs.ts directly (as
// lib/parsers/problems.ts does), so packs verify in the background and on any page.
import { locale, sectionMessage, type MessageParams } from '../i18n';
import { packs } from '../i18n/packs';

export type PackMessageKey = keyof (typeof packs)['en'];

export const packMessage = (key: PackMessageKey, params?: MessageParams): string => sectionMessage(packs, key, params);

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
