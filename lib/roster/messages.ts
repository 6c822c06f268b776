// The roster's messages in the current language (lib/i18n/messages/<language>/roster.ts): every
// context that validates a roster, the background and the options page, loads that area.
import { t, type AreaKey, type MessageParams } from '../i18n';

export type RosterMessageKey = AreaKey<'roster'>;

export const rosterMessage = (key: RosterMessageKey, params?: MessageParams): string => t(key, params);
