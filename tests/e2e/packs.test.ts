// Badge packs between two people: the creator exports a signed pack in one browser profile, a fan
// imports it in another and sees the creator's subscribers badged on the creator's video. A tampered
// copy is refused there and changes nothing; a pack from another key claiming the same creator is
// held apart until the fan chooses, and its badges do not show meanwhile.
import AxeBuilder from '@axe-core/playwright';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSigningKey, fingerprint as keyFingerprint, serializePack, signPack } from '@/lib/packs/keys';
import { launchExtension, screenshot, sendCommand, type ColorScheme, type Extension } from './harness';
import { createCreator, MARA, openTikTok, serveTikTokPages } from './tiktok';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const VIDEO = `${MARA}/video/7301234567890123456`;
let creator: Extension;
let fan: Extension;

beforeAll(async () => {
  [creator, fan] = await Promise.all([launchExtension(), launchExtension()]);
});
afterAll(async () => {
  await Promise.all([creator?.close(), fan?.close()]);
});

describe('a badge pack from one browser profile to another', () => {
  let packFile = '';
  let fingerprint = '';

  it('the creator exports a signed pack of their active subscribers', async () => {
    const options = await creator.openOptions();
    await createCreator(options);
    await sendCommand(options, {
      type: 'tier.save',
      tier: { name: 'Gold', priceMinor: 499, currency: 'EUR', description: '', perkIds: [], includesLowerTiers: true, badge: { label: 'GLD', color: '#ffcc00', emoji: '⭐' }, tenureSteps: [1, 3, 6] },
    });
    const save = (subscriber: Record<string, unknown>) =>
      options.evaluate((subscriber) => chrome.runtime.sendMessage({ type: 'roster.save', subscriber }), subscriber);
    const tierId = await options.evaluate(async () => {
      const stored = (await (chrome as any).storage.local.get('workspace')).workspace;
      return stored.workspace.tiers[0].id as string;
    });
    expect(await save({ handle: 'fan.one', nickname: 'Fan One', tierId, since: '2025-06-01', note: 'private note' })).toMatchObject({ ok: true });
    expect(await save({ handle: 'night_owl.22', tierId, since: '2025-01-01', status: 'lapsed' })).toMatchObject({ ok: true });

    await options.goto(`chrome-extension://${creator.id}/options.html#badges`);
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export badge pack' }).click();
    packFile = join(tmpdir(), `pack-${Date.now()}.json`);
    await (await download).saveAs(packFile);
    await expect.poll(() => options.getByText(/Saved .* with 1 subscriber\./).count()).toBe(1);

    const text = await readFile(packFile, 'utf8');
    const pack = JSON.parse(text);
    expect(pack.creator).toEqual({ handle: 'mara.sings', displayName: 'Mara Sings' });
    expect(pack.subscribers).toEqual([{ handle: 'fan.one', nickname: 'Fan One', tierId, since: '2025-06-01' }]);
    expect(text).not.toContain('private note');
    fingerprint = (await options.locator('.pack-fingerprint').first().textContent())?.trim() ?? '';
    expect(fingerprint).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){7,}$/);
  });

  it('a fan refuses a tampered copy, imports the real one, and sees the badges on the creator’s video', async () => {
    const options = await fan.openOptions();
    await options.goto(`chrome-extension://${fan.id}/options.html#badges`);
    const text = await readFile(packFile, 'utf8');

    const tampered = join(tmpdir(), `tampered-${Date.now()}.json`);
    await writeFile(tampered, text.replace('"since":"2025-06-01"', '"since":"2020-06-01"'));
    await options.getByLabel('Badge pack file').setInputFiles(tampered);
    await expect.poll(() => options.locator('.import-refused').textContent()).toMatch(/signature/i);
    expect(await options.getByRole('list', { name: 'Imported badge packs' }).count()).toBe(0);

    await options.getByLabel('Badge pack file').setInputFiles(packFile);
    const list = options.getByRole('list', { name: 'Imported badge packs' });
    await expect.poll(() => list.textContent()).toContain('@mara.sings');
    expect(await list.textContent()).toContain(fingerprint);

    await serveTikTokPages(fan, { '/@mara.sings/video/7301234567890123456': 'video-2025' });
    const errors: string[] = [];
    const page = await openTikTok(fan, VIDEO, errors);
    await page.bringToFront();
    const badge = page.locator('tierkit-badge[data-by="handle"]').first();
    await expect.poll(() => badge.getAttribute('aria-label'), { timeout: 20_000 }).toMatch(/Gold/);
    // Only fan.one is in the pack: the lapsed subscriber and everyone else show nothing.
    const badged = await page.locator('tierkit-badge').evaluateAll((badges) =>
      badges.map((b) => b.closest('[data-e2e^="comment-username"]')?.querySelector('a')?.getAttribute('href') ?? b.parentElement?.querySelector('a')?.getAttribute('href')),
    );
    expect(new Set(badged.map((href) => href?.toLowerCase()))).toEqual(new Set(['/@fan.one']));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('holds an impostor’s pack apart: its badges do not show, the real ones do, and the fan resolves it by keyboard', async () => {
    // Another key claims mara.sings, dated after the real pack, badging people on the same video.
    const key = await createSigningKey();
    const signed = await signPack(
      {
        creator: { handle: 'mara.sings', displayName: 'Mara Sings' },
        issuedAt: new Date(Date.now() + 60_000).toISOString(),
        tiers: [{ id: 'fake', name: 'Impostor tier', badge: { label: 'FAKE', color: '#ff0050' }, tenureSteps: [1] }],
        subscribers: ['fan.one', 'night_owl.22', 'quiet.corner'].map((handle) => ({ handle, tierId: 'fake', since: '2024-01-01' })),
      },
      key.privateKey,
      key.publicJwk,
    );
    if (!signed.ok) throw new Error(JSON.stringify(signed.problems));
    const impostorFingerprint = await keyFingerprint(key.publicJwk);
    const impostorFile = join(tmpdir(), `impostor-${Date.now()}.json`);
    await writeFile(impostorFile, serializePack(signed.pack));

    const options = await fan.openOptions();
    await options.goto(`chrome-extension://${fan.id}/options.html#badges`);
    await options.getByLabel('Badge pack file').setInputFiles(impostorFile);
    const conflicts = options.getByRole('list', { name: 'Two keys claim one creator' });
    await conflicts.waitFor();
    expect(await options.getByText(/^This pack claims @mara\.sings, whose badges already come from another key/).textContent()).toContain(fingerprint);
    const conflictText = await conflicts.textContent();
    expect(conflictText).toContain(fingerprint);
    expect(conflictText).toContain(impostorFingerprint);
    expect(await options.getByRole('list', { name: 'Imported badge packs' }).getByRole('listitem').count()).toBe(1);

    // On the creator's video: the real pack's badge, and nothing from the impostor's.
    const errors: string[] = [];
    const page = await openTikTok(fan, VIDEO, errors);
    await page.bringToFront();
    expect(await badgesOn(page)).toEqual({ '/@fan.one': expect.stringMatching(/^Gold/) });

    // Both themes, and the dialog open, pass axe's WCAG 2.1 AA checks.
    await options.bringToFront();
    const keep = options.getByRole('button', { name: 'Keep trusted key for @mara.sings and discard the other pack' });
    expect(await seriousViolations(options, 'packs-conflict')).toEqual([]);

    // By keyboard: the button, then the dialog (Cancel has the focus), Tab to Discard, Enter.
    await keep.focus();
    await options.keyboard.press('Enter');
    const dialog = options.getByRole('dialog', { name: 'Discard the pack held apart for @mara.sings?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(impostorFingerprint);
    expect(await seriousViolations(options, 'packs-conflict-dialog')).toEqual([]);
    expect(await options.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await options.keyboard.press('Tab');
    expect(await options.evaluate(() => document.activeElement?.textContent)).toBe('Discard pack');
    await options.keyboard.press('Enter');
    await options.getByText('Discarded the pack held apart for @mara.sings.').waitFor();
    await conflicts.waitFor({ state: 'detached' });
    expect(await options.getByRole('list', { name: 'Imported badge packs' }).textContent()).toContain(fingerprint);

    await page.reload();
    expect(await badgesOn(page)).toEqual({ '/@fan.one': expect.stringMatching(/^Gold/) });

    // Held again when imported again; trusted deliberately, the new key's pack replaces the old key's.
    await options.getByLabel('Badge pack file').setInputFiles(impostorFile);
    await options.getByRole('button', { name: 'Trust new key for @mara.sings' }).click();
    await options.getByRole('dialog', { name: 'Trust the new key for @mara.sings?' }).getByRole('button', { name: 'Trust new key' }).click();
    await options.getByText(`The badges of @mara.sings now come from the key ${impostorFingerprint}.`).waitFor();
    await page.bringToFront();
    await page.reload();
    expect(await badgesOn(page, 3)).toEqual({
      '/@fan.one': expect.stringMatching(/^Impostor tier/),
      '/@night_owl.22': expect.stringMatching(/^Impostor tier/),
      '/@quiet.corner': expect.stringMatching(/^Impostor tier/),
    });
    expect(errors).toEqual([]);
    await Promise.all([page.close(), options.close()]);
    // Four axe audits, two page loads and two imports: about 40 s here, so a slow CI runner gets room.
  }, 180_000);
});

/**
 * Each badged author's profile link on the video, with the badge's accessible name, once `count`
 * authors are badged. The page looks all of its authors up in one batch, so the first badge means every
 * answer is in; the badges then go in by chunks, so the count is awaited.
 */
async function badgesOn(page: Page, count = 1): Promise<Record<string, string>> {
  const read = () =>
    page.locator('tierkit-badge').evaluateAll((badges) =>
      badges.map((b) => [
        (b.closest('[data-e2e^="comment-username"]')?.querySelector('a') ?? b.parentElement?.querySelector('a'))?.getAttribute('href')?.toLowerCase() ?? '',
        b.getAttribute('aria-label') ?? '',
      ]),
    );
  await expect.poll(async () => new Set((await read()).map(([href]) => href)).size, { timeout: 10_000 }).toBe(count);
  return Object.fromEntries(await read());
}

/** axe's serious and critical WCAG 2.1 AA findings on the page, in light and dark; screenshots of both. */
async function seriousViolations(page: Page, name: string): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as ColorScheme[]) {
    await page.emulateMedia({ colorScheme });
    await screenshot(page, `${name}-${colorScheme}`);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    for (const violation of results.violations) {
      if (violation.impact === 'serious' || violation.impact === 'critical') {
        found.push(`${colorScheme}: ${violation.id} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
      }
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}
