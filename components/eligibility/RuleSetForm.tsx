import { useState } from 'preact/hooks';
import type { PathSegment, Problem } from '@/lib/domain/problems';
import type { Requirement } from '@/lib/eligibility/rules';
import { MAX_REQUIREMENTS, requirementKey, windows, type CountWindow } from '@/lib/eligibility/rules';
import { t } from '@/lib/i18n';
import { Problems, fieldProblems } from '../Problems';
import { parseDecimal } from '../options/form-values';
import { useDraft } from '../settings/use-draft';
import { Field } from '../tiers/Field';

/** A named set of requirements as stored (eligibility profile or bonus conditions). */
export interface RuleSet {
  name: string;
  requirements: Requirement[];
  markets?: string[];
}

interface DraftRequirement {
  kind: Requirement['kind'];
  window?: CountWindow;
  min: string;
}
interface Draft {
  name: string;
  markets: string;
  requirements: DraftRequirement[];
}

// What "Add requirement" offers, with a starting threshold close to TikTok's usual one.
const addable: DraftRequirement[] = [
  { kind: 'age', min: '' },
  { kind: 'good-standing', min: '' },
  { kind: 'followers', min: '10000' },
  ...windows.map((window) => ({ kind: 'video-views' as const, window, min: '100000' })),
  ...windows.map((window) => ({ kind: 'subscriber-only-posts' as const, window, min: '3' })),
];

const toDraft = (set: RuleSet): Draft => ({
  name: set.name,
  markets: (set.markets ?? []).join(', '),
  // No `window` key at all where the kind has none: requirementKey tells kinds apart by that key.
  requirements: set.requirements.map((r) => ({ kind: r.kind, ...('window' in r ? { window: r.window } : {}), min: 'min' in r ? String(r.min) : '' })),
});

/** The draft as a record to validate: thresholds are numbers (NaN when not one, which the schema names). */
function fromDraft(draft: Draft, withMarkets: boolean): RuleSet {
  const requirements = draft.requirements.map((r) => {
    if (r.kind === 'age' || r.kind === 'good-standing') return { kind: r.kind };
    return r.window ? { kind: r.kind, min: parseDecimal(r.min), window: r.window } : { kind: r.kind, min: parseDecimal(r.min) };
  }) as Requirement[];
  const markets = draft.markets
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((m) => m.toUpperCase());
  return withMarkets ? { name: draft.name, markets, requirements } : { name: draft.name, requirements };
}

const draftKey = (r: DraftRequirement) => requirementKey(r as Requirement);

export function kindName(kind: Requirement['kind']): string {
  return t(`eligibilityOptions.kind.${kind}`);
}

function addableLabel(r: DraftRequirement): string {
  return r.window ? `${kindName(r.kind)} (${t(`eligibilityOptions.window.${r.window}`)})` : kindName(r.kind);
}

/**
 * Edits one rule set: its name, markets for bonus conditions, and each requirement's threshold and
 * window. `problems` are workspace-wide; `path` says where this set is (['eligibilityProfiles', 0]).
 * `onSave` gets the set as the form loaded it too (its save carries that version) and resolves to the
 * set as saved, which the form goes on from, or null when refused; `onReload` clears a refusal.
 */
