// DOM work done in chunks: thousands of badges at once (a long comment list, a roster change) must not
// make one long task that freezes the page. The first chunk runs in a microtask (so the badges of a
// small batch land before the frame paints); when more is left, the next chunk waits until the page
// has rendered a frame, then runs in a task of its own. A chunk ends after CHUNK_SIZE jobs or the time
// budget. The size is set by the browser's work, not ours: the style and layout that follow 1,667
// badges inserted at once took one 87 ms task on a 5,000-comment page (bench); 800 a frame keep every
// task under 50 ms, for two more frames in all.
import { createGuard } from '../observer';

export interface WorkQueue {
  push(job: () => void): void;
}

/** Badges inserted per frame at most (see above). */
export const CHUNK_SIZE = 800;

export interface WorkQueueOptions {
  /** A chunk ends after this long. */
  budgetMs?: number;
  /** Jobs per chunk at most. */
  chunkSize?: number;
  /** Runs the next chunk later: by default in a task right after the next frame. */
  yieldToPage?: (next: () => void) => void;
  log?: (message: string, error: unknown) => void;
}

/**
 * The next frame, then a task as soon as possible: the frame renders the chunk before; a MessageChannel
 * message is not clamped like nested timeouts. Background tabs get no frames: a timeout stands in.
 */
function afterNextFrame(): (next: () => void) => void {
  const channel = new MessageChannel();
  let queued: (() => void)[] = [];
  channel.port1.onmessage = () => {
    const run = queued;
    queued = [];
    for (const next of run) next();
  };
  return (next) => {
    queued.push(next);
    if (queued.length > 1) return;
    let posted = false;
    const post = () => {
      if (posted) return;
      posted = true;
      clearTimeout(timer);
      channel.port2.postMessage(null);
    };
    const timer = setTimeout(post, 250);
    requestAnimationFrame(post);
  };
}

export function createWorkQueue(options: WorkQueueOptions = {}): WorkQueue {
  const chunkSize = options.chunkSize ?? CHUNK_SIZE;
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
      yieldToPage ??= afterNextFrame();
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
