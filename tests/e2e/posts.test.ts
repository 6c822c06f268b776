// The log of subscriber-only posts end to end, in Chromium with the built extension: the creator logs a
// post in the options page and sees it listed; logging the same video again keeps one; another
// creator's video is refused beside its field. Found by roles and labels, as a person finds them.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, screenshot, type Extension } from './harness';
import { openOptionsAsCreator } from './tiktok';

const POLL = { timeout: 20_000, interval: 100 };
const OWN_VIDEO = 'https://www.tiktok.com/@mara.sings/video/7301234567890123456';

describe('logging subscriber-only posts in the options page', () => {
  let extension: Extension;
  let options: Page;
  beforeAll(async () => {
    extension = await launchExtension();
    options = await openOptionsAsCreator(extension);
    await options.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Eligibility' }).click();
    await options.getByRole('heading', { level: 2, name: 'Subscriber-only posts' }).waitFor();
  });
  afterAll(async () => {
    await extension?.close();
  });

  const panel = () => options.getByRole('region', { name: 'Subscriber-only posts' });
  const rows = () => panel().getByRole('list', { name: 'Logged posts, newest first' }).getByRole('listitem');

  it('lists a logged post, keeps one for the same video logged twice, and refuses another creator’s video', async () => {
    await panel().getByText(/No posts logged yet/).waitFor();
    await panel().getByLabel('Day').fill('2026-01-15');
    await panel().getByLabel('Title').fill('Studio tour');
    await panel().getByLabel('Link to your video').fill(OWN_VIDEO);
    await panel().getByRole('button', { name: 'Log post' }).click();
    await expect.poll(() => rows().count(), POLL).toBe(1);
    expect(await rows().first().textContent()).toContain('Studio tour');
    const link = rows().first().getByRole('link', { name: 'Open video' });
    expect(await link.getAttribute('href')).toBe(OWN_VIDEO);
    expect(await link.getAttribute('rel')).toContain('noopener');

    await panel().getByLabel('Link to your video').fill(`${OWN_VIDEO}?is_from_webapp=1`);
    await panel().getByRole('button', { name: 'Log post' }).click();
    await panel().getByText('This video was logged already: it still counts once.').waitFor();
    expect(await rows().count()).toBe(1);
    // Logged again without a title, the post keeps the one it had.
    expect(await rows().first().textContent()).toContain('Studio tour');

    const field = panel().getByLabel('Link to your video');
    await field.fill('https://www.tiktok.com/@lena.paints/video/42');
    await panel().getByRole('button', { name: 'Log post' }).click();
    await panel().getByText('This video is @lena.paints’s: only your own (@mara.sings) videos count').waitFor();
    await expect.poll(() => field.getAttribute('aria-invalid'), POLL).toBe('true');
    expect(await rows().count()).toBe(1);
    await screenshot(options, 'options-posts-light');
    expect(extension.errors).toEqual([]);
  });
});
