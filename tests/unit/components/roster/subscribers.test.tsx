import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { openOptions, saved, seedProfile, tierNamed, ws } from '../options/options-page';
import { addSubscriber, mustAsk, bodyRows, cellsOf, expectHandles, openRoster, rosterTable, rowOf, seedTiers, shownHandles, storedRoster, type NewSubscriber,  } from './roster-page';
import { versionOf } from '@/lib/domain/version';

const dialog = () => document.querySelector('dialog')!;
const inDialog = () => within(dialog());
const field = (label: string) => inDialog().getByLabelText(label) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.input(field(label), { target: { value } });
const choose = (label: string, value: string) => fireEvent.change(field(label), { target: { value } });
const errorOf = (label: string) => {
  const describedBy = field(label).getAttribute('aria-describedby') ?? '';
  return describedBy
    .split(' ')
    .map((id) => document.getElementById(id))
    .filter((element) => element?.classList.contains('field-error'))
    .map((element) => element!.textContent)
    .join(' ');
};

const three: NewSubscriber[] = [
  { handle: 'ann', tier: 'Bronze', since: '2025-06-01', note: 'met at a LIVE in May' },
  { handle: 'bob', nickname: 'Bobby', tier: 'Gold', since: '2024-01-01', status: 'lapsed' },
  { handle: 'cat', nickname: 'Kitty', tier: 'Gold', since: '2025-12-01' },
];

