import { section } from './section';

// Messages of the subscriber roster (lib/roster): record validation, the roster CSV import, and the
// badge's tooltip. lib/roster looks them up directly (rosterMessage), so they work in the background
// and on pages whether or not this section is registered with addMessages.
export const roster = section(
  {
    'roster.err.handleOrNickname': 'Give a TikTok username or a nickname (or both)',
    'roster.err.nicknameTooLong': 'A nickname has at most {max} characters',
    'roster.err.months': 'Months must be a whole number from 0 to {max}, or empty to count them from the start date',
    'roster.csv.tooManyRows': '{file} has more than {max} rows; Tierkit imports at most {max} subscribers at once',
    'roster.csv.noRows': '{file} has a header but no subscribers',
    'roster.csv.missingColumn': '{file} has no "{column}" column; the first row must name the columns: {columns}',
    'roster.csv.unknownColumn': '{file} has a column "{column}" Tierkit does not know; the columns are: {columns}',
    'roster.csv.duplicateColumn': '{file} has the column "{column}" twice',
    'roster.csv.unknownTier': 'There is no tier named "{value}"; the tiers are: {tiers}',
    'roster.csv.noTiers': 'There is no tier named "{value}"; create the tiers before importing subscribers',
    'roster.csv.invalidCell': '{message}',
    'roster.csv.badDate': '"{value}" is not a date as YYYY-MM-DD (for example 2025-03-31)',
    'roster.csv.futureDate': '{value} is after today',
    'roster.csv.badStatus': '"{value}" is not a status; use active or lapsed (empty means active)',
    'roster.csv.duplicateHandle': 'This username is also on row {row}',
    'roster.tooltip.one': '{tier} · {months} month · since {since}',
    'roster.tooltip.other': '{tier} · {months} months · since {since}',
  },
  {
    'roster.err.handleOrNickname': 'Indica un nome utente TikTok o un nickname (o entrambi)',
    'roster.err.nicknameTooLong': 'Un nickname ha al massimo {max} caratteri',
    'roster.err.months': 'I mesi devono essere un numero intero da 0 a {max}, o vuoti per contarli dalla data di inizio',
    'roster.csv.tooManyRows': '{file} ha più di {max} righe; Tierkit importa al massimo {max} abbonati alla volta',
    'roster.csv.noRows': "{file} ha un'intestazione ma nessun abbonato",
    'roster.csv.missingColumn': '{file} non ha la colonna "{column}"; la prima riga deve nominare le colonne: {columns}',
    'roster.csv.unknownColumn': '{file} ha una colonna "{column}" che Tierkit non conosce; le colonne sono: {columns}',
    'roster.csv.duplicateColumn': '{file} ha due volte la colonna "{column}"',
    'roster.csv.unknownTier': 'Non esiste un livello chiamato "{value}"; i livelli sono: {tiers}',
    'roster.csv.noTiers': 'Non esiste un livello chiamato "{value}"; crea i livelli prima di importare gli abbonati',
    'roster.csv.invalidCell': '{message}',
    'roster.csv.badDate': '"{value}" non è una data nel formato AAAA-MM-GG (per esempio 2025-03-31)',
    'roster.csv.futureDate': '{value} è dopo oggi',
    'roster.csv.badStatus': '"{value}" non è uno stato; usa active (attivo) o lapsed (scaduto); vuoto vale active',
    'roster.csv.duplicateHandle': 'Questo nome utente compare anche alla riga {row}',
    'roster.tooltip.one': '{tier} · {months} mese · dal {since}',
    'roster.tooltip.other': '{tier} · {months} mesi · dal {since}',
  },
);
