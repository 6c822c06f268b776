import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { activeRules, effectivePerks, pricePointsFor, sortTiers, tenureLevel, validateOffer } from '@/lib/domain/offer';
import { emptyWorkspace } from '@/lib/domain/defaults';
import { workspaceSchema, type Tier, type Workspace } from '@/lib/domain/schema';
import { setLanguage } from '@/lib/i18n';
import { perk, threeTiers, tier, workspace } from './fixtures';

const paths = (ws: Workspace) => validateOffer(ws, 'en-US').map((p) => p.path.join('.'));
const messages = (ws: Workspace) => validateOffer(ws, 'en-US').map((p) => p.message);
const withTiers = (ws: Workspace, change: (tiers: Tier[]) => Tier[]): Workspace => ({ ...ws, tiers: change(ws.tiers) });

describe('validateOffer', () => {
  it('finds nothing wrong with a sound offer or an empty one', () => {
    expect(validateOffer(threeTiers(), 'en-US')).toEqual([]);
    expect(validateOffer(emptyWorkspace(), 'en-US')).toEqual([]);
  });

  it.each(['Silver', 'silver', '  SILVER  ', 'sIlVeR'])('refuses a second tier named "%s"', (name) => {
    const ws = withTiers(threeTiers(), (tiers) => [...tiers, tier({ id: 'x', name, priceMinor: 1999, position: 3 })]);
    expect(validateOffer(ws, 'en-US')).toEqual([
      { path: ['tiers', 3, 'name'], message: `There is already a tier named "${name}"` },
    ]);
  });

  it('refuses duplicate names even among drafts and archived tiers', () => {
    const ws = workspace([
      tier({ id: 'a', name: 'Fan', status: 'archived' }),
      tier({ id: 'b', name: 'fan', status: 'draft', position: 1 }),
    ]);
    expect(paths(ws)).toEqual(['tiers.1.name']);
  });

  it('refuses a fourth active tier under the default rules, naming the limit', () => {
    const ws = withTiers(threeTiers(), (tiers) => [
      ...tiers,
      tier({ id: 'plat', name: 'Platinum', priceMinor: 1999, position: 3, status: 'active' }),
    ]);
    expect(validateOffer(ws, 'en-US')).toEqual([
      { path: ['tiers', 3, 'status'], message: 'At most 3 tiers can be active at once: archive or keep one as a draft' },
    ]);
  });

  it('lets a rules profile with 5 allow 5 active tiers, but not 6', () => {
    const five = [299, 499, 999, 1499, 1999].map((priceMinor, position) =>
      tier({ id: `t${position}`, priceMinor, position, status: 'active' }),
    );
    const rules = { rulesProfiles: [{ id: 'five', name: 'Five', maxActiveTiers: 5 }] };
    const ws = workspace(five, [], { ...rules, settings: { ...emptyWorkspace().settings, rulesProfileId: 'five' } });
    expect(activeRules(ws).maxActiveTiers).toBe(5);
    expect(validateOffer(ws, 'en-US')).toEqual([]);
    const six = withTiers(ws, (tiers) => [...tiers, tier({ id: 't5', priceMinor: 2499, position: 5, status: 'active' })]);
    expect(paths(six)).toEqual(['tiers.5.status']);
  });

  it('does not count drafts and archived tiers as active', () => {
    const ws = withTiers(threeTiers(), (tiers) => [
      ...tiers,
      tier({ id: 'd', name: 'Draft', priceMinor: 100, position: 3, status: 'draft' }),
      tier({ id: 'a', name: 'Old', priceMinor: 100, position: 4, status: 'archived' }),
    ]);
    expect(validateOffer(ws, 'en-US')).toEqual([]);
  });

  it('refuses active prices that do not rise with position, naming both tiers and prices', () => {
    const ws = withTiers(threeTiers(), (tiers) => tiers.map((t) => (t.id === 'gold' ? { ...t, priceMinor: 499 } : t)));
    expect(validateOffer(ws, 'en-US')).toEqual([
      {
        path: ['tiers', 2, 'priceMinor'],
        message: 'Prices must rise with position: Gold (€4.99) cannot sit above Silver (€4.99)',
      },
    ]);
  });

  it('compares prices by position, not by array order', () => {
    const ws = threeTiers();
    const shuffled = { ...ws, tiers: [ws.tiers[2]!, ws.tiers[0]!, ws.tiers[1]!] };
    expect(validateOffer(shuffled, 'en-US')).toEqual([]);
    const swapped = withTiers(ws, (tiers) =>
      tiers.map((t) => (t.id === 'bronze' ? { ...t, position: 1 } : t.id === 'silver' ? { ...t, position: 0 } : t)),
    );
    expect(paths(swapped)).toEqual(['tiers.0.priceMinor']);
  });

  it('skips drafts and archived tiers when checking that prices rise', () => {
    const ws = withTiers(threeTiers(), (tiers) => [
      ...tiers.map((t) => (t.id === 'silver' ? { ...t, status: 'draft' as const, priceMinor: 5000 } : t)),
      tier({ id: 'cheap', name: 'Cheap', priceMinor: 99, position: 3, status: 'archived' }),
    ]);
    expect(validateOffer(ws, 'en-US')).toEqual([]);
  });

  it('refuses a price outside the currency range, formatted in the locale', () => {
    const ws = withTiers(threeTiers(), (tiers) => tiers.map((t) => (t.id === 'gold' ? { ...t, priceMinor: 10000 } : t)));
    expect(validateOffer(ws, 'en-US')).toEqual([
      { path: ['tiers', 2, 'priceMinor'], message: 'The price must be between €0.99 and €99.99' },
    ]);
    setLanguage('it');
    expect(validateOffer(ws, 'it-IT')[0]?.message).toBe('Il prezzo deve essere tra 0,99\u00a0€ e 99,99\u00a0€');
    const low = withTiers(threeTiers(), (tiers) => tiers.map((t) => (t.id === 'bronze' ? { ...t, priceMinor: 98 } : t)));
    expect(paths(low)).toEqual(['tiers.0.priceMinor']);
  });

  it('accepts the range bounds themselves, and any price in a currency without a range', () => {
    const ws = workspace([
      tier({ id: 'a', priceMinor: 99, status: 'active' }),
      tier({ id: 'b', priceMinor: 9999, position: 1, status: 'active' }),
    ]);
    expect(validateOffer(ws, 'en-US')).toEqual([]);
    expect(pricePointsFor(ws, 'ISK')).toBeUndefined();
    expect(validateOffer(workspace([tier({ id: 'a', priceMinor: 1, currency: 'ISK' })]), 'en-US')).toEqual([]);
  });

  it('refuses mixed currencies among tiers that are not archived', () => {
    const ws = withTiers(threeTiers(), (tiers) => tiers.map((t) => (t.id === 'silver' ? { ...t, currency: 'USD' } : t)));
    expect(validateOffer(ws, 'en-US')).toEqual([
      { path: ['tiers', 1, 'currency'], message: 'All tiers must use the same currency' },
    ]);
    const archived = withTiers(ws, (tiers) => tiers.map((t) => (t.id === 'silver' ? { ...t, status: 'archived' as const } : t)));
    expect(validateOffer(archived, 'en-US')).toEqual([]);
  });

  it('refuses perk ids that are not in the library, with the perk position', () => {
    const ws = withTiers(threeTiers(), (tiers) =>
      tiers.map((t) => (t.id === 'silver' ? { ...t, perkIds: ['videos', 'ghost'] } : t)),
    );
    expect(validateOffer(ws, 'en-US')).toEqual([
      { path: ['tiers', 1, 'perkIds', 1], message: 'This perk is not in the perk library' },
    ]);
  });

  it('refuses an unknown rules profile and a missing fallback rule', () => {
    const ws = emptyWorkspace();
    ws.settings.rulesProfileId = 'gone';
    ws.revenueRules = ws.revenueRules.filter((r) => !r.markets.includes('*'));
    expect(messages(ws)).toEqual(['The chosen rules profile does not exist', 'One revenue rule must cover every other market (*)']);
    expect(paths(ws)).toEqual(['settings.rulesProfileId', 'revenueRules']);
  });
});

