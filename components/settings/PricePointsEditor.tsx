import { useRef, useState } from 'preact/hooks';
import { currencyCodes, formatPriceInput, minorDigits, parsePrice } from '@/lib/domain/currency';
import { check, type Problem } from '@/lib/domain/problems';
import { pricePointsSchema, type PricePoints } from '@/lib/domain/schema';
import { versionOf } from '@/lib/domain/version';
import { locale, t } from '@/lib/i18n';
import { run, workspace } from '../app-state';
import { Problems } from '../Problems';
import { useUndo } from '../UndoNotice';
import { useDraft } from './use-draft';

interface Draft {
  suggested: string;
  min: string;
  max: string;
}

function toDraft(points: PricePoints): Draft {
  const show = (minor: number) => formatPriceInput(minor, points.currency, locale());
  return { suggested: points.suggested.map(show).join(' '), min: show(points.min), max: show(points.max) };
}

/** The draft as price points, or the problems of the amounts that could not be read. */
function fromDraft(draft: Draft, currency: string, path: (string | number)[]): { points?: PricePoints; problems: Problem[] } {
  const problems: Problem[] = [];
  const read = (text: string, at: (string | number)[]) => {
    const minor = parsePrice(text, currency);
    if (minor === null) problems.push({ path: [...path, ...at], message: t('options.err.price', { value: text }) });
    return minor ?? 0;
  };
  const suggested = draft.suggested
    .split(/[\s;]+/)
    .filter(Boolean)
    .map((text, i) => read(text, ['suggested', i]));
  const points = { currency, suggested, min: read(draft.min, ['min']), max: read(draft.max, ['max']) };
  return problems.length ? { problems } : { points, problems };
}

function PricePointsRow({ points, index, onRemove }: { points: PricePoints; index: number; onRemove: () => void }) {
  const [draft, setDraft, { loaded, reload }] = useDraft(points, toDraft);
  const [problems, setProblems] = useState<Problem[]>([]);
  const { currency } = points;
  const current = () => workspace.value!.pricePoints.find((p) => p.currency === currency);

  const save = async () => {
    const path = ['pricePoints', index];
    const read = fromDraft(draft, currency, path);
    const checked = read.points ? check(pricePointsSchema, read.points, path) : { ok: false as const, problems: read.problems };
    if (!checked.ok) return setProblems(checked.problems);
    const all = workspace.value!.pricePoints;
    const found = await run({
      type: 'pricePoints.save',
      pricePoints: all.map((p) => (p.currency === currency ? checked.value : p)),
      // The list with this row as it was loaded: prices changed elsewhere since are not overwritten.
      loaded: versionOf(all.map((p) => (p.currency === currency ? loaded : p))),
    });
    setProblems(found);
    const saved = current();
    if (!found.length && saved) reload(saved);
  };

  const loadCurrent = () => {
    setProblems([]);
    const now = current();
    if (now) reload(now);
  };

  const input = (field: keyof Draft, label: string) => (
    <input
      type="text"
      inputMode="decimal"
      aria-label={label}
      aria-invalid={problems.some((p) => p.path[2] === field) ? 'true' : undefined}
      value={draft[field]}
      onInput={(e) => setDraft({ ...draft, [field]: e.currentTarget.value })}
      onKeyDown={(e) => {
        if (e.key === 'Enter') void save();
      }}
    />
  );

  return (
    <>
      <tr>
        <th scope="row">{currency}</th>
        <td class="wide">{input('suggested', t('options.settings.prices.suggestedFor', { currency }))}</td>
        <td>{input('min', t('options.settings.prices.minFor', { currency }))}</td>
        <td>{input('max', t('options.settings.prices.maxFor', { currency }))}</td>
        <td class="row-actions">
          <button type="button" onClick={save} aria-label={t('options.settings.prices.save', { currency })}>
            {t('options.save')}
          </button>
          <button type="button" class="danger" onClick={onRemove} aria-label={t('options.settings.prices.remove', { currency })}>
            {t('options.remove')}
          </button>
        </td>
      </tr>
      {problems.length ? (
        <tr>
          <td colSpan={5}>
            <Problems problems={problems} onReload={loadCurrent} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

/** Suggested prices and the allowed range, per currency; add and remove currencies. */
export function PricePointsEditor() {
  const ws = workspace.value!;
  const missing = currencyCodes.filter((code) => !ws.pricePoints.some((p) => p.currency === code));
  const [adding, setAdding] = useState(missing[0] ?? '');
  const [problems, setProblems] = useState<Problem[]>([]);
  const addButton = useRef<HTMLButtonElement>(null);
  const { offer, notice } = useUndo(addButton);
  const toAdd = missing.includes(adding) ? adding : (missing[0] ?? '');

  const add = async () => {
    // A new currency starts with the range 1 to 1000 in its major unit and no suggestions yet.
    const unit = 10 ** minorDigits(toAdd);
    const points: PricePoints = { currency: toAdd, suggested: [], min: unit, max: 1000 * unit };
    setProblems(await run({ type: 'pricePoints.save', pricePoints: [...ws.pricePoints, points], loaded: versionOf(ws.pricePoints) }));
  };

  const remove = async (currency: string) => {
    const before = ws;
    const found = await run({
      type: 'pricePoints.save',
      pricePoints: ws.pricePoints.filter((p) => p.currency !== currency),
      loaded: versionOf(ws.pricePoints),
    });
    setProblems(found);
    if (!found.length) offer(t('options.settings.prices.removed', { currency }), before);
  };

  return (
    <section class="options-panel" aria-labelledby="prices-heading">
      <h2 id="prices-heading">{t('options.settings.prices.heading')}</h2>
      <p class="muted">{t('options.settings.prices.intro')}</p>
      {notice}
      {ws.pricePoints.length ? (
        <div class="table-scroll">
          <table class="data-table">
            <caption class="visually-hidden">{t('options.settings.prices.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('options.settings.prices.col.currency')}</th>
                <th scope="col">{t('options.settings.prices.col.suggested')}</th>
                <th scope="col">{t('options.settings.prices.col.min')}</th>
                <th scope="col">{t('options.settings.prices.col.max')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('options.perks.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {ws.pricePoints.map((points, index) => (
                <PricePointsRow key={points.currency} points={points} index={index} onRemove={() => remove(points.currency)} />
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="empty-state">{t('options.settings.prices.empty')}</p>
      )}
      {missing.length ? (
        <div class="actions">
          <label class="field inline">
            {t('options.settings.prices.addLabel')}
            <select value={toAdd} onChange={(e) => setAdding(e.currentTarget.value)}>
              {missing.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          </label>
          <button type="button" ref={addButton} onClick={add}>
            {t('options.settings.prices.add')}
          </button>
        </div>
      ) : null}
      {/* The list shows the price points as they are now: a refusal has nothing more to load. */}
      <Problems problems={problems} onReload={() => setProblems([])} />
    </section>
  );
}
