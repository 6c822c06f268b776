/** A section that later releases fill: says plainly what will appear here, with no sample data. */
export function LaterSection({ text }: { text: string }) {
  return (
    <div class="empty-state">
      <p>{text}</p>
    </div>
  );
}
