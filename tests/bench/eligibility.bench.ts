// Eligibility recomputed over three years of daily data (what the popup does on every open), against a
// floor measured in the same run: one plain loop summing the same days. Prints and records the
// numbers; timings are reported, never asserted (they vary with the machine).
import { it } from 'vitest';
import { formatNumber, record } from './results';
import { addDays, dayNumber, DAY_MS } from '@/lib/eligibility/dates';
import { evaluateBonus as bonusView, type BonusInput } from '@/lib/eligibility/bonus';
import { evaluateEligibility, type EligibilityInput } from '@/lib/eligibility/evaluate';
import { projectCumulative, projectRollingViews } from '@/lib/eligibility/projection';
import { defaultBonusConditions, defaultEligibilityProfiles } from '@/lib/eligibility/rules';
import type { DailyPoint, ProfileSnapshot } from '@/lib/eligibility/series';

const DAYS = 1_096;
const FIRST = '2023-01-01';
const TODAY = addDays(FIRST, DAYS);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 41);
const SAMPLE_MS = 20;

// A fixed pseudo-random sequence, so every run measures the same data.
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

const followers: DailyPoint[] = [];
const dailyViews: DailyPoint[] = [];
let count = 200;
for (let i = 0; i < DAYS; i++) {
  count += Math.round(random() * 20);
  const date = addDays(FIRST, i);
  // About one day in fifty is missing, as in real exports.
  followers.push({ date, value: random() < 0.02 ? null : count });
  dailyViews.push({ date, value: random() < 0.02 ? null : Math.round(1_000 + random() * 3_000 + i * 2) });
}
// Ninety days of profile captures, one a day.
const snapshots: ProfileSnapshot[] = Array.from({ length: 90 }, (_, i) => ({
  capturedAt: (dayNumber(TODAY) - 90 + i) * DAY_MS + 15 * 3_600_000,
  followers: count + i,
  videoCount: 120,
  visibleViews: 2_000_000 + i * 3_000,
}));

const base: Omit<EligibilityInput, 'profile'> = {
  confirmations: { adult: true, goodStanding: true },
  followers,
  dailyViews,
  snapshots,
  subscriberOnlyPosts: 2,
  today: TODAY,
};
const subscription = defaultEligibilityProfiles[0]!;
const bonus = defaultBonusConditions[0]!;

function floor(): number {
  let sum = 0;
  for (let i = 0; i < DAYS; i++) sum += (followers[i]!.value ?? 0) + (dailyViews[i]!.value ?? 0);
  return sum;
}
function evaluateBoth(): number {
  return (
    evaluateEligibility({ ...base, profile: subscription }).metCount + evaluateEligibility({ ...base, profile: bonus }).metCount
  );
}
function evaluateProfile(): number {
  return evaluateEligibility({ ...base, profile: subscription }).metCount;
}
// Three subscriber-only posts a month.
const posts = Array.from({ length: 36 * 3 }, (_, i) => ({ date: addDays(FIRST, i * 10) }));
const bonusInput: BonusInput = { conditions: bonus, followers, dailyViews, snapshots, posts, today: TODAY };
/** What the bonus panel shows: this month so far, last month, and the months before. */
function evaluateBonus(): number {
  const { thisMonth, lastMonth, history } = bonusView(bonusInput);
  return thisMonth.conditions.length + lastMonth.conditions.length + history.length;
}
function projectionsOnly(): number {
  return (projectCumulative(followers, 1_000_000).pace?.weeks ?? 0) + (projectRollingViews(dailyViews, 1e9).pace?.weeks ?? 0);
}

let sink = 0;
type Timing = { median: number; min: number; max: number };

/** How many calls make a sample of about SAMPLE_MS (warming the function up on the way). */
function calibrate(run: () => number): number {
  let repeats = 1;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < repeats; i++) sink += run();
    if (performance.now() - start >= SAMPLE_MS / 4) break;
    repeats *= 2;
  }
  return Math.max(1, repeats * 4);
}

/** One call's time in ms, over `repeats` calls. */
function sample(run: () => number, repeats: number): number {
  const start = performance.now();
  for (let i = 0; i < repeats; i++) sink += run();
  return (performance.now() - start) / repeats;
}

