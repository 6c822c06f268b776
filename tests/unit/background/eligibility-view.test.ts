import { describe, expect, it } from 'vitest';
import type { DailyStat, StatSnapshot } from '@/lib/domain/stats';
import { evaluateEligibility } from '@/lib/eligibility/evaluate';
import { LIVE_SUBSCRIPTION_2022_ID, TIKTOK_SUBSCRIPTION_ID } from '@/lib/eligibility/rules';
import { badgeText, eligibilityChanges, eligibilityView } from '@/lib/background/eligibility-view';
import { eligibilityViewSchema, type EligibilityView, type RequirementView } from '@/lib/protocol/schemas';
import { HANDLE, NOW, TODAY, creator, noon, snapshot, studioDays, workspaceWith } from './helpers';

function view(ws = workspaceWith(), snapshots: StatSnapshot[] = [], daily: DailyStat[] = []): EligibilityView {
  const result = eligibilityView(ws, snapshots, daily, NOW);
  expect(result).not.toBeNull();
  // Whatever the inputs, the background publishes only what the pages can validate.
  expect(eligibilityViewSchema.safeParse(result).success).toBe(true);
  return result!;
}

const requirement = (v: EligibilityView, kind: RequirementView['kind']) => {
  const found = v.requirements.find((r) => r.kind === kind);
  expect(found, kind).toBeDefined();
  return found!;
};

// 30 days of Studio views ending today, 4,000 a day: 120,000, over the 100,000 threshold.
const monthOfViews = (perDay = 4_000) => studioDays('2026-06-01', 30, () => ({ videoViews: perDay }));