export function RuleSetForm(props: {
  idPrefix: string;
  value: RuleSet;
  path: PathSegment[];
  problems: Problem[];
  withMarkets?: boolean;
  onSave: (value: RuleSet, loaded: RuleSet) => Promise<RuleSet | null>;
  onReload: () => void;
}) {
  const { idPrefix, path, problems, withMarkets = false } = props;
  const [draft, setDraft, { loaded, reload }] = useDraft(props.value, toDraft);
  const [adding, setAdding] = useState('');
  const update = (change: Partial<Draft>) => setDraft({ ...draft, ...change });
  const updateRequirement = (index: number, change: Partial<DraftRequirement>) =>
    update({ requirements: draft.requirements.map((r, i) => (i === index ? { ...r, ...change } : r)) });
  const present = new Set(draft.requirements.map(draftKey));
  const choices = addable.filter((r) => !present.has(draftKey(r)));
  const chosen = choices.find((r) => draftKey(r) === adding) ?? choices[0];

  const under = (...rest: PathSegment[]) => fieldProblems(problems, ...path, ...rest);
  const shownByField = (p: Problem) =>
    p.path.length > path.length &&
    path.every((segment, i) => p.path[i] === segment) &&
    (p.path[path.length] === 'name' ||
      p.path[path.length] === 'markets' ||
      (p.path[path.length] === 'requirements' && typeof p.path[path.length + 1] === 'number'));

  return (
    <form
      class="stack-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void props.onSave(fromDraft(draft, withMarkets), loaded).then((saved) => saved && reload(saved));
      }}
    >
      <div class="field-row">
        <Field id={`${idPrefix}-name`} label={t('eligibilityOptions.rules.name')} errors={under('name')}>
          {(attrs) => <input {...attrs} value={draft.name} onInput={(e) => update({ name: e.currentTarget.value })} />}
        </Field>
        {withMarkets ? (
          <Field id={`${idPrefix}-markets`} label={t('eligibilityOptions.bonus.markets')} errors={under('markets')} hint={t('eligibilityOptions.bonus.marketsHint')}>
            {(attrs) => <input {...attrs} value={draft.markets} onInput={(e) => update({ markets: e.currentTarget.value })} />}
          </Field>
        ) : null}
      </div>
      <fieldset>
        <legend>{t('eligibilityOptions.rules.requirements')}</legend>
        {draft.requirements.map((r, i) => {
          const name = kindName(r.kind);
          const rowErrors = under('requirements', i).filter((m) => !under('requirements', i, 'min').includes(m));
          return (
            <div key={`${r.kind}:${i}`}>
              <div class="elig-req-row">
                <strong>{name}</strong>
                {r.kind === 'age' || r.kind === 'good-standing' ? (
                  <span class="muted small">{t('eligibilityOptions.rules.confirmation')}</span>
                ) : (
                  <Field id={`${idPrefix}-min-${i}`} label={t('eligibilityOptions.rules.min', { name })} errors={under('requirements', i, 'min')}>
                    {(attrs) => (
                      <input {...attrs} type="number" min={0} step={1} value={r.min} onInput={(e) => updateRequirement(i, { min: e.currentTarget.value })} />
                    )}
                  </Field>
                )}
                {r.window ? (
                  <div class="field">
                    <label for={`${idPrefix}-window-${i}`}>{t('eligibilityOptions.rules.window', { name })}</label>
                    <select
                      id={`${idPrefix}-window-${i}`}
                      value={r.window}
                      onChange={(e) => updateRequirement(i, { window: e.currentTarget.value as CountWindow })}
                    >
                      {windows.map((w) => (
                        <option key={w} value={w}>
                          {t(`eligibilityOptions.window.${w}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                ) : (
                  <span />
                )}
                <button
                  type="button"
                  class="danger"
                  aria-label={t('eligibilityOptions.rules.remove', { name })}
                  onClick={() => update({ requirements: draft.requirements.filter((_, j) => j !== i) })}
                >
                  {t('eligibilityOptions.rules.removeShort')}
                </button>
              </div>
              {rowErrors.length ? <p class="field-error error">{rowErrors.join(' ')}</p> : null}
            </div>
          );
        })}
        {chosen && draft.requirements.length < MAX_REQUIREMENTS ? (
          <div class="form-actions">
            <label class="visually-hidden" for={`${idPrefix}-add`}>
              {t('eligibilityOptions.rules.addWhich')}
            </label>
            <select id={`${idPrefix}-add`} value={draftKey(chosen)} onChange={(e) => setAdding(e.currentTarget.value)}>
              {choices.map((r) => (
                <option key={draftKey(r)} value={draftKey(r)}>
                  {addableLabel(r)}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => update({ requirements: [...draft.requirements, chosen] })}>
              {t('eligibilityOptions.rules.add')}
            </button>
          </div>
        ) : null}
      </fieldset>
      <Problems
        problems={problems.filter((p) => !shownByField(p))}
        onReload={() => {
          props.onReload();
          reload(props.value);
        }}
      />
      <div class="form-actions">
        <button type="submit" class="primary">
          {t('eligibilityOptions.rules.save')}
        </button>
      </div>
    </form>
  );
}
