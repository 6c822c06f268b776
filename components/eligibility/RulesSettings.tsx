import { useRef, useState } from 'preact/hooks';
import { check, type Problem } from '@/lib/domain/problems';
import {
  bonusConditionsSchema,
  defaultEligibilityProfiles,
  eligibilityProfileSchema,
  TIKTOK_SUBSCRIPTION_ID,
  type BonusConditions,
  type EligibilityProfile,
} from '@/lib/eligibility/rules';
import type { Settings } from '@/lib/domain/schema';
import { versionOf } from '@/lib/domain/version';
import { getLanguage, t } from '@/lib/i18n';
import { run, workspace } from '../app-state';
import { useUndo } from '../UndoNotice';
import { monthName } from './format';
import { RuleSetForm, type RuleSet } from './RuleSetForm';

/** Which rules are checked, their thresholds and windows, and whether changes notify. */
export function EligibilityRules() {
  const ws = workspace.value!;
  const profiles = ws.eligibilityProfiles;
  const index = Math.max(0, profiles.findIndex((p) => p.id === ws.settings.eligibilityProfileId));
  const profile = profiles[index]!;
  const [problems, setProblems] = useState<Problem[]>([]);
  const [saved, setSaved] = useState(false);
  const picker = useRef<HTMLSelectElement>(null);
  const { offer, notice } = useUndo(picker);

  const settle = (found: Problem[]) => {
    setProblems(found);
    setSaved(!found.length);
  };
  const saveSettings = (change: Partial<Settings>) =>
    run({ type: 'settings.save', settings: { ...ws.settings, ...change }, loaded: versionOf(ws.settings) });
  const choose = async (eligibilityProfileId: string) => {
    setSaved(false);
    setProblems(await saveSettings({ eligibilityProfileId }));
  };
  const saveProfiles = (eligibilityProfiles: EligibilityProfile[], loaded = profiles) =>
    run({ type: 'eligibilityProfiles.save', eligibilityProfiles, loaded: versionOf(loaded) });

  const save = async (value: RuleSet, loaded: RuleSet): Promise<RuleSet | null> => {
    // The form edits the name and requirements; a retired profile stays marked so.
    const kept = profile.retired ? { retired: profile.retired } : {};
    const checked = check(eligibilityProfileSchema, { ...value, id: profile.id, ...kept }, ['eligibilityProfiles', index]);
    if (!checked.ok) {
      settle(checked.problems);
      return null;
    }
    // The list with this profile as the form loaded it: one changed elsewhere since is not overwritten.
    const found = await saveProfiles(
      profiles.map((p, i) => (i === index ? checked.value : p)),
      profiles.map((p, i) => (i === index ? (loaded as EligibilityProfile) : p)),
    );
    settle(found);
    return found.length ? null : (workspace.value!.eligibilityProfiles.find((p) => p.id === profile.id) ?? null);
  };
  const add = async () => {
    const copy: EligibilityProfile = {
      id: crypto.randomUUID(),
      name: t('eligibilityOptions.rules.copyName', { name: profile.name }).slice(0, 60),
      requirements: profile.requirements,
    };
    const found = await saveProfiles([...profiles, copy]);
    settle(found.length ? found : await saveSettings({ eligibilityProfileId: copy.id }));
  };
  const remove = async () => {
    const before = ws;
    const rest = profiles.filter((_, i) => i !== index);
    const found = await saveSettings({ eligibilityProfileId: rest[0]!.id });
    settle(found.length ? found : await saveProfiles(rest));
    if (!found.length) offer(t('eligibilityOptions.rules.deleted', { name: profile.name }), before);
  };
  const restore = async () => {
    const before = ws;
    const keepsChoice = defaultEligibilityProfiles.some((p) => p.id === ws.settings.eligibilityProfileId);
    let found = await saveProfiles(defaultEligibilityProfiles);
    if (!found.length && !keepsChoice) {
      found = await saveSettings({ eligibilityProfileId: TIKTOK_SUBSCRIPTION_ID });
    }
    setProblems(found);
    if (!found.length) offer(t('eligibilityOptions.rules.restored'), before);
  };

  return (
    <section class="options-panel" aria-labelledby="elig-rules-heading">
      <h2 id="elig-rules-heading">{t('eligibilityOptions.rules.heading')}</h2>
      <p class="muted">{t('eligibilityOptions.rules.intro')}</p>
      <div class="form-grid">
        <div class="field">
          <label for="elig-profile">{t('eligibilityOptions.rules.active')}</label>
          <select id="elig-profile" ref={picker} value={profile.id} onChange={(e) => void choose(e.currentTarget.value)}>
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.retired ? t('eligibilityOptions.rules.retiredOption', { name: p.name }) : p.name}
              </option>
            ))}
          </select>
        </div>
        <label class="check">
          <input
            type="checkbox"
            checked={ws.settings.notifications}
            onChange={(e) => void saveSettings({ notifications: e.currentTarget.checked }).then(setProblems)}
          />
          {t('eligibilityOptions.notifications')}
        </label>
        <div class="field">
          <label for="elig-bonus-reminder">{t('eligibilityOptions.bonusReminder')}</label>
          <input
            id="elig-bonus-reminder"
            type="number"
            min={0}
            max={31}
            step={1}
            value={ws.settings.bonusReminderDays}
            // A number the settings refuse (above 31, or not whole) comes back as a problem under the form.
            onChange={(e) => void saveSettings({ bonusReminderDays: e.currentTarget.valueAsNumber }).then(setProblems)}
          />
        </div>
      </div>
      {profile.retired ? (
        <p class="muted retired-note" lang="en">
          <span lang={getLanguage()}>{t('eligibilityOptions.rules.retired', { month: monthName(profile.retired.since) })}</span>{' '}
          {profile.retired.note}
        </p>
      ) : null}
      <RuleSetForm
        key={profile.id}
        idPrefix="elig-rule"
        value={profile}
        path={['eligibilityProfiles', index]}
        problems={problems}
        onSave={save}
        onReload={() => setProblems([])}
      />
      <p role="status" class="status-ok">
        {saved ? t('options.saved') : null}
      </p>
      <div class="form-actions">
        <button type="button" onClick={add}>
          {t('eligibilityOptions.rules.addProfile')}
        </button>
        <button type="button" class="danger" disabled={profiles.length < 2} onClick={remove}>
          {t('eligibilityOptions.rules.deleteProfile', { name: profile.name })}
        </button>
        <button type="button" onClick={restore}>
          {t('eligibilityOptions.rules.restore')}
        </button>
      </div>
      {notice}
    </section>
  );
}

