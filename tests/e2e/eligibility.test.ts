// The eligibility tracker end to end, in Chromium with the built extension: the creator's own profile
// page on tiktok.com (served from tests/fixtures/pages, two markup generations) becomes a snapshot and
// the popup's card shows the progress and the toolbar badge a percentage; another creator's profile
// records nothing; a TikTok Studio ZIP built here (fflate) imported in the options page updates the
// numbers, the chart and the history, and a second overlapping export reports what changed; hostile
// files are refused with a message naming them and nothing is sent; the month's bonus of a creator in
// Italy turns from at risk to on track with more views; the bonus of a creator in the United States
// turns from at risk to met with three subscriber-only posts, one logged in the options page and two
// from the context menu on a video link, which takes only the creator's own videos, each once.
// Everything is found by roles and labels, as a person (or a screen reader) finds it; storage and the
// service worker are read only to compare data, except that the service worker fires the menu's clicks
// (Chromium cannot open a context menu for a test) and keeps the text of the notifications it shows.
import { zipSync } from 'fflate';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipBomb } from '../unit/parsers/lying-zips';
import { versionOf } from '@/lib/domain/version';
import { join } from 'node:path';
import { MENU_POST } from '@/lib/background/context-menus';
import { launchExtension, readWorkspace, screenshot, screenshotDir, sendCommand, waitForFirstRender, type Extension } from './harness';
import { LENA, MARA, createCreator, openTikTok, serveTikTokPages, until } from './tiktok';

// What page.evaluate and serviceWorker.evaluate callbacks use; they run inside the extension.
declare const chrome: {
  action: { getBadgeText(details: object): Promise<string> };
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: { addListener(listener: (message: unknown) => undefined): void };
  };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  contextMenus: {
    update(id: string, properties: object): Promise<void>;
    onClicked: { dispatch(info: object, tab: object): void };
  };
  notifications: { create(...args: unknown[]): unknown };
};

const POLL = { timeout: 20_000, interval: 100 };

/** A browser with the extension, TikTok served from fixtures by path, and the creator mara.sings. */
async function start(pages: Record<string, string>): Promise<{ extension: Extension; extensionPage: Page }> {
  const extension = await launchExtension();
  await serveTikTokPages(extension, pages);
  const extensionPage = await extension.openOptions();
  await waitForFirstRender(extensionPage);
  await createCreator(extensionPage);
  return { extension, extensionPage };
}

interface StoredView {
  latestCapture: { handle: string; followers: number; capturedAt: number } | null;
  metCount: number;
  total: number;
}
/** The published eligibility view (storage.local 'eligibility'), or undefined when there is none. */
async function storedView(page: Page): Promise<StoredView | undefined> {
  const stored = await page.evaluate(() => chrome.storage.local.get('eligibility'));
  return stored.eligibility as StoredView | undefined;
}

const badgeText = (extension: Extension) => extension.serviceWorker.evaluate(() => chrome.action.getBadgeText({}));

/** The recorded days and snapshots, as the options page asks for them. */
async function history(page: Page): Promise<unknown> {
  return page.evaluate(() => chrome.runtime.sendMessage({ type: 'eligibility.history' }));
}

/** Counts the messages of `type` that reach the background from now on. */
async function recordMessages(extension: Extension, type: string): Promise<() => Promise<number>> {
  await extension.serviceWorker.evaluate((type) => {
    const seen = { count: 0 };
    (globalThis as unknown as Record<string, { count: number }>)[`tierkitSeen:${type}`] = seen;
    chrome.runtime.onMessage.addListener((message) => {
      if ((message as { type?: string }).type === type) seen.count++;
      return undefined;
    });
  }, type);
  return () =>
    extension.serviceWorker.evaluate((type) => (globalThis as unknown as Record<string, { count: number }>)[`tierkitSeen:${type}`]!.count, type);
}

const card = (popup: Page) => popup.locator('details.elig-card');
/** One requirement of a list of requirements, found by its name. */
const requirement = (scope: Locator, name: string) =>
  scope.getByRole('listitem').filter({ has: scope.page().getByText(name, { exact: true }) });
const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** Full-page screenshot from the top. */
async function shoot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  return screenshot(page, name);
}

/** The options page's Eligibility section, reached through the navigation as a person does. */
async function openEligibility(options: Page) {
  await waitForFirstRender(options);
  await options.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Eligibility' }).click();
  await options.getByRole('heading', { level: 1, name: 'Eligibility' }).waitFor();
}

async function openPopup(extension: Extension, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const popup = await extension.openPopup({ colorScheme });
  await waitForFirstRender(popup);
  await card(popup).getByRole('heading', { name: 'Eligibility' }).waitFor();
  return popup;
}

