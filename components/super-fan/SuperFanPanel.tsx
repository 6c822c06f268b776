import { useState } from 'preact/hooks';
import { formatMoney, formatPriceInput, parsePrice } from '@/lib/domain/currency';
import { check, type Problem } from '@/lib/domain/problems';
import { superFanPerkKinds, superFanSchema, type SuperFan, type SuperFanPerk } from '@/lib/domain/schema';
import { versionOf } from '@/lib/domain/version';
import { locale, t } from '@/lib/i18n';
import { run, workspace } from '../app-state';
import { Problems, fieldProblems } from '../Problems';
import { formatDecimal, parseDecimal } from '../options/form-values';
import { useDraft } from '../settings/use-draft';
import './super-fan.css';
import { Checkbox } from '../Checkbox';

interface Draft {
  offered: boolean;
  price: string;
  share: string;
  afterAppStoreFees: boolean;
  shareConfirmed: boolean;
  standard: string[];
  custom: string[];
}

/** The currency the creator sells in: the profile's, else the first tier's. */
function currencyOf(): string {
  const ws = workspace.value!;
  return ws.profile?.currency ?? ws.tiers[0]?.currency ?? 'USD';
}

function toDraft(superFan: SuperFan): Draft {
  const currency = currencyOf();
  const price = superFan.prices.find((p) => p.currency === currency);
  return {
    offered: superFan.offered,
    price: price ? formatPriceInput(price.priceMinor, currency, locale()) : '',
    share: formatDecimal(superFan.creatorSharePercent, locale()),
    afterAppStoreFees: superFan.afterAppStoreFees,
    shareConfirmed: superFan.shareConfirmed,
    standard: superFan.perks.flatMap((perk) => (perk.kind === 'custom' ? [] : [perk.kind])),
    custom: superFan.perks.flatMap((perk) => (perk.kind === 'custom' ? [perk.text] : [])),
  };
}

/**
 * Super Fan, TikTok's LIVE-only membership, as a product beside the tiers: whether it is offered, its
 * price in the creator's currency (the other currencies' prices are kept as they are), its revenue
 * share and whether that figure is confirmed, and its perks.
 */
