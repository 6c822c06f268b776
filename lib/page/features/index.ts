// The features the content script runs, each in its own file.
import type { BadgeServices } from '../badges/badge-feature';
import { createCommentBadges } from './comment-badges';
import type { Feature } from '../feature';
import { createFeedAuthorBadges } from './feed-author-badges';
import { createForeignBadges } from './foreign-badges';
import { createLiveChatBadges } from './live-chat-badges';
import { createOwnProfileCapture } from './own-profile-capture';
import { createProfileBadges } from './profile-badges';

export function pageFeatures(badges: BadgeServices): Feature[] {
  return [
    createOwnProfileCapture(),
    createCommentBadges(badges),
    createLiveChatBadges(badges),
    createFeedAuthorBadges(badges),
    createProfileBadges(badges),
    createForeignBadges(),
  ];
}
