import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { MAX_BACKUP_BYTES, backupFileName, backupFilePieces, createBackup } from '@/lib/domain/backup';
import { t } from '@/lib/i18n';
import { workspace } from '../app-state';
import { saveFile } from '../save-file';
import { readBackupData, type TransferProgress } from './backup-transfer';
import { StepProgress } from './StepProgress';

type Outcome = { file: string } | { failed: string };

/**
 * Downloads the whole workspace, the recorded numbers, the posts log and the roster as one compact JSON file, through
 * a link: no downloads permission needed. A file Tierkit could not import again is not saved.
 */
export async function downloadBackup(onProgress: (progress: TransferProgress) => void = () => {}): Promise<Outcome> {
  const extra = await readBackupData(onProgress);
  if (!extra) return { failed: t('options.data.export.failed') };
  const now = new Date();
  const backup = createBackup(workspace.value!, now, browser.runtime.getManifest().version, extra.stats, undefined, extra.posts);
  const file = new Blob(backupFilePieces(backup, extra.parts), { type: 'application/json' });
  if (file.size > MAX_BACKUP_BYTES) {
    const size = (file.size / 1048576).toFixed(1);
    return { failed: t('options.data.export.tooLarge', { size, max: MAX_BACKUP_BYTES / 1048576 }) };
  }
  const fileName = backupFileName(now);
  saveFile(fileName, file, 'application/json');
  return { file: fileName };
}

export function ExportBackup() {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [progress, setProgress] = useState<TransferProgress | null>(null);
  const exportNow = async () => {
    setOutcome(null);
    setProgress({ phase: 'preparing', done: 0, total: 0 });
    try {
      setOutcome(await downloadBackup(setProgress));
    } finally {
      setProgress(null);
    }
  };
  return (
    <section class="options-panel" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('options.data.export.heading')}</h2>
      <p class="muted">{t('options.data.export.intro')}</p>
      <button type="button" class="primary" disabled={progress !== null} onClick={() => void exportNow()}>
        {t('options.data.export.button')}
      </button>
      {progress ? <StepProgress progress={progress} /> : null}
      <p role="status" class="status-ok">
        {outcome && 'file' in outcome ? t('options.data.export.done', { file: outcome.file }) : null}
        {outcome && 'failed' in outcome ? <span class="error">{outcome.failed}</span> : null}
      </p>
    </section>
  );
}
