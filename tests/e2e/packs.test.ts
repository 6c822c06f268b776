// Badge packs between two people: the creator exports a signed pack in one browser profile, a fan
// imports it in another and sees the creator's subscribers badged on the creator's video. A tampered
// copy is refused there and changes nothing.
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, sendCommand, type Extension } from './harness';
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
  });
});
