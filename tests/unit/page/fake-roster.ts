// A fake background for the badge features: answers `roster.lookup` as lib/store/roster/lookup-answer.ts does
// (compact matches pointing at shared designs, 0 for nobody, 1 for a nickname several subscribers
// share) from a small roster the test can edit, and publishes the roster status (ROSTER_KEY) through
// WXT's fakeBrowser storage, as the background does. Also sets up a page with the badge features.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BadgeDesign, BadgeWords, LookupAnswer, LookupResult } from '@/lib/protocol/schemas';
import type { ContentRequest } from '@/lib/protocol/requests';
import type { BadgeServices } from '@/lib/page/badges/badge-feature';
import { createRosterLookup, rosterStorageOf, type RosterLookup, type StorageApi } from '@/lib/page/badges/roster-lookup';
import { BADGE_TAG } from '@/lib/page/badges/badge-element';
import { createWorkQueue } from '@/lib/page/badges/work-queue';
import { createCommentBadges } from '@/lib/page/features/comment-badges';
import type { Feature } from '@/lib/page/feature';
import { createFeedAuthorBadges } from '@/lib/page/features/feed-author-badges';
import { createForeignBadges } from '@/lib/page/features/foreign-badges';
import { createLiveChatBadges } from '@/lib/page/features/live-chat-badges';
import { createProfileBadges } from '@/lib/page/features/profile-badges';
import type { Send } from '@/lib/page/messages';
import { createPageObserver, type PageObserver } from '@/lib/page/observer';
import { runFeatures, type FeatureRunner } from '@/lib/page/runner';
import { loadFixture, manualFrames, setUrl, settle, type FixtureName } from './helpers';

export type TierName = 'Gold' | 'Silver' | 'Bronze';

export const TIERS: Record<TierName, Omit<BadgeDesign, 'level'>> = {
  Gold: { tierName: 'Gold', label: 'GOLD', emoji: '🥇', color: '#d4a017', textColor: '#000000' },
  Silver: { tierName: 'Silver', label: 'SILVER', color: '#8a8f98', textColor: '#000000' },
  Bronze: { tierName: 'Bronze', label: 'BRONZE', emoji: '🥉', color: '#7a4a1e', textColor: '#ffffff' },
};

export const WORDS: BadgeWords = {
  lang: 'en',
  tooltipOne: '{tier} · {months} month · since {since}',
  tooltipOther: '{tier} · {months} months · since {since}',
  name: '{tier} subscriber, level {level}',
  byNickname: 'matched by nickname, which TikTok does not keep unique',
};

export interface FakeSubscriber {
  id: string;
  creator: string;
  handle?: string;
  nickname?: string;
  tier: TierName;
  since: string;
  months: number;
  level: number;
}

/**
 * mara.sings's subscribers include fan.one (Gold), night_owl.22 (Silver), lena.paints (Gold) and two
 * people called "Sky Blue"; kai.cooks's include lena.paints (Bronze). quiet.corner subscribes to nobody.
 */
export function sampleRoster(): FakeSubscriber[] {
  return [
    { id: 's-fan', creator: 'mara.sings', handle: 'fan.one', nickname: 'Fan One', tier: 'Gold', since: '2025-03-03', months: 7, level: 2 },
    { id: 's-owl', creator: 'mara.sings', handle: 'night_owl.22', nickname: 'Night Owl', tier: 'Silver', since: '2025-09-20', months: 1, level: 0 },
    { id: 's-lena', creator: 'mara.sings', handle: 'lena.paints', nickname: 'Lena Paints', tier: 'Gold', since: '2024-01-15', months: 21, level: 3 },
    { id: 's-sky1', creator: 'mara.sings', handle: 'sky.blue.1', nickname: 'Sky Blue', tier: 'Silver', since: '2025-05-01', months: 5, level: 1 },
    { id: 's-sky2', creator: 'mara.sings', handle: 'sky.blue.2', nickname: 'Sky Blue', tier: 'Bronze', since: '2025-06-01', months: 4, level: 1 },
    { id: 'k-lena', creator: 'kai.cooks', handle: 'lena.paints', tier: 'Bronze', since: '2025-08-10', months: 2, level: 1 },
  ];
}

export interface FakeBackground {
  send: Send;
  /** Everything the page sent, in order. */
  sent: ContentRequest[];
  lookups(): Extract<ContentRequest, { type: 'roster.lookup' }>[];
  roster: FakeSubscriber[];
  revision: number;
  /** Changes the roster and publishes a new revision, as the background does after an edit. */
  edit(change: (roster: FakeSubscriber[]) => void, creators?: string[]): Promise<void>;
  /** Replaces the answer to lookups (a broken or hostile background). */
  answerWith?: (message: Extract<ContentRequest, { type: 'roster.lookup' }>) => unknown;
}