describe('Subscribers: empty states', () => {
  it('asks for a profile first, with a link to it', async () => {
    await openOptions('#subscribers');
    screen.getByText('Save your profile first: the roster belongs to your TikTok handle.');
    expect(screen.getByRole('link', { name: 'Go to Profile' }).getAttribute('href')).toBe('#profile');
    expect(screen.queryByRole('button', { name: 'Add subscriber' })).toBeNull();
  });

  it('asks for tiers next: a subscriber needs one', async () => {
    await openOptions('#subscribers', () => seedProfile());
    screen.getByText(/A subscriber needs a tier/);
    expect(screen.getByRole('link', { name: 'Go to Tiers & perks' }).getAttribute('href')).toBe('#tiers');
    expect(screen.queryByRole('button', { name: 'Add subscriber' })).toBeNull();
    expect(screen.queryByLabelText('Roster CSV file')).toBeNull();
  });

  it('explains the three ways to add subscribers, and export says why it cannot run', async () => {
    await openRoster();
    await screen.findByText('No subscribers yet. There are three ways to add them:');
    screen.getByText(/with “Add subscriber” above/);
    screen.getByText(/by importing a CSV file below/);
    screen.getByText(/on tiktok.com, by right-clicking a link to a profile/);
    expect(screen.queryByRole('table', { name: 'Subscribers' })).toBeNull();
    expect(screen.queryByLabelText('Search')).toBeNull();
    const exportButton = screen.getByRole('button', { name: 'Export CSV' }) as HTMLButtonElement;
    await waitFor(() => expect(exportButton.disabled).toBe(true));
    expect(document.getElementById(exportButton.getAttribute('aria-describedby')!)!.textContent).toBe(
      'There is no one to export yet: the roster is empty.',
    );
  });

  it('says when nothing matches the search, and clears it', async () => {
    await openRoster(three);
    await expectHandles(['@ann', '@bob', '@cat']);
    fireEvent.input(screen.getByLabelText('Search'), { target: { value: 'zzz' } });
    await screen.findByText('No subscriber matches “zzz” with these filters.');
    expect(screen.queryByRole('table', { name: 'Subscribers' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    await expectHandles(['@ann', '@bob', '@cat']);
  });
});

describe('Subscribers: the table', () => {
  it('shows every column: badge with tenure level, since, months (marked when set by hand), status, source, note', async () => {
    await openRoster([...three, { nickname: 'Dana ✨', tier: 'Gold', since: '2026-03-01', monthsOverride: 7 }]);
    await expectHandles(['@ann', '@bob', '@cat', '—']);
    expect(rosterTable().getAttribute('aria-rowcount')).toBe('5');
    // 2025-06-01 to 2026-03-15: 9 months; Bronze's steps are 1, 2, 3 months, so level 3.
    const ann = rowOf('@ann');
    expect(cellsOf(ann).slice(1, 9)).toEqual(['@ann', '—', 'BRZ3Bronze', 'Jun 1, 2025', '9', 'Active', 'Typed in', 'met at a LIVE in May']);
    within(ann).getByRole('img', { name: 'Badge BRZ, level 3' });
    expect(rowOf('@bob').getAttribute('aria-rowindex')).toBe('3');
    expect(cellsOf(rowOf('@bob'))[6]).toBe('Lapsed');
    // Under a month: level 0 has no level on the badge. The override wins and is marked.
    const dana = rowOf('Dana ✨');
    expect(cellsOf(dana)[5]).toBe('7 ✎ (set by hand)');
    within(dana).getByRole('img', { name: 'Badge GOLD, level 3' });
    // The counts per tier above the table.
    screen.getByRole('heading', { name: '4 subscribers in all' });
    const counts = within(screen.getByRole('list', { name: '4 subscribers in all' }));
    expect(counts.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'BRZBronze1 active · 0 lapsed',
      'GOLDGold2 active · 1 lapsed',
    ]);
  });

  it('searches handle, nickname and note (after a short pause in typing)', async () => {
    await openRoster(three);
    await expectHandles(['@ann', '@bob', '@cat']);
    const search = screen.getByLabelText('Search');
    fireEvent.input(search, { target: { value: 'kit' } });
    await expectHandles(['@cat']);
    screen.getByText('1 subscriber matches');
    fireEvent.input(search, { target: { value: 'live' } });
    await expectHandles(['@ann']);
    fireEvent.input(search, { target: { value: '@BO' } });
    await expectHandles(['@bob']);
    fireEvent.input(search, { target: { value: '' } });
    await expectHandles(['@ann', '@bob', '@cat']);
    screen.getByText('3 subscribers');
  });

  it('sorts by a column header, toggling the direction, and says so with aria-sort', async () => {
    await openRoster(three);
    await expectHandles(['@ann', '@bob', '@cat']);
    const header = (name: string) => within(rosterTable()).getByRole('columnheader', { name });
    expect(header('Username').getAttribute('aria-sort')).toBe('ascending');
    expect(header('Username').textContent).toBe('Username▲');

    fireEvent.click(within(header('Since')).getByRole('button'));
    await expectHandles(['@bob', '@ann', '@cat']);
    expect(header('Since').getAttribute('aria-sort')).toBe('ascending');
    expect(header('Username').getAttribute('aria-sort')).toBeNull();

    fireEvent.click(within(header('Since')).getByRole('button'));
    await expectHandles(['@cat', '@ann', '@bob']);
    expect(header('Since').getAttribute('aria-sort')).toBe('descending');
    expect(header('Since').textContent).toBe('Since▼');

    // Tiers sort in the offer's order (Bronze before Gold); months by what the badge would show.
    fireEvent.click(within(header('Tier')).getByRole('button'));
    await waitFor(() => expect(shownHandles()[0]).toBe('@ann'));
    fireEvent.click(within(header('Months')).getByRole('button'));
    await expectHandles(['@cat', '@ann', '@bob']);
  });

  it('filters by tier and by status', async () => {
    await openRoster(three);
    await expectHandles(['@ann', '@bob', '@cat']);
    fireEvent.change(screen.getByLabelText('Tier'), { target: { value: tierNamed('Gold').id } });
    await expectHandles(['@bob', '@cat']);
    screen.getByText('2 subscribers match');
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'lapsed' } });
    await expectHandles(['@bob']);
    fireEvent.change(screen.getByLabelText('Tier'), { target: { value: tierNamed('Bronze').id } });
    await screen.findByText('No subscriber matches these filters.');
  });

  it('follows roster changes made elsewhere (the context menu on tiktok.com)', async () => {
    await openRoster(three);
    await expectHandles(['@ann', '@bob', '@cat']);
    await addSubscriber({ handle: 'abe', tier: 'Gold', since: '2026-01-01' });
    await expectHandles(['@abe', '@ann', '@bob', '@cat']);
  });

  it('moves between rows with the arrow keys, keeping the same action focused', async () => {
    await openRoster(three);
    await expectHandles(['@ann', '@bob', '@cat']);
    const editAnn = screen.getByRole('button', { name: 'Edit @ann' });
    editAnn.focus();
    fireEvent.keyDown(editAnn, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit @bob' })));
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit @cat' })));
    const select = screen.getByRole('checkbox', { name: 'Select @cat' });
    select.focus();
    fireEvent.keyDown(select, { key: 'ArrowUp' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: 'Select @bob' })));
  });
});

