// The creator’s signing key and its backup file (lib/packs/key-backup.ts).
import type { Messages } from '../../types';

export default {
  'key.err.tooLarge': 'The file is {size}; a signing-key backup is at most {max}. This is not a Tierkit key backup.',
  'key.err.notJson': 'The file is not a complete JSON document: it may have been cut short or damaged ({detail})',
  'key.err.notAKeyBackup': 'This file is not a Tierkit signing-key backup',
  'key.err.isPack': 'This file is a badge pack, not a signing-key backup: import it in the Badge packs section',
  'key.err.isBackup': 'This file is a Tierkit data backup, not a signing-key backup: import it under “Import a backup”',
  'key.err.tooNew':
    'This key backup was made by a newer Tierkit (format version {version}); this one reads version {supported}. Update Tierkit, then try again.',
  'key.err.damaged': 'The key backup is damaged ({detail}). Nothing was restored.',
  'key.err.fingerprintMismatch': 'the fingerprint written in the file is not that of its key',
  'key.err.keyMismatch': 'the private key in the file does not belong to its public key',
  'key.err.wrongPassphrase':
    'The passphrase is wrong, or the file was changed after it was saved. Nothing was restored: check the passphrase (capital letters, spaces) and try again.',
  'key.err.passphraseTooShort': 'Use a passphrase of at least {min} characters',
  'key.err.noKey': 'There is no signing key yet: Tierkit creates it the first time you export a badge pack',
  'key.err.notExtractable':
    'This key was made by an earlier version of Tierkit, which kept it so that it cannot be copied out of this browser. It cannot be backed up; make a new key that can be.',
  'key.err.changedMeanwhile': 'Your signing key changed after the backup was checked (in another window?). Nothing was changed: check the backup again.',
  'key.err.unreadable': 'The stored signing key can no longer be read ({detail})',
  'key.err.bytes': 'Expected base64url of {bytes} bytes',
  'key.err.encoding': 'Expected base64url',
} satisfies Messages;
