import { useState } from 'preact/hooks';
import type { Problem } from '@/lib/domain/problems';
import type { Tier } from '@/lib/domain/schema';
import { t } from '@/lib/i18n';
import { ask } from '@/lib/client/ask';
import { TEXT_PART } from '@/lib/protocol/schemas';
import type { RosterImportAnswer } from '@/lib/protocol/roster-answers';
import { csvEncoding } from '@/lib/parsers/studio-csv';
import { formatMegabytes, parserMessage } from '@/lib/parsers/problems';
import { FileProblemTable } from '../FileProblemTable';
import { MAX_ROSTER_CSV_BYTES, ROSTER_COLUMNS } from '@/lib/roster/csv';
import { Problems } from '../Problems';
import { count, formatDay, statusKey } from './format';
import { FileDrop } from '../FileDrop';

type Preview = Extract<RosterImportAnswer, { ok: true }>;
type FileProblem = Extract<RosterImportAnswer, { ok: false }>['problems'][number];

/** A file chosen for import and what the background found in it; nothing is saved yet. */
type Chosen =
  | { name: string; text: string; preview: Preview }
  | { name: string; problems: FileProblem[] };

type Outcome = { imported: Preview['summary'] } | { problems: Problem[] };

/**
 * Sends the file's text to the background in parts (a message carries at most MAX_MESSAGE_BYTES), then
 * asks it to preview the file or save it.
 */
async function sendFile(fileName: string, text: string, apply: boolean): Promise<RosterImportAnswer | Problem[]> {
  const upload = crypto.randomUUID();
  let from = 0;
  do {
    let to = Math.min(text.length, from + TEXT_PART);
    // A character of two code units stays whole.
    if (to < text.length && (text.charCodeAt(to - 1) & 0xfc00) === 0xd800) to--;
    const sent = await ask({ type: 'roster.importText', upload, from, text: text.slice(from, to) });
    if (!sent.ok) return sent.problems;
    from = to;
  } while (from < text.length);
  const answer = await ask({ type: 'roster.import', fileName, upload, length: text.length, apply });
  return answer.ok ? answer.data : answer.problems;
}

/** Control characters no CSV text holds: a zip or a spreadsheet's binary file decodes with some. */
const BINARY = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Decoding a 16 MB file takes a few hundred milliseconds on a slow machine: it is done a megabyte at
 * a time, the page getting a turn (and painting) between slices. Null for binary data.
 */
const SLICE_BYTES = 1_048_576;
async function decodeInSlices(bytes: Uint8Array): Promise<string | null> {
  const decoder = new TextDecoder(csvEncoding(bytes), { fatal: true });
  const parts: string[] = [];
  try {
    for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
      if (at) await new Promise((resolve) => setTimeout(resolve));
      const part = decoder.decode(bytes.subarray(at, at + SLICE_BYTES), { stream: at + SLICE_BYTES < bytes.length });
      if (BINARY.test(part)) return null;
      parts.push(part);
    }
  } catch {
    return null;
  }
  return parts.join('');
}

/** Reads a file as text here (UTF-8, or UTF-16 with its BOM), refusing a big or binary one before sending it. */
async function readText(file: File): Promise<{ text: string } | { problem: FileProblem }> {
  const refuse = (message: string) => ({ problem: { file: file.name, row: null, field: null, message } });
  if (file.size > MAX_ROSTER_CSV_BYTES) {
    return refuse(
      parserMessage('parser.tooLarge', {
        file: file.name,
        size: formatMegabytes(file.size),
        max: formatMegabytes(MAX_ROSTER_CSV_BYTES),
      }),
    );
  }
  const text = await decodeInSlices(new Uint8Array(await file.arrayBuffer()));
  return text === null ? refuse(parserMessage('parser.notText', { file: file.name })) : { text };
}

/** What the background makes of a file, saving nothing; problems when it could not be asked. */
async function previewFile(file: File): Promise<Chosen | Problem[]> {
  const read = await readText(file);
  if ('problem' in read) return { name: file.name, problems: [read.problem] };
  const answer = await sendFile(file.name, read.text, false);
  if (Array.isArray(answer)) return answer;
  return answer.ok ? { name: file.name, text: read.text, preview: answer } : { name: file.name, problems: answer.problems };
}

function summaryText(summary: Preview['summary']): string {
  return [
    t('roster.ui.import.new', { count: summary.new }),
    t('roster.ui.import.updated', { count: summary.updated }),
    t('roster.ui.import.unchanged', { count: summary.unchanged }),
  ].join(', ');
}

