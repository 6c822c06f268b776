import { useRef, useState } from 'preact/hooks';
import type { Problem } from '@/lib/domain/problems';
import { locale, t } from '@/lib/i18n';
import { ask } from '@/lib/client/ask';
import type { KeyInfo } from '@/lib/protocol/key-answers';
import { Problems } from '../Problems';
import { KeyBackupForm } from './KeyBackupForm';
import { KeyRestore } from './KeyRestore';

/**
 * A key made before backups existed cannot be read out: said plainly, with the way off it (a new key,
 * after a confirmation that says what fans will see).
 */
function OldKey({ current, onRenewed }: { current: KeyInfo; onRenewed: (key: KeyInfo) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [problems, setProblems] = useState<Problem[]>([]);

  const renew = async () => {
    dialog.current?.close();
    const renewed = await ask({ type: 'key.renew', replaces: current.fingerprint });
    if (renewed.ok) {
      setProblems([]);
      onRenewed(renewed.data);
    } else setProblems(renewed.problems);
  };

  return (
    <div class="key-old">
      <p>{t('data.key.old')}</p>
      <button type="button" ref={opener} onClick={() => dialog.current?.showModal()}>
        {t('data.key.renew')}
      </button>
      {problems.length ? <p class="error">{t('data.key.renewFailed')}</p> : null}
      <Problems problems={problems} />
      <dialog
        ref={dialog}
        class="key-dialog"
        aria-labelledby="key-renew-heading"
        aria-describedby="key-renew-text"
        onClose={() => opener.current?.focus()}
      >
        <h2 id="key-renew-heading">{t('data.key.renewHeading')}</h2>
        <p id="key-renew-text">{t('data.key.renewText', { fingerprint: current.fingerprint })}</p>
        <div class="actions">
          <button type="button" autofocus onClick={() => dialog.current?.close()}>
            {t('options.cancel')}
          </button>
          <button type="button" class="danger" onClick={() => void renew()}>
            {t('data.key.renew')}
          </button>
        </div>
      </dialog>
    </div>
  );
}

/** The creator's signing key: its fingerprint, its backup and restore, and the way off a key that cannot be backed up. */
export function SigningKey({ signingKey, loaded, refresh }: { signingKey: KeyInfo | null; loaded: boolean; refresh: () => Promise<void> }) {
  const [renewed, setRenewed] = useState<string | null>(null);
  const made = (key: KeyInfo) => new Intl.DateTimeFormat(locale(), { dateStyle: 'long' }).format(new Date(key.createdAt));
  return (
    <section class="options-panel" id="signing-key" aria-labelledby="key-heading">
      <h2 id="key-heading">{t('data.key.heading')}</h2>
      <p class="muted">{t('data.key.intro')}</p>
      {signingKey ? (
        <p class="key-current">
          {t('data.key.fingerprint')}: <code class="key-fingerprint">{signingKey.fingerprint}</code>{' '}
          <span class="muted">({t('data.key.created', { date: made(signingKey) })})</span>
        </p>
      ) : loaded ? (
        <p class="muted">{t('data.key.none')}</p>
      ) : null}
      <p role="status" class="status-ok">
        {renewed ? t('data.key.renewed', { fingerprint: renewed }) : null}
      </p>
      {signingKey && !signingKey.backupable ? (
        <OldKey
          current={signingKey}
          onRenewed={(key) => {
            setRenewed(key.fingerprint);
            void refresh();
          }}
        />
      ) : null}
      {signingKey?.backupable ? <KeyBackupForm /> : null}
      <KeyRestore
        onRestored={() => {
          setRenewed(null);
          void refresh();
        }}
      />
    </section>
  );
}
