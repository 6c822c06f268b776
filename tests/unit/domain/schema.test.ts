import { describe, expect, it } from 'vitest';
import { check } from '@/lib/domain/problems';
import {
  badgeSchema,
  birthDateSchema,
  handleSchema,
  isRealDate,
  ageOn,
  marketSchema,
  perkSchema,
  pricePointsSchema,
  profileSchema,
  revenueRuleSchema,
  settingsSchema,
  tenureStepsSchema,
  tierSchema,
  workspaceSchema,
  MAX_PRICE_MINOR,
} from '@/lib/domain/schema';
import { emptyWorkspace } from '@/lib/domain/defaults';
import { setLanguage } from '@/lib/i18n';
import { perk, profile, threeTiers, tier } from './fixtures';

/** The problems of parsing `input`, as [path joined by ".", message]. */
function problems(schema: Parameters<typeof check>[0], input: unknown): [string, string][] {
  const result = check(schema, input);
  return result.ok ? [] : result.problems.map((p) => [p.path.join('.'), p.message]);
}
const HANDLE_MESSAGE = 'A TikTok username has 2 to 24 letters, digits, "_" or "." and does not end with "."';

describe('handle', () => {
  it('drops the @, trims and lower-cases', () => {
    expect(handleSchema.parse('@Name')).toBe('name');
    expect(handleSchema.parse('  @Mara.Sings_2 ')).toBe('mara.sings_2');
  });

  it('accepts 2 and 24 characters', () => {
    expect(handleSchema.safeParse('ab').success).toBe(true);
    expect(handleSchema.safeParse('a'.repeat(24)).success).toBe(true);
  });

  it.each([
    ['one character', 'a'],
    ['the @ alone', '@'],
    ['25 characters', 'a'.repeat(25)],
    ['a trailing dot', 'mara.'],
    ['a space inside', 'mara sings'],
    ['an emoji', 'mara🔥'],
    ['a hyphen', 'mara-sings'],
    ['an accented letter', 'marà'],
    ['empty', ''],
  ])('refuses %s', (_, handle) => {
    expect(problems(handleSchema, handle)).toEqual([['', HANDLE_MESSAGE]]);
  });
});

describe('profile', () => {
  it('accepts a complete profile and normalises its handle', () => {
    const parsed = profileSchema.parse({ ...profile, handle: '@Mara.Sings' });
    expect(parsed.handle).toBe('mara.sings');
  });

  it.each([
    ['empty', '', 'Required'],
    ['only spaces', '   ', 'Required'],
    ['31 characters', 'x'.repeat(31), 'At most 30 characters'],
    ['a control character', 'Mara\u0007', 'Contains invisible control characters'],
    ['a newline', 'Mara\nSings', 'Contains invisible control characters'],
  ])('refuses a display name that is %s', (_, displayName, message) => {
    expect(problems(profileSchema, { ...profile, displayName })).toEqual([['displayName', message]]);
  });

  it('trims the display name and keeps markup as literal text', () => {
    const name = '<img src=x onerror=alert(1)>';
    expect(profileSchema.parse({ ...profile, displayName: `  ${name} ` }).displayName).toBe(name);
  });

  it('refuses an unknown market and names it', () => {
    expect(problems(profileSchema, { ...profile, market: 'XX' })).toEqual([
      ['market', '"XX" is not a market Tierkit knows'],
    ]);
    expect(marketSchema.safeParse('it').success).toBe(false);
  });

  it.each(['XYZ', 'eur', 'EURO', ''])('refuses the currency "%s"', (currency) => {
    expect(problems(profileSchema, { ...profile, currency })).toEqual([
      ['currency', `"${currency}" is not an ISO 4217 currency code`],
    ]);
  });

  it('accepts a real date of birth in the past', () => {
    const age = { kind: 'birth-date', birthDate: '1990-05-17' };
    expect(profileSchema.safeParse({ ...profile, age }).success).toBe(true);
  });

  it.each([
    ['in the future', `${new Date().getUTCFullYear() + 1}-01-01`],
    ['impossible', '2023-02-30'],
    ['month 13', '1990-13-01'],
    ['not ISO', '17/05/1990'],
    ['before 1900', '1899-12-31'],
  ])('refuses a date of birth %s', (_, birthDate) => {
    expect(problems(profileSchema, { ...profile, age: { kind: 'birth-date', birthDate } })).toEqual([
      ['age.birthDate', 'Enter a real date of birth (YYYY-MM-DD) in the past'],
    ]);
  });

  it('refuses an age of an unknown kind', () => {
    expect(profileSchema.safeParse({ ...profile, age: { kind: 'guess' } }).success).toBe(false);
  });

  it('knows real dates and whole years of age', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2023-02-29')).toBe(false);
    expect(birthDateSchema.safeParse('2024-02-29').success).toBe(true);
    expect(ageOn('2006-06-15', '2024-06-14')).toBe(17);
    expect(ageOn('2006-06-15', '2024-06-15')).toBe(18);
    expect(ageOn('2006-06-15', '2024-07-01')).toBe(18);
  });
});

