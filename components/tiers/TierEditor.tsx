import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { formatMoney, formatPriceInput, parsePrice } from '@/lib/domain/currency';
import { pricePointsFor } from '@/lib/domain/offer';
import { check, type Problem } from '@/lib/domain/problems';
import { DEFAULT_TENURE_STEPS, tierInputSchema, type Tier, type TierInput } from '@/lib/domain/schema';
import { locale, t } from '@/lib/i18n';
import { run, workspace } from '../app-state';
import { PerkEditor } from '../perks/PerkEditor';
import { fieldProblems, formProblems, Problems } from '../Problems';
import { BadgePreview } from './BadgePreview';
import { Field, focusFirstInvalid } from './Field';

// Bronze, silver, gold, then violet: a new tier's badge starts in the colour its place suggests.
const BADGE_COLORS = ['#b87333', '#8e9aaf', '#d4a017', '#7b3fe4'];
const FIELDS = ['name', 'priceMinor', 'description', 'badge', 'includesLowerTiers', 'tenureSteps', 'perkIds'];

/** "1, 2, 3" (or spaces, semicolons) -> [1, 2, 3]; null when something is not a whole number. */
export function parseTenureSteps(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  return parts.every((part) => /^\d+$/.test(part)) ? parts.map(Number) : null;
}

/**
 * Create (no tier) or edit a tier, attach perks, create perks inline. The tier is the one it was opened
 * on: its save carries that tier's updatedAt, and is refused when the tier changed or was deleted in
 * another page since; Reload then shows the tier as it is now (or closes, when it is gone).
 */
export function TierEditor({ tier, onDone }: { tier?: Tier; onDone: () => void }) {
  const [loaded, setLoaded] = useState(tier);
  const reload = () => {
    const current = workspace.value?.tiers.find((other) => other.id === loaded?.id);
    if (current) setLoaded(current);
    else onDone();
  };
  return <TierForm key={loaded?.updatedAt} tier={loaded} onDone={onDone} onReload={reload} />;
}

