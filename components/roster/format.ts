// Words, numbers and days of the roster section.
import { locale, type MessageKey } from '@/lib/i18n';
import { utcDate } from '@/lib/eligibility/dates';
import type { Subscriber } from '@/lib/roster/schema';

export const count = (value: number): string => new Intl.NumberFormat(locale()).format(value);

/** A calendar day in the page's language, read as UTC so it never shifts by a day. */
export const formatDay = (date: string): string =>
  new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

/** The day months are counted to: the background's (UTC), as it sorts and badges by it. */
export const rosterToday = (): string => utcDate(Date.now());

/**
 * The start date a new subscriber gets: today on the creator's calendar, but never after the
 * background's today, which refuses a start in the future.
 */
export function defaultSince(): string {
  const now = new Date();
  const two = (n: number) => String(n).padStart(2, '0');
  const local = `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
  const utc = rosterToday();
  return local < utc ? local : utc;
}

export const sourceKey = (source: Subscriber['source']): MessageKey => `roster.ui.source.${source}` as MessageKey;
export const statusKey = (status: Subscriber['status']): MessageKey => `roster.ui.status.${status}` as MessageKey;
