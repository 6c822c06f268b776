// The Firefox build (MV2) in Debian's Firefox ESR: its background answers the options page; badges
// show on a TikTok video, in a LIVE chat, in the feed and on a profile, styled and isolated as in
// Chromium, and follow comments whose nodes the page reuses; packs are signed with the key it keeps
// and checked with Firefox's WebCrypto. See firefox.ts.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TENURE_STEPS } from '@/lib/domain/schema';
import { createSigningKey, serializePack, signPack } from '@/lib/packs/keys';
import { verifyPack } from '@/lib/packs/verify';
import { zipSync } from 'fflate';
import { zipBomb } from '../unit/parsers/lying-zips';
import { daysEnding, encode, followerHistoryCsv, overviewCsv } from '../unit/parsers/studio-fixtures';
import { launchFirefox, type Firefox } from './firefox';
import { until } from './tiktok';

const fixtures = resolve(import.meta.dirname, '../fixtures/pages');
const VIDEO = '/@mara.sings/video/7301234567890123456';
const LIVE = '/@mara.sings/live';
const KAI_VIDEO = '/@kai.cooks/video/7301234567890123999';
const FEED = '/foryou';
const LENA = '/@lena.paints';
const page = (name: string) => readFileSync(join(fixtures, `${name}.html`), 'utf8');
/** What tiktok.com serves; a test may add pages. */
const served: Record<string, string> = { [VIDEO]: page('video-2025'), [LIVE]: page('live-2025') };

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

const badgesIn = (tab: string, count: number) =>
  until(() => firefox.evaluate<ShownBadge[]>(tab, readBadges), (badges) => badges.length >= count, `${count} badges`);

