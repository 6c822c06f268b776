// Two options pages of the built extension open on the same tier, in Chromium: the later save of an
// editor whose tier changed or was deleted in the other page is refused, with nothing written, and its
// Reload (reached with the keyboard) loads the tier as it is now.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tier } from '@/lib/domain/schema';
import { launchExtension, readWorkspace, screenshot, waitForFirstRender, type Extension } from './harness';
import { seedSampleOffer } from './seed';

const POLL = { timeout: 5000, interval: 50 };

const tierCard = (page: Page, name: string) =>
  page
    .getByRole('list', { name: 'Tiers', exact: true })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });
const editor = (page: Page, name: string) => page.getByRole('form', { name: `Edit ${name}`, exact: true });
const nameField = (form: ReturnType<typeof editor>) => form.getByRole('textbox', { name: 'Name', exact: true });
const storedTier = async (page: Page, id: string): Promise<Tier | undefined> =>
  (await readWorkspace(page))?.tiers.find((tier) => tier.id === id);

describe('two options pages editing the same tier', () => {
  let extension: Extension;
  let first: Page;
  let second: Page;

  beforeAll(async () => {
    extension = await launchExtension();
    first = await extension.openOptions();
    await waitForFirstRender(first);
    await seedSampleOffer(first);
    second = await extension.openOptions();
    await waitForFirstRender(second);
    for (const page of [first, second]) await tierCard(page, 'Fan').waitFor();
  });
  afterAll(async () => {
    await extension?.close();
  });

  it('refuses the later save over the earlier rename, and Reload loads the renamed tier', async () => {
    for (const page of [first, second]) await tierCard(page, 'Fan').getByRole('button', { name: 'Edit Fan' }).click();

    await nameField(editor(first, 'Fan')).fill('Fans');
    await editor(first, 'Fan').getByRole('button', { name: 'Save tier' }).click();
    await tierCard(first, 'Fans').waitFor();

    // The second page's editor was opened on Fan as it was before the rename.
    const stale = editor(second, 'Fan');
    await stale.getByRole('textbox', { name: 'Description' }).fill('Where it starts');
    await stale.getByRole('button', { name: 'Save tier' }).click();
    const alert = stale.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Another window saved a change here after you opened this form, so your change was not saved.');
    const reload = stale.getByRole('button', { name: 'Reload' });
    await expect.poll(() => reload.evaluate((button) => button === document.activeElement), POLL).toBe(true);
    await screenshot(second, 'stale-edit-refused');
    expect(await storedTier(second, 'fan')).toMatchObject({ name: 'Fans', description: 'Fan subscribers' });

    await second.keyboard.press('Enter');
    const reloaded = editor(second, 'Fans');
    await expect.poll(() => nameField(reloaded).inputValue(), POLL).toBe('Fans');
    expect(await reloaded.getByRole('alert').count()).toBe(0);
    await reloaded.getByRole('textbox', { name: 'Description' }).fill('Where it starts');
    await reloaded.getByRole('button', { name: 'Save tier' }).click();
    await expect.poll(() => storedTier(second, 'fan'), POLL).toMatchObject({ name: 'Fans', description: 'Where it starts' });
    await tierCard(first, 'Fans').getByText('Where it starts').waitFor();
  });

  it('saves twice in a row from the same page', async () => {
    await tierCard(first, 'Fans').getByRole('button', { name: 'Edit Fans' }).click();
    await nameField(editor(first, 'Fans')).fill('Fan club');
    await editor(first, 'Fans').getByRole('button', { name: 'Save tier' }).click();
    await tierCard(first, 'Fan club').waitFor();
    await tierCard(first, 'Fan club').getByRole('button', { name: 'Edit Fan club' }).click();
    await nameField(editor(first, 'Fan club')).fill('Fans');
    await editor(first, 'Fan club').getByRole('button', { name: 'Save tier' }).click();
    await tierCard(first, 'Fans').waitFor();
    expect(await storedTier(first, 'fan')).toMatchObject({ name: 'Fans', description: 'Where it starts' });
  });

  it('refuses to bring back a tier the other page deleted', async () => {
    await tierCard(second, 'Crew').getByRole('button', { name: 'Edit Crew' }).click();
    await tierCard(first, 'Crew').getByRole('button', { name: 'Delete Crew' }).click();
    await expect.poll(() => storedTier(first, 'crew'), POLL).toBeUndefined();

    // The editor stays where the tier was, with what was typed in it.
    const orphan = editor(second, 'Crew');
    await nameField(orphan).fill('Crew+');
    await orphan.getByRole('button', { name: 'Save tier' }).click();
    const alert = orphan.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('This was deleted in another window after you opened this form');
    expect(await storedTier(second, 'crew')).toBeUndefined();

    await orphan.getByRole('button', { name: 'Reload' }).click();
    await orphan.waitFor({ state: 'detached' });
    expect(await second.getByRole('list', { name: 'Tiers', exact: true }).getByRole('heading', { level: 3 }).allTextContents()).toEqual([
      'Fans',
      'Front Row',
    ]);
    expect((await readWorkspace(second))!.tiers.map((tier) => tier.id).sort()).toEqual(['fan', 'front-row']);
    expect(extension.errors).toEqual([]);
  });
});
