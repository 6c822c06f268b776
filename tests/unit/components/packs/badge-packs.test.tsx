// The options page's Badge packs section on the real background (fake-indexeddb behind fakeBrowser):
// exporting the creator's pack, importing others', removing, and the page diagnostics.
import { createEvent, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { language, startAppState } from '@/components/app-state';
import { OptionsApp } from '@/components/options/OptionsApp';
import { ask } from '@/lib/client/ask';
import { fingerprint, type SigningKey } from '@/lib/packs/keys';
import { verifyPack } from '@/lib/packs/verify';
import { startFakeBackground } from '../../helpers/background';
import { createSigningKey, edit, signedText } from '../../packs/fixtures';
import { saved, seedProfile, tier, ws } from '../options/options-page';
import { versionOf } from '@/lib/domain/version';

let mara: SigningKey;
let impostor: SigningKey;
let maraFingerprint: string;
let impostorFingerprint: string;
beforeAll(async () => {
  [mara, impostor] = await Promise.all([createSigningKey(), createSigningKey()]);
  [maraFingerprint, impostorFingerprint] = await Promise.all([fingerprint(mara.publicJwk), fingerprint(impostor.publicJwk)]);
});


let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  stop = undefined;
});

// As components/mount.tsx does: the page is keyed on the language, so a change renders every string again.
function Page() {
  return <OptionsApp key={language.value} />;
}

/** Opens the options page at #badges on a fresh background (seeded first if asked); returns the background. */
async function openBadges(seed?: () => Promise<void>) {
  const background = startFakeBackground();
  stop = await startAppState();
  await seed?.();
  history.replaceState(null, '', '#badges');
  render(<Page />);
  return background;
}

async function seedCreator() {
  await seedProfile();
  await saved({ type: 'tier.save', tier: tier('Gold', 999) });
  const gold = ws().tiers[0]!.id;
  for (const subscriber of [
    { handle: 'luca_92', tierId: gold, since: '2025-01-10', status: 'active', note: 'private: pays late' },
    { handle: 'gone.away', tierId: gold, since: '2024-01-10', status: 'lapsed', note: '' },
  ]) {
    const response = await ask({ type: 'roster.save', subscriber });
    expect(response.ok).toBe(true);
  }
}

function captureDownloads() {
  const blobs: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return `blob:pack-${blobs.length}`;
  });
  const clicked: HTMLAnchorElement[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this);
  });
  return { blobs, clicked };
}

function chooseFile(text: string, name: string, label = 'Badge pack file') {
  const file = new File([text], name, { type: 'application/json' });
  fireEvent.change(screen.getByLabelText(label), { target: { files: [file] } });
}

const packList = () => screen.getByRole('list', { name: 'Imported badge packs' });
const packItems = () => within(packList()).getAllByRole('listitem');

