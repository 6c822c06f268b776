import { useState } from 'preact/hooks';
import type { Problem } from '@/lib/domain/problems';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/client';
import { exportedFileSchema, type ExportedFile } from '@/lib/messaging/protocol';
import { ROSTER_COLUMNS } from '@/lib/roster/csv';
import { Problems } from '../Problems';
import { plural } from './format';

/** Asks the background for the roster as CSV and saves it through a link: no downloads permission needed. */
async function downloadRoster(): Promise<ExportedFile | Problem[]> {
  const response = await send({ type: 'roster.export' });
  if (!response.ok) return response.problems;
  const parsed = exportedFileSchema.safeParse(response.data);
  if (!parsed.success) return [{ path: [], message: t('err.badResponse') }];
  const blob = new Blob([parsed.data.text], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = parsed.data.fileName;
  link.click();
  // The download has started from the URL; release it once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return parsed.data;
}

/** The roster as a CSV file (notes included: the file is the creator's own), which the import reads back. */
export function RosterExport({ empty }: { empty: boolean }) {
  const [outcome, setOutcome] = useState<ExportedFile | Problem[] | null>(null);
  return (
    <section class="options-panel" aria-labelledby="roster-export-heading">
      <h2 id="roster-export-heading">{t('roster.ui.export.heading')}</h2>
      <p class="muted">
        {t('roster.ui.export.intro')} <code>{ROSTER_COLUMNS.join(',')}</code>
      </p>
      <button
        type="button"
        class="primary"
        disabled={empty}
        aria-describedby={empty ? 'roster-export-empty' : undefined}
        onClick={async () => setOutcome(await downloadRoster())}
      >
        {t('roster.ui.export.button')}
      </button>
      {empty ? (
        <p id="roster-export-empty" class="muted small">
          {t('roster.ui.export.empty')}
        </p>
      ) : null}
      <p role="status" class="status-ok">
        {outcome && !Array.isArray(outcome)
          ? plural('roster.ui.export.done', outcome.count, { file: outcome.fileName })
          : null}
      </p>
      {Array.isArray(outcome) ? <Problems problems={outcome} /> : null}
    </section>
  );
}
