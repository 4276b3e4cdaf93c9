import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { anyText } from '../helpers/arbitraries';
import { canonicalJson, sha256Hex, utf8Bytes } from '../../src/domain/reports/fingerprint';

describe('fingerprint', () => {
  test('canonical JSON sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  test('the pure UTF-8 encoder and SHA-256 agree with Node on any text', () => {
    fc.assert(
      fc.property(anyText(), (s) => {
        expect(Buffer.from(utf8Bytes(s)).equals(Buffer.from(s, 'utf8'))).toBe(true);
        expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
      }),
    );
    expect(sha256Hex('本庄西')).toBe(createHash('sha256').update('本庄西').digest('hex'));
  });
});