export function lookupAnswer(roster: readonly FakeSubscriber[], creator: string, handles: string[], nicknames: string[], revision: number): LookupAnswer {
  const designs: BadgeDesign[] = [];
  const designIndex = new Map<string, number>();
  const ofCreator = roster.filter((s) => s.creator === creator);
  const byHandle = new Map(ofCreator.flatMap((s) => (s.handle ? [[s.handle, s] as const] : [])));
  const result = (s: FakeSubscriber | undefined, by: 'handle' | 'nickname'): LookupResult => {
    if (!s) return 0;
    const key = `${s.tier}:${s.level}`;
    let d = designIndex.get(key);
    if (d === undefined) {
      d = designs.length;
      designIndex.set(key, d);
      designs.push({ ...TIERS[s.tier], level: s.level });
    }
    return { d, id: s.id, m: s.months, s: s.since, ...(by === 'nickname' && s.handle ? { h: s.handle } : {}) };
  };
  return {
    ok: true,
    revision,
    handles: handles.map((h) => result(byHandle.get(h.toLowerCase()), 'handle')),
    nicknames: nicknames.map((n) => {
      const named = ofCreator.filter((s) => s.nickname === n.trim());
      return named.length > 1 ? 1 : result(named[0], 'nickname');
    }),
    designs,
    words: WORDS,
  };
}

const creatorsOf = (roster: readonly FakeSubscriber[]) => [...new Set(roster.map((s) => s.creator))];

export async function fakeBackground(roster = sampleRoster()): Promise<FakeBackground> {
  const background: FakeBackground = {
    sent: [],
    roster,
    revision: 1,
    lookups: () => background.sent.flatMap((m) => (m.type === 'roster.lookup' ? [m] : [])),
    send: async (message) => {
      background.sent.push(structuredClone(message));
      if (message.type !== 'roster.lookup') return { ok: true };
      if (background.answerWith) return background.answerWith(message);
      return lookupAnswer(background.roster, message.creator, message.handles, message.nicknames, background.revision);
    },
    async edit(change, creators) {
      change(background.roster);
      background.revision++;
      await publish(creators);
    },
  };
  const publish = (creators = creatorsOf(background.roster)) =>
    fakeBrowser.storage.local.set({ roster: { revision: background.revision, counts: {}, total: 0, packs: 0, creators } });
  await publish();
  return background;
}

export const rosterStorage = () => rosterStorageOf(fakeBrowser.storage as unknown as StorageApi);

/** What a badge reads ("🥇 GOLD · 2"): the text of its link, or of its shadow root after the styles. */
export function badgeText(host: Element): string {
  const root = host.shadowRoot;
  return (root?.querySelector('a') ?? root)?.lastChild?.textContent ?? '';
}

/** A badge's label ("GOLD"): its text after the emoji and before the level. */
export const badgeLabel = (host: Element) => badgeText(host).split('\u00a0').at(-1)!.split('\u2009')[0]!;

/** The badges in the page, each as "<what it follows> <creator> <subscriber id> <by>", in page order. */
export function badgesIn(doc: Document): string[] {
  return [...doc.querySelectorAll<HTMLElement>(BADGE_TAG)].map((badge) => {
    let anchor = badge.previousElementSibling;
    while (anchor?.localName === BADGE_TAG) anchor = anchor.previousElementSibling;
    const what = anchor?.getAttribute('href') ?? anchor?.getAttribute('title') ?? anchor?.textContent?.trim() ?? '?';
    return `${what} ${badge.dataset.creator} ${badge.dataset.subscriberId} ${badge.dataset.by}`;
  });
}

export interface BadgePage {
  doc: Document;
  frames: ReturnType<typeof manualFrames>;
  observer: PageObserver;
  runner: FeatureRunner;
  roster: RosterLookup;
  /** Lets batches, lookups and chunks run until the page is quiet. */
  idle(): Promise<void>;
  close(): void;
}

export interface OpenOptions {
  features?: (services: BadgeServices, doc: Document) => Feature[];
  log?: (message: string, error: unknown) => void;
  /** How the badge work queue yields between chunks (a MessageChannel task by default). */
  yieldToPage?: (next: () => void) => void;
  /**
   * The clock of the work queue and of the roster's warm-ups. By default it stands still: a chunk of
   * badges then ends at its count, never at its time budget, so what a test sees does not depend on
   * how fast the machine runs it.
   */
  now?: () => number;
  /** The most names of one kind per lookup message (the protocol's limit by default). */
  maxNames?: number;
}

export const badgeFeatures = (services: BadgeServices, doc: Document): Feature[] => [
  createCommentBadges(services, doc),
  createLiveChatBadges(services, doc),
  createFeedAuthorBadges(services, doc),
  createProfileBadges(services, doc),
  createForeignBadges(),
];

/** The browser shows `fixture` at `url` and the content script starts, with frames the test runs. */
export function openPage(url: string, fixture: FixtureName | Document, send: Send, options: OpenOptions = {}): BadgePage {
  setUrl(url);
  const doc = typeof fixture === 'string' ? loadFixture(fixture) : fixture;
  const frames = manualFrames();
  const log = options.log ?? (() => {});
  const observer = createPageObserver({ root: doc, schedule: frames.schedule, log });
  const now = options.now ?? (() => 0);
  const roster = createRosterLookup({ send, storage: rosterStorage(), now, ...(options.maxNames ? { maxNames: options.maxNames } : {}) });
  const queue = createWorkQueue({ log, now, ...(options.yieldToPage ? { yieldToPage: options.yieldToPage } : {}) });
  const services = { roster, queue };
  const runner = runFeatures((options.features ?? badgeFeatures)(services, doc), { observer, send, log });
  return {
    doc,
    frames,
    observer,
    runner,
    roster,
    async idle() {
      for (let i = 0; i < 6; i++) {
        await frames.frame();
        await settle();
      }
    },
    close() {
      runner.stop();
      roster.stop();
      observer.disconnect();
    },
  };
}
