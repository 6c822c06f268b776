import { useEffect, useRef, useState } from 'preact/hooks';
import type { Problem } from '@/lib/domain/problems';
import { getLanguage, t } from '@/lib/i18n';
import { ask } from '@/lib/client/ask';
import type { ImportedDay, ImportSummary } from '@/lib/protocol/schemas';
import { FileProblemTable } from '../FileProblemTable';
import { Problems } from '../Problems';
import { count, day, localToday } from './format';
import { readStudioFiles, type ReadExport as Picked } from './studio-reader';

/** Files taken at once; the background accepts no more in one import. */
export const MAX_FILES = 20;

/** One entry a day over every file read; a later file's figure wins over an earlier one's. */
function daysOf(picked: readonly Picked[]): ImportedDay[] {
  const days = new Map<string, ImportedDay>();
  for (const { read } of picked) {
    for (const file of read.files) {
      for (const entry of file.days) {
        const found = days.get(entry.date) ?? { date: entry.date };
        if (file.kind === 'overview') found.videoViews = (entry as { videoViews: number | null }).videoViews;
        else found.followers = (entry as { followers: number | null }).followers;
        days.set(entry.date, found);
      }
    }
  }
  return [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

function FilePreview({ picked }: { picked: Picked }) {
  const { read } = picked;
  return (
    <li>
      <strong>{picked.name}</strong>
      {read.files.map((file) => {
        const dates = file.days.map((d) => d.date).sort();
        return (
          <p key={file.file} class="small">
            {t(file.kind === 'overview' ? 'eligibilityOptions.import.overview' : 'eligibilityOptions.import.followers', {
              file: file.file,
              days: count(file.days.length),
            })}
            {dates.length ? ` · ${day(dates[0]!)} – ${day(dates[dates.length - 1]!)}` : null}
          </p>
        );
      })}
      {read.ignored.length ? (
        <p class="small muted">{t('eligibilityOptions.import.ignored', { names: read.ignored.join(', ') })}</p>
      ) : null}
      {read.problems.length ? (
        <div role="alert">
          <FileProblemTable file={picked.name} problems={read.problems} class="error" />
        </div>
      ) : null}
    </li>
  );
}

function Summary({ summary }: { summary: ImportSummary }) {
  const field = (name: 'videoViews' | 'followers') =>
    t(name === 'followers' ? 'eligibilityOptions.import.field.followers' : 'eligibilityOptions.import.field.views');
  const figure = (value: number | null) => (value === null ? '—' : count(value));
  return (
    <div>
      <p>
        {t('eligibilityOptions.import.summary', {
          added: count(summary.added),
          changed: count(summary.changed),
          unchanged: count(summary.unchanged),
        })}
      </p>
      {summary.conflicts.length ? (
        <ul class="small">
          {summary.conflicts.map((c) => (
            <li key={`${c.date}:${c.field}`}>
              {t('eligibilityOptions.import.conflict', { date: day(c.date), field: field(c.field), before: figure(c.before), after: figure(c.after) })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Studio exports by drag and drop or file picker: read in a worker, shown, then sent on the creator's word. */
export function StudioImport({ onImported }: { onImported: () => void }) {
  const [picked, setPicked] = useState<Picked[]>([]);
  const [over, setOver] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const days = daysOf(picked);

  // The files being read (their names), and the way to stop that when another choice comes first.
  const [reading, setReading] = useState<string[] | null>(null);
  const stopReading = useRef<AbortController | null>(null);
  useEffect(() => () => stopReading.current?.abort(), []);

  const read = async (files: FileList | File[] | null | undefined) => {
    const list = [...(files ?? [])];
    if (!list.length) return;
    stopReading.current?.abort();
    setSummary(null);
    setPicked([]);
    if (list.length > MAX_FILES) {
      setReading(null);
      setProblems([{ path: [], message: t('eligibilityOptions.import.tooMany', { max: MAX_FILES }) }]);
      return;
    }
    setProblems([]);
    const controller = new AbortController();
    stopReading.current = controller;
    setReading(list.map((file) => file.name));
    // The creator's today gives the year to Studio days that carry none.
    const result = await readStudioFiles(list, localToday(), getLanguage(), controller.signal);
    if (controller.signal.aborted) return;
    stopReading.current = null;
    setReading(null);
    if (result.ok) setPicked(result.files);
    else setProblems([{ path: [], message: t(result.reason === 'badAnswer' ? 'err.badResponse' : 'eligibilityOptions.import.readFailed') }]);
  };

  const submit = async () => {
    setBusy(true);
    const answer = await ask({ type: 'stats.import', fileNames: picked.map((p) => p.name), days });
    setBusy(false);
    if (!answer.ok) return setProblems(answer.problems);
    setPicked([]);
    setSummary(answer.data);
    onImported();
  };

  return (
    <div>
      <div
        class={over ? 'elig-drop over' : 'elig-drop'}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void read(e.dataTransfer?.files);
        }}
      >
        <div class="field">
          <label for="elig-import">{t('eligibilityOptions.import.label')}</label>
          <input
            id="elig-import"
            type="file"
            multiple
            accept=".csv,.zip,text/csv,application/zip"
            aria-describedby="elig-import-hint"
            onChange={(e) => {
              void read(e.currentTarget.files);
              e.currentTarget.value = '';
            }}
          />
          <p id="elig-import-hint" class="hint muted">
            {t('eligibilityOptions.import.hint')}
          </p>
        </div>
      </div>
      {picked.length ? (
        <>
          <ul class="elig-files" aria-label={t('eligibilityOptions.import.preview')}>
            {picked.map((p, i) => (
              <FilePreview key={`${i}:${p.name}`} picked={p} />
            ))}
          </ul>
          <div class="form-actions">
            {days.length ? (
              <button type="button" class="primary" disabled={busy} onClick={submit}>
                {t('eligibilityOptions.import.send', { days: count(days.length) })}
              </button>
            ) : null}
            <button type="button" onClick={() => setPicked([])}>
              {t('eligibilityOptions.import.cancel')}
            </button>
          </div>
        </>
      ) : null}
      <Problems problems={problems} />
      <div role="status">
        {reading ? <p class="muted">{t('eligibilityOptions.import.reading', { names: reading.join(', ') })}</p> : null}
        {summary ? <Summary summary={summary} /> : null}
      </div>
    </div>
  );
}
