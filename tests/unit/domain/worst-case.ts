// The longest records the schemas allow, as JSON writes them: what a backup (or a message carrying part
// of one) weighs at most. Each text is at its longest in the characters that cost JSON the most: an
// unpaired surrogate is one code unit that JSON writes as "\udXXX", six bytes (every other character
// costs at most three bytes a code unit in UTF-8, or two as an escape).
import type { Backup, BackupStats } from '@/lib/domain/backup';
import type { Perk, Tier, Workspace } from '@/lib/domain/schema';
import type { DailyStat, StatSnapshot } from '@/lib/domain/stats';
import { MONTHS_MAX, NICKNAME_MAX, NOTE_MAX, type Subscriber } from '@/lib/roster/schema';
import { MAX_THRESHOLD } from '@/lib/eligibility/rules';
import { currencyCodes } from '@/lib/domain/currency';
import { markets as knownMarkets } from '@/lib/domain/markets';
import { superFanPerkKinds } from '@/lib/domain/schema';

/** Six bytes of JSON for one code unit. */
export const COSTLIEST = '\ud800';
export const costliest = (units: number) => COSTLIEST.repeat(units);
/** 1 to 64 letters, digits, "_" or "-": padded to 64. */
export const longestId = (tag: string) => tag.padEnd(64, '_');
const BIGGEST = Number.MAX_SAFE_INTEGER;
/** The longest way JSON writes a number from 0 to 50. */
const LONGEST_PERCENT = 1.2345678901234567e-7;
const LONGEST_HANDLE = 'h'.repeat(24);
/** The i-th of as many different handles of the longest length as a list needs (keys are unique). */
const handleNo = (i: number) => LONGEST_HANDLE.slice(0, -6) + i.toString(36).padStart(6, '0');

/**
 * The costliest subscriber the schema accepts. A nickname is at most NICKNAME_MAX characters (grapheme
 * clusters) and NICKNAME_MAX * 8 code units: an unpaired surrogate is a character of its own, so at
 * most 29 of them, and the last character takes the remaining 211 code units as one cluster of Hangul
 * leading consonants (three bytes each).
 */
export function costliestSubscriber(i = 0): Subscriber {
  return {
    id: longestId(`s${i}`),
    creatorHandle: LONGEST_HANDLE,
    handle: handleNo(i),
    nickname: costliest(NICKNAME_MAX - 1) + '\u1100'.repeat(NICKNAME_MAX * 8 - (NICKNAME_MAX - 1)),
    tierId: longestId('tier'),
    since: '2026-01-01',
    monthsOverride: MONTHS_MAX,
    status: 'lapsed',
    note: costliest(NOTE_MAX),
    source: 'context-menu',
    createdAt: BIGGEST,
    updatedAt: BIGGEST,
  };
}

/**
 * A bound on any subscriber's JSON that needs no argument about characters: the costliest subscriber
 * with every code unit of its nickname at six bytes too (which the character count does not allow).
 */
export function subscriberBound(): Subscriber {
  return { ...costliestSubscriber(), nickname: costliest(NICKNAME_MAX * 8) };
}

export function costliestStats(): BackupStats {
  const snapshot = (_: unknown, i: number): StatSnapshot => ({
    handle: handleNo(i),
    day: '2026-01-01',
    capturedAt: BIGGEST,
    followers: BIGGEST,
    following: BIGGEST,
    likes: BIGGEST,
    videoCount: BIGGEST,
    visibleViews: BIGGEST,
    visibleVideos: BIGGEST,
    views30: BIGGEST,
    source: 'universal',
    precise: false,
  });
  const day = (_: unknown, i: number): DailyStat => ({ handle: handleNo(i), date: '2026-01-01', videoViews: BIGGEST, followers: BIGGEST, importedAt: BIGGEST });
  return { snapshots: Array.from({ length: 50_000 }, snapshot), daily: Array.from({ length: 50_000 }, day) };
}

/**
 * The workspace with every list at its longest and every text at its longest. A badge's label (4
 * characters) and emoji (one) are bounded in characters, not code units: they are taken as emoji
 * sequences of 11 code units each (a family), the longest in common use.
 */
