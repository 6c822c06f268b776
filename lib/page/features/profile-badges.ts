// Badges in a profile's header, next to its title, for every creator Tierkit knows whose subscriber
// this person is (one badge per creator, each naming its creator). After a single-page navigation the
// previous profile's header may show for a moment: badges wait until the header shows this handle, and
// go when it shows someone else (layouts disagree whether the title or the subtitle holds the handle).
import { startBadges, type BadgeServices } from '../badges/badge-feature';
import { handleOfText } from '../badges/names';
import { profileSelectors as p } from '../selectors';
import type { Feature } from '../feature';

const ID = 'profile-badges';

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
        // The header is rewritten in place when the profile changes (even with nothing else changing):
        // looked at again whenever its text does.
        characterData: true,
        place: (title) => (headerShows(doc, handle) ? { after: title, kind: 'handle', name: handle } : null),
        container: { selector: p.userTitle, unless: p.errorContainer },
      });
    },
  };
}
