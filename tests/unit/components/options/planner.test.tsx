import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { openOptions, saved, seedProfile, tier, tierNamed, ws } from './options-page';
import { versionOf } from '@/lib/domain/version';

const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((cell) => cell.textContent);
const table = () => within(screen.getByRole('table', { name: /Monthly revenue per tier/ }));
const rowOf = (name: string) => table().getByRole('rowheader', { name: new RegExp(`^${name}`) }).closest('tr')!;

async function seedOffer() {
  await seedProfile('US', 'USD');
  await saved({ type: 'tier.save', tier: tier('Bronze', 499, { status: 'active' }) });
  await saved({ type: 'tier.save', tier: tier('Gold', 999, { status: 'active' }) });
  await saved({ type: 'tier.save', tier: tier('Retired', 1999, { status: 'archived' }) });
  const settings = ws().settings;
  await saved({
    type: 'settings.save',
    settings: {
      ...settings,
      planner: { ...settings.planner, bonusPercent: 10, expectedSubscribers: { [tierNamed('Bronze').id]: 50 } },
    },
    loaded: versionOf(settings),
  });
}

describe('price planner', () => {
  it('shows an empty state when there are no tiers', async () => {
    await openOptions('#tiers');
    screen.getByText('Create a tier to see what a month of subscriptions could bring in.');
    expect(screen.queryByRole('table', { name: /Monthly revenue/ })).toBeNull();
  });

  it('computes every line and the total from prices, expected subscribers and the US rule', async () => {
    await openOptions('#tiers', seedOffer);
    screen.getByText(/Revenue rule for United States: “United States and Canada”/);

    const gold = screen.getByLabelText('Expected subscribers for Gold');
    fireEvent.input(gold, { target: { value: '100' } });
    fireEvent.change(gold);
    await waitFor(() => expect(ws().settings.planner.expectedSubscribers[tierNamed('Gold').id]).toBe(100));

    // 30% app-store fee; creator 70% + 10% bonus of what is left.
    // Bronze: 50 × $4.99 = $249.50; fee $74.85; net 80% of $174.65 = $139.72; bonus $17.47 (17.465 rounded).
    // Gold: 100 × $9.99 = $999.00; fee $299.70; net 80% of $699.30 = $559.44; bonus $69.93.
    // The subscriber cell holds the input and the roster's active count beside it.
    await waitFor(() =>
      expect(cells(rowOf('Gold'))).toEqual(['$9.99', 'Now 0 active', '$999.00', '$299.70', '$139.86', '$69.93', '$559.44']),
    );
    expect(cells(rowOf('Bronze'))).toEqual(['$4.99', 'Now 0 active', '$249.50', '$74.85', '$34.93', '$17.47', '$139.72']);
    expect(cells(rowOf('Total'))).toEqual(['', '150', '$1,248.50', '$374.55', '$174.79', '$87.40', '$699.16']);
    expect((screen.getByLabelText('Expected subscribers for Bronze') as HTMLInputElement).value).toBe('50');
    // Archived tiers are not planned.
    expect(screen.queryByLabelText('Expected subscribers for Retired')).toBeNull();
  });

  it('recomputes when the app-store fee changes, and saves it', async () => {
    await openOptions('#tiers', seedOffer);
    const fee = screen.getByLabelText('App-store fees (%)');
    fireEvent.input(fee, { target: { value: '0' } });
    fireEvent.change(fee);
    await waitFor(() => expect(ws().settings.planner.appStoreFeePercent).toBe(0));
    // Bronze without fees: $249.50 gross, 80% = $199.60 net.
    await waitFor(() => expect(cells(rowOf('Bronze'))[6]).toBe('$199.60'));
  });

  it('refuses a bonus above the market rule’s maximum and bad subscriber counts, saving nothing', async () => {
    await openOptions('#tiers', seedOffer);
    const before = ws().settings;
    const bonus = screen.getByLabelText('Expected bonus (%, at most 20)');
    fireEvent.input(bonus, { target: { value: '25' } });
    fireEvent.change(bonus);
    await screen.findByText('The bonus in this market is at most 20%');
    expect(bonus.getAttribute('aria-invalid')).toBe('true');
    expect((bonus as HTMLInputElement).value).toBe('25');

    const bronze = screen.getByLabelText('Expected subscribers for Bronze');
    fireEvent.input(bronze, { target: { value: '2.5' } });
    fireEvent.change(bronze);
    await screen.findByText('Enter a whole number of subscribers, 0 or more');
    expect(ws().settings).toEqual(before);
  });
});
