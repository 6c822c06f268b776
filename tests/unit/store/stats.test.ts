import { describe, expect, it } from 'vitest';
import { createContentHandler, type PageStats } from '@/lib/background/content-handler';
import type { CapturedPage } from '@/lib/protocol/schemas';
import { TierkitDb } from '@/lib/store/db';
import { sendBackup } from '../helpers/uploads';
import { snapshotsOf } from '@/lib/store/stats-store';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 20, 9, 0, 0);

function setup(read: PageStats = { status: 'ok', stats: { handle: 'mara.sings', followers: 9_876, likes: 120_000, videoCount: 40, source: 'universal', precise: true } }) {
  const db = new TierkitDb(`stats-${crypto.randomUUID()}`);
  let clock = T0;
  let published = 0;
  const handle = createContentHandler({
    db,
    readPage: () => read,
    onRecorded: async () => void published++,
    lookup: () => Promise.reject(new Error('no lookups in these tests')),
    warm: async () => undefined,
    readDiagnostics: async () => [],
    writeDiagnostics: async () => undefined,
    now: () => clock,
  });
  return {
    db,
    handle,
    advance: (ms: number) => (clock += ms),
    published: () => published,
    async ownProfile(handle = 'mara.sings') {
      await db.singletons.put({
        key: 'profile',
        value: { handle, displayName: 'Mara', market: 'IT', currency: 'EUR', age: { kind: 'confirmed-adult' }, updatedAt: 1 },
      });
    },
  };
}

const page = (handle: string, asked = false): CapturedPage => ({
  url: `https://www.tiktok.com/@${handle}`,
  handle,
  scripts: { universal: '{}' },
  visible: { videoViews: [] },
  asked,
});

describe('content messages: own-profile capture', () => {
  it('wants a capture only of the creator’s own handle, then not again within the hour', async () => {
    const s = setup();
    expect(await s.handle({ type: 'stats.wanted', handle: 'mara.sings' })).toEqual({ ok: true, wanted: false });
    await s.ownProfile();
    expect(await s.handle({ type: 'stats.wanted', handle: 'someone.else' })).toEqual({ ok: true, wanted: false });
    expect(await s.handle({ type: 'stats.wanted', handle: 'Mara.Sings' })).toEqual({ ok: true, wanted: true });
    expect(await s.handle({ type: 'stats.capture', page: page('mara.sings') })).toEqual({ ok: true, outcome: 'recorded' });
    s.advance(HOUR - 1);
    expect(await s.handle({ type: 'stats.wanted', handle: 'mara.sings' })).toEqual({ ok: true, wanted: false });
    expect(await s.handle({ type: 'stats.capture', page: page('mara.sings') })).toEqual({ ok: true, outcome: 'throttled' });
    s.advance(1);
    expect(await s.handle({ type: 'stats.wanted', handle: 'mara.sings' })).toEqual({ ok: true, wanted: true });
  });

  it('keeps one snapshot a day, the latest, and publishes after each recording', async () => {
    const s = setup();
    await s.ownProfile();
    await s.handle({ type: 'stats.capture', page: page('mara.sings') });
    s.advance(2 * HOUR);
    await s.handle({ type: 'stats.capture', page: page('mara.sings') });
    s.advance(24 * HOUR);
    await s.handle({ type: 'stats.capture', page: page('mara.sings') });
    const kept = await snapshotsOf(s.db, 'mara.sings');
    expect(kept.map((k) => [k.day, k.capturedAt - T0])).toEqual([
      ['2026-11-20', 2 * HOUR],
      ['2026-11-21', 26 * HOUR],
    ]);
    expect(s.published()).toBe(3);
  });

  it('records nothing for another creator’s profile unless asked, and says why', async () => {
    const s = setup({ status: 'ok', stats: { handle: 'someone.else', followers: 5, source: 'visible', precise: false } });
    await s.ownProfile();
    expect(await s.handle({ type: 'stats.capture', page: page('someone.else') })).toEqual({ ok: true, outcome: 'other-profile' });
    // The page claims to be ours but its data is someone else's (stale JSON after navigation).
    expect(await s.handle({ type: 'stats.capture', page: page('mara.sings') })).toEqual({ ok: true, outcome: 'other-profile' });
    expect(await snapshotsOf(s.db, 'someone.else')).toEqual([]);
    expect(await s.handle({ type: 'stats.capture', page: page('someone.else', true) })).toEqual({ ok: true, outcome: 'recorded' });
    expect((await snapshotsOf(s.db, 'someone.else')).map((k) => k.followers)).toEqual([5]);
  });

  it('passes on a private or missing account and refuses malformed messages', async () => {
    const s = setup({ status: 'private' });
    await s.ownProfile();
    expect(await s.handle({ type: 'stats.capture', page: page('mara.sings') })).toEqual({ ok: true, outcome: 'private' });
    expect(await s.handle({ type: 'stats.capture', page: { ...page('mara.sings'), scripts: { universal: 'x'.repeat(5_000_001) } } })).toMatchObject({ ok: false });
    expect(await s.handle({ type: 'stats.delete-everything' })).toMatchObject({ ok: false });
    // Asked for on a page whose address holds no valid handle: nothing to record, said plainly.
    expect(await s.handle({ type: 'stats.capture', page: page('x', true) })).toEqual({ ok: true, outcome: 'no-data' });
    expect(s.published()).toBe(0);
  });
});

