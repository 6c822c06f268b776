import type { ComponentChildren } from 'preact';
import './forms.css';

/** What a field's control needs so that its label, hint and problems reach screen readers. */
export interface FieldAttrs {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/** A labelled form field with an optional hint and the problems found in it (shared by every form). */
export function Field(props: {
  id: string;
  label: string;
  errors: string[];
  hint?: ComponentChildren;
  children: (attrs: FieldAttrs) => ComponentChildren;
}) {
  const { id, label, errors, hint } = props;
  const describedBy = [hint ? `${id}-hint` : '', errors.length ? `${id}-err` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {props.children({ id, 'aria-invalid': errors.length ? true : undefined, 'aria-describedby': describedBy || undefined })}
      {hint ? (
        <p id={`${id}-hint`} class="hint muted">
          {hint}
        </p>
      ) : null}
      {errors.length ? (
        <p id={`${id}-err`} class="field-error error">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

/** Moves focus to the first field marked invalid inside `root`, so a failed submit lands where to fix it. */
export function focusFirstInvalid(root: HTMLElement | null): void {
  root?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
