import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { anyText } from '../helpers/arbitraries';
import { canonicalJson, fingerprintOf, utf8Bytes } from '../../src/domain/reports/fingerprint';

/**
 * The fingerprint must come out the same in Apps Script and Node for the same data, so its two hand-made parts
 * (canonical JSON, the UTF-8 encoder) are pinned at their edges with bytes and texts written out by hand.
 */

describe('canonical JSON', () => {
  test('keys sorted at every depth, whatever order they were written in; array order kept', () => {
    expect(canonicalJson({ z: 1, y: { c: 1, b: [3, 1, 2], a: null }, x: 'x' })).toBe('{"x":"x","y":{"a":null,"b":[3,1,2],"c":1},"z":1}');
  });

  test('nested arrays keep their shape, objects inside them are sorted too', () => {
    expect(canonicalJson([[2, 1], [], [{ b: 1, a: [{ d: 1, c: 2 }] }]])).toBe('[[2,1],[],[{"a":[{"c":2,"d":1}],"b":1}]]');
  });

  test('undefined: a missing field in an object, null in an array or on its own (as JSON.stringify does)', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson([1, undefined, null])).toBe('[1,null,null]');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson({})).toBe('{}');
  });

  test('non-ASCII keys sort by UTF-16 code unit (a surrogate pair before 半角カナ), and strings are escaped as JSON', () => {
    expect(canonicalJson({ あ: 1, z: 2, é: 3, A: 4 })).toBe('{"A":4,"z":2,"é":3,"あ":1}');
    expect(canonicalJson({ ｱ: 1, '𠮷': 2 })).toBe('{"𠮷":2,"ｱ":1}');
    expect(canonicalJson({ 'a"b': 'x\ny', '\\': true })).toBe('{"\\\\":true,"a\\"b":"x\\ny"}');
  });

  test('the same data written in another key order has the same fingerprint; times and the fingerprint itself are left out', () => {
    const one = { generatedAt: 'g1', submittedAt: null, fingerprint: 'x', b: { d: 1, c: [1, { f: 1, e: 2 }] }, a: '本庄' };
    const two = { a: '本庄', b: { c: [1, { e: 2, f: 1 }], d: 1 }, generatedAt: 'g2', submittedAt: 's2' };
    const sha = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
    expect(fingerprintOf(one)).toBe(sha('{"a":"本庄","b":{"c":[1,{"e":2,"f":1}],"d":1}}'));
    expect(fingerprintOf(two)).toBe(sha('{"a":"本庄","b":{"c":[1,{"e":2,"f":1}],"d":1}}'));
  });
});

describe('UTF-8 encoding at the length boundaries', () => {
  test.each([
    ['U+0000', '\u0000', [0x00]],
    ['U+007F', '\u007f', [0x7f]],
    ['U+0080', '\u0080', [0xc2, 0x80]],
    ['U+07FF', '\u07ff', [0xdf, 0xbf]],
    ['U+0800', '\u0800', [0xe0, 0xa0, 0x80]],
    ['本 U+672C', '本', [0xe6, 0x9c, 0xac]],
    ['U+D7FF', '\ud7ff', [0xed, 0x9f, 0xbf]],
    ['U+E000', '\ue000', [0xee, 0x80, 0x80]],
    ['U+FFFF', '\uffff', [0xef, 0xbf, 0xbf]],
    ['U+10000', '\u{10000}', [0xf0, 0x90, 0x80, 0x80]],
    ['𠮷 U+20BB7', '𠮷', [0xf0, 0xa0, 0xae, 0xb7]],
    ['U+10FFFF', '\u{10ffff}', [0xf4, 0x8f, 0xbf, 0xbf]],
  ])('%s', (_, text, bytes) => {
    expect(Array.from(utf8Bytes(text))).toEqual(bytes);
  });

  test('a lone surrogate (first or last of the range) is U+FFFD, as TextEncoder writes it', () => {
    expect(Array.from(utf8Bytes('\ud800'))).toEqual([0xef, 0xbf, 0xbd]);
    expect(Array.from(utf8Bytes('\udbff'))).toEqual([0xef, 0xbf, 0xbd]);
    expect(Array.from(utf8Bytes('\udc00'))).toEqual([0xef, 0xbf, 0xbd]);
    expect(Array.from(utf8Bytes('\udfff'))).toEqual([0xef, 0xbf, 0xbd]);
    // A low surrogate before a high one is two lone surrogates, not a pair.
    expect(Array.from(utf8Bytes('\udc00\ud800'))).toEqual([0xef, 0xbf, 0xbd, 0xef, 0xbf, 0xbd]);
    expect(Array.from(utf8Bytes('a\ud800b'))).toEqual([0x61, 0xef, 0xbf, 0xbd, 0x62]);
    // A low surrogate after a character that is not a high one, and a high one before a character past the low range.
    expect(Array.from(utf8Bytes('a\udc00'))).toEqual([0x61, 0xef, 0xbf, 0xbd]);
    expect(Array.from(utf8Bytes('\udbff\ue000'))).toEqual([0xef, 0xbf, 0xbd, 0xee, 0x80, 0x80]);
  });

  test('an empty text has no bytes', () => {
    expect(Array.from(utf8Bytes(''))).toEqual([]);
  });

  test('any text, lone surrogates and astral characters included, gives the bytes Node’s TextEncoder gives', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(anyText({ maxLength: 40 }), (text) => {
        expect(Array.from(utf8Bytes(text))).toEqual(Array.from(encoder.encode(text)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('canonical JSON against JSON.stringify', () => {
  /** The same data with its keys sorted, written by JSON.stringify: an independent reading of what canonical means. */
  const sortedCopy = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sortedCopy)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sortedCopy((v as Record<string, unknown>)[k])]),
          )
        : v;

  test('any JSON data (numeric keys, which objects list first, included) is written as its sorted copy is', () => {
    // Numeric keys are left out of the copy's check: an object lists them first whatever the order they were added in.
    const key = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('a', 'B', 'ä', '_', 'z'));
    const data = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.integer(), fc.string({ maxLength: 6 }), tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 4 }),
      object: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
    })).value;
    fc.assert(
      fc.property(data, (v) => {
        const expected = JSON.stringify(sortedCopy(v));
        if (!/"\d+":/.test(expected)) expect(canonicalJson(v)).toBe(expected);
        expect(JSON.parse(canonicalJson(v))).toEqual(v);
      }),
      { numRuns: 300 },
    );
  });

  test('keys in code-unit order: digits before capitals before small letters, "10" before "2"', () => {
    expect(canonicalJson({ b: 1, '2': 2, B: 3, '10': 4, ä: 5, a: 6 })).toBe('{"10":4,"2":2,"B":3,"a":6,"b":1,"ä":5}');
  });
});
