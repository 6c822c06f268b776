import { section } from './section';

// Messages of badge packs (lib/packs): reading, verifying, signing and the rule for storing an imported
// pack. lib/packs looks them up directly (packMessage), so verification works in the background and on
// pages whether or not this section is registered with addMessages.
export const packs = section(
  {
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
    'pack.err.moreProblems': '…and {count} more problems',
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
    'pack.export.missingTier':
      '{count} active subscriber(s) have a tier that no longer exists (id “{id}”): give them another tier in Subscribers, or remove them',
    'pack.export.keyUnreadable': 'Tierkit’s signing key can no longer be read ({detail}), so it cannot sign a pack',
    'pack.export.subscriber': 'Subscriber {name}: {message}',
    'pack.export.tier': 'Tier “{name}”: {message}',
    'pack.err.ownHandle':
      'This pack claims your own TikTok username (@{handle}) but is not signed with your key: your badges come from your own roster, so it was not imported',
    'pack.err.notHeld': 'This pack is not held apart: there is nothing to choose',
    'pack.err.conflictChanged': 'The badge packs of @{handle} changed meanwhile: look at them again, then choose',
  },
  {
    'pack.err.tooLarge': 'Il file pesa {size}; un pacchetto di badge pesa al massimo {max}',
    'pack.err.wouldBeTooLarge': 'Il pacchetto di badge peserebbe {size}; un pacchetto di badge pesa al massimo {max}',
    'pack.err.notJson': 'Il file non è un documento JSON completo: potrebbe essere stato troncato o danneggiato ({detail})',
    'pack.err.notAPack': 'Questo file non è un pacchetto di badge di Tierkit',
    'pack.err.isBackup':
      'Questo file è un backup di Tierkit, non un pacchetto di badge: ripristinalo dalla sezione Dati',
    'pack.err.tooNew':
      'Questo pacchetto di badge è stato creato da un Tierkit più recente (versione del formato {version}); questo legge la versione {supported}. Aggiorna Tierkit per importarlo.',
    'pack.err.keyType': 'La chiave del pacchetto è di tipo “{type}”; i pacchetti di badge sono firmati con chiavi a curva ellittica (EC)',
    'pack.err.keyCurve': 'La chiave del pacchetto usa la curva “{curve}”; i pacchetti di badge sono firmati su P-256',
    'pack.err.keyCoordinate':
      'La chiave del pacchetto è danneggiata: ogni coordinata deve essere di 32 byte in base64url (43 caratteri)',
    'pack.err.keyNotOnCurve': 'La chiave del pacchetto è danneggiata: non è una chiave pubblica P-256 valida',
    'pack.err.privateKey':
      'Il pacchetto contiene la chiave privata del creator, quindi chiunque potrebbe averlo firmato: non è affidabile',
    'pack.err.signatureEncoding':
      'La firma è danneggiata: deve essere di 64 byte in base64url (86 caratteri: A–Z, a–z, 0–9, “-” e “_”)',
    'pack.err.tampered':
      'La firma non corrisponde: il pacchetto è stato modificato dopo la firma, o firmato con una chiave diversa da quella che contiene. Chiedi al creator una copia nuova.',
    'pack.err.brokenText': 'Questo testo contiene un carattere danneggiato (un surrogato UTF-16 spaiato)',
    'pack.err.handleOrNickname': 'Un abbonato ha bisogno di un nome utente TikTok o di un nickname (o entrambi)',
    'pack.err.duplicateTier': 'Il livello {other} ha lo stesso id',
    'pack.err.unknownTier': 'In questo pacchetto non c’è un livello con id “{id}”',
    'pack.err.duplicateHandle': 'L’abbonato {other} ha lo stesso nome utente',
    'pack.err.moreProblems': '…e altri {count} problemi',
    'pack.err.keyMismatch':
      'La chiave di firma non corrisponde alla chiave pubblica indicata, quindi Tierkit non può firmare il pacchetto',
    'pack.err.haveNewer': 'Hai già un pacchetto più recente di questo creator (emesso il {date})',
    'pack.err.haveSame': 'Hai già questo pacchetto di questo creator (emesso il {date})',
    'pack.err.fromFuture':
      'Questo pacchetto è datato {date}, cioè nel futuro: l’orologio del creator potrebbe essere sbagliato. Chiedigli una copia nuova.',
    'pack.err.keptUnreadable':
      'Hai già un pacchetto firmato con questa chiave, ma non si può più leggere. Rimuovilo dall’elenco dei pacchetti importati, poi importa di nuovo questo file.',
    'pack.export.noProfile': 'Salva prima il tuo profilo: un pacchetto di badge riporta il tuo nome utente TikTok e il nome visualizzato',
    'pack.export.noTiers': 'Un pacchetto di badge ha bisogno di almeno un livello non archiviato: crea prima un livello',
    'pack.export.tooMany': 'Hai {count} abbonati attivi; un pacchetto di badge ne contiene al massimo {max}',
    'pack.export.missingTier':
      '{count} abbonato/i attivo/i hanno un livello che non esiste più (id “{id}”): assegna loro un altro livello in Abbonati, o rimuovili',
    'pack.export.keyUnreadable': 'La chiave di firma di Tierkit non si può più leggere ({detail}), quindi non può firmare un pacchetto',
    'pack.export.subscriber': 'Abbonato {name}: {message}',
    'pack.export.tier': 'Livello “{name}”: {message}',
    'pack.err.ownHandle':
      'Questo pacchetto dichiara il tuo nome utente TikTok (@{handle}) ma non è firmato con la tua chiave: i tuoi badge vengono dal tuo elenco di abbonati, quindi non è stato importato',
    'pack.err.notHeld': 'Questo pacchetto non è tenuto da parte: non c’è niente da scegliere',
    'pack.err.conflictChanged': 'I pacchetti di badge di @{handle} sono cambiati nel frattempo: guardali di nuovo, poi scegli',
  },
);
