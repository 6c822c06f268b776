import type { Translation } from '../../types';
import type english from '../en/packs-ui';

export default {
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
  'packs.ui.export.done': { one: 'Salvato {file} con {count} abbonato.', many: 'Salvato {file} con {count} abbonati.', other: 'Salvato {file} con {count} abbonati.' },
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
  'packs.ui.import.added': { one: 'Importato il pacchetto di badge di @{handle} ({name}) con {count} abbonato.', many: 'Importato il pacchetto di badge di @{handle} ({name}) con {count} abbonati.', other: 'Importato il pacchetto di badge di @{handle} ({name}) con {count} abbonati.' },
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
  'packs.ui.list.subscribers': { one: '{count} abbonato', many: '{count} abbonati', other: '{count} abbonati' },
  'packs.ui.list.tiers': { one: '{count} livello', many: '{count} livelli', other: '{count} livelli' },
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
} satisfies Translation<typeof english>;
