// Lists the background sends in parts (a backup's roster, the roster as CSV): each part says how many
// items it holds, of how many in all, and the roster's generation it was read from.

export interface Part {
  count: number;
  total: number;
  generation: number;
}

/**
 * Asks for parts from offset 0 until the total. They must all be of one generation: when the roster
 * changes meanwhile (another page edits it), reading starts over, three times at most. Null when a
 * part could not be read, or the roster would not hold still.
 */
export async function readInParts<P extends Part>(
  ask: (offset: number) => Promise<P | null>,
  onProgress: (done: number, total: number) => void,
): Promise<P[] | null> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const parts: P[] = [];
    let offset = 0;
    for (;;) {
      const part = await ask(offset);
      if (!part) return null;
      const first = parts[0] ?? part;
      if (part.generation !== first.generation || part.total !== first.total) break;
      parts.push(part);
      offset += part.count;
      onProgress(offset, part.total);
      if (offset >= part.total) return parts;
      if (part.count === 0) return null;
    }
  }
  return null;
}
