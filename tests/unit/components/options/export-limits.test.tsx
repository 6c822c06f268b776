// Export says so, and saves nothing, when the file could not be imported back. The backup's and the
// roster CSV's limits are set very low here: no test writes a gigabyte.
import { fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ask } from '@/lib/client/ask';
import { sendRosterCsv } from '../../helpers/uploads';
import { openOptions, saved, seedProfile, tier } from './options-page';

vi.mock('@/lib/domain/backup', async (original) => ({ ...(await original<object>()), MAX_BACKUP_BYTES: 1_048_576 }));
vi.mock('@/lib/roster/csv', async (original) => ({ ...(await original<object>()), MAX_ROSTER_CSV_BYTES: 524_288 }));

/** A roster of about 1.3 MB: 2,500 subscribers with long notes. */
async function seedRoster() {
  await seedProfile('US', 'USD');
  await saved({ type: 'tier.save', tier: tier('Gold', 999, { status: 'active' }) });
  const rows = Array.from({ length: 2_500 }, (_, i) => `fan${i},,Gold,2025-01-01,,active,${'n'.repeat(500)}`);
  const seeded = await sendRosterCsv((request) => ask(request as never), 'seed.csv', ['handle,nickname,tier,since,months,status,note', ...rows].join('\n'), true);
  expect(seeded).toMatchObject({ ok: true, data: { applied: true } });
}

describe('export over the limit', () => {
  it('saves no backup the import could not read back, saying why', async () => {
    await openOptions('#data', seedRoster);
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '0.1.0' } as never);
    const created = vi.spyOn(URL, 'createObjectURL');
    fireEvent.click(screen.getByRole('button', { name: 'Export backup' }));
    expect(
      await screen.findByText(/^This backup would be 1\.\d MB, more than the 1 MB Tierkit can import, so it was not saved: it could not be restored\.$/),
    ).toBeTruthy();
    expect(created).not.toHaveBeenCalled();
  });

  it('saves no roster CSV the import could not read back, saying why', async () => {
    await openOptions('#subscribers', seedRoster);
    const created = vi.spyOn(URL, 'createObjectURL');
    fireEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
    expect(
      await screen.findByText(/^This file would be 1\.\d MB, more than the 0\.5 MB Tierkit can import, so it was not saved: it could not be read back\.$/),
    ).toBeTruthy();
    expect(created).not.toHaveBeenCalled();
  });
});
