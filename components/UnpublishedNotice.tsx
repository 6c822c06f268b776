import { useState } from 'preact/hooks';
import type { Problem } from '@/lib/domain/problems';
import { t } from '@/lib/i18n';
import { ask } from '@/lib/client/ask';
import { viewOutdated } from './app-state';
import { Problems } from './Problems';

/**
 * Shown when the background saved a change but could not publish it: this page may show older data.
 * Reload asks the background to publish again first, so the reloaded page reads the saved data.
 */
export function UnpublishedNotice() {
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  if (!viewOutdated.value) return null;

  const reload = async () => {
    setBusy(true);
    const response = await ask({ type: 'publish' });
    if (response.ok) {
      location.reload();
      return;
    }
    setBusy(false);
    setProblems(response.problems);
  };

  return (
    <div class="unpublished-notice" role="alert">
      <p>{t('unpublished.text')}</p>
      <button type="button" disabled={busy} onClick={() => void reload()}>
        {t('common.reload')}
      </button>
      <Problems problems={problems} />
    </div>
  );
}
