import { useState } from 'preact/hooks';
import type { Problem } from '@/lib/domain/problems';
import { t } from '@/lib/i18n';
import type { EligibilityView, RequirementView } from '@/lib/protocol/schemas';
import { run, workspace } from '../app-state';
import { Problems } from '../Problems';
import { projectionText, requirementName, STALE_AFTER_MS, updatedText, valueText } from './format';
import './eligibility.css';

/** The newest moment the view's numbers come from: the last capture, or the newest imported day. */
export function lastUpdate(view: EligibilityView): number | null {
  let newest = view.latestCapture?.capturedAt ?? null;
  for (const requirement of view.requirements) {
    if (!requirement.dataDate) continue;
    const at = Date.parse(`${requirement.dataDate}T00:00:00Z`);
    if (newest === null || at > newest) newest = at;
  }
  return newest;
}

/** Overall status and freshness: "2 of 4 requirements met · Updated 3 hours ago". */
export function EligibilityStatus({ view, now, empty }: { view: EligibilityView; now: number; empty: string }) {
  const updated = lastUpdate(view);
  const stale = updated !== null && now - updated > STALE_AFTER_MS;
  return (
    <div class="elig-status">
      <p class={view.eligible ? 'elig-overall ok' : 'elig-overall'}>
        {view.eligible ? t('eligibility.eligible') : t('eligibility.metOf', { met: view.metCount, total: view.total })}
        <span class="muted"> · {view.profileName}</span>
      </p>
      {updated === null ? (
        <p class="muted">{empty}</p>
      ) : (
        <p class={stale ? 'elig-stale' : 'muted'}>
          {updatedText(updated, now)}
          {stale ? ` · ${t('eligibility.stale')}` : null}
        </p>
      )}
    </div>
  );
}

/** The creator's own answer: age from the profile, good standing as a checkbox saved to the profile. */
function Confirmation({ requirement }: { requirement: RequirementView }) {
  const profile = workspace.value?.profile;
  const [problems, setProblems] = useState<Problem[]>([]);
  if (requirement.kind === 'age') {
    return <p class="muted">{requirement.met ? t('eligibility.age.confirmed') : t('eligibility.age.missing')}</p>;
  }
  if (!profile) return null;
  const save = async (goodStanding: boolean) => {
    const { updatedAt, ...input } = profile;
    setProblems(await run({ type: 'profile.save', profile: { ...input, goodStanding }, loaded: updatedAt }));
  };
  return (
    <>
      <label class="check">
        <input type="checkbox" checked={profile.goodStanding === true} onChange={(e) => void save(e.currentTarget.checked)} />
        {t('eligibility.goodStanding.confirm')}
      </label>
      {/* The checkbox shows the profile as it is now: a refusal has nothing more to load. */}
      <Problems problems={problems} onReload={() => setProblems([])} />
    </>
  );
}

/** A named progress bar toward a threshold, its value said as text ("8,200 of 10,000"). */
export function ProgressBar({ name, percent, text }: { name: string; percent: number; text: string }) {
  return (
    <div
      class="elig-bar"
      role="progressbar"
      aria-label={name}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={text}
    >
      <span style={{ width: `${percent}%` }} />
    </div>
  );
}

function Requirement({ requirement }: { requirement: RequirementView }) {
  const name = requirementName(requirement);
  const confirmation = requirement.kind === 'age' || requirement.kind === 'good-standing';
  const { lines, range } = projectionText(requirement);
  return (
    <li class={requirement.met ? 'elig-req met' : 'elig-req'}>
      <div class="elig-req-head">
        <strong>{name}</strong>
        {requirement.met ? <span class="elig-req-state">{t('eligibility.met')}</span> : null}
      </div>
      {confirmation ? (
        <Confirmation requirement={requirement} />
      ) : (
        <>
          <p class="elig-value">
            {valueText(requirement)}
            {requirement.estimate ? (
              <span class="elig-estimate">
                {t('eligibility.estimate')}
              </span>
            ) : null}
          </p>
          <ProgressBar name={name} percent={Math.round(requirement.progress * 100)} text={valueText(requirement)} />
          {lines.map((line) => (
            <p key={line} class="small">
              {line}
            </p>
          ))}
          {range ? <p class="small muted">{range}</p> : null}
          {requirement.missingDays.length ? (
            <p class="small elig-stale">{t('eligibility.missingDays', { count: requirement.missingDays.length })}</p>
          ) : null}
        </>
      )}
    </li>
  );
}

/** Each requirement of the chosen rules: met or not, the number against the threshold, the projection. */
export function RequirementList({ view }: { view: EligibilityView }) {
  return (
    <ul class="elig-reqs">
      {view.requirements.map((requirement) => (
        <Requirement key={`${requirement.kind}:${requirement.window ?? ''}`} requirement={requirement} />
      ))}
    </ul>
  );
}
