// What only the background shows: notifications, context menus and the toolbar button’s tooltip.
import type { Messages } from '../../types';

export default {
  'notify.eligible.title': 'You are eligible for TikTok Subscriptions',
  'notify.eligible.body': 'Every requirement of “{profile}” is met. You can set up your subscription tiers.',
  'notify.met.title': 'Requirement met: {requirement}',
  'notify.met.body': '{met} of {total} requirements of “{profile}” are met.',
  'notify.lost.title': 'You are no longer eligible',
  'notify.lost.body': 'No longer met: {requirements}.',
  'req.age': 'Age 18 or older',
  'req.good-standing': 'Account in good standing',
  'req.followers': 'Followers',
  'req.video-views': 'Video views',
  'req.subscriber-only-posts': 'Subscriber-only posts',
  'badge.title': 'Tierkit: {met} of {total} eligibility requirements met',
  'badge.titleEligible': 'Tierkit: eligible for TikTok Subscriptions',
  'menu.parent': 'Tierkit subscriber',
  'menu.tier': 'Tier: {tier}',
  'menu.remove': 'Remove from subscribers',
  'menu.noTiers': 'Create a tier first (Tierkit options)',
  'notify.menu.title': 'Tierkit could not change the roster',
  'notify.menu.notProfile': 'This link does not lead to a TikTok profile.',
  'notify.menu.notSubscriber': '@{handle} is not on your roster.',
  'badge.titleBonus': { one: '{title} · bonus at risk, {count} day left', other: '{title} · bonus at risk, {count} days left' },
  'notify.bonus.title': 'This month’s bonus is at risk',
  'notify.bonus.body': {
    one: '{count} day left this month. Open Tierkit’s Eligibility page to see what is still needed.',
    other: '{count} days left this month. Open Tierkit’s Eligibility page to see what is still needed.',
  },
} satisfies Messages;
