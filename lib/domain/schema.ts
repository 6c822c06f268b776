// The records Tierkit keeps, as zod schemas: the one definition used to validate forms, messages,
// stored data read back and backups.
import * as z from 'zod/mini';
import { t } from '../i18n';
import './zod-messages';
import { isCurrency } from './currency';
import { findMarket } from './markets';
import { graphemeCount, idSchema, line, paragraph } from './text';
import { uniqueBy, uniqueIds } from './unique';
import {
  bonusConditionsSchema,
  defaultBonusConditions,
  defaultEligibilityProfiles,
  eligibilityProfileSchema,
} from '../eligibility/rules';

export { idSchema };

export const timestampSchema = z.int().check(z.gte(0));

export const currencySchema = z.string().check(
  z.refine((c) => isCurrency(c), { error: (iss) => t('err.currency', { value: String(iss.input) }) }),
);
export const marketSchema = z.string().check(
  z.refine((c) => findMarket(c) !== undefined, { error: (iss) => t('err.market', { value: String(iss.input) }) }),
);

// TikTok usernames: 2-24 letters, digits, "_" and "."; not ending with "."; compared case-insensitively.
export const HANDLE_PATTERN = /^[a-z0-9._]{2,24}$/;
export function normalizeHandle(raw: string): string {
  const trimmed = raw.trim();
  // Not a regular expression: a page's lookup normalizes thousands of handles per batch.
  return (trimmed.charCodeAt(0) === 64 ? trimmed.slice(1) : trimmed).toLowerCase();
}
export const handleSchema = z.pipe(
  z.string(),
  z.transform(normalizeHandle),
).check(
  z.refine((h) => HANDLE_PATTERN.test(h) && !h.endsWith('.'), { error: () => t('err.handle') }),
);

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
export function isRealDate(text: string): boolean {
  if (!isoDate.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text);
}

/** Whole years between a YYYY-MM-DD birth date and today (YYYY-MM-DD). */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

export const birthDateSchema = z.string().check(
  z.refine((d) => isRealDate(d) && d >= '1900-01-01' && d <= new Date().toISOString().slice(0, 10), {
    error: () => t('err.birthDate'),
  }),
);

/** The creator. Age stays on the device: either a confirmation of 18+ or a date of birth. */
export const profileSchema = z.object({
  handle: handleSchema,
  displayName: line(1, 30),
  market: marketSchema,
  currency: currencySchema,
  age: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('confirmed-adult') }),
    z.object({ kind: z.literal('birth-date'), birthDate: birthDateSchema }),
  ]),
  /** The creator confirms their account is in good standing (TikTok does not show it on the web). */
  goodStanding: z.optional(z.boolean()),
  updatedAt: timestampSchema,
});
export type Profile = z.infer<typeof profileSchema>;

// ---- Perks -------------------------------------------------------------------------------------

export const perkKinds = [
  'subscriber-chat',
  'direct-messages',
  'subscriber-space',
  'subscriber-videos',
  'subscriber-live',
  'subscriber-notes',
  'badge',
  'stickers',
  'performance-requests',
  'discord-role',
  'shoutout',
  'live-topic',
  'custom',
] as const;
export type PerkKind = (typeof perkKinds)[number];

const perMonth = z.optional(z.int().check(z.gte(1), z.lte(100)));
const perkBase = {
  id: idSchema,
  title: line(1, 60),
  description: paragraph(500),
};
const perkOf = <K extends PerkKind, E extends z.core.$ZodLooseShape>(kind: K, extra: E) =>
  z.object({ ...perkBase, kind: z.literal(kind), ...extra });

/** A perk of the library; kind-specific fields sit beside the common ones. */
export const perkSchema = z.discriminatedUnion('kind', [
  perkOf('subscriber-chat', {}),
  perkOf('direct-messages', { replyWithinDays: z.optional(z.int().check(z.gte(1), z.lte(30))) }),
  perkOf('subscriber-space', {}),
  perkOf('subscriber-videos', { perMonth }),
  perkOf('subscriber-live', { perMonth }),
  perkOf('subscriber-notes', { perMonth }),
  perkOf('badge', {}),
  perkOf('stickers', { count: z.optional(z.int().check(z.gte(1), z.lte(50))) }),
  perkOf('performance-requests', { perMonth }),
  perkOf('discord-role', { roleName: line(1, 100), serverName: z.optional(line(0, 100)) }),
  perkOf('shoutout', { perMonth }),
  perkOf('live-topic', { perMonth }),
  perkOf('custom', {}),
]);
export type Perk = z.infer<typeof perkSchema>;

