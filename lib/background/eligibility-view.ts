// What the popup and options page show about eligibility, computed in the background from the stored
// numbers and the chosen rules, so pages render it without the maths (and the popup stays small).
import { ageOn, type Workspace } from '../domain/schema';
import type { DailyStat, StatSnapshot } from '../domain/stats';
import { localDate } from '../eligibility/dates';
import { evaluateBonus, type DatedPost } from '../eligibility/bonus';
import { evaluateEligibility, type RequirementResult } from '../eligibility/evaluate';
import { bonusConditionsFor } from '../eligibility/rules';
import type { DailyPoint } from '../eligibility/series';
import type { BonusView, EligibilityWithBonus } from '../protocol/bonus-view';
import type { EligibilityView, RequirementView } from '../protocol/schemas';

function series(daily: readonly DailyStat[], field: 'videoViews' | 'followers'): DailyPoint[] {
  return daily.flatMap((day) => (day[field] === undefined ? [] : [{ date: day.date, value: day[field] ?? null }]));
}

function toView(result: RequirementResult): RequirementView {
  const { requirement, projection } = result;
  return {
    kind: result.kind,
    ...('window' in requirement ? { window: requirement.window } : {}),
    met: result.value === null ? null : result.met,
    value: result.value,
    threshold: result.threshold,
    progress: result.progress,
    estimate: result.estimate !== null,
    dataDate: result.freshness?.date ?? null,
    missingDays: result.missingDays,
    projection: {
      status: projection?.status ?? (result.met ? 'met' : 'no-data'),
      ...(projection?.expected ? { date: projection.expected } : {}),
      ...(projection?.optimistic ? { optimistic: projection.optimistic } : {}),
      ...(projection?.pessimistic ? { pessimistic: projection.pessimistic } : {}),
      ...(projection?.viewsPerDayNeeded != null ? { perDayNeeded: projection.viewsPerDayNeeded } : {}),
    },
  };
}

/**
 * The 30-day views a creator typed in are TikTok's own figure: newer than the evaluated data (or
 * where there is none), they stand for the requirement's value.
 */
function withManualViews(view: RequirementView, manual: StatSnapshot | undefined): RequirementView {
  if (view.kind !== 'video-views' || view.window !== 'rolling-30-days' || manual?.views30 === undefined) return view;
  if (view.dataDate !== null && view.dataDate > manual.day) return view;
  const threshold = view.threshold ?? 0;
  const met = manual.views30 >= threshold;
  return {
    ...view,
    value: manual.views30,
    met,
    progress: threshold > 0 ? Math.min(manual.views30 / threshold, 1) : 1,
    estimate: false,
    dataDate: manual.day,
    missingDays: [],
    projection: met ? { status: 'met' } : view.projection.status === 'met' ? stillToReach(view) : view.projection,
  };
}

/** The older data had met the threshold, the newer figure has not: there is no pace to project from. */
function stillToReach(view: RequirementView): RequirementView['projection'] {
  const { perDayNeeded } = view.projection;
  return { status: 'no-data', ...(perDayNeeded !== undefined ? { perDayNeeded } : {}) };
}

interface BonusData {
  followers: DailyPoint[];
  dailyViews: DailyPoint[];
  snapshots: readonly StatSnapshot[];
  posts: readonly DatedPost[];
  today: string;
}

/** The bonus of the creator's market, as the pages show it; null when the market has no conditions. */
export function bonusView(ws: Workspace, market: string, data: BonusData): BonusView | null {
  const conditions = bonusConditionsFor(ws.bonusConditions, market);
  if (!conditions) return null;
  const { thisMonth, lastMonth, history } = evaluateBonus({ conditions, ...data });
  if (!thisMonth.conditions.length) return null;
  return {
    status: thisMonth.status,
    daysLeft: thisMonth.daysLeft,
    monthEnd: thisMonth.month.end,
    conditions: thisMonth.conditions.map((c) => ({
      kind: c.requirement.kind,
      value: c.value,
      threshold: c.threshold,
      missing: c.missing,
      onTrack: c.onTrack,
      perDayNeeded: c.perDayNeeded,
      missingDays: c.missingDays.length,
    })),
    urgent: thisMonth.urgent ? thisMonth.conditions.indexOf(thisMonth.urgent) : null,
    lastMonth: { result: lastMonth.result, conditions: lastMonth.conditions.map((c) => ({ met: c.met, value: c.value })) },
    history: history.map((m) => ({ start: m.month.start, result: m.result })),
  };
}

export function eligibilityView(
  ws: Workspace,
  snapshots: readonly StatSnapshot[],
  daily: readonly DailyStat[],
  now: number,
  posts: readonly DatedPost[] = [],
): (EligibilityWithBonus & { bonus: BonusView | null }) | null {
  const creator = ws.profile;
  if (!creator) return null;
  const rules = ws.eligibilityProfiles.find((p) => p.id === ws.settings.eligibilityProfileId) ?? ws.eligibilityProfiles[0]!;
  // The creator's day: their calendar month decides the bonus (lib/eligibility/bonus.ts).
  const today = localDate(now);
  const followers = series(daily, 'followers');
  const dailyViews = series(daily, 'videoViews');
  const result = evaluateEligibility({
    profile: rules,
    confirmations: {
      adult: creator.age.kind === 'confirmed-adult' || ageOn(creator.age.birthDate, today) >= 18,
      goodStanding: creator.goodStanding,
    },
    followers,
    dailyViews,
    snapshots,
    today,
  });
  const latest = snapshots.at(-1);
  const manual = snapshots.findLast((s) => s.views30 !== undefined);
  const requirements = result.requirements.map((r) => withManualViews(toView(r), manual));
  const metCount = requirements.filter((r) => r.met === true).length;
  return {
    profileId: rules.id,
    profileName: rules.name,
    eligible: metCount === requirements.length,
    metCount,
    total: requirements.length,
    requirements,
    latestCapture: latest
      ? {
          handle: latest.handle,
          capturedAt: latest.capturedAt,
          followers: latest.followers,
          source: latest.source,
          precise: latest.precise,
        }
      : null,
    computedAt: now,
    bonus: bonusView(ws, creator.market, { followers, dailyViews, snapshots, posts, today }),
  };
}

export type EligibilityChange =
  | { kind: 'requirement-met'; requirement: RequirementView }
  | { kind: 'eligible' }
  | { kind: 'lost'; requirements: RequirementView[] };

/** What is worth a notification between two views of the same rules: newly met, eligible, lost. */
export function eligibilityChanges(before: EligibilityView | null, after: EligibilityView | null): EligibilityChange[] {
  if (!before || !after || before.profileId !== after.profileId) return [];
  if (after.eligible && !before.eligible) return [{ kind: 'eligible' }];
  if (before.eligible && !after.eligible) {
    return [{ kind: 'lost', requirements: after.requirements.filter((r) => r.met !== true) }];
  }
  const wasMet = new Set(before.requirements.filter((r) => r.met === true).map((r) => `${r.kind}:${r.window ?? ''}`));
  return after.requirements
    .filter((r) => r.met === true && !wasMet.has(`${r.kind}:${r.window ?? ''}`))
    .map((requirement) => ({ kind: 'requirement-met', requirement }));
}

/** The toolbar badge: a check mark once eligible, else the average progress in percent. */
export function badgeText(view: EligibilityView | null): string {
  if (!view || view.total === 0) return '';
  if (view.eligible) return '✓';
  const progress = view.requirements.reduce((sum, r) => sum + r.progress, 0) / view.total;
  return `${Math.floor(progress * 100)}%`;
}
