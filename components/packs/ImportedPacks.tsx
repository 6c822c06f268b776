import { useRef, useState } from 'preact/hooks';
import type { Problem } from '@/lib/domain/problems';
import { formatMegabytes, t } from '@/lib/i18n';
import { ask } from '@/lib/client/ask';
import type { PackImportAnswer, PackInfo, PackList } from '@/lib/protocol/schemas';
import { issuedDate, packMessage } from '@/lib/packs/messages';
import { MAX_PACK_BYTES } from '@/lib/packs/pack';
import { Problems } from '../Problems';
import { FileDrop } from '../FileDrop';
import { PackConflicts, type ResolveOutcome } from './PackConflicts';
import { useConfirm } from './use-confirm';

type Outcome =
  | { kind: 'checking'; file: string }
  | { kind: 'imported'; answer: PackImportAnswer }
  | { kind: 'refused'; file: string; problems: Problem[] }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; problems: Problem[] };

/** What the confirmation dialog is about: a readable pack, or one that no longer validates. */
type Removing = { pack: PackInfo } | { unreadable: string };

/** Sends a chosen or dropped file to the background, which verifies and keeps it. */
async function importFile(file: File): Promise<Outcome> {
  // Refused here already, so a huge file is not read into memory and sent.
  if (file.size > MAX_PACK_BYTES) {
    const message = packMessage('pack.err.tooLarge', { size: formatMegabytes(file.size), max: formatMegabytes(MAX_PACK_BYTES) });
    return { kind: 'refused', file: file.name, problems: [{ path: [], message }] };
  }
  const answer = await ask({ type: 'pack.import', fileName: file.name, text: await file.text() });
  if (answer.ok) return { kind: 'imported', answer: answer.data };
  // The background names the file in each problem; here the sentence above the list does.
  const problems = answer.problems.map((p) => (p.path[0] === file.name ? { ...p, path: p.path.slice(1) } : p));
  return { kind: 'refused', file: file.name, problems };
}

function ImportOutcome({ outcome }: { outcome: Outcome | null }) {
  const answer = outcome?.kind === 'imported' ? outcome.answer : null;
  return (
    <>
      <div role="status">
        {outcome?.kind === 'checking' ? <p class="muted">{t('packs.ui.import.checking', { file: outcome.file })}</p> : null}
        {answer?.held ? (
          <p class="pack-warning">
            {answer.trustedFingerprint
              ? t('packs.ui.import.held', { handle: answer.pack.creatorHandle, fingerprint: answer.trustedFingerprint })
              : t('packs.ui.import.heldNoTrusted', { handle: answer.pack.creatorHandle })}
          </p>
        ) : answer ? (
          <p class="status-ok">
            {answer.action === 'replace'
              ? t('packs.ui.import.replaced', {
                  handle: answer.pack.creatorHandle,
                  name: answer.pack.displayName,
                  date: issuedDate(answer.pack.issuedAt),
                })
              : t('packs.ui.import.added', {
                  count: answer.pack.subscribers,
                  handle: answer.pack.creatorHandle,
                  name: answer.pack.displayName,
                })}
          </p>
        ) : null}
        {outcome?.kind === 'done' ? <p class="status-ok">{outcome.message}</p> : null}
      </div>
      {outcome?.kind === 'refused' ? (
        <div class="import-refused">
          <p class="error">{t('packs.ui.import.refused', { file: outcome.file })}</p>
          <Problems problems={outcome.problems} />
        </div>
      ) : null}
      {outcome?.kind === 'failed' ? <Problems problems={outcome.problems} /> : null}
    </>
  );
}

function PackItem({ pack, own, onRemove }: { pack: PackInfo; own: boolean; onRemove: (opener: HTMLButtonElement) => void }) {
  return (
    <li class="pack-item">
      <div class="pack-item-head">
        <h3>
          @{pack.creatorHandle} <span class="pack-display-name">{pack.displayName}</span>
        </h3>
        <button
          type="button"
          class="danger"
          aria-label={t('packs.ui.list.removeLabel', { handle: pack.creatorHandle })}
          onClick={(event) => onRemove(event.currentTarget)}
        >
          {t('packs.ui.list.remove')}
        </button>
      </div>
      <p class="pack-facts">
        <span>{t('packs.ui.list.issued', { date: issuedDate(pack.issuedAt) })}</span>
        <span>{t('packs.ui.list.subscribers', { count: pack.subscribers })}</span>
        <span>{t('packs.ui.list.tiers', { count: pack.tiers })}</span>
      </p>
      <p class="pack-key">
        <span class="pack-key-label">{t('packs.ui.list.key')}</span> <code class="pack-fingerprint">{pack.fingerprint}</code>
        {own ? <span class="muted small"> {t('packs.ui.list.ownKey')}</span> : null}
      </p>
    </li>
  );
}

