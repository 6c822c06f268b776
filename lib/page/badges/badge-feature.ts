// What every badge feature does in a page view: watch its elements, show each one's badges, check that
// its container shows up, and take everything away when the view ends.
import { createGuard, type WatchOptions } from '../observer';
import { watchContainer, type ExpectedContainer } from '../diagnostics';
import type { FeatureContext } from '../features/feature';
import { createBadgeSet, type BadgeSetEnvironment, type Placement } from './badge-set';

/** Shared by every badge feature of the content script: one lookup client, one work queue. */
export type BadgeServices = BadgeSetEnvironment;

export interface BadgeWatch extends Pick<WatchOptions, 'attributes' | 'characterData' | 'within'> {
  /** The elements whose names get badges (see selectors.ts). */
  selector: string;
  /**
   * Where this element's badges go and whose name they are for, as the element shows it now; null for
   * none. Read again whenever the page changes what `attributes`, `characterData` and `within` say
   * may change it: the badges follow (see `keyOf`).
   */
  place: (element: Element) => Placement | null;
  /** The container every page of this kind has; absent: the feature checks none on this page. */
  container?: ExpectedContainer;
}

/** A number for each element a badge follows, so that a key can tell two elements apart. */
const elementIds = new WeakMap<Element, number>();
let lastElementId = 0;
function idOf(element: Element): number {
  let id = elementIds.get(element);
  if (id === undefined) elementIds.set(element, (id = ++lastElementId));
  return id;
}

/**
 * What a watched element's badges are for: whose name, for which creator, after which element. Every
 * badge is keyed by it, so a row whose nodes the page reuses for someone else (or whose link it
 * replaces) is shown again, and one that still shows the same is left alone.
 */
const keyOf = (placement: Placement | null) =>
  placement ? `${placement.kind}\n${placement.name}\n${placement.creator ?? ''}\n${idOf(placement.after)}` : '';

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
  // The placement each key was made of, for the batch that hands the element over: read once.
  const placements = new WeakMap<Element, Placement | null>();
  const { place, container, ...observed } = watch;
  const stop = context.observer.watch(feature, {
    ...observed,
    key(element) {
      const placement = place(element);
      placements.set(element, placement);
      return keyOf(placement);
    },
    onMatch(elements) {
      for (const element of elements) guard(feature, () => badges.show(element, placements.get(element) ?? null));
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
