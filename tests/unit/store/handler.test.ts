import { describe, expect, it } from 'vitest';
import { createHandler } from '@/lib/messaging/background-handler';
import { snapshotSchema, type Snapshot } from '@/lib/messaging/protocol';
import { TierkitDb } from '@/lib/store/db';
import { loadWorkspace } from '@/lib/store/workspace-store';
import { emptyWorkspace } from '@/lib/domain/defaults';
import { versionOf } from '@/lib/domain/version';
import { getLanguage } from '@/lib/i18n';

function setup(options: { browserLanguage?: string; publish?: (s: Snapshot) => Promise<void> } = {}) {
  const published: Snapshot[] = [];
  let n = 0;
  const db = new TierkitDb(`t-${crypto.randomUUID()}`);
  const handler = createHandler({
    db,
    publish: options.publish ?? (async (s) => void published.push(structuredClone(s))),
    browserLanguage: () => options.browserLanguage ?? 'en-US',
    now: () => 1_700_000_000_000,
    newId: () => `id-${++n}`,
  });
  return { db, handler, published, last: () => published.at(-1)! };
}

const badge = { label: 'GOLD', color: '#ffcc00' };
const tier = (name: string, priceMinor: number) => ({
  name, priceMinor, currency: 'EUR', description: '', perkIds: [], includesLowerTiers: true, badge, tenureSteps: [1, 2, 3],
});
const command = (c: unknown) => ({ type: 'command', command: c });
const BAD_MESSAGE = 'Tierkit received a malformed request';

