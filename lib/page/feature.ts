// A feature is one file (as in Refined GitHub): it declares the page kinds it serves and starts on
// each view of such a page. The runner starts features when the page view changes and stops them
// (through `signal`) when the view ends or the extension goes away.
import type { PageObserver } from './observer';
import type { Send } from './messages';
import type { PageKind, Route } from '../parsers/tiktok-routes';

/** One page view: a URL whose route differs from the previous one starts a new view. */
export interface PageView {
  route: Route;
  url: string;
  /**
   * True while this is the page the browser loaded, with no single-page navigation since: only then
   * does the JSON TikTok embeds in the page describe what is shown.
   */
  firstView: boolean;
}

export interface FeatureContext extends PageView {
  observer: PageObserver;
  send: Send;
  /** Aborts when the view ends: stop work and drop what the feature added. */
  signal: AbortSignal;
}

export interface Feature {
  id: string;
  pages: readonly PageKind[];
  start(context: FeatureContext): void;
}
