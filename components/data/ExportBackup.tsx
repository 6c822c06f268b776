import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { backupFileName, createBackup } from '@/lib/domain/backup';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/client';
import { backupDataSchema } from '@/lib/messaging/roster-answers';
import { workspace } from '../app-state';
import { saveFile } from '../save-file';

/**
 * Downloads the whole workspace, the recorded numbers and the roster as one JSON file, through a link:
 * no downloads permission needed. Resolves to the file name, or null when they could not be read.
 */
export async function downloadBackup(): Promise<string | null> {
  const response = await send({ type: 'backup.data' });
  const extra = response.ok ? backupDataSchema.safeParse(response.data) : null;
  if (!extra?.success) return null;
  const now = new Date();
  const { stats, subscribers } = extra.data;
  const backup = createBackup(workspace.value!, now, browser.runtime.getManifest().version, stats, subscribers);
  const fileName = backupFileName(now);
  saveFile(fileName, JSON.stringify(backup, null, 2), 'application/json');
  return fileName;
}

export function ExportBackup() {
  const [saved, setSaved] = useState<string | null | undefined>(undefined);
  return (
    <section class="options-panel" aria-labelledby="export-heading">
      <h2 id="export-heading">{t('options.data.export.heading')}</h2>
      <p class="muted">{t('options.data.export.intro')}</p>
      <button type="button" class="primary" onClick={async () => setSaved(await downloadBackup())}>
        {t('options.data.export.button')}
      </button>
      <p role="status" class="status-ok">
        {saved ? t('options.data.export.done', { file: saved }) : null}
        {saved === null ? <span class="error">{t('options.data.export.failed')}</span> : null}
      </p>
    </section>
  );
}
