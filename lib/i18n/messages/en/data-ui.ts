// The options page’s Data section: what Delete all data removes, and the signing key’s backup, restore and
// replacement.
import type { Messages } from '../../types';

export default {
  'data.wipe.profile': 'your profile (@{handle})',
  'data.wipe.tiers': { one: '{count} tier', other: '{count} tiers' },
  'data.wipe.perks': { one: '{count} perk in your library', other: '{count} perks in your library' },
  'data.wipe.settings': 'your settings: theme, language, price points, revenue rules and eligibility rules',
  'data.wipe.subscribers': { one: '{count} subscriber on your roster', other: '{count} subscribers on your roster' },
  'data.wipe.subscribersUnknown': 'your subscriber roster',
  'data.wipe.packs': { one: '{count} badge pack you imported from other creators', other: '{count} badge packs you imported from other creators' },
  'data.wipe.packsUnknown': 'the badge packs you imported from other creators',
  'data.wipe.statDays': { one: '{count} day of recorded numbers (followers, views)', other: '{count} days of recorded numbers (followers, views)' },
  'data.wipe.statsUnknown': 'your recorded numbers (followers, views)',
  'data.wipe.posts': { one: '{count} subscriber-only post you logged', other: '{count} subscriber-only posts you logged' },
  'data.wipe.postsUnknown': 'your log of subscriber-only posts',
  'data.wipe.key': 'your signing key ({fingerprint})',
  'data.wipe.keepKey': 'Keep my signing key',
  'data.wipe.keepKeyHint':
    'Your key {fingerprint} stays: your next badge pack is signed by it, and fans who have your packs keep seeing the same signer.',
  'data.wipe.deleteKeyWarning':
    'Your signing key will be deleted too. Tierkit makes a new one at your next export, and every fan who has your packs will see a different signer. Back the key up first (Your signing key, on this page) if you may want it back.',
  'data.wipe.keyUnknown': 'Your signing key, if you have one, is kept.',
  'data.wipe.backupHolds':
    'A backup holds your profile, tiers, perks, settings, recorded numbers and roster: not the badge packs you imported, nor your signing key.',
  'data.wipe.done': 'All data was deleted.',
  'data.wipe.doneKeptKey': 'All data was deleted. Your signing key was kept.',
  'data.wipe.doneWithKey': 'All data was deleted, your signing key too.',

  'data.key.heading': 'Your signing key',
  'data.key.intro':
    'Tierkit signs your badge packs with this key, and fans tell your packs from anyone else’s by its fingerprint. If this browser’s data is lost, a new key makes every fan see a different signer: keep a backup, encrypted with a passphrase, somewhere safe.',
  'data.key.fingerprint': 'Fingerprint',
  'data.key.created': 'made on {date}',
  'data.key.none': 'You have no signing key yet: Tierkit makes it the first time you export a badge pack. You can also restore one from a backup.',
  'data.key.old':
    'This key was made by an earlier version of Tierkit, which stored it so that it can never leave this browser: it cannot be backed up, and it is lost with this browser’s data. It keeps signing your packs. To have a key you can back up, make a new one: fans who have your packs will see a different signer on your next pack, so publish the new fingerprint where they know it is you (your TikTok bio, for example).',
  'data.key.renew': 'Make a new key',
  'data.key.renewHeading': 'Replace your signing key?',
  'data.key.renewText':
    'Your packs are signed with {fingerprint} today. A new key takes its place for every pack you export from now on, and the current key is deleted. Fans see a different signer until they compare the new fingerprint with the one you publish.',
  'data.key.renewed': 'Your new key is {fingerprint}. Back it up now.',
  'data.key.renewFailed': 'The key was not replaced:',
  'data.key.backupHeading': 'Back up the key',
  'data.key.passphrase': 'Passphrase',
  'data.key.passphraseRepeat': 'Repeat the passphrase',
  'data.key.passphraseHint':
    'At least {min} characters; a few unrelated words are easy to remember and hard to guess. Without it the backup cannot be opened, and Tierkit cannot recover it.',
  'data.key.mismatch': 'The two passphrases differ',
  'data.key.backupButton': 'Save key backup',
  'data.key.backupDone': 'Saved as {file}. Keep the file and the passphrase apart: anyone who has both can sign packs in your name.',
  'data.key.backupFailed': 'The key was not backed up:',
  'data.key.restoreHeading': 'Restore a key from a backup',
  'data.key.restoreFile': 'Key backup to restore',
  'data.key.restoreDrop': 'Or drop the file here.',
  'data.key.restorePassphrase': 'Passphrase of the backup',
  'data.key.restoreCheck': 'Check backup',
  'data.key.checking': 'Checking the backup…',
  'data.key.fileTooLarge': 'This file is {size}: a signing-key backup is under 16 KB, so this is not one.',
  'data.key.restoreSame': 'This backup is of the key you already have ({fingerprint}). There is nothing to restore.',
  'data.key.restoreFailed': 'Nothing was restored:',
  'data.key.replaceHeading': 'Replace your signing key?',
  'data.key.restoreHeadingNew': 'Use this signing key?',
  'data.key.current': 'Your key now',
  'data.key.currentNone': 'none',
  'data.key.fromBackup': 'Key in the backup',
  'data.key.replaceWarning':
    'Every pack you export from now on is signed with the key from the backup, and your current key is deleted. Fans who know your current key will see a different signer.',
  'data.key.restoreNewText': 'Every pack you export from now on is signed with the key from the backup.',
  'data.key.restoreConfirm': 'Use the key from the backup',
  'data.key.restored': 'Restored: your packs are signed with {fingerprint} from now on.',
  'data.key.link': 'Back up or restore this key',
} satisfies Messages;