/**
 * Importing packs (file picker or drop), the packs held apart as conflicts, the trusted packs with
 * Remove behind a confirmation, and unreadable ones.
 */
export function ImportedPacks({ list, problems, refresh }: { list: PackList | null; problems: Problem[]; refresh: () => Promise<void> }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const confirm = useConfirm<Removing>();
  const removing = confirm.subject;
  const heading = useRef<HTMLHeadingElement>(null);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setOutcome({ kind: 'checking', file: file.name });
    setOutcome(await importFile(file));
    await refresh();
  };

  const confirmRemove = async () => {
    const target = removing;
    confirm.close();
    if (!target) return;
    const fingerprint = 'pack' in target ? target.pack.fingerprint : target.unreadable;
    const response = await ask({ type: 'pack.remove', fingerprint });
    if (response.ok) {
      const message = 'pack' in target ? t('packs.ui.removed', { handle: target.pack.creatorHandle }) : t('packs.ui.removedUnreadable');
      setOutcome({ kind: 'done', message });
    } else {
      setOutcome({ kind: 'failed', problems: response.problems });
    }
    await refresh();
    // The removed pack's button is gone: focus the list's heading rather than lose it.
    heading.current?.focus();
  };

  const resolved = async (result: ResolveOutcome) => {
    setOutcome('message' in result ? { kind: 'done', message: result.message } : { kind: 'failed', problems: result.problems });
    await refresh();
  };

  const removingPack = removing && 'pack' in removing ? removing.pack : null;
  return (
    <section class="options-panel" aria-labelledby="pack-imported-heading">
      <h2 id="pack-imported-heading" tabIndex={-1} ref={heading}>
        {t('packs.ui.imported.heading')}
      </h2>
      <p class="muted">{t('packs.ui.imported.intro')}</p>
      <FileDrop id="pack-file" label={t('packs.ui.import.file')} hint={t('packs.ui.import.drop')} accept="application/json,.json" onFile={(file) => void choose(file)} />
      <ImportOutcome outcome={outcome} />
      <PackConflicts conflicts={list?.conflicts ?? []} onResolved={resolved} afterResolve={heading} />

      {problems.length ? (
        <>
          <p class="error">{t('packs.ui.list.failed')}</p>
          <Problems problems={problems} />
        </>
      ) : null}
      {!list && !problems.length ? <p class="muted">{t('packs.ui.list.loading')}</p> : null}
      {list && !list.packs.length && !list.conflicts.length && !list.unreadable.length ? (
        <div class="empty-state">
          <p>{t('packs.ui.list.empty')}</p>
        </div>
      ) : null}
      {list?.packs.length ? (
        <ul class="pack-list" aria-label={t('packs.ui.list.label')}>
          {list.packs.map((pack) => (
            <PackItem
              key={pack.fingerprint}
              pack={pack}
              own={pack.fingerprint === list.ownFingerprint}
              onRemove={(button) => confirm.ask({ pack }, button)}
            />
          ))}
        </ul>
      ) : null}
      {list?.unreadable.length ? (
        <div class="pack-unreadable">
          <h3>{t('packs.ui.unreadable.heading')}</h3>
          <p class="muted">{t('packs.ui.unreadable.intro')}</p>
          <ul class="pack-list">
            {list.unreadable.map((entry) => (
              <li key={entry.fingerprint} class="pack-item flagged">
                <div class="pack-item-head">
                  <code class="pack-fingerprint">{entry.fingerprint}</code>
                  <button
                    type="button"
                    class="danger"
                    aria-label={t('packs.ui.unreadable.removeLabel', { fingerprint: entry.fingerprint })}
                    onClick={(event) => confirm.ask({ unreadable: entry.fingerprint }, event.currentTarget)}
                  >
                    {t('packs.ui.list.remove')}
                  </button>
                </div>
                <p class="error small">{entry.message}</p>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <dialog ref={confirm.dialog} aria-labelledby="pack-remove-heading" aria-describedby="pack-remove-text" onClose={confirm.onClose}>
        <h2 id="pack-remove-heading">
          {removingPack ? t('packs.ui.remove.heading', { handle: removingPack.creatorHandle }) : t('packs.ui.remove.unreadableHeading')}
        </h2>
        <p id="pack-remove-text">
          {removingPack ? t('packs.ui.remove.text', { handle: removingPack.creatorHandle }) : t('packs.ui.remove.unreadableText')}
        </p>
        <div class="actions">
          <button type="button" autofocus onClick={confirm.close}>
            {t('packs.ui.remove.cancel')}
          </button>
          <button type="button" class="danger" onClick={confirmRemove}>
            {t('packs.ui.remove.confirm')}
          </button>
        </div>
      </dialog>
    </section>
  );
}
