/**
 * The order of names in the city's lists, by a rule of the product's own rather than `Intl.Collator('ja')`:
 * Apps Script does not document which ICU locale data its V8 carries, and without Japanese data a collator
 * falls back to the root order, so the same 資料3 would come out in a different order on another runtime.
 *
 * Three levels, as a collator has them:
 * 1. Kana by 五十音 whatever their script, size or marks: カ, か, が and ｶﾞ are one letter here. Width and case do
 *    not count (NFKC, lower case). Then the characters in Unicode order: digits, then Latin, then kana, then
 *    kanji (by radical and stroke, not by reading: a name's reading is not in the data).
 * 2. Marks: plain before ゛ before ゜ (は, ば, ぱ).
 * 3. Everything else, so that different texts never compare equal: hiragana before katakana, then code points.
 */

const KATAKANA_START = 0x30a1;
const KATAKANA_END = 0x30f6;
const KATAKANA_TO_HIRAGANA = 0x60;
/** Small kana and the large letter each one is read as. */
const SMALL_TO_LARGE: Readonly<Record<string, string>> = {
  ぁ: 'あ',
  ぃ: 'い',
  ぅ: 'う',
  ぇ: 'え',
  ぉ: 'お',
  っ: 'つ',
  ゃ: 'や',
  ゅ: 'ゆ',
  ょ: 'よ',
  ゎ: 'わ',
  ゕ: 'か',
  ゖ: 'け',
};
const COMBINING_MARKS = /[\u3099\u309a]/g;

function hiraganaOf(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0) as number;
    out += code >= KATAKANA_START && code <= KATAKANA_END ? String.fromCodePoint(code - KATAKANA_TO_HIRAGANA) : ch;
  }
  return out;
}

/** Level 2 and 3 both start from the text with widths and case folded and katakana read as hiragana. */
function folded(s: string): string {
  return hiraganaOf(s.normalize('NFKC').toLowerCase());
}

function primaryKey(s: string): string {
  return folded(s)
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[ぁぃぅぇぉっゃゅょゎゕゖ]/g, (c) => SMALL_TO_LARGE[c] as string);
}

/** Per letter, 0 for none, 1 for ゛, 2 for ゜: は, ば, ぱ in that order. */
function marksKey(s: string): string {
  let out = '';
  for (const ch of folded(s).normalize('NFD')) {
    if (ch === '\u3099') out = `${out.slice(0, -1)}1`;
    else if (ch === '\u309a') out = `${out.slice(0, -1)}2`;
    else out += '0';
  }
  return out;
}

/** UTF-16 order: Unicode order for every character outside the supplementary planes, which NFKC leaves rare. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares two names in the product's Japanese order (see above); 0 only for the same text. */
export function compareJapanese(a: string, b: string): number {
  return byCodePoint(primaryKey(a), primaryKey(b)) || byCodePoint(marksKey(a), marksKey(b)) || byCodePoint(a, b);
}
