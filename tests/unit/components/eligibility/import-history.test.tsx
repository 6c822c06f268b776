import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HistoryPanel } from '@/components/eligibility/EligibilitySection';
import { ManualEntry } from '@/components/eligibility/ManualEntry';
import { StudioImport } from '@/components/eligibility/StudioImport';
import { ask } from '@/lib/client/ask';
import { historySchema } from '@/lib/protocol/schemas';
import { profileCommand, seed, useFakeExtension } from '../tiers/setup';
import { NOW, publishView, view } from './view';

useFakeExtension();

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  await seed(profileCommand);
});
afterEach(() => vi.useRealTimers());

function ImportAndHistory() {
  const [version, setVersion] = useState(0);
  return (
    <>
      <StudioImport onImported={() => setVersion((n) => n + 1)} />
      <HistoryPanel view={view()} version={version} />
    </>
  );
}

const followersCsv = (march2: number) =>
  ['"Date","Followers","Difference in followers from previous day"', 'March 1,9800,10', `March 2,${march2},50`, 'March 4,9900,25'].join('\n');

function csv(name: string, text: string): File {
  return new File([text], name, { type: 'text/csv' });
}

// happy-dom has no DragEvent with files, so the drop carries a plain dataTransfer.
function drop(...files: File[]) {
  const zone = screen.getByLabelText('Studio export').closest('.elig-drop')!;
  const event = new Event('drop', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: { files } });
  fireEvent(zone, event);
}

function pick(...files: File[]) {
  fireEvent.change(screen.getByLabelText('Studio export'), { target: { files } });
}

async function storedDaily() {
  const response = await ask({ type: 'eligibility.history' });
  return historySchema.parse(response.ok ? response.data : null).daily;
}

describe('Studio import', () => {
  it('shows what each file holds, imports on confirmation and then what changed', async () => {
    render(<ImportAndHistory />);
    await screen.findByText('Nothing recorded yet.');

    drop(csv('FollowerHistory.csv', followersCsv(9850)));
    const preview = await screen.findByRole('list', { name: 'Files read' });
    within(preview).getByText(/FollowerHistory\.csv: daily followers, 3 days · March 1, 2026 – March 4, 2026/);
    expect(await storedDaily()).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Import 3 days' }));
    await screen.findByText('Imported: 3 days added, 0 changed, 0 unchanged.');
    expect((await storedDaily()).map((d) => [d.date, d.followers])).toEqual([
      ['2026-03-01', 9800],
      ['2026-03-02', 9850],
      ['2026-03-04', 9900],
    ]);
    // The history follows: newest first.
    const table = await screen.findByRole('table', { name: 'Recorded numbers, newest first' });
    const days = within(table).getAllByRole('rowheader').map((cell) => cell.textContent);
    expect(days).toEqual(['March 4, 2026', 'March 2, 2026', 'March 1, 2026']);

    // A second export that disagrees about one day: the later one wins, and the summary says so.
    drop(csv('FollowerHistory.csv', followersCsv(10350)));
    fireEvent.click(await screen.findByRole('button', { name: 'Import 3 days' }));
    await screen.findByText('Imported: 0 days added, 1 changed, 2 unchanged.');
    screen.getByText('March 2, 2026: followers 9,850 → 10,350');
  });

  it('lists a bad file’s problems by row and column and sends nothing', async () => {
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    render(<StudioImport onImported={() => undefined} />);
    pick(csv('FollowerHistory.csv', ['"Date","Followers","Difference in followers from previous day"', 'March 1,lots,10', 'Smarch 40,9850,50'].join('\n')));
    const problems = await screen.findByRole('table', { name: 'Problems in FollowerHistory.csv' });
    const rows = within(problems).getAllByRole('row').slice(1);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    const cells = rows.map((row) => within(row).getAllByRole('cell').map((c) => c.textContent));
    expect(cells[0]!.slice(0, 3)).toEqual(['FollowerHistory.csv', '2', 'Followers']);
    expect(cells[1]!.slice(0, 3)).toEqual(['FollowerHistory.csv', '3', 'Date']);
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
    expect(sent).not.toHaveBeenCalled();
  });
});

describe('history chart', () => {
  it('summarises each figure for screen readers and leaves a gap for a missing day', async () => {
    render(<ImportAndHistory />);
    drop(csv('FollowerHistory.csv', followersCsv(9850)));
    fireEvent.click(await screen.findByRole('button', { name: 'Import 3 days' }));
    const chart = await screen.findByRole('img', { name: /^Followers from/ });
    expect(chart.getAttribute('aria-label')).toBe(
      'Followers from March 1, 2026 to March 4, 2026: from 9,800 to 9,900. Threshold 10,000. 1 day without data, shown as a gap.',
    );
    // Two runs of days (1–2 March, 4 March): the line starts again after the gap instead of joining it.
    const d = chart.querySelector('path')!.getAttribute('d')!;
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d.match(/L/g)).toHaveLength(1);
    expect(chart.querySelectorAll('circle')).toHaveLength(1);
  });

  it('pages a long history, newest first', async () => {
    const lines = ['"Date","Followers","Difference in followers from previous day"'];
    for (let day = 1; day <= 28; day++) lines.push(`February ${day},${1000 + day},1`);
    for (let day = 1; day <= 9; day++) lines.push(`March ${day},${2000 + day},1`);
    render(<ImportAndHistory />);
    drop(csv('FollowerHistory.csv', lines.join('\n')));
    fireEvent.click(await screen.findByRole('button', { name: 'Import 37 days' }));
    const table = await screen.findByRole('table', { name: 'Recorded numbers, newest first' });
    expect(within(table).getAllByRole('rowheader')).toHaveLength(30);
    expect(within(table).getAllByRole('rowheader')[0]!.textContent).toBe('March 9, 2026');
    screen.getByText('Page 1 of 2');
    fireEvent.click(screen.getByRole('button', { name: 'Older' }));
    expect(within(table).getAllByRole('rowheader').map((c) => c.textContent)).toEqual([
      'February 7, 2026',
      'February 6, 2026',
      'February 5, 2026',
      'February 4, 2026',
      'February 3, 2026',
      'February 2, 2026',
      'February 1, 2026',
    ]);
  });
});

describe('manual entry', () => {
  it('refuses what is not a count and saves today’s figures', async () => {
    await publishView(view());
    render(<ManualEntry onSaved={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save today’s figures' }));
    const followers = screen.getByLabelText('Followers today');
    await waitFor(() => expect(followers.getAttribute('aria-invalid')).toBe('true'));
    screen.getByText('Required');

    fireEvent.input(followers, { target: { value: '10,2x' } });
    fireEvent.input(screen.getByLabelText('Video views in the last 30 days'), { target: { value: '-5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save today’s figures' }));
    await waitFor(() => expect(screen.getAllByText('Enter a whole number, like 10200')).toHaveLength(2));
    let response = await ask({ type: 'eligibility.history' });
    expect(historySchema.parse(response.ok ? response.data : null).snapshots).toEqual([]);

    fireEvent.input(followers, { target: { value: '10,250' } });
    fireEvent.input(screen.getByLabelText('Video views in the last 30 days'), { target: { value: '120000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save today’s figures' }));
    await screen.findByText('Saved.');
    response = await ask({ type: 'eligibility.history' });
    expect(historySchema.parse(response.ok ? response.data : null).snapshots).toMatchObject([
      { followers: 10250, views30: 120000, source: 'manual' },
    ]);
  });
});
