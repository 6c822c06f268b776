// Thousands of badges are inserted in chunks, the page getting the thread back in between.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BADGE_TAG } from '@/lib/page/badges/badge-element';
import { createWorkQueue, PER_FRAME } from '@/lib/page/badges/work-queue';
import { badgesIn, fakeBackground, openPage, type BadgePage, type FakeSubscriber } from './fake-roster';
import { loadFixture } from './helpers';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A clock that moves only when a job says it took time. */
function fakeClock() {
  let now = 0;
  const spy = vi.spyOn(performance, 'now').mockImplementation(() => now);
  return {
    take: (ms: number) => void (now += ms),
    restore: () => spy.mockRestore(),
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

describe('the work queue', () => {
  it('runs a small batch in one microtask, before the frame paints', async () => {
    const yields = manualYields();
    const queue = createWorkQueue({ yieldToPage: yields.yieldToPage });
    const done: number[] = [];
    for (let i = 0; i < 10; i++) queue.push(() => done.push(i));
    expect(done).toEqual([]);
    await Promise.resolve();
    expect(done).toHaveLength(10);
    expect(yields.waiting).toBe(0);
  });

  it('by default runs for 30 ms, and goes on only after the page has rendered a frame', async () => {
    const frames: FrameRequestCallback[] = [];
    const raf = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    const clock = fakeClock();
    try {
      const queue = createWorkQueue();
      const done: number[] = [];
      for (let i = 0; i < 40; i++) {
        queue.push(() => {
          done.push(i);
          clock.take(1);
        });
      }
      await Promise.resolve();
      expect(done).toHaveLength(30);
      // No frame yet: nothing more, even after other tasks.
      await settle();
      expect(done).toHaveLength(30);
      expect(frames).toHaveLength(1);
      frames.shift()!(0);
      await settle();
      expect(done).toHaveLength(40);
    } finally {
      raf.mockRestore();
      clock.restore();
    }
  });

  it('ends a chunk at its time budget or its even share of perFrame jobs, yielding in between, in order', async () => {
    const yields = manualYields();
    const queue = createWorkQueue({ budgetMs: 5, perFrame: 300, yieldToPage: yields.yieldToPage });
    const clock = fakeClock();
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
    const done: number[] = [];
    try {
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
    } finally {
      clock.restore();
    }
  });

  it(`by default puts at most ${PER_FRAME} in a frame, in even chunks`, async () => {
    const yields = manualYields();
    const queue = createWorkQueue({ yieldToPage: yields.yieldToPage });
    const done: number[] = [];
    for (let i = 0; i < PER_FRAME + 10; i++) queue.push(() => done.push(i));
    await Promise.resolve();
    expect(done).toHaveLength(Math.ceil((PER_FRAME + 10) / 2));
    yields.next();
    expect(done).toEqual(Array.from({ length: PER_FRAME + 10 }, (_, i) => i));
  });

  it('keeps a failing job from stopping the others, logging it once', async () => {
    const log = vi.fn();
    const queue = createWorkQueue({ log });
    const done: number[] = [];
    for (let i = 0; i < 4; i++) {
      queue.push(() => {
        if (i % 2) throw new Error('boom');
        done.push(i);
      });
    }
    await settle();
    expect(done).toEqual([0, 2]);
    expect(log).toHaveBeenCalledTimes(1);
  });

  it('yields with a MessageChannel task by default', async () => {
    const clock = fakeClock();
    try {
      const queue = createWorkQueue({ budgetMs: 10 });
      const done: number[] = [];
      for (let i = 0; i < 5; i++) {
        queue.push(() => {
          done.push(i);
          clock.take(6);
        });
      }
      await Promise.resolve();
      expect(done).toEqual([0, 1]);
      await vi.waitFor(() => expect(done).toHaveLength(5));
    } finally {
      clock.restore();
    }
  });
});

describe('badging thousands of comments', () => {
  let page: BadgePage | undefined;
  afterEach(() => page?.close());

  it('inserts the badges of 5,000 comments in chunks of at most 30 ms, each name looked up once', async () => {
    const COMMENTS = 5000;
    const roster: FakeSubscriber[] = [];
    for (let i = 0; i < COMMENTS; i += 3) {
      roster.push({ id: `s${i}`, creator: 'mara.sings', handle: `fan_${i}`, tier: 'Gold', since: '2025-01-01', months: 9, level: 1 });
    }
    const background = await fakeBackground(roster);
    const doc = loadFixture('video-2025');
    const list = doc.querySelector('[class*="DivCommentListContainer"]')!;
    const template = list.querySelector('[class*="DivCommentObjectWrapper"]:last-child')!;
    list.replaceChildren();
    for (let i = 0; i < COMMENTS; i++) {
      const thread = template.cloneNode(true) as Element;
      thread.querySelector('a')!.setAttribute('href', `/@Fan_${i}`);
      list.append(thread);
    }
    const yields = manualYields();
    page = openPage('https://www.tiktok.com/@mara.sings/video/7401234567890123457', doc, background.send, {
      yieldToPage: yields.yieldToPage,
    });
    await page.idle();
    // A clock on which inserting a badge takes 0.25 ms: a 30 ms chunk holds 120 of them.
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now);
    const after = Element.prototype.after;
    Element.prototype.after = function (this: Element, ...nodes: (Node | string)[]) {
      now += 0.25;
      after.apply(this, nodes);
    };
    try {
      // The answers are in and the first chunk has run: count what each later chunk inserts.
      expect(doc.querySelectorAll(BADGE_TAG).length).toBeGreaterThan(0);
      const counts = [doc.querySelectorAll(BADGE_TAG).length];
      while (yields.waiting > 0) {
        yields.next();
        await Promise.resolve();
        counts.push(doc.querySelectorAll(BADGE_TAG).length);
      }
      expect(counts.at(-1)).toBe(1667);
      const sizes = counts.slice(1).map((count, i) => count - counts[i]!);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(121);
      expect(sizes.length).toBeGreaterThan(10);
    } finally {
      Element.prototype.after = after;
      clock.mockRestore();
    }
    expect(background.lookups().map((l) => l.handles.length)).toEqual([2000, 2000, 1000]);
    expect(new Set(badgesIn(doc)).size).toBe(1667);
  });
});