describe('Subscribers: add and edit', () => {
  it('shows each problem beside its field, saves nothing until they are fixed, then adds the subscriber', async () => {
    await openRoster(three);
    await expectHandles(['@ann', '@bob', '@cat']);
    const add = screen.getByRole('button', { name: 'Add subscriber' });
    add.focus();
    fireEvent.click(add);
    expect(dialog().open).toBe(true);
    expect(inDialog().getByRole('heading', { name: 'Add subscriber' })).toBeTruthy();
    // Defaults: the first active tier, today, active.
    expect(field('Tier').value).toBe(tierNamed('Bronze').id);
    expect(field('Subscribed since').value).toBe('2026-03-15');
    expect(field('Status').value).toBe('active');

    type('Months subscribed (optional)', 'many');
    fireEvent.click(inDialog().getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(errorOf('Months subscribed (optional)')).toMatch(/^Months must be a whole number from 0 to 1200/));
    expect(field('Months subscribed (optional)').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field('Months subscribed (optional)'));

    type('Months subscribed (optional)', '');
    fireEvent.click(inDialog().getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(errorOf('TikTok username')).toBe('Give a TikTok username or a nickname (or both)'));
    expect(errorOf('Months subscribed (optional)')).toBe('');

    type('TikTok username', '@ann');
    fireEvent.click(inDialog().getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(errorOf('TikTok username')).toBe('@ann is already on the roster'));

    type('TikTok username', '@Dan.Makes');
    type('Subscribed since', '2026-04-01');
    fireEvent.click(inDialog().getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(errorOf('Subscribed since')).toBe('The start date is after today'));
    expect((await storedRoster()).map((s) => s.handle)).toEqual(['ann', 'bob', 'cat']);

    type('Subscribed since', '2025-03-15');
    type('Nickname', 'Dan');
    choose('Tier', tierNamed('Gold').id);
    type('Note', 'pays yearly');
    fireEvent.click(inDialog().getByRole('button', { name: 'Add' }));
    await screen.findByText('Added @dan.makes.');
    expect(document.querySelector('dialog')).toBeNull();
    expect(document.activeElement).toBe(add);
    await expectHandles(['@ann', '@bob', '@cat', '@dan.makes']);
    expect(cellsOf(rowOf('@dan.makes')).slice(2, 9)).toEqual(['Dan', 'GOLD3Gold', 'Mar 15, 2025', '12', 'Active', 'Typed in', 'pays yearly']);
    const stored = (await storedRoster()).find((s) => s.handle === 'dan.makes')!;
    expect(stored).toMatchObject({ nickname: 'Dan', tierId: tierNamed('Gold').id, since: '2025-03-15', status: 'active', source: 'manual' });
    expect(stored.monthsOverride).toBeUndefined();
  });

  it('edits a subscriber: the form starts from the record; clearing the override counts from the start date again', async () => {
    await openRoster([{ handle: 'ann', tier: 'Bronze', since: '2025-06-01', monthsOverride: 20 }]);
    await expectHandles(['@ann']);
    const edit = screen.getByRole('button', { name: 'Edit @ann' });
    edit.focus();
    fireEvent.click(edit);
    expect(inDialog().getByRole('heading', { name: 'Edit @ann' })).toBeTruthy();
    expect(field('TikTok username').value).toBe('ann');
    expect(field('Months subscribed (optional)').value).toBe('20');
    expect(field('Tier').value).toBe(tierNamed('Bronze').id);

    choose('Tier', tierNamed('Gold').id);
    choose('Status', 'lapsed');
    type('Months subscribed (optional)', '');
    fireEvent.click(inDialog().getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved @ann.');
    await waitFor(() => expect(cellsOf(rowOf('@ann')).slice(3, 7)).toEqual(['GOLD3Gold', 'Jun 1, 2025', '9', 'Lapsed']));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit @ann' }));
    const [stored] = await storedRoster();
    expect(stored).toMatchObject({ tierId: tierNamed('Gold').id, status: 'lapsed' });
    expect(stored!.monthsOverride).toBeUndefined();
    expect(bodyRows()).toHaveLength(1);
  });

  it('closes with Escape, saving nothing, and gives focus back', async () => {
    await openRoster([{ handle: 'ann', tier: 'Bronze', since: '2025-06-01' }]);
    await expectHandles(['@ann']);
    const edit = screen.getByRole('button', { name: 'Edit @ann' });
    edit.focus();
    fireEvent.click(edit);
    type('Nickname', 'Annie');
    fireEvent.keyDown(field('Nickname'), { key: 'Escape' });
    expect(document.querySelector('dialog')).toBeNull();
    expect(document.activeElement).toBe(edit);
    expect((await storedRoster())[0]!.nickname).toBeUndefined();
  });
});

describe('Subscribers: remove with Undo', () => {
  it('removes one subscriber and puts the same record back on Undo', async () => {
    await openRoster(three);
    await expectHandles(['@ann', '@bob', '@cat']);
    const before = (await storedRoster()).find((s) => s.handle === 'bob')!;
    fireEvent.click(screen.getByRole('button', { name: 'Remove @bob' }));
    await expectHandles(['@ann', '@cat']);
    const undo = await screen.findByRole('button', { name: 'Undo' });
    screen.getByText('Removed @bob.');
    await waitFor(() => expect(document.activeElement).toBe(undo));
    expect((await storedRoster()).map((s) => s.handle)).toEqual(['ann', 'cat']);

    fireEvent.click(undo);
    await expectHandles(['@ann', '@bob', '@cat']);
    expect((await storedRoster()).find((s) => s.handle === 'bob')).toEqual(before);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull());
  });

  it('removes the selected subscribers together, and Undo brings them all back', async () => {
    await openRoster(three);
    await expectHandles(['@ann', '@bob', '@cat']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select @ann' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select @cat' }));
    screen.getByText('2 selected');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select @cat' }));
    screen.getByText('1 selected');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select @cat' }));

    fireEvent.click(screen.getByRole('button', { name: 'Remove 2 subscribers' }));
    await expectHandles(['@bob']);
    await screen.findByText('Removed 2 subscribers.');
    expect(screen.queryByText('2 selected')).toBeNull();
    expect((await storedRoster()).map((s) => s.handle)).toEqual(['bob']);

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await expectHandles(['@ann', '@bob', '@cat']);
    expect((await storedRoster()).map((s) => s.handle)).toEqual(['ann', 'bob', 'cat']);
  });

  it('forgets a selected subscriber removed on its own', async () => {
    await openRoster(three);
    await expectHandles(['@ann', '@bob', '@cat']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select @ann' }));
    screen.getByText('1 selected');
    fireEvent.click(screen.getByRole('button', { name: 'Remove @ann' }));
    await expectHandles(['@bob', '@cat']);
    await waitFor(() => expect(screen.queryByText('1 selected')).toBeNull());
  });

  it('shows the empty state once the last subscriber is removed', async () => {
    await openRoster([{ handle: 'ann', tier: 'Bronze', since: '2025-06-01' }]);
    await expectHandles(['@ann']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove @ann' }));
    await screen.findByText('No subscribers yet. There are three ways to add them:');
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await expectHandles(['@ann']);
  });
});

