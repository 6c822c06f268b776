// What every badge feature does in a page view: watch its elements, show each one's badges, check that
// its container shows up, and take everything away when the view ends.
import { createGuard, type WatchOptions } from '../observer';
import { watchContainer, type ExpectedContainer } from '../diagnostics';
import type { FeatureContext } from '../feature';
import { createBadgeSet, samePlacement, type BadgeSetEnvironment, type Placement } from './badge-set';

/** Shared by every badge feature of the content script: one lookup client, one work queue. */
export type BadgeServices = BadgeSetEnvironment;

export interface BadgeWatch extends Pick<WatchOptions, 'attributes' | 'characterData' | 'within'> {
  /** The elements whose names get badges (see selectors.ts). */
  selector: string;
  /**
   * Where this element's badges go and whose name they are for, as the element shows it now; null for
   * none. It is the element's key: read again whenever the page changes what `attributes`,
   * `characterData` and `within` say may change it, and when the name, the creator or the element the
   * badges follow is another, the badges follow (a row whose nodes the page reuses for someone else, a
   * link it replaces); when not, nothing is done.
   */
  place: (element: Element) => Placement | null;
  /** The container every page of this kind has; absent: the feature checks none on this page. */
  container?: ExpectedContainer;
}

/** What a person does when they come back to a page or move on it. */
const RETURN_EVENTS = ['visibilitychange', 'scroll', 'pointerdown'] as const;

/**
 * A view can stay open long after its names were asked (a person reading, a tab left in the
 * background), and Chrome stops an idle service worker after 30 s: the next names would wait for it
 * to read the roster again (about 1 s for 100,000 subscribers). When the person comes back to the tab
 * or scrolls or clicks in it, the roster is warmed up ahead of the names that follow; `warm` sends
 * nothing while the background was asked anything lately, so this costs a clock read per event.
 */
function wakeOnReturn(context: FeatureContext, services: BadgeServices, doc: ParentNode): void {
  const page = 'visibilityState' in doc ? (doc as Document) : (doc as Node).ownerDocument;
  if (!page) return;
  const wake = () => {
    if (page.visibilityState !== 'hidden') services.roster.warm();
  };
  // Capture: a scroll inside TikTok's own scrollers does not bubble.
  for (const type of RETURN_EVENTS) page.addEventListener(type, wake, { capture: true, passive: true, signal: context.signal });
}

export function startBadges(
  context: FeatureContext,
  services: BadgeServices,
  feature: string,
  doc: ParentNode,
  watch: BadgeWatch,
  log: (message: string, error: unknown) => void = (message, error) => console.error(message, error),
): void {
  if (context.signal.aborted) return;
  services.roster.warm();
  wakeOnReturn(context, services, doc);
  const badges = createBadgeSet(services);
  // One odd element must not keep the rest of its batch from their badges.
  const guard = createGuard(log);
  const { place, container, ...observed } = watch;
  const stop = context.observer.watch<Placement | null>(feature, {
    ...observed,
    key: place,
    sameKey: samePlacement,
    onMatch(elements, placements) {
      for (let i = 0; i < elements.length; i++) guard(feature, () => badges.show(elements[i]!, placements[i] ?? null));
    },
  });
  context.signal.addEventListener(
    'abort',
    () => {
      stop();
      badges.dispose();
    },
    { once: true },
  );
  if (container) watchContainer(context, feature, doc, container);
}
