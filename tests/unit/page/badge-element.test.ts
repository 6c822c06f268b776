// The badge itself: what it shows and says, its isolation from the page, and page text kept as text.
import { afterEach, describe, expect, it } from 'vitest';
import { badgeView, createBadge, updateBadge } from '@/lib/page/badges/badge-element';
import type { Found } from '@/lib/page/badges/roster-lookup';
import { TIERS, WORDS } from './fake-roster';

const found = (over: Partial<Found['match']> = {}, design: Partial<Found['design']> = {}, words = WORDS): Found => ({
  match: { d: 0, id: 's-fan', m: 7, s: '2025-03-03', by: 'handle', h: 'fan.one', ...over },
  design: { ...TIERS.Gold, level: 2, ...design },
  words,
});

afterEach(() => {
  document.body.innerHTML = '';
});

describe('a subscriber badge', () => {
  it('shows the emoji, label and level in the tier’s colours, with a tooltip and an accessible name', () => {
    const badge = createBadge(document, badgeView(found(), 'mara.sings', false));
    document.body.append(badge);
    expect(badge.localName).toBe('tierkit-badge');
    expect(badge.getAttribute('role')).toBe('img');
    expect(badge.getAttribute('aria-label')).toBe('Gold subscriber, level 2');
    expect(badge.title).toBe('Gold · 7 months · since Mar 3, 2025');
    expect(badge.dataset).toMatchObject({ subscriberId: 's-fan', by: 'handle', creator: 'mara.sings' });
    const root = badge.shadowRoot!;
    expect([...root.querySelectorAll('span')].map((s) => [s.className, s.textContent])).toEqual([
      ['e', '🥇'],
      ['l', 'GOLD'],
      ['v', '2'],
    ]);
    const body = root.querySelector<HTMLElement>('.b')!;
    expect(body.style.backgroundColor).toMatch(/^(#d4a017|rgb\(212, 160, 23\))$/);
    expect(body.style.color).toMatch(/^(#000000|rgb\(0, 0, 0\))$/);
  });

  it('links to the subscriber’s profile, out of the tab order, so the context menu sees the profile', () => {
    const badge = createBadge(document, badgeView(found(), 'mara.sings', false));
    const link = badge.shadowRoot!.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://www.tiktok.com/@fan.one');
    expect(link.tabIndex).toBe(-1);
    const noHandle = createBadge(document, badgeView(found({ h: undefined, by: 'nickname' }), 'mara.sings', false));
    expect(noHandle.shadowRoot!.querySelector('a')).toBeNull();
  });

  it('keeps its styles to itself and the page’s out: important :host rules, in its own shadow root', () => {
    const badge = createBadge(document, badgeView(found(), 'mara.sings', false));
    const root = badge.shadowRoot!;
    // One shared sheet where the browser lets the content script adopt it, else a <style> of its own.
    const adopted = root.adoptedStyleSheets;
    const css = adopted.length
      ? [...adopted[0]!.cssRules].map((rule) => rule.cssText).join('\n')
      : root.querySelector('style')!.textContent!;
    expect(adopted.length + root.querySelectorAll('style').length).toBe(1);
    expect(css.replace(/\s/g, '')).toMatch(/:host\{display:inline-block!important;/);
    expect(badge.shadowRoot!.mode).toBe('open');
    // No style attribute or class on the host the page could target or that could leak.
    expect(badge.getAttribute('style')).toBeNull();
    expect(badge.getAttribute('class')).toBeNull();
  });

  it('says one month, the level-less badge, a nickname match and the creator where there are several', () => {
    const view = badgeView(found({ m: 1, by: 'nickname', h: undefined }, { level: 0, emoji: undefined }), 'kai.cooks', true);
    const badge = createBadge(document, view);
    expect(badge.title).toBe('@kai.cooks · Gold · 1 month · since Mar 3, 2025 · matched by nickname, which TikTok does not keep unique');
    expect(badge.getAttribute('aria-label')).toBe('@kai.cooks · Gold subscriber, level 0');
    expect([...badge.shadowRoot!.querySelectorAll('.b span')].map((s) => s.className)).toEqual(['l']);
  });

  it('formats the date in the background’s language', () => {
    const italian = { ...WORDS, lang: 'it', tooltipOther: '{tier} · {months} mesi · dal {since}' };
    expect(badgeView(found({}, {}, italian), 'mara.sings', false).title).toBe('Gold · 7 mesi · dal 3 mar 2025');
    // A language the browser does not know still gives a badge.
    expect(badgeView(found({}, {}, { ...WORDS, lang: 'not a language!' }), 'mara.sings', false).title).toMatch(/^Gold · 7 months · since /);
  });

  it('never reads page or roster text as HTML', () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const badge = createBadge(
      document,
      badgeView(found({ id: hostile }, { label: hostile, tierName: hostile, emoji: '<b>' }), 'mara.sings', false),
    );
    expect(badge.shadowRoot!.querySelector('img, b')).toBeNull();
    expect(badge.shadowRoot!.querySelector('.l')!.textContent).toBe(hostile);
    expect(badge.title).toContain(hostile);
  });

  it('updates in place, and leaves the DOM alone when nothing changed', () => {
    const badge = createBadge(document, badgeView(found(), 'mara.sings', false));
    const body = badge.shadowRoot!.querySelector('.b');
    updateBadge(badge, badgeView(found(), 'mara.sings', false));
    expect(badge.shadowRoot!.querySelector('.b')).toBe(body);
    updateBadge(badge, badgeView(found({}, { ...TIERS.Silver, level: 1 }), 'mara.sings', false));
    expect(badge.shadowRoot!.querySelector('.b')).not.toBe(body);
    expect(badge.shadowRoot!.querySelector('.l')!.textContent).toBe('SILVER');
    expect(badge.title).toBe('Silver · 7 months · since Mar 3, 2025');
    const root = badge.shadowRoot!;
    expect(root.adoptedStyleSheets.length + root.querySelectorAll('style').length).toBe(1);
  });
});