describe('backups carry the recorded numbers', () => {
  it('exports every handle’s numbers, imports them back (replace and merge), and a wipe clears them', async () => {
    const { createHandler } = await import('@/lib/background/pages-handler');
    const { createBackup } = await import('@/lib/domain/backup');
    const { emptyWorkspace } = await import('@/lib/domain/defaults');
    const s = setup();
    await s.ownProfile();
    await s.handle({ type: 'stats.capture', page: page('mara.sings') });
    await s.db.dailyStats.put({ handle: 'mara.sings', date: '2026-11-19', videoViews: 4000, followers: 9800, importedAt: 1 });
    const pages = createHandler({ db: s.db, publish: async () => {}, browserLanguage: () => 'en' });
    const exported = await pages.handle({ type: 'backup.data', offset: 0 });
    expect(exported).toMatchObject({ ok: true, data: { stats: { snapshots: [{ followers: 9_876 }], daily: [{ date: '2026-11-19' }] }, subscribers: [], total: 0 } });
    const stats = (exported as { data: { stats: { snapshots: never[]; daily: never[] } } }).data.stats;
    const text = JSON.stringify(createBackup(emptyWorkspace(), new Date(T0), '0.1.0', stats));

    expect(await pages.handle({ type: 'command', command: { type: 'workspace.wipe' } })).toMatchObject({ ok: true });
    expect(await s.db.statSnapshots.count()).toBe(0);
    expect(await s.db.dailyStats.count()).toBe(0);

    expect(await sendBackup(pages.handle, text, 'replace')).toMatchObject({ ok: true });
    expect(await s.db.statSnapshots.toArray()).toEqual(stats.snapshots);
    expect(await s.db.dailyStats.toArray()).toEqual(stats.daily);

    // Merge: the backup's day wins, a day only here stays.
    await s.db.dailyStats.put({ handle: 'mara.sings', date: '2026-11-19', videoViews: 1, followers: 1, importedAt: 2 });
    await s.db.dailyStats.put({ handle: 'mara.sings', date: '2026-11-18', videoViews: 3000, followers: 9700, importedAt: 2 });
    expect(await sendBackup(pages.handle, text, 'merge')).toMatchObject({ ok: true });
    expect((await s.db.dailyStats.toArray()).map((d) => [d.date, d.videoViews])).toEqual([
      ['2026-11-18', 3000],
      ['2026-11-19', 4000],
    ]);
  });

  it('a backup without numbers leaves the recorded ones alone, even when replacing', async () => {
    const { createHandler } = await import('@/lib/background/pages-handler');
    const { createBackup } = await import('@/lib/domain/backup');
    const { emptyWorkspace } = await import('@/lib/domain/defaults');
    const s = setup();
    await s.ownProfile();
    await s.handle({ type: 'stats.capture', page: page('mara.sings') });
    const pages = createHandler({ db: s.db, publish: async () => {}, browserLanguage: () => 'en' });
    const text = JSON.stringify(createBackup(emptyWorkspace(), new Date(T0), '0.1.0'));
    expect(await sendBackup(pages.handle, text, 'replace')).toMatchObject({ ok: true });
    expect(await s.db.statSnapshots.count()).toBe(1);
  });
});
