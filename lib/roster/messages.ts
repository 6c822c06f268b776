// The roster's messages in the current language, looked up in lib/i18n/roster.ts directly (as
// lib/parsers/problems.ts does) so validation works in every context that validates a roster.
import { getLanguage, type MessageParams } from '../i18n';
import { roster } from '../i18n/roster';

export type RosterMessageKey = keyof (typeof roster)['en'];

export function rosterMessage(key: RosterMessageKey, params: MessageParams = {}): string {
  const template = roster[getLanguage()][key] ?? roster.en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
