// Removes every <tierkit-badge> this content script did not make. A page that copies a badged row
// (cloneNode keeps the host and its attributes, aria-label included, and drops its shadow root) would
// otherwise show an empty copy next to whoever the copied row names, and read it to screen readers as
// "… subscriber"; one the page planted would pass for a badge. The badge features only ever count
// their own (see badge-set.ts), so nothing else keeps or updates such an element.
import { BADGE_TAG } from '../badges/badge-element';
import { isOwn } from '../own-nodes';
import type { Feature } from '../feature';

const ID = 'foreign-badges';

export function createForeignBadges(): Feature {
  return {
    id: ID,
    // Wherever badges show.
    pages: ['video', 'feed', 'live', 'profile'],
    start(context) {
      const stop = context.observer.watch(ID, {
        selector: BADGE_TAG,
        onMatch(badges) {
          for (const badge of badges) if (!isOwn(badge)) badge.remove();
        },
      });
      context.signal.addEventListener('abort', stop, { once: true });
    },
  };
}