export function SuperFanPanel() {
  const stored = workspace.value!.superFan;
  const currency = currencyOf();
  const [draft, setDraft, { loaded, reload }] = useDraft(stored, toDraft);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [saved, setSaved] = useState(false);
  const [newPerk, setNewPerk] = useState('');
  const change = (patch: Partial<Draft>) => {
    setSaved(false);
    setDraft((now) => ({ ...now, ...patch }));
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const found: Problem[] = [];
    const priceMinor = draft.price.trim() ? parsePrice(draft.price, currency) : null;
    if (draft.price.trim() && priceMinor === null) {
      found.push({ path: ['price'], message: t('options.superFan.err.price', { example: formatPriceInput(999, currency, locale()) }) });
    }
    if (draft.offered && !draft.price.trim()) found.push({ path: ['price'], message: t('options.superFan.err.priceNeeded', { currency }) });
    if (found.length) return setProblems(found);
    const others = loaded.prices.filter((p) => p.currency !== currency);
    const perks: SuperFanPerk[] = [
      ...superFanPerkKinds.filter((kind) => draft.standard.includes(kind)).map((kind) => ({ kind })),
      ...draft.custom.map((text) => ({ kind: 'custom' as const, text })),
    ];
    const next = {
      offered: draft.offered,
      prices: priceMinor === null ? others : [...others, { currency, priceMinor }],
      creatorSharePercent: parseDecimal(draft.share),
      afterAppStoreFees: draft.afterAppStoreFees,
      shareConfirmed: draft.shareConfirmed,
      perks,
    };
    const checked = check(superFanSchema, next);
    if (!checked.ok) return setProblems(checked.problems.map((p) => ({ ...p, path: fieldOf(p.path) })));
    const result = await run({ type: 'superFan.save', superFan: checked.value, loaded: versionOf(loaded) });
    setProblems(result);
    setSaved(!result.length);
    if (!result.length) reload(workspace.value!.superFan);
  };

  const addPerk = () => {
    const text = newPerk.trim();
    if (!text) return;
    change({ custom: [...draft.custom, text] });
    setNewPerk('');
  };
  const invalid = (field: string) => (fieldProblems(problems, field).length ? 'true' : undefined);
  const price = parsePrice(draft.price, currency);

  return (
    <section class="options-panel super-fan" aria-labelledby="super-fan-heading">
      <h2 id="super-fan-heading">{t('options.superFan.heading')}</h2>
      <p class="muted">{t('options.superFan.intro')}</p>
      <form onSubmit={save} aria-labelledby="super-fan-heading">
        <Checkbox checked={draft.offered} onChange={(offered) => change({ offered })}>
          {t('options.superFan.offered')}
        </Checkbox>
        <div class="form-grid">
          <div class="field">
            <label for="super-fan-price">{t('options.superFan.price', { currency })}</label>
            <input
              id="super-fan-price"
              inputMode="decimal"
              value={draft.price}
              aria-invalid={invalid('price')}
              aria-describedby="super-fan-price-hint"
              onInput={(e) => change({ price: e.currentTarget.value })}
            />
            <span class="hint" id="super-fan-price-hint">
              {price !== null ? t('options.superFan.pricePerMonth', { price: formatMoney(price, currency, locale()) }) : t('options.superFan.priceHint')}
            </span>
          </div>
          <div class="field">
            <label for="super-fan-share">{t('options.superFan.share')}</label>
            <input
              id="super-fan-share"
              inputMode="decimal"
              value={draft.share}
              aria-invalid={invalid('creatorSharePercent')}
              aria-describedby="super-fan-share-hint"
              onInput={(e) => change({ share: e.currentTarget.value })}
            />
            <span class="hint" id="super-fan-share-hint">
              {draft.shareConfirmed ? t('options.superFan.shareConfirmedHint') : t('options.superFan.shareUnconfirmedHint')}
            </span>
          </div>
        </div>
        <div class="super-fan-checks">
          <Checkbox checked={draft.afterAppStoreFees} onChange={(afterAppStoreFees) => change({ afterAppStoreFees })}>
            {t('options.settings.revenue.afterFees')}
          </Checkbox>
          <Checkbox checked={draft.shareConfirmed} onChange={(shareConfirmed) => change({ shareConfirmed })}>
            {t('options.superFan.shareConfirmed')}
          </Checkbox>
        </div>
        <fieldset>
          <legend>{t('options.superFan.perks')}</legend>
          <ul class="super-fan-perks">
            {superFanPerkKinds.map((kind) => (
              <li key={kind}>
                <Checkbox
                  checked={draft.standard.includes(kind)}
                  onChange={(on) => change({ standard: on ? [...draft.standard, kind] : draft.standard.filter((k) => k !== kind) })}
                >
                  {t(`options.superFan.perk.${kind}`)}
                </Checkbox>
              </li>
            ))}
            {draft.custom.map((text, index) => (
              <li key={`custom-${index}`} class="super-fan-custom">
                <span>{text}</span>
                <button
                  type="button"
                  aria-label={t('options.superFan.removePerk', { perk: text })}
                  onClick={() => change({ custom: draft.custom.filter((_, i) => i !== index) })}
                >
                  {t('options.remove')}
                </button>
              </li>
            ))}
          </ul>
          <div class="super-fan-add">
            <label for="super-fan-new-perk" class="visually-hidden">
              {t('options.superFan.newPerk')}
            </label>
            <input
              id="super-fan-new-perk"
              placeholder={t('options.superFan.newPerk')}
              value={newPerk}
              maxLength={80}
              onInput={(e) => setNewPerk(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key !== 'Enter') return;
                e.preventDefault();
                addPerk();
              }}
            />
            <button type="button" onClick={addPerk}>
              {t('options.superFan.addPerk')}
            </button>
          </div>
        </fieldset>
        <div class="actions">
          <button type="submit" class="primary">
            {t('options.save')}
          </button>
        </div>
        <p role="status" class="status-ok">
          {saved ? t('options.saved') : null}
        </p>
        <Problems
          problems={problems.map((p) => ({ ...p, path: p.path.length ? [fieldLabel(p.path[0], currency)] : [] }))}
          onReload={() => {
            setProblems([]);
            reload(workspace.value!.superFan);
          }}
        />
      </form>
    </section>
  );
}

/** A problem of the saved record, at the field of this form that holds it. */
function fieldOf(path: Problem['path']): Problem['path'] {
  return path[0] === 'prices' ? ['price'] : path.slice(0, 1);
}

/** The name a person reads for a field a problem is about. */
function fieldLabel(field: Problem['path'][number] | undefined, currency: string): string {
  if (field === 'price') return t('options.superFan.price', { currency });
  if (field === 'creatorSharePercent') return t('options.superFan.share');
  return t('options.superFan.perks');
}
