import { createEvent, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackup, MAX_BACKUP_BYTES, readBackup } from '@/lib/domain/backup';
import { emptyWorkspace } from '@/lib/domain/defaults';
import type { Tier, Workspace } from '@/lib/domain/schema';
import { openOptions, saved, seedProfile, tier, ws } from './options-page';
import { ask } from '@/lib/client/ask';
import { BACKUP_PART } from '@/lib/protocol/schemas';
import { sendRosterCsv } from '../../helpers/uploads';

function storedTier(id: string, name: string, priceMinor: number, position: number, perkIds: string[] = []): Tier {
  return {
    ...tier(name, priceMinor, { perkIds }),
    id,
    position,
    status: 'active',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
  } as Tier;
}

/** A backup made elsewhere: a Gold tier with one perk. */
function backupText(change: (data: Workspace) => void = () => {}): string {
  const data = emptyWorkspace();
  data.perks = [{ id: 'perk-chat', kind: 'subscriber-chat', title: 'Chat', description: '' }];
  data.tiers = [storedTier('tier-gold', 'Gold', 999, 0, ['perk-chat'])];
  change(data);
  return JSON.stringify(createBackup(data, new Date('2026-03-01T12:00:00Z'), '0.1.0'));
}

async function seedLocal() {
  await seedProfile('US', 'USD');
  await saved({ type: 'tier.save', tier: tier('Bronze', 299) });
}

function chooseFile(text: string, name = 'backup.json') {
  const file = new File([text], name, { type: 'application/json' });
  fireEvent.change(screen.getByLabelText('Backup file'), { target: { files: [file] } });
  return file;
}
const importButton = () => screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement;

describe('Data: export', () => {
  it('downloads the workspace as a backup that reads back, through a link with the dated file name', async () => {
    await openOptions('#data', async () => {
      await seedLocal();
      expect(await ask({ type: 'posts.add', date: '2026-03-01', title: 'Q&A' })).toMatchObject({ ok: true });
    });
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '0.1.0' } as never);
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:backup';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });

    fireEvent.click(screen.getByRole('button', { name: 'Export backup' }));

    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]!.download).toMatch(/^tierkit-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(clicked[0]!.href).toBe('blob:backup');
    const read = readBackup(await blob!.text(), 'en-US');
    expect(read.ok && read.value.appVersion).toBe('0.1.0');
    expect(read.ok && read.value.data).toEqual(ws());
    // The recorded numbers travel with it (none yet here).
    expect(read.ok && read.value.stats).toEqual({ snapshots: [], daily: [] });
    // So does the posts log.
    expect(read.ok && read.value.posts).toEqual([expect.objectContaining({ handle: 'maya.makes', date: '2026-03-01', title: 'Q&A' })]);
    await waitFor(() => screen.getByText(`Saved as ${clicked[0]!.download}.`));
  });
});

describe('Data: export of a big roster', () => {
  it('writes compact JSON, the roster read in parts and saved whole', async () => {
    const count = BACKUP_PART + 7;
    await openOptions('#data', async () => {
      await seedLocal();
      const rows = Array.from({ length: count }, (_, i) => `fan${i},,Bronze,2025-01-01,,active,note ${i}`);
      const seeded = await sendRosterCsv((request) => ask(request as never), 'seed.csv', ['handle,nickname,tier,since,months,status,note', ...rows].join('\n'), true);
      expect(seeded).toMatchObject({ ok: true, data: { applied: true } });
    });
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '0.1.0' } as never);
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:backup';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    fireEvent.click(screen.getByRole('button', { name: 'Export backup' }));
    await screen.findByText(/^Saved as tierkit-backup-/);
    const text = await blob!.text();
    expect(text).not.toContain('\n');
    const read = readBackup(text, 'en-US');
    expect(read.ok && read.value.subscribers?.map((s) => s.note).sort()).toEqual(Array.from({ length: count }, (_, i) => `note ${i}`).sort());
    expect(text).toBe(JSON.stringify(read.ok && read.value));
  });
});

