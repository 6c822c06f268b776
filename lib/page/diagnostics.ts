// When TikTok changes its markup, a feature's selectors stop matching and it does nothing, silently.
// Each feature names a container that every page of its kind has; when it has not appeared some time
// after the view started, the background records a diagnostic the options page shows ('missing'), and
// if it appears later in the same view, that it was found after all ('found').
import type { FeatureContext } from './feature';

/** How long a view may take to show its container (TikTok renders after loading its scripts). */
export const CONTAINER_WAIT_MS = 15_000;

export interface ExpectedContainer {
  selector: string;
  /** Shown instead when the page explains the absence itself (an account that does not exist). */
  unless?: string;
}

export function watchContainer(
  context: FeatureContext,
  feature: string,
  doc: ParentNode,
  expected: ExpectedContainer,
  waitMs = CONTAINER_WAIT_MS,
): void {
  const name = `${feature}:container`;
  const report = async (status: 'missing' | 'found') => {
    try {
      await context.send({ type: 'diagnostic.report', feature, page: context.route.kind, selector: expected.selector, status });
    } catch {
      // No background (the extension is being updated): nothing to record it in.
    }
  };
  const present = () =>
    doc.querySelector(expected.selector) ?? (expected.unless ? doc.querySelector(expected.unless) : null);
  void context.observer.waitFor(name, present, waitMs, context.signal).then((found) => {
    if (found || context.signal.aborted) return;
    void report('missing');
    const stop = context.observer.watch(name, {
      selector: expected.selector,
      onMatch: () => {
        stop();
        void report('found');
      },
    });
    context.signal.addEventListener('abort', stop, { once: true });
  });
}
