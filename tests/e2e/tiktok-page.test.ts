// With Tierkit installed, a TikTok page it has no business on loads untouched and without errors.
// TikTok is never reached: context.route serves a fixture for https://www.tiktok.com/.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type Extension } from './harness';

describe('an unrelated TikTok page', () => {
  let extension: Extension;
  beforeAll(async () => {
    extension = await launchExtension();
    await extension.routeTikTok(await readFile(new URL('fixtures/tiktok-video.html', import.meta.url), 'utf8'));
  });
  afterAll(async () => {
    await extension?.close();
  });

  it('loads with the extension installed and logs no errors', async () => {
    const page = await extension.context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    const response = await page.goto('https://www.tiktok.com/@mara.sings/video/7301234567890123456');
    expect(response?.status()).toBe(200);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe("Rehearsal for Friday's LIVE");
    expect(await page.locator('[data-e2e="comment-level-1"]').textContent()).toBe('See you there!');
    expect(errors).toEqual([]);
    expect(extension.errors).toEqual([]);
    await page.close();
  });
});
