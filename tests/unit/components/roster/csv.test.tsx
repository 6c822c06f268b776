import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ask } from '@/lib/client/ask';
import { BACKUP_PART } from '@/lib/protocol/schemas';
import { ROSTER_COLUMNS } from '@/lib/roster/csv';
import { sendRosterCsv } from '../../helpers/uploads';
import { tierNamed } from '../options/options-page';
import { cellsOf, expectHandles, openRoster, rowOf, storedRoster } from './roster-page';

function csv(text: string, name = 'roster.csv'): File {
  return new File([text], name, { type: 'text/csv' });
}

function pick(file: File) {
  fireEvent.change(screen.getByLabelText('Roster CSV file'), { target: { files: [file] } });
}

// happy-dom has no DragEvent with files, so the drop carries a plain dataTransfer.
function drop(file: File) {
  const zone = screen.getByLabelText('Roster CSV file').closest('.drop-zone')!;
  const event = new Event('drop', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: { files: [file] } });
  fireEvent(zone, event);
}

const GOOD = [
  'handle,nickname,tier,since,months,status,note',
  'ann,Annie,Gold,2025-06-01,,active,moved up',
  'dan,,Bronze,2026-01-10,4,,',
  ',Evie ✨,Gold,2025-11-30,,lapsed,',
].join('\r\n');

describe('Subscribers: CSV import', () => {
  it('says which columns the file has', async () => {
    await openRoster();
    const section = screen.getByRole('region', { name: 'Import subscribers from CSV' });
    within(section).getByText(ROSTER_COLUMNS.join(','));
    within(section).getByText('The first row names the columns:');
  });

  it('lists every problem with its file, row and column, and saves nothing', async () => {
    await openRoster([{ handle: 'ann', tier: 'Bronze', since: '2025-06-01' }]);
    await expectHandles(['@ann']);
    const text = ['handle,nickname,tier,since', 'bob,,Platinum,2025-01-01', 'cat,,Gold,2025-13-01', ',,Gold,2025-01-01'].join('\n');
    pick(csv(text, 'broken.csv'));
    await screen.findByText('broken.csv was not imported: 3 problems to fix.');
    const table = screen.getByRole('table', { name: 'Problems in broken.csv' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['broken.csv', '2', 'tier', 'There is no tier named "Platinum"; the tiers are: Bronze, Gold'],
      ['broken.csv', '3', 'since', '"2025-13-01" is not a date as YYYY-MM-DD (for example 2025-03-31)'],
      ['broken.csv', '4', 'handle', 'Give a TikTok username or a nickname (or both)'],
    ]);
    screen.getByText('Nothing was saved. Fix the file and choose it again.');
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
    expect((await storedRoster()).map((s) => s.handle)).toEqual(['ann']);
  });

  it('previews what a file changes, saves nothing until Import, then saves it all', async () => {
    await openRoster([{ handle: 'ann', tier: 'Bronze', since: '2025-06-01' }]);
    await expectHandles(['@ann']);
    drop(csv(GOOD));
    await screen.findByText('Importing this file would make these changes: 2 new, 1 updated, 0 unchanged.');
    const preview = screen.getByRole('table', { name: 'Every row of the file' });
    const rows = within(preview)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['2', '@ann', 'Annie', 'Gold', 'Jun 1, 2025', '—', 'Active', 'Updated'],
      ['3', '@dan', '—', 'Bronze', 'Jan 10, 2026', '4', 'Active', 'New'],
      ['4', '—', 'Evie ✨', 'Gold', 'Nov 30, 2025', '—', 'Lapsed', 'New'],
    ]);
    screen.getByText('Nothing has been saved yet.');
    expect((await storedRoster()).map((s) => [s.handle, s.tierId])).toEqual([['ann', tierNamed('Bronze').id]]);

    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText('Imported: 2 new, 1 updated, 0 unchanged.');
    expect(screen.queryByRole('table', { name: 'Every row of the file' })).toBeNull();
    await expectHandles(['@ann', '@dan', '—']);
    expect(cellsOf(rowOf('Evie ✨')).slice(6, 8)).toEqual(['Lapsed', 'CSV import']);
    expect(cellsOf(rowOf('@ann')).slice(2, 4)).toEqual(['Annie', 'GOLD3Gold']);
    const stored = await storedRoster();
    expect(stored.map((s) => s.handle ?? s.nickname)).toEqual(['ann', 'dan', 'Evie ✨']);
    expect(stored.find((s) => s.handle === 'dan')).toMatchObject({ monthsOverride: 4, since: '2026-01-10', source: 'csv' });
  });

  it('cancels a preview without saving anything', async () => {
    await openRoster();
    pick(csv(GOOD));
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.queryByText(/Importing this file would make these changes/)).toBeNull();
    expect(await storedRoster()).toEqual([]);
    screen.getByText('No subscribers yet. There are three ways to add them:');
  });

  it('refuses a binary file before sending it', async () => {
    await openRoster();
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    pick(new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])], 'roster.zip'));
    await screen.findByText('roster.zip was not imported: 1 problem to fix.');
    screen.getByText('roster.zip is not a CSV text file (it contains binary data)');
    expect(sent.mock.calls.filter(([message]) => (message as { type: string }).type.startsWith('roster.import'))).toEqual([]);
  });
});

