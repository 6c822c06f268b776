import { useRef, useState } from 'preact/hooks';
import type { Problem } from '@/lib/domain/problems';
import { sortTiers } from '@/lib/domain/offer';
import { t } from '@/lib/i18n';
import { ask } from '@/lib/client/ask';
import { subscriberName, type Subscriber } from '@/lib/roster/schema';
import { workspace } from '../app-state';
import { Problems } from '../Problems';
import { rosterToday } from './format';
import { RosterBrowser } from './RosterBrowser';
import { RosterExport } from './RosterExport';
import { RosterImport } from './RosterImport';
import { useRosterStatus } from './roster-status';
import { SubscriberDialog, type SavedSubscriber } from './SubscriberDialog';
import { TierCounts } from './TierCounts';
import { useRosterUndo } from './use-roster-undo';
import './roster.css';

/** The form being shown: a new subscriber (null) or one being edited, and what to focus when it closes. */
interface OpenForm {
  subscriber: Subscriber | null;
  opener: HTMLElement | null;
}

function EmptyState({ text, link, label }: { text: string; link: string; label: string }) {
  return (
    <div class="empty-state">
      <p>{text}</p>
      <p>
        <a href={link}>{label}</a>
      </p>
    </div>
  );
}

/** The options page's Subscribers section: the creator's roster, its counts, and its CSV in and out. */
export function SubscribersSection() {
  const ws = workspace.value!;
  const status = useRosterStatus();
  const [form, setForm] = useState<OpenForm | null>(null);
  const [message, setMessage] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const addButton = useRef<HTMLButtonElement>(null);
  const { offer, notice } = useRosterUndo(addButton);
  const tiers = sortTiers(ws.tiers);

  if (!ws.profile) {
    return <EmptyState text={t('roster.ui.empty.noProfile')} link="#profile" label={t('roster.ui.empty.toProfile')} />;
  }
  const noTiers = tiers.length === 0;
  // With no tiers nothing can be added; a roster left from deleted tiers still shows, to remove or export.
  if (noTiers && !status?.total) {
    return <EmptyState text={t('roster.ui.empty.noTiers')} link="#tiers" label={t('roster.ui.empty.toTiers')} />;
  }

  const open = (subscriber: Subscriber | null, opener: HTMLElement | null) => {
    setMessage('');
    setForm({ subscriber, opener });
  };
  const close = (saved: SavedSubscriber | null) => {
    const opener = form?.opener;
    setForm(null);
    if (saved) setMessage(t(saved.added ? 'roster.ui.added' : 'roster.ui.saved', { name: saved.name }));
    // The opener may have scrolled out of the table; the Add button is always there.
    (opener?.isConnected ? opener : addButton.current)?.focus();
  };

  const remove = async (ids: string[]): Promise<boolean> => {
    setMessage('');
    const answer = await ask({ type: 'roster.remove', ids });
    if (!answer.ok) setProblems(answer.problems);
    else {
      setProblems([]);
      const { removed } = answer.data;
      if (removed.length) {
        offer(
          removed.length === 1
            ? t('roster.ui.removedOne', { name: subscriberName(removed[0]!) })
            : t('roster.ui.removedMany', { count: removed.length }),
          removed,
        );
      }
      return true;
    }
    return false;
  };

  return (
    <>
      {noTiers ? <EmptyState text={t('roster.ui.empty.noTiers')} link="#tiers" label={t('roster.ui.empty.toTiers')} /> : null}
      <section class="options-panel" aria-labelledby="roster-heading">
        <div class="panel-head">
          <h2 id="roster-heading">{t('roster.ui.heading')}</h2>
          {noTiers ? null : (
            <button type="button" class="primary" ref={addButton} onClick={(e) => open(null, e.currentTarget)}>
              {t('roster.ui.add')}
            </button>
          )}
        </div>
        {status && status.total > 0 ? <TierCounts status={status} tiers={tiers} /> : null}
        <p role="status" class="status-ok">
          {message}
        </p>
        <Problems problems={problems} />
        {notice}
        {/* The rows are asked for once the revision they belong to is known, not once before and again after. */}
        {status === undefined ? null : (
          <RosterBrowser
            revision={status?.revision ?? null}
            tiers={tiers}
            today={rosterToday()}
            onEdit={(subscriber, opener) => open(subscriber, opener)}
            onRemove={remove}
            empty={
              <div class="empty-state roster-empty">
                <p>{t('roster.ui.empty.noSubscribers')}</p>
                <ul>
                  <li>{t('roster.ui.empty.howAdd')}</li>
                  <li>{t('roster.ui.empty.howImport')}</li>
                  <li>{t('roster.ui.empty.howContextMenu')}</li>
                </ul>
              </div>
            }
          />
        )}
      </section>
      {noTiers ? null : <RosterImport tiers={tiers} />}
      <RosterExport empty={status ? status.total === 0 : false} />
      {form ? <SubscriberDialog subscriber={form.subscriber} tiers={tiers} onClose={close} /> : null}
    </>
  );
}
