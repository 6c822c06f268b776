import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FALLBACK_VIEWPORT, HEADER_HEIGHT, OVERSCAN, ROW_HEIGHT } from '@/components/roster/RosterGrid';
import { PAGE_SIZE } from '@/components/roster/use-roster-rows';
import { mustAsk, bodyRows, cellsOf, openRoster, rosterTable, seedTiers, shownHandles } from './roster-page';
import { openOptions } from '../options/options-page';
import { ask } from '@/lib/client/ask';
import { sendRosterCsv } from '../../helpers/uploads';

const TOTAL = 100_000;
const handleOf = (i: number) => `fan${String(i).padStart(6, '0')}`;

/** 100,000 subscribers through the CSV import, as a creator would bring them in. */
async function seedHundredThousand() {
  await seedTiers();
  const lines = ['handle,nickname,tier,since'];
  for (let i = 0; i < TOTAL; i++) lines.push(`${handleOf(i)},Fan ${i},${i % 3 ? 'Gold' : 'Bronze'},2025-01-01`);
  const answer = await sendRosterCsv((request) => ask(request as never), 'big.csv', lines.join('\n'), true);
  expect(answer).toMatchObject({ ok: true, data: { ok: true, applied: true, summary: { new: TOTAL } } });
}

/** Rows that fit in the fallback viewport, plus the overscan on both sides. */
const MOST_ROWS = Math.ceil((FALLBACK_VIEWPORT - HEADER_HEIGHT) / ROW_HEIGHT) + 1 + 2 * OVERSCAN + 1;

const scroller = () => rosterTable().parentElement as HTMLElement;
function scrollTo(top: number) {
  scroller().scrollTop = top;
  fireEvent.scroll(scroller());
}

/** The roster windows the page asked the background for. */
function queries(spy: { mock: { calls: unknown[][] } }) {
  return spy.mock.calls
    .map(([message]) => message as { type: string; offset?: number; limit?: number })
    .filter((message) => message.type === 'roster.query');
}

describe('Subscribers: a roster of 100,000', () => {
  it('renders only the rows in view, fetches only the pages it shows, scrolls to any row, and searches them all', async () => {
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    await openOptions('#subscribers', seedHundredThousand);
    await waitFor(() => expect(shownHandles()[0]).toBe('@fan000000'), { timeout: 15_000 });
    screen.getByText('100,000 subscribers');
    expect(rosterTable().getAttribute('aria-rowcount')).toBe(String(TOTAL + 1));
    // The scroll area is as tall as every row, but only a window of rows exists.
    const body = within(rosterTable()).getAllByRole('rowgroup')[1]!;
    expect(body.style.height).toBe(`${TOTAL * ROW_HEIGHT}px`);
    expect(bodyRows().length).toBeGreaterThan(5);
    expect(bodyRows().length).toBeLessThanOrEqual(MOST_ROWS);
    expect(bodyRows().map((row) => row.getAttribute('aria-rowindex'))[0]).toBe('2');
    expect(queries(sent).every((q) => q.limit === PAGE_SIZE)).toBe(true);
    expect(queries(sent).map((q) => q.offset)).toEqual([0]);

    // Halfway down: rows 50,000 on, at their place; the first rows are gone from the DOM.
    scrollTo(50_000 * ROW_HEIGHT);
    await waitFor(() => expect(shownHandles()).toContain('@fan050000'));
    expect(shownHandles()).not.toContain('@fan000000');
    expect(bodyRows().length).toBeLessThanOrEqual(MOST_ROWS);
    const row = bodyRows().find((candidate) => cellsOf(candidate)[1] === '@fan050000')!;
    expect(row.getAttribute('aria-rowindex')).toBe('50002');
    expect(row.style.top).toBe(`${50_000 * ROW_HEIGHT}px`);
    expect(cellsOf(row)[2]).toBe('Fan 50000');

    // The very end.
    scrollTo(TOTAL * ROW_HEIGHT - (FALLBACK_VIEWPORT - HEADER_HEIGHT));
    await waitFor(() => expect(shownHandles()).toContain('@fan099999'));
    expect(bodyRows().length).toBeLessThanOrEqual(MOST_ROWS);
    // Only the pages in view were asked for, each once.
    const offsets = queries(sent).map((q) => q.offset!);
    expect(new Set(offsets).size).toBe(offsets.length);
    expect(offsets.length).toBeLessThanOrEqual(6);
    expect(offsets).toContain(50_000);
    expect(offsets).toContain(99_900);

    // A search runs over the whole roster, not over the rows fetched so far, and starts at the top.
    fireEvent.input(screen.getByLabelText('Search'), { target: { value: 'fan09999' } });
    await waitFor(() => expect(shownHandles()).toEqual(Array.from({ length: 10 }, (_, i) => `@fan09999${i}`)));
    screen.getByText('10 subscribers match');
    expect(scroller().scrollTop).toBe(0);
  }, 240_000);

  it('keeps the focused row rendered when it scrolls out of view', async () => {
    await openRoster(Array.from({ length: 60 }, (_, i) => ({ handle: handleOf(i), tier: 'Gold', since: '2025-01-01' })));
    await waitFor(() => expect(shownHandles()[0]).toBe('@fan000000'));
    const edit = screen.getByRole('button', { name: 'Edit @fan000000' });
    edit.focus();
    fireEvent.focusIn(edit);
    scrollTo(50 * ROW_HEIGHT);
    await waitFor(() => expect(shownHandles()).toContain('@fan000050'));
    expect(document.activeElement).toBe(edit);
    expect(edit.isConnected).toBe(true);
    // Page Down from the focused row brings the next page of rows into view and focus with it.
    fireEvent.keyDown(edit, { key: 'PageDown' });
    await waitFor(() => expect((document.activeElement as HTMLElement).getAttribute('aria-label')).toBe('Edit @fan000009'));
  });
});
