import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonStreamError, JsonStreamParser } from '@/lib/domain/json-stream';

/** Parses `text` handed over in pieces that end at `cuts` (positions, any order). */
function parseInPieces(text: string, cuts: number[] = []): unknown {
  const parser = new JsonStreamParser();
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    parser.push(text.slice(from, cut));
    from = cut;
  }
  parser.push(text.slice(from));
  return parser.end();
}

/** JSON.parse's verdict: the value, or that it refuses the text. */
function nativeVerdict(text: string): { value: unknown } | 'refused' {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return 'refused';
  }
}
function streamVerdict(text: string, cuts: number[]): { value: unknown } | 'refused' {
  try {
    return { value: parseInPieces(text, cuts) };
  } catch (error) {
    expect(error).toBeInstanceOf(JsonStreamError);
    return 'refused';
  }
}

const cutsOf = (text: string) => fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 12 });

describe('JsonStreamParser', () => {
  it('gives what JSON.parse gives, however the text is cut into pieces', () => {
    fc.assert(
      fc.property(
        fc.jsonValue().chain((value) => {
          return fc.constantFrom(0, 2, '\t').chain((indent) => {
            const text = JSON.stringify(value, null, indent);
            return fc.tuple(fc.constant(text), cutsOf(text));
          });
        }),
        ([text, cuts]) => {
          expect(parseInPieces(text, cuts)).toEqual(JSON.parse(text));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses exactly the texts JSON.parse refuses (a character changed, added or dropped)', () => {
    const edited = fc.jsonValue().chain((value) => {
      const text = JSON.stringify(value, null, 1);
      return fc
        .tuple(
          fc.integer({ min: 0, max: text.length }),
          fc.constantFrom('', ',', ':', '"', '\\', '{', '}', '[', ']', 'x', '1', ' ', '\n', '\u0001', 'e', '-', '.'),
          fc.integer({ min: 0, max: 1 }),
        )
        .map(([at, insert, drop]) => text.slice(0, at) + insert + text.slice(at + drop));
    });
    fc.assert(
      fc.property(
        edited.chain((text) => fc.tuple(fc.constant(text), cutsOf(text))),
        ([text, cuts]) => {
          expect(streamVerdict(text, cuts)).toEqual(nativeVerdict(text));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['an empty text', ''],
    ['only spaces', '  \n'],
    ['a trailing comma', '{"a":[1,2,],"b":1}'],
    ['a missing colon', '{"a" 1}'],
    ['two values', '{} {}'],
    ['an unclosed string', '{"a":"b'],
    ['an unclosed object', '{"a":{"b":1}'],
    ['a single quote', "{'a':1}"],
    ['a control character in a string', '{"a":"\u0001"}'],
  ])('refuses %s', (_, text) => {
    expect(() => parseInPieces(text, [1, 3])).toThrow(JsonStreamError);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it('says where the problem is', () => {
    expect(() => parseInPieces('{"a":1,"b":2 ;}', [4])).toThrow('Unexpected character ";" at position 13');
    expect(() => parseInPieces('[{"a":1},{"a":tru}]', [12])).toThrow(/\(in the value at position 9\)$/);
    expect(() => parseInPieces('{"a":[1,2')).toThrow('Unexpected end of JSON input');
  });

  it('reads a backslash at the end of one piece as escaping the first character of the next', () => {
    const text = '{"a":["x\\"]","y\\\\"],"k\\"ey":"v"}';
    for (let cut = 0; cut <= text.length; cut++) expect(parseInPieces(text, [cut])).toEqual(JSON.parse(text));
  });

  it('keeps "__proto__" as an own member, as JSON.parse does', () => {
    const text = '{"__proto__":{"polluted":true},"a":{"__proto__":1}}';
    const value = parseInPieces(text, [5]) as Record<string, unknown>;
    expect(value).toEqual(JSON.parse(text));
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('lets a repeated member win as JSON.parse does, keeping the first one’s place', () => {
    const text = '{"a":1,"b":{"c":2},"a":[3],"b":4}';
    expect(Object.entries(parseInPieces(text, [9, 20]) as object)).toEqual(Object.entries(JSON.parse(text)));
  });

  it('never joins more than one value’s text: a long array arrives element by element', () => {
    const records = Array.from({ length: 2000 }, (_, i) => ({ id: `s${i}`, note: 'é"\\'.repeat(i % 7) }));
    const text = JSON.stringify({ format: 'x', subscribers: records });
    const cuts = Array.from({ length: 200 }, (_, k) => k * 397);
    expect(parseInPieces(text, cuts)).toEqual({ format: 'x', subscribers: records });
  });
});
