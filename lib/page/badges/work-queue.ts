// DOM work done in chunks: thousands of badges at once (a long comment list, a roster change) must not
// make one long task that freezes the page. The first chunk runs in a microtask (so badges for a batch
// land before the frame paints); when more is left, the page gets the thread back between chunks.
// A chunk is bounded by time rather than by count, at half the 50 ms a task may take before the page
// feels stuck: on a long page every frame in between costs a walk of the whole page (pre-paint,
// compositing inputs), more than a chunk of badges, so chunks are as large as that allows.
import { createGuard } from '../observer';

export interface WorkQueue {
  push(job: () => void): void;
}

export interface WorkQueueOptions {
  /** A chunk ends after this long. */
  budgetMs?: number;
  /** Jobs per chunk at most (unbounded by default: the time budget decides). */
  chunkSize?: number;
  /** Runs the next chunk in a later task. */
  yieldToPage?: (next: () => void) => void;
  log?: (message: string, error: unknown) => void;
}

/** A task as soon as possible: a MessageChannel message is not clamped like nested timeouts. */
function messageChannelYield(): (next: () => void) => void {
  const channel = new MessageChannel();
  let queued: (() => void)[] = [];
  channel.port1.onmessage = () => {
    const run = queued;
    queued = [];
    for (const next of run) next();
  };
  return (next) => {
    queued.push(next);
    if (queued.length === 1) channel.port2.postMessage(null);
  };
}

export function createWorkQueue(options: WorkQueueOptions = {}): WorkQueue {
  const chunkSize = options.chunkSize ?? Number.POSITIVE_INFINITY;
  const budgetMs = options.budgetMs ?? 25;
  let yieldToPage = options.yieldToPage;
  const guard = createGuard(options.log ?? ((message, error) => console.error(message, error)));
  let jobs: (() => void)[] = [];
  let next = 0;
  let scheduled = false;

  function run() {
    scheduled = false;
    const start = performance.now();
    let done = 0;
    while (next < jobs.length) {
      const job = jobs[next]!;
      next++;
      guard('badges', job);
      if (++done >= chunkSize || performance.now() - start >= budgetMs) break;
    }
    if (next < jobs.length) {
      scheduled = true;
      yieldToPage ??= messageChannelYield();
      yieldToPage(run);
    } else {
      jobs = [];
      next = 0;
    }
  }

  return {
    push(job) {
      jobs.push(job);
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(run);
    },
  };
}