describe('Data: import', () => {
  it('previews a valid backup, then replaces everything with it', async () => {
    await openOptions('#data', seedLocal);
    expect(importButton().disabled).toBe(true);
    chooseFile(backupText());
    await screen.findByText(/A Tierkit backup from March 1, 2026/);
    screen.getByText('1 tier: Gold');
    screen.getByText('1 perk');
    expect(ws().tiers.map((t) => t.name)).toEqual(['Bronze']);

    expect((screen.getByRole('radio', { name: 'Replace everything' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(importButton());
    await waitFor(() => expect(ws().tiers.map((t) => t.name)).toEqual(['Gold']));
    expect(ws().profile).toBeNull();
    expect(ws().perks.map((p) => p.id)).toEqual(['perk-chat']);
    await screen.findByText('Imported. You now have 1 tier and 1 perk.');
  });

  it('merges with what is here when asked', async () => {
    await openOptions('#data', seedLocal);
    fireEvent.click(screen.getByRole('radio', { name: 'Merge with what I have' }));
    chooseFile(backupText());
    await screen.findByText('1 tier: Gold');
    fireEvent.click(importButton());
    await waitFor(() => expect(ws().tiers.map((t) => t.name).sort()).toEqual(['Bronze', 'Gold']));
    expect(ws().profile?.handle).toBe('maya.makes');
    expect(ws().perks.map((p) => p.id)).toEqual(['perk-chat']);
  });

  it('lists every problem of a bad file with its path, and changes nothing', async () => {
    await openOptions('#data', seedLocal);
    const before = structuredClone(ws());
    chooseFile(
      backupText((data) => {
        data.tiers[0]!.badge.label = 'GOLDEN';
        data.tiers[0]!.currency = 'XXX';
        data.perks[0]!.title = '';
      }),
    );
    await screen.findByText('This file cannot be imported (3 problems):');
    const problems = within(screen.getByRole('alert'))
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^data › tiers › 1 › currency: "XXX" is not an ISO 4217 currency code/),
        expect.stringMatching(/^data › tiers › 1 › badge › label: A badge label has 1 to 4 characters/),
        expect.stringMatching(/^data › perks › 1 › title: Required/),
      ]),
    );
    expect(importButton().disabled).toBe(true);
    fireEvent.click(importButton());
    expect(ws()).toEqual(before);
  });

  it('explains a file from a newer Tierkit and one that is not JSON', async () => {
    await openOptions('#data', seedLocal);
    const problems = () => within(screen.getByRole('alert')).getAllByRole('listitem').map((item) => item.textContent);
    chooseFile(backupText().replace('"version":2', '"version":3'));
    await waitFor(() =>
      expect(problems()).toEqual([
        'version: This backup was made by a newer Tierkit (format version 3); this one reads version 2',
      ]),
    );
    chooseFile('<script>alert(1)</script>', 'evil.json');
    await waitFor(() => expect(problems()[0]).toMatch(/^The file is not valid JSON/));
    expect(document.querySelector('script')).toBeNull();
  });

  it('refuses a file over the size limit before reading it', async () => {
    await openOptions('#data', seedLocal);
    // A gigabyte is not built here: a small file says it is one byte over, and must not be read.
    const file = new File(['{}'], 'huge.json');
    Object.defineProperty(file, 'size', { value: MAX_BACKUP_BYTES + 1 });
    const read = vi.spyOn(file, 'stream');
    const text = vi.spyOn(file, 'text');
    fireEvent.change(screen.getByLabelText('Backup file'), { target: { files: [file] } });
    await screen.findByText('The file is 1024.0 MB; a Tierkit backup is at most 1024 MB');
    expect(read).not.toHaveBeenCalled();
    expect(text).not.toHaveBeenCalled();
    expect(importButton().disabled).toBe(true);
  });

  it('accepts a file dropped on the drop zone', async () => {
    await openOptions('#data', seedLocal);
    const zone = screen.getByLabelText('Backup file').closest('.drop-zone')!;
    const file = new File([backupText()], 'dropped.json');
    // Testing Library's fireEvent.drop does not reach Preact's handler in happy-dom; dispatching the event it builds does.
    fireEvent(zone, createEvent.drop(zone, { dataTransfer: { files: [file] } }));
    await screen.findByText('1 tier: Gold');
    screen.getByRole('heading', { name: 'dropped.json' });
  });
});

describe('Data: delete all data', () => {
  it('needs the confirmation: Cancel keeps everything, Delete everything wipes', async () => {
    await openOptions('#data', async () => {
      await seedLocal();
      expect(await ask({ type: 'posts.add', date: '2026-03-01' })).toMatchObject({ ok: true });
    });
    const dialog = document.querySelector<HTMLDialogElement>('dialog.wipe-dialog')!;
    expect(dialog.open).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Delete all data' }));
    expect(dialog.open).toBe(true);
    within(dialog).getByText('This deletes from this browser, and cannot be undone:');
    await within(dialog).findByText('1 subscriber-only post you logged');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(dialog.open).toBe(false);
    expect(ws().tiers).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Delete all data' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete everything' }));
    await waitFor(() => expect(ws().tiers).toHaveLength(0));
    expect(ws().profile).toBeNull();
    expect(dialog.open).toBe(false);
    await screen.findByText('All data was deleted.');
  });
});
