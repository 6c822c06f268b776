import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateInFileName, studioDayReader } from '@/lib/parsers/studio-dates';
import { daysEnding, studioDay, studioLanguages } from './studio-fixtures';

const REFERENCE = '2025-10-31';
const parseStudioDay = (text: string, referenceDate: string) => studioDayReader(referenceDate)(text);

describe('parseStudioDay', () => {
  it.each([
    ['28 August', '2025-08-28'],
    ['September 17', '2025-09-17'],
    ['Sep 17', '2025-09-17'],
    ['Sept. 17', '2025-09-17'],
    ['aug 3rd', '2025-08-03'],
    ['11 septembre', '2025-09-11'],
    ['1er octobre', '2025-10-01'],
    ['30 août', '2025-08-30'],
    ['3 févr.', '2025-02-03'],
    ['3 de marzo', '2025-03-03'],
    ['3 de mar.', '2025-03-03'],
    ['12 setiembre', '2025-09-12'],
    ['17. September', '2025-09-17'],
    ['3. Okt.', '2025-10-03'],
    ['5. März', '2025-03-05'],
    ['5. Maerz', '2025-03-05'],
    ['5 de setembro', '2025-09-05'],
    ['5 de set.', '2025-09-05'],
    ['1º de maio', '2025-05-01'],
    ['7 de março', '2025-03-07'],
    ['28 agosto', '2025-08-28'],
    ['2 gen', '2025-01-02'],
    ['  28   AUGUST  ', '2025-08-28'],
    ['17 de septiembre de 2023', '2023-09-17'],
    ['September 17, 2024', '2024-09-17'],
    ['2024-02-29', '2024-02-29'],
  ])('reads %j', (text, date) => {
    expect(parseStudioDay(text, REFERENCE)).toBe(date);
  });

  it.each(['', 'yesterday', '28', 'August', '32 August', '0 August', '3 jui', '3 ju', 'August 17 17', '28/08', '2025-13-01', '28 Augustus'])(
    'refuses %j',
    (text) => {
      expect(parseStudioDay(text, REFERENCE)).toEqual({ reason: 'badDate' });
    },
  );

  it('puts days after the reference date in the year before (New Year rollover)', () => {
    expect(parseStudioDay('29 December', '2025-01-03')).toBe('2024-12-29');
    expect(parseStudioDay('3 January', '2025-01-03')).toBe('2025-01-03');
    expect(parseStudioDay('4 January', '2025-01-03')).toBe('2024-01-04');
  });

  it('knows which years have 29 February', () => {
    expect(parseStudioDay('29 February', '2024-12-31')).toBe('2024-02-29');
    expect(parseStudioDay('29 February', '2025-12-31')).toEqual({ reason: 'noSuchDay', year: 2025 });
    expect(parseStudioDay('31 April', '2025-12-31')).toEqual({ reason: 'noSuchDay', year: 2025 });
  });

  it('reads back any day of the last year, in every language', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2017-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 364 }),
        fc.constantFrom(...studioLanguages),
        (end, back, language) => {
          const reference = end.toISOString().slice(0, 10);
          const day = daysEnding(reference, back + 1)[0]!;
          expect(parseStudioDay(studioDay(day, language), reference)).toBe(day);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('dateInFileName', () => {
  it('finds the export date in TikTok’s file names', () => {
    expect(dateInFileName('Overview_2025-01-03_1735900000_mara.lens.zip')).toBe('2025-01-03');
    expect(dateInFileName('export/Followers_2024-12-31.csv')).toBe('2024-12-31');
  });

  it('ignores names without a real date', () => {
    expect(dateInFileName('Followers_mara.lens.zip')).toBeNull();
    expect(dateInFileName('Overview_2025-02-30_1.zip')).toBeNull();
    expect(dateInFileName('Overview_12025-01-03.zip')).toBeNull();
  });
});
