// A backup's way into the background: in parts (backup.upload, backup.uploadPart), checked again, then
// saved in one transaction (backup.import), with its progress asked for meanwhile (backup.progress).
import { describe, expect, it, vi } from 'vitest';
import { createBackup } from '@/lib/domain/backup';
import { createHandler } from '@/lib/background/pages-handler';
import { BACKUP_PART, importProgressSchema, type ImportProgress, type Response, type Snapshot } from '@/lib/protocol/schemas';
import { rosterPageSchema } from '@/lib/protocol/roster-answers';
import type { Subscriber } from '@/lib/roster/schema';
import { TierkitDb } from '@/lib/store/db';
import { loadWorkspace } from '@/lib/store/workspace-store';
import { NOW, profile, threeTiers } from '../domain/fixtures';
import { sendBackup } from '../helpers/uploads';

function roster(count: number): Subscriber[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `s${i}`,
    creatorHandle: 'mara.sings',
    handle: `fan${i}`,
    tierId: i % 2 ? 'gold' : 'silver',
    since: '2025-01-01',
    status: 'active' as const,
    note: i % 3 ? '' : `note ${i}`,
    source: 'csv' as const,
    createdAt: NOW,
    updatedAt: NOW,
  }));
}

async function setup() {
  const db = new TierkitDb(`backup-${crypto.randomUUID()}`);
  const published: Snapshot[] = [];
  const handler = createHandler({ db, publish: async (snapshot) => void published.push(snapshot), browserLanguage: () => 'en-US', now: () => NOW });
  await handler.handle({ type: 'command', command: { type: 'workspace.restore', workspace: threeTiers() } });
  const ask = (request: unknown) => handler.handle(request);
  /** How many subscribers the roster's table shows. */
  const total = async () => {
    const answer = await ask({ type: 'roster.query', search: '', sort: 'handle', descending: false, offset: 0, limit: 1 });
    if (!answer.ok) throw new Error(JSON.stringify(answer.problems));
    return rosterPageSchema.parse(answer.data).total;
  };
  return { db, handler, ask, total, published };
}
const text = (subscribers?: Subscriber[]) => JSON.stringify(createBackup(threeTiers(), new Date(NOW), '0.1.0', undefined, subscribers));
const incomplete = { ok: false, problems: [{ path: [], message: 'The backup did not arrive whole, so nothing was imported. Import it again.' }] };

