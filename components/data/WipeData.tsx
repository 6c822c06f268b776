import { useRef, useState } from 'preact/hooks';
import type { Problem } from '@/lib/domain/problems';
import { t } from '@/lib/i18n';
import type { DataSummary } from '@/lib/protocol/key-answers';
import { run, workspace } from '../app-state';
import { Problems } from '../Problems';
import { downloadBackup } from './ExportBackup';
import { Checkbox } from '../Checkbox';

type Wiped = 'done' | 'doneKeptKey' | 'doneWithKey';

/** Everything the wipe removes, counted where the count is known. */
function WhatGoes({ summary, keepKey }: { summary: DataSummary | null; keepKey: boolean }) {
  const ws = workspace.value!;
  const key = summary?.signingKey ?? null;
  const counted = (count: number | undefined, base: 'data.wipe.subscribers' | 'data.wipe.packs' | 'data.wipe.statDays' | 'data.wipe.posts', unknown: string) =>
    count === undefined ? <li>{unknown}</li> : count > 0 ? <li>{t(base, { count: count })}</li> : null;
  return (
    <ul class="wipe-list">
      {ws.profile ? <li>{t('data.wipe.profile', { handle: ws.profile.handle })}</li> : null}
      {ws.tiers.length ? <li>{t('data.wipe.tiers', { count: ws.tiers.length })}</li> : null}
      {ws.perks.length ? <li>{t('data.wipe.perks', { count: ws.perks.length })}</li> : null}
      <li>{t('data.wipe.settings')}</li>
      {counted(summary?.subscribers, 'data.wipe.subscribers', t('data.wipe.subscribersUnknown'))}
      {counted(summary?.packs, 'data.wipe.packs', t('data.wipe.packsUnknown'))}
      {counted(summary?.statDays, 'data.wipe.statDays', t('data.wipe.statsUnknown'))}
      {counted(summary?.posts, 'data.wipe.posts', t('data.wipe.postsUnknown'))}
      {key && !keepKey ? (
        <li>
          <strong>{t('data.wipe.key', { fingerprint: key.fingerprint })}</strong>
        </li>
      ) : null}
    </ul>
  );
}

/**
 * Deletes everything, after a confirmation that lists what goes (counted), lets the creator keep the
 * signing key (kept unless unticked: a new key is a different signer to every fan), and offers a backup.
 */
export function WipeData({ summary, refresh }: { summary: DataSummary | null; refresh: () => Promise<void> }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [wiped, setWiped] = useState<Wiped | null>(null);
  const [keepKey, setKeepKey] = useState(true);
  const key = summary?.signingKey ?? null;

  const open = () => {
    setProblems([]);
    setWiped(null);
    setKeepKey(true);
    // The counts as they are now.
    void refresh();
    dialog.current?.showModal();
  };
  const close = () => dialog.current?.close();

  const wipe = async () => {
    // Without a known key there is nothing to choose: whatever key there is stays.
    const deleteSigningKey = key !== null && !keepKey;
    close();
    const found = await run({ type: 'workspace.wipe', deleteSigningKey });
    setProblems(found);
    setWiped(found.length ? null : key === null ? 'done' : deleteSigningKey ? 'doneWithKey' : 'doneKeptKey');
    await refresh();
  };

  return (
    <section class="options-panel" aria-labelledby="wipe-heading">
      <h2 id="wipe-heading">{t('options.data.wipe.heading')}</h2>
      <p class="muted">{t('options.data.wipe.intro')}</p>
      <button type="button" class="danger" ref={opener} onClick={open}>
        {t('options.data.wipe.button')}
      </button>
      <p role="status" class="status-ok">
        {wiped ? t(`data.wipe.${wiped}`) : null}
      </p>
      <Problems problems={problems} />
      <dialog
        ref={dialog}
        class="wipe-dialog"
        aria-labelledby="wipe-dialog-heading"
        aria-describedby="wipe-dialog-text"
        onClose={() => opener.current?.focus()}
      >
        <h2 id="wipe-dialog-heading">{t('options.data.wipe.confirmHeading')}</h2>
        <p id="wipe-dialog-text">{t('options.data.wipe.confirmText')}</p>
        <WhatGoes summary={summary} keepKey={keepKey} />
        {key ? (
          <div class="wipe-key">
            <Checkbox checked={keepKey} describedBy="wipe-key-hint" onChange={setKeepKey}>
              {t('data.wipe.keepKey')}
            </Checkbox>
            <p id="wipe-key-hint" class={keepKey ? 'muted small' : 'wipe-key-warning small'} aria-live="polite">
              {keepKey ? t('data.wipe.keepKeyHint', { fingerprint: key.fingerprint }) : t('data.wipe.deleteKeyWarning')}
            </p>
          </div>
        ) : summary === null ? (
          <p class="muted small">{t('data.wipe.keyUnknown')}</p>
        ) : null}
        <p class="muted small">{t('data.wipe.backupHolds')}</p>
        <div class="actions">
          <button type="button" onClick={() => void downloadBackup()}>
            {t('options.data.wipe.exportFirst')}
          </button>
        </div>
        <div class="actions">
          <button type="button" autofocus onClick={close}>
            {t('options.cancel')}
          </button>
          <button type="button" class="danger" onClick={wipe}>
            {t('options.data.wipe.confirm')}
          </button>
        </div>
      </dialog>
    </section>
  );
}
