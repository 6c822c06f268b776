// TikTok pages for end-to-end tests: fixtures from tests/fixtures/pages served by path, the creator
// whose own profile they are, and opening a page while collecting its errors.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { sendCommand, waitForFirstRender, type Extension } from './harness';

export const MARA = 'https://www.tiktok.com/@mara.sings';
export const LENA = 'https://www.tiktok.com/@lena.paints';

/** A fixture page's HTML, as served. */
export const fixture = (name: string) => readFile(new URL(`../fixtures/pages/${name}.html`, import.meta.url), 'utf8');

/** Serves each path of https://www.tiktok.com from the named fixture; any other path is a 404. */
export async function serveTikTokPages(extension: Extension, pages: Record<string, string>): Promise<void> {
  const html = Object.fromEntries(await Promise.all(Object.entries(pages).map(async ([path, name]) => [path, await fixture(name)])));
  await extension.context.route('https://www.tiktok.com/**', (route) => {
    const body = html[new URL(route.request().url()).pathname];
    return body === undefined
      ? route.fulfill({ status: 404, body: '' })
      : route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
}

/** The creator of the fixtures: mara.sings, in Italy. */
export function createCreator(extensionPage: Page): Promise<void> {
  return sendCommand(extensionPage, {
    type: 'profile.save',
    profile: { handle: 'mara.sings', displayName: 'Mara Sings', market: 'IT', currency: 'EUR', age: { kind: 'confirmed-adult' } },
  });
}

/** The options page, rendered, with the creator mara.sings saved. */
export async function openOptionsAsCreator(extension: Extension): Promise<Page> {
  const options = await extension.openOptions();
  await waitForFirstRender(options);
  await createCreator(options);
  return options;
}

/** Opens a TikTok page in its own tab, collecting its console errors and exceptions. */
export async function openTikTok(extension: Extension, url: string, errors: string[]): Promise<Page> {
  const page = await extension.context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  await page.goto(url);
  return page;
}

/** Reads until `done` holds (every 50 ms), or fails after `timeoutMs` saying what it waited for and what it last read. */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
