// A change the background saved but could not publish to storage.local: the page says it was saved,
// that what it shows may be out of date, and how to reload.
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SNAPSHOT_KEY } from '@/lib/protocol/stored-keys';
import { openOptions, ws } from './options-page';

/** Makes storage.local refuse every write of the workspace snapshot until the returned function is called. */
function refuseSnapshots(): () => void {
  const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
  let refusing = true;
  vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation((async (items: Record<string, unknown>) => {
    if (refusing && SNAPSHOT_KEY in items) throw new Error('QUOTA_BYTES quota exceeded');
    return set(items);
  }) as never);
  return () => (refusing = false);
}

describe('a saved change that could not be published', () => {
  it('is not reported as an error; the page says its view may be out of date, and Reload publishes and reloads', async () => {
    const { container } = await openOptions('#settings');
    const recover = refuseSnapshots();
    const reload = vi.spyOn(window.location, 'reload').mockImplementation(() => undefined);

    fireEvent.change(screen.getByLabelText('Theme'), { target: { value: 'dark' } });
    // The first command also opens the database and loads the roster: more than findBy's default second on a busy machine.
    const notice = await screen.findByText(/Your change was saved, but this page could not be updated to show it/, {}, { timeout: 10_000 });
    expect(notice.closest('[role="alert"]')).not.toBeNull();
    // Nothing said it failed: no problem list beside the setting.
    expect(container.querySelector('.problems')).toBeNull();
    // The page still shows the theme from before; the background has the new one.
    expect(ws().settings.theme).toBe('system');

    recover();
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    expect(ws().settings.theme).toBe('dark');
  }, 30_000);

  it('says so when publishing still fails at Reload, and does not reload', async () => {
    await openOptions('#settings');
    refuseSnapshots();
    const reload = vi.spyOn(window.location, 'reload').mockImplementation(() => undefined);
    fireEvent.change(screen.getByLabelText('Theme'), { target: { value: 'dark' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Reload' }, { timeout: 10_000 }));
    await screen.findByText(/Something went wrong: QUOTA_BYTES quota exceeded/);
    expect(reload).not.toHaveBeenCalled();
    expect((screen.getByRole('button', { name: 'Reload' }) as HTMLButtonElement).disabled).toBe(false);
  }, 30_000);
});
