// A passphrase input with its label, as the key's backup and restore forms ask for one.
interface Props {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  /** 'new-password' where a passphrase is chosen (a password manager may offer one), else 'off'. */
  autocomplete: 'new-password' | 'off';
  /** The id of the text that explains or faults it. */
  describedBy?: string;
  invalid?: boolean;
}

export function PassphraseField({ id, label, value, onInput, autocomplete, describedBy, invalid }: Props) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="password"
        autocomplete={autocomplete}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy}
        value={value}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
    </div>
  );
}
