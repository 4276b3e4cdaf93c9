import { type FieldOptions, type RowReader, readTextField, shown } from './fields';
import { PREFECTURES } from './municipality';
import { toHalfWidthAlnum } from './text';

/**
 * 介護保険事業所番号 (SPEC §2.2): 10 characters —
 *   1–2  都道府県番号 01–47
 *   3    事業所区分: a digit, or a capital letter other than I, O and Q
 *   4–5  郡市区番号
 *   6–9  事業所番号
 *   10   検証番号 (check digit)
 *
 * The check digit follows MHLW 「介護予防・日常生活支援総合事業における事業所番号の考え方」: モジュラス10
 * ウェイト2-1分割方式, extended to letters. Over the first nine characters, a letter is read as a number
 * (A=10, B=11, … H=17, J=18, … N=22, P=23, R=24, … Z=32: I, O and Q are never used, so they take no value);
 * from the rightmost character leftwards the weights are 2, 1, 2, 1, …; a two-digit product counts as the sum
 * of its digits; check = (10 − sum mod 10) mod 10. We have not confirmed this rule on real numbers (none are
 * at hand offline), so a mismatch is only a warning: it flags a likely typo without blocking the number.
 */

/** Letters a 区分 may use, in the order of their values (A=10 … Z=32). */
const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

/** What the 区分 character means, where MHLW assigns one. */
export const OFFICE_KINDS: Readonly<Record<string, string>> = {
  '0': '地域包括支援センター・総合事業（経過措置）の事業所',
  '1': '医療機関（医科、みなし指定）',
  '3': '医療機関（歯科、みなし指定）',
  '4': '薬局（みなし指定）',
  '5': '介護老人保健施設（みなし指定）',
  '6': '訪問看護ステーション（みなし指定）',
  '7': '指定事業所',
  '8': '基準該当事業所',
  '9': '地域密着型サービス事業所',
  A: '総合事業の事業所',
};

function charValue(ch: string): number | undefined {
  if (/^\d$/.test(ch)) return Number(ch);
  const index = LETTERS.indexOf(ch);
  return ch.length === 1 && index >= 0 ? index + 10 : undefined;
}

/** The check digit of the first nine characters; NaN when they are not nine digits or 区分 letters. */
export function officeNumberCheckDigit(nine: string): number {
  if (nine.length !== 9) return NaN;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const value = charValue(nine.charAt(i));
    if (value === undefined) return NaN;
    const product = value * ((8 - i) % 2 === 0 ? 2 : 1);
    sum += Math.floor(product / 10) + (product % 10);
  }
  return (10 - (sum % 10)) % 10;
}

/** A valid number for samples and tests: `makeOfficeNumber(11, '7', 13, 1)` → `1171300013`. Throws on bad parts. */
export function makeOfficeNumber(prefecture: number | string, kind: string, district: number | string, serial: number | string): string {
  const nine = `${String(prefecture).padStart(2, '0')}${kind}${String(district).padStart(2, '0')}${String(serial).padStart(4, '0')}`;
  const digit = officeNumberCheckDigit(nine);
  const number = `${nine}${digit}`;
  if (checkOfficeNumber(number).kind !== 'valid') throw new Error(`not an office number: ${nine}`);
  return number;
}

export type OfficeNumberCheck =
  | {
      readonly kind: 'valid';
      /** The number in half width, as it should be written. */
      readonly value: string;
      readonly prefecture: string;
      /** The meaning of the 区分 character, when MHLW assigns one. */
      readonly officeKind?: string;
      readonly expectedCheckDigit: number;
      readonly checkDigitOk: boolean;
    }
  | { readonly kind: 'invalid'; readonly reason: string; readonly suggestion?: string };

