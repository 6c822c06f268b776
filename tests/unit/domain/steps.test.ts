import { describe, expect, it } from 'vitest';
import { completeSteps, runSteps } from '@/lib/domain/steps';

function* counting(to: number, log: string[]): Generator<number, string> {
  for (let i = 1; i <= to; i++) {
    log.push(`step ${i}`);
    yield i;
  }
  return 'done';
}

describe('steps', () => {
  it('completeSteps runs them to their end at once', () => {
    const log: string[] = [];
    expect(completeSteps(counting(3, log))).toBe('done');
    expect(log).toEqual(['step 1', 'step 2', 'step 3']);
  });

  it('runSteps lets other work in between slices, and reports every step', async () => {
    const log: string[] = [];
    const reported: number[] = [];
    setTimeout(() => log.push('other work'), 0);
    // A slice of no time: other work gets in after every step.
    expect(await runSteps(counting(3, log), (n) => reported.push(n), 0)).toBe('done');
    expect(log).toEqual(['step 1', 'other work', 'step 2', 'step 3']);
    expect(reported).toEqual([1, 2, 3]);
  });
});
