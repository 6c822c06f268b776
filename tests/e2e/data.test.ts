// The Data section in Chromium with the built extension: the Delete all data dialog by keyboard and
// in both themes (what goes, counted; the signing key kept unless unticked), the signing key's
// encrypted backup saved as a file and restored from it, and a chosen backup file that survives a
// change of language.
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { versionOf } from '@/lib/domain/version';
import { launchExtension, screenshot, sendCommand, waitForFirstRender, type Extension } from './harness';
import { goldTierCommand } from './seed';
import { createCreator } from './tiktok';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> }; storage: { local: { get(key: string): Promise<any> } } };

const PASSPHRASE = 'marble orchid tuesday lantern';
const POLL = { timeout: 10_000, interval: 50 };
// A backup or restore derives a key from the passphrase (600,000 PBKDF2 iterations) in the service worker.
const CRYPTO = { timeout: 30_000 };

let extension: Extension;
let options: Page;
let fingerprint = '';

beforeAll(async () => {
  extension = await launchExtension();
  options = await extension.openOptions();
  await waitForFirstRender(options);
  await createCreator(options);
  await sendCommand(options, goldTierCommand);
  const tierId = await options.evaluate(async () => (await chrome.storage.local.get('workspace')).workspace.workspace.tiers[0].id as string);
  for (const handle of ['fan.one', 'fan.two', 'fan.three']) {
    const saved = (await options.evaluate(
      (subscriber) => chrome.runtime.sendMessage({ type: 'roster.save', subscriber }),
      { handle, tierId, since: '2025-06-01' },
    )) as { ok: boolean };
    expect(saved.ok).toBe(true);
  }
  // The key is made by the first pack export.
  const exported = (await options.evaluate(() => chrome.runtime.sendMessage({ type: 'pack.export' }))) as { ok: boolean };
  expect(exported.ok).toBe(true);
});
afterAll(async () => {
  expect(extension?.errors ?? []).toEqual([]);
  await extension?.close();
});

async function openData() {
  await options.goto(`chrome-extension://${extension.id}/options.html#data`);
  await waitForFirstRender(options);
  await options.getByRole('heading', { level: 1, name: 'Data' }).waitFor();
}

/** Presses Tab until `done` says the focused element is the one wanted; at most 40 presses. */
async function tabUntil(page: Page, done: () => Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await done()) return true;
  }
  return false;
}

describe('Delete all data, in Chromium', () => {
  it('lists what goes with counts, is usable by keyboard, passes axe in light and dark, and keeps the key', async () => {
    await openData();
    fingerprint = (await options.locator('.key-current code').textContent({ timeout: 10_000 }))?.trim() ?? '';
    expect(fingerprint).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){7}$/);

    const opener = options.getByRole('button', { name: 'Delete all data' });
    await opener.focus();
    await options.keyboard.press('Enter');
    const dialog = options.getByRole('dialog', { name: 'Delete everything?' });
    await dialog.waitFor();
    // Cancel has the focus: Enter at once deletes nothing.
    await expect.poll(() => options.evaluate(() => document.activeElement?.textContent), POLL).toBe('Cancel');
    await expect
      .poll(() => dialog.getByRole('listitem').allTextContents(), POLL)
      .toEqual([
        'your profile (@mara.sings)',
        '1 tier',
        'your settings: theme, language, price points, revenue rules and eligibility rules',
        '3 subscribers on your roster',
      ]);
    const keep = dialog.getByRole('checkbox', { name: 'Keep my signing key' });
    expect(await keep.isChecked()).toBe(true);
    await dialog.getByText(`Your key ${fingerprint} stays`).waitFor();

    // Escape closes it, and focus goes back to the button that opened it.
    await options.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => opener.evaluate((button) => button === document.activeElement), POLL).toBe(true);

    await options.keyboard.press('Enter');
    await dialog.waitFor();
    expect(await tabUntil(options, () => keep.evaluate((box) => box === document.activeElement))).toBe(true);
    await options.keyboard.press('Space');
    expect(await keep.isChecked()).toBe(false);
    await dialog.getByText(`your signing key (${fingerprint})`).waitFor();
    await dialog.getByText(/^Your signing key will be deleted too/).waitFor();
    for (const colorScheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme });
      const results = await new AxeBuilder({ page: options }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      await screenshot(options, `options-delete-dialog-${colorScheme}`);
    }
    await options.emulateMedia({ colorScheme: 'light' });
    await options.keyboard.press('Space');
    expect(await keep.isChecked()).toBe(true);

    await dialog.getByRole('button', { name: 'Delete everything' }).click();
    await options.getByText('All data was deleted. Your signing key was kept.').waitFor();
    expect(((await options.locator('.key-current code').textContent()) ?? '').trim()).toBe(fingerprint);
    // Two axe audits and four screenshots: more than the default minute on a busy machine.
  }, 180_000);
});

