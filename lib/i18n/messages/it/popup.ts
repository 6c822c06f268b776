import type { Translation } from '../../types';
import type english from '../en/popup';

export default {
  'popup.welcome': 'Benvenuto in Tierkit',
  'popup.intro':
    'Progetta il tuo abbonamento TikTok: fino a tre livelli mensili con vantaggi e badge. Per iniziare, chi sei?',
  'popup.openWorkspace': 'Apri l’area di lavoro',
  'popup.tiers': 'I tuoi livelli',
  'popup.activeCount': '{active} di {max} attivi',
  'popup.newTier': 'Nuovo livello',
} satisfies Translation<typeof english>;
