import type { Translation } from '../../types';
import type english from '../en/packs';

export default {
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
  'pack.err.moreProblems': { one: '…e ancora {count} problema', many: '…e altri {count} di problemi', other: '…e altri {count} problemi' },
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
  'pack.export.missingTier': {
    one: '{count} abbonato attivo ha un livello che non esiste più (id “{id}”): assegnagli un altro livello in Abbonati, o rimuovilo',
    many: '{count} di abbonati attivi hanno un livello che non esiste più (id “{id}”): assegna loro un altro livello in Abbonati, o rimuovili',
    other: '{count} abbonati attivi hanno un livello che non esiste più (id “{id}”): assegna loro un altro livello in Abbonati, o rimuovili',
  },
  'pack.export.keyUnreadable': 'La chiave di firma di Tierkit non si può più leggere ({detail}), quindi non può firmare un pacchetto',
  'pack.export.subscriber': 'Abbonato {name}: {message}',
  'pack.export.tier': 'Livello “{name}”: {message}',
  'pack.err.ownHandle':
    'Questo pacchetto dichiara il tuo nome utente TikTok (@{handle}) ma non è firmato con la tua chiave: i tuoi badge vengono dal tuo elenco di abbonati, quindi non è stato importato',
  'pack.err.notHeld': 'Questo pacchetto non è tenuto da parte: non c’è niente da scegliere',
  'pack.err.conflictChanged': 'I pacchetti di badge di @{handle} sono cambiati nel frattempo: guardali di nuovo, poi scegli',
} satisfies Translation<typeof english>;