describe('eligibilityView', () => {
  it('is null without a creator profile', () => {
    expect(eligibilityView(workspaceWith(null), [snapshot(NOW)], monthOfViews(), NOW)).toBeNull();
  });

  it('evaluates the rules profile chosen in settings, else the first one', () => {
    const live = view(workspaceWith(creator(), { eligibilityProfileId: LIVE_SUBSCRIPTION_2022_ID }));
    expect([live.profileId, live.profileName, live.total]).toEqual([LIVE_SUBSCRIPTION_2022_ID, 'LIVE Subscription 2022', 2]);
    expect(live.requirements.map((r) => r.kind)).toEqual(['age', 'followers']);

    const unknown = view(workspaceWith(creator(), { eligibilityProfileId: 'deleted-profile' }));
    expect([unknown.profileId, unknown.total]).toEqual([TIKTOK_SUBSCRIPTION_ID, 4]);
    expect(unknown.requirements.map((r) => r.kind)).toEqual(['age', 'good-standing', 'followers', 'video-views']);
  });

  it('takes age from the confirmation or from the birth date on today', () => {
    const age = (profileAge: Parameters<typeof creator>[0]) => requirement(view(workspaceWith(creator(profileAge))), 'age');
    expect(age({ age: { kind: 'confirmed-adult' } })).toMatchObject({ met: true, value: 1, progress: 1 });
    // 18 on today exactly; one day short of 18.
    expect(age({ age: { kind: 'birth-date', birthDate: '2008-06-30' } })).toMatchObject({ met: true, value: 1 });
    expect(age({ age: { kind: 'birth-date', birthDate: '2008-07-01' } })).toMatchObject({ met: false, value: 0, progress: 0 });
  });

  it('takes good standing from the profile; unanswered is unknown, not unmet', () => {
    const standing = (goodStanding: boolean | undefined) =>
      requirement(view(workspaceWith(creator({ goodStanding }))), 'good-standing');
    expect(standing(true)).toMatchObject({ met: true, value: 1 });
    expect(standing(false)).toMatchObject({ met: false, value: 0 });
    expect(standing(undefined)).toMatchObject({ met: null, value: null, progress: 0 });
  });

  it('reads followers from Studio days, from snapshots, and from the newer of the two', () => {
    const fromDays = requirement(view(workspaceWith(), [], studioDays('2026-06-01', 30, (i) => ({ followers: 9_000 + 40 * i }))), 'followers');
    expect(fromDays).toMatchObject({ met: true, value: 10_160, threshold: 10_000, progress: 1, dataDate: TODAY });

    const fromSnapshots = requirement(view(workspaceWith(), [snapshot(noon('2026-06-20'), { followers: 9_100 }), snapshot(noon('2026-06-28'), { followers: 9_500 })]), 'followers');
    expect(fromSnapshots).toMatchObject({ met: false, value: 9_500, progress: 0.95, dataDate: '2026-06-28' });

    const both = requirement(
      view(workspaceWith(), [snapshot(noon('2026-06-29'), { followers: 10_050 })], studioDays('2026-06-20', 6, () => ({ followers: 9_800 }))),
      'followers',
    );
    expect(both).toMatchObject({ met: true, value: 10_050, dataDate: '2026-06-29' });
  });

  it('sums 30-day views from Studio days and lists the missing ones', () => {
    expect(requirement(view(workspaceWith(), [], monthOfViews()), 'video-views')).toMatchObject({
      window: 'rolling-30-days', met: true, value: 120_000, estimate: false, dataDate: TODAY, missingDays: [],
    });
    const gappy = monthOfViews().filter((d) => d.date !== '2026-06-10').map((d) => (d.date === '2026-06-11' ? { ...d, videoViews: null } : d));
    expect(requirement(view(workspaceWith(), [], gappy), 'video-views')).toMatchObject({
      met: true, value: 112_000, estimate: false, missingDays: ['2026-06-10', '2026-06-11'],
    });
  });

  it('estimates 30-day views from snapshots when Studio has no recent days, and says so', () => {
    // 30,000 more views on the visible videos over 15 days: 60,000 over 30.
    const snapshots = [
      snapshot(noon('2026-06-15'), { visibleViews: 100_000 }),
      snapshot(noon('2026-06-30'), { visibleViews: 130_000 }),
    ];
    const stale = studioDays('2026-05-01', 1, () => ({ videoViews: 500_000 }));
    expect(requirement(view(workspaceWith(), snapshots, stale), 'video-views')).toMatchObject({
      met: false, value: 60_000, progress: 0.6, estimate: true, dataDate: TODAY,
    });
    // Recent Studio days win over the estimate.
    expect(requirement(view(workspaceWith(), snapshots, monthOfViews()), 'video-views')).toMatchObject({ value: 120_000, estimate: false });
  });

  it('lets a typed-in 30-day figure stand when it is newer than the data, not when older', () => {
    const upTo25th = studioDays('2026-06-01', 25, () => ({ videoViews: 2_000 })); // 50,000
    const newer = requirement(view(workspaceWith(), [snapshot(noon('2026-06-28'), { source: 'manual', views30: 120_000 })], upTo25th), 'video-views');
    expect(newer).toMatchObject({
      met: true, value: 120_000, progress: 1, estimate: false, dataDate: '2026-06-28', missingDays: [], projection: { status: 'met' },
    });
    const older = requirement(view(workspaceWith(), [snapshot(noon('2026-06-20'), { source: 'manual', views30: 120_000 })], upTo25th), 'video-views');
    expect(older).toMatchObject({ met: false, value: 50_000, dataDate: '2026-06-25' });
    // Without any data, the typed-in figure is all there is.
    const alone = requirement(view(workspaceWith(), [snapshot(noon('2026-06-01'), { source: 'manual', views30: 40_000 })]), 'video-views');
    expect(alone).toMatchObject({ met: false, value: 40_000, progress: 0.4, dataDate: '2026-06-01' });
  });

  it('does not keep a "met" projection when a newer typed-in figure is under the threshold', () => {
    const met = monthOfViews().map((d) => ({ ...d, date: d.date.replace('2026-06-30', '2026-05-31') }));
    const r = requirement(view(workspaceWith(), [snapshot(noon(TODAY), { source: 'manual', views30: 80_000 })], met), 'video-views');
    expect(r).toMatchObject({ met: false, value: 80_000, progress: 0.8 });
    expect(r.projection).toEqual({ status: 'no-data', perDayNeeded: 3_334 });
  });

  it('maps the projection: expected, optimistic and pessimistic dates, views a day needed', () => {
    // 8 weeks of followers growing 20 then 40 a day, week about: a pace with a spread. Views start
    // two weeks ago at 5,000 a day: 70,000 in the window, rising.
    let followers = 6_000;
    const daily = studioDays('2026-05-06', 56, (i) => {
      followers += Math.floor(i / 7) % 2 ? 40 : 20;
      return { followers, videoViews: i < 42 ? 0 : 5_000 };
    });
    const v = view(workspaceWith(), [], daily);
    const expected = evaluateEligibility({
      profile: workspaceWith().eligibilityProfiles[0]!,
      confirmations: { adult: true, goodStanding: true },
      followers: daily.map((d) => ({ date: d.date, value: d.followers! })),
      dailyViews: daily.map((d) => ({ date: d.date, value: d.videoViews! })),
      snapshots: [],
      today: TODAY,
    });
    const f = expected.requirements[2]!.projection!;
    expect(requirement(v, 'followers').projection).toEqual({
      status: 'on-pace', date: f.expected, optimistic: f.optimistic, pessimistic: f.pessimistic,
    });
    expect(f.optimistic! < f.expected! && f.expected! < f.pessimistic!).toBe(true);
    const views = requirement(v, 'video-views');
    const p = expected.requirements[3]!.projection!;
    expect([views.met, views.value, p.status]).toEqual([false, 70_000, 'on-pace']);
    // A date not in sight (null) is left out rather than sent as null.
    expect(views.projection).toStrictEqual({
      status: 'on-pace',
      date: p.expected,
      optimistic: p.optimistic,
      ...(p.pessimistic ? { pessimistic: p.pessimistic } : {}),
      perDayNeeded: 3_334,
    });

    const flat = view(workspaceWith(), [], studioDays('2026-06-01', 30, () => ({ followers: 5_000, videoViews: 100 })));
    expect(requirement(flat, 'followers').projection).toEqual({ status: 'not-at-current-pace' });
    expect(requirement(flat, 'video-views').projection).toEqual({ status: 'not-at-current-pace', perDayNeeded: 3_334 });
    // No data at all: nothing to project from.
    expect(requirement(view(), 'followers')).toMatchObject({ met: null, value: null, projection: { status: 'no-data' } });
  });

  it('counts met requirements and is eligible only when every one is met', () => {
    const all = view(workspaceWith(), [snapshot(noon(TODAY), { followers: 10_000 })], monthOfViews());
    expect([all.eligible, all.metCount, all.total]).toEqual([true, 4, 4]);
    expect(all.requirements.every((r) => r.met === true && r.projection.status === 'met')).toBe(true);

    const unsure = view(workspaceWith(creator({ goodStanding: undefined })), [snapshot(noon(TODAY), { followers: 10_000 })], monthOfViews());
    expect([unsure.eligible, unsure.metCount, unsure.total]).toEqual([false, 3, 4]);
  });

  it('reports the latest capture, and none before the first', () => {
    expect(view().latestCapture).toBeNull();
    const v = view(workspaceWith(), [
      snapshot(noon('2026-06-28'), { followers: 9_000 }),
      snapshot(noon('2026-06-29'), { followers: 9_400, source: 'visible', precise: false }),
    ]);
    expect(v.latestCapture).toEqual({ handle: HANDLE, capturedAt: noon('2026-06-29'), followers: 9_400, source: 'visible', precise: false });
    expect(v.computedAt).toBe(NOW);
  });
});

