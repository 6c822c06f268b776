// How long someone has subscribed, and the badge level that follows from it (the page words the
// tooltip from templates the background sends: lib/page/badges/badge-element.ts).
//
// The month rule: a month is complete on the monthly anniversary of `since`, the same day of the
// month, or the month's last day when the month is shorter. So from 31 January, 28 February (29 in
// a leap year) completes one month and 31 March two; from 29 February 2024, 28 February 2025 completes
// twelve. The day of `since` itself counts zero months, as does any day before it. Months never go
// down as the day advances, and the count is the same whatever the time zone, since both ends are
// calendar days ('YYYY-MM-DD').
import { tenureLevel } from '../domain/offer';
import type { Tier } from '../domain/schema';
import type { Subscriber } from './schema';

function parts(day: string): [number, number, number] {
  return [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))];
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Calendar months completed from `since` to `day` (both 'YYYY-MM-DD'), by the rule above; 0 before `since`. */
export function monthsBetween(since: string, day: string): number {
  if (day <= since) return 0;
  const [fromYear, fromMonth, fromDay] = parts(since);
  const [toYear, toMonth, toDay] = parts(day);
  const months = (toYear - fromYear) * 12 + (toMonth - fromMonth);
  const anniversaryReached = toDay >= fromDay || toDay === daysInMonth(toYear, toMonth);
  return anniversaryReached ? months : months - 1;
}

/** The cumulative months a badge shows on `today`: the creator's override when set, else counted from `since`. */
export function cumulativeMonths(subscriber: Pick<Subscriber, 'since' | 'monthsOverride'>, today: string): number {
  return subscriber.monthsOverride ?? monthsBetween(subscriber.since, today);
}

export interface Tenure {
  months: number;
  /** 1-based level on the tier's tenure steps; 0 before the first step. */
  level: number;
  /** The months came from the creator's override rather than from `since`. */
  overridden: boolean;
}

export function tenureOf(
  subscriber: Pick<Subscriber, 'since' | 'monthsOverride'>,
  tier: Pick<Tier, 'tenureSteps'>,
  today: string,
): Tenure {
  const months = cumulativeMonths(subscriber, today);
  return { months, level: tenureLevel(months, tier.tenureSteps), overridden: subscriber.monthsOverride !== undefined };
}
