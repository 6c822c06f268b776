import { describe, expect, it } from 'vitest';
import { readInParts, type Part } from '@/components/read-in-parts';

/** A roster of `total` items in parts of 2, whose generation is whatever `generation()` says when asked. */
function parts(total: number, generation: () => number) {
  const asked: number[] = [];
  const ask = async (offset: number): Promise<(Part & { items: number[] }) | null> => {
    asked.push(offset);
    const items = Array.from({ length: Math.max(0, Math.min(2, total - offset)) }, (_, i) => offset + i);
    return { items, count: items.length, total, generation: generation() };
  };
  return { ask, asked };
}

describe('readInParts', () => {
  it('reads every part in order, reporting how far it is', async () => {
    const { ask, asked } = parts(5, () => 1);
    const progress: string[] = [];
    const read = await readInParts(ask, (done, total) => progress.push(`${done}/${total}`));
    expect(read?.flatMap((part) => part.items)).toEqual([0, 1, 2, 3, 4]);
    expect(asked).toEqual([0, 2, 4]);
    expect(progress).toEqual(['2/5', '4/5', '5/5']);
  });

  it('reads one empty part of an empty list', async () => {
    const { ask } = parts(0, () => 1);
    expect(await readInParts(ask, () => {})).toEqual([{ items: [], count: 0, total: 0, generation: 1 }]);
  });

  it('starts over when the roster changes between parts, and gives up when it never holds still', async () => {
    let generation = 1;
    const changingOnce = parts(5, () => (generation === 1 && (generation = 2) === 2 ? 1 : generation));
    const read = await readInParts(changingOnce.ask, () => {});
    expect(read?.flatMap((part) => part.items)).toEqual([0, 1, 2, 3, 4]);
    expect(read?.every((part) => part.generation === 2)).toBe(true);

    let tick = 0;
    const restless = parts(5, () => ++tick);
    expect(await readInParts(restless.ask, () => {})).toBeNull();
    expect(restless.asked).toEqual([0, 2, 0, 2, 0, 2]);
  });

  it('gives up on a part that cannot be read', async () => {
    expect(await readInParts(async () => null, () => {})).toBeNull();
  });
});