describe('Subscribers: a large CSV', () => {
  // 20,000 rows, past a megabyte, where the page reads a slice at a time; an "é" (two bytes in UTF-8)
  // straddles the first slice's end.
  function largeCsv(): string {
    const rows = ['handle,nickname,tier,since'];
    for (let i = 0; i < 20_000; i++) rows.push(`fan_${String(i).padStart(6, '0')},${'x'.repeat(35)},Gold,2025-06-01`);
    const text = rows.join('\n');
    return `${text.slice(0, 1_048_575)}é${text.slice(1_048_576)}`;
  }

  it('is read a slice at a time, letting the page run between slices, and decoded whole', async () => {
    await openRoster();
    const text = largeCsv();
    const bytes = new TextEncoder().encode(text);
    expect(bytes.length).toBeGreaterThan(1_048_576);
    expect([...bytes.subarray(1_048_575, 1_048_577)]).toEqual([0xc3, 0xa9]);
    const order: string[] = [];
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    // The text goes in parts (roster.importText), then roster.import asks for the preview.
    const parts: string[] = [];
    sent.mockImplementation((async (message: { type: string; text?: string }) => {
      if (message.type === 'roster.importText') parts.push(message.text!);
      if (message.type === 'roster.import') order.push(`sent ${parts.join('') === text ? 'the whole text' : 'something else'}`);
      return { ok: true };
    }) as never);
    pick(csv(text, 'large.csv'));
    // Another task the page has to run, queued right after the choice.
    setTimeout(() => order.push('another task'), 0);
    await waitFor(() => expect(order).toContain('sent the whole text'));
    expect(order).toEqual(['another task', 'sent the whole text']);
  });

  it('refuses binary data found past the first slice, sending nothing', async () => {
    await openRoster();
    const bytes = new TextEncoder().encode(largeCsv());
    bytes[bytes.length - 10] = 0;
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    pick(new File([bytes], 'late-binary.csv'));
    await screen.findByText('late-binary.csv is not a CSV text file (it contains binary data)');
    expect(sent.mock.calls.filter(([message]) => (message as { type: string }).type === 'roster.import')).toEqual([]);
  });
});

describe('Subscribers: CSV export', () => {
  it('downloads the roster as CSV through a link, and says how many it saved', async () => {
    await openRoster([
      { handle: 'bob', tier: 'Gold', since: '2024-01-01', status: 'lapsed', note: '=1+1' },
      { handle: 'ann', nickname: 'Annie', tier: 'Bronze', since: '2025-06-01', monthsOverride: 12 },
    ]);
    await expectHandles(['@ann', '@bob']);
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:roster';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });

    const button = screen.getByRole('button', { name: 'Export CSV' }) as HTMLButtonElement;
    expect(button.disabled).toBe(false);
    fireEvent.click(button);
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]!.download).toBe('tierkit-subscribers-maya.makes-2026-03-15.csv');
    expect(clicked[0]!.href).toBe('blob:roster');
    expect(blob!.type).toBe('text/csv;charset=utf-8');
    const text = await blob!.text();
    expect(text.replace(/^\ufeff/, '').split('\r\n')).toEqual([
      'handle,nickname,tier,since,months,status,note',
      'ann,Annie,Bronze,2025-06-01,12,active,',
      "bob,,Gold,2024-01-01,,lapsed,'=1+1",
      '',
    ]);
    await screen.findByText('Saved 2 subscribers as tierkit-subscribers-maya.makes-2026-03-15.csv.');
  });

  it('saves a roster bigger than one part as one file, which imports back unchanged', async () => {
    await openRoster();
    const rows = Array.from({ length: BACKUP_PART + 3 }, (_, i) => `fan${String(i).padStart(5, '0')},Fan ${i},Gold,2025-01-01,,active,note ${i}`);
    const seeded = await sendRosterCsv((request) => ask(request as never), 'seed.csv', ['handle,nickname,tier,since,months,status,note', ...rows].join('\n'), true);
    expect(seeded).toMatchObject({ ok: true, data: { applied: true } });
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:roster';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await screen.findByText(`Saved ${(BACKUP_PART + 3).toLocaleString('en')} subscribers as tierkit-subscribers-maya.makes-2026-03-15.csv.`);
    const lines = (await blob!.text()).split('\r\n');
    expect(lines[0]).toBe('\ufeffhandle,nickname,tier,since,months,status,note');
    expect(lines.slice(1, -1)).toEqual(rows);
    const again = await sendRosterCsv((request) => ask(request as never), 'again.csv', await blob!.text(), false);
    expect(again).toMatchObject({ ok: true, data: { summary: { new: 0, updated: 0, unchanged: BACKUP_PART + 3 } } });
  });
});
