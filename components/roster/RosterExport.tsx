import { useState } from 'preact/hooks';
import type { Problem } from '@/lib/domain/problems';
import { formatMegabytes, t } from '@/lib/i18n';
import { ask } from '@/lib/client/ask';
import { MAX_ROSTER_CSV_BYTES, ROSTER_COLUMNS } from '@/lib/roster/csv';
import { saveFile } from '../save-file';
import { readInParts } from '../read-in-parts';
import { Problems } from '../Problems';

const CSV_TYPE = 'text/csv;charset=utf-8';

/**
 * The roster as CSV, read in parts (a big roster's file is more than one message carries) and saved as
 * one file; a file the import could not read back is not saved.
 */
async function downloadRoster(): Promise<{ fileName: string; count: number } | Problem[]> {
  let refused: Problem[] = [];
  const parts = await readInParts(
    async (offset) => {
      const answer = await ask({ type: 'roster.export', offset });
      if (!answer.ok) refused = answer.problems;
      return answer.ok ? answer.data : null;
    },
    () => {},
  );
  if (!parts?.[0]) return refused.length ? refused : [{ path: [], message: t('roster.ui.export.failed') }];
  const file = new Blob(
    parts.map((part) => part.text),
    { type: CSV_TYPE },
  );
  if (file.size > MAX_ROSTER_CSV_BYTES) {
    return [{ path: [], message: t('roster.ui.export.tooLarge', { size: formatMegabytes(file.size), max: formatMegabytes(MAX_ROSTER_CSV_BYTES) }) }];
  }
  const { fileName, total } = parts[0];
  saveFile(fileName, file, CSV_TYPE);
  return { fileName, count: total };
}

/** The roster as a CSV file (notes included: the file is the creator's own), which the import reads back. */
export function RosterExport({ empty }: { empty: boolean }) {
  const [outcome, setOutcome] = useState<{ fileName: string; count: number } | Problem[] | null>(null);
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
          ? t('roster.ui.export.done', { count: outcome.count, file: outcome.fileName })
          : null}
      </p>
      {Array.isArray(outcome) ? <Problems problems={outcome} /> : null}
    </section>
  );
}
