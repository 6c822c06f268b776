// The badge itself: what it shows and says, its isolation from the page, and page text kept as text.
import { afterEach, describe, expect, it } from 'vitest';
import { badgeView, createBadge, updateBadge } from '@/lib/page/badges/badge-element';
import type { Found } from '@/lib/page/badges/roster-lookup';
import { badgeLabel, badgeText, TIERS, WORDS } from './fake-roster';

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
    expect(badgeText(badge)).toBe('🥇\u00a0GOLD\u2009·\u20092');
    expect(badgeLabel(badge)).toBe('GOLD');
    // One element inside at most (the link): each costs style and layout on pages with thousands.
    expect(badge.shadowRoot!.querySelectorAll('a')).toHaveLength(1);
    expect(badge.shadowRoot!.querySelectorAll('*:not(style)')).toHaveLength(1);
    // The colours are the host's own important declarations, which no page rule beats.
    expect(badge.style.getPropertyValue('background-color')).toMatch(/^(#d4a017|rgb\(212, 160, 23\))$/);
    expect(badge.style.getPropertyPriority('background-color')).toBe('important');
    expect(badge.style.getPropertyValue('color')).toMatch(/^(#000000|rgb\(0, 0, 0\))$/);
    expect(badge.style.getPropertyPriority('color')).toBe('important');
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
    // No class on the host the page could target; its inline style holds only the tier's colours.
    expect(badge.getAttribute('class')).toBeNull();
    expect(Array.from({ length: badge.style.length }, (_, i) => badge.style.item(i)).sort()).toEqual(['background-color', 'color']);
  });

  it('carries a <style> of its own where the browser refuses to adopt a shared sheet (Firefox content scripts)', () => {
    const adopt = Object.getOwnPropertyDescriptor(ShadowRoot.prototype, 'adoptedStyleSheets');
    Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', {
      configurable: true,
      get: () => [],
      set: () => {
        throw new DOMException('Sharing constructed stylesheets across documents is not allowed', 'NotAllowedError');
      },
    });
    try {
      const badge = createBadge(document, badgeView(found(), 'mara.sings', false));
      const styles = badge.shadowRoot!.querySelectorAll('style');
      expect(styles).toHaveLength(1);
      expect(styles[0]!.textContent!.replace(/\s/g, '')).toMatch(/:host\{display:inline-block!important;/);
      expect(badgeText(badge)).toBe('🥇\u00a0GOLD\u2009·\u20092');
      // An update keeps the one <style>.
      updateBadge(badge, badgeView(found({}, { ...TIERS.Silver, level: 1 }), 'mara.sings', false));
      expect(badge.shadowRoot!.querySelectorAll('style')).toHaveLength(1);
      expect(badgeLabel(badge)).toBe('SILVER');
    } finally {
      if (adopt) Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', adopt);
      else delete (ShadowRoot.prototype as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
    }
  });

  it('says one month, the level-less badge, a nickname match and the creator where there are several', () => {
    const view = badgeView(found({ m: 1, by: 'nickname', h: undefined }, { level: 0, emoji: undefined }), 'kai.cooks', true);
    const badge = createBadge(document, view);
    expect(badge.title).toBe('@kai.cooks · Gold · 1 month · since Mar 3, 2025 · matched by nickname, which TikTok does not keep unique');
    expect(badge.getAttribute('aria-label')).toBe('@kai.cooks · Gold subscriber, level 0');
    expect(badgeText(badge)).toBe('GOLD');
    // No handle, no link: the text alone.
    expect(badge.shadowRoot!.querySelectorAll('*:not(style)')).toHaveLength(0);
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
    expect(badgeLabel(badge)).toBe(hostile);
    expect(badge.title).toContain(hostile);
  });

  it('updates in place, and leaves the DOM alone when nothing changed', () => {
    const badge = createBadge(document, badgeView(found(), 'mara.sings', false));
    const body = badge.shadowRoot!.querySelector('a');
    updateBadge(badge, badgeView(found(), 'mara.sings', false));
    expect(badge.shadowRoot!.querySelector('a')).toBe(body);
    updateBadge(badge, badgeView(found({}, { ...TIERS.Silver, level: 1 }), 'mara.sings', false));
    expect(badge.shadowRoot!.querySelector('a')).not.toBe(body);
    expect(badgeLabel(badge)).toBe('SILVER');
    expect(badge.title).toBe('Silver · 7 months · since Mar 3, 2025');
    const root = badge.shadowRoot!;
    expect(root.adoptedStyleSheets.length + root.querySelectorAll('style').length).toBe(1);
  });
});