describe('tier', () => {
  const base = tier({ id: 'gold', name: 'Gold', priceMinor: 999 });

  it('accepts a valid tier', () => {
    expect(tierSchema.parse(base)).toEqual(base);
  });

  it.each([
    ['empty', '', 'Required'],
    ['31 characters', 'G'.repeat(31), 'At most 30 characters'],
    ['a tab', 'Go\tld', 'Contains invisible control characters'],
  ])('refuses a name that is %s', (_, name, message) => {
    expect(problems(tierSchema, { ...base, name })).toEqual([['name', message]]);
  });

  it('accepts a name of exactly 30 characters', () => {
    expect(tierSchema.safeParse({ ...base, name: 'G'.repeat(30) }).success).toBe(true);
  });

  it('keeps markup in a name as literal text', () => {
    const name = '<img src=x onerror=alert(1)>';
    expect(tierSchema.parse({ ...base, name }).name).toBe(name);
  });

  it.each([
    ['zero', 0, 'Must be at least 1'],
    ['negative', -499, 'Must be at least 1'],
    ['fractional', 4.99, 'Must be a whole number'],
    ['too large', MAX_PRICE_MINOR + 1, `Must be at most ${MAX_PRICE_MINOR}`],
    ['a string', '499', 'Wrong kind of value (expected number)'],
  ])('refuses a price that is %s', (_, priceMinor, message) => {
    expect(problems(tierSchema, { ...base, priceMinor })).toEqual([['priceMinor', message]]);
  });

  it('refuses an unknown or lower-case currency', () => {
    expect(problems(tierSchema, { ...base, currency: 'XYZ' })).toEqual([
      ['currency', '"XYZ" is not an ISO 4217 currency code'],
    ]);
    expect(problems(tierSchema, { ...base, currency: 'eur' })).toEqual([
      ['currency', '"eur" is not an ISO 4217 currency code'],
    ]);
  });

  it('refuses an unknown status and a perk listed twice', () => {
    expect(problems(tierSchema, { ...base, status: 'paused' })[0]?.[0]).toBe('status');
    expect(problems(tierSchema, { ...base, perkIds: ['a', 'b', 'a'] })).toEqual([
      ['perkIds.2', 'The perk "a" is already listed at perkIds › 1'],
    ]);
  });

  it('refuses a missing field with its path', () => {
    const { name: _, ...nameless } = base;
    expect(problems(tierSchema, nameless)).toEqual([['name', 'Required']]);
  });

  it('answers in Italian when the language is Italian', () => {
    setLanguage('it');
    expect(problems(tierSchema, { ...base, name: '' })).toEqual([['name', 'Obbligatorio']]);
  });
});

