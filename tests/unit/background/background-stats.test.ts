import { describe, expect, it } from 'vitest';
import { versionOf } from '@/lib/domain/version';
import { createHandler } from '@/lib/background/pages-handler';
import { historySchema, importSummarySchema, type ImportedDay } from '@/lib/protocol/schemas';
import { addDays } from '@/lib/eligibility/dates';
import { defaultEligibilityProfiles } from '@/lib/eligibility/rules';
import { TierkitDb } from '@/lib/store/db';
import { recordSnapshot } from '@/lib/store/stats-store';
import { DAY, HANDLE, HOUR, NOW, TODAY, creator, snapshot } from './helpers';

const BAD_MESSAGE = 'Tierkit received a malformed request';
const NO_PROFILE = { ok: false, problems: [{ path: [], message: 'Set up your creator profile first' }] };

function setup() {
  const db = new TierkitDb(`stats-handler-${crypto.randomUUID()}`);
  let clock = NOW;
  let statsChanged = 0;
  const handler = createHandler({
    db,
    publish: async () => {},
    browserLanguage: () => 'en-US',
    now: () => clock,
    onStatsChanged: async () => void statsChanged++,
  });
  return {
    db,
    handle: handler.handle,
    statsChanged: () => statsChanged,
    advance: (ms: number) => (clock += ms),
    async ownProfile() {
      const { updatedAt: _, ...profile } = creator();
      expect(await handler.handle({ type: 'command', command: { type: 'profile.save', profile } })).toMatchObject({ ok: true });
    },
    importDays: (days: unknown, fileNames: unknown = ['Overview.csv']) => handler.handle({ type: 'stats.import', fileNames, days }),
    storedDays: async () =>
      (await db.dailyStats.toArray()).map(({ date, videoViews, followers }) => ({ date, videoViews, followers })),
  };
}

const day = (date: string, videoViews?: number | null, followers?: number | null): ImportedDay => ({
  date,
  ...(videoViews !== undefined ? { videoViews } : {}),
  ...(followers !== undefined ? { followers } : {}),
});

describe('eligibility.history', () => {
  it('is empty before a profile exists, even when numbers of some handle are stored', async () => {
    const s = setup();
    await recordSnapshot(s.db, snapshot(NOW), true);
    expect(await s.handle({ type: 'eligibility.history' })).toEqual({ ok: true, data: { snapshots: [], daily: [] } });
  });

  it('answers the creator’s own snapshots and days, oldest first, and nobody else’s', async () => {
    const s = setup();
    await s.ownProfile();
    await recordSnapshot(s.db, snapshot(NOW - DAY, { followers: 9_100 }), true);
    await recordSnapshot(s.db, snapshot(NOW - 3 * DAY, { followers: 9_000 }), true);
    await recordSnapshot(s.db, snapshot(NOW, { handle: 'someone.else', followers: 5 }), true);
    await s.importDays([day('2026-06-29', 400, 9_050), day('2026-06-27', 300)]);
    await s.db.dailyStats.put({ handle: 'someone.else', date: '2026-06-28', videoViews: 1, importedAt: 1 });

    const answer = await s.handle({ type: 'eligibility.history' });
    expect(answer.ok).toBe(true);
    const history = historySchema.parse(answer.ok && answer.data);
    expect(history.snapshots.map((k) => [k.day, k.followers])).toEqual([
      ['2026-06-27', 9_000],
      ['2026-06-29', 9_100],
    ]);
    expect(history.daily.map((d) => [d.date, d.videoViews, d.followers])).toEqual([
      ['2026-06-27', 300, undefined],
      ['2026-06-29', 400, 9_050],
    ]);
  });
});

