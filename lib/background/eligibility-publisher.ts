// Recomputes eligibility after its inputs change (and daily), publishes it for the pages, sets the
// toolbar badge and notifies when a requirement is newly met, eligibility is reached, or lost, and
// once a month when the bonus is at risk close to the month's end.
import { resolveLanguage, setLanguage, t, type MessageKey } from '../i18n';
import type { TierkitDb } from '../store/db';
import { postsOf } from '../store/posts-store';
import { dailyOf, snapshotsOf } from '../store/stats-store';
import { loadWorkspace } from '../store/workspace-store';
import { badgeText, eligibilityChanges, eligibilityView, type EligibilityChange } from './eligibility-view';
import type { BonusView, EligibilityWithBonus as EligibilityView } from '../protocol/bonus-view';
import type { RequirementView } from '../protocol/schemas';

export interface PublisherDeps {
  db: TierkitDb;
  /** The view last published (null when none), and publishing a new one (null removes it). */
  readPublished: () => Promise<EligibilityView | null>;
  publish: (view: EligibilityView | null) => Promise<void>;
  setBadge: (text: string, title: string) => Promise<void>;
  notify: (id: string, title: string, message: string) => Promise<void>;
  browserLanguage: () => string;
  now?: () => number;
}

const requirementName = (r: RequirementView) => t(`req.${r.kind}` as MessageKey);

function notification(change: EligibilityChange, view: EligibilityView): { title: string; message: string } {
  switch (change.kind) {
    case 'eligible':
      return { title: t('notify.eligible.title'), message: t('notify.eligible.body', { profile: view.profileName }) };
    case 'lost':
      return {
        title: t('notify.lost.title'),
        message: t('notify.lost.body', { requirements: change.requirements.map(requirementName).join(', ') }),
      };
    case 'requirement-met':
      return {
        title: t('notify.met.title', { requirement: requirementName(change.requirement) }),
        message: t('notify.met.body', { met: view.metCount, total: view.total, profile: view.profileName }),
      };
  }
}

/** The bonus is at risk with no more days left than the creator asked to be reminded at (0: never). */
function bonusDue(bonus: BonusView | null | undefined, reminderDays: number): bonus is BonusView {
  return !!bonus && reminderDays > 0 && bonus.status === 'at-risk' && bonus.daysLeft <= reminderDays;
}

export function createEligibilityPublisher(deps: PublisherDeps) {
  const now = deps.now ?? Date.now;
  let queue: Promise<unknown> = Promise.resolve();

  async function refresh(): Promise<EligibilityView | null> {
    const { workspace } = await loadWorkspace(deps.db);
    setLanguage(resolveLanguage(workspace.settings.language, deps.browserLanguage()));
    const handle = workspace.profile?.handle;
    const view = handle
      ? eligibilityView(workspace, await snapshotsOf(deps.db, handle), await dailyOf(deps.db, handle), now(), await postsOf(deps.db, handle))
      : null;
    const before = await deps.readPublished();
    const bonus = view?.bonus;
    const due = bonusDue(bonus, workspace.settings.bonusReminderDays);
    // The reminder sent goes on with each view, so a month's reminder is sent once whatever the refreshes.
    const month = bonus?.monthEnd.slice(0, 7);
    if (bonus && before?.bonus?.reminded) bonus.reminded = before.bonus.reminded;
    const remind = due && workspace.settings.notifications && bonus.reminded !== month;
    if (remind) bonus.reminded = month;
    await deps.publish(view);
    const title = view ? (view.eligible ? t('badge.titleEligible') : t('badge.title', { met: view.metCount, total: view.total })) : '';
    await deps.setBadge(badgeText(view), due ? t('badge.titleBonus', { title, count: bonus.daysLeft }) : title);
    if (view && workspace.settings.notifications) {
      for (const change of eligibilityChanges(before, view)) {
        const { title, message } = notification(change, view);
        const { requirement } = change.kind === 'requirement-met' ? change : { requirement: undefined };
        const id = requirement ? `met:${requirement.kind}:${requirement.window ?? ''}` : change.kind;
        await deps.notify(`tierkit-${id}`, title, message);
      }
    }
    if (remind) await deps.notify(`tierkit-bonus-${month}`, t('notify.bonus.title'), t('notify.bonus.body', { count: bonus.daysLeft }));
    return view;
  }

  /** One refresh at a time, in order: each sees the data the one before it left. */
  return (): Promise<EligibilityView | null> => {
    const run = queue.then(refresh);
    queue = run.catch(() => undefined);
    return run;
  };
}
