// The built extension starts in a real Chromium: the background runs, the popup greets a new creator
// with onboarding, the options page opens, and both look right in light and dark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, screenshot, waitForFirstRender, type ColorScheme, type Extension } from './harness';
import { seedSampleOffer } from './seed';

describe('the built extension on a fresh profile', () => {
  let extension: Extension;
  beforeAll(async () => {
    extension = await launchExtension();
  });
  afterAll(async () => {
    await extension?.close();
  });

  it('starts its service worker', () => {
    expect(extension.id).toMatch(/^[a-p]{32}$/);
    expect(extension.serviceWorker.url()).toBe(`chrome-extension://${extension.id}/background.js`);
  });

  it('shows onboarding in the popup: a heading and the profile form', async () => {
    const popup = await extension.openPopup();
    await waitForFirstRender(popup);
    await popup.getByRole('heading').first().waitFor();
    await popup.locator('form').getByRole('textbox').first().waitFor();
    await popup.close();
  });

  it('opens the options page with its navigation', async () => {
    const options = await extension.openOptions();
    await waitForFirstRender(options);
    await options.getByRole('navigation').waitFor();
    expect(await options.getByRole('navigation').getByRole('link').count()).toBeGreaterThanOrEqual(5);
    await options.close();
  });

  for (const colorScheme of ['light', 'dark'] as ColorScheme[]) {
    it(`renders popup and options in the ${colorScheme} theme`, async () => {
      const popup = await extension.openPopup({ colorScheme });
      await waitForFirstRender(popup);
      await screenshot(popup, `popup-${colorScheme}`);
      const background = await popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await popup.close();

      const options = await extension.openOptions({ colorScheme });
      await waitForFirstRender(options);
      await screenshot(options, `options-${colorScheme}`);
      await options.close();

      // Dark means a dark page: every channel of the body's background below the middle.
      const channels = background.match(/\d+/g)!.slice(0, 3).map(Number);
      expect(channels.every((c) => (colorScheme === 'dark' ? c < 128 : c >= 128))).toBe(true);
    });
  }

  it('shows an offer sent to the background in the popup and the options page', async () => {
    const popup = await extension.openPopup();
    await waitForFirstRender(popup);
    await seedSampleOffer(popup);
    for (const name of ['Fan', 'Crew', 'Front Row']) {
      await popup.getByText(name, { exact: true }).first().waitFor();
    }
    for (const colorScheme of ['light', 'dark'] as ColorScheme[]) {
      await popup.emulateMedia({ colorScheme });
      await screenshot(popup, `popup-tiers-${colorScheme}`);
    }
    await popup.close();

    const options = await extension.openOptions();
    await waitForFirstRender(options);
    for (const name of ['Fan', 'Crew', 'Front Row']) {
      await options.getByText(name, { exact: true }).first().waitFor();
    }
    await screenshot(options, 'options-tiers-light');
    await options.close();
  });

  it('logged no errors on its pages or in its service worker', () => {
    expect(extension.errors).toEqual([]);
  });
});