describe('Subscribers in Italian', () => {
  it('uses the plural forms of the language', async () => {
    await openOptions('#subscribers', async () => {
      await seedTiers();
      await addSubscriber({ handle: 'ann', tier: 'Gold', since: '2025-06-01' });
      await addSubscriber({ handle: 'bob', tier: 'Gold', since: '2025-06-01' });
      await saved({ type: 'settings.save', settings: { ...ws().settings, language: 'it' }, loaded: versionOf(ws().settings) });
    });
    await screen.findByRole('heading', { name: '2 abbonati in tutto' });
    screen.getByText('2 attivi · 0 scaduti');
    screen.getByText('0 attivi · 0 scaduti');
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Seleziona @ann' }));
    screen.getByText('1 selezionato');
    screen.getByRole('button', { name: 'Rimuovi 1 abbonato' });
  });
});

describe('Subscribers: a record changed in another page while its dialog is open', () => {
  /** The other page's save: the record as its dialog loaded it, with a change, and that record's updatedAt. */
  async function saveElsewhere(change: Partial<NewSubscriber>) {
    const [record] = await storedRoster();
    const { id, handle, nickname, tierId, since, status, note } = record!;
    await mustAsk({ type: 'roster.save', subscriber: { id, handle, nickname, tierId, since, status, note, ...change }, loaded: record!.updatedAt });
  }

  it('refuses the save, and Reload shows the record as it is now', async () => {
    await openRoster([{ handle: 'ann', tier: 'Bronze', since: '2025-06-01' }]);
    await expectHandles(['@ann']);
    fireEvent.click(screen.getByRole('button', { name: 'Edit @ann' }));
    type('Nickname', 'Annie');
    await saveElsewhere({ note: 'from the other page' });

    fireEvent.click(inDialog().getByRole('button', { name: 'Save' }));
    expect((await inDialog().findByRole('alert')).textContent).toMatch(/Another window saved a change here/);
    const reload = inDialog().getByRole('button', { name: 'Reload' });
    await waitFor(() => expect(document.activeElement).toBe(reload));
    expect((await storedRoster())[0]).toMatchObject({ note: 'from the other page' });
    expect((await storedRoster())[0]!.nickname).toBeUndefined();

    fireEvent.click(reload);
    await waitFor(() => expect(field('Note').value).toBe('from the other page'));
    expect(field('Nickname').value).toBe('');
    type('Nickname', 'Annie');
    fireEvent.click(inDialog().getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved @ann.');
    expect((await storedRoster())[0]).toMatchObject({ nickname: 'Annie', note: 'from the other page' });
  });

  it('refuses to bring back a record removed elsewhere, and Reload closes the dialog', async () => {
    await openRoster([{ handle: 'ann', tier: 'Bronze', since: '2025-06-01' }]);
    await expectHandles(['@ann']);
    fireEvent.click(screen.getByRole('button', { name: 'Edit @ann' }));
    await mustAsk({ type: 'roster.remove', ids: [(await storedRoster())[0]!.id] });
    type('Nickname', 'Annie');
    fireEvent.click(inDialog().getByRole('button', { name: 'Save' }));
    expect((await inDialog().findByRole('alert')).textContent).toMatch(/This was deleted in another window/);
    fireEvent.click(inDialog().getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(document.querySelector('dialog')).toBeNull());
    expect(await storedRoster()).toEqual([]);
  });
});
