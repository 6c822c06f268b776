import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyFilter } from '@/lib/roster/key-filter';
import { RosterIndex } from '@/lib/roster/matching';
import { subscriber } from './fixtures';

describe('KeyFilter', () => {
  it('never says "no" to a key it was made of (handles, nicknames in any script, the empty string)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ unit: 'grapheme', maxLength: 30 }), { maxLength: 300 }), (keys) => {
        const filter = KeyFilter.of(keys, keys.length);
        expect(keys.filter((key) => !filter.mightHave(key))).toEqual([]);
      }),
    );
  });

  it('says "no" to nearly every other key: a wrong "maybe" for about 1.5% of them', () => {
    const keys = Array.from({ length: 33_334 }, (_, i) => `fan_${i}`);
    const filter = KeyFilter.of(keys, keys.length);
    let maybes = 0;
    for (let i = 0; i < 20_000; i++) if (filter.mightHave(`visitor_${i}`)) maybes++;
    expect(maybes / 20_000).toBeLessThan(0.03);
  });

  it('made of no keys, has none', () => {
    const filter = KeyFilter.of([], 0);
    expect(['', 'fan_one', 'Café ✨'].some((key) => filter.mightHave(key))).toBe(false);
  });
});

describe('RosterIndex with its filters', () => {
  it('answers exactly as its Maps would, for every subscriber of a large roster and for names not on it', () => {
    const subscribers = Array.from({ length: 5_000 }, (_, i) =>
      subscriber({ id: `sub-${i}`, handle: `fan_${i}`, nickname: `Fan ${i}`, status: i % 7 === 0 ? 'lapsed' : 'active' }),
    );
    const index = RosterIndex.build(subscribers);
    const handles = [...subscribers.map((s) => s.handle!.toUpperCase()), ...Array.from({ length: 5_000 }, (_, i) => `visitor_${i}`)];
    const nicknames = [...subscribers.map((s) => ` ${s.nickname} `), ...Array.from({ length: 5_000 }, (_, i) => `Visitor ${i}`)];
    const found = index.lookup('mara.lens', { handles, nicknames });
    const expected = (i: number) => (i < 5_000 && i % 7 !== 0 ? 'match' : 'none');
    expect(found.handles.map((a) => a.status)).toEqual(handles.map((_, i) => expected(i)));
    expect(found.nicknames.map((a) => a.status)).toEqual(nicknames.map((_, i) => expected(i)));
  });
});
