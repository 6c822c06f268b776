import { describe, expect, it } from 'vitest';
import { check } from '@/lib/domain/problems';
import {
  MAX_REQUIREMENTS,
  bonusConditionsFor,
  bonusConditionsSchema,
  defaultBonusConditions,
  defaultEligibilityProfiles,
  eligibilityProfileSchema,
  requirementKey,
  type EligibilityProfile,
} from '@/lib/eligibility/rules';
import { setLanguage } from '@/lib/i18n';


const problems = (input: unknown) => {
  const result = check(eligibilityProfileSchema, input);
  return result.ok ? [] : result.problems.map((p) => [p.path.join('.'), p.message]);
};
const profile = (requirements: unknown[]): unknown => ({ id: 'mine', name: 'Mine', requirements });

describe('eligibility profiles', () => {
  it('ships the two default profiles, valid, with their thresholds', () => {
    for (const p of defaultEligibilityProfiles) expect(problems(p)).toEqual([]);
    const [subscription, live] = defaultEligibilityProfiles as [EligibilityProfile, EligibilityProfile];
    expect(subscription.requirements).toEqual([
      { kind: 'age' },
      { kind: 'good-standing' },
      { kind: 'followers', min: 10_000 },
      { kind: 'video-views', min: 100_000, window: 'rolling-30-days' },
    ]);
    expect(live).toMatchObject({ name: 'LIVE Subscription 2022', requirements: [{ kind: 'age' }, { kind: 'followers', min: 1_000 }] });
  });

  it('refuses negative, fractional or absurd thresholds with their paths', () => {
    expect(problems(profile([{ kind: 'followers', min: -1 }]))).toEqual([['requirements.0.min', 'Must be at least 0']]);
    expect(problems(profile([{ kind: 'followers', min: 1.5 }]))).toEqual([['requirements.0.min', 'Must be a whole number']]);
    expect(problems(profile([{ kind: 'video-views', min: 1e13, window: 'rolling-30-days' }]))).toEqual([
      ['requirements.0.min', 'Must be at most 1000000000000'],
    ]);
  });

  it('refuses an unknown kind or window', () => {
    expect(problems(profile([{ kind: 'likes', min: 1 }]))[0]?.[0]).toBe('requirements.0.kind');
    expect(problems(profile([{ kind: 'video-views', min: 1, window: 'weekly' }]))[0]?.[0]).toBe('requirements.0.window');
  });

  it('refuses the same requirement twice for one window, allows it for two windows', () => {
    expect(
      problems(profile([{ kind: 'age' }, { kind: 'followers', min: 1 }, { kind: 'followers', min: 2 }])),
    ).toEqual([['requirements.2.kind', 'This requirement is already listed for the same window, at requirements › 2']]);
    expect(
      problems(
        profile([
          { kind: 'video-views', min: 1, window: 'rolling-30-days' },
          { kind: 'video-views', min: 1, window: 'calendar-month' },
        ]),
      ),
    ).toEqual([]);
    expect(requirementKey({ kind: 'video-views', min: 1, window: 'calendar-month' })).toBe('video-views:calendar-month');
  });

  it('says so in Italian', () => {
    setLanguage('it');
    expect(problems(profile([{ kind: 'age' }, { kind: 'age' }]))).toEqual([
      ['requirements.1.kind', 'Questo requisito è già presente per lo stesso periodo, in requirements › 1'],
    ]);
  });

  it('needs at least one requirement and at most the limit, and a name', () => {
    expect(problems(profile([]))).toEqual([['requirements', 'At least 1 needed']]);
    const many = Array.from({ length: MAX_REQUIREMENTS + 1 }, () => ({ kind: 'age' }));
    expect(problems(profile(many))).toContainEqual(['requirements', `At most ${MAX_REQUIREMENTS} allowed`]);
    expect(problems({ id: 'x', name: ' ', requirements: [{ kind: 'age' }] })).toEqual([['name', 'Required']]);
  });
});

describe('bonus conditions', () => {
  it('ships the US/CA and elsewhere conditions, valid', () => {
    for (const c of defaultBonusConditions) expect(check(bonusConditionsSchema, c).ok).toBe(true);
    expect(bonusConditionsFor(defaultBonusConditions, 'US')?.requirements).toEqual([
      { kind: 'followers', min: 10_000 },
      { kind: 'video-views', min: 100_000, window: 'calendar-month' },
      { kind: 'subscriber-only-posts', min: 3, window: 'calendar-month' },
    ]);
    expect(bonusConditionsFor(defaultBonusConditions, 'CA')?.id).toBe('us-ca');
  });

  it('falls back to the everywhere-else conditions', () => {
    expect(bonusConditionsFor(defaultBonusConditions, 'IT')?.requirements).toEqual([
      { kind: 'followers', min: 10_000 },
      { kind: 'video-views', min: 1_000_000, window: 'calendar-month' },
    ]);
    expect(bonusConditionsFor([defaultBonusConditions[0]!], 'IT')).toBeUndefined();
  });
});
