import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { currencyCodes, formatMoney, formatPriceInput, isCurrency, minorDigits, parsePrice, toMajor } from '@/lib/domain/currency';
import { defaultPricePoints } from '@/lib/domain/defaults';
import { findMarket, marketName, markets } from '@/lib/domain/markets';
import { pricePointsSchema } from '@/lib/domain/schema';

describe('parsePrice', () => {
  it.each([
    ['4.99', 'EUR', 499],
    ['4,99', 'EUR', 499],
    ['1.234,50', 'EUR', 123450],
    ['1,234.50', 'USD', 123450],
    ['1 234,50', 'EUR', 123450],
    ["1'234.50", 'CHF', 123450],
    ['  4.9 ', 'EUR', 490],
    ['5', 'EUR', 500],
    ['1.234', 'EUR', 123400],
    ['1,000,000', 'USD', 100000000],
    ['5', 'JPY', 5],
    ['1.500', 'JPY', 1500],
    ['1,500', 'JPY', 1500],
    ['1.234', 'KWD', 1234],
  ])('"%s" in %s is %i minor units', (text, currency, minor) => {
    expect(parsePrice(text, currency)).toBe(minor);
  });

  it.each([
    ['abc', 'EUR'],
    ['-3', 'EUR'],
    ['', 'EUR'],
    ['   ', 'EUR'],
    ['4.99€', 'EUR'],
    ['.99', 'EUR'],
    ['1e3', 'EUR'],
    ['5.5', 'JPY'],
    ['1.2.3', 'EUR'],
    ['12,34,567', 'USD'],
    ['9'.repeat(30), 'EUR'],
    ['99999999999999999', 'JPY'],
  ])('"%s" in %s is not a price', (text, currency) => {
    expect(parsePrice(text, currency)).toBeNull();
  });

  it('reads back what formatPriceInput writes, in English and Italian', () => {
    const codes = [...new Set(markets.map((m) => m.currency)), 'KWD'];
    fc.assert(
      fc.property(fc.constantFrom(...codes), fc.integer({ min: 0, max: 100_000_000 }), fc.constantFrom('en-US', 'it-IT'), (currency, minor, locale) => {
        expect(parsePrice(formatPriceInput(minor, currency, locale), currency)).toBe(minor);
      }),
      { numRuns: 300 },
    );
  });
});

describe('formatting money', () => {
  it('formats in the locale, with the currency\'s own digits', () => {
    expect(formatMoney(499, 'USD', 'en-US')).toBe('$4.99');
    expect(formatMoney(499, 'EUR', 'it-IT')).toBe('4,99\u00a0€');
    expect(formatMoney(123456, 'EUR', 'en-US')).toBe('€1,234.56');
    expect(formatMoney(500, 'JPY', 'en-US')).toBe('¥500');
    expect(formatMoney(1234, 'KWD', 'en-US')).toBe('KWD\u00a01.234');
    expect(formatPriceInput(123450, 'EUR', 'it-IT')).toBe('1234,50');
    expect(formatPriceInput(123450, 'EUR', 'en-US')).toBe('1234.50');
  });

  it('knows minor digits and refuses unknown currencies', () => {
    expect(minorDigits('EUR')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('BHD')).toBe(3);
    expect(toMajor(499, 'EUR')).toBe(4.99);
    expect(toMajor(500, 'JPY')).toBe(500);
    expect(() => minorDigits('XYZ')).toThrow(RangeError);
    expect(isCurrency('eur')).toBe(false);
  });

  it('lists codes sorted, once each, all known to Intl', () => {
    expect(currencyCodes).toEqual([...new Set(currencyCodes)].sort());
    expect(currencyCodes.length).toBeGreaterThan(150);
    for (const code of currencyCodes) expect(() => formatMoney(100, code, 'en-US')).not.toThrow();
  });
});

describe('markets and default price points', () => {
  it('every market uses a known currency and has a unique code', () => {
    for (const market of markets) expect(isCurrency(market.currency), market.code).toBe(true);
    expect(new Set(markets.map((m) => m.code)).size).toBe(markets.length);
    expect(findMarket('IT')).toEqual({ code: 'IT', currency: 'EUR' });
    expect(findMarket('it')).toBeUndefined();
  });

  it('every default price point list passes its schema and rises', () => {
    for (const points of defaultPricePoints) {
      expect(pricePointsSchema.safeParse(points).success, points.currency).toBe(true);
      expect(points.suggested, points.currency).toEqual([...points.suggested].sort((a, b) => a - b));
    }
    expect(new Set(defaultPricePoints.map((p) => p.currency)).size).toBe(defaultPricePoints.length);
  });

  it('names markets in the UI language', () => {
    expect(marketName('IT', 'en-US')).toBe('Italy');
    expect(marketName('DE', 'it-IT')).toBe('Germania');
  });
});
