// Badge-pack messages in the current language (lib/i18n/messages/<language>/packs.ts): every context
// that verifies packs, the background and the options page, loads that area.
import { locale, t, type AreaKey, type MessageParams } from '../i18n';

export type PackMessageKey = AreaKey<'packs'>;

export const packMessage = (key: PackMessageKey, params?: MessageParams): string => t(key, params);

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
