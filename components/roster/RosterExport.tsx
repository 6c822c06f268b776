import { useState } from 'preact/hooks';
import type { Problem } from '@/lib/domain/problems';
import { t } from '@/lib/i18n';
import type { ExportedFile } from '@/lib/messaging/protocol';
import { saveExport } from '../save-file';
import { ROSTER_COLUMNS } from '@/lib/roster/csv';
import { Problems } from '../Problems';
import { plural } from './format';

/** The roster as CSV, saved as a file. */
const downloadRoster = () => saveExport('roster.export', 'text/csv;charset=utf-8');

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
