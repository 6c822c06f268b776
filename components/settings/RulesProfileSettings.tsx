import { useState } from 'preact/hooks';
import { activeRules } from '@/lib/domain/offer';
import { check, type Problem } from '@/lib/domain/problems';
import { rulesProfileSchema } from '@/lib/domain/schema';
import { versionOf } from '@/lib/domain/version';
import { t } from '@/lib/i18n';
import { run, workspace } from '../app-state';
import { Problems } from '../Problems';
import { parseDecimal } from '../options/form-values';
import { useDraft } from './use-draft';

/** Which rules profile applies, and its limit on active tiers. */
export function RulesProfileSettings() {
  const ws = workspace.value!;
  const profile = activeRules(ws);
  const index = ws.rulesProfiles.indexOf(profile);
  const [maxActive, setMaxActive, { loaded, reload }] = useDraft(profile, (rules) => String(rules.maxActiveTiers));
  const [problems, setProblems] = useState<Problem[]>([]);
  const [saved, setSaved] = useState(false);

  const choose = async (rulesProfileId: string) => {
    setSaved(false);
    const found = await run({ type: 'settings.save', settings: { ...ws.settings, rulesProfileId }, loaded: versionOf(ws.settings) });
    setProblems(found);
    // The limit field now edits the profile chosen.
    if (!found.length) reload(activeRules(workspace.value!));
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const path = ['rulesProfiles', index];
    const checked = check(rulesProfileSchema, { ...profile, maxActiveTiers: parseDecimal(maxActive) }, path);
    const found = checked.ok
      ? await run({
          type: 'rulesProfiles.save',
          rulesProfiles: ws.rulesProfiles.map((other, i) => (i === index ? checked.value : other)),
          // The list as this form loaded it: a limit changed elsewhere since is not overwritten.
          loaded: versionOf(ws.rulesProfiles.map((other, i) => (i === index ? loaded : other))),
        })
      : checked.problems;
    setProblems(found);
    setSaved(!found.length);
    if (!found.length) reload(activeRules(workspace.value!));
  };

  const loadCurrent = () => {
    setProblems([]);
    reload(activeRules(workspace.value!));
  };

  return (
    <section class="options-panel" aria-labelledby="rules-heading">
      <h2 id="rules-heading">{t('options.settings.rules.heading')}</h2>
      <p class="muted">{t('options.settings.rules.intro')}</p>
      <form class="form-grid" onSubmit={save}>
        <div class="field">
          <label for="rules-profile">{t('options.settings.rules.profile')}</label>
          <select id="rules-profile" value={profile.id} onChange={(e) => void choose(e.currentTarget.value)}>
            {ws.rulesProfiles.map((rules) => (
              <option key={rules.id} value={rules.id}>
                {rules.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="rules-max-active">{t('options.settings.rules.maxActive')}</label>
          <input
            id="rules-max-active"
            type="number"
            min={1}
            max={10}
            step={1}
            value={maxActive}
            onInput={(e) => {
              setSaved(false);
              setMaxActive(e.currentTarget.value);
            }}
          />
        </div>
        <div>
          <button type="submit">{t('options.save')}</button>
        </div>
      </form>
      <p role="status" class="status-ok">
        {saved ? t('options.saved') : null}
      </p>
      <Problems problems={problems} onReload={loadCurrent} />
    </section>
  );
}
