// Badges in a profile's header, next to its title, for every creator Tierkit knows whose subscriber
// this person is (one badge per creator, each naming its creator). After a single-page navigation the
// previous profile's header may show for a moment: badges wait until the header shows this handle.
import { startBadges, type BadgeServices } from '../badges/badge-feature';
import { handleOfText } from '../badges/names';
import { CONTAINER_WAIT_MS } from '../diagnostics';
import { profileSelectors as p } from '../selectors';
import type { Feature } from './feature';

const ID = 'profile-badges';

/** The header's handle and nickname texts (layouts disagree which one holds the handle). */
const headerText = (doc: Document) =>
  [p.userTitle, p.userSubtitle].map((selector) => doc.querySelector(selector)?.textContent ?? '').join('\n');

const headerShows = (doc: Document, handle: string) =>
  [p.userTitle, p.userSubtitle].some((selector) => handleOfText(doc.querySelector(selector)?.textContent) === handle);

export function createProfileBadges(services: BadgeServices, doc: Document = document): Feature {
  return {
    id: ID,
    pages: ['profile'],
    start(context) {
      if (context.route.kind !== 'profile') return;
      const handle = context.route.handle;
      startBadges(context, services, ID, doc, {
        selector: p.userTitle,
        // The header is rewritten in place when the profile changes: looked at again when its text does.
        key: () => headerText(doc),
        place: (title) => (headerShows(doc, handle) ? { after: title, kind: 'handle', name: handle } : null),
        container: { selector: p.userTitle, unless: p.errorContainer },
      });
      // While the header still shows someone else, text changes are observed (the observer does so
      // while anyone waits), so the watch above sees the header change in place.
      void context.observer.waitFor(ID, () => headerShows(doc, handle) || null, CONTAINER_WAIT_MS, context.signal);
    },
  };
}