describe('the popup’s eligibility card after the creator’s own profile, 2024-26 markup', () => {
  let extension: Extension;
  let extensionPage: Page;
  const pageErrors: string[] = [];
  beforeAll(async () => {
    ({ extension, extensionPage } = await start({
      '/@mara.sings': 'profile-own-2025',
      '/@lena.paints': 'profile-other-2025',
    }));
  });
  afterAll(async () => {
    await extension?.close();
  });

  it('records nothing from another creator’s profile: the card stays empty', async () => {
    const captures = await recordMessages(extension, 'stats.capture');
    const questions = await recordMessages(extension, 'stats.wanted');
    const before = await storedView(extensionPage);
    expect(before?.latestCapture ?? null).toBeNull();
    const page = await openTikTok(extension, LENA, pageErrors);
    // The content script ran: it asked whether the handle is the creator's, and is told no.
    await expect.poll(questions, POLL).toBeGreaterThan(0);
    // Time for an answer and a capture, were one wrongly sent.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await captures()).toBe(0);
    expect((await storedView(extensionPage))?.latestCapture ?? null).toBeNull();
    await page.close();

    const popup = await openPopup(extension);
    await expect.poll(() => text(card(popup)), POLL).toContain('Open your TikTok profile to record your numbers');
    const followers = requirement(card(popup), 'Followers');
    expect(await text(followers)).toContain('No data yet');
    expect(await followers.getByRole('progressbar', { name: 'Followers' }).getAttribute('aria-valuenow')).toBe('0');
    expect(await text(card(popup))).not.toMatch(/Updated/);
    await popup.close();
  });

  it('stores a snapshot from the own profile and the popup shows followers met, progress, "N of M" and the last update', async () => {
    const startedAt = Date.now();
    const page = await openTikTok(extension, MARA, pageErrors);
    await expect
      .poll(async () => (await storedView(extensionPage))?.latestCapture ?? null, POLL)
      .toMatchObject({ handle: 'mara.sings', followers: 10963 });
    expect((await storedView(extensionPage))!.latestCapture!.capturedAt).toBeGreaterThanOrEqual(startedAt - 1000);
    await page.close();

    const popup = await openPopup(extension);
    const followers = requirement(card(popup), 'Followers');
    await expect.poll(() => text(followers), POLL).toContain('10,963 of 10,000');
    expect(await text(followers)).toContain('Met');
    const bar = followers.getByRole('progressbar', { name: 'Followers' });
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    expect(await bar.getAttribute('aria-valuetext')).toBe('10,963 of 10,000');

    // Age is confirmed in the profile and followers are met; good standing is unconfirmed and the
    // 30-day views have no daily data.
    const view = (await storedView(extensionPage))!;
    expect(view.total).toBe(4);
    const overall = await text(card(popup).locator('.elig-overall'));
    expect(overall).toContain(`${view.metCount} of 4 requirements met`);
    expect(view.metCount).toBe(2);
    expect(await text(card(popup))).toMatch(/Updated (this minute|1 minute ago)/);
    expect(await text(card(popup))).not.toContain('Open your TikTok profile to record your numbers');

    // The average progress of the four requirements, rounded down: (1 + 0 + 1 + 0) / 4.
    await expect.poll(() => badgeText(extension), POLL).toMatch(/^\d{1,2}%$/);
    expect(await badgeText(extension)).toBe('50%');

    await shoot(popup, 'eligibility-popup-light');
    await popup.close();
    const dark = await openPopup(extension, 'dark');
    await requirement(card(dark), 'Followers').getByText('10,963 of 10,000').waitFor();
    await shoot(dark, 'eligibility-popup-dark');
    await dark.close();
  });

  it('logged no errors on the pages or in the extension', () => {
    expect(pageErrors).toEqual([]);
    expect(extension.errors).toEqual([]);
  });
});

describe('the popup’s eligibility card after the creator’s own profile, 2022-23 markup (SIGI_STATE)', () => {
  let extension: Extension;
  let extensionPage: Page;
  const pageErrors: string[] = [];
  beforeAll(async () => {
    ({ extension, extensionPage } = await start({ '/@mara.sings': 'profile-own-2022' }));
  });
  afterAll(async () => {
    await extension?.close();
  });

  it('shows 8,412 followers as not met, with its progress and why there is no projected date', async () => {
    const page = await openTikTok(extension, MARA, pageErrors);
    await expect
      .poll(async () => (await storedView(extensionPage))?.latestCapture ?? null, POLL)
      .toMatchObject({ handle: 'mara.sings', followers: 8412 });
    await page.close();

    const popup = await openPopup(extension);
    const followers = requirement(card(popup), 'Followers');
    await expect.poll(() => text(followers), POLL).toContain('8,412 of 10,000');
    expect(await text(followers)).not.toContain('Met');
    const bar = followers.getByRole('progressbar', { name: 'Followers' });
    expect(await bar.getAttribute('aria-valuenow')).toBe('84');
    // One snapshot is no pace: the card says so rather than inventing a date.
    expect(await text(followers)).toContain('Too little history to project');
    expect(await text(card(popup).locator('.elig-overall'))).toContain('1 of 4 requirements met');
    expect(await text(card(popup))).toMatch(/Updated (this minute|1 minute ago)/);
    // (1 + 0 + 0.8412 + 0) / 4 = 46%.
    await expect.poll(() => badgeText(extension), POLL).toBe('46%');
    await popup.close();
    expect(pageErrors).toEqual([]);
    expect(extension.errors).toEqual([]);
  });
});

