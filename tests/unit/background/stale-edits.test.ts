// Two pages editing the same record, against the real background handler on fake-indexeddb: every edit
// carries the version its editor loaded, and a save built on a record that changed or went since is
// refused with nothing written.
import { describe, expect, it } from 'vitest';
import type { Command } from '@/lib/domain/commands';
import type { Problem } from '@/lib/domain/problems';
import type { Perk, Tier, TierInput, Workspace } from '@/lib/domain/schema';
import { versionOf } from '@/lib/domain/version';
import { createHandler } from '@/lib/background/pages-handler';
import type { Response, Snapshot } from '@/lib/protocol/schemas';
import { subscriberSchema, type Subscriber } from '@/lib/roster/schema';
import { rosterPageSchema } from '@/lib/protocol/roster-answers';
import { TierkitDb } from '@/lib/store/db';
import { loadWorkspace } from '@/lib/store/workspace-store';

const NOW = Date.UTC(2026, 10, 24, 12);

function setup() {
  const db = new TierkitDb(`stale-${crypto.randomUUID()}`);
  let clock = NOW;
  let n = 0;
  let published: Snapshot | null = null;
  const handler = createHandler({
    db,
    publish: async (snapshot) => void (published = snapshot),
    browserLanguage: () => 'en-US',
    now: () => clock,
    newId: () => `id-${++n}`,
  });
  const send = (command: Command): Promise<Response> => handler.handle({ type: 'command', command });
  const saved = async (command: Command) => expect(await send(command)).toMatchObject({ ok: true });
  /** What a page sees: the workspace the background last published. */
  const shown = (): Workspace => published!.workspace;
  const stored = async (): Promise<Workspace> => (await loadWorkspace(db)).workspace;
  return {
    db,
    handler,
    send,
    saved,
    shown,
    stored,
    revision: () => published!.revision,
    /** Moves the clock on; saves in the same millisecond leave it where it is. */
    tick: (ms = 1000) => void (clock += ms),
  };
}

const refusal = (response: Response): Problem[] => {
  if (response.ok) throw new Error('expected a refusal');
  return response.problems;
};

const profile = { handle: 'mia.makes', displayName: 'Mia', market: 'IT', currency: 'EUR', age: { kind: 'confirmed-adult' } } as const;

function tierInput(tier: Tier, change: Partial<TierInput> = {}): TierInput {
  const { position: _p, createdAt: _c, updatedAt: _u, ...input } = tier;
  return { ...input, ...change };
}

/** The form fields of a tier as an editor sends them, with the version it loaded. */
const edit = (tier: Tier, change: Partial<TierInput>): Command => ({ type: 'tier.save', tier: tierInput(tier, change), loaded: tier.updatedAt });

async function withGold() {
  const s = setup();
  await s.saved({ type: 'profile.save', profile });
  s.tick();
  await s.saved({
    type: 'tier.save',
    tier: {
      name: 'Gold',
      priceMinor: 999,
      currency: 'EUR',
      description: '',
      perkIds: [],
      includesLowerTiers: true,
      badge: { label: 'GOLD', color: '#ffcc00' },
      tenureSteps: [1, 2, 3],
    },
  });
  s.tick();
  return { ...s, gold: s.shown().tiers[0]! };
}

