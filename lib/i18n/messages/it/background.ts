import type { Translation } from '../../types';
import type english from '../en/background';

export default {
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
  'menu.parent': 'Abbonato Tierkit',
  'menu.tier': 'Livello: {tier}',
  'menu.remove': 'Rimuovi dagli abbonati',
  'menu.noTiers': 'Crea prima un livello (opzioni di Tierkit)',
  'notify.menu.title': "Tierkit non ha potuto modificare l'elenco degli abbonati",
  'notify.menu.notProfile': 'Questo link non porta a un profilo TikTok.',
  'notify.menu.notSubscriber': '@{handle} non è tra i tuoi abbonati.',
  'badge.titleBonus': {
    one: '{title} · bonus a rischio, {count} giorno rimasto',
    many: '{title} · bonus a rischio, {count} di giorni rimasti',
    other: '{title} · bonus a rischio, {count} giorni rimasti',
  },
  'notify.bonus.title': 'Il bonus di questo mese è a rischio',
  'notify.bonus.body': {
    one: 'Resta {count} giorno in questo mese. Apri la pagina Idoneità di Tierkit per vedere cosa manca.',
    many: 'Restano {count} di giorni in questo mese. Apri la pagina Idoneità di Tierkit per vedere cosa manca.',
    other: 'Restano {count} giorni in questo mese. Apri la pagina Idoneità di Tierkit per vedere cosa manca.',
  },
} satisfies Translation<typeof english>;
