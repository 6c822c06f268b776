import type { RefObject } from 'preact';
import type { Problem } from '@/lib/domain/problems';
import { t } from '@/lib/i18n';
import { ask } from '@/lib/client/ask';
import type { PackConflict, PackInfo } from '@/lib/protocol/schemas';
import { issuedDate } from '@/lib/packs/messages';
import type { ConflictChoice } from '@/lib/packs/replace';
import { useConfirm } from './use-confirm';

/** What resolving a conflict came to: a sentence for the status line, or the background's problems. */
export type ResolveOutcome = { message: string } | { problems: Problem[] };

interface Choosing {
  conflict: PackConflict;
  choice: ConflictChoice;
}

/** One key's pack, as the person compares it with the other: the fingerprint first. */
function KeyFacts({ role, pack }: { role: string; pack: PackInfo }) {
  return (
    <div class="pack-conflict-key">
      <p class="pack-conflict-role">{role}</p>
      <p>
        <code class="pack-fingerprint">{pack.fingerprint}</code>
      </p>
      <p class="pack-facts">
        <span>{pack.displayName}</span>
        <span>{t('packs.ui.list.issued', { date: issuedDate(pack.issuedAt) })}</span>
        <span>{t('packs.ui.list.subscribers', { count: pack.subscribers })}</span>
      </p>
    </div>
  );
}

function ConflictItem({ conflict, onChoose }: { conflict: PackConflict; onChoose: (choice: ConflictChoice, button: HTMLButtonElement) => void }) {
  const { held, trusted, ownHandle } = conflict;
  const handle = held.creatorHandle;
  return (
    <li class="pack-item flagged">
      <h4>@{handle}</h4>
      <div class="pack-conflict-keys">
        {trusted ? (
          <KeyFacts role={t('packs.ui.conflicts.trustedKey')} pack={trusted} />
        ) : (
          <div class="pack-conflict-key">
            <p class="pack-conflict-role">{t('packs.ui.conflicts.trustedKey')}</p>
            <p class="muted">{t('packs.ui.conflicts.noTrusted')}</p>
          </div>
        )}
        <KeyFacts role={t('packs.ui.conflicts.heldKey')} pack={held} />
      </div>
      {ownHandle ? <p class="pack-warning">{t('packs.ui.conflicts.ownHandle', { handle })}</p> : null}
      <div class="actions">
        <button
          type="button"
          aria-label={t(trusted ? 'packs.ui.conflicts.keepLabel' : 'packs.ui.conflicts.discardLabel', { handle })}
          onClick={(event) => onChoose('discard', event.currentTarget)}
        >
          {trusted ? t('packs.ui.conflicts.keep') : t('packs.ui.conflicts.discard')}
        </button>
        {ownHandle ? null : (
          <button type="button" aria-label={t('packs.ui.conflicts.trustLabel', { handle })} onClick={(event) => onChoose('trust', event.currentTarget)}>
            {t('packs.ui.conflicts.trust')}
          </button>
        )}
      </div>
    </li>
  );
}

/**
 * Packs held apart because another key is trusted for their creator handle: both keys side by side,
 * and the person's choice (keep the trusted key, or trust the new one) behind a confirmation.
 */
export function PackConflicts({
  conflicts,
  onResolved,
  afterResolve,
}: {
  conflicts: readonly PackConflict[];
  onResolved: (outcome: ResolveOutcome) => Promise<void>;
  /** Where the focus goes once the chosen conflict's buttons are gone. */
  afterResolve: RefObject<HTMLElement | null>;
}) {
  const confirm = useConfirm<Choosing>();
  const choosing = confirm.subject;

  const resolve = async () => {
    const target = choosing;
    confirm.close();
    if (!target) return;
    const { conflict, choice } = target;
    const answer = await ask({ type: 'pack.resolve', fingerprint: conflict.held.fingerprint, trusted: conflict.trusted?.fingerprint ?? null, choice });
    const handle = conflict.held.creatorHandle;
    await onResolved(
      !answer.ok
        ? { problems: answer.problems }
        : {
            message:
              choice === 'trust'
                ? t('packs.ui.conflicts.trusted', { handle, fingerprint: conflict.held.fingerprint })
                : t('packs.ui.conflicts.discarded', { handle }),
          },
    );
    afterResolve.current?.focus();
  };

  const handle = choosing?.conflict.held.creatorHandle ?? '';
  const trustedFingerprint = choosing?.conflict.trusted?.fingerprint;
  return (
    <>
      {conflicts.length ? (
        <div class="pack-conflicts">
          <h3 id="pack-conflicts-heading">{t('packs.ui.conflicts.heading')}</h3>
          <p>{t('packs.ui.conflicts.intro')}</p>
          <ul class="pack-list" aria-labelledby="pack-conflicts-heading">
            {conflicts.map((conflict) => (
              <ConflictItem
                key={conflict.held.fingerprint}
                conflict={conflict}
                onChoose={(choice, button) => confirm.ask({ conflict, choice }, button)}
              />
            ))}
          </ul>
        </div>
      ) : null}

      <dialog ref={confirm.dialog} aria-labelledby="pack-resolve-heading" aria-describedby="pack-resolve-text" onClose={confirm.onClose}>
        <h2 id="pack-resolve-heading">
          {choosing?.choice === 'trust' ? t('packs.ui.resolve.trustHeading', { handle }) : t('packs.ui.resolve.discardHeading', { handle })}
        </h2>
        <p id="pack-resolve-text">
          {choosing?.choice === 'trust'
            ? t(trustedFingerprint ? 'packs.ui.resolve.trustText' : 'packs.ui.resolve.trustTextNone', { handle })
            : t(trustedFingerprint ? 'packs.ui.resolve.discardText' : 'packs.ui.resolve.discardTextNone', { handle })}
        </p>
        <dl class="pack-resolve-keys">
          <dt>{t('packs.ui.conflicts.trustedKey')}</dt>
          <dd>{trustedFingerprint ? <code class="pack-fingerprint">{trustedFingerprint}</code> : t('packs.ui.conflicts.noTrusted')}</dd>
          <dt>{t('packs.ui.conflicts.heldKey')}</dt>
          <dd>
            <code class="pack-fingerprint">{choosing?.conflict.held.fingerprint}</code>
          </dd>
        </dl>
        <div class="actions">
          <button type="button" autofocus onClick={confirm.close}>
            {t('packs.ui.remove.cancel')}
          </button>
          <button type="button" class={choosing?.choice === 'trust' ? 'primary' : 'danger'} onClick={resolve}>
            {choosing?.choice === 'trust' ? t('packs.ui.resolve.trustConfirm') : t('packs.ui.resolve.discardConfirm')}
          </button>
        </div>
      </dialog>
    </>
  );
}
