import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { TierList } from '@/components/tiers/TierList';
import { ask } from '@/lib/client/ask';
import { current, profileCommand, seed, shownTierNames, tierCommand, tierId, useFakeExtension } from './setup';

useFakeExtension();

const card = (name: string) => screen.getAllByRole('listitem').find((li) => li.querySelector('.tier-name')?.textContent === name)!;

describe('TierList', () => {
  it('shows an empty state without tiers', () => {
    render(<TierList />);
    screen.getByText(/No tiers yet/);
    expect(screen.queryByRole('list', { name: 'Tiers' })).toBeNull();
  });

  it('shows each tier with its price, status and badge', async () => {
    await seed(profileCommand, tierCommand('Silver', 499), tierCommand('Gold', 999, { badge: { label: 'GOLD', color: '#ffcc00', emoji: '👑' } }));
    render(<TierList />);
    const gold = within(card('Gold'));
    gold.getByText('€9.99/month');
    gold.getByText('Draft');
    const badge = gold.getByRole('img', { name: 'Badge GOLD' });
    expect(badge.textContent).toBe('👑GOLD');
    // Yellow is light: the label is drawn in black.
    expect(badge.style.color).toMatch(/^(#000000|rgb\(0, 0, 0\))$/);
  });

  it('reorders with "Move up" and "Move down"', async () => {
    await seed(profileCommand, tierCommand('Silver', 499), tierCommand('Gold', 999), tierCommand('Bronze', 299));
    render(<TierList />);
    expect(shownTierNames()).toEqual(['Silver', 'Gold', 'Bronze']);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Move Silver up' }).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Move Bronze up' }));
    await waitFor(() => expect(shownTierNames()).toEqual(['Silver', 'Bronze', 'Gold']));
    fireEvent.click(screen.getByRole('button', { name: 'Move Silver down' }));
    await waitFor(() => expect(shownTierNames()).toEqual(['Bronze', 'Silver', 'Gold']));
    const positions = Object.fromEntries(current().tiers.map((tier) => [tier.name, tier.position]));
    expect(positions).toEqual({ Bronze: 0, Silver: 1, Gold: 2 });
    // The moved tier's button keeps the focus, so pressing it again keeps moving the same tier.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move Silver down' })));
  });

  it('refuses a fourth active tier and says why on its card', async () => {
    await seed(
      profileCommand,
      tierCommand('Bronze', 299, { status: 'active' }),
      tierCommand('Silver', 499, { status: 'active' }),
      tierCommand('Gold', 999, { status: 'active' }),
      tierCommand('Diamond', 1999),
    );
    render(<TierList />);
    fireEvent.click(screen.getByRole('button', { name: 'Activate Diamond' }));
    const alert = await within(card('Diamond')).findByRole('alert');
    expect(alert.textContent).toMatch(/At most 3 tiers can be active/);
    expect(current().tiers.find((tier) => tier.name === 'Diamond')?.status).toBe('draft');
    expect(within(card('Gold')).queryByRole('alert')).toBeNull();
  });

  it('activates a draft', async () => {
    await seed(profileCommand, tierCommand('Gold', 999));
    render(<TierList />);
    fireEvent.click(screen.getByRole('button', { name: 'Activate Gold' }));
    await waitFor(() => within(card('Gold')).getByText('Active'));
    expect(current().tiers[0]?.status).toBe('active');
  });

  it('archives into the folded list and restores as a draft', async () => {
    await seed(profileCommand, tierCommand('Silver', 499), tierCommand('Gold', 999, { status: 'active' }));
    render(<TierList />);
    fireEvent.click(screen.getByRole('button', { name: 'Archive Gold' }));
    await waitFor(() => expect(shownTierNames()).toEqual(['Silver']));
    screen.getByText('Archived (1)');
    const archived = screen.getByRole('list', { name: 'Archived tiers' });
    expect(archived.textContent).toContain('Gold');

    fireEvent.click(within(archived).getByRole('button', { name: 'Restore Gold' }));
    await waitFor(() => expect(shownTierNames()).toEqual(['Silver', 'Gold']));
    expect(current().tiers.find((tier) => tier.name === 'Gold')?.status).toBe('draft');
  });

  it('deletes a tier and brings it back with Undo', async () => {
    await seed(profileCommand, tierCommand('Silver', 499), tierCommand('Gold', 999));
    const goldBefore = current().tiers.find((tier) => tier.name === 'Gold');
    render(<TierList />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete Gold' }));
    await waitFor(() => expect(shownTierNames()).toEqual(['Silver']));
    expect(current().tiers.map((tier) => tier.name)).toEqual(['Silver']);
    const undo = await screen.findByRole('button', { name: 'Undo' });
    expect(screen.getByRole('status').textContent).toContain('Deleted “Gold”.');
    await waitFor(() => expect(document.activeElement).toBe(undo));

    fireEvent.click(undo);
    await waitFor(() => expect(shownTierNames()).toEqual(['Silver', 'Gold']));
    expect(current().tiers.find((tier) => tier.name === 'Gold')).toEqual(goldBefore);
  });

  it('keeps a tier someone on the roster has, and says why on its card', async () => {
    await seed(profileCommand, tierCommand('Silver', 499), tierCommand('Gold', 999));
    const gold = tierId('Gold');
    expect((await ask({ type: 'roster.save', subscriber: { handle: 'fan.one', tierId: gold, since: '2026-01-10' } })).ok).toBe(true);
    render(<TierList />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete Gold' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      '1 subscriber on your roster has the tier "Gold", which would be gone: move them to another tier first (Subscribers)',
    );
    expect(shownTierNames()).toEqual(['Silver', 'Gold']);
  });

  it('marks the perks a tier inherits from the tier below', async () => {
    await seed(
      profileCommand,
      { type: 'perk.save', perk: { kind: 'subscriber-chat', title: 'Fan chat', description: '' } },
      { type: 'perk.save', perk: { kind: 'discord-role', title: 'VIP Discord', description: '', roleName: 'VIP' } },
    );
    const [chat, discord] = current().perks;
    await seed(
      tierCommand('Silver', 499, { perkIds: [chat!.id] }),
      tierCommand('Gold', 999, { perkIds: [discord!.id] }),
      tierCommand('Solo', 1999, { perkIds: [], includesLowerTiers: false }),
    );
    render(<TierList />);
    const goldPerks = within(card('Gold')).getByRole('list', { name: 'Perks of Gold' });
    const items = within(goldPerks).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(['VIP Discord', 'Fan chat · from Silver']);
    const silverPerks = within(card('Silver')).getByRole('list', { name: 'Perks of Silver' });
    expect(silverPerks.textContent).not.toContain('from');
    within(card('Solo')).getByText('No perks yet.');
  });

  it('edits a tier in place and returns focus to its Edit button', async () => {
    await seed(profileCommand, tierCommand('Gold', 999));
    render(<TierList />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit Gold' }));
    const name = screen.getByLabelText<HTMLInputElement>('Name');
    expect(name.value).toBe('Gold');
    expect(screen.getByLabelText<HTMLInputElement>('Monthly price').value).toBe('9.99');
    fireEvent.input(name, { target: { value: 'Platinum' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save tier' }));
    await waitFor(() => expect(shownTierNames()).toEqual(['Platinum']));
    expect(current().tiers).toMatchObject([{ id: tierId('Platinum'), name: 'Platinum', status: 'draft', priceMinor: 999 }]);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit Platinum' })));
  });

  it('speaks Italian when the language is Italian', async () => {
    await seed(profileCommand, tierCommand('Oro', 999));
    const { setLanguage } = await import('@/lib/i18n');
    setLanguage('it');
    render(<TierList />);
    screen.getByRole('list', { name: 'Livelli' });
    screen.getByRole('button', { name: 'Sposta Oro giù' });
    within(card('Oro')).getByText('Bozza');
    within(card('Oro')).getByText('9,99 €/mese');
  });
});

describe('an editor open on a tier another page changes', () => {
  it('keeps the editor of a tier deleted elsewhere, refuses its save, and Reload closes it', async () => {
    await seed(profileCommand, tierCommand('Silver', 499), tierCommand('Gold', 999));
    render(<TierList />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit Gold' }));
    // Another page deletes Gold while this one edits it.
    await seed({ type: 'tier.delete', id: tierId('Gold') });
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Golden' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save tier' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'This was deleted in another window after you opened this form, so your change was not saved.',
    );
    expect(current().tiers.map((tier) => tier.name)).toEqual(['Silver']);

    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(screen.queryByLabelText('Name')).toBeNull());
    expect(shownTierNames()).toEqual(['Silver']);
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector('.tier-list')));
  });

  it('lets list actions act on a tier renamed elsewhere, without refusing them', async () => {
    await seed(profileCommand, tierCommand('Gold', 999));
    render(<TierList />);
    const gold = current().tiers[0]!;
    await seed({ type: 'tier.save', tier: { ...gold, name: 'Golden' }, loaded: gold.updatedAt });
    fireEvent.click(await screen.findByRole('button', { name: 'Activate Golden' }));
    await waitFor(() => expect(current().tiers[0]).toMatchObject({ name: 'Golden', status: 'active' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
