// Bundled by badges.bench.ts into the content script's world of a page, for the bound passes: the badge
// a subscriber gets, made by Tierkit's own code (badgeView, createBadge), and the least element that
// shows the same (the tier's label, colour, emoji and level, a tooltip, an accessible name) as a plain
// span, with none of the shadow root's guarantees.
import { badgeView, createBadge, type BadgeView } from '@/lib/page/badges/badge-element';
import type { Found } from '@/lib/page/badges/roster-lookup';

const words = {
  lang: 'en',
  tooltipOne: '{tier} · {months} month · since {since}',
  tooltipOther: '{tier} · {months} months · since {since}',
  name: '{tier} subscriber, level {level}',
  byNickname: 'matched by nickname',
};
const designs = ['FAN', 'CREW', 'VIP'].map((label, i) => ({
  tierName: ['Fan', 'Crew', 'Front Row'][i]!,
  label,
  emoji: '⭐',
  color: ['#1a7f37', '#0969da', '#8250df'][i]!,
  textColor: '#ffffff',
  level: 3,
}));

/** The view of subscriber `k` (handle `handle`), as an answer from the background would make it. */
function view(handle: string, k: number): BadgeView {
  const found: Found = { match: { d: k % 3, id: `s${k}`, m: 7, s: '2025-03-03', by: 'handle', h: handle }, design: designs[k % 3]!, words };
  return badgeView(found, 'mara.sings', false);
}

function plainBadge(doc: Document, handle: string, k: number): HTMLElement {
  const v = view(handle, k);
  const span = doc.createElement('span');
  span.setAttribute('role', 'img');
  span.setAttribute('title', v.title);
  span.setAttribute('aria-label', v.name);
  span.setAttribute('style', `background-color:${v.color};color:${v.textColor}`);
  span.textContent = `${v.emoji}\u00a0${v.label}\u2009·\u2009${v.level}`;
  return span;
}

const tierkitBadge = (doc: Document, handle: string, k: number) => createBadge(doc, view(handle, k));

(globalThis as unknown as { benchBadges: Record<string, typeof plainBadge> }).benchBadges = { plainBadge, tierkitBadge };
