// The Data section on the real background: Delete all data says exactly what goes (counted) and keeps
// the signing key unless unticked; the key's encrypted backup, its restore after a confirmation that
// shows both fingerprints, and the way off a key made before backups existed.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { snapshot, startAppState } from '@/components/app-state';
import { Root } from '@/components/mount';
import { OptionsApp } from '@/components/options/OptionsApp';
import { emptyWorkspace } from '@/lib/domain/defaults';
import { versionOf } from '@/lib/domain/version';
import { ask } from '@/lib/client/ask';
import { dataSummarySchema } from '@/lib/protocol/key-answers';
import { exportedFileSchema } from '@/lib/protocol/schemas';
import { ECDSA_P256, fingerprint, publicJwkOf } from '@/lib/packs/keys';
import { verifyPack } from '@/lib/packs/verify';
import type { TierkitDb } from '@/lib/store/db';
import { startFakeBackground } from '../../helpers/background';
import { createSigningKey, signedText } from '../../packs/fixtures';
import { saved, seedProfile, tier, ws } from './options-page';

const PASSPHRASE = 'marble orchid tuesday lantern';
// Backing up and restoring derive a key from the passphrase (600,000 PBKDF2 iterations) in the
// background: each takes up to seconds on a busy machine.
const SLOW = { timeout: 30_000 };

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  stop = undefined;
  vi.restoreAllMocks();
});

/** Opens the options page at #data on a fresh background, seeded first; returns the background's database. */
async function openData(seed?: (db: TierkitDb) => Promise<void>): Promise<TierkitDb> {
  snapshot.value = null;
  const { db } = startFakeBackground();
  stop = await startAppState();
  await seed?.(db);
  history.replaceState(null, '', '#data');
  render(<Root App={OptionsApp} />);
  return db;
}

async function must(request: Parameters<typeof ask>[0]): Promise<unknown> {
  const response = await ask(request);
  if (!response.ok) throw new Error(JSON.stringify(response.problems));
  return response.data;
}

/** The creator with a tier, a perk, two subscribers, a pack from someone else, three days of numbers, and a key. */
async function seedEverything() {
  await seedProfile();
  await saved({ type: 'perk.save', perk: { kind: 'subscriber-chat', title: 'Chat', description: '' } });
  await saved({ type: 'tier.save', tier: tier('Gold', 999) });
  const gold = ws().tiers[0]!.id;
  await must({ type: 'roster.save', subscriber: { handle: 'luca_92', tierId: gold, since: '2025-01-10' } });
  await must({ type: 'roster.save', subscriber: { handle: 'anna.b', tierId: gold, since: '2025-02-10' } });
  await must({ type: 'pack.import', fileName: 'mara.json', text: await signedText(await createSigningKey()) });
  await must({ type: 'stats.import', fileNames: ['studio.csv'], days: [{ date: '2026-01-01', followers: 900 }, { date: '2026-01-02', followers: 910 }] });
  await must({ type: 'stats.manual', followers: 950 });
  return ownKey();
}

/** The creator's key: made by exporting their pack, as the Badge packs section does. */
async function ownKey(): Promise<string> {
  const file = exportedFileSchema.parse(await must({ type: 'pack.export' }));
  const verified = await verifyPack(file.text);
  if (!verified.ok) throw new Error('unsigned');
  return verified.fingerprint;
}

const summary = async () => dataSummarySchema.parse(await must({ type: 'data.summary' }));
const wipeDialog = () => document.querySelector<HTMLDialogElement>('dialog.wipe-dialog')!;

