import { type CellValue, isSheetDate } from './cell';
import { DASHES, NONE_WORDS } from './written-marks';
import { toHalfWidthAlnum, withoutTrailingNote } from './text';

/** 件数 as people type them: `12`, `'12'`, `１２`, `12件`, `1,200`, and a dash or なし for none. */
export type CountNotation = 'number' | 'text' | 'full-width' | 'with-unit' | 'zero-mark' | 'with-note';

export type CountReading =
  | { readonly kind: 'blank' }
  | { readonly kind: 'count'; readonly value: number; readonly notation: CountNotation }
  | { readonly kind: 'invalid'; readonly reason: string };

const NOT_NEGATIVE = '0以上の整数にしてください';
const WHOLE = '整数にしてください';
const UNIT = /\s*(?:[件人名回例]|事例|ケース)$/;
/** What a ledger kept by hand writes for none in a count column: a dash, or the word. */
const ZERO_MARKS = new Set<string>([...DASHES, ...NONE_WORDS, '該当なし']);
const KANJI_NUMERAL = /^[〇零一二三四五六七八九十百千万]+$/;

function fromNumber(n: number, notation: CountNotation): CountReading {
  if (!Number.isFinite(n)) return { kind: 'invalid', reason: '数値になっていません' };
  if (n < 0) return { kind: 'invalid', reason: NOT_NEGATIVE };
  if (!Number.isInteger(n)) return { kind: 'invalid', reason: WHOLE };
  if (n > Number.MAX_SAFE_INTEGER) return { kind: 'invalid', reason: '大きすぎます' };
  return { kind: 'count', value: n === 0 ? 0 : n, notation };
}

function fromText(raw: string): CountReading {
  const half = toHalfWidthAlnum(raw).trim();
  // No count is this long, and the patterns below would be slow on a 50,000-character cell.
  if (half.length > 32) return { kind: 'invalid', reason: '数字になっていません' };
  const bare = withoutTrailingNote(half);
  if (bare !== half) {
    // The count before a note in brackets (12名（うち住民8名）), read as any count is; the reading says there was a note.
    const count = fromText(bare);
    return count.kind === 'count' ? { kind: 'count', value: count.value, notation: 'with-note' } : count;
  }
  if (ZERO_MARKS.has(half)) return { kind: 'count', value: 0, notation: 'zero-mark' };
  const unit = UNIT.exec(half);
  const text = unit ? half.slice(0, unit.index) : half;
  const notation: CountNotation = unit ? 'with-unit' : /[\uFF10-\uFF19]/.test(raw) ? 'full-width' : 'text';
  if (KANJI_NUMERAL.test(text)) return { kind: 'invalid', reason: '漢数字です' };
  const about = /^(約|およそ|おおよそ|概ね|おおむね)\s*\d/.exec(text) ?? /\d\s*[件人名回例]?\s*(程度|くらい|ぐらい|前後|ほど)$/.exec(text);
  if (about) return { kind: 'invalid', reason: `「${about[1] ?? ''}」の付いたおよその数です` };
  const number = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/.exec(text);
  if (!number) {
    const reason = /^[\d,]+$/.test(text) ? '桁区切りのカンマの位置が違います' : '数字になっていません';
    return { kind: 'invalid', reason };
  }
  return fromNumber(Number(text.replace(/[,+]/g, '')), notation);
}

/** Any cell value as a count (an integer ≥ 0). Never throws: what cannot be read is `invalid` with a Japanese reason. */
export function readCount(value: CellValue): CountReading {
  if (value === null || value === undefined) return { kind: 'blank' };
  if (typeof value === 'number') return fromNumber(value, 'number');
  if (typeof value === 'string') {
    return value.replace(/[\s\u3000]/g, '') === '' ? { kind: 'blank' } : fromText(value);
  }
  if (typeof value === 'boolean') return { kind: 'invalid', reason: 'チェックボックスの値（TRUE/FALSE）で、数字ではありません' };
  if (isSheetDate(value)) return { kind: 'invalid', reason: '日付になっています（セルの表示形式が日付かもしれません）' };
  return { kind: 'invalid', reason: '数字になっていません' };
}

/**
 * Shares are quotients of counts, so 0.8 may arrive as 0.8000000000000002: a share "exceeds" a threshold
 * only by more than rounding noise. One tolerance for every comparison of shares and rates.
 */
const SHARE_TOLERANCE = 1e-9;

export function exceeds(share: number, threshold: number): boolean {
  return share - threshold > SHARE_TOLERANCE;
}

export function fallsBelow(value: number, threshold: number): boolean {
  return threshold - value > SHARE_TOLERANCE;
}
