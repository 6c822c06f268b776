import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { currencyCodes } from '@/lib/domain/currency';
import { findMarket, marketName, markets } from '@/lib/domain/markets';
import { check, type Problem } from '@/lib/domain/problems';
import { ageOn, isRealDate, profileInputSchema, type Profile } from '@/lib/domain/schema';
import { locale, t } from '@/lib/i18n';
import { run, workspace } from '../app-state';
import { fieldProblems, formProblems, Problems } from '../Problems';
import { useDraft } from '../settings/use-draft';
import { Field, focusFirstInvalid } from '../tiers/Field';

const FIELDS = ['handle', 'displayName', 'market', 'currency', 'age'];
const today = () => new Date().toISOString().slice(0, 10);

/** The market the browser's language points at (it-IT -> IT), if Tierkit knows it. */
function marketFromBrowser(): string {
  const region = navigator.language.split('-')[1]?.toUpperCase() ?? '';
  return findMarket(region)?.code ?? 'US';
}

function currencyLabel(names: Intl.DisplayNames | undefined, code: string): string {
  const name = names?.of(code);
  return name && name !== code ? `${code} · ${name}` : code;
}

interface Draft {
  /** null until the person types, so a handle suggested after the first render still shows. */
  handle: string | null;
  displayName: string;
  market: string;
  currency: string;
  adult: boolean;
  birthDate: string;
}

function toDraft(saved: Profile | null): Draft {
  const market = saved?.market ?? marketFromBrowser();
  return {
    handle: saved ? saved.handle : null,
    displayName: saved?.displayName ?? '',
    market,
    currency: saved?.currency ?? findMarket(market)!.currency,
    adult: saved?.age.kind === 'confirmed-adult',
    birthDate: saved?.age.kind === 'birth-date' ? saved.age.birthDate : '',
  };
}

/**
 * The creator profile form: onboarding (no profile yet) and the options page (edit it). Its save carries
 * the updatedAt of the profile it loaded (none when there was none), and is refused when the profile
 * changed in another page since; Reload then shows the profile as it is now.
 */
export function ProfileForm({ onDone, suggestedHandle }: { onDone?: () => void; suggestedHandle?: string }) {
  const [draft, setDraft, { loaded: saved, reload }] = useDraft(workspace.value!.profile, toDraft);
  const id = useId();
  const { displayName, market, currency, adult, birthDate } = draft;
  const change = (patch: Partial<Draft>) => setDraft((now) => ({ ...now, ...patch }));
  const [problems, setProblems] = useState<Problem[]>([]);
  const [savedNote, setSavedNote] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const shownHandle = draft.handle ?? suggestedHandle ?? '';
  const lang = locale();
  const marketOptions = markets
    .map((m) => ({ code: m.code, name: marketName(m.code, lang) }))
    .sort((a, b) => a.name.localeCompare(b.name, lang));
  let currencyNames: Intl.DisplayNames | undefined;
  try {
    currencyNames = new Intl.DisplayNames([lang], { type: 'currency' });
  } catch {
    currencyNames = undefined;
  }

  useEffect(() => focusFirstInvalid(form.current), [problems]);

  const changeMarket = (code: string) =>
    setDraft((now) => ({ ...now, market: code, currency: findMarket(code)?.currency ?? now.currency }));

  const loadCurrent = () => {
    setProblems([]);
    setSavedNote(false);
    reload(workspace.value?.profile ?? null);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setSavedNote(false);
    const age = birthDate
      ? ({ kind: 'birth-date', birthDate } as const)
      : ({ kind: 'confirmed-adult' } as const);
    // Good standing is confirmed on the eligibility card, not here: the profile keeps the one it has.
    const profile = { handle: shownHandle, displayName, market, currency, age, goodStanding: saved?.goodStanding };
    const found: Problem[] = [];
    const checked = check(profileInputSchema, profile);
    if (!checked.ok) found.push(...checked.problems);
    if (!birthDate && !adult) found.push({ path: ['age'], message: t('profile.ageNeeded') });
    else if (isRealDate(birthDate) && ageOn(birthDate, today()) < 18) {
      found.push({ path: ['age'], message: t('profile.tooYoung') });
    }
    if (found.length) return setProblems(found);
    setBusy(true);
    const refused = await run({ type: 'profile.save', profile, loaded: saved?.updatedAt });
    setBusy(false);
    setProblems(refused);
    if (refused.length) return;
    // The form goes on from the profile as saved, and the version the next save carries.
    reload(workspace.value?.profile ?? null);
    if (saved) setSavedNote(true);
    onDone?.();
  };

  const errors = (field: string) => fieldProblems(problems, field);
  const ageErrors = errors('age');
  return (
    <form ref={form} class="stack-form profile-form" onSubmit={submit} noValidate>
      <Problems problems={formProblems(problems, FIELDS)} onReload={loadCurrent} />
      <Field
        id={`${id}-handle`}
        label={t('profile.handle')}
        errors={errors('handle')}
        hint={draft.handle === null && suggestedHandle ? t('profile.handleFromTab') : t('profile.handleHint')}
      >
        {(a) => (
          <input
            {...a}
            value={shownHandle}
            placeholder="@"
            autoComplete="off"
            spellcheck={false}
            onInput={(e) => change({ handle: e.currentTarget.value })}
          />
        )}
      </Field>
      <Field id={`${id}-name`} label={t('profile.displayName')} errors={errors('displayName')}>
        {(a) => <input {...a} value={displayName} maxLength={30} onInput={(e) => change({ displayName: e.currentTarget.value })} />}
      </Field>
      <div class="field-row">
        <Field id={`${id}-market`} label={t('profile.market')} errors={errors('market')}>
          {(a) => (
            <select {...a} value={market} onChange={(e) => changeMarket(e.currentTarget.value)}>
              {marketOptions.map((m) => (
                <option key={m.code} value={m.code}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-currency`} label={t('profile.currency')} errors={errors('currency')}>
          {(a) => (
            <select {...a} value={currency} onChange={(e) => change({ currency: e.currentTarget.value })}>
              {currencyCodes.map((code) => (
                <option key={code} value={code}>
                  {currencyLabel(currencyNames, code)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <fieldset aria-describedby={ageErrors.length ? `${id}-age-err` : `${id}-age-hint`}>
        <legend>{t('profile.age')}</legend>
        <p id={`${id}-age-hint`} class="hint muted">
          {t('profile.ageHint')}
        </p>
        <label class="check">
          <input
            type="checkbox"
            checked={adult}
            aria-invalid={ageErrors.length ? true : undefined}
            onChange={(e) => change(e.currentTarget.checked ? { adult: true, birthDate: '' } : { adult: false })}
          />
          {t('profile.adult')}
        </label>
        <span class="muted small">{t('profile.or')}</span>
        <div class="field">
          <label for={`${id}-birth`}>{t('profile.birthDate')}</label>
          <input
            id={`${id}-birth`}
            type="date"
            value={birthDate}
            max={today()}
            onInput={(e) => change(e.currentTarget.value ? { birthDate: e.currentTarget.value, adult: false } : { birthDate: '' })}
          />
        </div>
        {ageErrors.length ? (
          <p id={`${id}-age-err`} class="field-error error">
            {ageErrors.join(' ')}
          </p>
        ) : null}
      </fieldset>
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy}>
          {saved ? t('profile.save') : t('profile.start')}
        </button>
      </div>
      <p role="status" class="muted">
        {savedNote ? t('profile.saved') : ''}
      </p>
    </form>
  );
}
