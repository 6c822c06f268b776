// Pages from tests/fixtures/pages in happy-dom, and animation frames the test runs by hand.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/pages');

export type FixtureName =
  | 'profile-own-2025'
  | 'profile-own-2022'
  | 'profile-other-2025'
  | 'profile-other-2022'
  | 'profile-private-2025'
  | 'profile-not-found-2025'
  | 'video-2025'
  | 'video-2022'
  | 'live-2025'
  | 'live-2024'
  | 'foryou-2025'
  | 'foryou-2022';

export function fixtureHtml(name: FixtureName): string {
  return readFileSync(join(fixtures, `${name}.html`), 'utf8');
}

export function loadFixture(name: FixtureName): Document {
  return new DOMParser().parseFromString(fixtureHtml(name), 'text/html');
}

/** Puts the window at `url`, as if the browser had loaded it. */
export function setUrl(url: string) {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
}

// Taken before any test fakes timers: waiting for the page must work while a test holds timers back.
const realSetTimeout = globalThis.setTimeout;

/** Lets MutationObserver records arrive (happy-dom delivers them after the current task). */
export const settle = () => new Promise((resolve) => realSetTimeout(resolve, 0));

/**
 * Lets the page run until `check` passes, for at most `turns` turns of the event loop (a count, not a
 * time: what the page does in a turn does not depend on the machine's speed), then fails with the
 * check's own error.
 */
export async function eventually(check: () => void, turns = 50): Promise<void> {
  for (let turn = 0; ; turn++) {
    try {
      check();
      return;
    } catch (error) {
      if (turn >= turns) throw error;
    }
    await settle();
  }
}

/** An animation-frame scheduler the test advances with `frame()`. */
export function manualFrames() {
  let queued: (() => void)[] = [];
  return {
    schedule(run: () => void) {
      queued.push(run);
      return () => {
        queued = queued.filter((r) => r !== run);
      };
    },
    /** How many batches are waiting for a frame. */
    get pending() {
      return queued.length;
    },
    /** Delivers pending mutation records, then runs one frame. */
    async frame() {
      await settle();
      const run = queued;
      queued = [];
      for (const r of run) r();
    },
  };
}
