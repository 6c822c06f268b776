// The Subscribers section on the real background: seeds a profile, tiers and subscribers through the same
// messages the pages send, and reads the virtualised table as a person (or a screen reader) would.
import { screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { ask } from '@/lib/client/ask';
import { rosterPageSchema } from '@/lib/protocol/roster-answers';
import type { Subscriber } from '@/lib/roster/schema';
import { openOptions, saved, seedProfile, tier, tierNamed } from '../options/options-page';

/** Today for every roster test (the background counts months to it too). */
export const NOW = new Date('2026-03-15T12:00:00Z');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

export async function seedTiers() {
  await seedProfile('US', 'USD');
  await saved({ type: 'tier.save', tier: tier('Bronze', 499, { status: 'active', badge: { label: 'BRZ', color: '#cd7f32' } }) });
  await saved({ type: 'tier.save', tier: tier('Gold', 999, { status: 'active', badge: { label: 'GOLD', color: '#ffcc00' } }) });
}

export interface NewSubscriber {
  handle?: string;
  nickname?: string;
  tier: string;
  since: string;
  monthsOverride?: number;
  status?: Subscriber['status'];
  note?: string;
}

/** Adds a subscriber as the form does; `tier` is the tier's name. */
export async function addSubscriber(s: NewSubscriber): Promise<string> {
  const { tier: name, ...rest } = s;
  const response = await ask({ type: 'roster.save', subscriber: { ...rest, tierId: tierNamed(name).id } });
  expect(response).toMatchObject({ ok: true });
  return (response as { data: { id: string } }).data.id;
}

/** Profile, Bronze and Gold, and these subscribers, then the page at #subscribers. */
export async function openRoster(subscribers: NewSubscriber[] = []) {
  const result = await openOptions('#subscribers', async () => {
    await seedTiers();
    for (const s of subscribers) await addSubscriber(s);
  });
  return result;
}

/** Asks the background as a page does; the answer must be ok. */
export async function mustAsk(request: Parameters<typeof ask>[0]) {
  const response = await ask(request);
  expect(response).toMatchObject({ ok: true });
  return (response as { data?: unknown }).data;
}

/** Every record on the roster, as the background has it, by handle. */
export async function storedRoster(): Promise<Subscriber[]> {
  const data = await mustAsk({ type: 'roster.query', search: '', sort: 'handle', descending: false, offset: 0, limit: 500 });
  return rosterPageSchema.parse(data).rows;
}

export const rosterTable = () => screen.getByRole('table', { name: 'Subscribers' });

/** The table's data rows in the DOM (the header row left out). */
export function bodyRows(): HTMLElement[] {
  return within(rosterTable())
    .getAllByRole('row')
    .filter((row) => row.getAttribute('aria-rowindex') !== '1');
}

/** The text of each cell of a row. */
export const cellsOf = (row: HTMLElement) => within(row).getAllByRole('cell').map((cell) => cell.textContent ?? '');

/** The Username column of the rows shown, in order. */
export const shownHandles = () => bodyRows().map((row) => cellsOf(row)[1]);

/** Waits until the table shows exactly these usernames, in this order. */
export async function expectHandles(handles: string[]) {
  await waitFor(() => expect(shownHandles()).toEqual(handles));
}

/** The row of a subscriber, by what its Username cell says ("@maya"). */
export function rowOf(name: string): HTMLElement {
  const row = bodyRows().find((candidate) => cellsOf(candidate)[1] === name || cellsOf(candidate)[2] === name);
  if (!row) throw new Error(`no row for ${name}; rows: ${shownHandles().join(', ')}`);
  return row;
}