describe('badge', () => {
  const badge = { label: 'GOLD', color: '#ffcc00' };

  it('accepts 4 characters, and 4 graphemes made of emoji and flags', () => {
    expect(badgeSchema.safeParse(badge).success).toBe(true);
    expect(badgeSchema.safeParse({ ...badge, label: '🇮🇹🔥AB' }).success).toBe(true);
    expect(badgeSchema.safeParse({ ...badge, label: '👩‍👩‍👧é' }).success).toBe(true);
  });

  it('refuses 5 characters, nothing, and spaces', () => {
    expect(problems(badgeSchema, { ...badge, label: 'GOLDS' })).toEqual([
      ['label', 'A badge label has 1 to 4 characters'],
    ]);
    expect(problems(badgeSchema, { ...badge, label: '🇮🇹🔥ABC' })).toEqual([
      ['label', 'A badge label has 1 to 4 characters'],
    ]);
    expect(problems(badgeSchema, { ...badge, label: '  ' })).toEqual([
      ['label', 'A badge label has 1 to 4 characters'],
    ]);
    expect(problems(badgeSchema, { ...badge, label: 'G D' })).toEqual([['label', 'A badge label has no spaces']]);
    expect(problems(badgeSchema, { ...badge, label: 'G\u200bD' })).toEqual([['label', 'A badge label has no spaces']]);
    expect(problems(badgeSchema, { ...badge, label: 'G\u200dD' })).toEqual([['label', 'A badge label has no spaces']]);
  });

  it.each(['#ffcc0', 'ffcc00', '#ffcc00aa', 'red', '#gggggg'])('refuses the colour %s', (color) => {
    expect(problems(badgeSchema, { ...badge, color })).toEqual([['color', 'Use a colour like #ff0050']]);
  });

  it.each(['🔥', '👩‍👩‍👧', '🇮🇹', ''])('accepts the emoji "%s"', (emoji) => {
    expect(badgeSchema.safeParse({ ...badge, emoji }).success).toBe(true);
  });

  it.each(['A', '🔥🔥', '1', ' '])('refuses the emoji "%s"', (emoji) => {
    expect(problems(badgeSchema, { ...badge, emoji })).toEqual([['emoji', 'One emoji, or nothing']]);
  });
});

describe('tenure steps', () => {
  it('accepts rising steps', () => {
    expect(tenureStepsSchema.safeParse([1, 2, 3, 6, 9, 12, 18, 24, 36]).success).toBe(true);
  });

  it.each([
    ['equal', [1, 2, 2]],
    ['falling', [1, 6, 3]],
  ])('refuses steps that are %s', (_, steps) => {
    expect(problems(tenureStepsSchema, steps)).toEqual([['', 'Each step must be more months than the one before']]);
  });

  it('refuses none, zero months, and fractions', () => {
    expect(problems(tenureStepsSchema, [])).toEqual([['', 'At least 1 needed']]);
    expect(problems(tenureStepsSchema, [0, 1])).toEqual([['0', 'Must be at least 1']]);
    expect(problems(tenureStepsSchema, [1, 1.5])[0]).toEqual(['1', 'Must be a whole number']);
  });
});