function structure(s: string): OfficeNumberCheck {
  if (s.length !== 10) return { kind: 'invalid', reason: `${s.length}文字あります（10文字です）` };
  const prefecture = s.slice(0, 2);
  const prefectureName = /^\d\d$/.test(prefecture) ? PREFECTURES[Number(prefecture) - 1] : undefined;
  if (prefectureName === undefined) {
    return { kind: 'invalid', reason: `1〜2文字目の都道府県番号「${prefecture}」が01〜47ではありません` };
  }
  const kind = s.charAt(2);
  if (charValue(kind) === undefined) {
    const why = /^[IOQ]$/.test(kind) ? '（I・O・Qは数字と紛れるため使われません）' : '（数字か、I・O・Qを除く英大文字です）';
    return { kind: 'invalid', reason: `3文字目の事業所区分「${kind}」が使えない文字です${why}` };
  }
  const parts: readonly [string, string, string][] = [
    [s.slice(3, 5), '4〜5文字目の郡市区番号', '2桁の数字'],
    [s.slice(5, 9), '6〜9文字目の番号', '4桁の数字'],
    [s.slice(9), '10文字目の検証番号', '1桁の数字'],
  ];
  for (const [part, what, expected] of parts) {
    if (!/^\d+$/.test(part)) return { kind: 'invalid', reason: `${what}「${part}」が${expected}ではありません` };
  }
  const expectedCheckDigit = officeNumberCheckDigit(s.slice(0, 9));
  const officeKind = OFFICE_KINDS[kind];
  const valid = { kind: 'valid' as const, value: s, prefecture: prefectureName, expectedCheckDigit, checkDigitOk: Number(s.charAt(9)) === expectedCheckDigit };
  return officeKind === undefined ? valid : { ...valid, officeKind };
}

/**
 * Checks a 事業所番号 as typed (全角 is read as 半角). A near miss that can be put right without guessing —
 * separators, a lower-case 区分 letter, a leading 0 lost in a number cell — is invalid with the right form as
 * `suggestion`. Only a number cell (`numberCell`) can have lost its 0: nine digits typed as text lack a digit
 * somewhere, and a 0 put in front would be a guess.
 */
export function checkOfficeNumber(text: string, numberCell = false): OfficeNumberCheck {
  const s = toHalfWidthAlnum(text).trim();
  if (s === '') return { kind: 'invalid', reason: '空です' };
  const near = (candidate: string, reason: string): OfficeNumberCheck | undefined =>
    candidate !== s && structure(candidate).kind === 'valid' ? { kind: 'invalid', reason, suggestion: candidate } : undefined;
  const compact = s.replace(/[\s\-ー‐－]/g, '');
  const fixed =
    near(compact, '区切りの記号や空白が入っています') ??
    near(s.toUpperCase(), '英字が小文字です') ??
    (numberCell && /^\d{9}$/.test(s)
      ? near(`0${s}`, '9桁しかありません。数値のセルで先頭の0が消えたようです。セルの表示形式を書式なしテキストにしてください')
      : undefined);
  return fixed ?? structure(s);
}

/** A valid number for messages: `makeOfficeNumber(11, '7', 13, 1)` (a test keeps the two in step). */
/**
 * An office as people know it: its name, with the number after it (あずみ苑本庄（1170100029）); the number alone
 * when no name is known. Every message that names an office says it this way.
 */
export function officeLabel(officeNumber: string, name?: string): string {
  const known = name?.trim();
  return known ? `${known}（${officeNumber}）` : `事業所番号 ${officeNumber}`;
}

export const OFFICE_NUMBER_EXAMPLE = '1171300013';

/**
 * Reports what is wrong with a 事業所番号 already read as text: an error for a broken structure, a warning for
 * a check digit that does not add up. Returns the number to go on with (the right form when one is certain).
 */
export function reportOfficeNumber<K extends string>(r: RowReader<K>, key: K, text: string): string {
  const title = r.title(key);
  const check = checkOfficeNumberCell(r, key, text);
  if (check.kind === 'invalid') {
    r.report(key, 'OFFICE_NUMBER_INVALID', { title, shown: shown(text), reason: check.reason, example: OFFICE_NUMBER_EXAMPLE }, check.suggestion);
    return check.suggestion ?? text;
  }
  if (!check.checkDigitOk) {
    r.report(key, 'OFFICE_NUMBER_CHECK_DIGIT', { title, shown: shown(text), written: check.value.charAt(9), expected: check.expectedCheckDigit });
  }
  return check.value;
}

/** checkOfficeNumber of a cell's text, knowing whether the cell holds a number (which drops a leading 0). */
export function checkOfficeNumberCell<K extends string>(r: RowReader<K>, key: K, text: string): OfficeNumberCheck {
  return checkOfficeNumber(text, typeof r.raw(key) === 'number');
}

/** Reads a 事業所番号 cell: blanks, merges and errors as every field, 全角 as a width warning, then the number itself. */
export function readOfficeNumberField<K extends string>(r: RowReader<K>, key: K, opts: FieldOptions): string | undefined {
  const text = readTextField(r, key, { ...opts, maxLength: 100, halfWidth: true });
  return text === undefined ? undefined : reportOfficeNumber(r, key, text);
}
