import { useState } from 'preact/hooks';
import { formatMoney } from '@/lib/domain/currency';
import { planFromRoster, planWorkspace, type PlanAmounts, type PlanLine } from '@/lib/domain/planner';
import { check, type Problem } from '@/lib/domain/problems';
import { settingsSchema, type Settings, type Tier } from '@/lib/domain/schema';
import { marketName } from '@/lib/domain/markets';
import { versionOf } from '@/lib/domain/version';
import { sortTiers } from '@/lib/domain/offer';
import { locale, t } from '@/lib/i18n';
import { run, workspace } from '../app-state';
import { Problems } from '../Problems';
import { formatDecimal, parseDecimal } from '../options/form-values';
import { useRosterStatus } from '../roster/roster-status';
import { useStored } from '../use-stored';
import { storedEligibilityWithBonus } from '@/lib/protocol/bonus-view';
import './planner.css';

type Planner = Settings['planner'];

/** Checks the planner settings here first, so a value out of range is reported on the field that holds it. */
async function savePlanner(settings: Settings, planner: Planner): Promise<Problem[]> {
  const next = { ...settings, planner };
  const checked = check(settingsSchema, next);
  if (!checked.ok) return checked.problems.map((p) => ({ ...p, path: [] }));
  return run({ type: 'settings.save', settings: next, loaded: versionOf(settings) });
}

