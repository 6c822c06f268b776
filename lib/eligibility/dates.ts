import * as z from 'zod/mini';
import { t } from '../i18n';
// Calendar days as 'YYYY-MM-DD' strings and as day numbers (days since 1970-01-01). The arithmetic is
// done in UTC, so a day is always 24 hours long and no local clock change can shift a date; a
// timestamp (ms) belongs to the UTC day it falls in.

export const DAY_MS = 86_400_000;

const digit = (text: string, index: number) => text.charCodeAt(index) - 48;

/**
 * Days since 1970-01-01 of a 'YYYY-MM-DD' date. Plain arithmetic on the proleptic Gregorian calendar
 * (H. Hinnant's days_from_civil) rather than Date: these run for every day of every series.
 */
export function dayNumber(date: string): number {
  const month = digit(date, 5) * 10 + digit(date, 6);
  const day = digit(date, 8) * 10 + digit(date, 9);
  const year = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

const twoDigits = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** The 'YYYY-MM-DD' date of a day number (years 0 to 9999; civil_from_days). */
export function dateOfDay(dayNumber: number): string {
  const days = dayNumber + 719_468;
  const era = Math.floor(days / 146_097);
  const dayOfEra = days - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${twoDigits(month)}-${twoDigits(day)}`;
}

export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The UTC date a timestamp falls in. */
export function utcDate(ms: number): string {
  return dateOfDay(Math.floor(ms / DAY_MS));
}

/**
 * The calendar day a timestamp falls in, in the time zone this code runs in: in the browser (pages and
 * the background alike), the creator's own day, which decides their calendar month.
 */
export function localDate(ms: number): string {
  const date = new Date(ms);
  return `${String(date.getFullYear()).padStart(4, '0')}-${twoDigits(date.getMonth() + 1)}-${twoDigits(date.getDate())}`;
}

/** First and last day of the month `offset` months away from the month containing `date`. */
export function monthBounds(date: string, offset: number): { start: string; end: string } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + offset;
  return {
    start: dateOfDay(Date.UTC(year, month, 1) / DAY_MS),
    end: dateOfDay(Date.UTC(year, month + 1, 1) / DAY_MS - 1),
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A 'YYYY-MM-DD' day that exists (no 30 February), from 1970 on. */
export function isDay(text: string): boolean {
  return ISO_DATE.test(text) && text >= '1970-01-01' && dateOfDay(dayNumber(text)) === text;
}

/** A calendar day as stored and sent: 'YYYY-MM-DD', a day that exists. */
export const daySchema = z.string().check(z.refine(isDay, { error: () => t('err.day') }));
