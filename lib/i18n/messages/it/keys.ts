import type { Translation } from '../../types';
import type english from '../en/keys';

export default {
  'key.err.tooLarge': 'Il file è di {size}; un backup della chiave di firma è al massimo di {max}. Non è un backup della chiave di Tierkit.',
  'key.err.notJson': 'Il file non è un documento JSON completo: potrebbe essere stato troncato o danneggiato ({detail})',
  'key.err.notAKeyBackup': 'Questo file non è un backup della chiave di firma di Tierkit',
  'key.err.isPack': 'Questo file è un pacchetto di badge, non un backup della chiave di firma: importalo nella sezione Pacchetti di badge',
  'key.err.isBackup': 'Questo file è un backup dei dati di Tierkit, non della chiave di firma: importalo in “Importa un backup”',
  'key.err.tooNew':
    'Questo backup della chiave è stato creato da un Tierkit più recente (versione del formato {version}); questo legge la versione {supported}. Aggiorna Tierkit e riprova.',
  'key.err.damaged': 'Il backup della chiave è danneggiato ({detail}). Non è stato ripristinato nulla.',
  'key.err.fingerprintMismatch': 'l’impronta scritta nel file non è quella della sua chiave',
  'key.err.keyMismatch': 'la chiave privata nel file non corrisponde alla sua chiave pubblica',
  'key.err.wrongPassphrase':
    'La passphrase è sbagliata, oppure il file è stato modificato dopo il salvataggio. Non è stato ripristinato nulla: controlla la passphrase (maiuscole, spazi) e riprova.',
  'key.err.passphraseTooShort': 'Usa una passphrase di almeno {min} caratteri',
  'key.err.noKey': 'Non c’è ancora una chiave di firma: Tierkit la crea la prima volta che esporti un pacchetto di badge',
  'key.err.notExtractable':
    'Questa chiave è stata creata da una versione precedente di Tierkit, che la conservava in modo che non si possa copiare fuori da questo browser. Non se ne può fare un backup; crea una nuova chiave che lo permetta.',
  'key.err.changedMeanwhile':
    'La tua chiave di firma è cambiata dopo il controllo del backup (in un’altra finestra?). Non è stato modificato nulla: controlla di nuovo il backup.',
  'key.err.unreadable': 'La chiave di firma salvata non si può più leggere ({detail})',
  'key.err.bytes': 'Atteso base64url di {bytes} byte',
  'key.err.encoding': 'Atteso base64url',
} satisfies Translation<typeof english>;
