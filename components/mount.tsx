import { render, type ComponentType } from 'preact';
import { useLayoutEffect } from 'preact/hooks';
import { language, snapshot, startAppState, startupProblems } from './app-state';
import { Problems } from './Problems';
import { t } from '@/lib/i18n';

function Root({ App }: { App: ComponentType }) {
  if (!snapshot.value) {
    return startupProblems.value.length ? (
      <main class="startup">
        <Problems problems={startupProblems.value} />
      </main>
    ) : null;
  }
  // Keyed on the language: a change of language renders every string again.
  return <App key={language.value} />;
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

/** Starts the shared state and renders a page's app into #app. */
export async function mountApp(App: ComponentType): Promise<void> {
  const container = document.getElementById('app')!;
  document.title = t('app.name');
  render(
    <>
      <Root App={App} />
      <FirstRenderMark />
    </>,
    container,
  );
  await startAppState();
}
