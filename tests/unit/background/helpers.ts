// Builders shared by the background eligibility tests: a creator, days of Studio figures, snapshots.
import { emptyWorkspace } from '@/lib/domain/defaults';
import type { Profile, Workspace } from '@/lib/domain/schema';
import type { DailyStat, StatSnapshot } from '@/lib/domain/stats';
import { addDays, utcDate } from '@/lib/eligibility/dates';

export const HANDLE = 'mara.lens';
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** Noon UTC on 2026-06-30: "today" in these tests. */
export const NOW = Date.UTC(2026, 5, 30, 12);
export const TODAY = '2026-06-30';

export const creator = (overrides: Partial<Profile> = {}): Profile => ({
  handle: HANDLE,
  displayName: 'Mara',
  market: 'IT',
  currency: 'EUR',
  age: { kind: 'confirmed-adult' },
  goodStanding: true,
  updatedAt: 1,
  ...overrides,
});

export function workspaceWith(profile: Profile | null = creator(), settings: Partial<Workspace['settings']> = {}): Workspace {
  const ws = emptyWorkspace();
  return { ...ws, profile, settings: { ...ws.settings, ...settings } };
}

/** `count` consecutive days from `first`, each with the figures `figures(i)` gives (i from 0). */
export function studioDays(
  first: string,
  count: number,
  figures: (i: number) => { videoViews?: number | null; followers?: number | null },
): DailyStat[] {
  return Array.from({ length: count }, (_, i) => ({ handle: HANDLE, date: addDays(first, i), importedAt: 1, ...figures(i) }));
}

/** A capture at `capturedAt` (the day follows from it). */
export function snapshot(capturedAt: number, fields: Partial<StatSnapshot> = {}): StatSnapshot {
  return {
    handle: HANDLE,
    day: utcDate(capturedAt),
    capturedAt,
    followers: 9_000,
    source: 'universal',
    precise: true,
    ...fields,
  };
}

/** Noon UTC of a day. */
export const noon = (date: string) => Date.parse(`${date}T12:00:00Z`);
