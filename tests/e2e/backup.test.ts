// A backup with a roster larger than one message's part, in Chromium with the built extension: exported
// as compact JSON, everything deleted, then imported back through the options page with its progress
// shown, until the roster is whole again, record for record.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BACKUP_PART } from '@/lib/protocol/schemas';
import { launchExtension, sendCommand, waitForFirstRender, type Extension } from './harness';
import { goldTierCommand, importRosterCsv } from './seed';
import { createCreator } from './tiktok';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<any> }; storage: { local: { get(key: string): Promise<any> } } };

// Three parts and a bit, each way.
const SUBSCRIBERS = 3 * BACKUP_PART + 17;
// Exporting, deleting and importing 15,000 records, sized for a slow, busy machine.
const LONG = { timeout: 90_000 };

let extension: Extension;
let options: Page;

beforeAll(async () => {
  extension = await launchExtension();
  options = await extension.openOptions();
  await waitForFirstRender(options);
  await createCreator(options);
  await sendCommand(options, goldTierCommand);
  const rows = ['handle,nickname,tier,since,status,note'];
  for (let i = 0; i < SUBSCRIBERS; i++) {
    rows.push(`fan_${String(i).padStart(5, '0')},Fan ${i},Gold,2025-0${1 + (i % 9)}-1${i % 10},${i % 7 === 0 ? 'lapsed' : 'active'},${i % 4 === 0 ? '"Met at the meetup, likes ""cooking"" lives"' : ''}`);
  }
  const imported = await importRosterCsv(options, 'roster.csv', rows.join('\n'));
  expect(imported).toMatchObject({ ok: true, data: { ok: true } });
});
afterAll(async () => {
  expect(extension?.errors ?? []).toEqual([]);
  await extension?.close();
});

/** The whole roster as the background keeps it, in the order of its handles. */
async function roster(page: Page): Promise<unknown[]> {
  return page.evaluate(async () => {
    const rows: unknown[] = [];
    for (;;) {
      const answer = await chrome.runtime.sendMessage({ type: 'backup.data', offset: rows.length });
      if (!answer.ok) throw new Error(JSON.stringify(answer.problems));
      rows.push(...answer.data.subscribers);
      if (rows.length >= answer.data.total) return rows;
    }
  });
}

it(`exports ${SUBSCRIBERS.toLocaleString('en')} subscribers compactly and imports them back whole, showing progress`, async () => {
  const before = await roster(options);
  expect(before).toHaveLength(SUBSCRIBERS);
  await options.goto(`chrome-extension://${extension.id}/options.html#data`);
  await waitForFirstRender(options);

  const [download] = await Promise.all([options.waitForEvent('download', LONG), options.getByRole('button', { name: 'Export backup' }).click()]);
  const text = await readFile((await download.path())!, 'utf8');
  // Compact: one line, no indentation.
  expect(text.includes('\n')).toBe(false);
  const file = JSON.parse(text);
  expect(file.subscribers).toHaveLength(SUBSCRIBERS);
  expect(file.subscribers).toEqual(before);

  await options.getByRole('button', { name: 'Delete all data' }).click();
  await options.getByRole('dialog', { name: 'Delete everything?' }).getByRole('button', { name: 'Delete everything' }).click();
  await options.getByText('All data was deleted.').waitFor(LONG);
  expect(await roster(options)).toEqual([]);

  // Every progress bar the page shows on the way, by its name.
  await options.evaluate(() => {
    const seen = new Set<string>();
    (window as unknown as { progressSeen: Set<string> }).progressSeen = seen;
    new MutationObserver(() => {
      for (const bar of document.querySelectorAll('[role="progressbar"]')) seen.add(bar.getAttribute('aria-label') ?? '');
    }).observe(document.body, { childList: true, subtree: true, attributes: true });
  });
  await options.getByLabel('Backup file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await options.getByText(`${SUBSCRIBERS.toLocaleString('en')} subscribers on the roster`, { exact: false }).waitFor(LONG);
  await options.getByRole('radio', { name: 'Replace everything' }).check();
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await options.getByText(/^Imported\./).waitFor(LONG);

  const seen = await options.evaluate(() => [...(window as unknown as { progressSeen: Set<string> }).progressSeen]);
  // Reading and handing over are shown before their first wait; checking and saving only once they take
  // long enough to be polled, so a fast machine may not show them.
  expect(seen).toEqual(expect.arrayContaining(['Reading the file…', 'Handing the backup over…']));
  expect(await roster(options)).toEqual(before);
  // And the roster's table counts them.
  await options.goto(`chrome-extension://${extension.id}/options.html#subscribers`);
  await options.getByText(`${SUBSCRIBERS.toLocaleString('en')} subscribers`, { exact: false }).first().waitFor(LONG);
});
