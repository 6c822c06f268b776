import { section } from './section';

// Strings of the popup: onboarding and the creator's cockpit.
export const popup = section(
  {
    'popup.welcome': 'Welcome to Tierkit',
    'popup.intro': 'Design your TikTok subscription: up to three monthly tiers with perks and badges. First, who are you?',
    'popup.openWorkspace': 'Open workspace',
    'popup.tiers': 'Your tiers',
    'popup.activeCount': '{active} of {max} active',
    'popup.newTier': 'New tier',
  },
  {
    'popup.welcome': 'Benvenuto in Tierkit',
    'popup.intro':
      'Progetta il tuo abbonamento TikTok: fino a tre livelli mensili con vantaggi e badge. Per iniziare, chi sei?',
    'popup.openWorkspace': 'Apri l’area di lavoro',
    'popup.tiers': 'I tuoi livelli',
    'popup.activeCount': '{active} di {max} attivi',
    'popup.newTier': 'Nuovo livello',
  },
);
