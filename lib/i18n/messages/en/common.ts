// Components shared by popup and options page: tier cards and list, badges.
import type { Messages } from '../../types';

export default {
  'app.name': 'Tierkit',
  'common.cancel': 'Cancel',
  'common.undo': 'Undo',
  'common.reload': 'Reload',
  'unpublished.text':
    'Your change was saved, but this page could not be updated to show it, so what you see may be out of date. Reload the page to see your latest data.',

  'badge.preview': 'Badge {label}',
  'badge.previewLevel': 'Badge {label}, level {level}',

  'tier.listLabel': 'Tiers',
  'tier.archivedLabel': 'Archived tiers',
  'tier.archivedCount': 'Archived ({count})',
  'tier.empty': 'No tiers yet. Create your first one with “New tier”: a name, a monthly price and the perks it gives.',
  'tier.emptyLive': 'Every tier is archived. Restore one or create a new tier.',
  'tier.pricePerMonth': '{price}/month',
  'tier.perksOf': 'Perks of {name}',
  'tier.fromTier': 'from {name}',
  'tier.noPerksYet': 'No perks yet.',
  'tier.tenureSummary': 'Badge levels up at {steps} months',
  'tier.edit': 'Edit',
  'tier.editNamed': 'Edit {name}',
  'tier.moveUp': 'Move {name} up',
  'tier.moveDown': 'Move {name} down',
  'tier.activate': 'Activate',
  'tier.activateNamed': 'Activate {name}',
  'tier.archive': 'Archive',
  'tier.archiveNamed': 'Archive {name}',
  'tier.restore': 'Restore',
  'tier.restoreNamed': 'Restore {name}',
  'tier.delete': 'Delete',
  'tier.deleteNamed': 'Delete {name}',
  'tier.deleted': 'Deleted “{name}”.',
} satisfies Messages;
