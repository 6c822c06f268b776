import { useState } from 'preact/hooks';
import type { Problem } from '@/lib/domain/problems';
import { languageChoices, themes, type Settings } from '@/lib/domain/schema';
import { versionOf } from '@/lib/domain/version';
import { t } from '@/lib/i18n';
import { run, workspace } from '../app-state';
import { Problems } from '../Problems';

/** Theme and language: saved as soon as they are chosen, and applied by app-state at once. */
export function AppearanceSettings() {
  const settings = workspace.value!.settings;
  const [problems, setProblems] = useState<Problem[]>([]);
  const save = async (change: Partial<Settings>) =>
    setProblems(await run({ type: 'settings.save', settings: { ...settings, ...change }, loaded: versionOf(settings) }));

  return (
    <section class="options-panel" aria-labelledby="appearance-heading">
      <h2 id="appearance-heading">{t('options.settings.appearance')}</h2>
      <div class="form-grid">
        <div class="field">
          <label for="setting-theme">{t('options.settings.theme')}</label>
          <select
            id="setting-theme"
            value={settings.theme}
            onChange={(e) => void save({ theme: e.currentTarget.value as Settings['theme'] })}
          >
            {themes.map((theme) => (
              <option key={theme} value={theme}>
                {t(`options.settings.theme.${theme}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="setting-language">{t('options.settings.language')}</label>
          <select
            id="setting-language"
            value={settings.language}
            onChange={(e) => void save({ language: e.currentTarget.value as Settings['language'] })}
          >
            {languageChoices.map((choice) => (
              <option key={choice} value={choice} lang={choice === 'auto' ? undefined : choice}>
                {t(`options.settings.language.${choice}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {/* The choices show the settings as they are now: a refusal has nothing more to load. */}
      <Problems problems={problems} onReload={() => setProblems([])} />
    </section>
  );
}