export function costliestWorkspace(): Workspace {
  const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}';
  const requirements = [
    { kind: 'age' as const },
    { kind: 'good-standing' as const },
    { kind: 'followers' as const, min: MAX_THRESHOLD },
    { kind: 'video-views' as const, min: MAX_THRESHOLD, window: 'rolling-30-days' as const },
    { kind: 'video-views' as const, min: MAX_THRESHOLD, window: 'calendar-month' as const },
    { kind: 'subscriber-only-posts' as const, min: MAX_THRESHOLD, window: 'rolling-30-days' as const },
    { kind: 'subscriber-only-posts' as const, min: MAX_THRESHOLD, window: 'calendar-month' as const },
  ];
  const markets = Array.from({ length: 300 }, (_, i) => String.fromCharCode(65 + (i % 26), 65 + Math.floor(i / 26)));
  const tiers = Array.from(
    { length: 100 },
    (_, i): Tier => ({
      id: longestId(`tier${i}`),
      name: costliest(30),
      priceMinor: 100_000_000,
      currency: 'EUR',
      description: costliest(500),
      perkIds: Array.from({ length: 50 }, (_, k) => longestId(`perk${k}`)),
      includesLowerTiers: false,
      badge: { label: family.repeat(4), color: '#ffffff', emoji: family },
      tenureSteps: Array.from({ length: 20 }, (_, k) => 581 + k),
      position: 10_000,
      status: 'archived',
      createdAt: BIGGEST,
      updatedAt: BIGGEST,
    }),
  );
  const perks = Array.from(
    { length: 500 },
    (_, i): Perk => ({
      id: longestId(`perk${i}`),
      kind: 'discord-role',
      title: costliest(60),
      description: costliest(500),
      roleName: costliest(100),
      serverName: costliest(100),
    }),
  );
  return {
    profile: {
      handle: LONGEST_HANDLE,
      displayName: costliest(30),
      market: 'US',
      currency: 'EUR',
      age: { kind: 'birth-date', birthDate: '2000-01-01' },
      goodStanding: false,
      updatedAt: BIGGEST,
    },
    tiers,
    perks,
    settings: {
      theme: 'system',
      language: 'auto',
      rulesProfileId: longestId('rules'),
      eligibilityProfileId: longestId('elig'),
      notifications: false,
      bonusReminderDays: 31,
      planner: {
        appStoreFeePercent: LONGEST_PERCENT,
        bonusPercent: LONGEST_PERCENT,
        expectedSubscribers: Object.fromEntries(tiers.map((tier) => [tier.id, 10_000_000])),
        inAppPercentByMarket: Object.fromEntries(knownMarkets.map((market) => [market.code, LONGEST_PERCENT])),
        expectedSuperFans: 10_000_000,
      },
    },
    rulesProfiles: Array.from({ length: 20 }, (_, i) => ({ id: longestId(`rules${i}`), name: costliest(60), maxActiveTiers: 10 })),
    // One list per currency (each currency once), as many as there are, up to the schema's 200.
    pricePoints: currencyCodes.slice(0, 200).map((currency, i) => ({
      currency,
      suggested: Array.from({ length: 20 }, () => 100_000_000 - i),
      min: 100_000_000 - i,
      max: 100_000_000,
    })),
    revenueRules: Array.from({ length: 50 }, (_, i) => ({
      id: longestId(`rule${i}`),
      name: costliest(60),
      markets,
      creatorSharePercent: LONGEST_PERCENT,
      afterAppStoreFees: false,
      bonusMaxPercent: LONGEST_PERCENT,
    })),
    eligibilityProfiles: Array.from({ length: 20 }, (_, i) => ({ id: longestId(`elig${i}`), name: costliest(60), requirements })),
    bonusConditions: Array.from({ length: 50 }, (_, i) => ({ id: longestId(`bonus${i}`), name: costliest(60), markets, requirements })),
    superFan: {
      offered: true,
      prices: currencyCodes.slice(0, 200).map((currency) => ({ currency, priceMinor: 100_000_000 })),
      creatorSharePercent: LONGEST_PERCENT,
      afterAppStoreFees: false,
      shareConfirmed: false,
      // Custom perks cost the most; the schema takes 30 perks of any kind.
      perks: Array.from({ length: 30 }, () => ({ kind: 'custom' as const, text: costliest(80) })),
    },
  };
}

/** Everything but the roster, at its costliest. */
export function costliestHead(): Omit<Backup, 'subscribers'> {
  return {
    format: 'tierkit-backup',
    version: 2,
    exportedAt: '2026-12-31T23:59:59.999Z',
    appVersion: costliest(40),
    data: costliestWorkspace(),
    stats: costliestStats(),
  };
}

/** Bytes of a value's JSON in UTF-8. */
export const jsonBytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;
