// DOM work done in chunks: thousands of badges at once (a long comment list, a roster change) must not
// make one long task that freezes the page. The first chunk runs in a microtask (so the badges of a
// small batch land before the frame paints); when more is left, the next chunk waits until the page
// has rendered a frame, then runs in a task of its own. Two limits end a chunk:
// - time: our own work stops after its budget;
// - count: the browser's style and layout of what we insert come after our task, in the frame's own
//   task. On a 5,000-comment page that frame took 75-85 ms for 1,667 badges at once; in halves of 834
//   it still reached 68 ms in one pass of 14; in thirds (at most PER_FRAME = 700) it stayed under
//   50 ms in all. Chunks are made even (1,667 as 556 + 556 + 555, not 700 + 700 + 267): each frame
//   lays the whole list out again, so no frame is spent on a small remainder (bench).
import { createGuard } from '../observer';

export interface WorkQueue {
  push(job: () => void): void;
}

/** Jobs (badges inserted) a frame at most; see above. */
export const PER_FRAME = 700;

export interface WorkQueueOptions {
  /** A chunk ends when it has run this long. */
  budgetMs?: number;
  /** Jobs a chunk at most, split evenly over the chunks needed. */
  perFrame?: number;
  /** Runs the next chunk later: by default in a task right after the next frame. */
  yieldToPage?: (next: () => void) => void;
  /** A clock in ms (performance.now by default). */
  now?: () => number;
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
  const budgetMs = options.budgetMs ?? 30;
  const perFrame = options.perFrame ?? PER_FRAME;
  const now = options.now ?? (() => performance.now());
  let yieldToPage = options.yieldToPage;
  const guard = createGuard(options.log ?? ((message, error) => console.error(message, error)));
  let jobs: (() => void)[] = [];
  let next = 0;
  let scheduled = false;

  function run() {
    scheduled = false;
    const start = now();
    const left = jobs.length - next;
    const end = next + Math.ceil(left / Math.ceil(left / perFrame));
    while (next < end) {
      const job = jobs[next]!;
      next++;
      guard('badges', job);
      if (now() - start >= budgetMs) break;
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
