// The options page learns its language from the published snapshot. What a person did on the page
// before or after that (a chosen file, a half-filled form) must stay: the page is rendered again in
// the new language where it stands, never mounted anew.
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { snapshot } from '@/components/app-state';
import { mountApp } from '@/components/mount';
import { OptionsApp } from '@/components/options/OptionsApp';
import { optionsAreas } from '@/components/options/message-areas';
import { createBackup } from '@/lib/domain/backup';
import { emptyWorkspace } from '@/lib/domain/defaults';
import { versionOf } from '@/lib/domain/version';
import { SNAPSHOT_KEY } from '@/lib/protocol/stored-keys';
import { startFakeBackground } from '../../helpers/background';

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
  snapshot.value = null;
  vi.restoreAllMocks();
});

/** Mounts the options page as entrypoints/options/main.tsx does, into a fresh #app. */
function mountOptions(hash: string): Promise<() => void> {
  history.replaceState(null, '', hash);
  document.body.innerHTML = '<div id="app"></div>';
  return mountApp(OptionsApp, optionsAreas);
}

const backupText = () => {
  const data = emptyWorkspace();
  data.perks = [{ id: 'perk-chat', kind: 'subscriber-chat', title: 'Chat', description: '' }];
  return JSON.stringify(createBackup(data, new Date('2026-03-01T12:00:00Z'), '0.1.0'));
};

function chooseBackup(name: string) {
  const input = document.getElementById('backup-file')!;
  fireEvent.change(input, { target: { files: [new File([backupText()], name, { type: 'application/json' })] } });
}

describe('the options page’s language', () => {
  it('keeps a backup file chosen before the page learned it speaks Italian', async () => {
    const { handler } = startFakeBackground();
    const settings = { ...emptyWorkspace().settings, language: 'it' as const };
    expect(
      await handler.handle({ type: 'command', command: { type: 'settings.save', settings, loaded: versionOf(emptyWorkspace().settings) } }),
    ).toMatchObject({ ok: true });
    // A page that finds no published snapshot asks for one; the snapshot then arrives through
    // storage.onChanged, and the page's own read of it comes later still.
    await fakeBrowser.storage.local.remove(SNAPSHOT_KEY);
    let releaseRead!: () => void;
    const held = new Promise<void>((resolve) => (releaseRead = resolve));
    const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    let reads = 0;
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation((async (keys: never) => {
      if (++reads === 2) await held;
      return get(keys);
    }) as never);

    const started = mountOptions('#data');
    await waitFor(() => expect(document.getElementById('backup-file')).not.toBeNull());
    chooseBackup('chosen-early.json');
    await screen.findByRole('heading', { name: 'chosen-early.json' });

    releaseRead();
    unmount = await started;
    await waitFor(() => screen.getByRole('button', { name: 'Importa' }));
    screen.getByRole('heading', { name: 'chosen-early.json' });
    expect((screen.getByRole('button', { name: 'Importa' }) as HTMLButtonElement).disabled).toBe(false);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Dati');
    expect(document.documentElement.lang).toBe('it');
  });

  it('keeps a chosen backup file, and says everything in Italian, when the language changes on another page', async () => {
    const { handler } = startFakeBackground();
    unmount = await mountOptions('#data');
    await waitFor(() => expect(document.getElementById('backup-file')).not.toBeNull());
    chooseBackup('chosen.json');
    await screen.findByText('1 perk');

    // Settings saved in another tab (the popup, another options page): the snapshot changes under this page.
    const settings = { ...emptyWorkspace().settings, language: 'it' as const };
    expect(
      await handler.handle({ type: 'command', command: { type: 'settings.save', settings, loaded: versionOf(emptyWorkspace().settings) } }),
    ).toMatchObject({ ok: true });

    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Dati'));
    screen.getByRole('heading', { name: 'chosen.json' });
    screen.getByText('1 vantaggio');
    expect((screen.getByRole('button', { name: 'Importa' }) as HTMLButtonElement).disabled).toBe(false);
    screen.getByLabelText('File di backup');
  });
});
