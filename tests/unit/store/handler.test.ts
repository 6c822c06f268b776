import { describe, expect, it } from 'vitest';
import { createHandler } from '@/lib/messaging/background-handler';
import type { Snapshot } from '@/lib/messaging/protocol';
import { TierkitDb } from '@/lib/store/db';

function setup() {
  const published: Snapshot[] = [];
  let n = 0;
  const db = new TierkitDb(`t-${Math.random()}`);
  const handler = createHandler({
    db,
    publish: async (s) => void published.push(s),
    browserLanguage: () => 'en-US',
    now: () => 1_700_000_000_000,
    newId: () => `id-${++n}`,
  });
  return { db, handler, published, last: () => published.at(-1)! };
}

const badge = { label: 'GOLD', color: '#ffcc00' };
const tier = (name: string, priceMinor: number) => ({
  name, priceMinor, currency: 'EUR', description: '', perkIds: [], includesLowerTiers: true, badge, tenureSteps: [1, 2, 3],
});

describe('background handler', () => {
  it('creates a tier and publishes it', async () => {
    const { handler, last } = setup();
    const res = await handler.handle({ type: 'command', command: { type: 'tier.save', tier: tier('Gold', 999) } });
    expect(res).toEqual({ ok: true });
    expect(last().workspace.tiers.map((t) => [t.name, t.status, t.position])).toEqual([['Gold', 'draft', 0]]);
  });

  it('refuses a duplicate name with the field path', async () => {
    const { handler } = setup();
    await handler.handle({ type: 'command', command: { type: 'tier.save', tier: tier('Gold', 999) } });
    const res = await handler.handle({ type: 'command', command: { type: 'tier.save', tier: tier(' gold ', 1999) } });
    expect(res).toMatchObject({ ok: false, problems: [{ path: ['name'], message: 'There is already a tier named "gold"' }] });
  });

  it('rejects malformed messages', async () => {
    const { handler } = setup();
    const res = await handler.handle({ type: 'command', command: { type: 'tier.nuke' } });
    expect(res.ok).toBe(false);
  });
});