describe('the signing key’s backup, in Chromium', () => {
  let backupFile = '';

  it('is saved as a file encrypted under the passphrase', async () => {
    await openData();
    await options.locator('.key-current code').waitFor();
    await options.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await options.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
    const [download] = await Promise.all([options.waitForEvent('download', CRYPTO), options.getByRole('button', { name: 'Save key backup' }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^tierkit-signing-key-${fingerprint.replace(/ /g, '').slice(0, 8)}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
    backupFile = (await download.path())!;
    const json = JSON.parse(await readFile(backupFile, 'utf8'));
    expect(json).toMatchObject({ format: 'tierkit-signing-key', version: 1, fingerprint, kdf: { name: 'PBKDF2', iterations: 600_000 } });
    expect(JSON.stringify(json)).not.toContain('"d"');
    await options.getByText(/^Saved as tierkit-signing-key-/).waitFor();
    for (const colorScheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme });
      await screenshot(options, `options-signing-key-${colorScheme}`);
    }
    await options.emulateMedia({ colorScheme: 'light' });
  });

  it('restores the key after it was deleted, only with the passphrase and after showing both fingerprints', async () => {
    // Delete everything, the key too.
    await options.getByRole('button', { name: 'Delete all data' }).click();
    const wipe = options.getByRole('dialog', { name: 'Delete everything?' });
    await wipe.getByRole('checkbox', { name: 'Keep my signing key' }).uncheck();
    await wipe.getByRole('button', { name: 'Delete everything' }).click();
    await options.getByText('All data was deleted, your signing key too.').waitFor();
    await options.getByText(/^You have no signing key yet/).waitFor();

    await options.getByLabel('Key backup to restore').setInputFiles({ name: 'my-key.json', mimeType: 'application/json', buffer: await readFile(backupFile) });
    await options.getByText('my-key.json', { exact: true }).waitFor();
    await options.getByLabel('Passphrase of the backup').fill('not the right passphrase');
    await options.getByRole('button', { name: 'Check backup' }).click();
    await options.getByText(/^The passphrase is wrong, or the file was changed after it was saved/).waitFor(CRYPTO);

    await options.getByLabel('Passphrase of the backup').fill(PASSPHRASE);
    await options.getByRole('button', { name: 'Check backup' }).click();
    const confirm = options.getByRole('dialog', { name: 'Use this signing key?' });
    await confirm.waitFor(CRYPTO);
    expect(await confirm.getByRole('definition').allTextContents()).toEqual(['none', fingerprint]);
    await confirm.getByRole('button', { name: 'Use the key from the backup' }).click();
    await options.getByText(`Restored: your packs are signed with ${fingerprint} from now on.`).waitFor(CRYPTO);
    await expect.poll(async () => ((await options.locator('.key-current code').textContent()) ?? '').trim(), POLL).toBe(fingerprint);

    // The next pack is signed by the restored key.
    await createCreator(options);
    await sendCommand(options, {
      type: 'tier.save',
      tier: { name: 'Gold', priceMinor: 499, currency: 'EUR', description: '', perkIds: [], includesLowerTiers: true, badge: { label: 'GLD', color: '#ffcc00' }, tenureSteps: [1] },
    });
    await options.goto(`chrome-extension://${extension.id}/options.html#badges`);
    await expect.poll(async () => ((await options.locator('.pack-fingerprint').first().textContent()) ?? '').trim(), POLL).toBe(fingerprint);
  });
});

describe('a chosen backup file and the language', () => {
  it('stays chosen when the page changes to Italian', async () => {
    await openData();
    const backup = JSON.stringify({
      format: 'tierkit-backup',
      version: 2,
      exportedAt: '2026-03-01T12:00:00.000Z',
      appVersion: '0.1.0',
      data: (await options.evaluate(async () => (await chrome.storage.local.get('workspace')).workspace.workspace)) as unknown,
    });
    await options.getByLabel('Backup file').setInputFiles({ name: 'chosen.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
    await options.getByRole('heading', { level: 3, name: 'chosen.json' }).waitFor();

    // Italian chosen in another tab: this page follows, where it stands.
    const other = await extension.openOptions();
    await waitForFirstRender(other);
    const settings = (await other.evaluate(async () => (await chrome.storage.local.get('workspace')).workspace.workspace.settings)) as Record<string, unknown>;
    await sendCommand(other, { type: 'settings.save', settings: { ...settings, language: 'it' } as never, loaded: versionOf(settings) });
    await other.close();

    await options.getByRole('heading', { level: 1, name: 'Dati' }).waitFor();
    expect(await options.getByRole('heading', { level: 3, name: 'chosen.json' }).count()).toBe(1);
    expect(await options.getByRole('button', { name: 'Importa', exact: true }).isEnabled()).toBe(true);
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('it');
  });
});