describe('two editors of one tier', () => {
  it('refuses the later save of a stale editor and keeps the earlier rename', async () => {
    const { send, saved, stored, tick, gold } = await withGold();
    // Both pages loaded Gold as it was; the first renames it.
    await saved(edit(gold, { name: 'Golden' }));
    tick();
    const problems = refusal(await send(edit(gold, { description: 'The best one' })));
    expect(problems).toEqual([
      {
        path: [],
        message: 'Another window saved a change here after you opened this form, so your change was not saved. Reload to see the saved version, then make your change again.',
        conflict: 'changed',
      },
    ]);
    expect((await stored()).tiers).toMatchObject([{ id: gold.id, name: 'Golden', description: '' }]);
  });

  it('refuses to bring a deleted tier back', async () => {
    const { send, saved, stored, gold } = await withGold();
    await saved({ type: 'tier.delete', id: gold.id });
    const problems = refusal(await send(edit(gold, { name: 'Golden' })));
    expect(problems).toEqual([
      { path: [], message: 'This was deleted in another window after you opened this form, so your change was not saved.', conflict: 'deleted' },
    ]);
    expect((await stored()).tiers).toEqual([]);
  });

  it('lets a page save again after its own save, with the updatedAt its snapshot shows', async () => {
    const { saved, shown, stored, gold } = await withGold();
    await saved(edit(gold, { name: 'Golden' }));
    // In the same millisecond: the version still moves, so no later save can be mistaken for this one.
    const renamed = shown().tiers[0]!;
    expect(renamed.updatedAt).toBeGreaterThan(gold.updatedAt);
    await saved(edit(renamed, { priceMinor: 1299 }));
    expect(shown().tiers[0]!.updatedAt).toBeGreaterThan(renamed.updatedAt);
    expect((await stored()).tiers).toMatchObject([{ name: 'Golden', priceMinor: 1299 }]);
  });

  it('answers a saved command with the revision of the snapshot that holds it', async () => {
    const { send, revision, gold } = await withGold();
    const response = await send(edit(gold, { name: 'Golden' }));
    expect(response).toEqual({ ok: true, data: { revision: revision() } });
  });

  it('refuses an edit that carries no version, and a creation under an id already taken', async () => {
    const { send, stored, gold } = await withGold();
    expect(refusal(await send({ type: 'tier.save', tier: tierInput(gold, { name: 'Golden' }) }))).toMatchObject([{ conflict: 'changed' }]);
    expect((await stored()).tiers[0]!.name).toBe('Gold');
  });

  it('creates a new tier without any version to compare', async () => {
    const { saved, stored, gold } = await withGold();
    const { id: _id, ...fields } = tierInput(gold, { name: 'Silver', priceMinor: 1999, badge: { label: 'SLV', color: '#cccccc' } });
    await saved({ type: 'tier.save', tier: fields });
    expect((await stored()).tiers.map((tier) => tier.name)).toEqual(['Gold', 'Silver']);
  });

  it('lets status changes, moves and deletes from the list act on a tier renamed elsewhere', async () => {
    const { saved, shown, stored, gold } = await withGold();
    await saved(edit(gold, { name: 'Golden' }));
    await saved({ type: 'tier.setStatus', id: gold.id, status: 'active' });
    await saved({ type: 'tier.move', id: gold.id, to: 0 });
    expect(shown().tiers[0]).toMatchObject({ name: 'Golden', status: 'active' });
    await saved({ type: 'tier.delete', id: gold.id });
    expect((await stored()).tiers).toEqual([]);
  });

  it('says it in Italian', async () => {
    const { send, saved, shown, gold } = await withGold();
    const { settings } = shown();
    await saved({ type: 'settings.save', settings: { ...settings, language: 'it' }, loaded: versionOf(settings) });
    await saved(edit(gold, { name: 'Golden' }));
    const problems = refusal(await send(edit(gold, { name: 'Oro' })));
    expect(problems[0]!.message).toBe(
      "Un'altra finestra ha salvato una modifica dopo che hai aperto questo modulo, quindi la tua modifica non è stata salvata. Ricarica per vedere la versione salvata, poi rifai la modifica.",
    );
  });
});

