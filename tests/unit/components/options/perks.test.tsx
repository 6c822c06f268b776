import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { versionOf } from '@/lib/domain/version';
import { openOptions, perkTitled, saved, tier, tierNamed, ws } from './options-page';

async function seedLibrary() {
  await saved({ type: 'perk.save', perk: { kind: 'subscriber-chat', title: 'Chat', description: '' } });
  await saved({ type: 'perk.save', perk: { kind: 'subscriber-videos', title: 'Studio videos', description: '', perMonth: 4 } });
  await saved({
    type: 'perk.save',
    perk: { kind: 'discord-role', title: 'Discord', description: '', roleName: 'Crew', serverName: 'Maya HQ' },
  });
  const chat = perkTitled('Chat').id;
  const videos = perkTitled('Studio videos').id;
  await saved({ type: 'tier.save', tier: tier('Silver', 499, { perkIds: [chat] }) });
  await saved({ type: 'tier.save', tier: tier('Gold', 999, { perkIds: [videos, chat] }) });
}

const library = () => within(screen.getByRole('region', { name: 'Perk library' }));
const rowOf = (title: string) => library().getByRole('rowheader', { name: title }).closest('tr')!;
const cells = (title: string) => within(rowOf(title)).getAllByRole('cell').map((cell) => cell.textContent);

describe('perk library', () => {
  it('says the library is empty when it is', async () => {
    await openOptions();
    expect(library().getByText(/The library has no perks yet/)).toBeTruthy();
    expect(library().queryByRole('table')).toBeNull();
  });

  it('lists every perk with its kind, details and the tiers that use it', async () => {
    await openOptions('', seedLibrary);
    expect(library().getAllByRole('rowheader').map((cell) => cell.firstChild?.textContent)).toEqual([
      'Chat',
      'Discord',
      'Studio videos',
    ]);
    expect(cells('Chat').slice(0, 3)).toEqual(['Subscriber chat', 'None', 'Silver, Gold']);
    expect(cells('Studio videos').slice(0, 3)).toEqual(['Subscriber-only videos', '4 a month', 'Gold']);
    expect(cells('Discord').slice(0, 3)).toEqual(['Discord role', 'Role “Crew” on Maya HQ', 'No tier']);
  });

  it('deletes a perk, detaching it from its tiers, and Undo puts both back', async () => {
    await openOptions('', seedLibrary);
    const before = structuredClone(ws());
    const chat = perkTitled('Chat').id;

    fireEvent.click(library().getByRole('button', { name: 'Delete Chat' }));
    expect(await library().findByText('Deleted “Chat” and removed it from 2 tiers.')).toBeTruthy();
    expect(ws().perks.map((p) => p.title)).toEqual(['Studio videos', 'Discord']);
    expect(tierNamed('Gold').perkIds).toEqual([perkTitled('Studio videos').id]);
    expect(tierNamed('Silver').perkIds).toEqual([]);
    expect(library().queryByRole('rowheader', { name: 'Chat' })).toBeNull();
    const undo = library().getByRole('button', { name: 'Undo' });
    await waitFor(() => expect(document.activeElement).toBe(undo));

    fireEvent.click(undo);
    await waitFor(() => expect(ws().perks.map((p) => p.title)).toEqual(['Chat', 'Studio videos', 'Discord']));
    expect(tierNamed('Gold').perkIds).toEqual([perkTitled('Studio videos').id, chat]);
    expect(tierNamed('Silver').perkIds).toEqual([chat]);
    expect(ws()).toEqual(before);
    await waitFor(() => expect(library().queryByRole('button', { name: 'Undo' })).toBeNull());
    expect(cells('Chat')[2]).toBe('Silver, Gold');
  });

  it('names a perk used by no tier plainly when it is deleted', async () => {
    await openOptions('', seedLibrary);
    fireEvent.click(library().getByRole('button', { name: 'Delete Discord' }));
    expect(await library().findByText('Deleted “Discord”.')).toBeTruthy();
  });
});

describe('a perk edited in two pages', () => {
  const editor = (title: string) => within(library().getByRole('region', { name: `Edit ${title}` }));

  it('refuses a save over a perk changed elsewhere since it was opened; Reload shows it as it is now', async () => {
    await openOptions('', seedLibrary);
    fireEvent.click(library().getByRole('button', { name: 'Edit Studio videos' }));
    const opened = editor('Studio videos');
    fireEvent.input(opened.getByLabelText('Title'), { target: { value: 'Studio clips' } });
    // Another page saves a change to the same perk.
    const perk = perkTitled('Studio videos');
    await saved({ type: 'perk.save', perk: { ...perk, title: 'Backstage videos' }, loaded: versionOf(perk) });

    fireEvent.click(opened.getByRole('button', { name: 'Save perk' }));
    expect((await opened.findByRole('alert')).textContent).toMatch(/Another window saved a change here/);
    expect(ws().perks.map((p) => p.title)).toEqual(['Chat', 'Backstage videos', 'Discord']);

    const reload = opened.getByRole('button', { name: 'Reload' });
    await waitFor(() => expect(document.activeElement).toBe(reload));
    // The editor's label names the perk as it is now; its fields keep what was typed until Reload.
    expect(library().getByRole('region', { name: 'Edit Backstage videos' })).toBeTruthy();
    fireEvent.click(reload);
    await waitFor(() => expect(opened.getByLabelText<HTMLInputElement>('Title').value).toBe('Backstage videos'));
    fireEvent.input(opened.getByLabelText('Title'), { target: { value: 'Studio clips' } });
    fireEvent.click(opened.getByRole('button', { name: 'Save perk' }));
    await waitFor(() => expect(library().queryByRole('region', { name: /^Edit / })).toBeNull());
    expect(ws().perks.map((p) => p.title)).toEqual(['Chat', 'Studio clips', 'Discord']);
  });

  it('keeps the editor of a perk deleted elsewhere, refuses its save, and Reload closes it', async () => {
    await openOptions('', seedLibrary);
    fireEvent.click(library().getByRole('button', { name: 'Edit Discord' }));
    await saved({ type: 'perk.delete', id: perkTitled('Discord').id });
    const opened = editor('Discord');
    fireEvent.input(opened.getByLabelText('Title'), { target: { value: 'Discord VIP' } });
    fireEvent.click(opened.getByRole('button', { name: 'Save perk' }));
    expect((await opened.findByRole('alert')).textContent).toMatch(/This was deleted in another window/);
    fireEvent.click(opened.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(library().queryByRole('region', { name: /^Edit / })).toBeNull());
    expect(ws().perks.map((p) => p.title)).toEqual(['Chat', 'Studio videos']);
  });
});
