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
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function utf8Bytes(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0xfffd;
    // A lone surrogate is not a character: encode it as U+FFFD, as TextEncoder does.
    const c = cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(bytes);
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
