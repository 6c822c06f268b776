// Markets a creator can pick, with the currency TikTok shows there. Subscription rolls out market by
// market; the list is data so a later release only edits it.
export interface Market {
  code: string; // ISO 3166-1 alpha-2
  currency: string; // ISO 4217
}

export const markets: readonly Market[] = [
  { code: 'US', currency: 'USD' },
  { code: 'CA', currency: 'CAD' },
  { code: 'GB', currency: 'GBP' },
  { code: 'IE', currency: 'EUR' },
  { code: 'FR', currency: 'EUR' },
  { code: 'DE', currency: 'EUR' },
  { code: 'AT', currency: 'EUR' },
  { code: 'IT', currency: 'EUR' },
  { code: 'ES', currency: 'EUR' },
  { code: 'PT', currency: 'EUR' },
  { code: 'NL', currency: 'EUR' },
  { code: 'BE', currency: 'EUR' },
  { code: 'CH', currency: 'CHF' },
  { code: 'SE', currency: 'SEK' },
  { code: 'NO', currency: 'NOK' },
  { code: 'DK', currency: 'DKK' },
  { code: 'PL', currency: 'PLN' },
  { code: 'BR', currency: 'BRL' },
  { code: 'MX', currency: 'MXN' },
  { code: 'AR', currency: 'ARS' },
  { code: 'CO', currency: 'COP' },
  { code: 'ID', currency: 'IDR' },
  { code: 'PH', currency: 'PHP' },
  { code: 'MY', currency: 'MYR' },
  { code: 'TH', currency: 'THB' },
  { code: 'VN', currency: 'VND' },
  { code: 'JP', currency: 'JPY' },
  { code: 'KR', currency: 'KRW' },
  { code: 'TW', currency: 'TWD' },
  { code: 'AU', currency: 'AUD' },
  { code: 'NZ', currency: 'NZD' },
  { code: 'TR', currency: 'TRY' },
  { code: 'SA', currency: 'SAR' },
  { code: 'AE', currency: 'AED' },
  { code: 'ZA', currency: 'ZAR' },
];

const byCode = new Map(markets.map((m) => [m.code, m]));

export function findMarket(code: string): Market | undefined {
  return byCode.get(code);
}

/** The market's name in the UI language, from the browser's own region names. */
export function marketName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
