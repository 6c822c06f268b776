import { useState } from 'preact/hooks';
import { formatMoney } from '@/lib/domain/currency';
import { planWorkspace } from '@/lib/domain/planner';
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

/** What a month of subscriptions brings in, per tier and in total, under the market's revenue rule. */
export function PricePlanner() {
  const ws = workspace.value!;
  const plan = planWorkspace(ws);
  const { settings } = ws;
  const planner = settings.planner;
  const tiers = new Map<string, Tier>(sortTiers(ws.tiers).map((tier) => [tier.id, tier]));
  const currency = plan.currency;
  const money = (minor: number) => formatMoney(minor, currency!, locale());
  const count = (n: number) => new Intl.NumberFormat(locale()).format(n);
  const rule = plan.rule;
  const roster = useRosterStatus();
  const [countProblems, setCountProblems] = useState<Problem[]>([]);
  const active = (tierId: string) => roster?.counts[tierId]?.active ?? 0;
  // The roster's active subscribers become the expected ones, for every tier planned.
  const copyRosterCounts = async () => {
    const current = Object.fromEntries(plan.lines.map((line) => [line.tierId, active(line.tierId)]));
    setCountProblems(await savePlanner(settings, { ...planner, expectedSubscribers: { ...planner.expectedSubscribers, ...current } }));
  };

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
              market: ws.profile ? marketName(ws.profile.market, locale()) : t('options.planner.noMarket'),
              share: formatDecimal(rule.creatorSharePercent, locale()),
              bonus: formatDecimal(rule.bonusMaxPercent, locale()),
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
            <PlannerNumber
              id="planner-bonus"
              label={t('options.planner.bonus', { max: formatDecimal(rule.bonusMaxPercent, locale()) })}
              showLabel
              value={planner.bonusPercent}
              save={async (value) =>
                value > rule.bonusMaxPercent
                  ? [{ path: [], message: t('options.planner.err.bonusMax', { max: formatDecimal(rule.bonusMaxPercent, locale()) }) }]
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
                  <th scope="col">{t('options.planner.col.platform')}</th>
                  <th scope="col">{t('options.planner.col.bonus')}</th>
                  <th scope="col">{t('options.planner.col.net')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.lines.map((line) => {
                  const tier = tiers.get(line.tierId)!;
                  return (
                    <tr key={line.tierId}>
                      <th scope="row">
                        {tier.name}
                        <div class="muted small">{t(`status.${tier.status}`)}</div>
                      </th>
                      <td>{money(tier.priceMinor)}</td>
                      <td>
                        <PlannerNumber
                          id={`planner-subscribers-${tier.id}`}
                          label={t('options.planner.expected', { name: tier.name })}
                          value={line.subscribers}
                          save={async (value) => {
                            const wrong = subscribersProblem(value);
                            if (wrong.length) return wrong;
                            const expectedSubscribers = { ...planner.expectedSubscribers, [tier.id]: value };
                            return savePlanner(settings, { ...planner, expectedSubscribers });
                          }}
                        />
                        {roster ? <div class="muted small">{t('roster.ui.planner.current', { count: active(tier.id) })}</div> : null}
                      </td>
                      <td>{money(line.gross)}</td>
                      <td>{money(line.appStoreFees)}</td>
                      <td>{money(line.platformShare)}</td>
                      <td>{money(line.bonus)}</td>
                      <td>
                        <strong>{money(line.net)}</strong>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('options.planner.total')}</th>
                  <td />
                  <td>{count(plan.total.subscribers)}</td>
                  <td>{money(plan.total.gross)}</td>
                  <td>{money(plan.total.appStoreFees)}</td>
                  <td>{money(plan.total.platformShare)}</td>
                  <td>{money(plan.total.bonus)}</td>
                  <td>
                    <strong>{money(plan.total.net)}</strong>
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
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
        </>
      )}
    </section>
  );
}
