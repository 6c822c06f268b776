// The roster's messages in the current language, looked up in lib/i18n/roster.ts directly (as
// lib/parsers/problems.ts does) so validation works in every context that validates a roster.
import { sectionMessage, type MessageParams } from '../i18n';
import { roster } from '../i18n/roster';

export type RosterMessageKey = keyof (typeof roster)['en'];

export const rosterMessage = (key: RosterMessageKey, params?: MessageParams): string =>
  sectionMessage(roster, key, params);