export type PerkCountField = 'perMonth' | 'count' | 'replyWithinDays';
/** The one optional number a perk of this kind carries (see perkSchema), if any. */
export function perkCountField(kind: PerkKind): PerkCountField | undefined {
  switch (kind) {
    case 'direct-messages':
      return 'replyWithinDays';
    case 'stickers':
      return 'count';
    case 'subscriber-videos':
    case 'subscriber-live':
    case 'subscriber-notes':
    case 'performance-requests':
    case 'shoutout':
    case 'live-topic':
      return 'perMonth';
    default:
      return undefined;
  }
}

// ---- Tiers -------------------------------------------------------------------------------------

export const DEFAULT_TENURE_STEPS = [1, 2, 3, 6, 9, 12, 18, 24, 36];
export const BADGE_LABEL_MAX = 4;

// Flags are pairs of regional indicators, which are not Extended_Pictographic.
const emoji = /^[\p{Extended_Pictographic}\p{Regional_Indicator}]/u;
export const badgeSchema = z.object({
  label: z.string().check(
    z.trim(),
    z.refine((s) => graphemeCount(s) >= 1 && graphemeCount(s) <= BADGE_LABEL_MAX, {
      error: () => t('err.badgeLabel', { max: BADGE_LABEL_MAX }),
    }),
    // A zero-width joiner inside an emoji sequence (👩‍💻) is part of one character, not a gap.
    z.refine((s) => !/(?!\u200d\p{Extended_Pictographic})[\s\p{C}]/u.test(s), { error: () => t('err.badgeLabelSpaces') }),
  ),
  color: z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, { error: () => t('err.color') })),
  emoji: z.optional(
    z.string().check(
      z.refine((s) => s === '' || (graphemeCount(s) === 1 && emoji.test(s)), { error: () => t('err.emoji') }),
    ),
  ),
});
export type Badge = z.infer<typeof badgeSchema>;

export const tenureStepsSchema = z.array(z.int().check(z.gte(1), z.lte(600))).check(
  z.minLength(1),
  z.maxLength(20),
  z.refine((steps) => steps.every((s, i) => i === 0 || s > steps[i - 1]!), { error: () => t('err.tenureSteps') }),
);

export const tierStatuses = ['draft', 'active', 'archived'] as const;
export type TierStatus = (typeof tierStatuses)[number];

export const MAX_PRICE_MINOR = 100_000_000;

