// Accessibility of the real pages in Chromium with the built extension: axe (WCAG 2.0 and 2.1, A and AA)
// on every state a creator meets in the popup and on each section of the options page, in light and
// dark (refused files and the delete dialog included), and the popup once in Italian; then the keyboard paths: Tab to "New tier", Enter opens the
// editor on Name, Escape closes it and focus comes back; the options navigation by Tab and Enter moves
// focus to the section's heading. One browser for the whole file, so it runs in seconds.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '@/lib/domain/schema';
import { launchExtension, readWorkspace, sendCommand, waitForFirstRender, type ColorScheme, type Extension } from './harness';
import { seedSampleOffer } from './seed';
import { versionOf } from '@/lib/domain/version';

// What page.evaluate callbacks use; they run inside an extension page.
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);
const SCHEMES: ColorScheme[] = ['light', 'dark'];
const POLL = { timeout: 20_000, interval: 50 };

interface Finding {
  where: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}
/** Every violation seen in the run, blocking or not; the moderate and minor ones are printed at the end. */
const findings: Finding[] = [];

const describeFinding = (f: Finding) => `[${f.impact}] ${f.rule} (${f.help}) at ${f.where}\n    ${f.targets.join('\n    ')}`;

let audits = 0;

/** Runs axe on the page as it is now; returns the serious and critical violations, each described. */
async function audit(page: Page, where: string): Promise<string[]> {
  audits++;
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = results.violations.map((violation) => ({
    where,
    rule: violation.id,
    impact: violation.impact ?? 'unknown',
    help: violation.help,
    targets: violation.nodes.map((node) => `${node.target.join(' ')}${node.failureSummary ? `: ${node.failureSummary.replace(/\s+/g, ' ')}` : ''}`),
  }));
  findings.push(...found);
  return found.filter((f) => BLOCKING.has(f.impact)).map(describeFinding);
}

/** Audits the page in light and in dark (the system preference; the Theme setting stays "System"). */
async function auditBothThemes(page: Page, where: string): Promise<string[]> {
  const blocking: string[] = [];
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    // The audit is only worth its name if the page really shows that theme.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      colorScheme === 'dark' ? 'rgb(18, 18, 22)' : 'rgb(255, 255, 255)',
    );
    blocking.push(...(await audit(page, `${where} (${colorScheme})`)));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return blocking;
}

/** The element that has focus, as a person would name it: its accessible name or text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    return active ? `${active.tagName.toLowerCase()}:${(active.getAttribute('aria-label') ?? active.textContent ?? '').trim()}` : '';
  });

/** Presses Tab until `target` has focus (at most `limit` times); the number of presses, or null. */
async function tabTo(page: Page, target: Locator, limit = 40): Promise<number | null> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return presses;
  }
  return null;
}

const DAY_MS = 86_400_000;
/** 60 days of Studio numbers ending yesterday: followers past 10,000, views short of the 30-day threshold. */
const importedDays = Array.from({ length: 60 }, (_, i) => ({
  date: new Date(Date.now() - (60 - i) * DAY_MS).toISOString().slice(0, 10),
  followers: 9000 + 30 * i,
  videoViews: 1500 + 20 * i,
}));

const BROKEN_CSV = { name: 'FollowerHistory.csv', mimeType: 'text/csv', buffer: Buffer.from('"Name","Colour"\n"a","b"\n') };
const BROKEN_BACKUP = {
  name: 'tierkit-backup.json',
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify({ format: 'tierkit-backup', version: 1, workspace: { tiers: [{ name: '' }] } })),
};

async function setLanguage(page: Page, language: Settings['language']) {
  const settings = (await readWorkspace(page))!.settings;
  await sendCommand(page, { type: 'settings.save', settings: { ...settings, language }, loaded: versionOf(settings) });
}