describe('the other records an editor loads and saves', () => {
  it('the profile: a stale form is refused, a second onboarding does not overwrite the first', async () => {
    const { send, saved, shown, stored, tick } = await withGold();
    const loaded = shown().profile!;
    await saved({ type: 'profile.save', profile: { ...profile, displayName: 'Mia B.' }, loaded: loaded.updatedAt });
    tick();
    expect(refusal(await send({ type: 'profile.save', profile: { ...profile, market: 'US' }, loaded: loaded.updatedAt }))).toMatchObject([
      { conflict: 'changed' },
    ]);
    // An onboarding form loaded no profile: one made meanwhile in another window is not replaced.
    expect(refusal(await send({ type: 'profile.save', profile: { ...profile, handle: 'someone.else' } }))).toMatchObject([
      { conflict: 'changed' },
    ]);
    expect((await stored()).profile).toMatchObject({ handle: 'mia.makes', displayName: 'Mia B.', market: 'IT' });
  });

  it('a perk, versioned by its content: stale and deleted edits are refused', async () => {
    const { send, saved, shown, stored } = await withGold();
    await saved({ type: 'perk.save', perk: { kind: 'shoutout', title: 'Shoutout', description: '', perMonth: 1 } });
    const perk: Perk = shown().perks[0]!;
    await saved({ type: 'perk.save', perk: { ...perk, title: 'Big shoutout' }, loaded: versionOf(perk) });
    expect(refusal(await send({ type: 'perk.save', perk: { ...perk, perMonth: 2 }, loaded: versionOf(perk) }))).toMatchObject([
      { conflict: 'changed' },
    ]);
    // The page that saved it goes on from what its snapshot shows.
    const renamed = shown().perks[0]!;
    await saved({ type: 'perk.save', perk: { ...renamed, perMonth: 3 }, loaded: versionOf(renamed) });
    await saved({ type: 'perk.delete', id: perk.id });
    expect(refusal(await send({ type: 'perk.save', perk: renamed, loaded: versionOf(renamed) }))).toMatchObject([{ conflict: 'deleted' }]);
    expect((await stored()).perks).toEqual([]);
  });

  it('settings and the lists saved whole are refused when the stored ones moved on', async () => {
    const { send, saved, shown, stored } = await withGold();
    const ws = shown();
    await saved({ type: 'settings.save', settings: { ...ws.settings, theme: 'dark' }, loaded: versionOf(ws.settings) });
    expect(refusal(await send({ type: 'settings.save', settings: { ...ws.settings, notifications: false }, loaded: versionOf(ws.settings) }))).toMatchObject([
      { conflict: 'changed' },
    ]);

    const rules = ws.revenueRules;
    const renamed = rules.map((rule, i) => (i === 0 ? { ...rule, name: 'Italy and friends' } : rule));
    await saved({ type: 'revenueRules.save', revenueRules: renamed, loaded: versionOf(rules) });
    const reshared = rules.map((rule, i) => (i === 0 ? { ...rule, creatorSharePercent: 60 } : rule));
    expect(refusal(await send({ type: 'revenueRules.save', revenueRules: reshared, loaded: versionOf(rules) }))).toMatchObject([
      { conflict: 'changed' },
    ]);

    const lists = [
      ['rulesProfiles.save', 'rulesProfiles'],
      ['pricePoints.save', 'pricePoints'],
      ['eligibilityProfiles.save', 'eligibilityProfiles'],
      ['bonusConditions.save', 'bonusConditions'],
    ] as const;
    for (const [type, key] of lists) {
      const list = shown()[key];
      // A page whose list is one save behind (say, the same list with its first entry as it was).
      const behind = versionOf([...list, list[0]!]);
      expect(refusal(await send({ type, [key]: list, loaded: behind } as Command))).toMatchObject([{ conflict: 'changed' }]);

      await saved({ type, [key]: list, loaded: versionOf(list) } as Command);
    }
    const now = await stored();
    expect(now.settings.theme).toBe('dark');
    expect(now.settings.notifications).toBe(true);
    expect(now.revenueRules[0]).toMatchObject({ name: 'Italy and friends', creatorSharePercent: rules[0]!.creatorSharePercent });
  });
});

describe("a subscriber in the roster's dialog", () => {
  async function withSubscriber() {
    const s = await withGold();
    const added = await s.handler.handle({
      type: 'roster.save',
      subscriber: { handle: 'fan.one', tierId: s.gold.id, since: '2026-01-01', status: 'active', note: '' },
    });
    expect(added.ok).toBe(true);
    s.tick();
    const rows = async (): Promise<Subscriber[]> => {
      const page = await s.handler.handle({ type: 'roster.query', search: '', sort: 'handle', descending: false, offset: 0, limit: 10 });
      return rosterPageSchema.parse((page as { data: unknown }).data).rows;
    };
    const [loaded] = await rows();
    return { ...s, rows, loaded: loaded! };
  }
  const form = (subscriber: Subscriber, change: Partial<Subscriber>) => {
    const { handle, nickname, tierId, since, status, note } = { ...subscriber, ...change };
    return { id: subscriber.id, handle, nickname, tierId, since, status, note };
  };

  it('refuses a save over a record changed since the dialog opened', async () => {
    const { handler, rows, loaded, tick } = await withSubscriber();
    expect(await handler.handle({ type: 'roster.save', subscriber: form(loaded, { note: 'first' }), loaded: loaded.updatedAt })).toMatchObject({ ok: true });
    tick();
    const problems = refusal(await handler.handle({ type: 'roster.save', subscriber: form(loaded, { note: 'second' }), loaded: loaded.updatedAt }));
    expect(problems).toMatchObject([{ conflict: 'changed' }]);
    expect((await rows())[0]!.note).toBe('first');
  });

  it('refuses a save of a record removed since, and gives the current record to reload', async () => {
    const { handler, rows, loaded } = await withSubscriber();
    expect(await handler.handle({ type: 'roster.save', subscriber: form(loaded, { note: 'first' }), loaded: loaded.updatedAt })).toMatchObject({ ok: true });
    const current = await handler.handle({ type: 'roster.get', id: loaded.id });
    expect(subscriberSchema.parse((current as { data: unknown }).data)).toMatchObject({ id: loaded.id, note: 'first' });
    await handler.handle({ type: 'roster.remove', ids: [loaded.id] });
    expect(await handler.handle({ type: 'roster.get', id: loaded.id })).toEqual({ ok: true, data: null });
    const problems = refusal(await handler.handle({ type: 'roster.save', subscriber: form(loaded, { note: 'second' }), loaded: loaded.updatedAt }));
    expect(problems).toMatchObject([{ conflict: 'deleted' }]);
    expect(await rows()).toEqual([]);
  });
});