export const tierSchema = z.object({
  id: idSchema,
  name: line(1, 30),
  priceMinor: z.int().check(z.gte(1), z.lte(MAX_PRICE_MINOR)),
  currency: currencySchema,
  description: paragraph(500),
  perkIds: z.array(idSchema).check(
    z.maxLength(50),
    uniqueBy<string>({ list: 'perkIds', key: (id) => id, field: [], message: (id, first) => t('err.perkTwice', { key: id, first }) }),
  ),
  /** The tier also grants every perk of the active or draft tiers below it. */
  includesLowerTiers: z.boolean(),
  badge: badgeSchema,
  tenureSteps: tenureStepsSchema,
  position: z.int().check(z.gte(0), z.lte(10_000)),
  status: z.enum(tierStatuses),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Tier = z.infer<typeof tierSchema>;

// ---- Rules, price points, revenue share: data the creator may edit -----------------------------

/** Limits TikTok sets on an offer. Later releases add eligibility thresholds here. */
export const rulesProfileSchema = z.object({
  id: idSchema,
  name: line(1, 60),
  maxActiveTiers: z.int().check(z.gte(1), z.lte(10)),
});
export type RulesProfile = z.infer<typeof rulesProfileSchema>;

const minor = z.int().check(z.gte(1), z.lte(MAX_PRICE_MINOR));
/** Suggested monthly prices for one currency, and the range a free price must stay in. */
export const pricePointsSchema = z
  .object({
    currency: currencySchema,
    suggested: z.array(minor).check(z.maxLength(20)),
    min: minor,
    max: minor,
  })
  .check(
    z.refine((p) => p.min <= p.max, { error: () => t('err.minAboveMax'), path: ['max'] }),
    z.refine((p) => p.suggested.every((s) => s >= p.min && s <= p.max), {
      error: () => t('err.suggestedOutside'),
      path: ['suggested'],
    }),
  );
export type PricePoints = z.infer<typeof pricePointsSchema>;

const percent = z.number().check(z.gte(0), z.lte(100));
/** How a market's subscription revenue is shared. `markets: ['*']` is the rule for everywhere else. */
export const revenueRuleSchema = z.object({
  id: idSchema,
  name: line(1, 60),
  markets: z.array(z.string().check(z.regex(/^([A-Z]{2}|\*)$/, { error: () => t('err.marketCode') }))).check(
    z.minLength(1),
    z.maxLength(300),
  ),
  creatorSharePercent: percent,
  /** The share applies to what is left after the app store's fee. */
  afterAppStoreFees: z.boolean(),
  bonusMaxPercent: percent,
});
export type RevenueRule = z.infer<typeof revenueRuleSchema>;

/** What TikTok gives every Super Fan; the creator may add perks of their own (`custom`). */
export const superFanPerkKinds = ['permanent-badge', 'entrance-effects', 'fan-club-level', 'super-fan-lives', 'chat-and-space'] as const;
export const superFanPerkSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(superFanPerkKinds) }),
  z.object({ kind: z.literal('custom'), text: line(1, 80) }),
]);
export type SuperFanPerk = z.infer<typeof superFanPerkSchema>;

/**
 * Super Fan: TikTok's LIVE-only membership beside Subscriptions, at one price (USD 9.99 or the local
 * equivalent), so one price per currency. Its revenue share is data like a market's, with whether an
 * official figure confirms it; TikTok names no bonus for it.
 */
export const superFanSchema = z.object({
  /** Whether the creator offers it: the planner counts it only then. */
  offered: z.boolean(),
  prices: z.array(z.object({ currency: currencySchema, priceMinor: minor })).check(
    z.maxLength(200),
    uniqueBy<{ currency: string }>({
      list: 'prices',
      key: (price) => price.currency,
      field: ['currency'],
      message: (price, first) => t('err.currencyTaken', { key: price.currency, first }),
    }),
  ),
  creatorSharePercent: percent,
  afterAppStoreFees: z.boolean(),
  /** False while the share rests on reports rather than a figure TikTok published. */
  shareConfirmed: z.boolean(),
  perks: z.array(superFanPerkSchema).check(z.maxLength(30)),
});
export type SuperFan = z.infer<typeof superFanSchema>;

/**
 * Super Fan as TikTok launched it: USD 9.99, and in other currencies the step of Tierkit's suggested
 * prices at that level (a local equivalent to check against what TikTok shows); the share one report
 * gives (50% after store fees), unconfirmed; TikTok's own perks. Here rather than with the other
 * defaults because the workspace's schema falls back to it.
 */
export const defaultSuperFan: SuperFan = {
  offered: false,
  prices: (
    [
      ['USD', 999], ['CAD', 1399], ['EUR', 999], ['GBP', 999], ['CHF', 1000], ['AUD', 1499], ['NZD', 1699],
      ['SEK', 11000], ['NOK', 11000], ['DKK', 7500], ['PLN', 3999], ['BRL', 2990], ['MXN', 17900],
      ['JPY', 1500], ['KRW', 14000], ['IDR', 15900000], ['TRY', 24999],
    ] as const
  ).map(([currency, priceMinor]) => ({ currency, priceMinor })),
  creatorSharePercent: 50,
  afterAppStoreFees: true,
  shareConfirmed: false,
  perks: superFanPerkKinds.map((kind) => ({ kind })),
};

export const themes = ['system', 'light', 'dark'] as const;
export const languageChoices = ['auto', 'en', 'it'] as const;

