import { BACKUP_VERSION } from '@/lib/domain/backup';
// A creator's whole journey through the real UI of the built extension, in one browser profile:
// onboarding, three tiers with perks made in the popup, reordered and activated, the options page
// following the popup live (and back), screenshots in both themes, backup out, wipe, backup in, and
// hostile or broken backups. Every step goes through roles and labels, as a person (or a screen reader)
// finds them; the workspace is read only to compare data.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '@/lib/domain/schema';
import { launchExtension, readWorkspace, screenshot, screenshotDir, waitForFirstRender, type Extension } from './harness';

const POLL = { timeout: 20_000, interval: 50 };
/** A tier name that is markup: it must show as these characters, never become an element. */
const HOSTILE_NAME = '<img src=x onerror=alert(1)>';

/** The tier cards' list (popup and options page) and one card in it, found by the tier's name. */
const tierList = (page: Page) => page.getByRole('list', { name: 'Tiers', exact: true });
const tierCard = (page: Page, name: string) =>
  tierList(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });
/** The tier names in the order the cards show them. */
const cardOrder = (page: Page) => tierList(page).getByRole('heading', { level: 3 }).allTextContents();
/** What a card's perk list says, one entry per perk (inherited ones carry "· from <tier>"). */
const perkLines = async (page: Page, tier: string) =>
  (await tierCard(page, tier).getByRole('list', { name: `Perks of ${tier}` }).getByRole('listitem').allTextContents()).map(
    (line) => line.replace(/\s+/g, ' ').trim(),
  );

/** Opens the popup's inline perk editor, fills it and saves; back in the tier form, the new perk is ticked. */
async function createPerkInline(popup: Page, kind: string, fields: Record<string, string> = {}) {
  await popup.getByRole('button', { name: 'New perk', exact: true }).click();
  const editor = popup.getByRole('region', { name: 'New perk' });
  await editor.getByRole('combobox', { name: 'Kind' }).selectOption({ label: kind });
  for (const [label, value] of Object.entries(fields)) await editor.getByRole('textbox', { name: label }).fill(value);
  await editor.getByRole('button', { name: 'Save perk' }).click();
  await editor.waitFor({ state: 'detached' });
}

/** Fills the popup's new-tier form (already open). */
async function fillTier(popup: Page, tier: { name: string; price: string; label: string; color?: string; emoji?: string }) {
  const form = popup.getByRole('form', { name: 'New tier' });
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill(tier.name);
  await form.getByRole('textbox', { name: 'Monthly price' }).fill(tier.price);
  await form.getByRole('textbox', { name: 'Badge label' }).fill(tier.label);
  if (tier.color) await form.getByLabel('Badge colour').fill(tier.color);
  if (tier.emoji) await form.getByRole('textbox', { name: 'Badge emoji' }).fill(tier.emoji);
}

async function saveTier(popup: Page, name: string) {
  await popup.getByRole('form', { name: 'New tier' }).getByRole('button', { name: 'Save tier' }).click();
  await tierCard(popup, name).waitFor();
}

/** The parts of a workspace a backup round trip must give back exactly. */
const essentials = (ws: Workspace | null) => ws && { profile: ws.profile, tiers: ws.tiers, perks: ws.perks, settings: ws.settings };

/** Full-page screenshot from the top: a sticky navigation would otherwise be drawn where the page was scrolled to. */
async function shoot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

/** Nothing sticks out sideways: the page scrolls only vertically (the popup has no room to spare). */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The body's background is dark when every channel is below the middle. */
async function hasDarkBackground(page: Page): Promise<boolean> {
  const color = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  return color.match(/\d+/g)!.slice(0, 3).map(Number).every((channel) => channel < 128);
}