/** A number field of the planner: keeps what was typed while it is being edited or refused; saves on change (blur or Enter). */
function PlannerNumber(props: {
  id: string;
  label: string;
  /** Shown as a visible label; otherwise the name is only announced (the table row says which tier). */
  showLabel?: boolean;
  value: number;
  save: (value: number) => Promise<Problem[]>;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const commit = async (text: string) => {
    const value = parseDecimal(text);
    const found = Number.isNaN(value)
      ? [{ path: [], message: t('options.err.number') }]
      : await props.save(value);
    setProblems(found);
    if (!found.length) setDraft(null);
  };
  const errorId = `${props.id}-problems`;
  return (
    <div class="planner-field">
      {props.showLabel ? <label for={props.id}>{props.label}</label> : null}
      <input
        id={props.id}
        type="text"
        inputMode="decimal"
        aria-label={props.showLabel ? undefined : props.label}
        aria-invalid={problems.length ? 'true' : undefined}
        aria-describedby={problems.length ? errorId : undefined}
        value={draft ?? formatDecimal(props.value, locale())}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onChange={(e) => void commit(e.currentTarget.value)}
      />
      <Problems
        problems={problems}
        id={errorId}
        onReload={() => {
          setDraft(null);
          setProblems([]);
        }}
      />
    </div>
  );
}

function subscribersProblem(value: number): Problem[] {
  return Number.isInteger(value) && value >= 0 ? [] : [{ path: [], message: t('options.planner.err.subscribers') }];
}

/** The amounts of one row: gross, fees, the net without the bonus, the bonus, the net with it. */
function Amounts({ amounts, money }: { amounts: PlanAmounts; money: (minor: number) => string }) {
  return (
    <>
      <td>{money(amounts.gross)}</td>
      <td>{money(amounts.appStoreFees)}</td>
      <td>{money(amounts.base)}</td>
      <td>{money(amounts.bonus)}</td>
      <td>
        <strong>{money(amounts.withBonus)}</strong>
      </td>
    </>
  );
}

/**
 * What a month brings in, per tier, for Super Fan and in total, under the market's revenue rule: the
 * store's fee on in-app purchases, the net without the bonus and with it side by side; then the month
 * as the roster has it.
 */
export function PricePlanner() {
  const ws = workspace.value!;
  const plan = planWorkspace(ws);
  const { settings } = ws;
  const planner = settings.planner;
  const market = ws.profile?.market ?? null;
  const tiers = new Map<string, Tier>(sortTiers(ws.tiers).map((tier) => [tier.id, tier]));
  const currency = plan.currency;
  const money = (minor: number) => formatMoney(minor, currency!, locale());
  const count = (n: number) => new Intl.NumberFormat(locale()).format(n);
  const percent = (n: number) => formatDecimal(n, locale());
  const rule = plan.rule;
  const roster = useRosterStatus();
  const [countProblems, setCountProblems] = useState<Problem[]>([]);
  const active = (tierId: string) => roster?.counts[tierId]?.active ?? 0;
  // The roster's active subscribers become the expected ones, for every tier planned.
  const copyRosterCounts = async () => {
    const current = Object.fromEntries(plan.lines.map((line) => [line.id, active(line.id)]));
    setCountProblems(await savePlanner(settings, { ...planner, expectedSubscribers: { ...planner.expectedSubscribers, ...current } }));
  };
  const subscriberField = (line: PlanLine, label: string, save: (value: number) => Promise<Problem[]>) => (
    <PlannerNumber
      id={`planner-subscribers-${line.id}`}
      label={label}
      value={line.subscribers}
      save={async (value) => {
        const wrong = subscribersProblem(value);
        return wrong.length ? wrong : save(value);
      }}
    />
  );

  return (
    <section class="options-panel" aria-labelledby="planner-heading">
      <h2 id="planner-heading">{t('options.planner.heading')}</h2>
      {!currency ? (
        <p class="empty-state">{t('options.planner.empty')}</p>
      ) : (
        <>
          <p class="muted">
            {t(rule.afterAppStoreFees ? 'options.planner.ruleAfterFees' : 'options.planner.ruleOfGross', {
              name: rule.name,
              market: market ? marketName(market, locale()) : t('options.planner.noMarket'),
              share: percent(rule.creatorSharePercent),
              bonus: percent(rule.bonusMaxPercent),
            })}
          </p>
          <div class="planner-assumptions">
            <PlannerNumber
              id="planner-fee"
              label={t('options.planner.fee')}
              showLabel
              value={planner.appStoreFeePercent}
              save={(value) => savePlanner(settings, { ...planner, appStoreFeePercent: value })}
            />
            {/* Kept per market: without a profile there is none, and every purchase counts as made in the app. */}
            {market ? (
              <PlannerNumber
                id="planner-in-app"
                label={t('options.planner.inApp', { market: marketName(market, locale()) })}
                showLabel
                value={plan.inAppPercent}
                save={async (value) =>
                  value < 0 || value > 100
                    ? [{ path: [], message: t('options.planner.err.inApp') }]
                    : savePlanner(settings, { ...planner, inAppPercentByMarket: { ...planner.inAppPercentByMarket, [market]: value } })
                }
              />
            ) : null}
            <PlannerNumber
              id="planner-bonus"
              label={t('options.planner.bonus', { max: percent(rule.bonusMaxPercent) })}
              showLabel
              value={planner.bonusPercent}
              save={async (value) =>
                value > rule.bonusMaxPercent
                  ? [{ path: [], message: t('options.planner.err.bonusMax', { max: percent(rule.bonusMaxPercent) }) }]
                  : savePlanner(settings, { ...planner, bonusPercent: value })
              }
            />
          </div>
          <div class="table-scroll">
            <table class="data-table planner-table">
              <caption class="visually-hidden">{t('options.planner.caption', { currency })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('options.planner.col.tier')}</th>
                  <th scope="col">{t('options.planner.col.price')}</th>
                  <th scope="col">{t('options.planner.col.subscribers')}</th>
                  <th scope="col">{t('options.planner.col.gross')}</th>
                  <th scope="col">{t('options.planner.col.fees')}</th>
                  <th scope="col">{t('options.planner.col.withoutBonus', { share: percent(rule.creatorSharePercent) })}</th>
                  <th scope="col">{t('options.planner.col.bonus', { bonus: percent(plan.bonusPercent) })}</th>
                  <th scope="col">{t('options.planner.col.withBonus')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.lines.map((line) => {
                  const tier = tiers.get(line.id)!;
                  return (
                    <tr key={line.id}>
                      <th scope="row">
                        {tier.name}
                        <div class="muted small">{t(`status.${tier.status}`)}</div>
                      </th>
                      <td>{money(tier.priceMinor)}</td>
                      <td>
                        {subscriberField(line, t('options.planner.expected', { name: tier.name }), (value) =>
                          savePlanner(settings, { ...planner, expectedSubscribers: { ...planner.expectedSubscribers, [tier.id]: value } }),
                        )}
                        {roster ? <div class="muted small">{t('roster.ui.planner.current', { count: active(tier.id) })}</div> : null}
                      </td>
                      <Amounts amounts={line} money={money} />
                    </tr>
                  );
                })}
              </tbody>
              {plan.superFan ? (
                <tbody>
                  <tr>
                    <th scope="row">{t('options.planner.subscriptions')}</th>
                    <td />
                    <td>{count(plan.subscriptions.subscribers)}</td>
                    <Amounts amounts={plan.subscriptions} money={money} />
                  </tr>
                  <tr>
                    <th scope="row">
                      {t('options.superFan.heading')}
                      <div class="muted small">{t('options.planner.superFanShare', { share: percent(ws.superFan.creatorSharePercent) })}</div>
                    </th>
                    <td>{money(plan.superFan.priceMinor)}</td>
                    <td>
                      {subscriberField(plan.superFan, t('options.planner.expectedSuperFans'), (value) =>
                        savePlanner(settings, { ...planner, expectedSuperFans: value }),
                      )}
                    </td>
                    <Amounts amounts={plan.superFan} money={money} />
                  </tr>
                </tbody>
              ) : null}
              <tfoot>
                <tr>
                  <th scope="row">{t('options.planner.total')}</th>
                  <td />
                  <td>{count(plan.total.subscribers)}</td>
                  <Amounts amounts={plan.total} money={money} />
                </tr>
              </tfoot>
            </table>
          </div>
          {plan.superFanPriceMissing ? <p class="muted">{t('options.planner.superFanNoPrice', { currency })}</p> : null}
          {roster ? (
            <div class="actions">
              <button type="button" aria-describedby="planner-use-counts-hint" onClick={copyRosterCounts}>
                {t('roster.ui.planner.useCurrent')}
              </button>
              <p id="planner-use-counts-hint" class="muted small">
                {t('roster.ui.planner.useCurrentHint')}
              </p>
            </div>
          ) : null}
          <Problems problems={countProblems} onReload={() => setCountProblems([])} />
          <p class="muted small">{t('options.planner.note')}</p>
          {roster ? <PlanVersusActual active={Object.fromEntries(plan.lines.map((line) => [line.id, active(line.id)]))} /> : null}
        </>
      )}
    </section>
  );
}

/**
 * The month as the roster has it: each tier's active subscribers against the plan, and what they bring
 * in. Whether this month's earnings carry the bonus follows from last month's conditions, which the
 * bonus view records.
 */
function PlanVersusActual({ active }: { active: Record<string, number> }) {
  const ws = workspace.value!;
  const { tiers: compared, plan } = planFromRoster(ws, active);
  const bonus = useStored(storedEligibilityWithBonus).value?.bonus;
  const names = new Map(ws.tiers.map((tier) => [tier.id, tier.name]));
  const money = (minor: number) => formatMoney(minor, plan.currency!, locale());
  const whole = new Intl.NumberFormat(locale());
  const signed = new Intl.NumberFormat(locale(), { signDisplay: 'exceptZero' });
  const lastMonth = bonus?.lastMonth.result ?? 'unknown';
  return (
    <div class="plan-actual" role="group" aria-labelledby="plan-actual-heading">
      <h3 id="plan-actual-heading">{t('options.planner.actual.heading')}</h3>
      <div class="table-scroll">
        <table class="data-table planner-table">
          <caption class="visually-hidden">{t('options.planner.actual.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('options.planner.col.tier')}</th>
              <th scope="col">{t('options.planner.actual.expected')}</th>
              <th scope="col">{t('options.planner.actual.active')}</th>
              <th scope="col">{t('options.planner.actual.difference')}</th>
            </tr>
          </thead>
          <tbody>
            {compared.map((row) => (
              <tr key={row.id}>
                <th scope="row">{names.get(row.id)}</th>
                <td>{whole.format(row.expected)}</td>
                <td>{whole.format(row.active)}</td>
                <td class={row.difference < 0 ? 'behind' : undefined}>{signed.format(row.difference)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="plan-actual-estimate">
        {t('options.planner.actual.estimate', { without: money(plan.total.base), with: money(plan.total.withBonus) })}
      </p>
      <p class="muted">
        {t(`options.planner.actual.bonus.${lastMonth}`)}
        {bonus ? ` ${t(`options.planner.actual.now.${bonus.status}`)}` : ''}
      </p>
      {ws.superFan.offered ? <p class="muted small">{t('options.planner.actual.noSuperFans')}</p> : null}
    </div>
  );
}
