import { section } from './section';

// Strings only the background shows: notifications and the toolbar button's tooltip.
export const background = section(
  {
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
  },
  {
    'notify.eligible.title': 'Puoi attivare gli abbonamenti TikTok',
    'notify.eligible.body': 'Tutti i requisiti di “{profile}” sono soddisfatti. Puoi preparare i tuoi livelli di abbonamento.',
    'notify.met.title': 'Requisito soddisfatto: {requirement}',
    'notify.met.body': '{met} requisiti su {total} di “{profile}” sono soddisfatti.',
    'notify.lost.title': 'Non sei più idoneo',
    'notify.lost.body': 'Non più soddisfatti: {requirements}.',
    'req.age': 'Almeno 18 anni',
    'req.good-standing': 'Account in regola',
    'req.followers': 'Follower',
    'req.video-views': 'Visualizzazioni dei video',
    'req.subscriber-only-posts': 'Post solo per abbonati',
    'badge.title': 'Tierkit: {met} requisiti di idoneità su {total} soddisfatti',
    'badge.titleEligible': 'Tierkit: idoneo agli abbonamenti TikTok',
  },
);
