// A subscriber badge as the page shows it: a <tierkit-badge> host (a valid custom element name, never
// registered: content scripts have no customElements registry) with an open shadow root that holds its
// own styles. Its `:host` rules, all !important, keep the page's styles off the host (important
// declarations of a shadow tree win over the page's) and set every inherited text property; the
// shadow boundary keeps the badge's styles in.
// Every text from the page or the roster is set with textContent, never parsed as HTML.
import { markOwn } from '../own-nodes';
import type { Found } from './roster-lookup';

export const BADGE_TAG = 'tierkit-badge';

/** Everything a badge shows and says. */
export interface BadgeView {
  subscriberId: string;
  by: 'handle' | 'nickname';
  /** The creator whose subscriber this is. */
  creator: string;
  /** The subscriber's handle, when known: the badge links to the profile (the context menu reads it). */
  handle?: string;
  emoji?: string;
  label: string;
  color: string;
  textColor: string;
  level: number;
  /** Tooltip and accessible name. */
  title: string;
  name: string;
}

// Everything is styled on the host: its `:host` rules pin the box and every inherited text property
// with !important (a shadow tree's important declarations win over the page's), and the tier's colours
// are the host's own inline !important declarations (element-attached: no page rule beats them; a
// `:host` rule would, so it sets no colour). Inside, the text alone, or one link holding it. Each
// element of a badge is styled and laid out 1,667 times on a 5,000-comment page: the earlier body with
// a span each for emoji, label and level made its style and layout half as slow again (bench). Not
// `all: initial`, which made it several times slower; inline-block, not flex: a badge is one line.
const STYLE = `:host{display:inline-block!important;position:static!important;float:none!important;margin:0 0 0 4px!important;padding:1px 6px!important;border:0!important;border-radius:999px!important;background-image:none!important;width:auto!important;height:auto!important;min-width:0!important;max-width:none!important;vertical-align:middle!important;transform:none!important;opacity:1!important;visibility:visible!important;filter:none!important;overflow:visible!important;box-shadow:none!important;outline:0!important;font:700 11px/16px system-ui,-apple-system,"Segoe UI",sans-serif!important;letter-spacing:.02em!important;word-spacing:normal!important;text-transform:none!important;text-indent:0!important;text-shadow:none!important;text-align:start!important;white-space:nowrap!important;cursor:default!important}
a{color:inherit;text-decoration:none;cursor:pointer}`;

/** Templates split once into text and {placeholder} names: a page fills thousands of them. */
const templates = new Map<string, string[]>();
function fill(template: string, values: Record<string, string>): string {
  let parts = templates.get(template);
  if (!parts) templates.set(template, (parts = template.split(/\{(\w+)\}/)));
  let text = '';
  for (let i = 0; i < parts.length; i++) text += i % 2 ? (values[parts[i]!] ?? `{${parts[i]}}`) : parts[i];
  return text;
}

interface LanguageFormats {
  /** 'YYYY-MM-DD' as the language writes a date ("Mar 3, 2025"). */
  day(day: string): string;
  /** Whether a count takes the singular ("1 month"). */
  one(count: number): boolean;
}

const languages = new Map<string, LanguageFormats>();

/** Made once per language, each date and count worded once: a formatter costs more than a badge. */
function formatsFor(lang: string): LanguageFormats {
  const known = languages.get(lang);
  if (known) return known;
  let date: Intl.DateTimeFormat;
  let plural: Intl.PluralRules;
  try {
    date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
    plural = new Intl.PluralRules(lang);
  } catch {
    // A language tag the browser rejects: its default locale, rather than no badge.
    date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
    plural = new Intl.PluralRules(undefined);
  }
  const days = new Map<string, string>();
  const ones = new Map<number, boolean>();
  const formats: LanguageFormats = {
    day(day) {
      let text = days.get(day);
      if (text === undefined) {
        const [year, month, dayOfMonth] = day.split('-').map(Number);
        days.set(day, (text = date.format(Date.UTC(year!, month! - 1, dayOfMonth!))));
      }
      return text;
    },
    one(count) {
      let one = ones.get(count);
      if (one === undefined) ones.set(count, (one = plural.select(count) === 'one'));
      return one;
    },
  };
  languages.set(lang, formats);
  return formats;
}

/**
 * The badge for a lookup's answer. `showCreator` prefixes the tooltip and name with the creator, where
 * the page has no single creator (the feed, a profile header): "@mara.sings · Gold · 7 months · …".
 */
