import { useRef, useState } from 'preact/hooks';
import type { Problem } from '@/lib/domain/problems';
import { t } from '@/lib/i18n';
import { run } from '../app-state';
import { Problems } from '../Problems';
import { downloadBackup } from './ExportBackup';

/** Deletes the whole workspace, after a confirmation that offers a backup first. */
export function WipeData() {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [wiped, setWiped] = useState(false);

  const open = () => {
    setProblems([]);
    setWiped(false);
    dialog.current?.showModal();
  };
  const close = () => dialog.current?.close();

  const wipe = async () => {
    close();
    const found = await run({ type: 'workspace.wipe' });
    setProblems(found);
    setWiped(!found.length);
  };

  return (
    <section class="options-panel" aria-labelledby="wipe-heading">
      <h2 id="wipe-heading">{t('options.data.wipe.heading')}</h2>
      <p class="muted">{t('options.data.wipe.intro')}</p>
      <button type="button" class="danger" ref={opener} onClick={open}>
        {t('options.data.wipe.button')}
      </button>
      <p role="status" class="status-ok">
        {wiped ? t('options.data.wipe.done') : null}
      </p>
      <Problems problems={problems} />
      <dialog
        ref={dialog}
        aria-labelledby="wipe-dialog-heading"
        aria-describedby="wipe-dialog-text"
        onClose={() => opener.current?.focus()}
      >
        <h2 id="wipe-dialog-heading">{t('options.data.wipe.confirmHeading')}</h2>
        <p id="wipe-dialog-text">{t('options.data.wipe.confirmText')}</p>
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