function captureDownloads() {
  const blobs: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return `blob:${blobs.length}`;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  const names: string[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { blobs, names };
}

const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

// Seeding runs a dozen commands and signs packs: more than the default five seconds on a busy machine.
describe('Delete all data', { timeout: 30_000 }, () => {
  it('says exactly what goes, with counts, and keeps the signing key unless unticked', async () => {
    let key = '';
    await openData(async () => {
      key = await seedEverything();
    });
    fireEvent.click(screen.getByRole('button', { name: 'Delete all data' }));
    const dialog = wipeDialog();
    expect(dialog.open).toBe(true);
    await waitFor(() =>
      expect(within(dialog).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
        'your profile (@maya.makes)',
        '1 tier',
        '1 perk in your library',
        'your settings: theme, language, price points, revenue rules and eligibility rules',
        '2 subscribers on your roster',
        '1 badge pack you imported from other creators',
        '3 days of recorded numbers (followers, views)',
      ]),
    );
    const keep = within(dialog).getByRole('checkbox', { name: 'Keep my signing key' }) as HTMLInputElement;
    expect(keep.checked).toBe(true);
    within(dialog).getByText(`Your key ${key} stays: your next badge pack is signed by it, and fans who have your packs keep seeing the same signer.`);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete everything' }));
    await screen.findByText('All data was deleted. Your signing key was kept.');
    expect(ws().profile).toBeNull();
    expect(await summary()).toEqual({ subscribers: 0, packs: 0, posts: 0, statDays: 0, signingKey: expect.objectContaining({ fingerprint: key }) });
    // What stays shows in the section.
    screen.getByText(key, { selector: '.key-current code' });
  });

  it('deletes the key too when unticked, saying what that means first', async () => {
    let key = '';
    await openData(async () => {
      await seedProfile();
      await saved({ type: 'tier.save', tier: tier('Gold', 999) });
      key = await ownKey();
    });
    fireEvent.click(screen.getByRole('button', { name: 'Delete all data' }));
    const dialog = wipeDialog();
    const keep = await within(dialog).findByRole('checkbox', { name: 'Keep my signing key' });
    fireEvent.click(keep);
    within(dialog).getByText(`your signing key (${key})`);
    within(dialog).getByText(/^Your signing key will be deleted too\. Tierkit makes a new one at your next export, and every fan who has your packs will see a different signer/);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete everything' }));
    await screen.findByText('All data was deleted, your signing key too.');
    expect((await summary()).signingKey).toBeNull();
    await screen.findByText(/^You have no signing key yet/);
  });

  it('says it in Italian', async () => {
    await openData(async () => {
      await seedEverything();
      await saved({ type: 'settings.save', settings: { ...emptyWorkspace().settings, language: 'it' }, loaded: versionOf(emptyWorkspace().settings) });
    });
    fireEvent.click(screen.getByRole('button', { name: 'Elimina tutti i dati' }));
    const dialog = wipeDialog();
    await waitFor(() => within(dialog).getByText('2 abbonati nel tuo elenco'));
    within(dialog).getByText('3 giorni di numeri registrati (follower, visualizzazioni)');
    within(dialog).getByText('1 pacchetto di badge che hai importato da altri creator');
    within(dialog).getByRole('checkbox', { name: 'Conserva la mia chiave di firma' });
    within(dialog).getByText('Questo elimina da questo browser, e non si potrà annullare:');
  });
});

