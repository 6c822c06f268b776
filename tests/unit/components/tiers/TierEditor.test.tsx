import { describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { parseTenureSteps, TierEditor } from '@/components/tiers/TierEditor';
import { current, profileCommand, seed, tierCommand, type, useFakeExtension } from './setup';

useFakeExtension();

function fillTier(name: string, price: string, label: string) {
  type('Name', name);
  type('Monthly price', price);
  type('Badge label', label);
}

describe('TierEditor', () => {
  it('creates a perk from inside the editor and attaches it to the new tier', async () => {
    await seed(profileCommand, { type: 'perk.save', perk: { kind: 'badge', title: 'Loyalty badge', description: '' } });
    let closed = 0;
    render(<TierEditor onDone={() => closed++} />);
    fillTier('Gold', '9,99', 'GOLD');

    fireEvent.click(screen.getByRole('button', { name: 'New perk' }));
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'discord-role' } });
    // The title follows the kind while it is still the kind's name.
    expect(screen.getByLabelText<HTMLInputElement>('Title').value).toBe('Discord role');
    type('Title', 'Gold Discord');
    type('Discord role name', 'Gold fans');
    fireEvent.click(screen.getByRole('button', { name: 'Save perk' }));

    const attached = await screen.findByRole<HTMLInputElement>('checkbox', { name: 'Gold Discord' });
    await waitFor(() => expect(attached.checked).toBe(true));
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Loyalty badge' }).checked).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'New perk' })));

    fireEvent.click(screen.getByRole('button', { name: 'Save tier' }));
    await waitFor(() => expect(closed).toBe(1));
    const perk = current().perks.find((p) => p.title === 'Gold Discord');
    expect(perk).toMatchObject({ kind: 'discord-role', roleName: 'Gold fans' });
    expect(current().tiers).toMatchObject([{ name: 'Gold', priceMinor: 999, status: 'draft', perkIds: [perk!.id] }]);
  });

  it('requires the Discord role name and keeps the perk editor open', async () => {
    await seed(profileCommand);
    render(<TierEditor onDone={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'New perk' }));
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'discord-role' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save perk' }));
    const role = screen.getByLabelText('Discord role name');
    await waitFor(() => expect(role.getAttribute('aria-invalid')).toBe('true'));
    expect(current().perks).toEqual([]);
  });

  it('shows a 5-character badge label as an error and saves nothing', async () => {
    await seed(profileCommand);
    let closed = 0;
    render(<TierEditor onDone={() => closed++} />);
    fillTier('Gold', '9.99', 'GOLDY');
    fireEvent.click(screen.getByRole('button', { name: 'Save tier' }));

    const label = screen.getByLabelText('Badge label');
    await waitFor(() => expect(label.getAttribute('aria-invalid')).toBe('true'));
    screen.getByText('A badge label has 1 to 4 characters');
    expect(document.activeElement).toBe(label);
    expect(current().tiers).toEqual([]);
    expect(closed).toBe(0);
  });

  it('shows what the whole offer refuses next to the field', async () => {
    await seed(profileCommand, tierCommand('Gold', 999));
    render(<TierEditor onDone={() => undefined} />);
    fillTier('gold', '4.99', 'GLD');
    fireEvent.click(screen.getByRole('button', { name: 'Save tier' }));
    await screen.findByText('There is already a tier named "gold"');
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    expect(current().tiers).toHaveLength(1);
  });

  it('saves tenure steps and the inherit choice', async () => {
    await seed(profileCommand);
    render(<TierEditor onDone={() => undefined} />);
    expect(screen.getByLabelText<HTMLInputElement>('Tenure steps (months)').value).toBe('1, 2, 3, 6, 9, 12, 18, 24, 36');
    fillTier('Gold', '9.99', 'GLD');
    type('Tenure steps (months)', '1, 6, 12');
    fireEvent.click(screen.getByLabelText('Includes the perks of lower tiers'));
    fireEvent.click(screen.getByRole('button', { name: 'Save tier' }));
    await waitFor(() => expect(current().tiers).toHaveLength(1));
    expect(current().tiers[0]).toMatchObject({ tenureSteps: [1, 6, 12], includesLowerTiers: false });
  });

  it('reads tenure steps as people type them', () => {
    expect(parseTenureSteps('1, 2;3  6')).toEqual([1, 2, 3, 6]);
    expect(parseTenureSteps('1, two')).toBeNull();
    expect(parseTenureSteps('1.5')).toBeNull();
  });
});

describe('two editors of one tier', () => {
  const changed = /Another window saved a change here after you opened this form, so your change was not saved/;

  it('refuses the later save, keeps the earlier rename, and Reload loads it', async () => {
    await seed(profileCommand, tierCommand('Gold', 999));
    const gold = current().tiers[0]!;
    let closedA = 0;
    let closedB = 0;
    const a = within(render(<TierEditor tier={gold} onDone={() => closedA++} />).container as HTMLElement);
    const b = within(render(<TierEditor tier={gold} onDone={() => closedB++} />).container as HTMLElement);

    fireEvent.input(a.getByLabelText('Name'), { target: { value: 'Golden' } });
    fireEvent.click(a.getByRole('button', { name: 'Save tier' }));
    await waitFor(() => expect(closedA).toBe(1));

    fireEvent.input(b.getByLabelText('Description'), { target: { value: 'The best one' } });
    fireEvent.click(b.getByRole('button', { name: 'Save tier' }));
    expect((await b.findByRole('alert')).textContent).toMatch(changed);
    const reload = b.getByRole('button', { name: 'Reload' });
    await waitFor(() => expect(document.activeElement).toBe(reload));
    expect(closedB).toBe(0);
    expect(current().tiers).toMatchObject([{ name: 'Golden', description: '' }]);

    fireEvent.click(reload);
    await waitFor(() => expect(b.getByLabelText<HTMLInputElement>('Name').value).toBe('Golden'));
    expect(b.queryByRole('alert')).toBeNull();
    expect(b.getByLabelText<HTMLTextAreaElement>('Description').value).toBe('');
    fireEvent.input(b.getByLabelText('Description'), { target: { value: 'The best one' } });
    fireEvent.click(b.getByRole('button', { name: 'Save tier' }));
    await waitFor(() => expect(closedB).toBe(1));
    expect(current().tiers).toMatchObject([{ name: 'Golden', description: 'The best one' }]);
  });

  it('saves again from the same page after its own save', async () => {
    await seed(profileCommand, tierCommand('Gold', 999));
    render(<TierEditor tier={current().tiers[0]!} onDone={() => undefined} />);
    type('Name', 'Golden');
    fireEvent.click(screen.getByRole('button', { name: 'Save tier' }));
    await waitFor(() => expect(current().tiers[0]!.name).toBe('Golden'));
    cleanup();
    // Opened again on the tier as the snapshot now shows it, the editor carries its new updatedAt.
    render(<TierEditor tier={current().tiers[0]!} onDone={() => undefined} />);
    type('Name', 'Gold');
    fireEvent.click(screen.getByRole('button', { name: 'Save tier' }));
    await waitFor(() => expect(current().tiers[0]!.name).toBe('Gold'));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
