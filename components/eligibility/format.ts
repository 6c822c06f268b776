// Words and numbers for eligibility, shared by the popup card and the options section.
import { locale, t } from '@/lib/i18n';
import type { RequirementView } from '@/lib/protocol/schemas';
import { localDate } from '@/lib/eligibility/dates';

/** Data older than this is flagged as stale: TikTok numbers move daily. */
export const STALE_AFTER_MS = 2 * 86_400_000;

export const count = (value: number): string =>
  new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 }).format(value);

/** A calendar day in the page's language, read as UTC so it never shifts by a day. */
/** "September 2025": the month of a day ('YYYY-MM-DD') or a month ('YYYY-MM'), in the page's language. */
export const monthName = (date: string): string =>
  new Intl.DateTimeFormat(locale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date.slice(0, 7)}-01T00:00:00Z`));

export const day = (date: string): string =>
  new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );

/** Today as the creator's calendar has it (their time zone, not UTC). */
export function localToday(): string {
  return localDate(Date.now());
}

/** "Followers", "Video views, last month": the key names the kind, and the window when it is a month. */
export function requirementName(requirement: Pick<RequirementView, 'kind' | 'window'>): string {
  return t(`eligibility.req.${requirement.kind}${requirement.window === 'calendar-month' ? '.month' : ''}` as 'eligibility.req.age');
}

/** "8,200 of 10,000", or that there is no data. */
export function valueText(requirement: RequirementView): string {
  if (requirement.value === null) return t('eligibility.noValue');
  if (requirement.threshold === null) return count(requirement.value);
  return t('eligibility.valueOf', { value: count(requirement.value), threshold: count(requirement.threshold) });
}

/** The projected date and pace, first line the main one; the range is separate (shown as a hint). */
export function projectionText(requirement: RequirementView): { lines: string[]; range?: string } {
  const { status, date, optimistic, pessimistic, perDayNeeded } = requirement.projection;
  const lines: string[] = [];
  let range: string | undefined;
  if (status === 'on-pace' && date) {
    lines.push(t('eligibility.projection.date', { date: day(date) }));
    if (optimistic && pessimistic && optimistic !== pessimistic) {
      range = t('eligibility.projection.range', { optimistic: day(optimistic), pessimistic: day(pessimistic) });
    }
  } else if (status === 'not-at-current-pace') lines.push(t('eligibility.projection.notAtPace'));
  else if (status === 'no-data' && requirement.value !== null) lines.push(t('eligibility.projection.noData'));
  if (status !== 'met' && perDayNeeded) lines.push(t('eligibility.projection.perDay', { views: count(Math.ceil(perDayNeeded)) }));
  return { lines, range };
}

/** "Updated 3 hours ago" in the page's language. */
export function updatedText(at: number, now: number): string {
  const minutes = Math.round((at - now) / 60_000);
  const format = new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' });
  const when =
    Math.abs(minutes) < 60
      ? format.format(minutes, 'minute')
      : Math.abs(minutes) < 1440
        ? format.format(Math.round(minutes / 60), 'hour')
        : // Days by the calendar (UTC, as data days are): data of the 23rd seen on the 24th is "yesterday".
          format.format(Math.floor(at / 86_400_000) - Math.floor(now / 86_400_000), 'day');
  return t('eligibility.updated', { when });
}
