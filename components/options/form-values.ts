// Reading numbers the way people type them in either language ("12.5" or "12,5").

/** A decimal number from a text field; NaN when it is empty or not a number. */
export function parseDecimal(text: string): number {
  const cleaned = text.trim().replace(',', '.');
  return cleaned === '' || !/^-?\d*\.?\d+$/.test(cleaned) ? Number.NaN : Number(cleaned);
}

/** A number as a person would type it back in the given locale, without grouping. */
export function formatDecimal(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false }).format(value);
}
