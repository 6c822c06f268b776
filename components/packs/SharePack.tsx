import { useState } from 'preact/hooks';
import type { Problem } from '@/lib/domain/problems';
import { t } from '@/lib/i18n';
import type { ExportedFile } from '@/lib/protocol/schemas';
import { saveExport } from '../save-file';
import { workspace } from '../app-state';
import { Problems } from '../Problems';

/** The creator's signed pack, saved as a file. */
const downloadPack = () => saveExport('pack.export', 'application/json');

/** What stops an export before it is asked for, with where to fix it. */
function missing(): { text: string; link: string; label: string } | null {
  const ws = workspace.value;
  if (!ws?.profile) return { text: t('packs.ui.export.noProfile'), link: '#profile', label: t('packs.ui.export.toProfile') };
  if (!ws.tiers.length) return { text: t('packs.ui.export.noTiers'), link: '#tiers', label: t('packs.ui.export.toTiers') };
  return null;
}

/** The creator's own pack: what it holds and never holds, the export, and the key's fingerprint. */
export function SharePack({ ownFingerprint, onExported }: { ownFingerprint: string | null | undefined; onExported: () => void }) {
  const [outcome, setOutcome] = useState<ExportedFile | Problem[] | null>(null);
  const [busy, setBusy] = useState(false);
  const blocked = missing();

  const exportPack = async () => {
    setBusy(true);
    setOutcome(null);
    const result = await downloadPack();
    setBusy(false);
    setOutcome(result);
    // The first export creates the key, whose fingerprint then shows.
    if (!Array.isArray(result)) onExported();
  };

  return (
    <section class="options-panel" aria-labelledby="pack-share-heading">
      <h2 id="pack-share-heading">{t('packs.ui.share.heading')}</h2>
      <p>{t('packs.ui.share.intro')}</p>
      <p class="pack-holds-intro">{t('packs.ui.share.holds')}</p>
      <ul class="pack-holds">
        <li>{t('packs.ui.share.holdsCreator')}</li>
        <li>{t('packs.ui.share.holdsTiers')}</li>
        <li>{t('packs.ui.share.holdsSubscribers')}</li>
      </ul>
      <p>
        <strong>{t('packs.ui.share.never')}</strong>
      </p>
      <p class="muted">{t('packs.ui.share.signed')}</p>
      <div class="actions">
        <button
          type="button"
          class="primary"
          disabled={blocked !== null || busy}
          aria-describedby={blocked ? 'pack-export-blocked' : undefined}
          onClick={exportPack}
        >
          {t('packs.ui.export.button')}
        </button>
      </div>
      {blocked ? (
        <p id="pack-export-blocked" class="muted small">
          {blocked.text} <a href={blocked.link}>{blocked.label}</a>
        </p>
      ) : null}
      <p role="status" class="status-ok">
        {outcome && !Array.isArray(outcome) ? t('packs.ui.export.done', { count: outcome.count, file: outcome.fileName }) : null}
      </p>
      {Array.isArray(outcome) ? (
        <>
          <p class="error">{t('packs.ui.export.failed')}</p>
          <Problems problems={outcome} />
        </>
      ) : null}
      <div class="pack-own-key">
        <h3>{t('packs.ui.key.label')}</h3>
        {ownFingerprint ? (
          <>
            <p>
              <code class="pack-fingerprint">{ownFingerprint}</code>
            </p>
            <p class="muted small">{t('packs.ui.key.hint')}</p>
            <p class="small">
              <a href="#data">{t('data.key.link')}</a>
            </p>
          </>
        ) : ownFingerprint === null ? (
          <p class="muted small">{t('packs.ui.key.none')}</p>
        ) : null}
      </div>
    </section>
  );
}
