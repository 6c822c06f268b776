import { render, type ComponentType } from 'preact';
import { useLayoutEffect } from 'preact/hooks';
import { snapshot, startAppState, startupProblems } from './app-state';
import { Problems } from './Problems';
import { UnpublishedNotice } from './UnpublishedNotice';
import type { Area } from '@/lib/i18n';

/**
 * A page's app once the workspace is known. Not keyed on the language: every component that shows text
 * follows the language itself (components/app-state.ts), so a change of language renders the page
 * again where it stands, and a file chosen or a form half filled stays.
 */
export function Root({ App }: { App: ComponentType }) {
  if (!snapshot.value) {
    return startupProblems.value.length ? (
      <main class="startup">
        <Problems problems={startupProblems.value} />
      </main>
    ) : null;
  }
  return (
    <>
      <UnpublishedNotice />
      <App />
    </>
  );
}

/** Marks the first render with data, for `npm run bench` (performance.getEntriesByName). */
function FirstRenderMark() {
  // Read in render, not only in the effect: that subscribes this component, so it renders again (after
  // Root, its earlier sibling) when the snapshot arrives.
  const loaded = snapshot.value !== null;
  useLayoutEffect(() => {
    if (loaded && !performance.getEntriesByName('tierkit:first-render').length) {
      performance.mark('tierkit:first-render');
    }
  }, [loaded]);
  return null;
}

/**
 * Starts the shared state, with the messages of `areas` in the page's language, and renders a page's
 * app into #app. Resolves to the stop (tests unmount with it).
 */
export async function mountApp(App: ComponentType, areas: readonly Area[]): Promise<() => void> {
  const container = document.getElementById('app')!;
  render(
    <>
      <Root App={App} />
      <FirstRenderMark />
    </>,
    container,
  );
  const stop = await startAppState(areas);
  return () => {
    stop();
    render(null, container);
  };
}
