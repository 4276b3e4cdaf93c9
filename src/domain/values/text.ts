/**
 * Text as office staff type it: 全角/半角, stray spaces, brackets. Two different needs, two functions:
 * `foldKey` for matching (never written back) and `toHalfWidthAlnum` for values that are written back.
 */

import { TextMemo } from './memo';

const BRACKETS = /[（）()「」【】［］[\]〔〕『』<>＜＞]/g;
const DASHES = /[ー－―‐\-‑‒–—−ｰ]/g;
const CIRCLES = /[〇○◯]/g;

function foldOnce(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\s/g, '')
    .replace(BRACKETS, '')
    .replace(/[A-Z]/g, (c) => c.toLowerCase())
    .replace(DASHES, 'ー')
    .replace(CIRCLES, '〇')
    .replace(/･/g, '・');
}

/** A column's choices and headers repeat over thousands of rows; folding one goes through NFKC and six patterns. */
const FOLDED = new TextMemo<string>();

/**
 * A key for matching headers and choices: `【 受付日 】`, `受付日`, `受付 日` and `ｹｰｽ番号`/`ケース番号` fold to
 * the same key. Removing a space can let NFKC compose a dakuten onto the letter before it, so fold until stable.
 */
export function foldKey(s: string): string {
  return FOLDED.get(s, foldUntilStable);
}

function foldUntilStable(s: string): string {
  let key = foldOnce(s);
  for (let i = 0; i < 4; i++) {
    const again = foldOnce(key);
    if (again === key) break;
    key = again;
  }
  return key;
}

const HALF_WIDTH_PUNCTUATION: Readonly<Record<string, string>> = {
  '／': '/',
  '－': '-',
  '．': '.',
  '：': ':',
  '，': ',',
  '\u3000': ' ',
};
const DAKUTEN = '\uFF9E';
const HANDAKUTEN = '\uFF9F';

/**
 * Full-width letters and digits, and the punctuation of dates, numbers and codes, to half width; half-width
 * katakana to full width. Everything else is kept as typed. Plain NFKC would do the first two but also rewrite
 * what people wrote on purpose and what the sheet must keep: `Ⅱ`→`II` and `①`→`1` in addresses (`下野堂1-21-12-Ⅱ104`),
 * `㈱`→`(株)` and `（）`→`()` in corporation names, `〜`→`~`; a value written back must differ from the typed one
 * only where we mean it to.
 */
export function toHalfWidthAlnum(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i);
    const code = s.charCodeAt(i);
    if ((code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) {
      out += String.fromCharCode(code - 0xfee0);
    } else if (HALF_WIDTH_PUNCTUATION[ch] !== undefined) {
      out += HALF_WIDTH_PUNCTUATION[ch];
    } else if (code >= 0xff61 && code <= 0xff9d) {
      const full = ch.normalize('NFKC');
      const next = s.charAt(i + 1);
      const mark = next === DAKUTEN ? '\u3099' : next === HANDAKUTEN ? '\u309A' : '';
      const composed = mark === '' ? full : (full + mark).normalize('NFC');
      if (mark !== '' && composed.length === 1) {
        out += composed;
        i++;
      } else {
        out += full;
      }
    } else if (ch === DAKUTEN) {
      out += '゛';
    } else if (ch === HANDAKUTEN) {
      out += '゜';
    } else {
      out += ch;
    }
  }
  return out;
}

const SPACE_RUN = /[^\S\n\r]{2,}/g;

/**
 * Trims spaces of both widths (and tabs and line breaks) at both ends and collapses an inner run of spaces to
 * its first character. Line breaks inside the text are kept: they are the paragraphs of a note.
 */
export function tidySpaces(s: string): string {
  return s.trim().replace(SPACE_RUN, (run) => run.charAt(0));
}

/** C0 and C1 control characters other than tab and line feed (a CR directly before LF is a Windows line break). */
export function hasControlChars(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code === 0x09 || code === 0x0a) continue;
    if (code === 0x0d && s.charCodeAt(i + 1) === 0x0a) continue;
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

/** What Sheets would run as a formula if written with `setValues`. */
export function isFormulaLike(s: string): boolean {
  return /^[\t\r]?[=+\-@]/.test(s);
}

/** The pairs of neighbouring characters of a text: 期限日数 → 期限, 限日, 日数. */
function bigrams(s: string): string[] {
  const chars = [...s];
  return chars.slice(1).map((c, i) => `${chars[i] ?? ''}${c}`);
}

/**
 * How alike two labels are, 0 to 1: the share of neighbouring-character pairs they have in common (Dice's
 * coefficient over foldKey'd text). 虐待の報告期限 and 虐待報告の期限日数 share 虐待, 報告 and 期限: 0.43. For Japanese
 * labels, where a word is two or three characters, pairs catch the words a person kept and the particles they
 * changed.
 */
export function labelLikeness(a: string, b: string): number {
  const x = bigrams(foldKey(a));
  const y = bigrams(foldKey(b));
  if (x.length === 0 || y.length === 0) return 0;
  const left = [...y];
  let shared = 0;
  for (const pair of x) {
    const at = left.indexOf(pair);
    if (at >= 0) {
      shared++;
      left.splice(at, 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

/**
 * A sheet whose name is the standard one but for spaces or 全角/半角 (「相談記録 」 with a space typed after it): it looks
 * the same in the tab, and renaming it is all it takes.
 */
export function namedAlike(sheet: string, standard: string): boolean {
  const plain = (name: string): string => name.normalize('NFKC').replace(/\s/g, '');
  return sheet !== standard && plain(sheet) === plain(standard);
}

/** A note in brackets after a word or a number, in either width: 電話（携帯）, 12名(うち住民8名). */
const TRAILING_NOTE = /\s*(?:（[^（）]*）|\([^()]*\))\s*$/;

/**
 * The text without a note in brackets after it (電話（携帯） → 電話, 12名（うち住民8名） → 12名): what a choice or a count
 * is read from when the whole cell is neither. A text that is all note is returned as it is.
 */
export function withoutTrailingNote(text: string): string {
  const note = TRAILING_NOTE.exec(text);
  return note && note.index > 0 ? text.slice(0, note.index) : text;
}
