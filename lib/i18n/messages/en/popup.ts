// The popup: onboarding and the creator’s cockpit.
import type { Messages } from '../../types';

export default {
  'popup.welcome': 'Welcome to Tierkit',
  'popup.intro': 'Design your TikTok subscription: up to three monthly tiers with perks and badges. First, who are you?',
  'popup.openWorkspace': 'Open workspace',
  'popup.tiers': 'Your tiers',
  'popup.activeCount': '{active} of {max} active',
  'popup.newTier': 'New tier',
} satisfies Messages;
