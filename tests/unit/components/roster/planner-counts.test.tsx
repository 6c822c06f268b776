import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { openOptions, tierNamed, ws } from '../options/options-page';
import { addSubscriber, seedTiers } from './roster-page';
import { bonus, publishView, view } from '../eligibility/view';

const expected = (name: string) => screen.getByLabelText(`Expected subscribers for ${name}`) as HTMLInputElement;
const countBeside = (name: string) => expected(name).closest('td')!.textContent;

/** Bronze and Gold, with two active subscribers of Gold, one lapsed, and one active of Bronze. */
async function seedRoster() {
  await seedTiers();
  await addSubscriber({ handle: 'ann', tier: 'Gold', since: '2025-06-01' });
  await addSubscriber({ handle: 'bob', tier: 'Gold', since: '2025-06-01' });
  await addSubscriber({ handle: 'cat', tier: 'Gold', since: '2025-06-01', status: 'lapsed' });
  await addSubscriber({ handle: 'dan', tier: 'Bronze', since: '2025-06-01' });
}

describe('price planner: the roster’s counts', () => {
  it('shows each tier’s active subscribers beside the expected ones, and copies them on request', async () => {
    await openOptions('#tiers', seedRoster);
    await waitFor(() => expect(countBeside('Gold')).toBe('Now 2 active'));
    expect(countBeside('Bronze')).toBe('Now 1 active');
    expect(expected('Gold').value).toBe('0');

    fireEvent.click(screen.getByRole('button', { name: 'Use current subscriber counts' }));
    await waitFor(() =>
      expect(ws().settings.planner.expectedSubscribers).toEqual({ [tierNamed('Bronze').id]: 1, [tierNamed('Gold').id]: 2 }),
    );
    await waitFor(() => expect(expected('Gold').value).toBe('2'));
    expect(expected('Bronze').value).toBe('1');

    // A subscriber added elsewhere (the context menu on tiktok.com) shows at once.
    await addSubscriber({ handle: 'eve', tier: 'Gold', since: '2026-01-01' });
    await waitFor(() => expect(countBeside('Gold')).toBe('Now 3 active'));
    expect(expected('Gold').value).toBe('2');
  });

  it('sets the roster’s active subscribers against the plan and estimates the month from them', async () => {
    await openOptions('#tiers', seedRoster);
    const gold = expected('Gold');
    fireEvent.input(gold, { target: { value: '5' } });
    fireEvent.change(gold);
    const table = () => within(screen.getByRole('table', { name: 'Active subscribers per tier against the plan' }));
    const row = (name: string) => table().getByRole('rowheader', { name }).closest('tr')!;
    const cells = (name: string) => within(row(name)).getAllByRole('cell').map((cell) => cell.textContent);
    await waitFor(() => expect(cells('Gold')).toEqual(['5', '2', '-3']));
    expect(cells('Bronze')).toEqual(['0', '1', '+1']);
    // US rule, 30% fee on every purchase, 70% of what is left, 20% more with the bonus (the default).
    // Gold: 2 × $9.99 = $19.98; fee $5.99; left $13.99; $9.79 and $2.80 bonus.
    // Bronze: $4.99; fee $1.50; left $3.49; $2.44 and $0.70 bonus.
    screen.getByText('This month from the roster’s active subscribers: $12.23 without the bonus, $15.73 with it.');
    // Nothing recorded: whether this month carries the bonus cannot be told.
    screen.getByText(/^Too little was recorded last month/);

    // Last month earned the bonus, so this month's earnings carry it; this month decides next month's.
    await publishView(view({ bonus: bonus({ lastMonth: { ...bonus().lastMonth, result: 'earned' } }) }));
    await screen.findByText(
      'Last month met the bonus conditions, so this month’s earnings carry the bonus. This month is at risk for next month’s: see Eligibility.',
    );
    await publishView(view({ bonus: bonus({ status: 'on-track' }) }));
    await screen.findByText(/^Last month missed the bonus conditions, so count on this month’s earnings without it\. This month is on track/);
  });
});