// A Studio export as TikTok names and writes it: English days without a year, one row a day.
const DAY_MS = 86_400_000;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const studioDay = (date: string) => `${MONTHS[Number(date.slice(5, 7)) - 1]} ${Number(date.slice(8, 10))}`;
const EXPORT_END = '2026-11-23';
/** The 60 days ending on EXPORT_END, oldest first: 2026-09-25 … 2026-11-23. */
const DAYS = Array.from({ length: 60 }, (_, i) => iso(Date.parse(`${EXPORT_END}T00:00:00Z`) - (59 - i) * DAY_MS));
const viewsOn = (i: number) => 2000 + 100 * i;
/** From 9,000 to 10,770: past 10,000 on day 34 (October 29). */
const followersOn = (i: number) => 9000 + 30 * i;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function overviewCsv(days: readonly { date: string; views: number }[]): string {
  const rows = days.map(({ date, views }, i) => `"${studioDay(date)}",${views},${i % 40},${i * 3},${i % 7},${i % 5}`);
  return ['"Date","Video Views","Profile Views","Likes","Comments","Shares"', ...rows, ''].join('\n');
}
function followerHistoryCsv(days: readonly { date: string; followers: number }[]): string {
  const rows = days.map(({ date, followers }, i) => `"${studioDay(date)}",${followers},${i === 0 ? 0 : followers - days[i - 1]!.followers}`);
  return ['"Date","Followers","Difference in followers from previous day"', ...rows, ''].join('\n');
}
const bytes = (text: string) => new TextEncoder().encode(text);
const zipFile = (name: string, entries: Record<string, Uint8Array>) => ({
  name,
  mimeType: 'application/zip',
  buffer: Buffer.from(zipSync(entries, { level: 6 })),
});

