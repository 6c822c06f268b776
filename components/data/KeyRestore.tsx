import { useRef, useState } from 'preact/hooks';
import type { Problem } from '@/lib/domain/problems';
import { formatMegabytes, locale, t } from '@/lib/i18n';
import { ask } from '@/lib/client/ask';
import type { KeyRestoreAnswer } from '@/lib/protocol/key-answers';
import { MAX_KEY_BACKUP_BYTES } from '@/lib/packs/key-backup';
import { FileDrop } from '../FileDrop';
import { Problems } from '../Problems';
import { PassphraseField } from './PassphraseField';

interface Chosen {
  name: string;
  /** Null when the file is too large to be a key backup (not read). */
  text: string | null;
  size: number;
}

type Outcome = { kind: 'same'; fingerprint: string } | { kind: 'restored'; fingerprint: string } | { kind: 'failed'; problems: Problem[] };

/**
 * Reads a key backup (file and passphrase), shows the current key and the backup's side by side, and
 * stores the backup's key only once the creator confirms. Nothing is written before that.
 */
export function KeyRestore({ onRestored }: { onRestored: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const checkButton = useRef<HTMLButtonElement>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [checked, setChecked] = useState<KeyRestoreAnswer | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const choose = async (file: File | undefined) => {
    setOutcome(null);
    if (!file) return setChosen(null);
    // A key backup is under 1 KB: a large file is something else, and is not read at all.
    setChosen({ name: file.name, size: file.size, text: file.size > MAX_KEY_BACKUP_BYTES ? null : await file.text() });
  };

  const restore = async (apply: boolean, replaces: string | null) => {
    const answer = await ask({ type: 'key.restore', text: chosen?.text ?? '', passphrase, apply, replaces });
    if (answer.ok) return answer.data;
    setOutcome({ kind: 'failed', problems: answer.problems.map((p) => ({ ...p, path: [] })) });
    return null;
  };

  const check = async (event: Event) => {
    event.preventDefault();
    if (!chosen) return;
    setOutcome(null);
    if (chosen.text === null) {
      const size = chosen.size >= 1_048_576 ? formatMegabytes(chosen.size) : `${new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(chosen.size / 1024)} KB`;
      return setOutcome({ kind: 'failed', problems: [{ path: [], message: t('data.key.fileTooLarge', { size }) }] });
    }
    setBusy(true);
    const answer = await restore(false, null);
    setBusy(false);
    if (!answer) return;
    if (answer.current?.fingerprint === answer.restored.fingerprint) return setOutcome({ kind: 'same', fingerprint: answer.restored.fingerprint });
    setChecked(answer);
    dialog.current?.showModal();
  };

  const confirm = async () => {
    if (!checked) return;
    dialog.current?.close();
    setBusy(true);
    const answer = await restore(true, checked.current?.fingerprint ?? null);
    setBusy(false);
    setChecked(null);
    if (!answer) return;
    setOutcome({ kind: 'restored', fingerprint: answer.restored.fingerprint });
    setChosen(null);
    setPassphrase('');
    onRestored();
  };

  const replacing = checked?.current ?? null;
  return (
    <form class="key-restore" aria-labelledby="key-restore-heading" noValidate onSubmit={(event) => void check(event)}>
      <h3 id="key-restore-heading">{t('data.key.restoreHeading')}</h3>
      <FileDrop id="key-file" label={t('data.key.restoreFile')} hint={t('data.key.restoreDrop')} accept="application/json,.json" onFile={(file) => void choose(file)} />
      {chosen ? <p class="key-chosen">{chosen.name}</p> : null}
      <div class="form-grid">
        <PassphraseField
          id="key-restore-passphrase"
          label={t('data.key.restorePassphrase')}
          autocomplete="off"
          value={passphrase}
          onInput={setPassphrase}
        />
      </div>
      <div class="actions">
        <button type="submit" ref={checkButton} disabled={!chosen || !passphrase || busy}>
          {t('data.key.restoreCheck')}
        </button>
      </div>
      <div role="status">
        {busy ? <p class="muted">{t('data.key.checking')}</p> : null}
        {outcome?.kind === 'same' ? <p>{t('data.key.restoreSame', { fingerprint: outcome.fingerprint })}</p> : null}
        {outcome?.kind === 'restored' ? <p class="status-ok">{t('data.key.restored', { fingerprint: outcome.fingerprint })}</p> : null}
      </div>
      {outcome?.kind === 'failed' ? (
        <>
          <p class="error">{t('data.key.restoreFailed')}</p>
          <Problems problems={outcome.problems} />
        </>
      ) : null}
      <dialog
        ref={dialog}
        class="key-dialog"
        aria-labelledby="key-restore-dialog-heading"
        aria-describedby="key-restore-dialog-text"
        onClose={() => {
          setChecked(null);
          checkButton.current?.focus();
        }}
      >
        <h2 id="key-restore-dialog-heading">{t(replacing ? 'data.key.replaceHeading' : 'data.key.restoreHeadingNew')}</h2>
        <dl class="key-compare">
          <dt>{t('data.key.current')}</dt>
          <dd>{replacing ? <code class="key-fingerprint">{replacing.fingerprint}</code> : t('data.key.currentNone')}</dd>
          <dt>{t('data.key.fromBackup')}</dt>
          <dd>{checked ? <code class="key-fingerprint">{checked.restored.fingerprint}</code> : null}</dd>
        </dl>
        <p id="key-restore-dialog-text">{t(replacing ? 'data.key.replaceWarning' : 'data.key.restoreNewText')}</p>
        <div class="actions">
          <button type="button" autofocus onClick={() => dialog.current?.close()}>
            {t('options.cancel')}
          </button>
          <button type="button" class={replacing ? 'danger' : 'primary'} onClick={() => void confirm()}>
            {t('data.key.restoreConfirm')}
          </button>
        </div>
      </dialog>
    </form>
  );
}
