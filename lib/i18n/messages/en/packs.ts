// Badge packs (lib/packs): reading, verifying, signing and the rule for storing an imported pack.
import type { Messages } from '../../types';

export default {
  'pack.err.tooLarge': 'The file is {size}; a badge pack is at most {max}',
  'pack.err.wouldBeTooLarge': 'The badge pack would be {size}; a badge pack is at most {max}',
  'pack.err.notJson': 'The file is not a complete JSON document: it may have been cut short or damaged ({detail})',
  'pack.err.notAPack': 'This file is not a Tierkit badge pack',
  'pack.err.isBackup': 'This file is a Tierkit backup, not a badge pack: restore it from the Data section instead',
  'pack.err.tooNew':
    'This badge pack was made by a newer Tierkit (format version {version}); this one reads version {supported}. Update Tierkit to import it.',
  'pack.err.keyType': 'The pack’s key is of type “{type}”; badge packs are signed with elliptic-curve (EC) keys',
  'pack.err.keyCurve': 'The pack’s key is on the curve “{curve}”; badge packs are signed on P-256',
  'pack.err.keyCoordinate': 'The pack’s key is damaged: each coordinate must be 32 bytes in base64url (43 characters)',
  'pack.err.keyNotOnCurve': 'The pack’s key is damaged: it is not a valid P-256 public key',
  'pack.err.privateKey':
    'The pack contains the creator’s private key, so anyone could have signed it: it cannot be trusted',
  'pack.err.signatureEncoding':
    'The signature is damaged: it must be 64 bytes in base64url (86 characters: A–Z, a–z, 0–9, “-” and “_”)',
  'pack.err.tampered':
    'The signature does not match: the pack was changed after it was signed, or signed with a different key than the one it contains. Ask the creator for a fresh copy.',
  'pack.err.brokenText': 'This text contains a broken character (an unpaired UTF-16 surrogate)',
  'pack.err.handleOrNickname': 'A subscriber needs a TikTok username or a nickname (or both)',
  'pack.err.duplicateTier': 'Tier {other} has the same id',
  'pack.err.unknownTier': 'There is no tier with the id “{id}” in this pack',
  'pack.err.duplicateHandle': 'Subscriber {other} has the same username',
  'pack.err.moreProblems': { one: '…and {count} more problem', other: '…and {count} more problems' },
  'pack.err.keyMismatch': 'The signing key does not belong to the public key given with it, so Tierkit cannot sign the pack',
  'pack.err.haveNewer': 'You already have a newer pack from this creator (issued {date})',
  'pack.err.haveSame': 'You already have this pack from this creator (issued {date})',
  'pack.err.fromFuture':
    'This pack is dated {date}, which is in the future: the creator’s clock may be wrong. Ask them for a fresh copy.',
  'pack.err.keptUnreadable':
    'You already have a pack signed with this key, but it can no longer be read. Remove it from the list of imported packs, then import this file again.',
  'pack.export.noProfile': 'Save your profile first: a badge pack carries your TikTok username and display name',
  'pack.export.noTiers': 'A badge pack needs at least one tier that is not archived: create a tier first',
  'pack.export.tooMany': 'You have {count} active subscribers; a badge pack holds at most {max}',
  'pack.export.missingTier': {
    one: '{count} active subscriber has a tier that no longer exists (id “{id}”): give them another tier in Subscribers, or remove them',
    other: '{count} active subscribers have a tier that no longer exists (id “{id}”): give them another tier in Subscribers, or remove them',
  },
  'pack.export.keyUnreadable': 'Tierkit’s signing key can no longer be read ({detail}), so it cannot sign a pack',
  'pack.export.subscriber': 'Subscriber {name}: {message}',
  'pack.export.tier': 'Tier “{name}”: {message}',
  'pack.err.ownHandle':
    'This pack claims your own TikTok username (@{handle}) but is not signed with your key: your badges come from your own roster, so it was not imported',
  'pack.err.notHeld': 'This pack is not held apart: there is nothing to choose',
  'pack.err.conflictChanged': 'The badge packs of @{handle} changed meanwhile: look at them again, then choose',
} satisfies Messages;
