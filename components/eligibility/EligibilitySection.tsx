import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { EligibilityView } from '@/lib/protocol/schemas';
import { Problems } from '../Problems';
import { BonusPanel, useBonusView } from './BonusPanel';
import { useEligibilityView } from './eligibility-state';
import './eligibility-options.css';
import { dailySeries, historyRows } from './history';
import { HistoryTable } from './HistoryTable';
import { ManualEntry } from './ManualEntry';
import { EligibilityStatus, RequirementList } from './Requirements';
import { BonusConditionsSettings, EligibilityRules } from './RulesSettings';
import { StudioImport } from './StudioImport';
import { SubscriberOnlyPosts } from './SubscriberOnlyPosts';
import { TrendChart } from './TrendChart';
import { useHistory } from './use-history';

/** The chart of followers and 30-day views with their thresholds, and the history table as its text. */
export function HistoryPanel({ view, version }: { view: EligibilityView | null; version: number }) {
  const { history, problems } = useHistory(`${view?.computedAt ?? 0}:${version}`);
  const rows = history ? historyRows(history) : [];
  const threshold = (kind: 'followers' | 'video-views') =>
    view?.requirements.find((r) => r.kind === kind && (kind === 'followers' || r.window === 'rolling-30-days'))?.threshold ?? null;
  return (
    <section class="options-panel" aria-labelledby="elig-history-heading">
      <h2 id="elig-history-heading">{t('eligibilityOptions.history.heading')}</h2>
      <Problems problems={problems} />
      {rows.length ? (
        <>
          <TrendChart title={t('eligibility.req.followers')} series={dailySeries(rows, (r) => r.followers)} threshold={threshold('followers')} />
          <TrendChart title={t('eligibility.req.video-views')} series={dailySeries(rows, (r) => r.views30)} threshold={threshold('video-views')} />
          <HistoryTable rows={rows} />
        </>
      ) : history ? (
        <p class="muted">{t('eligibilityOptions.history.empty')}</p>
      ) : null}
    </section>
  );
}

/** The options page's Eligibility section: status, the month's bonus, chart and history, imports, manual entry, the posts log, rules. */
export function EligibilitySection() {
  const view = useEligibilityView();
  const withBonus = useBonusView();
  // Imports and manual entries bump this, so the history is read again even before a new view is published.
  const [changes, setChanges] = useState(0);
  const changed = () => setChanges((n) => n + 1);

  return (
    <>
      <section class="options-panel" aria-labelledby="elig-status-heading">
        <h2 id="elig-status-heading">{t('eligibilityOptions.status.heading')}</h2>
        {view ? (
          <>
            <EligibilityStatus view={view} now={Date.now()} empty={t('eligibilityOptions.empty')} />
            <RequirementList view={view} />
          </>
        ) : (
          <p class="muted">{t('eligibilityOptions.empty')}</p>
        )}
      </section>
      <BonusPanel view={withBonus} />
      <HistoryPanel view={view} version={changes} />
      <section class="options-panel" aria-labelledby="elig-import-heading">
        <h2 id="elig-import-heading">{t('eligibilityOptions.import.heading')}</h2>
        <p class="muted">{t('eligibilityOptions.import.intro')}</p>
        <StudioImport onImported={changed} />
      </section>
      <section class="options-panel" aria-labelledby="elig-manual-heading">
        <h2 id="elig-manual-heading">{t('eligibilityOptions.manual.heading')}</h2>
        <ManualEntry onSaved={changed} />
      </section>
      <SubscriberOnlyPosts version={`${view?.computedAt ?? 0}:${changes}`} />
      <EligibilityRules />
      <BonusConditionsSettings />
    </>
  );
}
