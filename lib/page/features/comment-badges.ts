// Badges next to the authors of comments and replies: on a video page, for the creator whose video it
// is; in the feed, for comments opened inside an item, for that item's author. The handle comes from
// the author's `/@handle` link; @mentions in the comment text are links too, and never badged. React
// reuses a comment's nodes for another author (the link's href and the name change, the elements
// stay): the badges follow the link, and in the feed the item's author too.
import { startBadges, type BadgeServices } from '../badges/badge-feature';
import type { Placement } from '../badges/badge-set';
import { handleOfLink } from '../badges/names';
import { feedSelectors as f, videoSelectors as v } from '../selectors';
import type { Feature, FeatureContext } from '../feature';
import { feedItemAuthor } from '../feed-items';

const ID = 'comment-badges';
const AUTHORS = `${v.commentAuthor}, ${v.replyAuthor}`;

/**
 * The author's link: inside the name (2024-26) or around it (2022-23). Never a mention: those are in
 * the comment's text, which neither holds nor is held by the author's name.
 */
export function commentAuthorLink(name: Element): Element | null {
  return name.querySelector(v.handleLink) ?? name.closest(v.handleLink);
}

function placement(context: FeatureContext, name: Element): Placement | null {
  const link = commentAuthorLink(name);
  const handle = handleOfLink(link);
  if (!link || !handle) return null;
  const creator = context.route.kind === 'video' ? context.route.handle : feedItemAuthor(name);
  return creator ? { after: link, kind: 'handle', name: handle, creator } : null;
}

export function createCommentBadges(services: BadgeServices, doc: Document = document): Feature {
  return {
    id: ID,
    pages: ['video', 'feed'],
    start: (context) =>
      startBadges(context, services, ID, doc, {
        selector: AUTHORS,
        place: (name) => placement(context, name),
        attributes: ['href'],
        ...(context.route.kind === 'feed' ? { within: f.item } : {}),
        // The feed's own check is its items (feed-author-badges).
        ...(context.route.kind === 'video' ? { container: { selector: v.commentList } } : {}),
      }),
  };
}