describe('background handler', () => {
  it('creates a tier and publishes it', async () => {
    const { handler, last } = setup();
    const res = await handler.handle(command({ type: 'tier.save', tier: tier('Gold', 999) }));
    expect(res).toEqual({ ok: true, data: { revision: last().revision } });
    expect(last().workspace.tiers.map((t) => [t.name, t.status, t.position])).toEqual([['Gold', 'draft', 0]]);
    expect(snapshotSchema.safeParse(last()).success).toBe(true);
  });

  it('refuses a duplicate name with the field path, and publishes nothing', async () => {
    const { handler, published } = setup();
    await handler.handle(command({ type: 'tier.save', tier: tier('Gold', 999) }));
    const res = await handler.handle(command({ type: 'tier.save', tier: tier(' gold ', 1999) }));
    expect(res).toEqual({ ok: false, problems: [{ path: ['name'], message: 'There is already a tier named "gold"' }] });
    expect(published).toHaveLength(1);
  });

  it.each([
    ['an unknown command', command({ type: 'tier.nuke' })],
    ['an unknown request', { type: 'drop-database' }],
    ['a command missing fields', command({ type: 'tier.move', id: 'a' })],
    ['a hostile id', command({ type: 'tier.delete', id: '<img src=x onerror=alert(1)>' })],
    ['null', null],
    ['a string', 'tier.save'],
    ['an array', [1, 2]],
  ])('answers %s with ok:false, publishing and writing nothing', async (_, message) => {
    const { handler, published, db } = setup();
    const res = await handler.handle(message);
    expect(res.ok).toBe(false);
    expect(!res.ok && res.problems[0]).toEqual({ path: [], message: BAD_MESSAGE });
    expect(published).toEqual([]);
    expect(await db.singletons.count()).toBe(0);
  });

  it('points at the malformed field', async () => {
    const { handler } = setup();
    const res = await handler.handle(command({ type: 'tier.move', id: 'a', to: -1 }));
    expect(!res.ok && res.problems.slice(1).map((p) => p.path)).toEqual([['command', 'to']]);
  });

  it('runs concurrent commands one after another', async () => {
    const { handler, db } = setup();
    const names = Array.from({ length: 10 }, (_, i) => `Tier ${i}`);
    const answers = await Promise.all(names.map((name, i) => handler.handle(command({ type: 'tier.save', tier: tier(name, 299 + i) }))));
    expect(answers.map((answer) => answer.ok)).toEqual(names.map(() => true));
    const { workspace } = await loadWorkspace(db);
    expect(workspace.tiers.map((t) => t.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(new Set(workspace.tiers.map((t) => t.name))).toEqual(new Set(names));
  });

  it('publishes after every successful command with a rising revision', async () => {
    const { handler, published } = setup();
    await handler.handle(command({ type: 'tier.save', tier: tier('A', 299) }));
    await handler.handle(command({ type: 'tier.save', tier: tier('A', 299) }));
    await handler.handle(command({ type: 'tier.save', tier: tier('B', 499) }));
    await handler.handle(command({ type: 'tier.move', id: 'id-3', to: 0 }));
    await handler.handle({ type: 'publish' });
    expect(published.map((s) => s.workspace.tiers.length)).toEqual([1, 2, 2, 2]);
    const revisions = published.map((s) => s.revision);
    expect(revisions[0]).toBeGreaterThanOrEqual(1_700_000_000_000);
    for (let i = 1; i < revisions.length; i++) expect(revisions[i]).toBeGreaterThan(revisions[i - 1]!);
  });

  it('"publish" publishes the stored workspace without changing it', async () => {
    const { handler, last, db } = setup();
    expect(await handler.handle({ type: 'publish' })).toEqual({ ok: true });
    expect(last()).toMatchObject({ workspace: emptyWorkspace(), unreadable: [] });
    expect(await db.singletons.count()).toBe(0);
  });

  it('reports stored records it cannot read in the snapshot', async () => {
    const { handler, last, db } = setup();
    await handler.handle(command({ type: 'tier.save', tier: tier('Gold', 999) }));
    await db.tiers.put({ ...last().workspace.tiers[0]!, id: 'bad', name: '' });
    await handler.handle(command({ type: 'tier.save', tier: tier('Silver', 499) }));
    expect(last().unreadable).toEqual(['tiers/bad: name Required']);
    expect(last().workspace.tiers.map((t) => t.name)).toEqual(['Gold', 'Silver']);
  });

  it('speaks the language chosen in settings', async () => {
    const { handler, last } = setup();
    const { settings } = emptyWorkspace();
    await handler.handle(command({ type: 'settings.save', settings: { ...settings, language: 'it' }, loaded: versionOf(settings) }));
    expect(last().workspace.settings.language).toBe('it');
    expect(getLanguage()).toBe('it');
    expect(await handler.handle(command({ type: 'tier.delete', id: 'nope' }))).toEqual({
      ok: false,
      problems: [{ path: [], message: 'Quel livello non esiste più' }],
    });
    const res = await handler.handle(command({ type: 'tier.save', tier: tier('Oro', 10000) }));
    expect(res).toEqual({ ok: false, problems: [{ path: ['priceMinor'], message: 'Il prezzo deve essere tra 0,99\u00a0€ e 99,99\u00a0€' }] });
    expect(await handler.handle({ type: 'nope' })).toEqual({
      ok: false,
      problems: [
        { path: [], message: 'Tierkit ha ricevuto una richiesta malformata' },
        { path: ['type'], message: 'Non valido' },
      ],
    });
  });

  it('follows the browser language when settings say auto', async () => {
    const { handler } = setup({ browserLanguage: 'it-IT' });
    await handler.handle({ type: 'publish' });
    expect(getLanguage()).toBe('it');
    const english = setup({ browserLanguage: 'de-DE' });
    await english.handler.handle({ type: 'publish' });
    expect(getLanguage()).toBe('en');
  });

  it('answers an unexpected failure with ok:false and keeps serving', async () => {
    let fail = true;
    const published: Snapshot[] = [];
    const { handler } = setup({
      publish: async (s) => {
        if (fail) throw new Error('storage quota');
        published.push(s);
      },
    });
    expect(await handler.handle(command({ type: 'tier.save', tier: tier('Gold', 999) }))).toEqual({
      ok: false,
      problems: [{ path: [], message: 'Something went wrong: storage quota' }],
    });
    fail = false;
    expect(await handler.handle(command({ type: 'tier.save', tier: tier('Silver', 499) }))).toMatchObject({ ok: true });
    expect(published.at(-1)!.workspace.tiers.map((t) => t.name)).toEqual(['Gold', 'Silver']);
  });
});