function BonusForm({ conditions, index }: { conditions: BonusConditions; index: number }) {
  const [problems, setProblems] = useState<Problem[]>([]);
  const [saved, setSaved] = useState(false);
  const save = async (value: RuleSet, loaded: RuleSet): Promise<RuleSet | null> => {
    const path = ['bonusConditions', index];
    const checked = check(bonusConditionsSchema, { ...value, id: conditions.id }, path);
    const all = workspace.value!.bonusConditions;
    const mine = (c: BonusConditions) => c.id === conditions.id;
    const found = checked.ok
      ? await run({
          type: 'bonusConditions.save',
          bonusConditions: all.map((c) => (mine(c) ? checked.value : c)),
          // The list with these conditions as the form loaded them: changed elsewhere since, they are not overwritten.
          loaded: versionOf(all.map((c) => (mine(c) ? (loaded as BonusConditions) : c))),
        })
      : checked.problems;
    setProblems(found);
    setSaved(!found.length);
    return found.length ? null : (workspace.value!.bonusConditions.find(mine) ?? null);
  };
  return (
    <li>
      <h3>{conditions.name}</h3>
      <RuleSetForm
        idPrefix={`elig-bonus-${index}`}
        value={conditions}
        path={['bonusConditions', index]}
        problems={problems}
        withMarkets
        onSave={save}
        onReload={() => setProblems([])}
      />
      <p role="status" class="status-ok">
        {saved ? t('options.saved') : null}
      </p>
    </li>
  );
}

/** The revenue bonus conditions per market, editable as TikTok changes them. */
export function BonusConditionsSettings() {
  const ws = workspace.value!;
  return (
    <section class="options-panel" aria-labelledby="elig-bonus-heading">
      <h2 id="elig-bonus-heading">{t('eligibilityOptions.bonus.heading')}</h2>
      <p class="muted">{t('eligibilityOptions.bonus.intro')}</p>
      <ul class="elig-files">
        {ws.bonusConditions.map((conditions, i) => (
          <BonusForm key={conditions.id} conditions={conditions} index={i} />
        ))}
      </ul>
    </section>
  );
}
