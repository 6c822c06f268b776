import { t } from '@/lib/i18n';
import { CaptureFromTab } from './CaptureFromTab';
import { useEligibilityView } from './eligibility-state';
import { LazyBonusLine } from './LazyBonusLine';
import { EligibilityStatus, RequirementList } from './Requirements';

/** The popup's eligibility card: where the creator stands, each requirement, and a capture button. */
export function EligibilityCard({ handle, tabHandle }: { handle: string; tabHandle: (url: string | undefined) => string | undefined }) {
  const view = useEligibilityView();
  return (
    <details class="elig-card" open>
      <summary>
        <h2>{t('eligibility.heading')}</h2>
      </summary>
      {view ? (
        <>
          <EligibilityStatus view={view} now={Date.now()} empty={t('eligibility.empty')} />
          <RequirementList view={view} />
          {view.bonus ? <LazyBonusLine bonus={view.bonus} /> : null}
        </>
      ) : (
        <p class="muted">{t('eligibility.empty')}</p>
      )}
      <CaptureFromTab handle={handle} tabHandle={tabHandle} />
    </details>
  );
}
