// What is wrong with an imported file, as a table of file, row, column and problem: one for every
// import that reads files (TikTok Studio exports, the roster CSV). Row and column read "—" when the
// problem is the whole file's.
import { t } from '@/lib/i18n';

export interface FileProblem {
  file: string;
  row: number | null;
  field: string | null;
  message: string;
}

export function FileProblemTable({ file, problems, class: className }: { file: string; problems: readonly FileProblem[]; class?: string }) {
  return (
    <div class="table-scroll">
      <table class={className ? `data-table ${className}` : 'data-table'}>
        <caption class="visually-hidden">{t('options.fileProblems.caption', { file })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('options.fileProblems.file')}</th>
            <th scope="col">{t('options.fileProblems.row')}</th>
            <th scope="col">{t('options.fileProblems.field')}</th>
            <th scope="col">{t('options.fileProblems.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((problem, i) => (
            <tr key={i}>
              <td>{problem.file}</td>
              <td>{problem.row ?? '—'}</td>
              <td>{problem.field ?? '—'}</td>
              <td>{problem.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
