import type { Translation } from '../../types';
import type english from '../en/parsers';

export default {
  'parser.tooLarge': '{file} pesa {size}; Tierkit legge file fino a {max}',
  'parser.unreadable': '{file} non si può leggere: è stato spostato, eliminato o modificato dopo essere stato scelto',
  'parser.tooManyRows': '{file} ha più di {max} righe; un export di TikTok Studio copre al massimo 365 giorni',
  'parser.notText': '{file} non è un file di testo CSV (contiene dati binari)',
  'parser.empty': '{file} è vuoto',
  'parser.noDays': "{file} ha un'intestazione ma nessun giorno",
  'parser.unknownHeader':
    '{file} non è un export Overview o FollowerHistory di TikTok Studio: la sua prima riga è "{header}"',
  'parser.otherStudioFile':
    '{file} è l\'export "{kind}" di TikTok Studio; Tierkit legge Overview.csv (visualizzazioni giornaliere) e FollowerHistory.csv (follower giornalieri)',
  'parser.columnCount': {
    one: "Questa riga ha {count} colonna; l'intestazione ne ha {expected}",
    many: "Questa riga ha {count} di colonne; l'intestazione ne ha {expected}",
    other: "Questa riga ha {count} colonne; l'intestazione ne ha {expected}",
  },
  'parser.badDate': '"{value}" non è una data che Tierkit sa leggere (un giorno e un mese, come "28 agosto")',
  'parser.noSuchDay': '"{value}" non esiste nel {year}',
  'parser.duplicateDay': 'Questo giorno compare anche alla riga {row}',
  'parser.badNumber': '"{value}" non è un conteggio (un numero intero, 0 o più)',
  'parser.moreProblems': {
    one: '…e ancora {count} problema in questo file',
    many: '…e altri {count} di problemi in questo file',
    other: '…e altri {count} problemi in questo file',
  },
  'parser.zipDamaged': '{file} è un archivio ZIP danneggiato o non supportato',
  'parser.zipTooManyEntries': '{file} contiene {count} file; Tierkit apre archivi di al massimo {max}',
  'parser.zipTooLarge': '{file} si espanderebbe a {size}; Tierkit apre archivi fino a {max}',
  'parser.zipEntryTooLarge': '{entry} in {file} si espanderebbe a {size}; il limite è {max}',
  'parser.zipBomb': '{entry} in {file} si espande {ratio} volte: sembra una ZIP bomb, quindi non è stato aperto',
  'parser.zipNoCsv': '{file} non contiene Overview.csv né FollowerHistory.csv (contiene: {names})',
  'parser.zipEntryOutgrows':
    "{entry} in {file} si espande oltre i {declared} byte che dichiara, quindi non è stato aperto: l'archivio è danneggiato o contraffatto",
  'parser.zipEntryShort':
    "{entry} in {file} contiene {size} byte ma ne dichiara {declared}, quindi non è stato letto: l'archivio è danneggiato o contraffatto",
  'parser.zipEntryChecksum':
    "{entry} in {file} non corrisponde al suo checksum (CRC-32), quindi non è stato letto: l'archivio è danneggiato o contraffatto",
  'parser.zipEntryDamaged': '{entry} in {file} è danneggiato, cifrato o compresso in un modo che Tierkit non legge',
  'parser.xlsx': '{file} è una cartella di lavoro Excel; scarica invece i dati di TikTok Studio come CSV',
} satisfies Translation<typeof english>;
