// The popup's line about the month's bonus, loaded with its code when there is a bonus to show.
import type { Messages } from '../../types';

export default {
  'bonus.met': 'Bonus met',
  'bonus.on-track': 'Bonus on track',
  'bonus.risk.followers': { one: 'Bonus at risk: {count} follower to go', other: 'Bonus at risk: {count} followers to go' },
  'bonus.risk.video-views': { one: 'Bonus at risk: {count} view to go', other: 'Bonus at risk: {count} views to go' },
  'bonus.risk.subscriber-only-posts': { one: 'Bonus at risk: {count} post to go', other: 'Bonus at risk: {count} posts to go' },
} satisfies Messages;
