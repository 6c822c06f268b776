// Launches Debian's Chromium with the built extension (.output/chrome-mv3) in a fresh profile and
// opens Tierkit's pages as ordinary tabs. It builds nothing: `npm run build` comes first.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type ConsoleMessage, type Page, type Worker } from 'playwright-core';
import type { Command } from '@/lib/domain/commands';
import type { Problem } from '@/lib/domain/problems';
import type { Workspace } from '@/lib/domain/schema';
import { type Snapshot } from '@/lib/protocol/schemas';
import { SNAPSHOT_KEY } from '@/lib/protocol/stored-keys';

// The part of the extension API that page.evaluate callbacks use; they run inside an extension page.
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
};

const root = resolve(import.meta.dirname, '../..');
// EXTENSION_DIR: test another build (say, one made elsewhere while .output is being rebuilt).
export const extensionDir = process.env.EXTENSION_DIR ?? join(root, '.output/chrome-mv3');
export const screenshotDir = join(root, 'test-results/screenshots');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const POPUP_VIEWPORT = { width: 400, height: 600 };
export const OPTIONS_VIEWPORT = { width: 1200, height: 850 };

export type ColorScheme = 'light' | 'dark';

export interface OpenOptions {
  colorScheme?: ColorScheme;
}

export interface Extension {
  context: BrowserContext;
  id: string;
  serviceWorker: Worker;
  /** Console errors and uncaught exceptions from every page and the service worker, in order. */
  errors: string[];
  openPopup(options?: OpenOptions): Promise<Page>;
  openOptions(options?: OpenOptions): Promise<Page>;
  /** Serves `html` for every https://www.tiktok.com/ URL, so tests never reach the network. */
  routeTikTok(html: string): Promise<void>;
  close(): Promise<void>;
}

function describe(message: ConsoleMessage, where: string): string {
  return `${where}: ${message.text()}`;
}

export async function launchExtension(): Promise<Extension> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No build in ${extensionDir}: run \`npm run build\` first.`);
  }
  const profileDir = await mkdtemp(join(tmpdir(), 'tierkit-e2e-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const errors: string[] = [];
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  serviceWorker.on('console', (message) => {
    if (message.type() === 'error') errors.push(describe(message, 'service worker'));
  });
  const id = new URL(serviceWorker.url()).host;

  async function open(path: string, viewport: { width: number; height: number }, options: OpenOptions = {}) {
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(describe(message, page.url()));
    });
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme: options.colorScheme ?? 'light' });
    await page.goto(`chrome-extension://${id}/${path}`);
    return page;
  }

  return {
    context,
    id,
    serviceWorker,
    errors,
    openPopup: (options) => open('popup.html', POPUP_VIEWPORT, options),
    openOptions: (options) => open('options.html', OPTIONS_VIEWPORT, options),
    async routeTikTok(html) {
      await context.route('https://www.tiktok.com/**', (route) =>
        route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
      );
    },
    async close() {
      await context.close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot to test-results/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Waits until the page's app has rendered with the workspace (the mark components/mount.tsx sets). */
export async function waitForFirstRender(page: Page): Promise<number> {
  const handle = await page.waitForFunction(() => {
    const [mark] = performance.getEntriesByName('tierkit:first-render');
    return mark ? mark.startTime : undefined;
  });
  return (await handle.jsonValue()) as number;
}

/** Sends one command to the background from an extension page, as the UI does; throws on problems. */
export async function sendCommand(page: Page, command: Command): Promise<void> {
  const response = (await page.evaluate(
    (command) => chrome.runtime.sendMessage({ type: 'command', command }),
    command,
  )) as { ok: true } | { ok: false; problems: Problem[] };
  if (!response.ok) {
    throw new Error(`${command.type} failed: ${JSON.stringify(response.problems)}`);
  }
}

/** The workspace the background last published (what the pages render), read from an extension page. */
export async function readWorkspace(page: Page): Promise<Workspace | null> {
  const stored = await page.evaluate((key) => chrome.storage.local.get(key), SNAPSHOT_KEY);
  return (stored[SNAPSHOT_KEY] as Snapshot | undefined)?.workspace ?? null;
}
