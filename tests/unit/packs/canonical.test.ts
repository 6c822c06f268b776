import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, canonicalJson, fromBase64url, toBase64url, utf8Size } from '@/lib/packs/canonical';

describe('canonicalJson (RFC 8785)', () => {
  it('writes the RFC 8785 example of numbers, strings and literals byte for byte', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts members by UTF-16 code units as the RFC 8785 example does', () => {
    const input = JSON.parse(
      '{"\\u20ac":"Euro Sign","\\r":"Carriage Return","\\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\\ud83d\\ude00":"Emoji: Grinning Face","\\u0080":"Control","\\u00f6":"Latin Small Letter O With Diaeresis"}',
    );
    const keys = [...canonicalJson(input).matchAll(/"([^"]*)":"([^"]*)"/g)].map((m) => m[2]);
    expect(keys).toEqual([
      'Carriage Return',
      'One',
      'Control',
      'Latin Small Letter O With Diaeresis',
      'Euro Sign',
      'Emoji: Grinning Face',
      'Hebrew Letter Dalet With Dagesh',
    ]);
  });

  it('sorts nested members, keeps array order and drops all whitespace', () => {
    expect(canonicalJson({ b: [3, 1, { z: 1, a: 'x y' }], a: { d: null, c: false } })).toBe(
      '{"a":{"c":false,"d":null},"b":[3,1,{"a":"x y","z":1}]}',
    );
  });

  it('gives the same text whatever the members’ order', () => {
    expect(canonicalJson(JSON.parse('{"y":1,"x":{"q":2,"p":3}}'))).toBe(canonicalJson(JSON.parse('{"x":{"p":3,"q":2},"y":1}')));
  });

  it('refuses an unpaired surrogate, with its path, but keeps a paired one', () => {
    expect(canonicalJson({ a: ['😀'] })).toBe('{"a":["😀"]}');
    const attempt = () => canonicalJson({ a: ['ok', 'bad \ud800'] });
    expect(attempt).toThrow(CanonicalJsonError);
    try {
      attempt();
    } catch (error) {
      expect((error as CanonicalJsonError).path).toEqual(['a', 1]);
    }
    expect(() => canonicalJson({ '\udc00': 1 })).toThrow(CanonicalJsonError);
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ a: () => 1 })).toThrow(CanonicalJsonError);
  });
});

describe('base64url', () => {
  it('round-trips bytes without padding', () => {
    const bytes = Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 250) % 256);
    const text = toBase64url(bytes);
    expect(text).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(fromBase64url(text)).toEqual(bytes);
  });

  it('accepts only the one spelling of the bytes', () => {
    expect(fromBase64url('_-8')).toEqual(new Uint8Array([0xff, 0xef]));
    expect(fromBase64url('/+8')).toBeNull(); // standard base64 alphabet
    expect(fromBase64url('_-8=')).toBeNull(); // padding
    expect(fromBase64url('_-9')).toBeNull(); // unused trailing bits set
    expect(fromBase64url('A')).toBeNull(); // impossible length
    expect(fromBase64url('ab c')).toBeNull();
  });
});

describe('utf8Size', () => {
  it('counts UTF-8 bytes, and answers at once for a text longer than the limit', () => {
    expect(utf8Size('a€😀', 100)).toBe(1 + 3 + 4);
    expect(utf8Size('x'.repeat(11), 10)).toBe(11);
  });
});