beforeAll(async () => {
  firefox = await launchFirefox();
  const profile = { handle: 'mara.sings', displayName: 'Mara Sings', market: 'IT', currency: 'EUR', age: { kind: 'confirmed-adult' } };
  expect(await send({ type: 'command', command: { type: 'profile.save', profile } })).toMatchObject({ ok: true });
  const tier = { name: 'Gold', priceMinor: 499, currency: 'EUR', description: '', perkIds: [], includesLowerTiers: true, badge: { label: 'GLD', color: '#ffcc00', emoji: '⭐' }, tenureSteps: [1, 3, 6] };
  expect(await send({ type: 'command', command: { type: 'tier.save', tier } })).toMatchObject({ ok: true });
  const tierId = await firefox.evaluate<string>(firefox.options, `browser.storage.local.get('workspace').then((s) => s.workspace.workspace.tiers[0].id)`);
  for (const subscriber of [
    { handle: 'fan.one', nickname: 'Fan One', tierId, since: '2025-03-03' },
    { handle: 'night_owl.22', nickname: 'Night Owl', tierId, since: '2025-09-20' },
  ]) {
    expect((await send({ type: 'roster.save', subscriber })).ok).toBe(true);
  }
  await firefox.serveTikTok(served);
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

  it('keeps each comment’s badge with the author its reused nodes name now, and removes copied badges', async () => {
    const tab = await firefox.open(`https://www.tiktok.com${VIDEO}`);
    await badgesIn(tab, 2);
    // React reuses the nodes of rendered comments for other authors (new href and name text, same
    // elements): Fan One's comment now shows a stranger, the stranger's Fan One. Then the page copies
    // that row (cloneNode keeps the <tierkit-badge>, not its shadow root).
    await firefox.evaluate(
      tab,
      `(() => {
        const names = [...document.querySelectorAll('[data-e2e="comment-username-1"]')];
        const reuse = (name, handle, nickname) => {
          name.querySelector('a').setAttribute('href', '/@' + handle);
          name.querySelector('p').firstChild.nodeValue = nickname;
        };
        reuse(names[0], 'quiet.corner', 'Quiet Corner');
        reuse(names[1], 'fan.one', 'Fan One');
        const list = document.querySelector('[class*="DivCommentListContainer"]');
        list.append(list.lastElementChild.cloneNode(true));
      })()`,
    );
    // Each badge as [the link it follows, its creator], or 'copy' for one without its shadow root.
    const shown = `[...document.querySelectorAll('tierkit-badge')].map((b) =>
      b.shadowRoot && b.shadowRoot.textContent ? [b.previousElementSibling?.getAttribute('href'), b.dataset.creator] : 'copy')`;
    const expected = [
      ['/@night_owl.22', 'mara.sings'],
      ['/@fan.one', 'mara.sings'],
      ['/@fan.one', 'mara.sings'],
    ];
    await until(
      () => firefox.evaluate<unknown[]>(tab, shown),
      (badges) => JSON.stringify(badges) === JSON.stringify(expected),
      `badges ${JSON.stringify(expected)}`,
    );
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

  it('signs its own pack with the key it keeps, and shows the badges of a pack signed elsewhere', async () => {
    // Export: a key made and kept in IndexedDB, then a signature Node's WebCrypto accepts.
    const exported = await send({ type: 'pack.export' });
    expect(exported.ok).toBe(true);
    const verified = await verifyPack(exported.data.text);
    expect(verified.ok).toBe(true);
    expect(JSON.parse(exported.data.text).subscribers.map((s: { handle: string }) => s.handle)).toEqual(['fan.one', 'night_owl.22']);

    // Import: kai.cooks's pack, signed here, checked by Firefox's WebCrypto.
    const key = await createSigningKey();
    const signed = await signPack(
      {
        creator: { handle: 'kai.cooks', displayName: 'Kai Cooks' },
        issuedAt: new Date().toISOString(),
        tiers: [{ id: 'spoon', name: 'Spoon', badge: { label: 'SPN', color: '#ff8800', emoji: '🥄' }, tenureSteps: DEFAULT_TENURE_STEPS }],
        subscribers: [
          { handle: 'fan.one', tierId: 'spoon', since: '2025-08-10' },
          { handle: 'lena.paints', tierId: 'spoon', since: '2025-08-10' },
        ],
      },
      key.privateKey,
      key.publicJwk,
    );
    if (!signed.ok) throw new Error(JSON.stringify(signed.problems));
    const text = serializePack(signed.pack);
    const tampered = text.replace('"fan.one"', '"fan.two"');
    const refused = (await send({ type: 'pack.import', fileName: 'kai.cooks.tierkit-pack', text: tampered })) as { ok: boolean; problems?: { message: string }[] };
    expect(refused.ok).toBe(false);
    expect(refused.problems?.[0]?.message).toMatch(/signature/i);
    expect(await send({ type: 'pack.import', fileName: 'kai.cooks.tierkit-pack', text })).toMatchObject({ ok: true, data: { action: 'add' } });

    served[KAI_VIDEO] = page('video-2025');
    const tab = await firefox.open(`https://www.tiktok.com${KAI_VIDEO}`);
    const badges = await badgesIn(tab, 1);
    expect(badges.map((b) => [b.near, b.creator, b.text.split('\u2009')[0]])).toEqual([['/@Fan.One', 'kai.cooks', '🥄\u00a0SPN']]);
  });

  it('shows the popup and the options page: the creator’s tier, its badge and the roster', async () => {
    const popup = await firefox.openExtensionPage('popup.html');
    const tier = await until(
      () => firefox.evaluate<string>(popup, `document.body.innerText`),
      (text) => text.includes('Gold'),
      'the tier in the popup',
    );
    expect(tier).toContain('Mara Sings');
    const roster = await firefox.openExtensionPage('options.html#subscribers');
    const rows = await until(
      () => firefox.evaluate<string[]>(roster, `[...document.querySelectorAll('[role="row"][aria-rowindex]:not([aria-rowindex="1"])')].map((row) => row.textContent)`),
      (found) => found.length === 2,
      'two roster rows',
    );
    expect(rows.join(' ')).toMatch(/fan\.one.*night_owl\.22/s);
  });

  it('badges feed authors for every creator, naming it, comments for the item’s author, and a subscriber’s profile header once per creator', async () => {
    served[FEED] = page('foryou-2025');
    const feed = await firefox.open(`https://www.tiktok.com${FEED}`);
    const inFeed = await badgesIn(feed, 3);
    // lena.paints is in kai.cooks's pack; fan.one comments on mara.sings's item; night_owl.22 posts.
    expect(inFeed.map((b) => [b.near, b.creator])).toEqual([
      ['/@lena.paints', 'kai.cooks'],
      ['/@Fan.One', 'mara.sings'],
      ['/@Night_Owl.22', 'mara.sings'],
    ]);
    // Feed authors' badges name their creator; a comment's is for the item's author alone.
    expect(inFeed[0]!.title).toMatch(/^@kai\.cooks · Spoon · \d+ months? · since Aug 10, 2025$/);
    expect(inFeed[1]!.title).toMatch(/^Gold · \d+ months? · since Mar 3, 2025$/);
    expect(inFeed[2]!.title).toMatch(/^@mara\.sings · Gold · \d+ months? · since Sep 20, 2025$/);

    const tierId = await firefox.evaluate<string>(firefox.options, `browser.storage.local.get('workspace').then((s) => s.workspace.workspace.tiers[0].id)`);
    const saved = await send({ type: 'roster.save', subscriber: { handle: 'lena.paints', nickname: 'Lena', tierId, since: '2025-05-05' } });
    expect(saved.ok).toBe(true);
    served[LENA] = page('profile-other-2025');
    const profile = await firefox.open(`https://www.tiktok.com${LENA}`);
    const header = await badgesIn(profile, 2);
    expect(header.map((b) => [b.creator, b.by, b.text.split('\u2009')[0]])).toEqual([
      ['mara.sings', 'handle', '⭐\u00a0GLD'],
      ['kai.cooks', 'handle', '🥄\u00a0SPN'],
    ]);
  });

  it('reads Studio exports in its worker: an honest ZIP previewed, a forged one refused by name', async () => {
    const tab = await firefox.openExtensionPage('options.html#eligibility');
    await until(() => firefox.evaluate<boolean>(tab, `!!document.querySelector('.elig-drop')`), (found) => found, 'the Studio import');
    // A file dropped on the drop zone, as a person drags it from their files.
    const drop = (name: string, bytes: Uint8Array) =>
      firefox.evaluate(
        tab,
        `(() => {
          const bytes = Uint8Array.from(atob(${JSON.stringify(Buffer.from(bytes).toString('base64'))}), (c) => c.charCodeAt(0));
          const data = new DataTransfer();
          data.items.add(new File([bytes], ${JSON.stringify(name)}, { type: 'application/zip' }));
          document.querySelector('.elig-drop').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
        })()`,
      );
    const days = daysEnding('2025-03-31', 365);
    await drop('Overview_2025-03-31_1743379200_mara.sings.zip', zipSync({ 'Overview.csv': encode(overviewCsv(days)), 'FollowerHistory.csv': encode(followerHistoryCsv(days)) }));
    const preview = await until(
      () => firefox.evaluate<string>(tab, `document.querySelector('[aria-label="Files read"]')?.textContent ?? ''`),
      (text) => text.includes('FollowerHistory.csv'),
      'the preview',
    );
    expect(preview).toContain('Overview_2025-03-31_1743379200_mara.sings.zip › Overview.csv: daily video views, 365 days');

    await drop('forged.zip', zipBomb(400_000));
    // The problem table's rows for the file: file, row, column, problem.
    const refusal = await until(
      () =>
        firefox.evaluate<string[][]>(
          tab,
          `[...document.querySelectorAll('tbody tr')].map((row) => [...row.cells].map((cell) => cell.textContent)).filter((cells) => cells[0] === 'forged.zip')`,
        ),
      (rows) => rows.length > 0,
      'the refusal',
    );
    expect(refusal).toEqual([
      ['forged.zip', '—', '—', 'Overview.csv in forged.zip expands past the 1,000 bytes it declares, so it was not opened: the archive is damaged or forged'],
    ]);
  });

  it('logs no errors in any tab', () => {
    expect(firefox.errors).toEqual([]);
  });
});
