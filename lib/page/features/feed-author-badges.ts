// Badges next to each For You item's author, for every creator Tierkit knows whose subscriber the author
// is (the feed has no single creator): one badge per creator, each naming its creator. Items are
// recycled as the feed scrolls, so an item is looked at again when its author changes.
import { startBadges, type BadgeServices } from '../badges/badge-feature';
import type { Placement } from '../badges/badge-set';
import { handleOfLink, handleOfText } from '../badges/names';
import { feedSelectors as f, videoSelectors as v } from '../selectors';
import type { Feature } from './feature';

const ID = 'feed-author-badges';

/** Where an item names its author: the handle text's link (or the text itself), else the avatar link. */
function authorOf(item: Element): { handle: string; shownBy: Element } | null {
  const name = item.querySelector(f.authorName);
  if (name) {
    const link = name.closest(v.handleLink) ?? name.querySelector(v.handleLink);
    const handle = handleOfLink(link) ?? handleOfText(name.textContent);
    if (handle) return { handle, shownBy: link ?? name };
  }
  const avatar = item.querySelector(f.authorAvatar);
  const handle = handleOfLink(avatar);
  return avatar && handle ? { handle, shownBy: avatar } : null;
}

/** The author of the feed item `element` is in, if it is in one. */
export function feedItemAuthor(element: Element): string | null {
  const item = element.closest(f.item);
  return item ? (authorOf(item)?.handle ?? null) : null;
}

function placement(item: Element): Placement | null {
  const author = authorOf(item);
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
