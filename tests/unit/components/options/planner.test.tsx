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

    // 30% app-store fee on every purchase (all in the app by default); creator 70% of what is left, and
    // 10% more with the bonus. Columns: price, subscribers, gross, fees, without bonus, bonus, with bonus.
    // Bronze: 50 × $4.99 = $249.50; fee $74.85; left $174.65; 70% = $122.26 (122.255); bonus $17.47 (17.465).
    // Gold: 100 × $9.99 = $999.00; fee $299.70; left $699.30; 70% = $489.51; bonus $69.93.
    // The subscriber cell holds the input and the roster's active count beside it.
    await waitFor(() =>
      expect(cells(rowOf('Gold'))).toEqual(['$9.99', 'Now 0 active', '$999.00', '$299.70', '$489.51', '$69.93', '$559.44']),
    );
    expect(cells(rowOf('Bronze'))).toEqual(['$4.99', 'Now 0 active', '$249.50', '$74.85', '$122.26', '$17.47', '$139.73']);
    expect(cells(rowOf('Total'))).toEqual(['', '150', '$1,248.50', '$374.55', '$611.77', '$87.40', '$699.17']);
    expect(table().getByRole('columnheader', { name: 'Net without bonus (70%)' })).toBeTruthy();
    expect(table().getByRole('columnheader', { name: 'Bonus (10%)' })).toBeTruthy();
    // Without Super Fan offered there is no Super Fan row and no subtotal.
    expect(table().queryByRole('rowheader', { name: /^Super Fan/ })).toBeNull();
    expect(table().queryByRole('rowheader', { name: 'Subscriptions' })).toBeNull();
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
    const bonus = screen.getByLabelText('Bonus when on track (%, at most 20)');
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

  it('charges the store fee on in-app purchases only, keeping the share per market', async () => {
    await openOptions('#tiers', seedOffer);
    const inApp = screen.getByLabelText('Purchases made in the app in United States (%)');
    expect((inApp as HTMLInputElement).value).toBe('100');
    fireEvent.input(inApp, { target: { value: '40' } });
    fireEvent.change(inApp);
    await waitFor(() => expect(ws().settings.planner.inAppPercentByMarket).toEqual({ US: 40 }));
    // Bronze: 40% of $249.50 bought in the app, fee 30% of $99.80 = $29.94; left $219.56; 70% = $153.69 (153.692).
    await waitFor(() => expect(cells(rowOf('Bronze')).slice(2, 5)).toEqual(['$249.50', '$29.94', '$153.69']));

    fireEvent.input(inApp, { target: { value: '120' } });
    fireEvent.change(inApp);
    await screen.findByText('Enter a share from 0 to 100');
    expect(ws().settings.planner.inAppPercentByMarket).toEqual({ US: 40 });
  });

  it('plans Super Fan beside the tiers once it is offered, at its price and share, without a bonus', async () => {
    await openOptions('#tiers', seedOffer);
    const panel = within(screen.getByRole('region', { name: 'Super Fan' }));
    fireEvent.click(panel.getByLabelText('I offer Super Fan'));
    expect((panel.getByLabelText('Price in USD') as HTMLInputElement).value).toBe('9.99');
    panel.getByText(/^Unconfirmed: TikTok has published no figure/);
    fireEvent.click(panel.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(ws().superFan.offered).toBe(true));

    const fans = await screen.findByLabelText('Expected Super Fans');
    fireEvent.input(fans, { target: { value: '20' } });
    fireEvent.change(fans);
    await waitFor(() => expect(ws().settings.planner.expectedSuperFans).toBe(20));
    // 20 × $9.99 = $199.80; fee $59.94; left $139.86; 50% = $69.93; no bonus.
    await waitFor(() => expect(cells(rowOf('Super Fan'))).toEqual(['$9.99', '', '$199.80', '$59.94', '$69.93', '$0.00', '$69.93']));
    expect(cells(rowOf('Subscriptions'))).toEqual(['', '50', '$249.50', '$74.85', '$122.26', '$17.47', '$139.73']);
    expect(cells(rowOf('Total'))).toEqual(['', '70', '$449.30', '$134.79', '$192.19', '$17.47', '$209.66']);
  });

  it('says when Super Fan has no price in the offer’s currency', async () => {
    await openOptions('#tiers', async () => {
      await seedProfile('IT', 'EUR');
      await saved({ type: 'tier.save', tier: tier('Bronzo', 499, { status: 'active', currency: 'EUR' }) });
      const superFan = ws().superFan;
      await saved({
        type: 'superFan.save',
        superFan: { ...superFan, offered: true, prices: superFan.prices.filter((p) => p.currency !== 'EUR') },
        loaded: versionOf(superFan),
      });
    });
    await screen.findByText('Super Fan has no price in EUR yet: set one above to plan it.');
    expect(table().queryByRole('rowheader', { name: /^Super Fan/ })).toBeNull();
  });
});