function PreviewTable({ preview, tiers }: { preview: Preview; tiers: ReadonlyMap<string, Tier> }) {
  const rowCount = preview.summary.new + preview.summary.updated + preview.summary.unchanged;
  return (
    <>
      <p>{t('roster.ui.import.willImport', { summary: summaryText(preview.summary) })}</p>
      <div class="table-scroll">
        <table class="data-table roster-preview">
          <caption>
            {preview.rows.length < rowCount
              ? t('roster.ui.import.firstRows', { shown: count(preview.rows.length), total: count(rowCount) })
              : t('roster.ui.import.allRows')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('roster.ui.import.row')}</th>
              <th scope="col">{t('roster.ui.col.handle')}</th>
              <th scope="col">{t('roster.ui.col.nickname')}</th>
              <th scope="col">{t('roster.ui.col.tier')}</th>
              <th scope="col">{t('roster.ui.col.since')}</th>
              <th scope="col">{t('roster.ui.col.months')}</th>
              <th scope="col">{t('roster.ui.col.status')}</th>
              <th scope="col">{t('roster.ui.import.change')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.row}>
                <td>{row.row}</td>
                <td>{row.handle !== undefined ? `@${row.handle}` : '—'}</td>
                <td>{row.nickname ?? '—'}</td>
                <td>{tiers.get(row.tierId)?.name ?? row.tierId}</td>
                <td>{formatDay(row.since)}</td>
                <td>{row.monthsOverride ?? '—'}</td>
                <td>{t(statusKey(row.status))}</td>
                <td>{t(`roster.ui.import.change.${row.change}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function ProblemTable({ name, problems }: { name: string; problems: FileProblem[] }) {
  return (
    <div role="alert">
      <p class="error">{t('roster.ui.import.refused', { count: problems.length, file: name })}</p>
      <FileProblemTable file={name} problems={problems} />
    </div>
  );
}

/**
 * A roster CSV, chosen or dropped: the background previews it (what is new, updated, unchanged, or every
 * problem with its row and field), and saves it, all rows or none, only when the creator confirms.
 */
export function RosterImport({ tiers }: { tiers: readonly Tier[] }) {
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const tierById = new Map(tiers.map((tier) => [tier.id, tier]));

  const choose = async (file: File | undefined) => {
    setOutcome(null);
    setChosen(null);
    if (!file) return;
    setBusy(true);
    const next = await previewFile(file);
    setBusy(false);
    if (Array.isArray(next)) setOutcome({ problems: next });
    else setChosen(next);
  };

  const confirm = async () => {
    if (!chosen || !('preview' in chosen)) return;
    setBusy(true);
    const answer = await sendFile(chosen.name, chosen.text, true);
    setBusy(false);
    if (Array.isArray(answer)) return setOutcome({ problems: answer });
    // The roster may have changed since the preview so that the file no longer fits: show why.
    if (!answer.ok) return setChosen({ name: chosen.name, problems: answer.problems });
    setChosen(null);
    setOutcome({ imported: answer.summary });
  };

  return (
    <section class="options-panel" aria-labelledby="roster-import-heading">
      <h2 id="roster-import-heading">{t('roster.ui.import.heading')}</h2>
      <p class="muted">{t('roster.ui.import.intro')}</p>
      <p class="muted small">
        {t('roster.ui.csv.columns')} <code>{ROSTER_COLUMNS.join(',')}</code>
      </p>
      <ul class="muted small roster-columns-help">
        <li>{t('roster.ui.csv.help.names')}</li>
        <li>{t('roster.ui.csv.help.tier')}</li>
        <li>{t('roster.ui.csv.help.since')}</li>
        <li>{t('roster.ui.csv.help.rest')}</li>
      </ul>
      <FileDrop id="roster-file" label={t('roster.ui.import.file.label')} hint={t('roster.ui.import.drop')} accept=".csv,text/csv" onFile={(file) => void choose(file)} />

      <div aria-live="polite">
        {busy && !chosen ? <p class="muted">{t('roster.ui.import.reading')}</p> : null}
        {chosen ? (
          <div class="roster-import-check">
            <h3>{chosen.name}</h3>
            {'preview' in chosen ? (
              <>
                <PreviewTable preview={chosen.preview} tiers={tierById} />
                <p class="muted small">{t('roster.ui.import.nothingYet')}</p>
                <div class="actions">
                  <button type="button" class="primary" disabled={busy} onClick={confirm}>
                    {t('roster.ui.import.confirm')}
                  </button>
                  <button type="button" disabled={busy} onClick={() => setChosen(null)}>
                    {t('common.cancel')}
                  </button>
                </div>
              </>
            ) : (
              <>
                <ProblemTable name={chosen.name} problems={chosen.problems} />
                <p class="muted small">{t('roster.ui.import.nothingSaved')}</p>
              </>
            )}
          </div>
        ) : null}
      </div>
      <div role="status">
        {outcome && 'imported' in outcome ? (
          <p class="status-ok">{t('roster.ui.import.done', { summary: summaryText(outcome.imported) })}</p>
        ) : null}
      </div>
      {outcome && 'problems' in outcome ? <Problems problems={outcome.problems} /> : null}
    </section>
  );
}