describe('the signing key’s backup', { timeout: 30_000 }, () => {
  it('is saved under a passphrase typed twice, and restores a deleted key after a confirmation', async () => {
    let key = '';
    await openData(async () => {
      await seedProfile();
      await saved({ type: 'tier.save', tier: tier('Gold', 999) });
      key = await ownKey();
    });
    const { blobs, names } = captureDownloads();
    await screen.findByText(key, { selector: '.key-current code' });

    type('Passphrase', PASSPHRASE);
    type('Repeat the passphrase', `${PASSPHRASE}!`);
    screen.getByText('The two passphrases differ');
    expect((screen.getByRole('button', { name: 'Save key backup' }) as HTMLButtonElement).disabled).toBe(true);
    type('Repeat the passphrase', PASSPHRASE);
    fireEvent.click(screen.getByRole('button', { name: 'Save key backup' }));
    await screen.findByText(/^Saved as tierkit-signing-key-.*\.json\. Keep the file and the passphrase apart/, {}, SLOW);
    expect(names).toEqual([`tierkit-signing-key-${key.replace(/ /g, '').slice(0, 8)}-${new Date().toISOString().slice(0, 10)}.json`]);
    const backup = await blobs[0]!.text();
    expect(backup).toContain(`"fingerprint": "${key}"`);
    // The passphrase does not stay in the form.
    expect((screen.getByLabelText('Passphrase') as HTMLInputElement).value).toBe('');

    await saved({ type: 'workspace.wipe', deleteSigningKey: true });
    await waitFor(() => screen.getByText(/^You have no signing key yet/));

    fireEvent.change(screen.getByLabelText('Key backup to restore'), { target: { files: [new File([backup], names[0]!)] } });
    await screen.findByText(names[0]!);
    type('Passphrase of the backup', 'not the right one at all');
    fireEvent.click(screen.getByRole('button', { name: 'Check backup' }));
    await screen.findByText(/^The passphrase is wrong, or the file was changed after it was saved/, {}, SLOW);
    screen.getByText('Nothing was restored:');
    const restoreDialog = document.querySelector<HTMLDialogElement>('dialog.key-dialog')!;
    expect(restoreDialog.open).toBe(false);

    type('Passphrase of the backup', PASSPHRASE);
    fireEvent.click(screen.getByRole('button', { name: 'Check backup' }));
    await waitFor(() => expect(restoreDialog.open).toBe(true), SLOW);
    within(restoreDialog).getByRole('heading', { name: 'Use this signing key?' });
    const compared = within(restoreDialog).getAllByRole('definition').map((d) => d.textContent);
    expect(compared).toEqual(['none', key]);
    // Nothing is written before the confirmation.
    expect((await summary()).signingKey).toBeNull();

    fireEvent.click(within(restoreDialog).getByRole('button', { name: 'Use the key from the backup' }));
    await screen.findByText(`Restored: your packs are signed with ${key} from now on.`, {}, SLOW);
    expect((await summary()).signingKey?.fingerprint).toBe(key);
    await waitFor(() => screen.getByText(key, { selector: '.key-current code' }));
  }, 120_000);

  it('shows both fingerprints before replacing a different key, and Cancel keeps the current one', async () => {
    let first = '';
    const { blobs } = captureDownloads();
    const db = await openData(async () => {
      await seedProfile();
      await saved({ type: 'tier.save', tier: tier('Gold', 999) });
      first = await ownKey();
    });
    await screen.findByText(first, { selector: '.key-current code' });
    type('Passphrase', PASSPHRASE);
    type('Repeat the passphrase', PASSPHRASE);
    fireEvent.click(screen.getByRole('button', { name: 'Save key backup' }));
    await waitFor(() => expect(blobs).toHaveLength(1), SLOW);
    // Another key in its place (as after a reinstall).
    await db.keys.clear();
    const second = await ownKey();

    fireEvent.change(screen.getByLabelText('Key backup to restore'), { target: { files: [new File([await blobs[0]!.text()], 'key.json')] } });
    await screen.findByText('key.json');
    type('Passphrase of the backup', PASSPHRASE);
    fireEvent.click(screen.getByRole('button', { name: 'Check backup' }));
    const restoreDialog = document.querySelector<HTMLDialogElement>('dialog.key-dialog')!;
    await waitFor(() => expect(restoreDialog.open).toBe(true), SLOW);
    within(restoreDialog).getByRole('heading', { name: 'Replace your signing key?' });
    expect(within(restoreDialog).getAllByRole('definition').map((d) => d.textContent)).toEqual([second, first]);
    within(restoreDialog).getByText(/Fans who know your current key will see a different signer/);
    fireEvent.click(within(restoreDialog).getByRole('button', { name: 'Cancel' }));
    expect(restoreDialog.open).toBe(false);
    expect((await summary()).signingKey?.fingerprint).toBe(second);
  }, 120_000);

  it('says what a file is when it is not a key backup', async () => {
    await openData();
    await screen.findByText(/^You have no signing key yet/);
    fireEvent.change(screen.getByLabelText('Key backup to restore'), { target: { files: [new File([await signedText(await createSigningKey())], 'pack.json')] } });
    await screen.findByText('pack.json');
    type('Passphrase of the backup', PASSPHRASE);
    fireEvent.click(screen.getByRole('button', { name: 'Check backup' }));
    await screen.findByText(/^This file is a badge pack, not a signing-key backup/);

    const huge = new File(['x'.repeat(2 * 1_048_576)], 'video.json');
    const read = vi.spyOn(huge, 'text');
    fireEvent.change(screen.getByLabelText('Key backup to restore'), { target: { files: [huge] } });
    await screen.findByText('video.json');
    fireEvent.click(screen.getByRole('button', { name: 'Check backup' }));
    await screen.findByText('This file is 2 MB: a signing-key backup is under 16 KB, so this is not one.');
    expect(read).not.toHaveBeenCalled();
  });
});

describe('a key made before backups existed', { timeout: 30_000 }, () => {
  it('is explained, cannot be backed up, and can be replaced by a new key after a confirmation', async () => {
    let old = '';
    await openData(async (db) => {
      const pair = await crypto.subtle.generateKey(ECDSA_P256, false, ['sign', 'verify']);
      const publicJwk = publicJwkOf(await crypto.subtle.exportKey('jwk', pair.publicKey));
      old = await fingerprint(publicJwk);
      await db.keys.put({ id: 'signing', privateKey: pair.privateKey, publicJwk, fingerprint: old, createdAt: Date.UTC(2025, 0, 5) });
    });
    await screen.findByText(/^This key was made by an earlier version of Tierkit, which stored it so that it can never leave this browser/);
    expect(screen.queryByRole('button', { name: 'Save key backup' })).toBeNull();
    screen.getByText(old, { selector: '.key-current code' });
    screen.getByText('(made on January 5, 2025)');

    fireEvent.click(screen.getByRole('button', { name: 'Make a new key' }));
    const dialog = document.querySelector<HTMLDialogElement>('dialog[aria-labelledby="key-renew-heading"]')!;
    expect(dialog.open).toBe(true);
    within(dialog).getByText(new RegExp(`^Your packs are signed with ${old} today\\.`));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Make a new key' }));
    const renewed = await screen.findByText(/^Your new key is [0-9a-f ]+\. Back it up now\.$/);
    const next = renewed.textContent!.match(/is ([0-9a-f ]+)\./)![1]!;
    expect(next).not.toBe(old);
    expect((await summary()).signingKey).toMatchObject({ fingerprint: next, backupable: true });
    await screen.findByRole('button', { name: 'Save key backup' });
  });
});
