// What a content script gets back when it asks who among some names subscribes to a creator: built from
// the lookup index and the tiers alone, with no database and no browser API, so that an answer from the
// whole roster and one from the index's snapshot are the same function's.
import { readableTextOn } from '../../domain/contrast';
import { tenureLevel } from '../../domain/offer';
import { normalizeHandle } from '../../domain/schema';
import type { BadgeDesign, BadgeWords, LookupAnswer, LookupResult } from '../../protocol/schemas';
import type { RosterAnswer, RosterEntry, RosterIndex } from '../../roster/matching';
import { cumulativeMonths } from '../../roster/tenure';
import type { BadgeTier } from './badge-tiers';

/**
 * The short token an answer carries for an index entry instead of its id (see LookupMatch.id): the same
 * for an entry as long as the entry lives, that is until the roster changes.
 */
export class EntryTokens {
  private readonly tokens = new WeakMap<RosterEntry, string>();
  private issued = 0;

  of(entry: RosterEntry): string {
    let token = this.tokens.get(entry);
    if (token === undefined) this.tokens.set(entry, (token = (++this.issued).toString(36)));
    return token;
  }
}

/** What lookups read: the index, and the badge tiers per creator (the creator's own and each pack's). */
export interface LookupData {
  index: RosterIndex;
  tiers: ReadonlyMap<string, ReadonlyMap<string, BadgeTier>>;
}

export interface LookupQuestion {
  creator: string;
  handles: readonly string[];
  nicknames: readonly string[];
}

export interface LookupContext {
  /** Today ('YYYY-MM-DD'), which a subscriber's months count to. */
  day: string;
  revision: number;
  words: BadgeWords;
  tokens: EntryTokens;
}

/** Who among the question's names subscribes to its creator, answered compactly for a page (schemas.ts). */
export function answerLookup(data: LookupData, question: LookupQuestion, context: LookupContext): LookupAnswer {
  const creator = normalizeHandle(question.creator);
  const found = data.index.lookup(creator, { handles: question.handles, nicknames: question.nicknames });
  const tiers = data.tiers.get(creator);
  const designs: BadgeDesign[] = [];
  const designIndex = new Map<BadgeTier, number[]>();
  const monthsSince = new Map<string, number>();

  const result = (answer: RosterAnswer): LookupResult => {
    if (answer.status === 'none') return 0;
    if (answer.status === 'ambiguous') return 1;
    const entry = answer.entry;
    const tier = tiers?.get(entry.tierId);
    // A subscriber whose tier was deleted shows no badge rather than a wrong one.
    if (!tier) return 0;
    // Many subscribers share a start day: count its months once per lookup.
    let months = entry.monthsOverride ?? monthsSince.get(entry.since);
    if (months === undefined) monthsSince.set(entry.since, (months = cumulativeMonths(entry, context.day)));
    const level = tenureLevel(months, tier.tenureSteps);
    let levels = designIndex.get(tier);
    if (!levels) designIndex.set(tier, (levels = []));
    let d = levels[level];
    if (d === undefined) {
      d = levels[level] = designs.length;
      const design: BadgeDesign = {
        tierName: tier.name,
        label: tier.badge.label,
        color: tier.badge.color,
        textColor: readableTextOn(tier.badge.color),
        level,
      };
      if (tier.badge.emoji) design.emoji = tier.badge.emoji;
      designs.push(design);
    }
    const match: LookupResult = { d, id: context.tokens.of(entry), m: months, s: entry.since };
    if (answer.by === 'nickname' && entry.handle !== undefined) match.h = entry.handle;
    return match;
  };

  return {
    ok: true,
    revision: context.revision,
    handles: found.handles.map(result),
    nicknames: found.nicknames.map(result),
    designs,
    words: context.words,
  };
}
