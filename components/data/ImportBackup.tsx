import { useState } from 'preact/hooks';
import { MAX_BACKUP_BYTES, readBackup, type Backup, type ImportMode } from '@/lib/domain/backup';
import type { Problem } from '@/lib/domain/problems';
import { sortTiers } from '@/lib/domain/offer';
import { locale, t } from '@/lib/i18n';
import { run, workspace } from '../app-state';
import { Problems } from '../Problems';
import { FileDrop } from '../FileDrop';

/** A file chosen for import: its text and what reading it found, checked here before anything is sent. */
type Chosen =
  | { name: string; text: string; backup: Backup }
  | { name: string; problems: Problem[] };

type Outcome = { imported: true } | { imported: false; problems: Problem[] };

async function readFile(file: File): Promise<Chosen> {
  if (file.size > MAX_BACKUP_BYTES) {
    return {
      name: file.name,
      problems: [
        {
          path: [],
          message: t('err.backupTooLarge', { size: (file.size / 1048576).toFixed(1), max: MAX_BACKUP_BYTES / 1048576 }),
        },
      ],
    };
  }
  const text = await file.text();
  const result = readBackup(text, locale());
  return result.ok ? { name: file.name, text, backup: result.value } : { name: file.name, problems: result.problems };
}

function Preview({ backup }: { backup: Backup }) {
  const { data } = backup;
  const exported = new Date(backup.exportedAt);
  const tierNames = sortTiers(data.tiers).map((tier) => tier.name);
  return (
    <div class="import-preview">
      <p>
        {t('options.data.import.preview', {
          date: new Intl.DateTimeFormat(locale(), { dateStyle: 'long', timeStyle: 'short' }).format(exported),
        })}
      </p>
      <ul>
        <li>
          {tierNames.length
            ? t('options.data.import.previewTiers', { count: tierNames.length, names: tierNames.join(', ') })
            : t('options.data.import.previewNoTiers')}
        </li>
        <li>{t('options.data.import.previewPerks', { count: data.perks.length })}</li>
        {backup.subscribers ? <li>{t('options.data.import.previewSubscribers', { count: backup.subscribers.length })}</li> : null}
        <li>
          {data.profile
            ? t('options.data.import.previewProfile', { handle: data.profile.handle })
            : t('options.data.import.previewNoProfile')}
        </li>
      </ul>
    </div>
  );
}

/** Reads a backup file (chosen or dropped), shows what it holds or every problem, then imports it. */
export function ImportBackup() {
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [mode, setMode] = useState<ImportMode>('replace');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const choose = async (file: File | undefined) => {
    setOutcome(null);
    setChosen(file ? await readFile(file) : null);
  };

  const importChosen = async () => {
    if (!chosen || !('backup' in chosen)) return;
    setBusy(true);
    const problems = await run({ type: 'backup.import', text: chosen.text, mode });
    setBusy(false);
    setOutcome(problems.length ? { imported: false, problems } : { imported: true });
  };

  const ws = workspace.value!;
  return (
    <section class="options-panel" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('options.data.import.heading')}</h2>
      <p class="muted">{t('options.data.import.intro')}</p>
      <FileDrop id="backup-file" label={t('options.data.import.file')} hint={t('options.data.import.drop')} accept="application/json,.json" onFile={(file) => void choose(file)} />

      <fieldset class="import-mode">
        <legend>{t('options.data.import.mode')}</legend>
        <label class="field inline">
          <input
            type="radio"
            name="import-mode"
            aria-describedby="import-replace-hint"
            checked={mode === 'replace'}
            onChange={() => setMode('replace')}
          />
          {t('options.data.import.replace')}
        </label>
        <p id="import-replace-hint" class="muted small">{t('options.data.import.replaceHint')}</p>
        <label class="field inline">
          <input
            type="radio"
            name="import-mode"
            aria-describedby="import-merge-hint"
            checked={mode === 'merge'}
            onChange={() => setMode('merge')}
          />
          {t('options.data.import.merge')}
        </label>
        <p id="import-merge-hint" class="muted small">{t('options.data.import.mergeHint')}</p>
      </fieldset>

      {chosen ? (
        <div class="import-check" aria-live="polite">
          <h3>{chosen.name}</h3>
          {'backup' in chosen ? (
            <Preview backup={chosen.backup} />
          ) : (
            <>
              <p class="error">
                {t('options.data.import.invalid', { count: chosen.problems.length })}
              </p>
              <Problems problems={chosen.problems} />
            </>
          )}
        </div>
      ) : null}

      <div class="actions">
        <button
          type="button"
          class="primary"
          disabled={!chosen || !('backup' in chosen) || busy}
          onClick={importChosen}
        >
          {t('options.data.import.button')}
        </button>
      </div>
      <div role="status">
        {outcome?.imported ? (
          <p class="status-ok">
            {t('options.data.import.done', { tiers: ws.tiers.length, perks: ws.perks.length })}
          </p>
        ) : null}
      </div>
      {outcome && !outcome.imported ? (
        <>
          <p class="error">{t('options.data.import.failed')}</p>
          <Problems problems={outcome.problems} />
        </>
      ) : null}
    </section>
  );
}
