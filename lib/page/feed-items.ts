// Who a For You feed item is by: shared by the feed's badges and by the comments opened from an item.
import { handleOfLink, handleOfText } from './badges/names';
import { feedSelectors as f, videoSelectors as v } from './selectors';

/** Where an item names its author: the handle text's link (or the text itself), else the avatar link. */
export function feedAuthorOf(item: Element): { handle: string; shownBy: Element } | null {
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
  return item ? (feedAuthorOf(item)?.handle ?? null) : null;
}
