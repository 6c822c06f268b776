import type { ComponentChildren } from 'preact';

/** A checkbox with its label around it, on one line, reporting only whether it is now checked. */
export function Checkbox(props: { checked: boolean; onChange: (checked: boolean) => void; describedBy?: string; children: ComponentChildren }) {
  return (
    <label class="field inline">
      <input
        type="checkbox"
        checked={props.checked}
        aria-describedby={props.describedBy}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      {props.children}
    </label>
  );
}
