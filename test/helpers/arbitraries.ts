import fc from 'fast-check';

/**
 * Any text, one code point at a time from the whole of Unicode, lone surrogates included: what fast-check's
 * `fc.string({ unit: 'binary' })` draws, without the table of every code point that arbitrary builds first
 * (about 0.9 s in each test file that used it, 5 s of every test run). ASCII is drawn as often as the rest of the
 * Basic Multilingual Plane and the astral planes, so that the characters a ledger mostly holds come up.
 */
export function anyText(constraints: { readonly maxLength?: number } = {}): fc.Arbitrary<string> {
  const codePoint = fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0x10000, max: 0x10ffff }));
  return fc.string({ ...constraints, unit: codePoint.map((cp) => String.fromCodePoint(cp)) });
}
