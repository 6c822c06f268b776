// Starts the features that serve the current page view and restarts them on single-page navigation.
import type { Feature, PageView } from './feature';
import type { Send } from './messages';
import { createGuard, type PageObserver } from './observer';
import { routeKey, routeOf } from '../parsers/tiktok-routes';

export interface RunnerEnvironment {
  observer: PageObserver;
  send: Send;
  location?: Pick<Location, 'href'>;
  log?: (message: string, error: unknown) => void;
}

export interface FeatureRunner {
  /** The current page view. */
  view(): PageView;
  stop(): void;
}

export function runFeatures(features: readonly Feature[], env: RunnerEnvironment): FeatureRunner {
  const location = env.location ?? window.location;
  const guard = createGuard(env.log ?? ((message, error) => console.error(message, error)));
  let view: PageView = { url: location.href, route: routeOf(location.href), firstView: true };
  let viewEnded = new AbortController();

  function startView() {
    for (const feature of features) {
      if (!feature.pages.includes(view.route.kind)) continue;
      guard(feature.id, () =>
        feature.start({ ...view, observer: env.observer, send: env.send, signal: viewEnded.signal }),
      );
    }
  }

  const stopNavigation = env.observer.onNavigate((url) => {
    const route = routeOf(url);
    if (routeKey(route) === routeKey(view.route)) {
      view = { ...view, url };
      return;
    }
    viewEnded.abort();
    viewEnded = new AbortController();
    view = { url, route, firstView: false };
    startView();
  });
  startView();

  return {
    view: () => view,
    stop() {
      stopNavigation();
      viewEnded.abort();
    },
  };
}