function TierForm({ tier, onDone, onReload }: { tier?: Tier; onDone: () => void; onReload: () => void }) {
  const ws = workspace.value!;
  const id = useId();
  const currency = ws.profile?.currency ?? tier?.currency ?? 'USD';
  const [name, setName] = useState(tier?.name ?? '');
  const [price, setPrice] = useState(tier ? formatPriceInput(tier.priceMinor, currency, locale()) : '');
  const [description, setDescription] = useState(tier?.description ?? '');
  const [label, setLabel] = useState(tier?.badge.label ?? '');
  const [color, setColor] = useState(tier?.badge.color ?? BADGE_COLORS[ws.tiers.length % BADGE_COLORS.length]!);
  const [emoji, setEmoji] = useState(tier?.badge.emoji ?? '');
  const [includesLowerTiers, setIncludesLowerTiers] = useState(tier?.includesLowerTiers ?? true);
  const [tenure, setTenure] = useState((tier?.tenureSteps ?? DEFAULT_TENURE_STEPS).join(', '));
  const [perkIds, setPerkIds] = useState<string[]>(tier?.perkIds ?? []);
  const [addingPerk, setAddingPerk] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const newPerkButton = useRef<HTMLButtonElement>(null);
  const priceMinor = parsePrice(price, currency);
  const suggested = pricePointsFor(ws, currency)?.suggested ?? [];

  useEffect(() => {
    form.current?.querySelector('input')?.focus();
  }, []);
  useEffect(() => focusFirstInvalid(form.current), [problems]);

  const togglePerk = (perkId: string, on: boolean) =>
    setPerkIds((ids) => (on ? [...ids.filter((other) => other !== perkId), perkId] : ids.filter((other) => other !== perkId)));

  const perkCreated = (savedId?: string) => {
    if (savedId) togglePerk(savedId, true);
    setAddingPerk(false);
    requestAnimationFrame(() => newPerkButton.current?.focus());
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const tenureSteps = parseTenureSteps(tenure);
    const input: TierInput = {
      ...(tier ? { id: tier.id } : {}),
      name,
      priceMinor: priceMinor ?? 0,
      currency,
      description,
      perkIds: perkIds.filter((perkId) => ws.perks.some((perk) => perk.id === perkId)),
      includesLowerTiers,
      badge: { label, color, ...(emoji.trim() ? { emoji: emoji.trim() } : {}) },
      tenureSteps: tenureSteps ?? [],
    };
    // The form checks the record itself; the background then checks it against the whole offer.
    const found: Problem[] = [];
    const checked = check(tierInputSchema, input);
    if (!checked.ok) found.push(...checked.problems);
    const replace = (path: string, message: string) => {
      for (let i = found.length - 1; i >= 0; i--) if (found[i]!.path[0] === path) found.splice(i, 1);
      found.push({ path: [path], message });
    };
    if (priceMinor === null) {
      replace('priceMinor', t('tier.priceFormat', { example: formatPriceInput(suggested[1] ?? 499, currency, locale()) }));
    }
    if (tenureSteps === null) replace('tenureSteps', t('tier.tenureFormat'));
    if (found.length) return setProblems(found);
    setBusy(true);
    const refused = await run({ type: 'tier.save', tier: input, loaded: tier?.updatedAt });
    setBusy(false);
    if (refused.length) setProblems(refused);
    else onDone();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onDone();
    }
  };

  const errors = (...path: string[]) => fieldProblems(problems, ...path);
  const heading = tier ? t('tier.editHeading', { name: tier.name }) : t('tier.newHeading');
  return (
    <div class="tier-editor">
      <form ref={form} class="stack-form" onSubmit={submit} onKeyDown={onKeyDown} hidden={addingPerk} noValidate aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>{heading}</h2>
        <Problems problems={formProblems(problems, FIELDS)} onReload={onReload} />
        <Field id={`${id}-name`} label={t('tier.name')} errors={errors('name')}>
          {(a) => <input {...a} value={name} maxLength={30} onInput={(e) => setName(e.currentTarget.value)} />}
        </Field>
        <Field
          id={`${id}-price`}
          label={t('tier.price')}
          errors={errors('priceMinor')}
          hint={priceMinor !== null ? t('tier.pricePerMonth', { price: formatMoney(priceMinor, currency, locale()) }) : currency}
        >
          {(a) => <input {...a} inputMode="decimal" value={price} onInput={(e) => setPrice(e.currentTarget.value)} />}
        </Field>
        {suggested.length ? (
          <div class="chips" role="group" aria-label={t('tier.suggestedPrices')}>
            {suggested.map((minor) => (
              <button
                type="button"
                key={minor}
                aria-pressed={minor === priceMinor}
                onClick={() => setPrice(formatPriceInput(minor, currency, locale()))}
              >
                {formatMoney(minor, currency, locale())}
              </button>
            ))}
          </div>
        ) : null}
        <Field id={`${id}-description`} label={t('tier.description')} errors={errors('description')}>
          {(a) => <textarea {...a} rows={2} maxLength={500} value={description} onInput={(e) => setDescription(e.currentTarget.value)} />}
        </Field>
        <fieldset>
          <legend>{t('tier.badge')}</legend>
          <div class="field-row">
            <Field id={`${id}-label`} label={t('tier.badgeLabel')} errors={errors('badge', 'label')}>
              {(a) => <input {...a} size={6} value={label} onInput={(e) => setLabel(e.currentTarget.value)} />}
            </Field>
            <Field id={`${id}-color`} label={t('tier.badgeColor')} errors={errors('badge', 'color')}>
              {(a) => <input {...a} type="color" value={color} onInput={(e) => setColor(e.currentTarget.value)} />}
            </Field>
            <Field id={`${id}-emoji`} label={t('tier.badgeEmoji')} errors={errors('badge', 'emoji')}>
              {(a) => <input {...a} size={4} value={emoji} onInput={(e) => setEmoji(e.currentTarget.value)} />}
            </Field>
          </div>
          <p class="badge-sample">
            <span class="muted">{t('tier.badgeSample')}</span> <BadgePreview badge={{ label: label.trim() || '?', color, emoji: emoji.trim() }} />
          </p>
        </fieldset>
        <Field id={`${id}-tenure`} label={t('tier.tenureSteps')} errors={errors('tenureSteps')} hint={t('tier.tenureHint')}>
          {(a) => <input {...a} value={tenure} onInput={(e) => setTenure(e.currentTarget.value)} />}
        </Field>
        <fieldset>
          <legend>{t('tier.perks')}</legend>
          <label class="check">
            <input type="checkbox" checked={includesLowerTiers} onChange={(e) => setIncludesLowerTiers(e.currentTarget.checked)} />
            {t('tier.includesLower')}
          </label>
          {ws.perks.length ? (
            <ul class="perk-picker">
              {ws.perks.map((perk) => (
                <li key={perk.id} class="check">
                  <input
                    type="checkbox"
                    id={`${id}-perk-${perk.id}`}
                    aria-describedby={`${id}-kind-${perk.id}`}
                    checked={perkIds.includes(perk.id)}
                    onChange={(e) => togglePerk(perk.id, e.currentTarget.checked)}
                  />
                  <label for={`${id}-perk-${perk.id}`}>{perk.title}</label>
                  <span id={`${id}-kind-${perk.id}`} class="muted small">
                    {t(`perkKind.${perk.kind}`)}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted small">{t('tier.noPerks')}</p>
          )}
          {errors('perkIds').length ? <p class="field-error error">{errors('perkIds').join(' ')}</p> : null}
          <div>
            <button type="button" ref={newPerkButton} onClick={() => setAddingPerk(true)}>
              {t('tier.newPerk')}
            </button>
          </div>
        </fieldset>
        <div class="form-actions">
          <button type="submit" class="primary" disabled={busy}>
            {t('tier.save')}
          </button>
          <button type="button" onClick={onDone}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
      {addingPerk ? (
        <section class="inline-perk" aria-labelledby={`${id}-perk-heading`}>
          <h2 id={`${id}-perk-heading`}>{t('perk.newHeading')}</h2>
          <PerkEditor onDone={perkCreated} />
        </section>
      ) : null}
    </div>
  );
}