function timing(times: number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/** Median time of one call in ms: each sample repeats the call for about SAMPLE_MS. */
function measure(run: () => number): Timing {
  const repeats = calibrate(run);
  return timing(Array.from({ length: SAMPLES }, () => sample(run, repeats)));
}

/**
 * A figure and its baseline sampled in turn, so that a machine busy for a while slows both: the ratio
 * is the median of each sample's ratio to the baseline's sample beside it.
 */
function measureAgainst(run: () => number, baseline: () => number): { run: Timing; baseline: Timing; ratio: number } {
  const runRepeats = calibrate(run);
  const baselineRepeats = calibrate(baseline);
  const runs: number[] = [];
  const baselines: number[] = [];
  for (let s = 0; s < SAMPLES; s++) {
    baselines.push(sample(baseline, baselineRepeats));
    runs.push(sample(run, runRepeats));
  }
  return { run: timing(runs), baseline: timing(baselines), ratio: timing(runs.map((time, s) => time / baselines[s]!)).median };
}

it('measures recomputing eligibility over three years of daily data', ({ task }) => {
  const floorTime = measure(floor);
  const evaluateTime = measure(evaluateBoth);
  const projectionTime = measure(projectionsOnly);
  const { run: bonusTime, baseline: profileTime, ratio: bonusRatio } = measureAgainst(evaluateBonus, evaluateProfile);
  const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
  const row = (name: string, t: Timing) =>
    `  ${name.padEnd(44)}${us(t.median).padStart(12)}   (${us(t.min)} - ${us(t.max)})   ${(t.median / floorTime.median).toFixed(1)}× floor`;
  console.log(
    [
      '',
      `Eligibility over ${DAYS} days of followers and views (+ 90 snapshots), median of ${SAMPLES} samples`,
      row('floor: one loop summing the same days', floorTime),
      row('evaluate: TikTok Subscription + US bonus', evaluateTime),
      row('projections only: followers + 30-day views', projectionTime),
      row('eligibility profile alone: TikTok Subscription', profileTime),
      row('bonus: this month, last month, 36 months', bonusTime),
      `  ratio evaluate/floor: ${(evaluateTime.median / floorTime.median).toFixed(1)}`,
      `  ratio bonus/profile: ${bonusRatio.toFixed(2)}`,
      `  (checksum ${sink % 1000})`,
      '',
    ].join('\n'),
  );
  const baseline = {
    name: `one loop summing the same ${DAYS.toLocaleString('en')} days`,
    value: floorTime.median * 1000,
    unit: 'µs',
    why: 'Every evaluation reads each day of both series at least once; a loop that only adds them up is the least that reading them costs.',
  };
  const spread = (t: { min: number; max: number }) => `median of ${SAMPLES} samples; ${formatNumber(t.min * 1000)}-${formatNumber(t.max * 1000)}`;
  record(task, [
    {
      section: 'eligibility',
      name: 'Evaluate a rules profile and the bonus conditions',
      measures: `evaluateEligibility for TikTok Subscription and the US bonus over ${DAYS.toLocaleString('en')} days of daily followers and views (about one day in fifty missing) and 90 profile captures, as the background does after every change.`,
      value: evaluateTime.median * 1000,
      unit: 'µs',
      spread: spread(evaluateTime),
      baseline,
    },
    {
      section: 'eligibility',
      name: 'The monthly bonus: this month, last month and 36 months of history',
      measures: `evaluateBonus (this month, last month, the months before) for the US bonus (followers, calendar-month views, subscriber-only posts) over the same ${DAYS.toLocaleString('en')} days and three posts a month: what the bonus panel shows.`,
      value: bonusTime.median * 1000,
      unit: 'µs',
      spread: spread(bonusTime),
      baseline: {
        name: 'evaluateEligibility for TikTok Subscription alone, on the same data',
        value: profileTime.median * 1000,
        unit: 'µs',
        why: 'The bonus reads the same series as the eligibility profile the popup evaluates on every open; the requirement is that it costs no more than twice that.',
      },
      target: { text: 'ratio ≤ 2', met: bonusRatio <= 2 },
    },
    {
      section: 'eligibility',
      name: 'Projections only (followers, 30-day views)',
      measures: 'projectCumulative and projectRollingViews over the same series: the projected dates the cards show.',
      value: projectionTime.median * 1000,
      unit: 'µs',
      spread: spread(projectionTime),
      baseline,
    },
  ]);
});
