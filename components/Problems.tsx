import { useEffect, useRef } from 'preact/hooks';
import { formatPath, type Problem } from '@/lib/domain/problems';
import { t } from '@/lib/i18n';

/**
 * A list of problems, each with where it is. Announced to screen readers when it appears. A save refused
 * because its record changed or was deleted elsewhere since the editor loaded it (`conflict`) comes with
 * a Reload button, which takes the focus, when the editor can load the current record (`onReload`).
 */
export function Problems({ problems, id, onReload }: { problems: Problem[]; id?: string; onReload?: () => void }) {
  const conflict = onReload ? problems.find((problem) => problem.conflict) : undefined;
  const reload = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (conflict) reload.current?.focus();
  }, [conflict]);
  if (!problems.length) return null;
  return (
    // The alert role sits on a wrapper: on the list itself it would hide the list from assistive technology.
    <div role="alert" id={id}>
      <ul class="problems error">
        {problems.map((problem, i) => (
          <li key={i}>
            {problem.path.length ? <strong>{formatPath(problem.path)}: </strong> : null}
            {problem.message}
            {problem === conflict ? (
              <>
                {' '}
                <button type="button" class="reload" ref={reload} onClick={onReload}>
                  {t('common.reload')}
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The messages of the problems about one field (its path within the form). */
export function fieldProblems(problems: Problem[], ...path: (string | number)[]): string[] {
  return problems
    .filter((p) => p.path.length >= path.length && path.every((segment, i) => p.path[i] === segment))
    .map((p) => p.message);
}

/** Problems that belong to no field of the form, shown above it. */
export function formProblems(problems: Problem[], fields: readonly string[]): Problem[] {
  return problems.filter((p) => typeof p.path[0] !== 'string' || !fields.includes(p.path[0]));
}
