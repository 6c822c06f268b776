// The Import panel while a big backup is read, checked and imported: each step's progress as a bar a
// screen reader can follow, and a page that takes no other file meanwhile. The steps themselves are
// held here, so what the page shows at each point is certain.
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { createBackup, type Backup } from '@/lib/domain/backup';
import { emptyWorkspace } from '@/lib/domain/defaults';
import type { Result } from '@/lib/domain/problems';
import type { TransferProgress } from '@/components/data/backup-transfer';
import { openOptions, seedProfile } from './options-page';

type Report = (progress: TransferProgress) => void;
const held = vi.hoisted(() => ({
  read: null as null | { report: Report; finish: (result: Result<Backup>) => void },
  importing: null as null | { report: Report; finish: (problems: []) => void },
}));
vi.mock('@/components/data/backup-transfer', async (original) => ({
  ...(await original<typeof import('@/components/data/backup-transfer')>()),
  readBackupFile: (_file: Blob, report: Report) => new Promise((finish) => (held.read = { report, finish })),
  importBackupFile: (_backup: Backup, _mode: string, report: Report) => new Promise((finish) => (held.importing = { report, finish })),
}));

const bar = () => screen.getByRole('progressbar');
const backup = () => {
  const data = emptyWorkspace();
  return { ...createBackup(data, new Date('2026-03-01T12:00:00Z'), '0.1.0'), subscribers: [] };
};

describe('Data: import progress', () => {
  it('shows each step as a named progress bar with its value, and a status that speaks at each tenth', async () => {
    await openOptions('#data', () => seedProfile());
    fireEvent.change(screen.getByLabelText('Backup file'), { target: { files: [new File(['{}'], 'big.json')] } });
    await waitFor(() => expect(held.read).not.toBeNull());
    held.read!.report({ phase: 'reading', done: 27 * 1_048_576, total: 54 * 1_048_576 });
    await waitFor(() => expect(bar().getAttribute('aria-valuenow')).toBe('50'));
    expect(bar().getAttribute('aria-label')).toBe('Reading the file…');
    expect(bar().getAttribute('aria-valuetext')).toBe('50%: 27 of 54 MB');
    screen.getByText('Reading the file… 50%');

    held.read!.report({ phase: 'checking', done: 123_456, total: 200_000 });
    await waitFor(() => expect(bar().getAttribute('aria-label')).toBe('Checking the backup…'));
    expect(bar().getAttribute('aria-valuetext')).toBe('61%: 123,456 of 200,000 subscribers');
    // The status moves by tenths: 61% is announced as 60%.
    screen.getByText('Checking the backup… 60%');
    held.read!.report({ phase: 'checking', done: 125_000, total: 200_000 });
    await waitFor(() => expect(bar().getAttribute('aria-valuenow')).toBe('62'));
    screen.getByText('Checking the backup… 60%');

    held.read!.finish({ ok: true, value: backup() });
    await screen.findByText('0 subscribers on the roster');
    expect(screen.queryByRole('progressbar')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(held.importing).not.toBeNull());
    // Meanwhile no other file is taken, and Import cannot be pressed again.
    expect((screen.getByLabelText('Backup file') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(true);
    held.importing!.report({ phase: 'sending', done: 5_000, total: 200_000 });
    await waitFor(() => expect(bar().getAttribute('aria-label')).toBe('Handing the backup over…'));
    held.importing!.report({ phase: 'saving', done: 190_000, total: 200_000 });
    await waitFor(() => expect(bar().getAttribute('aria-valuetext')).toBe('95%: 190,000 of 200,000 subscribers'));
    expect(bar().getAttribute('aria-label')).toBe('Saving…');
    screen.getByText('Saving… 90%');

    held.importing!.finish([]);
    await screen.findByText(/^Imported\./);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect((screen.getByLabelText('Backup file') as HTMLInputElement).disabled).toBe(false);
  });

  it('forgets a file still being read when another is chosen', async () => {
    await openOptions('#data', () => seedProfile());
    fireEvent.change(screen.getByLabelText('Backup file'), { target: { files: [new File(['{}'], 'first.json')] } });
    await waitFor(() => expect(held.read).not.toBeNull());
    const first = held.read!;
    fireEvent.change(screen.getByLabelText('Backup file'), { target: { files: [new File(['{}'], 'second.json')] } });
    await waitFor(() => expect(held.read).not.toBe(first));
    held.read!.finish({ ok: true, value: backup() });
    await screen.findByRole('heading', { name: 'second.json' });
    first.report({ phase: 'reading', done: 1, total: 2 });
    first.finish({ ok: false, problems: [{ path: [], message: 'late' }] });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByText('late')).toBeNull();
    expect(screen.queryByRole('progressbar')).toBeNull();
    screen.getByRole('heading', { name: 'second.json' });
  });
});
