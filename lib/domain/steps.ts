// Long checks (a backup of 200,000 subscribers takes seconds) are generators that yield between
// batches: the options page and the background run them a slice of time at a time, so the page stays
// responsive and the background keeps answering; tests and small inputs run them at once.

/** Runs the steps to their end at once. */
export function completeSteps<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Runs the steps, letting other work in after every `sliceMs` of them; reports what each step yields. */
export async function runSteps<T, Y>(steps: Generator<Y, T>, onStep?: (value: Y) => void, sliceMs = 25): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    onStep?.(next.value);
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
  }
}