describe('perk', () => {
  it('accepts every kind with its own fields', () => {
    expect(perkSchema.parse(perk('d', { kind: 'discord-role', roleName: 'VIP', serverName: 'Mara fans' } as never))).toMatchObject({
      roleName: 'VIP',
    });
    expect(perkSchema.parse(perk('s', { kind: 'stickers', count: 5 } as never))).toMatchObject({ count: 5 });
    expect(perkSchema.parse(perk('m', { kind: 'direct-messages', replyWithinDays: 3 } as never))).toMatchObject({
      replyWithinDays: 3,
    });
  });

  it('requires a Discord role its role name', () => {
    expect(problems(perkSchema, perk('d', { kind: 'discord-role' } as never))).toEqual([['roleName', 'Required']]);
    expect(problems(perkSchema, perk('d', { kind: 'discord-role', roleName: ' ' } as never))).toEqual([
      ['roleName', 'Required'],
    ]);
  });

  it('checks the bounds of kind-specific numbers', () => {
    expect(problems(perkSchema, perk('s', { kind: 'stickers', count: 51 } as never))).toEqual([
      ['count', 'Must be at most 50'],
    ]);
    expect(problems(perkSchema, perk('v', { kind: 'subscriber-videos', perMonth: 0 } as never))).toEqual([
      ['perMonth', 'Must be at least 1'],
    ]);
    expect(problems(perkSchema, perk('m', { kind: 'direct-messages', replyWithinDays: 31 } as never))).toEqual([
      ['replyWithinDays', 'Must be at most 30'],
    ]);
  });

  it('drops fields of another kind rather than keeping them', () => {
    const parsed = perkSchema.parse({ ...perk('c'), roleName: 'VIP' });
    expect(parsed).not.toHaveProperty('roleName');
  });

  it('refuses an unknown kind, an empty title, and a bad id', () => {
    expect(problems(perkSchema, perk('x', { kind: 'gift' } as never))).toEqual([['kind', 'Not valid']]);
    expect(problems(perkSchema, perk('x', { title: '' }))).toEqual([['title', 'Required']]);
    expect(problems(perkSchema, perk('has space'))).toEqual([['id', 'Not a valid identifier']]);
  });

  it('keeps markup in a title as literal text', () => {
    expect(perkSchema.parse(perk('x', { title: '<script>alert(1)</script>' })).title).toBe('<script>alert(1)</script>');
  });
});

describe('price points, revenue rules, settings', () => {
  it('refuses a minimum above the maximum and suggestions outside the range', () => {
    expect(problems(pricePointsSchema, { currency: 'EUR', suggested: [], min: 500, max: 400 })).toEqual([
      ['max', 'The maximum is below the minimum'],
    ]);
    expect(problems(pricePointsSchema, { currency: 'EUR', suggested: [50, 499], min: 99, max: 999 })).toEqual([
      ['suggested', 'Every suggested price must lie between the minimum and the maximum'],
    ]);
    expect(problems(pricePointsSchema, { currency: 'XYZ', suggested: [], min: 1, max: 2 })[0]?.[0]).toBe('currency');
  });

  it('refuses a revenue rule with a bad market code or share', () => {
    const rule = emptyWorkspace().revenueRules[0]!;
    expect(revenueRuleSchema.safeParse(rule).success).toBe(true);
    expect(problems(revenueRuleSchema, { ...rule, markets: ['usa'] })).toEqual([
      ['markets.0', 'Use a two-letter country code, or * for every other market'],
    ]);
    expect(problems(revenueRuleSchema, { ...rule, creatorSharePercent: 101 })).toEqual([
      ['creatorSharePercent', 'Must be at most 100'],
    ]);
  });

  it('refuses an app-store fee above 50% and a negative subscriber count', () => {
    const settings = emptyWorkspace().settings;
    expect(problems(settingsSchema, { ...settings, planner: { ...settings.planner, appStoreFeePercent: 51 } })).toEqual([
      ['planner.appStoreFeePercent', 'Must be at most 50'],
    ]);
    expect(
      problems(settingsSchema, { ...settings, planner: { ...settings.planner, expectedSubscribers: { gold: -1 } } }),
    ).toEqual([['planner.expectedSubscribers.gold', 'Must be at least 0']]);
  });

  it('accepts the default workspace and a full one', () => {
    expect(workspaceSchema.safeParse(emptyWorkspace()).success).toBe(true);
    expect(workspaceSchema.safeParse(threeTiers()).success).toBe(true);
  });

  it('requires at least one rules profile and one revenue rule', () => {
    expect(problems(workspaceSchema, { ...emptyWorkspace(), rulesProfiles: [] })).toEqual([
      ['rulesProfiles', 'At least 1 needed'],
    ]);
  });
});
