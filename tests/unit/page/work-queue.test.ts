// Thousands of badges are inserted in chunks, the page getting the thread back in between. Time is
// the queue's injected clock, which moves only when a test says a job took time: what these tests see
// does not depend on how fast the machine runs them (timings are measured in `npm run bench`).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BADGE_TAG } from '@/lib/page/badges/badge-element';
import { createWorkQueue, PER_FRAME } from '@/lib/page/badges/work-queue';
import { badgesIn, fakeBackground, openPage, type BadgePage, type FakeSubscriber } from './fake-roster';
import { eventually, loadFixture, settle } from './helpers';

/** A clock that moves only when a job says it took time. */
function fakeClock() {
  let time = 0;
  return {
    now: () => time,
    take: (ms: number) => void (time += ms),
  };
}

/** Yields the test releases one at a time. */
function manualYields() {
  const waiting: (() => void)[] = [];
  return {
    yieldToPage: (next: () => void) => void waiting.push(next),
    get waiting() {
      return waiting.length;
    },
    next() {
      waiting.shift()?.();
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the work queue', () => {
  it('runs a small batch in one microtask, before the frame paints', async () => {
    const yields = manualYields();
    const queue = createWorkQueue({ yieldToPage: yields.yieldToPage, now: fakeClock().now });
    const done: number[] = [];
    for (let i = 0; i < 10; i++) queue.push(() => done.push(i));
    expect(done).toEqual([]);
    await Promise.resolve();
    expect(done).toHaveLength(10);
    expect(yields.waiting).toBe(0);
  });

  it('by default ends a chunk at 30 ms by its clock (a fake one here), and goes on only after the page has rendered a frame', async () => {
    // The timeout that stands in for frames in a background tab is held back: only the frame counts.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    const clock = fakeClock();
    const queue = createWorkQueue({ now: clock.now });
    const done: number[] = [];
    let last!: () => void;
    const finished = new Promise<void>((resolve) => (last = resolve));
    for (let i = 0; i < 40; i++) {
      queue.push(() => {
        done.push(i);
        clock.take(1);
        if (i === 39) last();
      });
    }
    await Promise.resolve();
    expect(done).toHaveLength(30);
    // No frame yet: nothing more, however many turns pass.
    for (let turn = 0; turn < 10; turn++) await settle();
    expect(done).toHaveLength(30);
    expect(frames).toHaveLength(1);
    frames.shift()!(0);
    await finished;
    expect(done).toHaveLength(40);
  });

  it('goes on after a timeout where no frame comes (a tab in the background)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.stubGlobal('requestAnimationFrame', () => 0);
    const clock = fakeClock();
    const queue = createWorkQueue({ budgetMs: 10, now: clock.now });
    const done: number[] = [];
    for (let i = 0; i < 3; i++) {
      queue.push(() => {
        done.push(i);
        clock.take(10);
      });
    }
    await Promise.resolve();
    expect(done).toEqual([0]);
    await vi.advanceTimersByTimeAsync(249);
    expect(done).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1);
    await eventually(() => expect(done).toEqual([0, 1]));
    await vi.advanceTimersByTimeAsync(250);
    await eventually(() => expect(done).toEqual([0, 1, 2]));
  });

  it('ends a chunk at its time budget or its even share of perFrame jobs, yielding in between, in order', async () => {
    const yields = manualYields();
    const clock = fakeClock();
    const queue = createWorkQueue({ budgetMs: 5, perFrame: 300, yieldToPage: yields.yieldToPage, now: clock.now });
    const done: number[] = [];
    const chunks = async () => {
      await Promise.resolve();
      const sizes = [done.length];
      while (yields.waiting > 0) {
        const before = done.length;
        yields.next();
        sizes.push(done.length - before);
      }
      done.length = 0;
      return sizes;
    };
    // 1,000 jobs of no measurable time: four chunks of 250, not three of 300 and one of 100.
    for (let i = 0; i < 1000; i++) queue.push(() => done.push(i));
    expect(await chunks()).toEqual([250, 250, 250, 250]);
    // Jobs of 2 ms: three a chunk.
    for (let i = 0; i < 10; i++) {
      queue.push(() => {
        done.push(i);
        clock.take(2);
      });
    }
    expect(await chunks()).toEqual([3, 3, 3, 1]);
    for (let i = 0; i < 5; i++) queue.push(() => done.push(i));
    await Promise.resolve();
    expect(done).toEqual([0, 1, 2, 3, 4]);
  });

  it(`by default puts at most ${PER_FRAME} in a frame, in even chunks`, async () => {
    const yields = manualYields();
    const queue = createWorkQueue({ yieldToPage: yields.yieldToPage, now: fakeClock().now });
    const done: number[] = [];
    for (let i = 0; i < PER_FRAME + 10; i++) queue.push(() => done.push(i));
    await Promise.resolve();
    expect(done).toHaveLength(Math.ceil((PER_FRAME + 10) / 2));
    yields.next();
    expect(done).toEqual(Array.from({ length: PER_FRAME + 10 }, (_, i) => i));
  });

  it('keeps a failing job from stopping the others, logging it once', async () => {
    const log = vi.fn();
    const queue = createWorkQueue({ log, now: fakeClock().now });
    const done: number[] = [];
    for (let i = 0; i < 4; i++) {
      queue.push(() => {
        if (i % 2) throw new Error('boom');
        done.push(i);
      });
    }
    await Promise.resolve();
    expect(done).toEqual([0, 2]);
    expect(log).toHaveBeenCalledTimes(1);
  });

  it('yields with a MessageChannel task by default', async () => {
    const clock = fakeClock();
    const queue = createWorkQueue({ budgetMs: 10, now: clock.now });
    const done: number[] = [];
    let last!: () => void;
    const finished = new Promise<void>((resolve) => (last = resolve));
    for (let i = 0; i < 5; i++) {
      queue.push(() => {
        done.push(i);
        clock.take(6);
        if (i === 4) last();
      });
    }
    await Promise.resolve();
    expect(done).toEqual([0, 1]);
    await finished;
    expect(done).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('badging a long comment list', () => {
  let page: BadgePage | undefined;
  afterEach(() => page?.close());

  it('inserts the badges in chunks of the time budget, the page rendering in between, each name looked up once', async () => {
    // 150 authors, a third of them subscribers; messages of at most 60 names (the protocol allows
    // 2,000: the same splitting, on a page happy-dom builds quickly).
    const COMMENTS = 150;
    const roster: FakeSubscriber[] = [];
    for (let i = 0; i < COMMENTS; i += 3) {
      roster.push({ id: `s${i}`, creator: 'mara.sings', handle: `fan_${i}`, tier: 'Gold', since: '2025-01-01', months: 9, level: 1 });
    }
    const background = await fakeBackground(roster);
    const doc = loadFixture('video-2025');
    const list = doc.querySelector('[class*="DivCommentListContainer"]')!;
    list.innerHTML = Array.from(
      { length: COMMENTS },
      (_, i) => `<div data-e2e="comment-username-1"><a href="/@Fan_${i}"><p>Fan ${i}</p></a></div>`,
    ).join('');
    // A clock on which each badge job takes 3 ms: a chunk of the default 30 ms budget holds 10.
    let time = 0;
    const yields = manualYields();
    page = openPage('https://www.tiktok.com/@mara.sings/video/7401234567890123457', doc, background.send, {
      yieldToPage: yields.yieldToPage,
      maxNames: 60,
      now: () => (time += 3),
    });
    await page.idle();
    // The answers are in and the first chunk has run: count what each later chunk inserts.
    const counts = [doc.querySelectorAll(BADGE_TAG).length];
    while (yields.waiting > 0) {
      yields.next();
      counts.push(doc.querySelectorAll(BADGE_TAG).length);
    }
    const sizes = counts.map((count, i) => count - (counts[i - 1] ?? 0));
    expect(sizes).toEqual([10, 10, 10, 10, 10]);
    expect(background.lookups().map((l) => l.handles.length)).toEqual([60, 60, 30]);
    expect(new Set(badgesIn(doc)).size).toBe(COMMENTS / 3);
  });
});
