import { useState } from 'preact/hooks';
import type { Problem } from '@/lib/domain/problems';
import { t } from '@/lib/i18n';
import { ask } from '@/lib/client/ask';
import { MIN_PASSPHRASE_LENGTH } from '@/lib/packs/key-backup';
import { Problems } from '../Problems';
import { PassphraseField } from './PassphraseField';
import { saveFile } from '../save-file';

/** Saves the signing key as a file encrypted under a passphrase typed twice. */
export function KeyBackupForm() {
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const mismatch = repeat !== '' && repeat !== passphrase;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (mismatch) return;
    setBusy(true);
    setSaved(null);
    const file = await ask({ type: 'key.backup', passphrase });
    setBusy(false);
    if (file.ok) {
      saveFile(file.data.fileName, file.data.text, 'application/json');
      setSaved(file.data.fileName);
      setProblems([]);
      // Not kept in the page longer than needed.
      setPassphrase('');
      setRepeat('');
    } else setProblems(file.problems.map((p) => ({ ...p, path: [] })));
  };

  return (
    // Checked by Tierkit, in the page's language, not by the browser's own validation.
    <form class="key-backup" aria-labelledby="key-backup-heading" noValidate onSubmit={(event) => void submit(event)}>
      <h3 id="key-backup-heading">{t('data.key.backupHeading')}</h3>
      <div class="form-grid">
        <PassphraseField
          id="key-passphrase"
          label={t('data.key.passphrase')}
          autocomplete="new-password"
          describedBy="key-passphrase-hint"
          value={passphrase}
          onInput={setPassphrase}
        />
        <PassphraseField
          id="key-passphrase-repeat"
          label={t('data.key.passphraseRepeat')}
          autocomplete="new-password"
          invalid={mismatch}
          describedBy={mismatch ? 'key-passphrase-mismatch' : undefined}
          value={repeat}
          onInput={setRepeat}
        />
      </div>
      <p id="key-passphrase-hint" class="muted small">
        {t('data.key.passphraseHint', { min: MIN_PASSPHRASE_LENGTH })}
      </p>
      {mismatch ? (
        <p id="key-passphrase-mismatch" class="error small">
          {t('data.key.mismatch')}
        </p>
      ) : null}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy || mismatch}>
          {t('data.key.backupButton')}
        </button>
      </div>
      <p role="status" class="status-ok">
        {saved ? t('data.key.backupDone', { file: saved }) : null}
      </p>
      {problems.length ? <p class="error">{t('data.key.backupFailed')}</p> : null}
      <Problems problems={problems} />
    </form>
  );
}
