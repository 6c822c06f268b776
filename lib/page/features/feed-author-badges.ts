// Badges next to each For You item's author, for every creator Tierkit knows whose subscriber the author
// is (the feed has no single creator): one badge per creator, each naming its creator. Items are
// recycled as the feed scrolls, so an item is looked at again when its author changes.
import { startBadges, type BadgeServices } from '../badges/badge-feature';
import type { Placement } from '../badges/badge-set';
import { feedAuthorOf } from '../feed-items';
import { feedSelectors as f } from '../selectors';
import type { Feature } from '../feature';

const ID = 'feed-author-badges';

function placement(item: Element): Placement | null {
  const author = feedAuthorOf(item);
  return author ? { after: author.shownBy, kind: 'handle', name: author.handle } : null;
}

export function createFeedAuthorBadges(services: BadgeServices, doc: Document = document): Feature {
  return {
    id: ID,
    pages: ['feed'],
    start: (context) =>
      startBadges(context, services, ID, doc, {
        selector: f.item,
        attributes: ['href'],
        place: placement,
        container: { selector: f.item },
      }),
  };
}
