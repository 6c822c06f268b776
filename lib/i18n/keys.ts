import { section } from './section';

// Messages about the creator's signing key and its backup file (lib/packs/key-backup.ts), looked up
// directly with sectionMessage: they are made in the background and shown on the options page.
export const keys = section(
  {
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
  },
  {
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
  },
);
