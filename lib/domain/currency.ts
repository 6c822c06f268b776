// ISO 4217 active currency codes with their minor-unit digits. Prices are stored as integers in minor
// units (cents), so every currency needs its exponent.
const ZERO_DIGITS = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF';
const THREE_DIGITS = 'BHD IQD JOD KWD LYD OMR TND';
const TWO_DIGITS =
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN BZD CAD ' +
  'CDF CHF CNY COP CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD ' +
  'HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD ' +
  'MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON ' +
  'RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD ' +
  'TZS UAH USD UYU UZS VES WST XCD YER ZAR ZMW ZWG';

const digits = new Map<string, number>();
for (const [list, n] of [
  [ZERO_DIGITS, 0],
  [TWO_DIGITS, 2],
  [THREE_DIGITS, 3],
] as const) {
  for (const code of list.split(' ')) digits.set(code, n);
}

export const currencyCodes: readonly string[] = [...digits.keys()].sort();

export function isCurrency(code: string): boolean {
  return digits.has(code);
}

/** Minor-unit digits of a known currency (2 for EUR, 0 for JPY). */
export function minorDigits(currency: string): number {
  const n = digits.get(currency);
  if (n === undefined) throw new RangeError(`Unknown currency ${currency}`);
  return n;
}

/** 499 EUR -> 4.99; 500 JPY -> 500. */
export function toMajor(minor: number, currency: string): number {
  return minor / 10 ** minorDigits(currency);
}

/** Parses what a person types as a price ("4.99", "4,99", "1.234,50") into minor units, or null. */
export function parsePrice(text: string, currency: string): number | null {
  const cleaned = text.trim().replace(/[\s'\u00a0]/g, '');
  if (!/^\d[\d.,]*$/.test(cleaned)) return null;
  const n = minorDigits(currency);
  // The last separator followed by at most n digits is the decimal point; others group thousands.
  let whole = cleaned;
  let fraction = '';
  const last = Math.max(cleaned.lastIndexOf('.'), cleaned.lastIndexOf(','));
  if (last >= 0 && n > 0 && cleaned.length - last - 1 <= n) {
    whole = cleaned.slice(0, last);
    fraction = cleaned.slice(last + 1);
  }
  // Separators left in the whole part group thousands, so each must be followed by three digits:
  // "5.5" in yen is a typo, not 55.
  if (!/^\d+$|^\d{1,3}([.,]\d{3})+$/.test(whole) || !/^\d*$/.test(fraction)) return null;
  whole = whole.replace(/[.,]/g, '');
  const value = Number(whole) * 10 ** n + Number(fraction.padEnd(n, '0') || '0');
  return Number.isSafeInteger(value) ? value : null;
}

/** Money for display in the given locale: formatMoney(499, 'EUR', 'it-IT') -> "4,99 €". */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const n = minorDigits(currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: n,
    maximumFractionDigits: n,
  }).format(toMajor(minor, currency));
}

/** The amount as a person would type it back into a price field, without the symbol. */
export function formatPriceInput(minor: number, currency: string, locale: string): string {
  const n = minorDigits(currency);
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: n,
    maximumFractionDigits: n,
    useGrouping: false,
  }).format(toMajor(minor, currency));
}