describe('effectivePerks', () => {
  const titles = (ws: Workspace, id: string) =>
    effectivePerks(ws.tiers.find((t) => t.id === id)!, ws.tiers, ws.perks).map(
      (p) => `${p.perk.id}${p.inheritedFrom ? `<${p.inheritedFrom.id}` : ''}`,
    );

  it('gives the lowest tier only its own perks', () => {
    expect(titles(threeTiers(), 'bronze')).toEqual(['chat']);
  });

  it('marks inherited perks with the tier they come from, nearest first', () => {
    expect(titles(threeTiers(), 'gold')).toEqual(['discord', 'videos<silver', 'chat<bronze']);
  });

  it('lists a perk once, as the tier\'s own when it grants it itself', () => {
    const ws = withTiers(threeTiers(), (tiers) =>
      tiers.map((t) => (t.id === 'gold' ? { ...t, perkIds: ['discord', 'chat'] } : t.id === 'silver' ? { ...t, perkIds: ['videos', 'chat'] } : t)),
    );
    expect(titles(ws, 'gold')).toEqual(['discord', 'chat', 'videos<silver']);
  });

  it('inherits nothing when the tier does not include lower tiers', () => {
    const ws = withTiers(threeTiers(), (tiers) => tiers.map((t) => (t.id === 'gold' ? { ...t, includesLowerTiers: false } : t)));
    expect(titles(ws, 'gold')).toEqual(['discord']);
  });

  it('skips archived tiers below, and inherits nothing into an archived tier', () => {
    const ws = withTiers(threeTiers(), (tiers) => tiers.map((t) => (t.id === 'silver' ? { ...t, status: 'archived' as const } : t)));
    expect(titles(ws, 'gold')).toEqual(['discord', 'chat<bronze']);
    expect(titles(ws, 'silver')).toEqual(['videos']);
  });

  it('inherits from drafts below, and ignores perk ids missing from the library', () => {
    const ws = withTiers(threeTiers(), (tiers) =>
      tiers.map((t) => (t.id === 'bronze' ? { ...t, status: 'draft' as const, perkIds: ['chat', 'ghost'] } : t)),
    );
    expect(titles(ws, 'gold')).toEqual(['discord', 'videos<silver', 'chat<bronze']);
  });

  it('follows positions, not array order', () => {
    const ws = threeTiers();
    const reversed = { ...ws, tiers: [...ws.tiers].reverse() };
    expect(titles(reversed, 'silver')).toEqual(['videos', 'chat<bronze']);
  });
});