describe('importing TikTok Studio exports in the options page', () => {
  let extension: Extension;
  let options: Page;
  let imports: () => Promise<number>;
  const FIRST = 'Overview_2026-11-23_1795392000_mara.sings.zip';
  const SECOND = 'Overview_2026-11-23_1795395600_mara.sings.zip';
  const statusPanel = () => options.getByRole('region', { name: 'Where you stand' });
  const historyPanel = () => options.getByRole('region', { name: 'History' });
  const fileInput = () => options.getByLabel('Studio export', { exact: true });

  beforeAll(async () => {
    let extensionPage: Page;
    ({ extension, extensionPage } = await start({}));
    imports = await recordMessages(extension, 'stats.import');
    options = extensionPage;
    await openEligibility(options);
  });
  afterAll(async () => {
    await extension?.close();
  });

  it('previews a 60-day ZIP, imports it and shows the numbers, the chart and the history', async () => {
    await expect.poll(() => text(historyPanel()), POLL).toContain('Nothing recorded yet.');
    await fileInput().setInputFiles(
      zipFile(FIRST, {
        'Overview.csv': bytes(overviewCsv(DAYS.map((date, i) => ({ date, views: viewsOn(i) })))),
        'FollowerHistory.csv': bytes(followerHistoryCsv(DAYS.map((date, i) => ({ date, followers: followersOn(i) })))),
      }),
    );
    const preview = options.getByRole('list', { name: 'Files read' });
    await preview.waitFor();
    const previewText = await text(preview);
    expect(previewText).toContain(FIRST);
    expect(previewText).toContain(`${FIRST} › Overview.csv: daily video views, 60 days · September 25, 2026 – November 23, 2026`);
    expect(previewText).toContain(`${FIRST} › FollowerHistory.csv: daily followers, 60 days · September 25, 2026 – November 23, 2026`);
    expect(await imports()).toBe(0);

    await options.getByRole('button', { name: 'Import 60 days' }).click();
    const status = options.getByRole('status').filter({ hasText: 'Imported' });
    await expect.poll(() => text(status), POLL).toBe('Imported: 60 days added, 0 changed, 0 unchanged.');
    expect(await preview.count()).toBe(0);

    // The last 30 days of the export: days 30 … 59.
    const views30 = sum(DAYS.slice(30).map((_, i) => viewsOn(30 + i)));
    expect(views30).toBe(193_500);
    const views = requirement(statusPanel(), 'Video views, last 30 days');
    await expect.poll(() => text(views), POLL).toContain('193,500 of 100,000');
    expect(await text(views)).toContain('Met');
    expect(await views.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    const followers = requirement(statusPanel(), 'Followers');
    expect(await text(followers)).toContain('10,770 of 10,000');
    expect(await text(followers)).toContain('Met');
    // Age, followers and views met; good standing is the creator's to confirm.
    expect(await text(statusPanel().locator('.elig-overall'))).toContain('3 of 4 requirements met');
    await expect.poll(() => badgeText(extension), POLL).toBe('75%');

    // Two charts, each an image with a summary and a drawn line, and a dashed threshold.
    const followersChart = historyPanel().getByRole('img', { name: /^Followers from/ });
    await followersChart.waitFor();
    expect(await followersChart.getAttribute('aria-label')).toBe(
      'Followers from September 25, 2026 to November 23, 2026: from 9,000 to 10,770. Threshold 10,000.',
    );
    const viewsChart = historyPanel().getByRole('img', { name: /^Video views, last 30 days from/ });
    // The 30-day sum needs 30 days of daily views: the chart starts on October 24 (103,500), and the
    // 29 days before it are not reported as days without data.
    expect(await viewsChart.getAttribute('aria-label')).toBe(
      'Video views, last 30 days from October 24, 2026 to November 23, 2026: from 103,500 to 193,500. Threshold 100,000.',
    );
    for (const chart of [followersChart, viewsChart]) {
      const d = await chart.locator('path.elig-chart-series').getAttribute('d');
      expect(d).toMatch(/^M[\d.]+ [\d.]+(L[\d.]+ [\d.]+)+$/);
      expect(await chart.locator('line.elig-chart-threshold').count()).toBe(1);
    }
    const followersPath = (await followersChart.locator('path.elig-chart-series').getAttribute('d'))!;
    expect(followersPath.match(/[ML]/g)!.length).toBe(60);

    // The history table: newest first, a page of 30 rows out of 60.
    const table = historyPanel().getByRole('table', { name: 'Recorded numbers, newest first' });
    const rows = table.getByRole('row');
    expect(await rows.count()).toBe(31);
    expect(await rows.nth(1).getByRole('rowheader').textContent()).toBe('November 23, 2026');
    expect(await rows.nth(2).getByRole('rowheader').textContent()).toBe('November 22, 2026');
    const newest = (await rows.nth(1).getByRole('cell').allTextContents()).map((cell) => cell.trim());
    expect(newest).toEqual(['10,770', '7,900', '193,500', 'Studio export', 'Precise']);
    expect(await text(historyPanel().getByRole('navigation', { name: 'History pages' }))).toContain('Page 1 of 2');
    expect(await imports()).toBe(1);
  });

  it('imports an overlapping export and reports the changed days with before → after', async () => {
    // The last 15 days again; November 20 and 21 with 5,000 more views each.
    const changed = new Set(['2026-11-20', '2026-11-21']);
    const overlap = DAYS.slice(45).map((date, i) => ({ date, views: viewsOn(45 + i) + (changed.has(date) ? 5000 : 0) }));
    await fileInput().setInputFiles(zipFile(SECOND, { 'Overview.csv': bytes(overviewCsv(overlap)) }));
    await expect
      .poll(() => text(options.getByRole('list', { name: 'Files read' })), POLL)
      .toContain(`${SECOND} › Overview.csv: daily video views, 15 days · November 9, 2026 – November 23, 2026`);
    await options.getByRole('button', { name: 'Import 15 days' }).click();

    const status = options.getByRole('status').filter({ hasText: 'Imported' });
    await expect.poll(() => text(status), POLL).toContain('Imported: 0 days added, 2 changed, 13 unchanged.');
    const conflicts = (await status.getByRole('listitem').allTextContents()).map((line) => line.trim());
    expect(conflicts).toEqual(['November 20, 2026: video views 7,600 → 12,600', 'November 21, 2026: video views 7,700 → 12,700']);

    const views = requirement(statusPanel(), 'Video views, last 30 days');
    await expect.poll(() => text(views), POLL).toContain('203,500 of 100,000');
    const viewsChart = historyPanel().getByRole('img', { name: /^Video views, last 30 days from/ });
    await expect.poll(() => viewsChart.getAttribute('aria-label'), POLL).toContain('from 103,500 to 203,500.');
    const rows = historyPanel().getByRole('table', { name: 'Recorded numbers, newest first' }).getByRole('row');
    const nov20 = rows.filter({ has: options.getByRole('rowheader', { name: 'November 20, 2026' }) });
    expect((await nov20.getByRole('cell').allTextContents()).slice(0, 2)).toEqual(['10,680', '12,600']);
    expect(await imports()).toBe(2);
  });

  it('refuses a ZIP bomb and a binary file, naming each, and sends nothing', async () => {
    const before = await history(options);
    // 16 MB of zeros: a few kilobytes compressed, far over the allowed expansion ratio.
    const bomb = { name: 'studio-bomb.zip', mimeType: 'application/zip', buffer: Buffer.from(zipSync({ 'Overview.csv': [new Uint8Array(16 * 1_048_576), { level: 9 }] })) };
    expect(bomb.buffer.length).toBeLessThan(100_000);
    const binary = Buffer.alloc(4096);
    binary.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    for (let i = 8; i < binary.length; i++) binary[i] = (i * 7919) % 256;
    await fileInput().setInputFiles([bomb, { name: 'FollowerHistory.csv', mimeType: 'text/csv', buffer: binary }]);

    const bombProblems = options.getByRole('table', { name: 'Problems in studio-bomb.zip' });
    await bombProblems.waitFor();
    expect(await text(bombProblems)).toMatch(/Overview\.csv in studio-bomb\.zip expands \d+ times: this looks like a ZIP bomb, so it was not opened/);
    const binaryProblems = options.getByRole('table', { name: 'Problems in FollowerHistory.csv' });
    expect(await text(binaryProblems)).toContain('FollowerHistory.csv is not a CSV text file (it contains binary data)');
    expect(await options.getByRole('alert').count()).toBe(2);
    // Nothing to import: no import button, nothing sent, the history as it was.
    expect(await options.getByRole('button', { name: /^Import \d+ days?$/ }).count()).toBe(0);
    await options.getByRole('button', { name: 'Clear' }).click();
    await options.getByRole('list', { name: 'Files read' }).waitFor({ state: 'detached' });
    expect(await imports()).toBe(2);
    expect(await history(options)).toEqual(before);
  });

  it('refuses the ZIP that froze the page (2.7 MB declaring 1,000 bytes, 2.75 GB inside) and keeps painting while it reads', async () => {
    const before = await history(options);
    const name = 'Overview_2026-11-23_1795392000_forged.zip';
    // The page counts its frames (requestAnimationFrame callbacks) and notes the count when the file is
    // chosen and when the answer is in the page.
    await options.evaluate((name) => {
      const log = { frames: 0, atChoice: -1, atReading: -1, atAnswer: -1 };
      (window as unknown as { tierkitFrames: typeof log }).tierkitFrames = log;
      const tick = () => {
        log.frames++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      document.addEventListener('change', () => (log.atChoice = log.frames), { capture: true, once: true });
      new MutationObserver((_, observer) => {
        if (log.atReading < 0 && document.body.textContent!.includes(`Reading ${name}…`)) log.atReading = log.frames;
        if ([...document.querySelectorAll('caption')].some((caption) => caption.textContent === `Problems in ${name}`)) {
          log.atAnswer = log.frames;
          observer.disconnect();
        }
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    }, name);
    const bomb = zipBomb();
    expect(bomb.length).toBeGreaterThan(2_600_000);
    await fileInput().setInputFiles({ name, mimeType: 'application/zip', buffer: Buffer.from(bomb) });

    const problems = options.getByRole('table', { name: `Problems in ${name}` });
    await problems.waitFor();
    expect(await text(problems)).toContain(
      `Overview.csv in ${name} expands past the 1,000 bytes it declares, so it was not opened: the archive is damaged or forged`,
    );
    const log = await options.evaluate(() => (window as unknown as { tierkitFrames: { atChoice: number; atReading: number; atAnswer: number } }).tierkitFrames);
    expect(log.atChoice).toBeGreaterThanOrEqual(0);
    expect(log.atReading).toBeGreaterThanOrEqual(log.atChoice);
    // Frames were rendered after the choice and before the answer: the page never stopped painting.
    expect(log.atAnswer).toBeGreaterThan(log.atChoice);
    expect(await options.getByRole('button', { name: /^Import \d+ days?$/ }).count()).toBe(0);
    await options.getByRole('button', { name: 'Clear' }).click();
    expect(await imports()).toBe(2);
    expect(await history(options)).toEqual(before);
  });

  it('looks right in both themes (screenshots)', async () => {
    await options.getByRole('img', { name: /^Followers from/ }).waitFor();
    await shoot(options, 'eligibility-options-light');
    const dark = await extension.openOptions({ colorScheme: 'dark' });
    await openEligibility(dark);
    await dark.getByRole('img', { name: /^Followers from/ }).waitFor();
    await shoot(dark, 'eligibility-options-dark');
    await dark.close();
  });

  it('logged no errors in the pages or the extension', () => {
    expect(extension.errors).toEqual([]);
  });
});

/** Today as the creator's calendar counts it: the browser's day, in this process's time zone. */
function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The 14 days ending today (the creator's day) with `views` each and 12,000 followers, as an import sends them. */
async function recordDays(options: Page, views: number) {
  const today = Date.parse(`${localToday()}T00:00:00Z`);
  const days = Array.from({ length: 14 }, (_, i) => ({ date: iso(today - (13 - i) * DAY_MS), videoViews: views, followers: 12_000 }));
  await options.evaluate((days) => chrome.runtime.sendMessage({ type: 'stats.import', fileNames: ['Overview.csv'], days }), days);
}

/** A bonus panel alone, saved beside the other screenshots (test-results/screenshots/<name>.png). */
const shootPanel = (panel: Locator, name: string) => panel.screenshot({ path: join(screenshotDir, `${name}.png`) });

describe('the month’s bonus in the options page and the popup, for a creator in Italy', () => {
  // Italy follows the rule for other markets: 10,000 followers and 1,000,000 views in the calendar month.
  let extension: Extension;
  let options: Page;
  const bonusPanel = (name = 'This month’s bonus') => options.getByRole('region', { name });

  beforeAll(async () => {
    let extensionPage: Page;
    ({ extension, extensionPage } = await start({}));
    options = extensionPage;
    await openEligibility(options);
  });
  afterAll(async () => {
    await extension?.close();
  });

  it('is at risk at 20,000 views a day, naming what is still needed, and on track at 50,000', async () => {
    // Whatever the day of the month, 20,000 a day stays under a million by its end, and 50,000 passes it.
    await recordDays(options, 20_000);
    await expect.poll(() => text(bonusPanel()), POLL).toContain('At risk');
    const views = bonusPanel().getByRole('progressbar', { name: 'Video views' });
    expect(Number(await views.getAttribute('aria-valuenow'))).toBeLessThan(100);
    expect(await text(bonusPanel())).toMatch(/Still needed: [\d,]+ views by [A-Z][a-z]+ \d+, \d{4}\./);
    expect(await text(requirement(bonusPanel(), 'Followers'))).toContain('12,000 of 10,000');
    // The popup says it in one line, with the most urgent missing item.
    let popup = await openPopup(extension);
    await expect.poll(() => text(card(popup).locator('.elig-bonus')), POLL).toMatch(/^Bonus at risk: [\d,]+ views to go$/);
    await popup.close();

    await recordDays(options, 50_000);
    await expect.poll(() => text(bonusPanel().locator('.bonus-status')), POLL).toMatch(/^(On track|Met)/);
    popup = await openPopup(extension);
    await expect.poll(() => text(card(popup).locator('.elig-bonus')), POLL).toMatch(/^Bonus (on track|met)$/);
    await popup.close();
  });

  it('looks right in light and dark, English and Italian (screenshots)', async () => {
    await recordDays(options, 20_000);
    await expect.poll(() => text(bonusPanel()), POLL).toContain('At risk');
    await shootPanel(bonusPanel(), 'bonus-panel-en-light');
    const dark = await extension.openOptions({ colorScheme: 'dark' });
    await openEligibility(dark);
    await dark.getByRole('region', { name: 'This month’s bonus' }).getByText('At risk').waitFor();
    await shootPanel(dark.getByRole('region', { name: 'This month’s bonus' }), 'bonus-panel-en-dark');

    const settings = (await options.evaluate(async () => ((await chrome.storage.local.get('workspace')) as { workspace: { workspace: { settings: unknown } } }).workspace.workspace.settings)) as Record<string, unknown>;
    await sendCommand(options, { type: 'settings.save', settings: { ...settings, language: 'it' } as never, loaded: versionOf(settings) });
    await bonusPanel('Il bonus di questo mese').getByText('A rischio').waitFor();
    await shootPanel(bonusPanel('Il bonus di questo mese'), 'bonus-panel-it-light');
    await dark.getByRole('region', { name: 'Il bonus di questo mese' }).getByText('A rischio').waitFor();
    await shootPanel(dark.getByRole('region', { name: 'Il bonus di questo mese' }), 'bonus-panel-it-dark');
    await dark.close();
  });

  it('logged no errors in the pages or the extension', () => {
    expect(extension.errors).toEqual([]);
  });
});

describe('the month’s bonus of a creator in the United States, with subscriber-only posts logged in the options page and from the context menu', () => {
  // The rule for the United States and Canada: 10,000 followers, 100,000 views and 3 subscriber-only
  // posts in the calendar month. Of the 14 recorded days at least today is in this month, so 100,000
  // views a day meet the views on every day of it, the 1st included: only the posts decide the status.
  const VIEWS_A_DAY = 100_000;
  const FORM_VIDEO = `${MARA}/video/7401234567890120001`;
  const MENU_VIDEOS = [`${MARA}/video/7401234567890120002`, `${MARA}/video/7401234567890120003`];
  const OTHER_CREATORS_VIDEO = `${LENA}/video/7401234567890120004`;
  let extension: Extension;
  let options: Page;
  let notifications: () => Promise<string[]>;
  const bonusPanel = () => options.getByRole('region', { name: 'This month’s bonus' });
  const postsPanel = () => options.getByRole('region', { name: 'Subscriber-only posts' });
  const posts = () => postsPanel().getByRole('list', { name: 'Logged posts, newest first' }).getByRole('listitem');

  /** A day as the options page writes it: "December 2, 2026". */
  const longDay = (date: string) => `${studioDay(date)}, ${date.slice(0, 4)}`;
  /**
   * The last day of today's month and the days left, as the panel writes them. Today is the creator's
   * day: the browser's, which runs in this process's time zone.
   */
  function thisMonth() {
    const today = localToday();
    const end = iso(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)), 0));
    const left = Number(end.slice(8, 10)) - Number(today.slice(8, 10)) + 1;
    return { today, end: longDay(end), daysLeft: left === 1 ? '1 day left' : `${left} days left` };
  }

  /** A click on "Count as subscriber-only post" on a link on mara.sings's profile, as Chrome hands it to the background. */
  const clickPostMenu = (linkUrl: string) =>
    extension.serviceWorker.evaluate(({ info, tab }) => chrome.contextMenus.onClicked.dispatch(info, tab), {
      info: { menuItemId: MENU_POST, linkUrl, pageUrl: MARA, frameId: 0, editable: false },
      tab: { id: 1, index: 0, windowId: 1, active: true, url: MARA },
    });

  async function expectBonusLine(expected: string) {
    const popup = await openPopup(extension);
    await expect.poll(() => text(card(popup).locator('.elig-bonus')), POLL).toBe(expected);
    await popup.close();
  }

  beforeAll(async () => {
    let extensionPage: Page;
    ({ extension, extensionPage } = await start({}));
    options = extensionPage;
    // createCreator makes mara.sings a creator in Italy: she moves to the United States, as her profile form would save it.
    const { profile } = (await until(() => readWorkspace(options), (ws) => ws?.profile?.handle === 'mara.sings', 'the creator mara.sings'))!;
    await sendCommand(options, { type: 'profile.save', profile: { ...profile, market: 'US', currency: 'USD' }, loaded: versionOf(profile) });
    // A notification is the menu's only answer to a click: each one's text is kept, and it is still shown.
    await extension.serviceWorker.evaluate(() => {
      const shown: string[] = [];
      (globalThis as unknown as { tierkitNotifications: string[] }).tierkitNotifications = shown;
      const create = chrome.notifications.create.bind(chrome.notifications);
      chrome.notifications.create = (...args: unknown[]) => {
        const { title, message } = args.find((arg) => typeof arg === 'object') as { title: string; message: string };
        shown.push(`${title}: ${message}`);
        return create(...args);
      };
    });
    // The posts' notifications only: the import's numbers bring notifications of their own.
    notifications = async () =>
      (await extension.serviceWorker.evaluate(() => [...(globalThis as unknown as { tierkitNotifications: string[] }).tierkitNotifications])).filter(
        (shown) => ['Tierkit logged a subscriber-only post: ', 'Already logged: ', 'Tierkit did not log this post: '].some((title) => shown.startsWith(title)),
      );
    await openEligibility(options);
  });
  afterAll(async () => {
    await extension?.close();
  });

  it('is at risk with no subscriber-only post this month, naming the 3 still needed', async () => {
    await recordDays(options, VIEWS_A_DAY);
    const month = thisMonth();
    const postsCondition = requirement(bonusPanel(), 'Subscriber-only posts');
    await expect.poll(() => text(postsCondition), POLL).toContain('0 of 3');
    expect(await text(postsCondition)).toContain('Not on track at this pace');
    expect(await text(bonusPanel().locator('.bonus-status'))).toBe(`At risk · ${month.daysLeft}`);
    expect(await text(requirement(bonusPanel(), 'Followers'))).toContain('12,000 of 10,000');
    expect(await text(requirement(bonusPanel(), 'Video views'))).toContain('Met');
    expect(await text(bonusPanel().locator('.bonus-needed'))).toBe(`Still needed: 3 more subscriber-only posts by ${month.end}.`);
    await expectBonusLine('Bonus at risk: 3 posts to go');
    await shootPanel(bonusPanel(), 'bonus-panel-us-at-risk');
  });

  it('is met with one post logged in the options page and two from the context menu on her own videos', async () => {
    // The menu item the clicks below stand for is on the menu: update() rejects an unknown id.
    await expect
      .poll(() => extension.serviceWorker.evaluate((id) => chrome.contextMenus.update(id, {}).then(() => true, () => false), MENU_POST), POLL)
      .toBe(true);

    // The form proposes the browser's local day, which is the day the post goes out.
    const browserToday = await options.evaluate(() => {
      const now = new Date();
      return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    });
    expect(browserToday).toBe(localToday());
    const day = postsPanel().getByLabel('Day');
    expect(await day.inputValue()).toBe(browserToday);
    await day.fill(browserToday);
    await postsPanel().getByLabel('Title').fill('Behind the chorus');
    await postsPanel().getByLabel('Link to your video').fill(FORM_VIDEO);
    await postsPanel().getByRole('button', { name: 'Log post' }).click();
    await expect.poll(() => posts().count(), POLL).toBe(1);
    await postsPanel().getByRole('status').getByText('Logged.', { exact: true }).waitFor();
    const postsCondition = requirement(bonusPanel(), 'Subscriber-only posts');
    await expect.poll(() => text(postsCondition), POLL).toContain('1 of 3');
    // Whether one post is on track depends on the day of the month; what is missing does not.
    expect(await text(bonusPanel().locator('.bonus-needed'))).toBe(`Still needed: 2 more subscriber-only posts by ${thisMonth().end}.`);

    // The menu dates a post by the creator's day, as the form does and the bonus counts its month.
    for (const [i, video] of MENU_VIDEOS.entries()) {
      await clickPostMenu(video);
      await expect.poll(() => posts().count(), POLL).toBe(2 + i);
    }
    const { today, daysLeft } = thisMonth();
    // The notification comes once the post is stored, so it may follow the list.
    await expect
      .poll(notifications, POLL)
      .toEqual([
        `Tierkit logged a subscriber-only post: This video counts as your subscriber-only post of ${longDay(today)}.`,
        `Tierkit logged a subscriber-only post: This video counts as your subscriber-only post of ${longDay(today)}.`,
      ]);
    // Each post with its day, title and video, all of the same day (their order among themselves is the
    // list's business).
    const rows = await posts().evaluateAll((items) =>
      items.map((item) => {
        const [day, title, link] = ['.post-day', '.post-title', 'a'].map((part) => item.querySelector(part));
        return `${day?.textContent} · ${title?.textContent} · ${link?.textContent} · ${link?.getAttribute('href')}`;
      }),
    );
    expect(new Set(rows)).toEqual(
      new Set([
        `${longDay(today)} · Behind the chorus · Open video · ${FORM_VIDEO}`,
        `${longDay(today)} · Untitled · Open video · ${MENU_VIDEOS[0]}`,
        `${longDay(today)} · Untitled · Open video · ${MENU_VIDEOS[1]}`,
      ]),
    );
    expect(await text(postsPanel())).toContain('3 posts logged');

    await expect.poll(() => text(postsCondition), POLL).toContain('3 of 3');
    expect(await text(postsCondition)).toContain('Met');
    expect(await text(bonusPanel().locator('.bonus-status'))).toBe(`Met · ${daysLeft}`);
    expect(await bonusPanel().locator('.bonus-needed').count()).toBe(0);
    await expectBonusLine('Bonus met');
    await shootPanel(bonusPanel(), 'bonus-panel-us-met');
  });

  it('logs nothing from the menu on another creator’s video or on a video logged already, and says so', async () => {
    const before = (await notifications()).length;
    await clickPostMenu(OTHER_CREATORS_VIDEO);
    await expect
      .poll(async () => (await notifications()).slice(before), POLL)
      .toEqual(['Tierkit did not log this post: This video is @lena.paints’s: only your own (@mara.sings) videos count']);
    // The same video, its link as TikTok's web app writes it.
    await clickPostMenu(`${MENU_VIDEOS[0]}?is_from_webapp=1`);
    await expect
      .poll(async () => (await notifications()).slice(before + 1), POLL)
      .toEqual([`Already logged: This video was logged already, as your post of ${longDay(thisMonth().today)}: it counts once.`]);
    expect(await posts().count()).toBe(3);
    // The list shown is the one stored: a new page reads the log again.
    await options.reload();
    await openEligibility(options);
    await expect.poll(() => posts().count(), POLL).toBe(3);
    expect(await text(requirement(bonusPanel(), 'Subscriber-only posts'))).toContain('3 of 3');
    expect(await text(bonusPanel().locator('.bonus-status'))).toMatch(/^Met · /);
  });

  it('logged no errors in the pages or the extension', () => {
    expect(extension.errors).toEqual([]);
  });
});
