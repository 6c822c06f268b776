import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { follow } from '@/lib/client/stored';
import { locale, t } from '@/lib/i18n';
import { storedEligibilityWithBonus, type BonusView, type EligibilityWithBonus } from '@/lib/protocol/bonus-view';
import { count, day, monthName } from './format';
import { ProgressBar } from './Requirements';

type Condition = BonusView['conditions'][number];

const conditionName = (c: Pick<Condition, 'kind'>) => t(`eligibilityOptions.kind.${c.kind}`);

/** "a, b and c": each item is a whole message, so every language orders and joins them its own way. */
const list = (items: string[]) => new Intl.ListFormat(locale(), { type: 'conjunction' }).format(items);

/** "2 more subscriber-only posts and 310,000 views by 31 December", or null when nothing is missing. */
export function neededText(bonus: BonusView): string | null {
  const items = bonus.conditions
    .filter((c) => c.missing > 0)
    .map((c) => t(`eligibilityOptions.bonusPanel.need.${c.kind}`, { count: Math.ceil(c.missing) }));
  return items.length ? t('eligibilityOptions.bonusPanel.needed', { items: list(items), date: day(bonus.monthEnd) }) : null;
}

function ConditionItem({ condition }: { condition: Condition }) {
  const name = conditionName(condition);
  const met = condition.missing === 0 && condition.value !== null;
  const percent = condition.value === null ? 0 : condition.threshold <= 0 ? 100 : Math.min(100, Math.round((condition.value / condition.threshold) * 100));
  const value =
    condition.value === null
      ? t('eligibility.noValue')
      : t('eligibility.valueOf', { value: count(condition.value), threshold: count(condition.threshold) });
  return (
    <li class={met ? 'elig-req met' : 'elig-req'}>
      <div class="elig-req-head">
        <h3 class="bonus-condition">{name}</h3>
        <span class="elig-req-state">
          {met ? t('eligibility.met') : condition.onTrack ? t('eligibilityOptions.bonusPanel.status.on-track') : t('eligibilityOptions.bonusPanel.offTrack')}
        </span>
      </div>
      <p class="elig-value">{value}</p>
      <ProgressBar name={name} percent={percent} text={value} />
      {!met && condition.kind === 'video-views' && condition.perDayNeeded ? (
        <p class="small">{t('eligibility.projection.perDay', { views: count(Math.ceil(condition.perDayNeeded)) })}</p>
      ) : null}
      {condition.missingDays ? <p class="small elig-stale">{t('eligibility.missingDays', { count: condition.missingDays })}</p> : null}
    </li>
  );
}

function LastMonth({ bonus }: { bonus: BonusView }) {
  const { result, conditions } = bonus.lastMonth;
  const short = list(
    conditions.flatMap((c, i) => (c.met || !bonus.conditions[i] ? [] : [t(`eligibilityOptions.bonusPanel.inSentence.${bonus.conditions[i].kind}`)])),
  );
  return (
    <>
      <h3>{t('eligibilityOptions.bonusPanel.lastHeading')}</h3>
      <p class={result === 'earned' ? 'bonus-result ok' : 'bonus-result'}>
        {result === 'earned' ? t('eligibilityOptions.bonusPanel.last.earned') : t(`eligibilityOptions.bonusPanel.last.${result}`, { conditions: short })}
      </p>
    </>
  );
}

function History({ months }: { months: BonusView['history'] }) {
  return (
    <>
      <h3>{t('eligibilityOptions.bonusPanel.historyHeading')}</h3>
      <div class="table-scroll">
        <table class="data-table">
          <caption class="visually-hidden">{t('eligibilityOptions.bonusPanel.historyCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('eligibilityOptions.bonusPanel.month')}</th>
              <th scope="col">{t('eligibilityOptions.bonusPanel.result')}</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.start}>
                <th scope="row">{monthName(m.start)}</th>
                <td>{t(`eligibilityOptions.bonusPanel.result.${m.result}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The published view with its whole bonus, which the shared eligibility state (the popup's too) leaves out. */
export const bonusEligibilityView = signal<EligibilityWithBonus | null>(null);

/** Follows the view with its bonus while the panel is shown. */
export function useBonusView(): EligibilityWithBonus | null {
  useEffect(() => follow(storedEligibilityWithBonus, (view) => (bonusEligibilityView.value = view)), []);
  return bonusEligibilityView.value;
}

/** The options page's bonus panel: this month condition by condition, what is still needed, last month, the months before. */
export function BonusPanel({ view }: { view: EligibilityWithBonus | null }) {
  const bonus = view?.bonus;
  const needed = bonus ? neededText(bonus) : null;
  return (
    <section class="options-panel bonus-panel" aria-labelledby="elig-bonus-month-heading">
      <h2 id="elig-bonus-month-heading">{t('eligibilityOptions.bonusPanel.heading')}</h2>
      {!view ? (
        <p class="muted">{t('eligibilityOptions.bonusPanel.noProfile')}</p>
      ) : !bonus ? (
        <p class="muted">{t('eligibilityOptions.bonusPanel.noConditions')}</p>
      ) : (
        <>
          <p class={`bonus-status ${bonus.status}`}>
            <strong>{t(`eligibilityOptions.bonusPanel.status.${bonus.status}`)}</strong>
            <span class="muted"> · {t('eligibilityOptions.bonusPanel.daysLeft', { count: bonus.daysLeft })}</span>
          </p>
          <ul class="elig-reqs">
            {bonus.conditions.map((c, i) => (
              <ConditionItem key={i} condition={c} />
            ))}
          </ul>
          {needed ? <p class="bonus-needed">{needed}</p> : null}
          <LastMonth bonus={bonus} />
          {bonus.history.length ? <History months={bonus.history} /> : null}
        </>
      )}
    </section>
  );
}
