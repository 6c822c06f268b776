// TikTok shows counts rounded ("10.5K", "1,2 Mio.", "12.3万"). A parsed count keeps the interval of
// true values that could be displayed that way, so later maths can say "at least" instead of guessing.

export interface Count {
  /** The number as displayed, e.g. 10500 for "10.5K". */
  value: number;
  /** True when the display used a suffix, so the true number lies somewhere in the bounds. */
  rounded: boolean;
  /** Smallest whole number that could be displayed this way. */
  lowerBound: number;
  /** Largest whole number that could be displayed this way. */
  upperBound: number;
}

// Suffixes in lower case, without a trailing dot. Latin ones seen on TikTok and in the locales it
// formats for (de "Tsd./Mio./Mrd.", it "Mln/Mld", fr "k/M/Md", es/pt "mil", pt "mi"); East Asian units
// of ten thousand and a hundred million.
const multipliers: Record<string, number> = {
  '': 1,
  k: 1e3,
  tsd: 1e3,
  mil: 1e3,
  '千': 1e3,
  m: 1e6,
  mio: 1e6,
  mln: 1e6,
  mi: 1e6,
  b: 1e9,
  bn: 1e9,
  mrd: 1e9,
  mld: 1e9,
  md: 1e9,
  '万': 1e4,
  '萬': 1e4,
  '만': 1e4,
  '億': 1e8,
  '亿': 1e8,
  '억': 1e8,
};

const MAX_TEXT = 40;
// Digits with separators, then whatever follows (the suffix). \s covers NBSP and narrow NBSP.
const SHAPE = /^(\d[\d.,'\s]*?)\s*([^\d\s.,']*)\.?$/;
// A whole number: plain digits, or groups of three with one consistent separator.
const WHOLE = /^(?:\d+|\d{1,3}([.,' ])\d{3}(?:\1\d{3})*)$/;
// A decimal: a whole part (maybe grouped), then a decimal separator and digits.
const DECIMAL = /^(\d+|\d{1,3}([.,' ])\d{3}(?:\2\d{3})*)([.,])(\d+)$/;

/** Full-width digits and punctuation (Japanese and Chinese pages) to ASCII. */
function toAscii(text: string): string {
  return text.replace(/[\uff10-\uff19\uff0c\uff0e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Reads a displayed count. With a suffix, a single "." or "," is the decimal separator ("10,5K");
 * without one the number must be whole, so separators are grouping ("1.234", "1,234", "1 234").
 * Returns null for anything else (negative numbers, words, empty text).
 */
export function parseCount(text: string): Count | null {
  if (text.length > MAX_TEXT) return null;
  const shape = SHAPE.exec(toAscii(text).trim());
  if (!shape) return null;
  const numberText = (shape[1] ?? '').replace(/\s/g, ' ');
  const suffix = (shape[2] ?? '').toLowerCase().replace(/\.$/, '');
  const multiplier = multipliers[suffix];
  if (multiplier === undefined) return null;

  let digits: string;
  let decimals = 0;
  const decimal = multiplier > 1 ? DECIMAL.exec(numberText) : null;
  if (decimal && decimal[2] !== decimal[3]) {
    const fraction = decimal[4] ?? '';
    digits = (decimal[1] ?? '').replace(/[.,' ]/g, '') + fraction;
    decimals = fraction.length;
  } else if (WHOLE.test(numberText)) {
    digits = numberText.replace(/[.,' ]/g, '');
  } else {
    return null;
  }

  const exact = (Number(digits) * multiplier) / 10 ** decimals;
  if (!Number.isSafeInteger(Math.ceil(exact * 1.1))) return null;
  if (multiplier === 1) return { value: exact, rounded: false, lowerBound: exact, upperBound: exact };
  // TikTok may round or truncate, and drops a trailing ".0": a true number n shows as this text when
  // it lies within half a step below or a whole step above. A step is the last decimal place shown,
  // at least one tenth of the unit.
  const step = multiplier / 10 ** Math.max(1, decimals);
  return {
    value: Math.round(exact),
    rounded: true,
    lowerBound: Math.max(0, Math.ceil(exact - step / 2)),
    upperBound: Math.ceil(exact + step) - 1,
  };
}

/** A count known to be whole and exact: digits, maybe grouped ("1,234"); null otherwise. */
export function parseExactCount(text: string): number | null {
  const count = parseCount(text);
  return count && !count.rounded ? count.value : null;
}

/** Adds counts, bounds included; null for an empty list. */
export function sumCounts(counts: readonly Count[]): Count | null {
  if (counts.length === 0) return null;
  return counts.reduce((sum, count) => ({
    value: sum.value + count.value,
    rounded: sum.rounded || count.rounded,
    lowerBound: sum.lowerBound + count.lowerBound,
    upperBound: sum.upperBound + count.upperBound,
  }));
}