describe('stats.import', () => {
  it('needs a profile, and writes nothing without one', async () => {
    const s = setup();
    expect(await s.importDays([day('2026-06-01', 100)])).toEqual(NO_PROFILE);
    expect(await s.db.dailyStats.count()).toBe(0);
    expect(s.statsChanged()).toBe(0);
  });

  it('merges overlapping days: the later import wins and says what changed', async () => {
    const s = setup();
    await s.ownProfile();
    const first = await s.importDays([
      day('2026-06-01', 100, 9_000),
      day('2026-06-02', 200, null),
      day('2026-06-03', 300, 9_020),
      day('2026-06-04', null),
    ]);
    expect(first).toEqual({ ok: true, data: { added: 4, changed: 0, unchanged: 0, conflicts: [] } });

    const second = await s.importDays(
      [
        day('2026-06-01', 100, 9_000), // the same
        day('2026-06-02', 250, 9_010), // a new number, and a missing one filled in
        day('2026-06-03', null, null), // missing now: erases nothing
        day('2026-06-04', 400), // a missing day filled in
        day('2026-06-05', 500, 9_040), // new
      ],
      ['Overview.csv', 'FollowerHistory.csv'],
    );
    expect(importSummarySchema.parse(second.ok && second.data)).toEqual({
      added: 1,
      changed: 2,
      unchanged: 2,
      conflicts: [{ date: '2026-06-02', field: 'videoViews', before: 200, after: 250 }],
    });
    expect(await s.storedDays()).toEqual([
      { date: '2026-06-01', videoViews: 100, followers: 9_000 },
      { date: '2026-06-02', videoViews: 250, followers: 9_010 },
      { date: '2026-06-03', videoViews: 300, followers: 9_020 },
      { date: '2026-06-04', videoViews: 400, followers: undefined },
      { date: '2026-06-05', videoViews: 500, followers: 9_040 },
    ]);
  });

  it('counts a day with no figure at all as nothing added', async () => {
    const s = setup();
    await s.ownProfile();
    expect(await s.importDays([{ date: '2026-06-01' }, day('2026-06-02', 10)])).toEqual({
      ok: true,
      data: { added: 1, changed: 0, unchanged: 0, conflicts: [] },
    });
    expect((await s.storedDays()).map((d) => d.date)).toEqual(['2026-06-02']);
  });

  it('takes a whole export of 5,000 days', async () => {
    const s = setup();
    await s.ownProfile();
    const days = Array.from({ length: 5_000 }, (_, i) => day(addDays('2012-01-01', i), i));
    expect(await s.importDays(days)).toMatchObject({ ok: true, data: { added: 5_000 } });
    expect(await s.db.dailyStats.count()).toBe(5_000);
  });

  it.each([
    ['a date that does not exist', [day('2026-02-30', 1)]],
    ['a date in another format', [day('30/06/2026', 1)]],
    ['negative views', [day('2026-06-01', -1)]],
    ['fractional followers', [day('2026-06-01', 1, 10.5)]],
    ['views as text', [{ date: '2026-06-01', videoViews: '100' }]],
    ['5,001 days', Array.from({ length: 5_001 }, (_, i) => day(addDays('2012-01-01', i), 1))],
    ['no days', undefined],
  ])('refuses %s and writes nothing', async (_, days) => {
    const s = setup();
    await s.ownProfile();
    const changedBefore = s.statsChanged();
    // One good day first: a bad one later must not let the good one through.
    const answer = await s.importDays(Array.isArray(days) ? [day('2026-05-31', 7), ...days] : days);
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.problems[0]).toEqual({ path: [], message: BAD_MESSAGE });
    expect(await s.db.dailyStats.count()).toBe(0);
    expect(s.statsChanged()).toBe(changedBefore);
  });

  it('refuses too many or too long file names', async () => {
    const s = setup();
    await s.ownProfile();
    expect(await s.importDays([day('2026-06-01', 1)], Array.from({ length: 21 }, () => 'a.csv'))).toMatchObject({ ok: false });
    expect(await s.importDays([day('2026-06-01', 1)], ['x'.repeat(261)])).toMatchObject({ ok: false });
    expect(await s.db.dailyStats.count()).toBe(0);
  });
});

describe('stats.manual', () => {
  it('needs a profile', async () => {
    const s = setup();
    expect(await s.handle({ type: 'stats.manual', followers: 10 })).toEqual(NO_PROFILE);
    expect(await s.db.statSnapshots.count()).toBe(0);
    expect(s.statsChanged()).toBe(0);
  });

  it('records today’s figures as a manual snapshot, replacing today’s earlier one', async () => {
    const s = setup();
    await s.ownProfile();
    await recordSnapshot(s.db, snapshot(NOW - 2 * HOUR, { followers: 9_000, visibleViews: 1_000 }), false);
    expect(await s.handle({ type: 'stats.manual', followers: 9_500, views30: 80_000 })).toEqual({ ok: true });
    s.advance(HOUR); // typed in again within the hour: still stored
    expect(await s.handle({ type: 'stats.manual', followers: 9_600, views30: 85_000 })).toEqual({ ok: true });
    expect(await s.db.statSnapshots.toArray()).toEqual([
      { handle: HANDLE, day: TODAY, capturedAt: NOW + HOUR, followers: 9_600, views30: 85_000, source: 'manual', precise: true },
    ]);
    s.advance(DAY);
    expect(await s.handle({ type: 'stats.manual', followers: 9_700 })).toEqual({ ok: true });
    const kept = await s.db.statSnapshots.toArray();
    expect(kept.map((k) => [k.day, k.followers, k.views30])).toEqual([
      [TODAY, 9_600, 85_000],
      ['2026-07-01', 9_700, undefined],
    ]);
  });

  it.each([
    ['negative followers', { followers: -1 }],
    ['fractional followers', { followers: 1.5 }],
    ['no followers', { views30: 100 }],
    ['views as text', { followers: 1, views30: '100' }],
  ])('refuses %s and records nothing', async (_, fields) => {
    const s = setup();
    await s.ownProfile();
    const answer = await s.handle({ type: 'stats.manual', ...fields });
    expect(!answer.ok && answer.problems[0]).toEqual({ path: [], message: BAD_MESSAGE });
    expect(await s.db.statSnapshots.count()).toBe(0);
  });
});

describe('recomputing eligibility', () => {
  it('happens after each change of its inputs, and only then', async () => {
    const s = setup();
    const after = async (message: unknown) => {
      const before = s.statsChanged();
      await s.handle(message);
      return s.statsChanged() - before;
    };
    await s.ownProfile();
    expect(s.statsChanged()).toBe(1); // the profile.save command
    expect(await after({ type: 'stats.import', fileNames: [], days: [day('2026-06-01', 1)] })).toBe(1);
    expect(await after({ type: 'stats.manual', followers: 100 })).toBe(1);
    const eligibilityProfiles = [...defaultEligibilityProfiles, { id: 'mine', name: 'Mine', requirements: [{ kind: 'age' }] }];
    const loaded = versionOf(defaultEligibilityProfiles);
    expect(await after({ type: 'command', command: { type: 'eligibilityProfiles.save', eligibilityProfiles, loaded } })).toBe(1);
    // Reads, refusals and failed commands change nothing.
    expect(await after({ type: 'eligibility.history' })).toBe(0);
    expect(await after({ type: 'backup.data', offset: 0 })).toBe(0);
    expect(await after({ type: 'publish' })).toBe(0);
    expect(await after({ type: 'stats.manual', followers: -5 })).toBe(0);
    expect(await after({ type: 'command', command: { type: 'tier.delete', id: 'nope' } })).toBe(0);
  });
});