describe('sortTiers and tenureLevel', () => {
  it('sorts by position, then by creation', () => {
    const sorted = sortTiers([
      tier({ id: 'c', position: 1 }),
      tier({ id: 'b', position: 0, createdAt: 2 }),
      tier({ id: 'a', position: 0, createdAt: 1 }),
    ]);
    expect(sorted.map((t) => t.id)).toEqual(['a', 'b', 'c']);
  });

  it.each([
    [0, 0],
    [1, 1],
    [2, 2],
    [5, 3],
    [6, 4],
    [11, 5],
    [12, 6],
    [36, 9],
    [120, 9],
  ])('at %i months the default badge is level %i', (months, level) => {
    expect(tenureLevel(months, [1, 2, 3, 6, 9, 12, 18, 24, 36])).toBe(level);
  });
});

describe('property: validateOffer never throws', () => {
  it('on any workspace that passes workspaceSchema', () => {
    const tierArb = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      name: fc.constantFrom('Gold', 'gold ', 'Silver', 'X'),
      priceMinor: fc.integer({ min: 1, max: 100_000_000 }),
      currency: fc.constantFrom('EUR', 'USD', 'JPY', 'ISK', 'KWD'),
      position: fc.integer({ min: 0, max: 10_000 }),
      status: fc.constantFrom('draft', 'active', 'archived'),
      perkIds: fc.uniqueArray(fc.constantFrom('p1', 'p2', 'ghost'), { maxLength: 3 }),
      includesLowerTiers: fc.boolean(),
    });
    const wsArb = fc.record({
      tiers: fc.uniqueArray(tierArb, { selector: (t) => t.id, maxLength: 5 }),
      perks: fc.uniqueArray(fc.constantFrom('p1', 'p2', 'p3'), { maxLength: 3 }),
      maxActive: fc.integer({ min: 1, max: 10 }),
      rulesProfileId: fc.constantFrom('r', 'missing'),
      fallback: fc.boolean(),
      pricePoints: fc.uniqueArray(fc.record({ currency: fc.constantFrom('EUR', 'USD', 'JPY'), min: fc.integer({ min: 1, max: 500 }), extra: fc.nat(10_000) }), { selector: (p) => p.currency, maxLength: 3 }),
    });
    fc.assert(
      fc.property(wsArb, (w) => {
        const base = emptyWorkspace();
        const candidate: Workspace = {
          ...base,
          tiers: w.tiers.map((t) => tier(t)),
          perks: w.perks.map((id) => perk(id)),
          rulesProfiles: [{ id: 'r', name: 'R', maxActiveTiers: w.maxActive }],
          settings: { ...base.settings, rulesProfileId: w.rulesProfileId },
          revenueRules: w.fallback ? base.revenueRules : [base.revenueRules[0]!],
          pricePoints: w.pricePoints.map((p) => ({ currency: p.currency, suggested: [], min: p.min, max: p.min + p.extra })),
        };
        expect(workspaceSchema.safeParse(candidate).success).toBe(true);
        for (const loc of ['en-US', 'it-IT']) {
          const problems = validateOffer(candidate, loc);
          for (const p of problems) {
            expect(typeof p.message).toBe('string');
            expect(p.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