describe('accessibility of the popup and the options page (axe, WCAG 2.1 AA, light and dark)', () => {
  let extension: Extension;
  let popup: Page;
  let options: Page;

  beforeAll(async () => {
    extension = await launchExtension();
    popup = await extension.openPopup();
    await waitForFirstRender(popup);
  });
  afterAll(async () => {
    const advisory = findings.filter((f) => !BLOCKING.has(f.impact));
    console.log(`axe: ${audits} audits, ${findings.length} violations, ${advisory.length} moderate or minor`);
    if (advisory.length) console.log(`Moderate and minor axe findings (${advisory.length}):\n${advisory.map(describeFinding).join('\n')}`);
    await extension?.close();
  });

  it('popup: onboarding', async () => {
    await popup.getByRole('heading', { level: 1, name: 'Welcome to Tierkit' }).waitFor();
    expect(await auditBothThemes(popup, 'popup onboarding')).toEqual([]);
  });

  it('popup: three tiers and the eligibility card with imported numbers', async () => {
    await seedSampleOffer(popup);
    const summary = await popup.evaluate(
      (days) => chrome.runtime.sendMessage({ type: 'stats.import', fileNames: ['Overview.csv'], days }),
      importedDays,
    );
    expect(summary).toMatchObject({ ok: true });
    await popup.getByRole('heading', { level: 3, name: 'Front Row' }).waitFor();
    await popup.locator('details.elig-card').getByRole('progressbar', { name: 'Followers' }).waitFor();
    expect(await auditBothThemes(popup, 'popup with three tiers')).toEqual([]);
  });

  it('popup: the tier editor, and the perk editor inside it', async () => {
    await popup.getByRole('button', { name: 'New tier' }).click();
    await popup.getByRole('form', { name: 'New tier' }).waitFor();
    // A refused save shows the problems beside their fields.
    await popup.getByRole('button', { name: 'Save tier' }).click();
    await popup.locator('.field-error').first().waitFor();
    expect(await auditBothThemes(popup, 'popup tier editor with problems')).toEqual([]);

    await popup.getByRole('button', { name: 'New perk', exact: true }).click();
    await popup.getByRole('region', { name: 'New perk' }).getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Discord role' });
    expect(await auditBothThemes(popup, 'popup perk editor in the tier editor')).toEqual([]);
    await popup.getByRole('region', { name: 'New perk' }).getByRole('button', { name: 'Cancel' }).click();
    await popup.getByRole('form', { name: 'New tier' }).getByRole('button', { name: 'Cancel' }).click();
    await popup.getByRole('button', { name: 'New tier' }).waitFor();
  });

  it('popup: a refused move shows an alert on the card', async () => {
    // Front Row (€9.99) above Crew (€4.99) would make prices fall with position.
    await popup.getByRole('button', { name: 'Move Front Row up' }).click();
    await popup.getByRole('alert').filter({ hasText: 'Prices must rise' }).waitFor();
    expect(await auditBothThemes(popup, 'popup refusal alert')).toEqual([]);
  });

  it('popup: in Italian', async () => {
    await setLanguage(popup, 'it');
    await popup.locator('html[lang="it"]').waitFor();
    await popup.getByRole('button', { name: 'Nuovo livello' }).waitFor();
    expect(await audit(popup, 'popup in Italian (light)')).toEqual([]);
    await setLanguage(popup, 'auto');
    await popup.getByRole('button', { name: 'New tier' }).waitFor();
  });

  it('popup by keyboard: Tab reaches New tier, Enter opens the editor on Name, Escape returns to New tier (and to New perk from the perk editor)', async () => {
    await popup.reload();
    await waitForFirstRender(popup);
    const newTier = popup.getByRole('button', { name: 'New tier' });
    await newTier.waitFor();
    expect(await tabTo(popup, newTier)).not.toBeNull();
    await popup.keyboard.press('Enter');
    const name = popup.getByRole('form', { name: 'New tier' }).getByRole('textbox', { name: 'Name', exact: true });
    await expect.poll(() => name.evaluate((input) => input === document.activeElement), POLL).toBe(true);

    // The perk editor inside it: Escape closes only that one, and focus goes back to "New perk".
    const newPerk = popup.getByRole('button', { name: 'New perk', exact: true });
    expect(await tabTo(popup, newPerk)).not.toBeNull();
    await popup.keyboard.press('Enter');
    const kind = popup.getByRole('region', { name: 'New perk' }).getByRole('combobox', { name: 'Kind' });
    await expect.poll(() => kind.evaluate((select) => select === document.activeElement), POLL).toBe(true);
    // While the perk editor is open, the tier form is out of the way (not shown, not in the tab order).
    expect(await popup.getByRole('form', { name: 'New tier' }).isVisible()).toBe(false);
    await popup.keyboard.press('Escape');
    await popup.getByRole('region', { name: 'New perk' }).waitFor({ state: 'detached' });
    await expect.poll(() => focused(popup), POLL).toBe('button:New perk');

    await popup.keyboard.press('Escape');
    await popup.getByRole('form', { name: 'New tier' }).waitFor({ state: 'detached' });
    await expect.poll(() => focused(popup), POLL).toBe('button:New tier');
  });

  describe('options page', () => {
    beforeAll(async () => {
      options = await extension.openOptions();
      await waitForFirstRender(options);
    });

    const section = async (id: string, heading: string) => {
      await options.goto(`chrome-extension://${extension.id}/options.html#${id}`);
      await waitForFirstRender(options);
      await options.getByRole('heading', { level: 1, name: heading }).waitFor();
    };

    it('Tiers & perks', async () => {
      await section('tiers', 'Tiers & perks');
      await options.getByRole('table', { name: /^Monthly revenue per tier/ }).waitFor();
      expect(await auditBothThemes(options, 'options #tiers')).toEqual([]);
    });

    it('Eligibility, with imported numbers', async () => {
      await section('eligibility', 'Eligibility');
      await options.getByRole('img', { name: /^Followers from/ }).waitFor();
      await options.getByRole('table', { name: 'Recorded numbers, newest first' }).waitFor();
      expect(await auditBothThemes(options, 'options #eligibility')).toEqual([]);
      // A file that is no Studio export: its problems are shown as an alert.
      await options.getByLabel('Studio export', { exact: true }).setInputFiles(BROKEN_CSV);
      await options.getByRole('table', { name: `Problems in ${BROKEN_CSV.name}` }).waitFor();
      expect(await auditBothThemes(options, 'options #eligibility, a refused file')).toEqual([]);
    });

    it('Subscribers, with a roster, the add dialog and an Undo notice', async () => {
      const tierId = (await readWorkspace(options))!.tiers[0]!.id;
      for (const subscriber of [
        { handle: 'fan.one', nickname: 'Fan One', tierId, since: '2025-03-01' },
        { handle: 'night_owl.22', tierId, since: '2024-11-15', monthsOverride: 14, note: 'Moderator' },
        { nickname: 'Quiet Corner', tierId, since: '2026-01-20', status: 'lapsed' },
      ]) {
        const saved = (await options.evaluate((subscriber) => chrome.runtime.sendMessage({ type: 'roster.save', subscriber }), subscriber)) as { ok: boolean };
        expect(saved.ok).toBe(true);
      }
      await section('subscribers', 'Subscribers');
      const table = options.getByRole('table', { name: 'Subscribers' });
      await table.getByRole('row').filter({ hasText: 'fan.one' }).waitFor();
      expect(await auditBothThemes(options, 'options #subscribers')).toEqual([]);
      await options.getByRole('button', { name: 'Add subscriber' }).first().click();
      const dialog = options.getByRole('dialog');
      await dialog.waitFor();
      expect(await auditBothThemes(options, 'options #subscribers, add dialog open')).toEqual([]);
      await options.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await options.getByRole('button', { name: 'Remove Quiet Corner' }).click();
      await options.getByRole('button', { name: 'Undo' }).waitFor();
      expect(await auditBothThemes(options, 'options #subscribers, undo notice')).toEqual([]);
      await options.getByRole('button', { name: 'Undo' }).click();
      await table.getByRole('row').filter({ hasText: 'Quiet Corner' }).waitFor();
    });

    it('Badge packs, after an export and a refused import', async () => {
      await section('badges', 'Badge packs');
      await options.getByRole('button', { name: 'Export badge pack' }).click();
      await options.locator('.pack-own-key .pack-fingerprint').waitFor();
      await options.getByLabel('Badge pack file').setInputFiles(BROKEN_BACKUP);
      await options.locator('.import-refused').waitFor();
      expect(await auditBothThemes(options, 'options #badges')).toEqual([]);
    });

    it('Profile and Settings', async () => {
      const blocking: string[] = [];
      for (const [id, heading] of [
        ['profile', 'Profile'],
        ['settings', 'Settings'],
      ] as const) {
        await section(id, heading);
        blocking.push(...(await auditBothThemes(options, `options #${id}`)));
      }
      expect(blocking).toEqual([]);
    });

    it('Data, and its delete dialog open', async () => {
      await section('data', 'Data');
      expect(await auditBothThemes(options, 'options #data')).toEqual([]);
      // A broken backup: every problem listed with its path.
      await options.getByLabel('Backup file').setInputFiles(BROKEN_BACKUP);
      await options.getByRole('heading', { level: 3, name: BROKEN_BACKUP.name }).waitFor();
      await options.getByRole('alert').first().waitFor();
      expect(await auditBothThemes(options, 'options #data, a broken backup chosen')).toEqual([]);
      await options.getByRole('button', { name: 'Delete all data' }).click();
      const dialog = options.getByRole('dialog');
      await dialog.waitFor();
      expect(await auditBothThemes(options, 'options #data, delete dialog open')).toEqual([]);
      await options.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
    });

    it('by keyboard: the navigation links are reachable and Enter moves to the section’s heading', async () => {
      await section('tiers', 'Tiers & perks');
      const nav = options.getByRole('navigation', { name: 'Sections' });
      const data = nav.getByRole('link', { name: 'Data' });
      // From the top of the page, as after loading it: the navigation comes before any section's content.
      await options.evaluate(() => {
        document.body.tabIndex = -1;
        document.body.focus();
        document.body.removeAttribute('tabindex');
      });
      expect(await tabTo(options, data)).not.toBeNull();
      await options.keyboard.press('Enter');
      const heading = options.getByRole('heading', { level: 1, name: 'Data' });
      await heading.waitFor();
      await expect.poll(() => heading.evaluate((h) => h === document.activeElement), POLL).toBe(true);
      expect(await data.getAttribute('aria-current')).toBe('page');

      // From the heading, Shift+Tab goes back to the navigation's last link, and Enter works there too.
      const settings = nav.getByRole('link', { name: 'Settings' });
      await options.keyboard.press('Shift+Tab');
      expect(await settings.evaluate((link) => link === document.activeElement)).toBe(true);
      await options.keyboard.press('Enter');
      const settingsHeading = options.getByRole('heading', { level: 1, name: 'Settings' });
      await settingsHeading.waitFor();
      await expect.poll(() => settingsHeading.evaluate((h) => h === document.activeElement), POLL).toBe(true);
      const names = await nav.getByRole('link').allTextContents();
      expect(names).toEqual(['Tiers & perks', 'Eligibility', 'Subscribers', 'Badge packs', 'Profile', 'Data', 'Settings']);
    });
  });

  it('logged no errors on the pages or in the extension', () => {
    expect(extension.errors).toEqual([]);
  });
});