export function badgeView(found: Found, creator: string, showCreator: boolean): BadgeView {
  const { match, design, words } = found;
  const formats = formatsFor(words.lang);
  const values = {
    tier: design.tierName,
    level: String(design.level),
    months: String(match.m),
    since: formats.day(match.s),
  };
  const template = formats.one(match.m) ? words.tooltipOne : words.tooltipOther;
  const prefix = showCreator ? `@${creator} · ` : '';
  let title = prefix + fill(template, values);
  if (match.by === 'nickname') title += ` · ${words.byNickname}`;
  const view: BadgeView = {
    subscriberId: match.id,
    by: match.by,
    creator,
    label: design.label,
    color: design.color,
    textColor: design.textColor,
    level: design.level,
    title,
    name: prefix + fill(words.name, values),
  };
  if (match.h !== undefined) view.handle = match.h;
  if (design.emoji !== undefined) view.emoji = design.emoji;
  return view;
}

/** What each badge shows, as one string: an update that changes nothing leaves the DOM alone. */
const shown = new WeakMap<Element, string>();
/**
 * The shadow root of each badge this script made, kept here rather than read from the host: only a
 * host made here is a badge (a copy the page made has none, or one of the page's own).
 */
const roots = new WeakMap<Element, ShadowRoot>();
const signature = (v: BadgeView) =>
  [v.subscriberId, v.by, v.handle, v.emoji, v.label, v.color, v.textColor, v.level, v.title, v.name].join('\n');

/** What a badge reads: "🥇 GOLD · 2" (emoji, label, tenure level; no level 0). */
function badgeText(view: Pick<BadgeView, 'emoji' | 'label' | 'level'>): string {
  const emoji = view.emoji ? `${view.emoji}\u00a0` : '';
  return emoji + view.label + (view.level > 0 ? `\u2009·\u2009${view.level}` : '');
}

/**
 * A shadow root's content for one look (its text, linked or not), built once and cloned for each badge
 * that looks so.
 */
const looks = new Map<string, DocumentFragment>();
function contentFor(doc: Document, view: BadgeView, withStyle: boolean): DocumentFragment {
  const linked = view.handle !== undefined;
  const text = badgeText(view);
  const key = `${withStyle}\n${linked}\n${text}`;
  let look = looks.get(key);
  if (!look || look.ownerDocument !== doc) {
    look = doc.createDocumentFragment();
    if (withStyle) {
      const style = doc.createElement('style');
      style.textContent = STYLE;
      look.append(style);
    }
    if (linked) {
      // A link, so that the browser's context menu on the badge reports the subscriber's profile.
      const link = doc.createElement('a');
      link.setAttribute('tabindex', '-1');
      link.append(text);
      look.append(link);
    } else {
      look.append(text);
    }
    looks.set(key, look);
  }
  const content = look.cloneNode(true) as DocumentFragment;
  if (linked) (content.lastChild as Element).setAttribute('href', `https://www.tiktok.com/@${view.handle}`);
  return content;
}

/** Sets what a badge made by `createBadge` shows: its attributes and the content of its shadow root. */
export function updateBadge(host: HTMLElement, view: BadgeView): void {
  const root = roots.get(host);
  if (!root) return;
  const sig = signature(view);
  if (shown.get(host) === sig) return;
  shown.set(host, sig);
  host.setAttribute('data-subscriber-id', view.subscriberId);
  host.setAttribute('data-by', view.by);
  host.setAttribute('data-creator', view.creator);
  host.setAttribute('title', view.title);
  host.setAttribute('aria-label', view.name);
  // Colours are '#rrggbb' (the answer's guard checks them).
  host.setAttribute('style', `background-color:${view.color}!important;color:${view.textColor}!important`);
  root.replaceChildren(contentFor(host.ownerDocument, view, root.adoptedStyleSheets.length === 0));
}

/**
 * One constructed stylesheet shared by every badge's shadow root, where the browser lets a content
 * script adopt one: a page with thousands of badges then styles them from one sheet rather than from
 * a <style> element each. Elsewhere (null), each shadow root carries its <style>.
 */
const sheets = new WeakMap<Document, CSSStyleSheet | null>();
function sharedSheet(doc: Document): CSSStyleSheet | null {
  let sheet = sheets.get(doc);
  if (sheet === undefined) {
    try {
      sheet = new (doc.defaultView as typeof globalThis).CSSStyleSheet();
      sheet.replaceSync(STYLE);
    } catch {
      sheet = null;
    }
    sheets.set(doc, sheet);
  }
  return sheet;
}

export function createBadge(doc: Document, view: BadgeView): HTMLElement {
  const host = doc.createElement(BADGE_TAG);
  host.setAttribute('role', 'img');
  const root = host.attachShadow({ mode: 'open' });
  roots.set(host, root);
  markOwn(host);
  const sheet = sharedSheet(doc);
  if (sheet) {
    try {
      root.adoptedStyleSheets = [sheet];
    } catch {
      // Refused (a browser that keeps a content script's sheets from the page): the <style> instead.
    }
  }
  updateBadge(host, view);
  return host;
}
