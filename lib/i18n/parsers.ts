import { section } from './section';

// Messages of the TikTok Studio import (lib/parsers): what is wrong with a file the creator chose.
export const parsers = section(
  {
    'parser.tooLarge': '{file} is {size}; Tierkit reads files up to {max}',
    'parser.unreadable': '{file} could not be read: it was moved, deleted or changed after it was chosen',
    'parser.tooManyRows': '{file} has more than {max} rows; a TikTok Studio export covers at most 365 days',
    'parser.notText': '{file} is not a CSV text file (it contains binary data)',
    'parser.empty': '{file} is empty',
    'parser.noDays': '{file} has a header but no days',
    'parser.unknownHeader':
      '{file} is not a TikTok Studio Overview or FollowerHistory export: its first row is "{header}"',
    'parser.otherStudioFile':
      '{file} is the TikTok Studio "{kind}" export; Tierkit reads Overview.csv (daily video views) and FollowerHistory.csv (daily followers)',
    'parser.columnCount': 'This row has {count} columns; the header has {expected}',
    'parser.badDate': '"{value}" is not a date Tierkit can read (a day and a month, like "28 August")',
    'parser.noSuchDay': '"{value}" does not exist in {year}',
    'parser.duplicateDay': 'This day is also on row {row}',
    'parser.badNumber': '"{value}" is not a count (a whole number, 0 or more)',
    'parser.moreProblems': '…and {count} more problems in this file',
    'parser.zipDamaged': '{file} is a damaged or unsupported ZIP archive',
    'parser.zipTooManyEntries': '{file} holds {count} files; Tierkit opens archives of at most {max}',
    'parser.zipTooLarge': '{file} would expand to {size}; Tierkit opens archives up to {max}',
    'parser.zipEntryTooLarge': '{entry} in {file} would expand to {size}; the limit is {max}',
    'parser.zipBomb': '{entry} in {file} expands {ratio} times: this looks like a ZIP bomb, so it was not opened',
    'parser.zipNoCsv':
      '{file} contains no Overview.csv or FollowerHistory.csv (it holds: {names})',
    'parser.zipEntryOutgrows':
      '{entry} in {file} expands past the {declared} bytes it declares, so it was not opened: the archive is damaged or forged',
    'parser.zipEntryShort':
      '{entry} in {file} holds {size} bytes but declares {declared}, so it was not read: the archive is damaged or forged',
    'parser.zipEntryChecksum':
      '{entry} in {file} does not match its checksum (CRC-32), so it was not read: the archive is damaged or forged',
    'parser.zipEntryDamaged': '{entry} in {file} is damaged, encrypted or compressed in a way Tierkit does not read',
    'parser.xlsx': '{file} is an Excel workbook; download the TikTok Studio data as CSV instead',
  },
  {
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
    'parser.columnCount': "Questa riga ha {count} colonne; l'intestazione ne ha {expected}",
    'parser.badDate': '"{value}" non è una data che Tierkit sa leggere (un giorno e un mese, come "28 agosto")',
    'parser.noSuchDay': '"{value}" non esiste nel {year}',
    'parser.duplicateDay': 'Questo giorno compare anche alla riga {row}',
    'parser.badNumber': '"{value}" non è un conteggio (un numero intero, 0 o più)',
    'parser.moreProblems': '…e altri {count} problemi in questo file',
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
  },
);
