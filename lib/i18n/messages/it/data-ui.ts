import type { Translation } from '../../types';
import type english from '../en/data-ui';

export default {
  'data.wipe.profile': 'il tuo profilo (@{handle})',
  'data.wipe.tiers': { one: '{count} livello', many: '{count} livelli', other: '{count} livelli' },
  'data.wipe.perks': { one: '{count} vantaggio nella tua libreria', many: '{count} vantaggi nella tua libreria', other: '{count} vantaggi nella tua libreria' },
  'data.wipe.settings': 'le tue impostazioni: tema, lingua, fasce di prezzo, regole dei ricavi e regole di idoneità',
  'data.wipe.subscribers': { one: '{count} abbonato nel tuo elenco', many: '{count} abbonati nel tuo elenco', other: '{count} abbonati nel tuo elenco' },
  'data.wipe.subscribersUnknown': 'il tuo elenco di abbonati',
  'data.wipe.packs': { one: '{count} pacchetto di badge che hai importato da altri creator', many: '{count} pacchetti di badge che hai importato da altri creator', other: '{count} pacchetti di badge che hai importato da altri creator' },
  'data.wipe.packsUnknown': 'i pacchetti di badge che hai importato da altri creator',
  'data.wipe.statDays': { one: '{count} giorno di numeri registrati (follower, visualizzazioni)', many: '{count} giorni di numeri registrati (follower, visualizzazioni)', other: '{count} giorni di numeri registrati (follower, visualizzazioni)' },
  'data.wipe.statsUnknown': 'i tuoi numeri registrati (follower, visualizzazioni)',
  'data.wipe.posts': { one: '{count} post solo per abbonati che hai registrato', many: '{count} di post solo per abbonati che hai registrato', other: '{count} post solo per abbonati che hai registrato' },
  'data.wipe.postsUnknown': 'il tuo registro dei post solo per abbonati',
  'data.wipe.key': 'la tua chiave di firma ({fingerprint})',
  'data.wipe.keepKey': 'Conserva la mia chiave di firma',
  'data.wipe.keepKeyHint':
    'La tua chiave {fingerprint} resta: il tuo prossimo pacchetto di badge è firmato con essa, e i fan che hanno i tuoi pacchetti continuano a vedere lo stesso firmatario.',
  'data.wipe.deleteKeyWarning':
    'Verrà eliminata anche la tua chiave di firma. Tierkit ne crea una nuova alla prossima esportazione, e ogni fan che ha i tuoi pacchetti vedrà un firmatario diverso. Se potresti volerla di nuovo, fanne prima un backup (La tua chiave di firma, in questa pagina).',
  'data.wipe.keyUnknown': 'La tua chiave di firma, se ne hai una, viene conservata.',
  'data.wipe.backupHolds':
    'Un backup contiene profilo, livelli, vantaggi, impostazioni, numeri registrati ed elenco degli abbonati: non i pacchetti di badge importati, né la tua chiave di firma.',
  'data.wipe.done': 'Tutti i dati sono stati eliminati.',
  'data.wipe.doneKeptKey': 'Tutti i dati sono stati eliminati. La tua chiave di firma è stata conservata.',
  'data.wipe.doneWithKey': 'Tutti i dati sono stati eliminati, compresa la tua chiave di firma.',

  'data.key.heading': 'La tua chiave di firma',
  'data.key.intro':
    'Tierkit firma i tuoi pacchetti di badge con questa chiave, e i fan distinguono i tuoi pacchetti da quelli di chiunque altro grazie alla sua impronta. Se i dati di questo browser vanno persi, una nuova chiave fa vedere a ogni fan un firmatario diverso: conservane un backup, cifrato con una passphrase, in un posto sicuro.',
  'data.key.fingerprint': 'Impronta',
  'data.key.created': 'creata il {date}',
  'data.key.none':
    'Non hai ancora una chiave di firma: Tierkit la crea la prima volta che esporti un pacchetto di badge. Puoi anche ripristinarne una da un backup.',
  'data.key.old':
    'Questa chiave è stata creata da una versione precedente di Tierkit, che la conservava in modo che non possa mai lasciare questo browser: non se ne può fare un backup, e va persa con i dati di questo browser. Continua a firmare i tuoi pacchetti. Per avere una chiave di cui fare il backup, creane una nuova: i fan che hanno i tuoi pacchetti vedranno un firmatario diverso sul prossimo pacchetto, quindi pubblica la nuova impronta dove sanno che sei tu (per esempio nella tua bio di TikTok).',
  'data.key.renew': 'Crea una nuova chiave',
  'data.key.renewHeading': 'Sostituire la tua chiave di firma?',
  'data.key.renewText':
    'Oggi i tuoi pacchetti sono firmati con {fingerprint}. Una nuova chiave prende il suo posto per ogni pacchetto che esporterai, e la chiave attuale viene eliminata. I fan vedono un firmatario diverso finché non confrontano la nuova impronta con quella che pubblichi.',
  'data.key.renewed': 'La tua nuova chiave è {fingerprint}. Fanne subito un backup.',
  'data.key.renewFailed': 'La chiave non è stata sostituita:',
  'data.key.backupHeading': 'Backup della chiave',
  'data.key.passphrase': 'Passphrase',
  'data.key.passphraseRepeat': 'Ripeti la passphrase',
  'data.key.passphraseHint':
    'Almeno {min} caratteri; alcune parole senza legame tra loro sono facili da ricordare e difficili da indovinare. Senza di essa il backup non si può aprire, e Tierkit non può recuperarla.',
  'data.key.mismatch': 'Le due passphrase sono diverse',
  'data.key.backupButton': 'Salva il backup della chiave',
  'data.key.backupDone':
    'Salvato come {file}. Tieni separati il file e la passphrase: chi li ha entrambi può firmare pacchetti a tuo nome.',
  'data.key.backupFailed': 'Il backup della chiave non è stato fatto:',
  'data.key.restoreHeading': 'Ripristina una chiave da un backup',
  'data.key.restoreFile': 'Backup della chiave da ripristinare',
  'data.key.restoreDrop': 'Oppure trascina qui il file.',
  'data.key.restorePassphrase': 'Passphrase del backup',
  'data.key.restoreCheck': 'Controlla il backup',
  'data.key.checking': 'Controllo del backup…',
  'data.key.fileTooLarge': 'Questo file è di {size}: un backup della chiave di firma è sotto i 16 KB, quindi non lo è.',
  'data.key.restoreSame': 'Questo backup è della chiave che hai già ({fingerprint}). Non c’è nulla da ripristinare.',
  'data.key.restoreFailed': 'Non è stato ripristinato nulla:',
  'data.key.replaceHeading': 'Sostituire la tua chiave di firma?',
  'data.key.restoreHeadingNew': 'Usare questa chiave di firma?',
  'data.key.current': 'La tua chiave ora',
  'data.key.currentNone': 'nessuna',
  'data.key.fromBackup': 'Chiave nel backup',
  'data.key.replaceWarning':
    'Ogni pacchetto che esporterai sarà firmato con la chiave del backup, e la tua chiave attuale viene eliminata. I fan che conoscono la tua chiave attuale vedranno un firmatario diverso.',
  'data.key.restoreNewText': 'Ogni pacchetto che esporterai sarà firmato con la chiave del backup.',
  'data.key.restoreConfirm': 'Usa la chiave del backup',
  'data.key.restored': 'Ripristinata: da ora i tuoi pacchetti sono firmati con {fingerprint}.',
  'data.key.link': 'Fai il backup o ripristina questa chiave',
} satisfies Translation<typeof english>;
