import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyCommand, commandSchema, importBackup, type Command } from '@/lib/domain/commands';
import type { TierInput } from '@/lib/domain/schema';
import { createBackup } from '@/lib/domain/backup';
import { emptyWorkspace } from '@/lib/domain/defaults';
import type { Workspace } from '@/lib/domain/schema';
import { versionOf } from '@/lib/domain/version';
import { setLanguage } from '@/lib/i18n';
import { NOW, context, perk, profile, threeTiers, tier, workspace } from './fixtures';

const run = (ws: Workspace, command: Command, locale = 'en-US') => applyCommand(ws, command, context(locale));
const ok = (ws: Workspace, command: Command): Workspace => {
  const result = run(ws, command);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
};
const fail = (ws: Workspace, command: Command, locale = 'en-US') => {
  const result = run(ws, command, locale);
  if (result.ok) throw new Error('expected the command to fail');
  return result.problems.map((p) => [p.path.join('.'), p.message]);
};
const order = (ws: Workspace) => [...ws.tiers].sort((a, b) => a.position - b.position).map((t) => `${t.id}@${t.position}`);
const input = (over: Partial<TierInput> = {}): TierInput => ({
  name: 'Platinum',
  priceMinor: 1999,
  currency: 'EUR',
  description: 'The best',
  perkIds: ['chat'],
  includesLowerTiers: true,
  badge: { label: 'PLAT', color: '#e5e4e2', emoji: '💎' },
  tenureSteps: [1, 2, 3],
  ...over,
});

describe('profile.save', () => {
  it('saves the profile, normalised and stamped', () => {
    const { updatedAt: _, ...form } = profile;
    const next = ok(emptyWorkspace(), { type: 'profile.save', profile: { ...form, handle: '@Mara.Sings' } });
    expect(next.profile).toEqual({ ...profile, handle: 'mara.sings', updatedAt: NOW + 1000 });
  });

  it('refuses a bad handle with its path', () => {
    const { updatedAt: _, ...form } = profile;
    expect(fail(emptyWorkspace(), { type: 'profile.save', profile: { ...form, handle: 'a' } })).toEqual([
      ['handle', 'A TikTok username has 2 to 24 letters, digits, "_" or "." and does not end with "."'],
    ]);
  });
});

describe('tier.save', () => {
  it('creates a draft at the end with a new id and timestamps', () => {
    const next = ok(threeTiers(), { type: 'tier.save', tier: input() });
    const created = next.tiers.find((t) => t.name === 'Platinum')!;
    expect(created).toMatchObject({ id: 'new-1', status: 'draft', position: 3, createdAt: NOW + 1000, updatedAt: NOW + 1000 });
    expect(order(next)).toEqual(['bronze@0', 'silver@1', 'gold@2', 'new-1@3']);
  });

  it('edits an existing tier, keeping its position, status and creation time', () => {
    const next = ok(threeTiers(), { type: 'tier.save', tier: input({ id: 'silver', name: 'Silver', priceMinor: 599 }), loaded: NOW });
    const silver = next.tiers.find((t) => t.id === 'silver')!;
    expect(silver).toMatchObject({ position: 1, status: 'active', createdAt: NOW, updatedAt: NOW + 1000, priceMinor: 599 });
    expect(next.tiers).toHaveLength(3);
  });

  it('refuses problems with paths relative to the form', () => {
    expect(fail(threeTiers(), { type: 'tier.save', tier: input({ name: ' gold ' }) })).toEqual([
      ['name', 'There is already a tier named "gold"'],
    ]);
    expect(fail(threeTiers(), { type: 'tier.save', tier: input({ badge: { label: 'PLATI', color: '#ffffff' } }) })).toEqual([
      ['badge.label', 'A badge label has 1 to 4 characters'],
    ]);
    expect(fail(threeTiers(), { type: 'tier.save', tier: input({ perkIds: ['ghost'] }) })).toEqual([
      ['perkIds.0', 'This perk is not in the perk library'],
    ]);
    expect(fail(threeTiers(), { type: 'tier.save', tier: input({ id: 'gold', name: 'Gold', priceMinor: 399 }), loaded: NOW })).toEqual([
      ['priceMinor', 'Prices must rise with position: Gold (€3.99) cannot sit above Silver (€4.99)'],
    ]);
  });

  it('keeps paths about other tiers workspace-wide', () => {
    // Making Bronze dearer than Silver is a problem of Silver, the tier above it.
    expect(fail(threeTiers(), { type: 'tier.save', tier: input({ id: 'bronze', name: 'Bronze', priceMinor: 899 }), loaded: NOW })).toEqual([
      ['tiers.1.priceMinor', 'Prices must rise with position: Silver (€4.99) cannot sit above Bronze (€8.99)'],
    ]);
  });

  it('refuses a fourth active tier', () => {
    expect(fail(threeTiers(), { type: 'tier.save', tier: input({ status: 'active' }) })).toEqual([
      ['status', 'At most 3 tiers can be active at once: archive or keep one as a draft'],
    ]);
  });
});

