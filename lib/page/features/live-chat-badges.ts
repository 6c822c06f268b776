// Badges next to LIVE chat senders, for the creator whose LIVE it is: by handle when the message links
// to the sender's profile, else by the nickname (the sender's `title`), marked as a nickname match.
// Since 2025 the chat's slots are rewritten in place: a slot that shows someone else is looked at again
// (its sender's `title` or link changed) and its old badge replaced or removed.
import { startBadges, type BadgeServices } from '../badges/badge-feature';
import type { Placement } from '../badges/badge-set';
import { handleOfLink, nicknameOf } from '../badges/names';
import { liveSelectors as l, videoSelectors as v } from '../selectors';
import type { Feature } from '../feature';

const ID = 'live-chat-badges';

function senderOf(message: Element) {
  const sender = message.querySelector(l.chatSender);
  if (!sender) return null;
  // Around or inside the name, or the avatar's: the message's one profile link (chat text has none).
  const link = message.querySelector(v.handleLink);
  return { sender, link, handle: handleOfLink(link), nickname: nicknameOf(sender.getAttribute('title')) };
}

function placement(message: Element, creator: string): Placement | null {
  const found = senderOf(message);
  if (!found) return null;
  // After the link when the name is inside one: a badge inside TikTok's link would follow it on click.
  const after = found.link?.contains(found.sender) ? found.link : found.sender;
  if (found.handle) return { after, kind: 'handle', name: found.handle, creator };
  return found.nickname ? { after, kind: 'nickname', name: found.nickname, creator } : null;
}

export function createLiveChatBadges(services: BadgeServices, doc: Document = document): Feature {
  return {
    id: ID,
    pages: ['live'],
    start(context) {
      if (context.route.kind !== 'live') return;
      const creator = context.route.handle;
      startBadges(context, services, ID, doc, {
        selector: l.chatMessage,
        attributes: ['title', 'href'],
        place: (message) => placement(message, creator),
        container: { selector: l.chatRoom },
      });
    },
  };
}
