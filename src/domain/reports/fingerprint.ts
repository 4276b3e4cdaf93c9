import { sha256 } from '@noble/hashes/sha2';

/**
 * The fingerprint of a submission: SHA-256 of its canonical JSON. One pure implementation serves the
 * center (Apps Script) and the city (Apps Script or Node), so the same data gives the same fingerprint
 * everywhere; Apps Script has no TextEncoder, hence the small UTF-8 encoder below.
 */

/** JSON with object keys sorted at every depth and no spaces: equal data, equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  // Keys in code-unit order (Array.prototype.sort's default, as `a < b` compares), each written once: a city reads
  // thousands of payloads, each of a few thousand values.
  let out = '';
  for (const key of Object.keys(record).sort()) {
    const v = record[key];
    if (v === undefined) continue;
    out += `${out === '' ? '' : ','}${JSON.stringify(key)}:${canonicalJson(v)}`;
  }
  return `{${out}}`;
}

export function utf8Bytes(text: string): Uint8Array {
  // At most 3 bytes per UTF-16 code unit (a pair of them makes one 4-byte character): written in place, not pushed.
  const bytes = new Uint8Array(text.length * 3);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    // A lone surrogate is not a character: encode it as U+FFFD, as TextEncoder does.
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) bytes[n++] = c;
    else if (c < 0x800) {
      bytes[n++] = 0xc0 | (c >> 6);
      bytes[n++] = 0x80 | (c & 63);
    } else if (c < 0x10000) {
      bytes[n++] = 0xe0 | (c >> 12);
      bytes[n++] = 0x80 | ((c >> 6) & 63);
      bytes[n++] = 0x80 | (c & 63);
    } else {
      bytes[n++] = 0xf0 | (c >> 18);
      bytes[n++] = 0x80 | ((c >> 12) & 63);
      bytes[n++] = 0x80 | ((c >> 6) & 63);
      bytes[n++] = 0x80 | (c & 63);
    }
  }
  return bytes.subarray(0, n);
}

export function sha256Hex(text: string): string {
  return Array.from(sha256(utf8Bytes(text)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What every payload carries besides its data: when it was made and sent, and the fingerprint itself. */
export interface Fingerprinted {
  readonly fingerprint?: string;
  readonly generatedAt: string;
  readonly submittedAt: string | null;
}

/**
 * The fingerprint of a payload of any kind (月報, 事業評価): it covers the data, not when it was made or sent,
 * so the same data gives the same fingerprint on every machine and every resubmission, and any change to a
 * count or an answer changes it.
 */
export function fingerprintOf(payload: Fingerprinted): string {
  const { fingerprint: _f, generatedAt: _g, submittedAt: _s, ...data } = payload;
  return sha256Hex(canonicalJson(data));
}

/**
 * A fingerprint that does not match. It shows a copy broken on the way or an accidental edit, not a deliberate
 * change: anyone can recompute a SHA-256. The city's `_受領記録` is what keeps a replaced payload from going
 * unnoticed, and the message says so.
 */
export function fingerprintMismatch(what: string): string {
  return `${what}の指紋が内容と合いません。コピーの途中で壊れたか、手で書き換えられた可能性があります（指紋で分かるのは偶然の変化だけで、意図した書き換えは指紋を計算し直せば隠せます。市が受け取った提出は「_受領記録」に残っています）。センターに「市へ提出」をやり直してもらってください。`;
}
