import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { count, day } from './format';
import type { HistoryRow } from './history';

export const PAGE_SIZE = 30;

const cell = (value: number | null) => (value === null ? '—' : count(value));

/** Every recorded day, newest first, a page at a time (three years are about 1,100 rows). */
export function HistoryTable({ rows }: { rows: HistoryRow[] }) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const shown = Math.min(page, pages - 1);
  const newestFirst = rows.slice().reverse().slice(shown * PAGE_SIZE, (shown + 1) * PAGE_SIZE);
  return (
    <div>
      <div class="table-scroll">
        <table class="data-table">
          <caption class="visually-hidden">{t('eligibilityOptions.history.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('eligibilityOptions.history.day')}</th>
              <th scope="col">{t('eligibility.req.followers')}</th>
              <th scope="col">{t('eligibilityOptions.history.dailyViews')}</th>
              <th scope="col">{t('eligibilityOptions.history.views30')}</th>
              <th scope="col">{t('eligibilityOptions.history.source')}</th>
              <th scope="col">{t('eligibilityOptions.history.precision')}</th>
            </tr>
          </thead>
          <tbody>
            {newestFirst.map((row) => (
              <tr key={row.date}>
                <th scope="row">{day(row.date)}</th>
                <td>{cell(row.followers)}</td>
                <td>{cell(row.dailyViews)}</td>
                <td>{cell(row.views30)}</td>
                <td>{row.sources.map((source) => t(`eligibilityOptions.source.${source}`)).join(', ')}</td>
                <td>{row.precise ? t('eligibilityOptions.history.precise') : t('eligibility.estimate')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav class="elig-pager" aria-label={t('eligibilityOptions.history.pages')}>
          <button type="button" disabled={shown === 0} onClick={() => setPage(shown - 1)}>
            {t('eligibilityOptions.history.newer')}
          </button>
          <span>{t('eligibilityOptions.history.page', { page: shown + 1, pages })}</span>
          <button type="button" disabled={shown === pages - 1} onClick={() => setPage(shown + 1)}>
            {t('eligibilityOptions.history.older')}
          </button>
        </nav>
      ) : null}
    </div>
  );
}