describe('a creator designs, backs up and restores an offer through the UI', () => {
  let extension: Extension;
  let popup: Page;
  let options: Page;
  let backupText: string;
  let beforeExport: Workspace | null;
  const dialogs: string[] = [];

  beforeAll(async () => {
    extension = await launchExtension();
    // A hostile name that became markup would run alert(); any dialog at all is a failure.
    extension.context.on('page', (page) => page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    }));
    popup = await extension.openPopup();
    await waitForFirstRender(popup);
  });
  afterAll(async () => {
    await extension?.close();
  });

  it('onboards a new creator in the popup', async () => {
    await popup.getByRole('heading', { level: 1, name: 'Welcome to Tierkit' }).waitFor();
    await popup.getByRole('textbox', { name: 'TikTok username' }).fill('@Mia.Creates');
    await popup.getByRole('textbox', { name: 'Display name' }).fill('Mia Creates');
    // The browser speaks en-US, so the form starts on the United States and dollars.
    const currency = popup.getByRole('combobox', { name: 'Currency' });
    expect(await currency.inputValue()).toBe('USD');
    await popup.getByRole('combobox', { name: 'Market' }).selectOption({ label: 'Italy' });
    expect(await currency.inputValue()).toBe('EUR');
    await popup.getByRole('checkbox', { name: 'I am 18 or older' }).check();
    await shoot(popup, 'flow-popup-onboarding');
    await popup.getByRole('button', { name: 'Start' }).click();

    await popup.getByRole('heading', { level: 1, name: 'Your tiers' }).waitFor();
    expect(await popup.getByText('@mia.creates', { exact: true }).isVisible()).toBe(true);
    expect(await popup.getByText(/^No tiers yet\./).isVisible()).toBe(true);
    expect(await popup.getByText('0 of 3 active').isVisible()).toBe(true);
    const ws = await readWorkspace(popup);
    expect(ws?.profile).toMatchObject({ handle: 'mia.creates', displayName: 'Mia Creates', market: 'IT', currency: 'EUR' });
  });

  it('creates three tiers with perks in the popup, refusing a 5-character badge label', async () => {
    // Gold, with a Discord role perk created inline, and first a badge label one character too long.
    await popup.getByRole('button', { name: 'New tier' }).click();
    await fillTier(popup, { name: 'Gold', price: '9.99', label: 'GOLDY', color: '#d4a017', emoji: '⭐' });
    await createPerkInline(popup, 'Discord role', { 'Discord role name': 'Gold Lounge' });
    const form = popup.getByRole('form', { name: 'New tier' });
    expect(await form.getByRole('checkbox', { name: 'Discord role' }).isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Save tier' }).click();
    const label = form.getByRole('textbox', { name: 'Badge label' });
    await form.getByText('A badge label has 1 to 4 characters').waitFor();
    expect(await label.getAttribute('aria-invalid')).toBe('true');
    // The problem is tied to its field and the field has focus, so it can be fixed at once.
    expect(await label.evaluate((input) => input === document.activeElement)).toBe(true);
    expect((await readWorkspace(popup))?.tiers).toEqual([]);
    expect(await horizontalOverflow(popup)).toBe(0);
    await shoot(popup, 'flow-popup-editor-error');
    await label.fill('GOLD');
    await saveTier(popup, 'Gold');

    await popup.getByRole('button', { name: 'New tier' }).click();
    await fillTier(popup, { name: 'Bronze', price: '2.99', label: 'BRNZ', color: '#b87333' });
    await createPerkInline(popup, 'Subscriber chat');
    await saveTier(popup, 'Bronze');

    // Silver: a new perk and one from the library (Gold's Discord role).
    await popup.getByRole('button', { name: 'New tier' }).click();
    await fillTier(popup, { name: 'Silver', price: '4.99', label: 'SLVR', color: '#8e9aaf' });
    await createPerkInline(popup, 'Subscriber-only videos', { 'Per month': '4' });
    await popup.getByRole('form', { name: 'New tier' }).getByRole('checkbox', { name: 'Discord role' }).check();
    await saveTier(popup, 'Silver');

    expect(await cardOrder(popup)).toEqual(['Gold', 'Bronze', 'Silver']);
    for (const name of ['Gold', 'Bronze', 'Silver']) {
      expect(await tierCard(popup, name).getByText('Draft', { exact: true }).isVisible()).toBe(true);
    }
    expect(await tierCard(popup, 'Gold').getByText('€9.99/month').isVisible()).toBe(true);
    const goldBadge = tierCard(popup, 'Gold').getByRole('img', { name: 'Badge GOLD' });
    expect(await goldBadge.textContent()).toBe('⭐GOLD');
    expect(await goldBadge.evaluate((badge) => getComputedStyle(badge).backgroundColor)).toBe('rgb(212, 160, 23)');
    const ws = (await readWorkspace(popup))!;
    expect(ws.perks.map((perk) => perk.title).sort()).toEqual(['Discord role', 'Subscriber chat', 'Subscriber-only videos']);
    expect(ws.perks.find((perk) => perk.kind === 'discord-role')).toMatchObject({ roleName: 'Gold Lounge' });
    expect(ws.perks.find((perk) => perk.kind === 'subscriber-videos')).toMatchObject({ perMonth: 4 });
    expect(ws.tiers.map((tier) => [tier.name, tier.priceMinor, tier.currency, tier.status, tier.perkIds.length, tier.badge])).toEqual([
      ['Gold', 999, 'EUR', 'draft', 1, { label: 'GOLD', color: '#d4a017', emoji: '⭐' }],
      ['Bronze', 299, 'EUR', 'draft', 1, { label: 'BRNZ', color: '#b87333' }],
      ['Silver', 499, 'EUR', 'draft', 2, { label: 'SLVR', color: '#8e9aaf' }],
    ]);
  });

  it('reorders by button and keyboard, activates the three tiers and shows inherited perks', async () => {
    // Bronze up by keyboard: focus the button, press Enter.
    const bronzeUp = popup.getByRole('button', { name: 'Move Bronze up' });
    await bronzeUp.focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => cardOrder(popup), POLL).toEqual(['Bronze', 'Gold', 'Silver']);
    // Bronze is now first, so its Up is disabled: focus stays on the card, on its Edit button.
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('aria-label')), POLL).toBe('Edit Bronze');
    await popup.getByRole('button', { name: 'Move Gold down' }).click();
    await expect.poll(() => cardOrder(popup), POLL).toEqual(['Bronze', 'Silver', 'Gold']);
    // At the ends, the moves that go nowhere are disabled.
    expect(await popup.getByRole('button', { name: 'Move Bronze up' }).isDisabled()).toBe(true);
    expect(await popup.getByRole('button', { name: 'Move Gold down' }).isDisabled()).toBe(true);

    for (const name of ['Bronze', 'Silver', 'Gold']) {
      await popup.getByRole('button', { name: `Activate ${name}` }).click();
      await tierCard(popup, name).getByText('Active', { exact: true }).waitFor();
    }
    expect(await popup.getByText('3 of 3 active').isVisible()).toBe(true);
    expect(await popup.getByRole('button', { name: /^Activate / }).count()).toBe(0);

    expect(await perkLines(popup, 'Bronze')).toEqual(['Subscriber chat']);
    expect(await perkLines(popup, 'Silver')).toEqual(['Subscriber-only videos', 'Discord role', 'Subscriber chat · from Bronze']);
    // Gold grants the Discord role itself, so it is not repeated as Silver's.
    expect(await perkLines(popup, 'Gold')).toEqual([
      'Discord role',
      'Subscriber-only videos · from Silver',
      'Subscriber chat · from Bronze',
    ]);

    // Refused: Gold above Silver would make prices fall with position.
    await popup.getByRole('button', { name: 'Move Gold up' }).click();
    const alert = tierCard(popup, 'Gold').getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Prices must rise with position: Silver (€4.99) cannot sit above Gold (€9.99)');
    expect(await cardOrder(popup)).toEqual(['Bronze', 'Silver', 'Gold']);

    const stored = (await readWorkspace(popup))!.tiers.map((tier) => [tier.position, tier.name, tier.status]);
    expect(stored.sort()).toEqual([
      [0, 'Bronze', 'active'],
      [1, 'Silver', 'active'],
      [2, 'Gold', 'active'],
    ]);
  });

  it('shows the same offer in the options page, and each page follows the other live', async () => {
    options = await extension.openOptions();
    await waitForFirstRender(options);
    await tierList(options).waitFor();
    expect(await cardOrder(options)).toEqual(['Bronze', 'Silver', 'Gold']);
    for (const name of ['Bronze', 'Silver', 'Gold']) {
      expect(await tierCard(options, name).getByText('Active', { exact: true }).isVisible()).toBe(true);
    }

    const library = options.getByRole('table', { name: 'Every perk of the library and the tiers that grant it' });
    expect(await library.getByRole('rowheader').allTextContents()).toEqual(['Discord role', 'Subscriber chat', 'Subscriber-only videos']);
    const discordRow = library.getByRole('row').filter({ has: options.getByRole('rowheader', { name: 'Discord role' }) });
    expect(await discordRow.getByRole('cell').allTextContents()).toEqual([
      'Discord role',
      'Role “Gold Lounge”',
      'Silver, Gold',
      'EditDelete',
    ]);

    const planner = options.getByRole('table', { name: 'Monthly revenue per tier, in EUR' });
    expect(await planner.locator('tbody').getByRole('rowheader').allTextContents()).toEqual(['BronzeActive', 'SilverActive', 'GoldActive']);
    const subscribers = planner.getByRole('textbox', { name: 'Expected subscribers for Gold' });
    await subscribers.fill('10');
    await subscribers.press('Tab');
    const goldRow = planner.getByRole('row').filter({ has: options.getByRole('rowheader', { name: /^Gold/ }) });
    await expect.poll(async () => (await goldRow.getByRole('cell').allTextContents()).slice(0, 3), POLL).toEqual(['€9.99', 'Now 0 active', '€99.90']);

    // Super Fan beside the tiers: once offered in its panel, the planner gives it a row at its price.
    const superFan = options.getByRole('region', { name: 'Super Fan' });
    await superFan.getByLabel('I offer Super Fan').check();
    await superFan.getByRole('button', { name: 'Save' }).click();
    const fans = planner.getByRole('textbox', { name: 'Expected Super Fans' });
    await fans.fill('4');
    await fans.press('Tab');
    const fanRow = planner.getByRole('row').filter({ has: options.getByRole('rowheader', { name: /^Super Fan/ }) });
    await expect.poll(async () => (await fanRow.getByRole('cell').allTextContents()).slice(0, 3), POLL).toEqual(['€9.99', '', '€39.96']);

    // Options -> popup: rename the Discord perk in the library; the popup's cards follow without reload.
    await options.getByRole('button', { name: 'Edit Discord role' }).click();
    await options.getByRole('textbox', { name: 'Title' }).fill('Gold Lounge on Discord');
    await options.getByRole('button', { name: 'Save perk' }).click();
    await expect.poll(() => perkLines(popup, 'Gold'), POLL).toEqual([
      'Gold Lounge on Discord',
      'Subscriber-only videos · from Silver',
      'Subscriber chat · from Bronze',
    ]);
    expect(await perkLines(popup, 'Silver')).toContain('Gold Lounge on Discord');

    // Popup -> options: rename a tier in the popup; the options page's card, library and planner follow.
    await popup.getByRole('button', { name: 'Edit Bronze' }).click();
    const edit = popup.getByRole('form', { name: 'Edit Bronze' });
    await edit.getByRole('textbox', { name: 'Name', exact: true }).fill('Bronze Club');
    await edit.getByRole('button', { name: 'Save tier' }).click();
    await expect.poll(() => cardOrder(options), POLL).toEqual(['Bronze Club', 'Silver', 'Gold']);
    expect(await perkLines(options, 'Gold')).toContain('Subscriber chat · from Bronze Club');
    const chatRow = library.getByRole('row').filter({ has: options.getByRole('rowheader', { name: 'Subscriber chat' }) });
    expect((await chatRow.getByRole('cell').allTextContents())[2]).toBe('Bronze Club');
    expect(await planner.getByRole('textbox', { name: 'Expected subscribers for Bronze Club' }).isVisible()).toBe(true);
    // Focus went back to the renamed card's Edit button (on the next frame: a hidden tab has none).
    await popup.bringToFront();
    await expect
      .poll(() => popup.evaluate(() => document.activeElement?.getAttribute('aria-label')), POLL)
      .toBe('Edit Bronze Club');
  });

  it('saves screenshots of popup and options, light and dark; the Theme setting overrides a light system', async () => {
    await options.setViewportSize({ width: 1200, height: 850 });
    await popup.emulateMedia({ colorScheme: 'light' });
    expect(await hasDarkBackground(popup)).toBe(false);
    expect(await horizontalOverflow(popup)).toBe(0);
    expect(await horizontalOverflow(options)).toBe(0);
    await shoot(popup, 'flow-popup-light');
    await shoot(options, 'flow-options-light');

    await popup.emulateMedia({ colorScheme: 'dark' });
    expect(await hasDarkBackground(popup)).toBe(true);
    await shoot(popup, 'flow-popup-dark');
    await popup.emulateMedia({ colorScheme: 'light' });

    // The system stays light; the setting alone makes both pages dark.
    await options.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
    await options.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'Dark' });
    await expect.poll(() => hasDarkBackground(options), POLL).toBe(true);
    await expect.poll(() => hasDarkBackground(popup), POLL).toBe(true);
    await options.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Tiers & perks' }).click();
    await tierList(options).waitFor();
    await shoot(options, 'flow-options-dark');
    await options.evaluate(() => window.scrollTo(0, 0));
    await options.screenshot({ path: join(screenshotDir, 'flow-options-dark-top.png'), clip: { x: 0, y: 0, width: 1200, height: 780 } });
    await shoot(popup, 'flow-popup-dark-setting');

    await options.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
    await options.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'System' });
    await expect.poll(() => hasDarkBackground(options), POLL).toBe(false);
    expect(await hasDarkBackground(popup)).toBe(false);
  });

  it('exports a backup, deletes everything, and imports the same data back', async () => {
    await options.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Data' }).click();
    beforeExport = await readWorkspace(options);
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export backup' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^tierkit-backup-\d{4}-\d{2}-\d{2}\.json$/);
    backupText = await readFile((await download.path())!, 'utf8');
    const backup = JSON.parse(backupText);
    expect(backup).toMatchObject({ format: 'tierkit-backup', version: BACKUP_VERSION });
    expect(backup.data.tiers.map((tier: { name: string }) => tier.name).sort()).toEqual(['Bronze Club', 'Gold', 'Silver']);
    expect(backup.data).toEqual(beforeExport);
    await options.getByText(`Saved as ${download.suggestedFilename()}.`).waitFor();

    await options.getByRole('button', { name: 'Delete all data' }).click();
    const confirm = options.getByRole('dialog', { name: 'Delete everything?' });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Delete everything' }).click();
    await options.getByText('All data was deleted.').waitFor();
    // The popup, still open, is back to onboarding; the options page has no tiers.
    await popup.getByRole('heading', { level: 1, name: 'Welcome to Tierkit' }).waitFor();
    expect(await readWorkspace(options)).toMatchObject({ profile: null, tiers: [], perks: [] });
    await options.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Tiers & perks' }).click();
    await options.getByText(/^No tiers yet\./).waitFor();
    expect(await tierList(options).count()).toBe(0);

    await options.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Data' }).click();
    await options.getByLabel('Backup file').setInputFiles({ name: 'mia-backup.json', mimeType: 'application/json', buffer: Buffer.from(backupText) });
    await options.getByText('3 tiers: Bronze Club, Silver, Gold').waitFor();
    await options.getByRole('radio', { name: 'Replace everything' }).check();
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await options.getByText('Imported. You now have 3 tiers and 3 perks.').waitFor();

    const restored = await readWorkspace(options);
    expect(essentials(restored)).toEqual(essentials(beforeExport));
    expect(restored).toEqual(beforeExport);
    // And the popup shows the offer again, in its order.
    await tierList(popup).waitFor();
    expect(await cardOrder(popup)).toEqual(['Bronze Club', 'Silver', 'Gold']);
    expect(await perkLines(popup, 'Gold')).toEqual([
      'Gold Lounge on Discord',
      'Subscriber-only videos · from Silver',
      'Subscriber chat · from Bronze Club',
    ]);
  });

  it('renders markup from an imported tier name as text, and refuses a broken backup without changing anything', async () => {
    const backup = JSON.parse(backupText);
    const template = backup.data.tiers[0];
    backup.data.tiers.push({
      ...template,
      id: 'hostile-tier',
      name: HOSTILE_NAME,
      description: '<script>alert(2)</script>',
      status: 'draft',
      position: 3,
      perkIds: [],
    });
    await options.getByLabel('Backup file').setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
    await options.getByText(`4 tiers: Bronze Club, Silver, Gold, ${HOSTILE_NAME}`).waitFor();
    await options.getByRole('radio', { name: 'Merge with what I have' }).check();
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await options.getByText('Imported. You now have 4 tiers and 3 perks.').waitFor();

    for (const page of [popup, options]) {
      if (page === options) {
        await options.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Tiers & perks' }).click();
      }
      const card = tierCard(page, HOSTILE_NAME);
      await card.waitFor();
      expect(await card.getByRole('heading', { level: 3 }).textContent()).toBe(HOSTILE_NAME);
      expect(await card.locator('img, script').count()).toBe(0);
      expect(await page.locator('img').count()).toBe(0);
    }
    expect(await tierCard(options, HOSTILE_NAME).getByText('<script>alert(2)</script>', { exact: true }).isVisible()).toBe(true);
    expect(dialogs).toEqual([]);
    expect(await horizontalOverflow(popup)).toBe(0);
    await shoot(popup, 'flow-popup-hostile');

    // A broken backup: the first tier has a price of 0 and no name. Every problem with its path; nothing changes.
    const before = await readWorkspace(options);
    const broken = JSON.parse(backupText);
    broken.data.tiers[0].priceMinor = 0;
    delete broken.data.tiers[0].name;
    await options.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Data' }).click();
    await options.getByLabel('Backup file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    await options.getByText('This file cannot be imported (2 problems):').waitFor();
    const problems = options.getByRole('region', { name: 'Import' }).getByRole('alert');
    const lines = await problems.getByRole('listitem').allTextContents();
    expect(lines).toHaveLength(2);
    expect(lines.some((line) => line.startsWith('data › tiers › 1 › name: '))).toBe(true);
    expect(lines.some((line) => line.startsWith('data › tiers › 1 › priceMinor: '))).toBe(true);
    expect(await options.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    expect(await readWorkspace(options)).toEqual(before);
  });

  it('refuses a fourth active tier, and undoes a deletion', async () => {
    // Platinum would be the fourth active tier: refused, it stays a draft. Deleting it offers Undo.
    await popup.bringToFront();
    await popup.getByRole('button', { name: 'New tier' }).click();
    await fillTier(popup, { name: 'Platinum', price: '14.99', label: 'PLAT' });
    await saveTier(popup, 'Platinum');
    await popup.getByRole('button', { name: 'Activate Platinum' }).click();
    const limit = tierCard(popup, 'Platinum').getByRole('alert');
    await limit.waitFor();
    expect(await limit.textContent()).toContain('At most 3 tiers can be active at once');
    expect(await tierCard(popup, 'Platinum').getByText('Draft', { exact: true }).isVisible()).toBe(true);
    expect(await popup.getByText('3 of 3 active').isVisible()).toBe(true);
    await popup.getByRole('button', { name: 'Delete Platinum' }).click();
    await popup.getByText('Deleted “Platinum”.').waitFor();
    expect(await tierCard(popup, 'Platinum').count()).toBe(0);
    const undo = popup.getByRole('button', { name: 'Undo' });
    await expect.poll(() => undo.evaluate((button) => button === document.activeElement), POLL).toBe(true);
    await undo.click();
    await tierCard(popup, 'Platinum').waitFor();
    await popup.getByRole('button', { name: 'Delete Platinum' }).click();
    await popup.getByText('Deleted “Platinum”.').waitFor();
    await expect.poll(() => cardOrder(popup), POLL).toEqual(['Bronze Club', 'Silver', 'Gold', HOSTILE_NAME]);
  });

  it('logged no console errors, page exceptions or dialogs over the whole run', () => {
    expect(extension.errors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