const subscriberCount = z.int().check(z.gte(0), z.lte(10_000_000));
export const settingsSchema = z.object({
  theme: z.enum(themes),
  language: z.enum(languageChoices),
  rulesProfileId: idSchema,
  // Added in database version 2 / backup version 2; older data reads with these defaults.
  /** The eligibility rules profile the tracker evaluates (lib/eligibility/rules.ts). */
  eligibilityProfileId: z._default(idSchema, 'tiktok-subscription'),
  /** Notifications when a requirement is met, eligibility reached, or lost. */
  notifications: z._default(z.boolean(), true),
  // Added in database version 8; older data and backups read with the default.
  /** Remind that the month's bonus is at risk this many days before the month ends; 0: never. */
  bonusReminderDays: z._default(z.int().check(z.gte(0), z.lte(31)), 5),
  planner: z.object({
    /** Share of the gross the app stores keep (iOS/Android purchases). */
    appStoreFeePercent: z.number().check(z.gte(0), z.lte(50)),
    /** The bonus the planner's "with bonus" figures count, capped by the market rule's maximum. */
    bonusPercent: percent,
    // 10 million subscribers at the highest price stays a safe integer in minor units.
    expectedSubscribers: z.record(idSchema, subscriberCount),
    // Added in database version 9; older data and backups read with the defaults.
    /**
     * The share of purchases made in the app, per market (only those pay the store's fee; purchases on
     * the website do not). A market without an entry: all in the app.
     */
    inAppPercentByMarket: z._default(z.record(marketSchema, percent), () => ({})),
    expectedSuperFans: z._default(subscriberCount, 0),
  }),
});
export type Settings = z.infer<typeof settingsSchema>;

/** Everything the creator has designed: what the UI shows and what a backup holds. */
export const workspaceSchema = z.object({
  profile: z.nullable(profileSchema),
  // Every list is unique by its key, which is the key of its table in the database.
  tiers: z.array(tierSchema).check(z.maxLength(100), uniqueIds('tiers')),
  perks: z.array(perkSchema).check(z.maxLength(500), uniqueIds('perks')),
  settings: settingsSchema,
  rulesProfiles: z.array(rulesProfileSchema).check(z.minLength(1), z.maxLength(20), uniqueIds('rulesProfiles')),
  pricePoints: z.array(pricePointsSchema).check(
    z.maxLength(200),
    uniqueBy<PricePoints>({
      list: 'pricePoints',
      key: (points) => points.currency,
      field: ['currency'],
      message: (points, first) => t('err.currencyTaken', { key: points.currency, first }),
    }),
  ),
  revenueRules: z.array(revenueRuleSchema).check(z.minLength(1), z.maxLength(50), uniqueIds('revenueRules')),
  // Added in database version 2 / backup version 2 (eligibility); older data reads with the defaults.
  eligibilityProfiles: z._default(
    z.array(eligibilityProfileSchema).check(z.minLength(1), z.maxLength(20), uniqueIds('eligibilityProfiles')),
    () => structuredClone(defaultEligibilityProfiles),
  ),
  // Added in database version 9; a backup without it reads with the default.
  superFan: z._default(superFanSchema, () => structuredClone(defaultSuperFan)),
  bonusConditions: z._default(z.array(bonusConditionsSchema).check(z.maxLength(50), uniqueIds('bonusConditions')), () =>
    structuredClone(defaultBonusConditions),
  ),
});
export type Workspace = z.infer<typeof workspaceSchema>;

// ---- What forms send: the records without their bookkeeping fields -----------------------------

/** A tier as a form sends it: no bookkeeping fields; with an id it edits, without one it creates. */
export const tierInputSchema = z.object({
  ...z.omit(tierSchema, { id: true, position: true, createdAt: true, updatedAt: true, status: true }).shape,
  id: z.optional(idSchema),
  status: z.optional(z.enum(tierStatuses)),
});
export type TierInput = z.input<typeof tierInputSchema>;

export const profileInputSchema = z.omit(profileSchema, { updatedAt: true });
export type ProfileInput = z.input<typeof profileInputSchema>;
