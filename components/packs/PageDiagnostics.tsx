import { useRef, useState } from 'preact/hooks';
import type { Problem } from '@/lib/domain/problems';
import { locale, t, type MessageKey } from '@/lib/i18n';
import { ask } from '@/lib/client/ask';
import type { Diagnostic } from '@/lib/protocol/schemas';
import { storedDiagnostics } from '@/lib/protocol/stored-keys';
import { Problems } from '../Problems';
import { count } from '../roster/format';
import { useStored } from '../use-stored';

const pageKinds: Record<string, MessageKey> = {
  profile: 'packs.ui.page.profile',
  video: 'packs.ui.page.video',
  live: 'packs.ui.page.live',
  feed: 'packs.ui.page.feed',
};

/** A page kind in words; one this page does not know (a newer content script's) as it was reported. */
const pageName = (kind: string): string => (pageKinds[kind] ? t(pageKinds[kind]) : kind);

const when = (at: number): string => new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(at);

function DiagnosticRow({ diagnostic: d }: { diagnostic: Diagnostic }) {
  return (
    <tr>
      <th scope="row">{d.feature}</th>
      <td>{pageName(d.page)}</td>
      <td>
        <code class="diagnostic-selector">{d.selector}</code>
      </td>
      <td>{when(d.lastMissedAt)}</td>
      <td class="numeric">{count(d.count)}</td>
      <td>{d.foundAt === null ? <span class="diagnostic-missing">{t('packs.ui.diag.stillMissing')}</span> : when(d.foundAt)}</td>
    </tr>
  );
}

/** What the content script could not find on TikTok pages (its markup changed), newest first, with Clear. */
export function PageDiagnostics() {
  const { value, loaded } = useStored(storedDiagnostics);
  const [cleared, setCleared] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  const diagnostics = [...value].sort((a, b) => b.lastMissedAt - a.lastMissedAt);

  const clear = async () => {
    const response = await ask({ type: 'diagnostics.clear' });
    setProblems(response.ok ? [] : response.problems);
    setCleared(response.ok);
    // The button goes with the list: keep focus in the section.
    heading.current?.focus();
  };

  return (
    <section class="options-panel" aria-labelledby="pack-diagnostics-heading">
      <h2 id="pack-diagnostics-heading" tabIndex={-1} ref={heading}>
        {t('packs.ui.diag.heading')}
      </h2>
      <p class="muted">{t('packs.ui.diag.intro')}</p>
      {loaded && !diagnostics.length ? (
        <div class="empty-state">
          <p>{t('packs.ui.diag.empty')}</p>
        </div>
      ) : null}
      {diagnostics.length ? (
        <>
          <div class="table-scroll">
            <table class="data-table diagnostics-table">
              <caption class="visually-hidden">{t('packs.ui.diag.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('packs.ui.diag.feature')}</th>
                  <th scope="col">{t('packs.ui.diag.page')}</th>
                  <th scope="col">{t('packs.ui.diag.selector')}</th>
                  <th scope="col">{t('packs.ui.diag.lastMissed')}</th>
                  <th scope="col" class="numeric">{t('packs.ui.diag.count')}</th>
                  <th scope="col">{t('packs.ui.diag.foundAt')}</th>
                </tr>
              </thead>
              <tbody>
                {diagnostics.map((d) => (
                  <DiagnosticRow key={`${d.feature}|${d.page}|${d.selector}`} diagnostic={d} />
                ))}
              </tbody>
            </table>
          </div>
          <div class="actions">
            <button type="button" onClick={clear}>
              {t('packs.ui.diag.clear')}
            </button>
          </div>
        </>
      ) : null}
      <p role="status" class="status-ok">
        {cleared && !diagnostics.length ? t('packs.ui.diag.cleared') : null}
      </p>
      <Problems problems={problems} />
    </section>
  );
}