describe('tier.move', () => {
  const drafts = () =>
    workspace(['a', 'b', 'c', 'd'].map((id, position) => tier({ id, position, priceMinor: 499 })));

  it('moves a tier up, down, to either end, and clamps past the end', () => {
    expect(order(ok(drafts(), { type: 'tier.move', id: 'c', to: 0 }))).toEqual(['c@0', 'a@1', 'b@2', 'd@3']);
    expect(order(ok(drafts(), { type: 'tier.move', id: 'a', to: 2 }))).toEqual(['b@0', 'c@1', 'a@2', 'd@3']);
    expect(order(ok(drafts(), { type: 'tier.move', id: 'b', to: 3 }))).toEqual(['a@0', 'c@1', 'd@2', 'b@3']);
    expect(order(ok(drafts(), { type: 'tier.move', id: 'a', to: 99 }))).toEqual(['b@0', 'c@1', 'd@2', 'a@3']);
  });

  it('refuses an unknown tier, a negative target, and a move that breaks rising prices', () => {
    expect(fail(drafts(), { type: 'tier.move', id: 'zz', to: 0 })).toEqual([['', 'That tier no longer exists']]);
    expect(commandSchema.safeParse({ type: 'tier.move', id: 'a', to: -1 }).success).toBe(false);
    expect(commandSchema.safeParse({ type: 'tier.move', id: 'a', to: 1.5 }).success).toBe(false);
    // The path indexes the order the move would have made (Gold, Bronze, Silver).
    expect(fail(threeTiers(), { type: 'tier.move', id: 'gold', to: 0 })).toEqual([
      ['tiers.1.priceMinor', 'Prices must rise with position: Bronze (€2.99) cannot sit above Gold (€9.99)'],
    ]);
  });

  it('property: positions stay a permutation of 0..n-1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 12 })), { minLength: 1, maxLength: 10 }),
        (n, moves) => {
          let ws = workspace(Array.from({ length: n }, (_, i) => tier({ id: `t${i}`, position: i })));
          for (const [pick, to] of moves) {
            const id = `t${pick % n}`;
            ws = ok(ws, { type: 'tier.move', id, to });
            expect(ws.tiers.find((t) => t.id === id)!.position).toBe(Math.min(to, n - 1));
          }
          expect(ws.tiers.map((t) => t.position).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('tier.setStatus and tier.delete', () => {
  it('archives and re-activates a tier', () => {
    const archived = ok(threeTiers(), { type: 'tier.setStatus', id: 'silver', status: 'archived' });
    // The status is the list's to set, like the position: an editor open on the tier is not made stale.
    expect(archived.tiers.find((t) => t.id === 'silver')).toMatchObject({ status: 'archived', updatedAt: NOW });
    expect(ok(archived, { type: 'tier.setStatus', id: 'silver', status: 'active' }).tiers[1]!.status).toBe('active');
  });

  it('refuses a fourth active tier and an unknown one', () => {
    const ws = ok(threeTiers(), { type: 'tier.save', tier: input() });
    expect(fail(ws, { type: 'tier.setStatus', id: 'new-1', status: 'active' })).toEqual([
      ['tiers.3.status', 'At most 3 tiers can be active at once: archive or keep one as a draft'],
    ]);
    expect(fail(ws, { type: 'tier.setStatus', id: 'nope', status: 'draft' })).toEqual([['', 'That tier no longer exists']]);
  });

  it('deletes a tier, renumbers the rest and drops its planner entry', () => {
    const ws = threeTiers();
    ws.settings.planner.expectedSubscribers = { bronze: 10, silver: 5, gold: 1 };
    const next = ok(ws, { type: 'tier.delete', id: 'silver' });
    expect(order(next)).toEqual(['bronze@0', 'gold@1']);
    expect(next.settings.planner.expectedSubscribers).toEqual({ bronze: 10, gold: 1 });
    expect(ws.tiers).toHaveLength(3);
    expect(fail(next, { type: 'tier.delete', id: 'silver' })).toEqual([['', 'That tier no longer exists']]);
  });
});

describe('perk.save and perk.delete', () => {
  it('creates a perk with a new id and edits one in place', () => {
    const created = ok(threeTiers(), { type: 'perk.save', perk: { kind: 'shoutout', title: 'Monthly shoutout', description: '', perMonth: 1 } });
    expect(created.perks.at(-1)).toEqual({ id: 'new-1', kind: 'shoutout', title: 'Monthly shoutout', description: '', perMonth: 1 });
    const edited = ok(created, {
      type: 'perk.save',
      perk: { id: 'chat', kind: 'subscriber-chat', title: 'Group chat', description: '' },
      loaded: versionOf(perk('chat')),
    });
    expect(edited.perks.map((p) => p.title)).toEqual(['Group chat', 'Videos', 'Discord', 'Monthly shoutout']);
  });

  it('refuses a Discord role without a role name, with the form path', () => {
    expect(fail(threeTiers(), { type: 'perk.save', perk: { kind: 'discord-role', title: 'Role', description: '' } })).toEqual([
      ['roleName', 'Required'],
    ]);
    expect(fail(threeTiers(), { type: 'perk.save', perk: { kind: 'teleport', title: 'x', description: '' } })).toEqual([
      ['kind', 'Not valid'],
    ]);
  });

  it('deleting a perk detaches it from every tier', () => {
    const ws = threeTiers();
    ws.tiers[2] = { ...ws.tiers[2]!, perkIds: ['discord', 'chat'] };
    const next = ok(ws, { type: 'perk.delete', id: 'chat' });
    expect(next.perks.map((p) => p.id)).toEqual(['videos', 'discord']);
    expect(next.tiers.map((t) => t.perkIds)).toEqual([[], ['videos'], ['discord']]);
    expect(next.tiers[2]!.updatedAt).toBe(NOW + 1000);
    expect(next.tiers[1]!.updatedAt).toBe(NOW);
    expect(fail(next, { type: 'perk.delete', id: 'chat' })).toEqual([['', 'That perk no longer exists']]);
  });
});

describe('data the creator edits', () => {
  it('saves settings and refuses an unknown rules profile', () => {
    const loaded = versionOf(emptyWorkspace().settings);
    const settings = { ...emptyWorkspace().settings, theme: 'dark' as const };
    expect(ok(threeTiers(), { type: 'settings.save', settings, loaded }).settings.theme).toBe('dark');
    expect(fail(threeTiers(), { type: 'settings.save', settings: { ...settings, rulesProfileId: 'gone' }, loaded })).toEqual([
      ['settings.rulesProfileId', 'The chosen rules profile does not exist'],
    ]);
  });

  it('a stricter rules profile is refused while too many tiers are active', () => {
    const loaded = versionOf(emptyWorkspace().rulesProfiles);
    expect(fail(threeTiers(), { type: 'rulesProfiles.save', rulesProfiles: [{ id: 'tiktok-subscription', name: 'Strict', maxActiveTiers: 2 }], loaded })).toEqual([
      ['tiers.2.status', 'At most 2 tiers can be active at once: archive or keep one as a draft'],
    ]);
  });

  it('price points that put a tier out of range are refused', () => {
    const pricePoints = emptyWorkspace().pricePoints.map((p) => (p.currency === 'EUR' ? { ...p, suggested: [299, 499], max: 500 } : p));
    expect(fail(threeTiers(), { type: 'pricePoints.save', pricePoints, loaded: versionOf(emptyWorkspace().pricePoints) })).toEqual([
      ['tiers.2.priceMinor', 'The price must be between €0.99 and €5.00'],
    ]);
  });

  it('revenue rules need a catch-all', () => {
    const rules = emptyWorkspace().revenueRules;
    const loaded = versionOf(rules);
    expect(ok(threeTiers(), { type: 'revenueRules.save', revenueRules: rules.map((r) => ({ ...r, bonusMaxPercent: 10 })), loaded }).revenueRules[0]!.bonusMaxPercent).toBe(10);
    expect(fail(threeTiers(), { type: 'revenueRules.save', revenueRules: [rules[0]!], loaded })).toEqual([
      ['revenueRules', 'One revenue rule must cover every other market (*)'],
    ]);
  });

  it('saves Super Fan whole, refusing one saved from another version or with a currency priced twice', () => {
    const superFan = emptyWorkspace().superFan;
    const loaded = versionOf(superFan);
    const offered = { ...superFan, offered: true, creatorSharePercent: 55 };
    const next = ok(threeTiers(), { type: 'superFan.save', superFan: offered, loaded });
    expect(next.superFan).toEqual(offered);
    expect(fail(next, { type: 'superFan.save', superFan, loaded })).toEqual([
      ['', 'Another window saved a change here after you opened this form, so your change was not saved. Reload to see the saved version, then make your change again.'],
    ]);
    const twice = { ...superFan, prices: [...superFan.prices, { currency: 'USD', priceMinor: 499 }] };
    expect(fail(threeTiers(), { type: 'superFan.save', superFan: twice, loaded })[0]![0]).toBe(`superFan.prices.${superFan.prices.length}.currency`);
    expect(commandSchema.safeParse({ type: 'superFan.save', superFan: { ...superFan, creatorSharePercent: 101 }, loaded }).success).toBe(false);
  });
});

describe('importBackup, workspace.restore and workspace.wipe', () => {
  const backup = (ws: Workspace) => createBackup(ws, new Date(NOW), '1.0.0');

  it('replace brings the backup back exactly', () => {
    expect(importBackup(emptyWorkspace(), backup(threeTiers()), 'replace', context())).toEqual({ ok: true, value: threeTiers() });
  });

  it('merge with a same-named tier of another id is refused, listing the conflict', () => {
    const incoming = workspace([tier({ id: 'other-gold', name: 'GOLD', priceMinor: 1999, position: 0 })]);
    const result = importBackup(threeTiers(), backup(incoming), 'merge', context());
    expect(result.ok ? [] : result.problems.map((p) => [p.path.join('.'), p.message])).toEqual([
      ['', 'Merged with what you have, the backup breaks these rules; nothing was changed:'],
      ['tiers.3.name', 'There is already a tier named "GOLD"'],
    ]);
  });

  it('restore puts back a workspace as it was, and refuses an inconsistent one', () => {
    const before = threeTiers();
    const after = ok(before, { type: 'tier.delete', id: 'gold' });
    expect(ok(after, { type: 'workspace.restore', workspace: before })).toEqual(before);
    const broken = { ...before, tiers: before.tiers.map((t) => ({ ...t, name: 'Same' })) };
    expect(fail(after, { type: 'workspace.restore', workspace: broken }).map(([path]) => path)).toEqual(['tiers.1.name', 'tiers.2.name']);
  });

  it('wipe leaves the defaults', () => {
    expect(ok(threeTiers(), { type: 'workspace.wipe' })).toEqual(emptyWorkspace());
  });

  it('messages follow the language', () => {
    setLanguage('it');
    expect(fail(threeTiers(), { type: 'tier.delete', id: 'nope' })).toEqual([['', 'Quel livello non esiste più']]);
    expect(fail(threeTiers(), { type: 'tier.save', tier: input({ priceMinor: 10000 }) }, 'it-IT')).toEqual([
      ['priceMinor', 'Il prezzo deve essere tra 0,99\u00a0€ e 99,99\u00a0€'],
    ]);
  });
});

describe('saves built on a record as an editor loaded it', () => {
  const changed = [['', 'Another window saved a change here after you opened this form, so your change was not saved. Reload to see the saved version, then make your change again.']];
  const deleted = [['', 'This was deleted in another window after you opened this form, so your change was not saved.']];

  it('refuses a tier changed or deleted since, and one made under a taken id', () => {
    const renamed = ok(threeTiers(), { type: 'tier.save', tier: input({ id: 'gold', name: 'Golden', priceMinor: 999 }), loaded: NOW });
    expect(fail(renamed, { type: 'tier.save', tier: input({ id: 'gold', name: 'Gold', priceMinor: 1299 }), loaded: NOW })).toEqual(changed);
    const gone = ok(threeTiers(), { type: 'tier.delete', id: 'gold' });
    expect(fail(gone, { type: 'tier.save', tier: input({ id: 'gold', name: 'Gold', priceMinor: 1299 }), loaded: NOW })).toEqual(deleted);
    expect(fail(threeTiers(), { type: 'tier.save', tier: input({ id: 'gold', name: 'Gold', priceMinor: 1299 }) })).toEqual(changed);
  });

  it('moves updatedAt past the version saved before, even within the same millisecond', () => {
    const ws = threeTiers();
    ws.tiers[2] = { ...ws.tiers[2]!, updatedAt: NOW + 1000 };
    const next = ok(ws, { type: 'tier.save', tier: input({ id: 'gold', name: 'Gold', priceMinor: 1299 }), loaded: NOW + 1000 });
    expect(next.tiers[2]!.updatedAt).toBe(NOW + 1001);
  });

  it('refuses settings and lists saved whole from another version than the stored one', () => {
    const ws = threeTiers();
    const settings = { ...ws.settings, theme: 'dark' as const };
    expect(fail(ws, { type: 'settings.save', settings, loaded: versionOf({ ...ws.settings, language: 'it' }) })).toEqual(changed);
    const reordered = [...ws.revenueRules].reverse();
    // The list's order is not part of its version: its table gives the rows back in key order.
    expect(versionOf(reordered)).toBe(versionOf(ws.revenueRules));
    expect(fail(ws, { type: 'revenueRules.save', revenueRules: ws.revenueRules, loaded: versionOf(ws.revenueRules.slice(1)) })).toEqual(changed);
  });
});

describe('commandSchema', () => {
  it('refuses unknown commands and malformed fields', () => {
    expect(commandSchema.safeParse({ type: 'tier.nuke' }).success).toBe(false);
    expect(commandSchema.safeParse({ type: 'tier.delete', id: '../etc' }).success).toBe(false);
    // A backup comes in parts, as its own requests (lib/protocol/requests.ts), not as a command.
    expect(commandSchema.safeParse({ type: 'backup.import', text: '{}', mode: 'replace' }).success).toBe(false);
    expect(commandSchema.safeParse({ type: 'tier.delete', id: 'gold' }).success).toBe(true);
  });

  it('a tier form cannot set bookkeeping fields', () => {
    const next = ok(threeTiers(), { type: 'tier.save', tier: { ...input(), position: 99, createdAt: 1 } as TierInput });
    expect(next.tiers.find((t) => t.id === 'new-1')).toMatchObject({ position: 3, createdAt: NOW + 1000 });
  });
});
