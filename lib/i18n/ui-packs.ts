import { section } from './section';

// Strings of the options page's Badge packs section (components/packs): sharing the creator's pack,
// the packs imported from others, and the page diagnostics. Pairs ending in .one / .other are plural
// forms (components/roster/format.ts plural).
export const packsUi = section(
  {
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
    'packs.ui.export.done.one': 'Saved {file} with {count} subscriber.',
    'packs.ui.export.done.other': 'Saved {file} with {count} subscribers.',
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
    'packs.ui.import.added.one': 'Imported the badge pack of @{handle} ({name}) with {count} subscriber.',
    'packs.ui.import.added.other': 'Imported the badge pack of @{handle} ({name}) with {count} subscribers.',
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
    'packs.ui.list.subscribers.one': '{count} subscriber',
    'packs.ui.list.subscribers.other': '{count} subscribers',
    'packs.ui.list.tiers.one': '{count} tier',
    'packs.ui.list.tiers.other': '{count} tiers',
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
  },
  {
    'packs.ui.nav': 'Pacchetti di badge',

    'packs.ui.share.heading': 'Condividi i tuoi badge',
    'packs.ui.share.intro':
      'Un pacchetto di badge permette ai tuoi fan e moderatori di vedere i badge dei tuoi abbonati accanto ai loro nomi su TikTok. Invia loro il file; lo importano qui, nel loro Tierkit.',
    'packs.ui.share.holds': 'Un pacchetto contiene:',
    'packs.ui.share.holdsCreator': 'il tuo nome utente TikTok e il nome visualizzato;',
    'packs.ui.share.holdsTiers':
      'nome, badge e scatti di anzianità di ogni livello (quelli archiviati solo se un abbonato ce l’ha ancora);',
    'packs.ui.share.holdsSubscribers': 'per ogni abbonato attivo: nome utente, nickname, livello e giorno dell’abbonamento.',
    'packs.ui.share.never':
      'Non contiene mai le tue note, gli abbonati scaduti, i mesi che hai impostato a mano, la provenienza dei dati, prezzi o vantaggi.',
    'packs.ui.share.signed':
      'Tierkit firma ogni pacchetto con una chiave che crea e conserva in questo browser, così nessuno può modificarlo senza che si noti o crearne uno a tuo nome.',
    'packs.ui.export.button': 'Esporta pacchetto di badge',
    'packs.ui.export.noProfile': 'Salva prima il tuo profilo: un pacchetto riporta il tuo nome utente TikTok.',
    'packs.ui.export.noTiers': 'Crea prima un livello: un pacchetto contiene i badge dei tuoi livelli.',
    'packs.ui.export.toProfile': 'Vai al profilo',
    'packs.ui.export.toTiers': 'Vai a Livelli e vantaggi',
    'packs.ui.export.done.one': 'Salvato {file} con {count} abbonato.',
    'packs.ui.export.done.other': 'Salvato {file} con {count} abbonati.',
    'packs.ui.export.failed': 'Il pacchetto di badge non è stato esportato:',
    'packs.ui.key.label': 'L’impronta della tua chiave',
    'packs.ui.key.hint':
      'Pubblicala dove i tuoi fan sanno che sei tu (per esempio nella bio di TikTok): la confrontano con l’impronta che Tierkit mostra per il tuo pacchetto.',
    'packs.ui.key.none': 'Tierkit crea la tua chiave la prima volta che esporti un pacchetto.',

    'packs.ui.imported.heading': 'Pacchetti importati',
    'packs.ui.imported.intro':
      'Importa il pacchetto che un creator ti ha inviato per vedere i badge dei suoi abbonati su TikTok. Tierkit ne controlla prima la firma e rifiuta un file modificato o danneggiato. Un pacchetto più recente firmato con la stessa chiave sostituisce quello precedente; i pacchetti di creator diversi restano affiancati. Per ogni creator, Tierkit si fida della prima chiave che importi: un pacchetto di un’altra chiave che dichiara lo stesso creator resta da parte finché non scegli.',
    'packs.ui.import.file': 'File del pacchetto di badge',
    'packs.ui.import.drop': 'Oppure trascina qui il file.',
    'packs.ui.import.checking': 'Controllo di {file}…',
    'packs.ui.import.added.one': 'Importato il pacchetto di badge di @{handle} ({name}) con {count} abbonato.',
    'packs.ui.import.added.other': 'Importato il pacchetto di badge di @{handle} ({name}) con {count} abbonati.',
    'packs.ui.import.replaced':
      'Sostituito il pacchetto precedente della stessa chiave del creator: @{handle} ({name}), emesso il {date}.',
    'packs.ui.import.refused': '{file} non è stato importato; non è cambiato nulla:',
    'packs.ui.import.held':
      'Questo pacchetto dichiara @{handle}, i cui badge vengono già da un’altra chiave ({fingerprint}). È tenuto da parte e non mostra badge finché non scegli, in “Due chiavi per un solo creator”.',
    'packs.ui.import.heldNoTrusted':
      'Questo pacchetto dichiara @{handle}, che un’altra chiave ha dichiarato per prima. È tenuto da parte e non mostra badge finché non scegli, in “Due chiavi per un solo creator”.',
    'packs.ui.conflicts.heading': 'Due chiavi per un solo creator',
    'packs.ui.conflicts.intro':
      'Chiunque può scrivere il nome utente di un creator in un pacchetto; solo il creator ha la sua chiave. Tierkit si fida della prima chiave che hai importato per ogni creator e tiene da parte un pacchetto di un’altra chiave: i suoi badge non si vedono. Chiedi al creator qual è la sua impronta (per esempio nella bio di TikTok), confrontala con le due qui sotto, poi scegli.',
    'packs.ui.conflicts.trustedKey': 'Chiave fidata (importata per prima)',
    'packs.ui.conflicts.heldKey': 'Nuova chiave, tenuta da parte',
    'packs.ui.conflicts.noTrusted': 'Nessuna: hai rimosso il pacchetto fidato.',
    'packs.ui.conflicts.ownHandle':
      'Questo pacchetto dichiara il tuo nome utente, @{handle}: i tuoi badge vengono dal tuo elenco di abbonati, quindi puoi solo scartarlo.',
    'packs.ui.conflicts.keep': 'Mantieni la chiave fidata',
    'packs.ui.conflicts.keepLabel': 'Mantieni la chiave fidata per @{handle} e scarta l’altro pacchetto',
    'packs.ui.conflicts.discard': 'Scarta pacchetto',
    'packs.ui.conflicts.discardLabel': 'Scarta pacchetto tenuto da parte per @{handle}',
    'packs.ui.conflicts.trust': 'Fidati della nuova chiave',
    'packs.ui.conflicts.trustLabel': 'Fidati della nuova chiave per @{handle}',
    'packs.ui.conflicts.trusted': 'Ora i badge di @{handle} vengono dalla chiave {fingerprint}.',
    'packs.ui.conflicts.discarded': 'Scartato il pacchetto tenuto da parte per @{handle}.',
    'packs.ui.resolve.discardHeading': 'Scartare il pacchetto tenuto da parte per @{handle}?',
    'packs.ui.resolve.discardText':
      'I badge di @{handle} continuano a venire dalla chiave fidata. Il pacchetto firmato con la nuova chiave viene rimosso; se lo importi di nuovo, sarà di nuovo tenuto da parte.',
    'packs.ui.resolve.discardTextNone':
      'Il pacchetto firmato con questa chiave viene rimosso. Nessuna chiave è fidata per @{handle} finché non importi un suo pacchetto.',
    'packs.ui.resolve.trustHeading': 'Fidarti della nuova chiave per @{handle}?',
    'packs.ui.resolve.trustText':
      'Da ora i badge di @{handle} vengono dalla nuova chiave, e il pacchetto della chiave fidata finora viene rimosso. Fallo solo se @{handle} ti ha detto che la sua chiave è cambiata e che la nuova impronta qui sotto è la sua.',
    'packs.ui.resolve.trustTextNone':
      'Da ora i badge di @{handle} vengono da questa chiave. Fallo solo se @{handle} ti ha detto che l’impronta qui sotto è la sua.',
    'packs.ui.resolve.trustConfirm': 'Fidati della nuova chiave',
    'packs.ui.resolve.discardConfirm': 'Scarta pacchetto',
    'packs.ui.list.label': 'Pacchetti di badge importati',
    'packs.ui.list.empty':
      'Ancora nessun pacchetto di badge. Quando un creator ti invia il file del suo pacchetto, importalo qui per vedere i badge dei suoi abbonati su TikTok.',
    'packs.ui.list.loading': 'Lettura dei pacchetti importati…',
    'packs.ui.list.failed': 'Non è stato possibile leggere i pacchetti importati:',
    'packs.ui.list.issued': 'Emesso il {date}',
    'packs.ui.list.subscribers.one': '{count} abbonato',
    'packs.ui.list.subscribers.other': '{count} abbonati',
    'packs.ui.list.tiers.one': '{count} livello',
    'packs.ui.list.tiers.other': '{count} livelli',
    'packs.ui.list.key': 'Impronta della chiave',
    'packs.ui.list.ownKey': 'Firmato con la tua chiave.',
    'packs.ui.list.remove': 'Rimuovi',
    'packs.ui.list.removeLabel': 'Rimuovi il pacchetto di badge di @{handle}',
    'packs.ui.unreadable.heading': 'Pacchetti non più leggibili',
    'packs.ui.unreadable.intro':
      'Questi pacchetti sono stati conservati ma non superano più i controlli di Tierkit, quindi non mostrano badge. Rimuovili, poi importa di nuovo il file del creator.',
    'packs.ui.unreadable.removeLabel': 'Rimuovi il pacchetto illeggibile con chiave {fingerprint}',
    'packs.ui.remove.heading': 'Rimuovere il pacchetto di badge di @{handle}?',
    'packs.ui.remove.text':
      'I badge degli abbonati di @{handle} non si vedranno più su TikTok. Per rivederli, importa di nuovo il file del pacchetto.',
    'packs.ui.remove.unreadableHeading': 'Rimuovere il pacchetto illeggibile?',
    'packs.ui.remove.unreadableText':
      'Ora non mostra alcun badge. Per rivedere i badge del creator, importa il file del suo pacchetto.',
    'packs.ui.remove.confirm': 'Rimuovi pacchetto',
    'packs.ui.remove.cancel': 'Annulla',
    'packs.ui.removed': 'Rimosso il pacchetto di badge di @{handle}.',
    'packs.ui.removedUnreadable': 'Rimosso il pacchetto illeggibile.',

    'packs.ui.diag.heading': 'Diagnostica delle pagine',
    'packs.ui.diag.intro':
      'Quando TikTok cambia le sue pagine, Tierkit può non trovare più dove mettere i badge. Invece di fallire in silenzio, annota qui cosa ha cercato senza trovarlo.',
    'packs.ui.diag.empty': 'Nessun problema rilevato: in ogni pagina TikTok che ha servito, Tierkit ha trovato ciò che cerca.',
    'packs.ui.diag.caption': 'Cosa Tierkit non ha trovato nelle pagine TikTok',
    'packs.ui.diag.feature': 'Funzione',
    'packs.ui.diag.page': 'Pagina',
    'packs.ui.diag.selector': 'Cercato',
    'packs.ui.diag.lastMissed': 'Ultima mancanza',
    'packs.ui.diag.count': 'Volte',
    'packs.ui.diag.foundAt': 'Ritrovato',
    'packs.ui.diag.stillMissing': 'Non ancora',
    'packs.ui.diag.clear': 'Cancella diagnostica',
    'packs.ui.diag.cleared': 'Diagnostica cancellata.',
    'packs.ui.page.profile': 'Profilo',
    'packs.ui.page.video': 'Video',
    'packs.ui.page.live': 'LIVE',
    'packs.ui.page.feed': 'Feed Per te',
  },
);
