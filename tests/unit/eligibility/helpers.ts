import { addDays } from '@/lib/eligibility/dates';
import type { DailyPoint } from '@/lib/eligibility/series';

/** Consecutive days from `start`, one value each (null: missing). */
export function daily(start: string, values: readonly (number | null)[]): DailyPoint[] {
  return values.map((value, i) => ({ date: addDays(start, i), value }));
}

/** `days` consecutive days from `start` with value f(i). */
export function curve(start: string, days: number, f: (i: number) => number | null): DailyPoint[] {
  return Array.from({ length: days }, (_, i) => ({ date: addDays(start, i), value: f(i) }));
}

export const at = (date: string, hour = 12) => Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
