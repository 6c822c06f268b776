// TikTok Studio writes days without a year, in the Studio's language: "28 August", "September 17",
// "11 septembre", "3 de marzo", "17. September", "5 de setembro", abbreviated too ("Sep 17", "3 mar.").
// Month words of every language are read together: no word means two different months, so a file
// that mixes languages still reads correctly, row by row.

const monthNames: readonly (readonly string[])[] = [
  // en, it, fr, es, de, pt (accents removed; de also "maerz", Austrian "jaenner", es also "setiembre")
  ['january', 'gennaio', 'janvier', 'enero', 'januar', 'janeiro', 'jaenner', 'janner'],
  ['february', 'febbraio', 'fevrier', 'febrero', 'februar', 'fevereiro'],
  ['march', 'marzo', 'mars', 'marz', 'maerz', 'marco'],
  ['april', 'aprile', 'avril', 'abril'],
  ['may', 'maggio', 'mai', 'mayo', 'maio'],
  ['june', 'giugno', 'juin', 'junio', 'juni', 'junho'],
  ['july', 'luglio', 'juillet', 'julio', 'juli', 'julho'],
  ['august', 'agosto', 'aout'],
  ['september', 'settembre', 'septembre', 'septiembre', 'setiembre', 'setembro'],
  ['october', 'ottobre', 'octobre', 'octubre', 'oktober', 'outubro'],
  ['november', 'novembre', 'noviembre', 'novembro'],
  ['december', 'dicembre', 'decembre', 'diciembre', 'dezember', 'dezembro'],
];

/** Every prefix of at least three letters that names exactly one month (so "jui", fr juin/juillet, is out). */
const monthByWord: ReadonlyMap<string, number> = (() => {
  const found = new Map<string, number>();
  const ambiguous = new Set<string>();
  monthNames.forEach((names, index) => {
    for (const name of names) {
      for (let length = 3; length <= name.length; length++) {
        const prefix = name.slice(0, length);
        const month = found.get(prefix);
        if (month !== undefined && month !== index + 1) ambiguous.add(prefix);
        found.set(prefix, index + 1);
      }
    }
  });
  for (const prefix of ambiguous) found.delete(prefix);
  return found;
})();

// Case-insensitive, surrounding spaces allowed. "28 august", "1er janvier", "3 de marzo",
// "17. september", "1º de maio", optionally "… 2024"
const DAY_FIRST = /^\s*(\d{1,2})(?:er|º|°|\.)?\s+(?:de\s+)?([a-z]+)\.?(?:,?\s+(?:de\s+)?(\d{4}))?\s*$/i;
// "september 17", "sep 17", "aug 3rd", optionally ", 2024"
const MONTH_FIRST = /^\s*([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\s*$/i;
const ISO = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

// Two-digit months and days, built once: an import formats hundreds of dates.
const TWO_DIGITS = Array.from({ length: 32 }, (_, n) => (n < 10 ? `0${n}` : String(n)));

/** The day as YYYY-MM-DD, or why it could not be read. */
export type DayResult = string | { reason: 'badDate' } | { reason: 'noSuchDay'; year: number };
const BAD_DATE = { reason: 'badDate' } as const;

/**
 * A reader of Studio days for one export. `referenceDate` (YYYY-MM-DD) is the last day the export
 * can hold: a day without a year gets the latest year that puts it on or before that date, so in an
 * export ending in January a December day belongs to the year before.
 */
export function studioDayReader(referenceDate: string): (text: string) => DayResult {
  const referenceYear = Number(referenceDate.slice(0, 4));
  const referenceMonthDay = Number(referenceDate.slice(5, 7)) * 100 + Number(referenceDate.slice(8, 10));

  return (text) => {
    // Accented month names ("août", "März", "março") are matched without their accents.
    const plain = /[^\x00-\x7f]/.test(text) ? text.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : text;
    let day: number;
    let month: number | undefined;
    let year: number | undefined;
    let match: RegExpExecArray | null;
    if ((match = DAY_FIRST.exec(plain))) {
      day = Number(match[1]);
      month = monthByWord.get(match[2]!.toLowerCase());
      year = match[3] ? Number(match[3]) : undefined;
    } else if ((match = MONTH_FIRST.exec(plain))) {
      month = monthByWord.get(match[1]!.toLowerCase());
      day = Number(match[2]);
      year = match[3] ? Number(match[3]) : undefined;
    } else if ((match = ISO.exec(plain))) {
      [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    } else {
      return BAD_DATE;
    }
    if (month === undefined || month < 1 || month > 12 || day < 1 || day > 31) return BAD_DATE;
    year ??= month * 100 + day <= referenceMonthDay ? referenceYear : referenceYear - 1;
    if (day > daysInMonth(year, month)) return { reason: 'noSuchDay', year };
    return `${year}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}`;
  };
}

/** A real calendar date (YYYY-MM-DD) found in a file name like Overview_2024-09-17_1726563600_handle.zip. */
export function dateInFileName(name: string): string | null {
  for (const match of name.matchAll(/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g)) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (year >= 2016 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) return match[0];
  }
  return null;
}
