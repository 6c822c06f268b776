// The Firefox build (MV2) in Debian's Firefox ESR: its background answers the options page, and a
// subscriber's badge shows on a TikTok video, styled and isolated as in Chromium. See firefox.ts.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, type Firefox } from './firefox';

const fixtures = resolve(import.meta.dirname, '../fixtures/pages');
const VIDEO = '/@mara.sings/video/7301234567890123456';
const LIVE = '/@mara.sings/live';

interface ShownBadge {
  near: string | null;
  by: string | undefined;
  creator: string | undefined;
  text: string;
  title: string;
  /** The shared sheet adopted, or a <style> of its own. */
  styled: boolean;
  display: string;
  background: string;
}

const readBadges = `[...document.querySelectorAll('tierkit-badge')].map((b) => ({
  near: b.previousElementSibling?.getAttribute('href') ?? b.previousElementSibling?.getAttribute('title') ?? null,
  by: b.dataset.by,
  creator: b.dataset.creator,
  text: (b.shadowRoot.querySelector('a') ?? b.shadowRoot).lastChild.textContent,
  title: b.title,
  styled: b.shadowRoot.adoptedStyleSheets.length + b.shadowRoot.querySelectorAll('style').length === 1,
  display: getComputedStyle(b).display,
  background: getComputedStyle(b).backgroundColor,
}))`;

let firefox: Firefox;

async function send(message: object): Promise<{ ok: boolean; data?: any }> {
  return firefox.evaluate(firefox.options, `browser.runtime.sendMessage(${JSON.stringify(message)})`);
}

async function badgesIn(tab: string, count: number): Promise<ShownBadge[]> {
  for (let i = 0; i < 100; i++) {
    const badges = await firefox.evaluate<ShownBadge[]>(tab, readBadges);
    if (badges.length >= count) return badges;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Expected ${count} badges in ${tab}`);
}

beforeAll(async () => {
  firefox = await launchFirefox();
  const profile = { handle: 'mara.sings', displayName: 'Mara Sings', market: 'IT', currency: 'EUR', age: { kind: 'confirmed-adult' } };
  expect(await send({ type: 'command', command: { type: 'profile.save', profile } })).toEqual({ ok: true });
  const tier = { name: 'Gold', priceMinor: 499, currency: 'EUR', description: '', perkIds: [], includesLowerTiers: true, badge: { label: 'GLD', color: '#ffcc00', emoji: '⭐' }, tenureSteps: [1, 3, 6] };
  expect(await send({ type: 'command', command: { type: 'tier.save', tier } })).toEqual({ ok: true });
  const tierId = await firefox.evaluate<string>(firefox.options, `browser.storage.local.get('workspace').then((s) => s.workspace.workspace.tiers[0].id)`);
  for (const subscriber of [
    { handle: 'fan.one', nickname: 'Fan One', tierId, since: '2025-03-03' },
    { handle: 'night_owl.22', nickname: 'Night Owl', tierId, since: '2025-09-20' },
  ]) {
    expect((await send({ type: 'roster.save', subscriber })).ok).toBe(true);
  }
  await firefox.serveTikTok({
    [VIDEO]: readFileSync(join(fixtures, 'video-2025.html'), 'utf8'),
    [LIVE]: readFileSync(join(fixtures, 'live-2025.html'), 'utf8'),
  });
});

afterAll(async () => {
  await firefox?.close();
});

describe('in Firefox ESR', () => {
  it('badges comment authors who subscribe on a video, never a mention, with the page’s styles kept out', async () => {
    const tab = await firefox.open(`https://www.tiktok.com${VIDEO}`);
    const badges = await badgesIn(tab, 2);
    expect(badges.map((b) => [b.near, b.creator, b.by])).toEqual([
      ['/@Fan.One', 'mara.sings', 'handle'],
      ['/@night_owl.22', 'mara.sings', 'handle'],
    ]);
    expect(badges[0]!.text).toMatch(/^⭐\u00a0GLD\u2009·\u2009\d$/);
    expect(badges[0]!.title).toMatch(/^Gold · \d+ months · since Mar 3, 2025$/);
    expect(badges.every((b) => b.styled && b.display === 'inline-block' && b.background === 'rgb(255, 204, 0)')).toBe(true);
    // A page rule aimed at the badge loses to its own.
    const attacked = await firefox.evaluate<{ display: string; background: string }>(
      tab,
      `(() => {
        const style = document.createElement('style');
        style.textContent = 'tierkit-badge, a { display: none !important; background: rgb(255, 0, 0) !important }';
        document.head.append(style);
        const badge = document.querySelector('tierkit-badge');
        return { display: getComputedStyle(badge).display, background: getComputedStyle(badge).backgroundColor };
      })()`,
    );
    expect(attacked).toEqual({ display: 'inline-block', background: 'rgb(255, 204, 0)' });
  });

  it('badges LIVE chat senders by nickname', async () => {
    const tab = await firefox.open(`https://www.tiktok.com${LIVE}`);
    const badges = await badgesIn(tab, 2);
    expect(badges.map((b) => [b.creator, b.by])).toEqual([
      ['mara.sings', 'nickname'],
      ['mara.sings', 'nickname'],
    ]);
    expect(badges[0]!.title).toMatch(/matched by nickname/);
  });

  it('logs no errors in any tab', () => {
    expect(firefox.errors).toEqual([]);
  });
});
