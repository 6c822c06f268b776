import { useState } from 'preact/hooks';

/**
 * A file picker that also takes a file dropped on it (backups, roster CSVs, badge packs). The same file
 * can be chosen again after it was fixed: the input forgets it once handed over.
 */
export function FileDrop({
  id,
  label,
  hint,
  accept,
  disabled = false,
  onFile,
}: {
  id: string;
  label: string;
  hint: string;
  accept: string;
  /** While a file is being imported, no other is taken. */
  disabled?: boolean;
  onFile: (file: File | undefined) => void;
}) {
  const [dragging, setDragging] = useState(false);
  return (
    <div
      class={`drop-zone${dragging ? ' dragging' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        if (!disabled) onFile(event.dataTransfer?.files[0]);
      }}
    >
      <label for={id}>{label}</label>
      <input
        id={id}
        type="file"
        accept={accept}
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          onFile(event.currentTarget.files?.[0]);
          event.currentTarget.value = '';
        }}
      />
      <p id={`${id}-hint`} class="muted small">
        {hint}
      </p>
    </div>
  );
}