describe('Badge packs section', () => {
  it('is in the navigation and shows its empty states', async () => {
    await openBadges();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Badge packs');
    expect(screen.getByRole('link', { name: 'Badge packs' }).getAttribute('aria-current')).toBe('page');
    const exportButton = screen.getByRole('button', { name: 'Export badge pack' }) as HTMLButtonElement;
    expect(exportButton.disabled).toBe(true);
    expect(exportButton.getAttribute('aria-describedby')).toBe('pack-export-blocked');
    expect(document.getElementById('pack-export-blocked')!.textContent).toContain('Save your profile first');
    expect(screen.getByRole('link', { name: 'Go to Profile' }).getAttribute('href')).toBe('#profile');
    screen.getByText(/never holds your notes, lapsed subscribers/);
    await waitFor(() => screen.getByText(/^No badge packs yet\./));
    screen.getByText('Tierkit creates your key the first time you export a pack.');
    screen.getByText(/^No problems seen/);
  });

  it('asks for a tier when there is a profile but none', async () => {
    await openBadges(seedProfile);
    expect((screen.getByRole('button', { name: 'Export badge pack' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('link', { name: 'Go to Tiers & perks' }).getAttribute('href')).toBe('#tiers');
  });

  it('exports a signed pack of the active subscribers, without notes, and then shows the key', async () => {
    await openBadges(seedCreator);
    const { blobs, clicked } = captureDownloads();
    fireEvent.click(screen.getByRole('button', { name: 'Export badge pack' }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]!.download).toMatch(/^tierkit-badges-maya\.makes-\d{4}-\d{2}-\d{2}\.json$/);
    expect(clicked[0]!.href).toBe('blob:pack-1');
    const text = await blobs[0]!.text();
    expect(text).not.toContain('pays late');
    expect(text).not.toContain('gone.away');
    const verified = await verifyPack(text);
    expect(verified.ok).toBe(true);
    await waitFor(() => screen.getByText(`Saved ${clicked[0]!.download} with 1 subscriber.`));
    await waitFor(() => screen.getByText(verified.ok ? verified.fingerprint : 'none'));
    screen.getByRole('heading', { name: 'Your key’s fingerprint' });
  });

  it('shows the background’s reason when nothing can be exported', async () => {
    await openBadges(async () => {
      await seedCreator();
      await saved({ type: 'tier.setStatus', id: ws().tiers[0]!.id, status: 'archived' });
      await saved({ type: 'tier.save', tier: { ...tier('Old', 199), status: 'archived' } });
    });
    // Gold is archived but luca_92 still has it: the pack keeps it.
    const { clicked } = captureDownloads();
    fireEvent.click(screen.getByRole('button', { name: 'Export badge pack' }));
    await waitFor(() => expect(clicked).toHaveLength(1));

    const luca = (await ask({ type: 'roster.query', search: 'luca', sort: 'handle', descending: false, offset: 0, limit: 5 })) as any;
    await ask({ type: 'roster.remove', ids: luca.data.rows.map((row: { id: string }) => row.id) });
    fireEvent.click(screen.getByRole('button', { name: 'Export badge pack' }));
    await waitFor(() => screen.getByText('The badge pack was not exported:'));
    expect(screen.getByRole('alert').textContent).toContain('A badge pack needs at least one tier that is not archived');
    expect(clicked).toHaveLength(1);
  });

  it('imports a pack, lists it, replaces it with a newer one from the same key, and refuses an older one', async () => {
    await openBadges();
    chooseFile(await signedText(mara, { issuedAt: '2026-01-01T12:00:00.000Z' }), 'mara-january.json');
    await waitFor(() =>
      screen.getByText('Imported the badge pack of @mara.sings (Mara) with 5 subscribers.'),
    );
    await waitFor(() => expect(packItems()).toHaveLength(1));
    const item = within(packItems()[0]!);
    expect(item.getByRole('heading', { level: 3 }).textContent).toBe('@mara.sings Mara');
    item.getByText('5 subscribers');
    item.getByText('3 tiers');
    item.getByText(/^Issued Jan 1, 2026/);
    const fingerprint = item.getByText(/^[0-9a-f]{4}( [0-9a-f]{4}){7}$/).textContent;

    chooseFile(await signedText(mara, { issuedAt: '2026-02-01T12:00:00.000Z', subscribers: [] }), 'mara-february.json');
    await waitFor(() => screen.getByText(/^Replaced the older pack from the same creator key: @mara\.sings \(Mara\), issued Feb 1, 2026/));
    await waitFor(() => expect(within(packItems()[0]!).getByText('0 subscribers')).toBeTruthy());
    expect(packItems()).toHaveLength(1);
    expect(within(packItems()[0]!).getByText(fingerprint!)).toBeTruthy();

    chooseFile(await signedText(mara, { issuedAt: '2026-01-01T12:00:00.000Z' }), 'mara-january.json');
    await waitFor(() => screen.getByText('mara-january.json was not imported; nothing changed:'));
    expect(screen.getByRole('alert').textContent).toMatch(/^You already have a newer pack from this creator/);
    expect(within(packItems()[0]!).getByText('0 subscribers')).toBeTruthy();
  });

  it('refuses a tampered or truncated file with the reason, keeping nothing', async () => {
    const background = await openBadges();
    const text = await signedText(mara);
    chooseFile(edit(text, (json) => (json.subscribers[0].tierId = 'fan')), 'tampered.json');
    await waitFor(() => screen.getByText('tampered.json was not imported; nothing changed:'));
    expect(screen.getByRole('alert').textContent).toMatch(/^signature: The signature does not match/);

    chooseFile(text.slice(0, 200), 'cut.json');
    await waitFor(() => screen.getByText('cut.json was not imported; nothing changed:'));
    expect(screen.getByRole('alert').textContent).toMatch(/^The file is not a complete JSON document/);
    expect(await background.db.packs.count()).toBe(0);
    screen.getByText(/^No badge packs yet\./);
  });

  it('imports a dropped file and keeps packs of different creators side by side', async () => {
    await openBadges();
    const zone = screen.getByLabelText('Badge pack file').closest('.drop-zone')!;
    const file = new File([await signedText(impostor, { creator: { handle: 'zed.live', displayName: 'Zed' } })], 'zed.json');
    const drop = createEvent.drop(zone);
    Object.defineProperty(drop, 'dataTransfer', { value: { files: [file] } });
    fireEvent(zone, drop);
    await waitFor(() => screen.getByText(/^Imported the badge pack of @zed\.live \(Zed\)/));
    chooseFile(await signedText(mara), 'mara.json');
    await waitFor(() => expect(packItems()).toHaveLength(2));
    expect(packItems().map((li) => within(li).getByRole('heading').textContent)).toEqual(['@mara.sings Mara', '@zed.live Zed']);
    expect(screen.queryByRole('note')).toBeNull();
  });

  /** The real creator's pack, then a later one claiming the same creator under another key. */
  async function importConflict() {
    chooseFile(await signedText(mara), 'mara.json');
    await waitFor(() => expect(packItems()).toHaveLength(1));
    chooseFile(
      await signedText(impostor, { issuedAt: '2026-03-01T00:00:00.000Z', creator: { handle: 'mara.sings', displayName: 'Mara Official' } }),
      'maybe-mara.json',
    );
    return waitFor(() => screen.getByRole('list', { name: 'Two keys claim one creator' }));
  }
  const conflictItems = () => within(screen.getByRole('list', { name: 'Two keys claim one creator' })).getAllByRole('listitem');

  it('holds a pack claiming a kept creator’s handle under another key apart, showing both keys', async () => {
    await openBadges();
    await importConflict();
    const [status] = screen.getAllByRole('status').filter((el) => el.textContent);
    expect(status!.textContent).toBe(
      `This pack claims @mara.sings, whose badges already come from another key (${maraFingerprint}). It is held apart and shows no badges until you choose, under “Two keys claim one creator”.`,
    );
    // The trusted pack alone is listed as imported; the held one sits beside it in the conflict.
    expect(packItems()).toHaveLength(1);
    expect(within(packItems()[0]!).getByText(maraFingerprint)).toBeTruthy();
    const [item] = conflictItems();
    const conflict = within(item!);
    expect(conflict.getByRole('heading', { level: 4 }).textContent).toBe('@mara.sings');
    expect(conflict.getByText('Trusted key (imported first)').closest('.pack-conflict-key')!.textContent).toContain(maraFingerprint);
    const held = conflict.getByText('New key, held apart').closest('.pack-conflict-key')!;
    expect(held.textContent).toContain(impostorFingerprint);
    expect(held.textContent).toContain('Mara Official');
    expect(conflict.getByRole('button', { name: 'Keep trusted key for @mara.sings and discard the other pack' }).textContent).toBe('Keep trusted key');
    expect(conflict.getByRole('button', { name: 'Trust new key for @mara.sings' }).textContent).toBe('Trust new key');
  });

  it('keeps the trusted key only after confirmation, naming both keys; Cancel keeps the conflict and returns focus', async () => {
    const background = await openBadges();
    await importConflict();
    const keep = screen.getByRole('button', { name: 'Keep trusted key for @mara.sings and discard the other pack' });
    fireEvent.click(keep);
    const dialog = screen.getByRole('dialog', { name: 'Discard the pack held apart for @mara.sings?' });
    expect(dialog.textContent).toContain(maraFingerprint);
    expect(dialog.textContent).toContain(impostorFingerprint);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement).toBe(keep));
    expect(await background.db.packs.count()).toBe(2);

    fireEvent.click(keep);
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Discard pack' }));
    await waitFor(() => screen.getByText('Discarded the pack held apart for @mara.sings.'));
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Two keys claim one creator' })).toBeNull());
    expect((await background.db.packs.toArray()).map((p) => p.fingerprint)).toEqual([maraFingerprint]);
    expect(within(packItems()[0]!).getByText(maraFingerprint)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Packs you imported' }));
  });

  it('trusts the new key only after confirmation: its pack replaces the old key’s', async () => {
    const background = await openBadges();
    await importConflict();
    fireEvent.click(screen.getByRole('button', { name: 'Trust new key for @mara.sings' }));
    const dialog = screen.getByRole('dialog', { name: 'Trust the new key for @mara.sings?' });
    expect(dialog.textContent).toMatch(/the pack of the key trusted until now is removed/);
    within(dialog).getByText(maraFingerprint);
    within(dialog).getByText(impostorFingerprint);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Trust new key' }));
    await waitFor(() => screen.getByText(`The badges of @mara.sings now come from the key ${impostorFingerprint}.`));
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Two keys claim one creator' })).toBeNull());
    expect(packItems()).toHaveLength(1);
    expect(within(packItems()[0]!).getByText(impostorFingerprint)).toBeTruthy();
    expect((await background.db.packs.toArray()).map((p) => [p.fingerprint, p.status])).toEqual([[impostorFingerprint, 'trusted']]);
  });

  it('offers only Discard for a held pack claiming the person’s own username', async () => {
    await openBadges(async () => {
      await ask({ type: 'pack.import', fileName: 'a.json', text: await signedText(mara, { creator: { handle: 'maya.makes', displayName: 'Maya' } }) });
      await ask({ type: 'pack.import', fileName: 'b.json', text: await signedText(impostor, { creator: { handle: 'maya.makes', displayName: 'Maya' } }) });
      await seedProfile();
    });
    await waitFor(() => expect(conflictItems()).toHaveLength(1));
    const conflict = within(conflictItems()[0]!);
    conflict.getByText(/^This pack claims your own username, @maya\.makes/);
    expect(conflict.queryByRole('button', { name: /^Trust/ })).toBeNull();
    conflict.getByRole('button', { name: 'Keep trusted key for @maya.makes and discard the other pack' });
  });

  it('removes a pack only after confirmation; Cancel keeps it and returns focus', async () => {
    await openBadges();
    chooseFile(await signedText(mara), 'mara.json');
    await waitFor(() => expect(packItems()).toHaveLength(1));
    const remove = screen.getByRole('button', { name: 'Remove the badge pack of @mara.sings' });
    fireEvent.click(remove);
    const dialog = screen.getByRole('dialog', { name: 'Remove the badge pack of @mara.sings?' });
    expect(dialog.textContent).toContain('import the pack file again');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement).toBe(remove));
    expect(packItems()).toHaveLength(1);

    fireEvent.click(remove);
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove pack' }));
    await waitFor(() => screen.getByText('Removed the badge pack of @mara.sings.'));
    await waitFor(() => screen.getByText(/^No badge packs yet\./));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Packs you imported' }));
  });

  it('follows packs imported elsewhere (another options tab) through the roster revision', async () => {
    await openBadges();
    await waitFor(() => screen.getByText(/^No badge packs yet\./));
    const response = await ask({ type: 'pack.import', fileName: 'elsewhere.json', text: await signedText(mara) });
    expect(response.ok).toBe(true);
    await waitFor(() => expect(packItems()).toHaveLength(1));
  });

  it('lists a kept pack that no longer reads, and removes it', async () => {
    const background = await openBadges();
    const answer = await ask({ type: 'pack.import', fileName: 'mara.json', text: await signedText(mara) });
    const fingerprint = (answer as { data: { pack: { fingerprint: string } } }).data.pack.fingerprint;
    await background.db.packs.update(fingerprint, { 'pack.tiers': [] } as never);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await ask({ type: 'pack.import', fileName: 'zed.json', text: await signedText(impostor, { creator: { handle: 'zed.live', displayName: 'Zed' } }) });
    await waitFor(() => screen.getByRole('heading', { name: 'Packs that can no longer be read' }));
    expect(packItems()).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: `Remove the unreadable pack with key ${fingerprint}` }));
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Remove the unreadable pack?' })).getByRole('button', { name: 'Remove pack' }));
    await waitFor(() => screen.getByText('Removed the unreadable pack.'));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Packs that can no longer be read' })).toBeNull());
    expect(await background.db.packs.count()).toBe(1);
  });

  it('shows page diagnostics as they are reported, and clears them', async () => {
    const background = await openBadges();
    await waitFor(() => screen.getByText(/^No problems seen/));
    const report = { type: 'diagnostic.report', feature: 'comment-badges', page: 'video', selector: '[data-e2e="comment-list"]' };
    await background.content({ ...report, status: 'missing' });
    await background.content({ ...report, status: 'missing' });
    await background.content({ ...report, feature: 'live-chat-badges', page: 'live', selector: '[data-e2e="chat-list"]', status: 'missing' });
    const table = await screen.findByRole('table', { name: 'What Tierkit did not find on TikTok pages' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(
      expect.arrayContaining(['comment-badges', 'live-chat-badges']),
    );
    const comments = rows.find((row) => row.textContent!.includes('comment-badges'))!;
    expect(within(comments).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      'Video',
      '[data-e2e="comment-list"]',
      expect.any(String),
      '2',
      'Not yet',
    ]);

    await background.content({ ...report, status: 'found' });
    await waitFor(() => expect(within(comments).queryByText('Not yet')).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: 'Clear diagnostics' }));
    await waitFor(() => screen.getByText(/^No problems seen/));
    await waitFor(() => screen.getByText('Diagnostics cleared.'));
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('speaks Italian when the settings say so', async () => {
    await openBadges(async () => {
      await saved({ type: 'settings.save', settings: { ...ws().settings, language: 'it' }, loaded: versionOf(ws().settings) });
    });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Pacchetti di badge');
    screen.getByRole('heading', { name: 'Condividi i tuoi badge' });
    screen.getByRole('heading', { name: 'Pacchetti importati' });
    screen.getByRole('heading', { name: 'Diagnostica delle pagine' });
    screen.getByLabelText('File del pacchetto di badge');
  });

  it('speaks Italian about a conflict too', async () => {
    await openBadges(async () => {
      await saved({ type: 'settings.save', settings: { ...ws().settings, language: 'it' }, loaded: versionOf(ws().settings) });
    });
    chooseFile(await signedText(mara), 'mara.json', 'File del pacchetto di badge');
    await waitFor(() => screen.getByRole('list', { name: 'Pacchetti di badge importati' }));
    chooseFile(await signedText(impostor, { issuedAt: '2026-03-01T00:00:00.000Z' }), 'forse-mara.json', 'File del pacchetto di badge');
    const list = await waitFor(() => screen.getByRole('list', { name: 'Due chiavi per un solo creator' }));
    within(list).getByText('Chiave fidata (importata per prima)');
    within(list).getByText('Nuova chiave, tenuta da parte');
    fireEvent.click(within(list).getByRole('button', { name: 'Fidati della nuova chiave per @mara.sings' }));
    const dialog = screen.getByRole('dialog', { name: 'Fidarti della nuova chiave per @mara.sings?' });
    within(dialog).getByRole('button', { name: 'Annulla' });
    within(dialog).getByRole('button', { name: 'Fidati della nuova chiave' });
  });
});