// ---- Changes between two published views --------------------------------------------------------

const req = (kind: RequirementView['kind'], met: boolean | null, window?: RequirementView['window']): RequirementView => ({
  kind,
  ...(window ? { window } : {}),
  met,
  value: met === null ? null : met ? 1 : 0,
  threshold: 1,
  progress: met ? 1 : 0,
  estimate: false,
  dataDate: null,
  missingDays: [],
  projection: { status: met ? 'met' : 'no-data' },
});

function viewOf(requirements: RequirementView[], profileId = TIKTOK_SUBSCRIPTION_ID): EligibilityView {
  const metCount = requirements.filter((r) => r.met === true).length;
  return {
    profileId,
    profileName: 'TikTok Subscription',
    eligible: metCount === requirements.length,
    metCount,
    total: requirements.length,
    requirements,
    latestCapture: null,
    computedAt: NOW,
  };
}

const rules = (age: boolean | null, standing: boolean | null, followers: boolean | null, views: boolean | null) =>
  viewOf([req('age', age), req('good-standing', standing), req('followers', followers), req('video-views', views, 'rolling-30-days')]);

describe('eligibilityChanges', () => {
  it('reports each newly met requirement, unknown to met included', () => {
    const before = rules(true, null, false, false);
    expect(eligibilityChanges(before, rules(true, null, true, false))).toEqual([
      { kind: 'requirement-met', requirement: req('followers', true) },
    ]);
    expect(eligibilityChanges(before, rules(true, true, true, false)).map((c) => c.kind === 'requirement-met' && c.requirement.kind)).toEqual([
      'good-standing',
      'followers',
    ]);
    expect(eligibilityChanges(before, before)).toEqual([]);
  });

  it('tells a requirement apart by its window', () => {
    const rolling = req('video-views', true, 'rolling-30-days');
    const before = viewOf([rolling, req('video-views', false, 'calendar-month'), req('followers', false)]);
    const after = viewOf([rolling, req('video-views', true, 'calendar-month'), req('followers', false)]);
    expect(eligibilityChanges(before, after)).toEqual([{ kind: 'requirement-met', requirement: req('video-views', true, 'calendar-month') }]);
  });

  it('says "eligible" once, not every requirement met on the way', () => {
    expect(eligibilityChanges(rules(true, true, false, false), rules(true, true, true, true))).toEqual([{ kind: 'eligible' }]);
  });

  it('lists what is no longer met when eligibility is lost', () => {
    expect(eligibilityChanges(rules(true, true, true, true), rules(true, null, true, false))).toEqual([
      { kind: 'lost', requirements: [req('good-standing', null), req('video-views', false, 'rolling-30-days')] },
    ]);
  });

  it('says nothing without a previous view, or when the rules profile changed', () => {
    expect(eligibilityChanges(null, rules(true, true, true, true))).toEqual([]);
    expect(eligibilityChanges(rules(true, true, true, true), null)).toEqual([]);
    const live = viewOf([req('age', true), req('followers', true)], LIVE_SUBSCRIPTION_2022_ID);
    expect(eligibilityChanges(rules(true, true, false, false), live)).toEqual([]);
    expect(eligibilityChanges(live, rules(true, true, false, false))).toEqual([]);
  });
});

describe('badgeText', () => {
  it('is empty without a view and a check mark once eligible', () => {
    expect(badgeText(null)).toBe('');
    expect(badgeText(rules(true, true, true, true))).toBe('✓');
  });

  it('shows the average progress in whole percent, rounded down', () => {
    const partial = rules(true, true, false, false);
    partial.requirements[2]!.progress = 0.5;
    partial.requirements[3]!.progress = 0.333;
    expect(badgeText(partial)).toBe('70%'); // (1 + 1 + 0.5 + 0.333) / 4 = 70.8%
    partial.requirements[2]!.progress = 0.99;
    partial.requirements[3]!.progress = 0.999;
    expect(badgeText(partial)).toBe('99%'); // never 100% before every requirement is met
    expect(badgeText(rules(false, null, null, null))).toBe('0%');
  });
});
