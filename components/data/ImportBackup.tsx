import { useRef, useState } from 'preact/hooks';
import type { Backup, ImportMode } from '@/lib/domain/backup';
import type { Problem } from '@/lib/domain/problems';
import { sortTiers } from '@/lib/domain/offer';
import { locale, t } from '@/lib/i18n';
import { workspace } from '../app-state';
import { Problems } from '../Problems';
import { FileDrop } from '../FileDrop';
import { importBackupFile, readBackupFile, type TransferProgress } from './backup-transfer';
import { StepProgress } from './StepProgress';

/** A file chosen for import and what reading it found, checked here before anything is sent. */
type Chosen = { name: string; backup: Backup } | { name: string; problems: Problem[] };

type Outcome = { imported: true } | { imported: false; problems: Problem[] };

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
        {backup.subscribers ? (
          <li>{t('options.data.import.previewSubscribers', { count: backup.subscribers.length })}</li>
        ) : null}
        <li>
          {data.profile
            ? t('options.data.import.previewProfile', { handle: data.profile.handle })
            : t('options.data.import.previewNoProfile')}
        </li>
      </ul>
    </div>
  );
}

/**
 * Reads a backup file (chosen or dropped) and checks it, shows what it holds or every problem, then
 * imports it. Reading, checking and importing a big file take a while: each step shows its progress.
 */
export function ImportBackup() {
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [mode, setMode] = useState<ImportMode>('replace');
  const [progress, setProgress] = useState<TransferProgress | null>(null);
  const [importing, setImporting] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // The file being read: a file chosen while another is read replaces it.
  const reading = useRef<File | null>(null);

  const choose = async (file: File | undefined) => {
    if (importing) return;
    setOutcome(null);
    setChosen(null);
    reading.current = file ?? null;
    if (!file) return setProgress(null);
    const report = (next: TransferProgress) => reading.current === file && setProgress(next);
    report({ phase: 'reading', done: 0, total: file.size });
    const result = await readBackupFile(file, report);
    if (reading.current !== file) return;
    reading.current = null;
    setProgress(null);
    setChosen(result.ok ? { name: file.name, backup: result.value } : { name: file.name, problems: result.problems });
  };

  const importChosen = async () => {
    if (!chosen || !('backup' in chosen) || importing) return;
    setImporting(true);
    setOutcome(null);
    try {
      const problems = await importBackupFile(chosen.backup, mode, setProgress);
      setOutcome(problems.length ? { imported: false, problems } : { imported: true });
      // Imported: the file's records (a big roster's are many megabytes) are not kept for nothing.
      if (!problems.length) setChosen(null);
    } finally {
      setImporting(false);
      setProgress(null);
    }
  };

  const ws = workspace.value!;
  return (
    <section class="options-panel" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('options.data.import.heading')}</h2>
      <p class="muted">{t('options.data.import.intro')}</p>
      <FileDrop
        id="backup-file"
        label={t('options.data.import.file')}
        hint={t('options.data.import.drop')}
        accept="application/json,.json"
        disabled={importing}
        onFile={(file) => void choose(file)}
      />

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

      {progress ? <StepProgress progress={progress} /> : null}
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
          disabled={!chosen || !('backup' in chosen) || importing}
          onClick={importChosen}
        >
          {t('options.data.import.button')}
        </button>
      </div>
      <div role="status">
        {outcome?.imported ? (
          <p class="status-ok">
            {t('options.data.import.done', {
              tiers: t('options.data.import.tierCount', { count: ws.tiers.length }),
              perks: t('options.data.import.perkCount', { count: ws.perks.length }),
            })}
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
