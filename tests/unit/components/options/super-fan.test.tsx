import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { defaultSuperFan } from '@/lib/domain/schema';
import { openOptions, saved, seedProfile, tier } from './options-page';
import { ws } from './options-page';

const panel = () => within(screen.getByRole('region', { name: 'Super Fan' }));
const save = () => fireEvent.click(panel().getByRole('button', { name: 'Save' }));
const type = (label: string, value: string) => fireEvent.input(panel().getByLabelText(label), { target: { value } });

async function seedEuroCreator() {
  await seedProfile('IT', 'EUR');
  await saved({ type: 'tier.save', tier: tier('Bronzo', 499, { status: 'active', currency: 'EUR' }) });
}

describe('Super Fan in the Tiers section', () => {
  it('starts from TikTok’s Super Fan: not offered, the local price, an unconfirmed 50% share, TikTok’s perks', async () => {
    await openOptions('#tiers', seedEuroCreator);
    expect((panel().getByLabelText('I offer Super Fan') as HTMLInputElement).checked).toBe(false);
    expect((panel().getByLabelText('Price in EUR') as HTMLInputElement).value).toBe('9.99');
    expect((panel().getByLabelText('Your revenue share (%)') as HTMLInputElement).value).toBe('50');
    panel().getByText(/^Unconfirmed: TikTok has published no figure/);
    for (const perk of ['A permanent Super Fan badge', 'Super-Fan-only LIVEs (others see a 60-second preview)']) {
      expect((panel().getByLabelText(perk) as HTMLInputElement).checked).toBe(true);
    }
  });

  it('saves the price in the creator’s currency, keeping the other currencies’, and perks of the creator’s own', async () => {
    await openOptions('#tiers', seedEuroCreator);
    fireEvent.click(panel().getByLabelText('I offer Super Fan'));
    type('Price in EUR', '8.99');
    fireEvent.click(panel().getByLabelText('Entrance effects in your LIVEs'));
    type('A perk of your own', 'Monthly Q&A LIVE');
    fireEvent.click(panel().getByRole('button', { name: 'Add perk' }));
    type('A perk of your own', 'Shoutout');
    fireEvent.keyDown(panel().getByLabelText('A perk of your own'), { key: 'Enter' });
    fireEvent.click(panel().getByRole('button', { name: 'Remove “Shoutout”' }));
    fireEvent.click(panel().getByLabelText('TikTok has confirmed this share'));
    save();
    await panel().findByText('Saved.');
    const superFan = ws().superFan;
    expect(superFan.offered).toBe(true);
    expect(superFan.shareConfirmed).toBe(true);
    expect(superFan.prices.find((p) => p.currency === 'EUR')?.priceMinor).toBe(899);
    expect(superFan.prices.find((p) => p.currency === 'USD')?.priceMinor).toBe(999);
    expect(superFan.prices).toHaveLength(defaultSuperFan.prices.length);
    expect(superFan.perks).toEqual([
      { kind: 'permanent-badge' },
      { kind: 'fan-club-level' },
      { kind: 'super-fan-lives' },
      { kind: 'chat-and-space' },
      { kind: 'custom', text: 'Monthly Q&A LIVE' },
    ]);
  });

  it('refuses a price that is not one, a missing price while offered, and a share above 100, saving nothing', async () => {
    await openOptions('#tiers', seedEuroCreator);
    const before = ws().superFan;
    type('Price in EUR', 'nine');
    save();
    await panel().findByText(/Enter a price such as 9.99/);
    expect(panel().getByLabelText('Price in EUR').getAttribute('aria-invalid')).toBe('true');

    type('Price in EUR', '');
    fireEvent.click(panel().getByLabelText('I offer Super Fan'));
    save();
    await panel().findByText('Set a price in EUR to offer Super Fan');

    type('Price in EUR', '9.99');
    type('Your revenue share (%)', '150');
    save();
    await waitFor(() => expect(panel().getByLabelText('Your revenue share (%)').getAttribute('aria-invalid')).toBe('true'));
    // The problem names the field it is about.
    expect(panel().getByRole('alert').textContent).toContain('Your revenue share (%)');
    expect(ws().superFan).toEqual(before);
  });
});
