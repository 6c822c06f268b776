import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCount, parseExactCount, sumCounts } from '@/lib/parsers/counts';

describe('parseCount', () => {
  it.each([
    ['46', 46],
    ['0', 0],
    ['1,234', 1234],
    ['1.234', 1234],
    ['1 234', 1234],
    ['1\u00a0234\u00a0567', 1234567],
    ["1'234", 1234],
    ['  12345  ', 12345],
    ['\u00a0999\u202f', 999],
  ])('reads the exact count %j', (text, value) => {
    expect(parseCount(text)).toEqual({ value, rounded: false, lowerBound: value, upperBound: value });
  });

  it.each([
    ['10.5K', 10500],
    ['696.1K', 696100],
    ['1.2M', 1_200_000],
    ['3B', 3_000_000_000],
    ['10,5K', 10500],
    ['10,5 k', 10500],
    ['1,2 Mio.', 1_200_000],
    ['2,1 Mio', 2_100_000],
    ['1,5 Mrd.', 1_500_000_000],
    ['3,4 Tsd.', 3400],
    ['1,2 Mln', 1_200_000],
    ['15,3 mil', 15300],
    ['1,2 mi', 1_200_000],
    ['2,5 Md', 2_500_000_000],
    ['12.3万', 123_000],
    ['1万', 10_000],
    ['1.2億', 120_000_000],
    ['1.2亿', 120_000_000],
    ['３.５万', 35_000],
    ['1.5천', null],
    ['\u00a010.5K\u00a0', 10500],
    ['1,234.5K', 1_234_500],
    ['1.234,5K', 1_234_500],
  ])('reads the rounded count %j', (text, value) => {
    const count = parseCount(text);
    if (value === null) return expect(count).toBeNull();
    expect(count?.value).toBe(value);
    expect(count?.rounded).toBe(true);
    expect(count!.lowerBound).toBeLessThanOrEqual(value);
    expect(count!.upperBound).toBeGreaterThanOrEqual(value);
  });

  it('gives the interval of true numbers a rounded display can stand for', () => {
    // Rounded or truncated to one decimal: 10.5K is anything from 10,450 to 10,599.
    expect(parseCount('10.5K')).toEqual({ value: 10500, rounded: true, lowerBound: 10450, upperBound: 10599 });
    // A trailing ".0" may have been dropped: "1M" keeps the width of one decimal.
    expect(parseCount('1M')).toEqual({ value: 1_000_000, rounded: true, lowerBound: 950_000, upperBound: 1_099_999 });
    expect(parseCount('1万')).toMatchObject({ lowerBound: 9500, upperBound: 10_999 });
  });

  it.each(['', ' ', 'abc', 'K', '-5', '1.5', '1,5', '1,23', '1.2.3K', '10.5X', '1e6', '12 34', '1,234,56', '١٢٣', '99999999999999999999'])(
    'refuses %j',
    (text) => {
      expect(parseCount(text)).toBeNull();
    },
  );

  it('refuses absurdly long text without trying', () => {
    expect(parseCount('1'.repeat(41))).toBeNull();
  });
});

// TikTok's formatter as public code shows it: exact below a thousand (or below 万 in Japanese), then
// one decimal with a unit, trailing ".0" dropped; whether it rounds or truncates is not known, so both.
type Style = { units: [number, string][]; decimal: string; space: string; exactGrouping: string };
const styles: Record<string, Style> = {
  en: { units: [[1e9, 'B'], [1e6, 'M'], [1e3, 'K']], decimal: '.', space: '', exactGrouping: '' },
  it: { units: [[1e9, 'Mld'], [1e6, 'Mln'], [1e3, 'K']], decimal: ',', space: '\u00a0', exactGrouping: '.' },
  de: { units: [[1e9, 'Mrd.'], [1e6, 'Mio.'], [1e3, 'Tsd.']], decimal: ',', space: '\u00a0', exactGrouping: '.' },
  ja: { units: [[1e8, '億'], [1e4, '万']], decimal: '.', space: '', exactGrouping: ',' },
};

function tiktokFormat(n: number, style: Style, truncate: boolean): string {
  const unit = style.units.find(([size]) => n >= size);
  if (!unit) return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, style.exactGrouping);
  const tenths = truncate ? Math.floor((n / unit[0]) * 10) : Math.round((n / unit[0]) * 10);
  const text = (tenths / 10).toFixed(1).replace(/\.0$/, '').replace('.', style.decimal);
  return `${text}${style.space}${unit[1]}`;
}

describe('parseCount against TikTok-style formatting', () => {
  it('brackets every number it was formatted from', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 5_000_000_000_000 })),
        fc.constantFrom(...Object.keys(styles)),
        fc.boolean(),
        (n, styleName, truncate) => {
          const text = tiktokFormat(n, styles[styleName]!, truncate);
          const count = parseCount(text);
          expect(count, text).not.toBeNull();
          expect(count!.lowerBound, text).toBeLessThanOrEqual(n);
          expect(count!.upperBound, text).toBeGreaterThanOrEqual(n);
          if (!count!.rounded) expect(count!.value, text).toBe(n);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('keeps the interval tight: within one step of the display', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 999_999 }), (n) => {
        const count = parseCount(tiktokFormat(n, styles.en!, false))!;
        expect(count.upperBound - count.lowerBound).toBeLessThan(150);
      }),
    );
  });
});

describe('parseExactCount and sumCounts', () => {
  it('accepts only exact counts', () => {
    expect(parseExactCount('1,234')).toBe(1234);
    expect(parseExactCount('1.2K')).toBeNull();
    expect(parseExactCount('x')).toBeNull();
  });

  it('adds values and bounds, and stays rounded if any part was', () => {
    const sum = sumCounts([parseCount('46')!, parseCount('10.5K')!]);
    expect(sum).toEqual({ value: 10546, rounded: true, lowerBound: 10496, upperBound: 10645 });
    expect(sumCounts([])).toBeNull();
  });
});
