/** CONTRACT (being written): the tier cards with edit, reorder, activate/archive, delete (undo). */
export function TierList(_props: { compact?: boolean }) {
  return null;
}
