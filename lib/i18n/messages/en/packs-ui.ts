// The options page’s Badge packs section (components/packs): sharing the creator’s pack, the packs imported
// from others, and the page diagnostics.
import type { Messages } from '../../types';

export default {
  'packs.ui.nav': 'Badge packs',

  'packs.ui.share.heading': 'Share your badges',
  'packs.ui.share.intro':
    'A badge pack lets your fans and moderators see your subscribers’ badges next to their names on TikTok. Send them the file; they import it here, in their own Tierkit.',
  'packs.ui.share.holds': 'A pack holds:',
  'packs.ui.share.holdsCreator': 'your TikTok username and display name;',
  'packs.ui.share.holdsTiers': 'each tier’s name, badge and tenure steps (archived tiers only when a subscriber still has one);',
  'packs.ui.share.holdsSubscribers': 'for each active subscriber: username, nickname, tier and the day they subscribed.',
  'packs.ui.share.never':
    'It never holds your notes, lapsed subscribers, months you set by hand, where a record came from, prices or perks.',
  'packs.ui.share.signed':
    'Tierkit signs each pack with a key it creates and keeps in this browser, so nobody can change a pack unnoticed or make one in your name.',
  'packs.ui.export.button': 'Export badge pack',
  'packs.ui.export.noProfile': 'Save your profile first: a pack carries your TikTok username.',
  'packs.ui.export.noTiers': 'Create a tier first: a pack carries your tiers’ badges.',
  'packs.ui.export.toProfile': 'Go to Profile',
  'packs.ui.export.toTiers': 'Go to Tiers & perks',
  'packs.ui.export.done': { one: 'Saved {file} with {count} subscriber.', other: 'Saved {file} with {count} subscribers.' },
  'packs.ui.export.failed': 'The badge pack was not exported:',
  'packs.ui.key.label': 'Your key’s fingerprint',
  'packs.ui.key.hint':
    'Publish it where your fans know it is you (your TikTok bio, for example): they compare it with the fingerprint Tierkit shows for your pack.',
  'packs.ui.key.none': 'Tierkit creates your key the first time you export a pack.',

  'packs.ui.imported.heading': 'Packs you imported',
  'packs.ui.imported.intro':
    'Import the pack a creator sent you to see their subscribers’ badges on TikTok. Tierkit checks its signature first and refuses a changed or damaged file. A newer pack signed with the same key replaces the older one; packs of different creators are kept side by side. For each creator, Tierkit trusts the first key you import: a pack from another key that claims the same creator is held apart until you choose.',
  'packs.ui.import.file': 'Badge pack file',
  'packs.ui.import.drop': 'Or drop the file here.',
  'packs.ui.import.checking': 'Checking {file}…',
  'packs.ui.import.added': { one: 'Imported the badge pack of @{handle} ({name}) with {count} subscriber.', other: 'Imported the badge pack of @{handle} ({name}) with {count} subscribers.' },
  'packs.ui.import.replaced':
    'Replaced the older pack from the same creator key: @{handle} ({name}), issued {date}.',
  'packs.ui.import.refused': '{file} was not imported; nothing changed:',
  'packs.ui.import.held':
    'This pack claims @{handle}, whose badges already come from another key ({fingerprint}). It is held apart and shows no badges until you choose, under “Two keys claim one creator”.',
  'packs.ui.import.heldNoTrusted':
    'This pack claims @{handle}, which another key claimed first. It is held apart and shows no badges until you choose, under “Two keys claim one creator”.',
  'packs.ui.conflicts.heading': 'Two keys claim one creator',
  'packs.ui.conflicts.intro':
    'Anyone can write a creator’s username into a pack; only the creator holds their key. Tierkit trusts the first key you imported for each creator and holds a pack from another key apart: its badges do not show. Ask the creator which fingerprint is theirs (for example in their TikTok bio), compare it with both below, then choose.',
  'packs.ui.conflicts.trustedKey': 'Trusted key (imported first)',
  'packs.ui.conflicts.heldKey': 'New key, held apart',
  'packs.ui.conflicts.noTrusted': 'None: you removed the trusted pack.',
  'packs.ui.conflicts.ownHandle':
    'This pack claims your own username, @{handle}: your badges come from your own roster, so it can only be discarded.',
  'packs.ui.conflicts.keep': 'Keep trusted key',
  'packs.ui.conflicts.keepLabel': 'Keep trusted key for @{handle} and discard the other pack',
  'packs.ui.conflicts.discard': 'Discard pack',
  'packs.ui.conflicts.discardLabel': 'Discard pack held apart for @{handle}',
  'packs.ui.conflicts.trust': 'Trust new key',
  'packs.ui.conflicts.trustLabel': 'Trust new key for @{handle}',
  'packs.ui.conflicts.trusted': 'The badges of @{handle} now come from the key {fingerprint}.',
  'packs.ui.conflicts.discarded': 'Discarded the pack held apart for @{handle}.',
  'packs.ui.resolve.discardHeading': 'Discard the pack held apart for @{handle}?',
  'packs.ui.resolve.discardText':
    'The badges of @{handle} keep coming from the trusted key. The pack signed with the new key is removed; imported again, it would be held apart again.',
  'packs.ui.resolve.discardTextNone':
    'The pack signed with this key is removed. No key is trusted for @{handle} until you import a pack of theirs.',
  'packs.ui.resolve.trustHeading': 'Trust the new key for @{handle}?',
  'packs.ui.resolve.trustText':
    'From now on the badges of @{handle} come from the new key, and the pack of the key trusted until now is removed. Do this only if @{handle} told you their key changed and the new fingerprint below is theirs.',
  'packs.ui.resolve.trustTextNone':
    'From now on the badges of @{handle} come from this key. Do this only if @{handle} told you the fingerprint below is theirs.',
  'packs.ui.resolve.trustConfirm': 'Trust new key',
  'packs.ui.resolve.discardConfirm': 'Discard pack',
  'packs.ui.list.label': 'Imported badge packs',
  'packs.ui.list.empty':
    'No badge packs yet. When a creator sends you their pack file, import it here to see their subscribers’ badges on TikTok.',
  'packs.ui.list.loading': 'Reading the imported packs…',
  'packs.ui.list.failed': 'The imported packs could not be read:',
  'packs.ui.list.issued': 'Issued {date}',
  'packs.ui.list.subscribers': { one: '{count} subscriber', other: '{count} subscribers' },
  'packs.ui.list.tiers': { one: '{count} tier', other: '{count} tiers' },
  'packs.ui.list.key': 'Key fingerprint',
  'packs.ui.list.ownKey': 'Signed with your own key.',
  'packs.ui.list.remove': 'Remove',
  'packs.ui.list.removeLabel': 'Remove the badge pack of @{handle}',
  'packs.ui.unreadable.heading': 'Packs that can no longer be read',
  'packs.ui.unreadable.intro':
    'These packs were kept but no longer pass Tierkit’s checks, so they show no badges. Remove them, then import the creator’s file again.',
  'packs.ui.unreadable.removeLabel': 'Remove the unreadable pack with key {fingerprint}',
  'packs.ui.remove.heading': 'Remove the badge pack of @{handle}?',
  'packs.ui.remove.text':
    'The badges of @{handle}’s subscribers will no longer show on TikTok. To see them again, import the pack file again.',
  'packs.ui.remove.unreadableHeading': 'Remove the unreadable pack?',
  'packs.ui.remove.unreadableText': 'It shows no badges now. To see the creator’s badges again, import their pack file.',
  'packs.ui.remove.confirm': 'Remove pack',
  'packs.ui.remove.cancel': 'Cancel',
  'packs.ui.removed': 'Removed the badge pack of @{handle}.',
  'packs.ui.removedUnreadable': 'Removed the unreadable pack.',

  'packs.ui.diag.heading': 'Page diagnostics',
  'packs.ui.diag.intro':
    'When TikTok changes its pages, Tierkit can stop finding where badges go. Instead of failing silently, it notes here what it looked for and did not find.',
  'packs.ui.diag.empty': 'No problems seen: on every TikTok page it served, Tierkit found what it looks for.',
  'packs.ui.diag.caption': 'What Tierkit did not find on TikTok pages',
  'packs.ui.diag.feature': 'Feature',
  'packs.ui.diag.page': 'Page',
  'packs.ui.diag.selector': 'Looked for',
  'packs.ui.diag.lastMissed': 'Last missed',
  'packs.ui.diag.count': 'Times',
  'packs.ui.diag.foundAt': 'Found again',
  'packs.ui.diag.stillMissing': 'Not yet',
  'packs.ui.diag.clear': 'Clear diagnostics',
  'packs.ui.diag.cleared': 'Diagnostics cleared.',
  'packs.ui.page.profile': 'Profile',
  'packs.ui.page.video': 'Video',
  'packs.ui.page.live': 'LIVE',
  'packs.ui.page.feed': 'For You feed',
} satisfies Messages;
