import fc from 'fast-check';
import { anyText } from '../helpers/arbitraries';
import type { CellValue } from '../../src/domain/values/cell';
import { readCount } from '../../src/domain/values/numbers';

const fullWidth = (s: string): string => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('readCount reads what people type', () => {
  test.each<[CellValue, number, string]>([
    [12, 12, 'number'],
    [0, 0, 'number'],
    [-0, 0, 'number'],
    [12.0, 12, 'number'],
    ['12', 12, 'text'],
    [' 12 ', 12, 'text'],
    ['012', 12, 'text'],
    ['1,200', 1200, 'text'],
    ['1,234,567', 1234567, 'text'],
    ['１２', 12, 'full-width'],
    ['\u3000１２\u3000', 12, 'full-width'],
    ['１，２００', 1200, 'full-width'],
    ['12件', 12, 'with-unit'],
    ['12名（うち住民8名）', 12, 'with-note'],
    ['３件(再掲)', 3, 'with-note'],
    ['12 件', 12, 'with-unit'],
    ['１２件', 12, 'with-unit'],
    ['１２\u3000件', 12, 'with-unit'],
    ['12人', 12, 'with-unit'],
    ['3名', 3, 'with-unit'],
    ['0件', 0, 'with-unit'],
    ['2回', 2, 'with-unit'],
    ['3例', 3, 'with-unit'],
    ['3事例', 3, 'with-unit'],
    ['4ケース', 4, 'with-unit'],
    ['-', 0, 'zero-mark'],
    ['ー', 0, 'zero-mark'],
    ['―', 0, 'zero-mark'],
    ['なし', 0, 'zero-mark'],
    ['該当なし', 0, 'zero-mark'],
  ])('%j → %d (%s)', (value, count, notation) => {
    expect(readCount(value)).toEqual({ kind: 'count', value: count, notation });
  });

  test.each<[CellValue, string]>([
    [-1, '0以上の整数にしてください'],
    ['-1', '0以上の整数にしてください'],
    ['－１', '0以上の整数にしてください'],
    [1.5, '整数にしてください'],
    ['1.5', '整数にしてください'],
    ['１．５件', '整数にしてください'],
    ['abc', '数字になっていません'],
    ['12か所', '数字になっていません'],
    ['約10', '「約」の付いたおよその数です'],
    ['12人程度', '「程度」の付いたおよその数です'],
    ['(うち住民8名)', '数字になっていません'],
    ['約10名（うち住民8名）', '「約」の付いたおよその数です'],
    ['1e3', '数字になっていません'],
    ['十二', '漢数字です'],
    ['約20人', '「約」の付いたおよその数です'],
    ['およそ 30', '「およそ」の付いたおよその数です'],
    ['三件', '漢数字です'],
    ['1,20', '桁区切りのカンマの位置が違います'],
    ['12,', '桁区切りのカンマの位置が違います'],
    [true, 'チェックボックスの値（TRUE/FALSE）で、数字ではありません'],
    [false, 'チェックボックスの値（TRUE/FALSE）で、数字ではありません'],
    [{ kind: 'date', iso: '2026-10-03' }, '日付になっています（セルの表示形式が日付かもしれません）'],
    [Number.NaN, '数値になっていません'],
    [Number.POSITIVE_INFINITY, '数値になっていません'],
    [2 ** 60, '大きすぎます'],
  ])('%j: %s', (value, reason) => {
    expect(readCount(value)).toEqual({ kind: 'invalid', reason });
  });

  test.each<CellValue>([null, '', ' ', '\u3000'])('%j is blank', (value) => {
    expect(readCount(value)).toEqual({ kind: 'blank' });
  });
});

describe('properties', () => {
  const anyCount = fc.integer({ min: 0, max: 1e7 });

  test('every count round-trips as a number, text, full width, with 件 and with thousands separators', () => {
    fc.assert(
      fc.property(anyCount, (n) => {
        const text = String(n);
        const grouped = text.replace(/\B(?=(\d{3})+$)/g, ',');
        expect(readCount(n)).toEqual({ kind: 'count', value: n, notation: 'number' });
        expect(readCount(text)).toEqual({ kind: 'count', value: n, notation: 'text' });
        expect(readCount(grouped)).toEqual({ kind: 'count', value: n, notation: 'text' });
        expect(readCount(fullWidth(text))).toEqual({ kind: 'count', value: n, notation: 'full-width' });
        expect(readCount(`${text}件`)).toEqual({ kind: 'count', value: n, notation: 'with-unit' });
        expect(readCount(`${fullWidth(text)}件`)).toEqual({ kind: 'count', value: n, notation: 'with-unit' });
      }),
    );
  });

  test('no input throws, and a count is always a non-negative integer', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyText(),
          fc.double(),
          fc.integer(),
          fc.boolean(),
          fc.constant(null),
          fc.record({ kind: fc.constant('date'), iso: fc.anything() }),
          fc.anything(),
        ),
        (value) => {
          const reading = readCount(value as CellValue);
          if (reading.kind === 'count') expect(Number.isSafeInteger(reading.value) && reading.value >= 0).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('a 50,000-character cell is read quickly', () => {
    const start = Date.now();
    expect(readCount('1' + ' '.repeat(49998) + '件').kind).toBe('invalid');
    expect(Date.now() - start).toBeLessThan(2000);
  });
});