describe('importing a backup sent in parts', () => {
  it('imports the whole roster, which then answers without being read back from the database', async () => {
    const t = await setup();
    const subscribers = roster(2 * BACKUP_PART + 17);
    // The roster as it was is read once (the import is checked against it); what was imported is not read back.
    expect(await t.total()).toBe(0);
    const read = vi.spyOn(t.db.subscribers, 'toArray');
    expect(await sendBackup(t.ask, text(subscribers), 'replace')).toEqual({ ok: true });
    expect(await t.total()).toBe(subscribers.length);
    expect(await t.db.subscribers.count()).toBe(subscribers.length);
    expect(read).not.toHaveBeenCalled();
    // What pages read is the workspace; the roster stays in the background.
    expect(Object.keys(t.published.at(-1)!).sort()).toEqual(['revision', 'unreadable', 'workspace']);
  });

  it('merges into a roster that was read, keeping what only this device has', async () => {
    const t = await setup();
    await t.ask({ type: 'roster.save', subscriber: { handle: 'only.here', tierId: 'gold', since: '2023-02-02' } });
    expect(await t.total()).toBe(1);
    expect(await sendBackup(t.ask, text(roster(10)), 'merge')).toEqual({ ok: true });
    expect(await t.total()).toBe(11);
  });

  it('refuses parts out of order, and then imports nothing', async () => {
    const t = await setup();
    const before = await loadWorkspace(t.db);
    const { subscribers, ...head } = JSON.parse(text(roster(BACKUP_PART + 1)));
    const part = (from: number) => ({ type: 'backup.uploadPart', upload: 'u1', from, subscribers: subscribers.slice(from, from + BACKUP_PART) });
    expect(await t.ask({ type: 'backup.upload', upload: 'u1', head: { ...head, data: { ...head.data, perks: [] } }, subscribers: subscribers.length })).toEqual({ ok: true });
    expect(await t.ask(part(0))).toEqual({ ok: true });
    // The same part again, or one of another upload.
    expect(await t.ask(part(0))).toEqual(incomplete);
    expect(await t.ask({ ...part(BACKUP_PART), upload: 'u2' })).toEqual(incomplete);
    // One part is still missing.
    expect(await t.ask({ type: 'backup.import', upload: 'u1', mode: 'replace' })).toEqual(incomplete);
    expect(await loadWorkspace(t.db)).toEqual(before);
    expect(await t.db.subscribers.count()).toBe(0);
  });

  it('refuses an import of nothing uploaded, or of another upload', async () => {
    const t = await setup();
    expect(await t.ask({ type: 'backup.import', upload: 'never', mode: 'replace' })).toEqual(incomplete);
    const { subscribers: _, ...head } = JSON.parse(text());
    await t.ask({ type: 'backup.upload', upload: 'u1', head, subscribers: null });
    expect(await t.ask({ type: 'backup.import', upload: 'u2', mode: 'replace' })).toEqual(incomplete);
    // Taken by the refused import: it is not lying around for a later one either.
    expect(await t.ask({ type: 'backup.import', upload: 'u1', mode: 'replace' })).toEqual(incomplete);
  });

  it('refuses a bad record with its position and field, and writes nothing', async () => {
    const t = await setup();
    await t.ask({ type: 'roster.save', subscriber: { handle: 'only.here', tierId: 'gold', since: '2023-02-02' } });
    const subscribers: unknown[] = roster(BACKUP_PART + 10);
    subscribers[BACKUP_PART + 4] = { ...roster(1)[0], id: 'bad', handle: 'Not A Handle!' };
    const json = JSON.parse(text());
    const response = await sendBackup(t.ask, JSON.stringify({ ...json, subscribers }), 'replace');
    expect(response).toEqual({
      ok: false,
      problems: [{ path: ['subscribers', BACKUP_PART + 4, 'handle'], message: 'A TikTok username has 2 to 24 letters, digits, "_" or "." and does not end with "."' }],
    });
    expect((await t.db.subscribers.toArray()).map((s) => s.handle)).toEqual(['only.here']);
  });

  it('says how far it is while it runs, and nothing once it is done', async () => {
    const t = await setup();
    const subscribers = roster(2 * BACKUP_PART + 3);
    // Asked as each slice of the roster is about to be saved: the answer is taken when asked, so what is
    // seen does not depend on how fast the machine saves (a poll on a timer might miss the saving).
    const asked: Promise<Response>[] = [];
    const bulkPut = t.db.subscribers.bulkPut.bind(t.db.subscribers);
    vi.spyOn(t.db.subscribers, 'bulkPut').mockImplementation((...args: Parameters<typeof bulkPut>) => {
      asked.push(t.ask({ type: 'backup.progress' }));
      return bulkPut(...args);
    });
    expect(await sendBackup(t.ask, text(subscribers), 'replace')).toEqual({ ok: true });
    const seen: ImportProgress[] = (await Promise.all(asked)).map((answer) => importProgressSchema.parse(answer.ok && answer.data));
    const saving = seen.filter((p) => p?.phase === 'saving');
    expect(saving.length).toBeGreaterThan(0);
    for (const p of seen) if (p) expect(p).toMatchObject({ total: subscribers.length, done: expect.any(Number) });
    expect(saving.map((p) => p!.done)).toEqual([...saving.map((p) => p!.done)].sort((a, b) => a - b));
    expect(await t.ask({ type: 'backup.progress' })).toEqual({ ok: true, data: null });
  });

  it('exports the roster in parts of one generation', async () => {
    const t = await setup();
    await sendBackup(t.ask, text(roster(BACKUP_PART + 2)), 'replace');
    const first = (await t.ask({ type: 'backup.data', offset: 0 })) as { ok: true; data: { stats: unknown; subscribers: Subscriber[]; total: number; generation: number } };
    const second = (await t.ask({ type: 'backup.data', offset: BACKUP_PART })) as typeof first;
    expect(first.data.subscribers).toHaveLength(BACKUP_PART);
    expect(first.data.stats).toEqual({ snapshots: [], daily: [] });
    expect(second.data).toMatchObject({ stats: null, total: BACKUP_PART + 2, generation: first.data.generation });
    expect(second.data.subscribers).toHaveLength(2);
    await t.ask({ type: 'roster.save', subscriber: { handle: 'one.more', tierId: 'gold', since: '2023-02-02' } });
    const after = (await t.ask({ type: 'backup.data', offset: BACKUP_PART })) as typeof first;
    expect(after.data.generation).not.toBe(first.data.generation);
  });

  it('keeps the creator’s own handle on an imported roster made under another', async () => {
    const t = await setup();
    const theirs = roster(3).map((s) => ({ ...s, creatorHandle: 'old.name' }));
    await sendBackup(t.ask, text(theirs), 'merge');
    expect((await t.db.subscribers.toArray()).map((s) => s.creatorHandle)).toEqual([profile.handle, profile.handle, profile.handle]);
  });
});
