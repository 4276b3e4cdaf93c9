import fc from 'fast-check';
import { anyText } from '../helpers/arbitraries';
import { foldKey, hasControlChars, isFormulaLike, labelLikeness, tidySpaces, toHalfWidthAlnum } from '../../src/domain/values/text';

/** Any string, including lone surrogates, combining marks and the characters this module cares about. */
const anyString = fc.oneof(
  anyText(),
  fc.string({ unit: fc.constantFrom('ｶ', 'ﾞ', 'ﾟ', 'ﾊ', 'ｳ', '\u3099', ' ', '\u3000', '（', '１', 'Ａ', 'ー', '-', '○', '･', '㈱', 'Ⅱ', '\uD800', 'a') }),
);

describe('foldKey', () => {
  test.each([
    ['【 受付日 】', '受付日'],
    ['受付　日', '受付日'],
    ['（受付日）', '受付日'],
    ['ＴＥＬ', 'tel'],
    ['TEL', 'tel'],
    ['ｹｰｽ番号', 'ケース番号'],
    ['ケ－ス番号', 'ケース番号'],
    ['メール･FAX', 'メール・fax'],
    ['○', '〇'],
    ['◯', '〇'],
    ['「新規」/継続', '新規/継続'],
    ['＜区分＞', '区分'],
  ])('%s → %s', (input, key) => {
    expect(foldKey(input)).toBe(key);
  });

  test('variants of a header fold to the same key', () => {
    expect(foldKey('新規／継続')).toBe(foldKey('新規/継続'));
    expect(foldKey('メール・ＦＡＸ')).toBe(foldKey('メール・fax'));
  });

  test('is idempotent and never throws', () => {
    fc.assert(fc.property(anyString, (s) => foldKey(foldKey(s)) === foldKey(s)));
  });
});

describe('toHalfWidthAlnum', () => {
  test.each([
    ['２０２６／１０／０３', '2026/10/03'],
    ['Ｒ８．１０．３', 'R8.10.3'],
    ['１２：３０', '12:30'],
    ['１，２００', '1,200'],
    ['ａｂｃＸＹＺ', 'abcXYZ'],
    ['前原1-3-7-Ｂ102', '前原1-3-7-B102'],
    ['下野堂1-21-12-Ⅱ104', '下野堂1-21-12-Ⅱ104'],
    ['①㈱（株）「〇」→', '①㈱（株）「〇」→'],
    ['山田　太郎', '山田 太郎'],
    ['ｶﾞｲﾄﾞﾍﾙﾊﾟｰ', 'ガイドヘルパー'],
    ['ｳﾞｨ', 'ヴィ'],
    ['ｱﾞ', 'ア゛'],
    ['ﾟ', '゜'],
    ['ｹｰｽ｡', 'ケース。'],
    ['介護予防支援', '介護予防支援'],
    ['０１－７－１２－３４５６７－８', '01-7-12-34567-8'],
  ])('%s → %s', (input, output) => {
    expect(toHalfWidthAlnum(input)).toBe(output);
  });

  test('is idempotent and never throws', () => {
    fc.assert(fc.property(anyString, (s) => toHalfWidthAlnum(toHalfWidthAlnum(s)) === toHalfWidthAlnum(s)));
  });

  test('leaves a string without full-width alphanumerics, their punctuation or half-width kana as it is', () => {
    const untouched = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A／－．：，\u3000\uFF61-\uFF9F]/;
    fc.assert(
      fc.property(
        anyString.filter((s) => !untouched.test(s)),
        (s) => toHalfWidthAlnum(s) === s,
      ),
    );
  });
});

describe('tidySpaces', () => {
  test.each([
    ['  山田 ', '山田'],
    ['\u3000山田\u3000', '山田'],
    ['\t山田\n', '山田'],
    ['山田  太郎', '山田 太郎'],
    ['山田\u3000\u3000 太郎', '山田\u3000太郎'],
    ['山田 \u3000太郎', '山田 太郎'],
    ['一行目\n\n二行目', '一行目\n\n二行目'],
    ['山田 太郎', '山田 太郎'],
    ['', ''],
  ])('%j → %j', (input, output) => {
    expect(tidySpaces(input)).toBe(output);
  });

  test('is idempotent', () => {
    fc.assert(fc.property(anyString, (s) => tidySpaces(tidySpaces(s)) === tidySpaces(s)));
  });

  test('a 50,000-character cell is tidied quickly', () => {
    const start = Date.now();
    expect(tidySpaces('a' + ' '.repeat(49998) + 'b')).toBe('a b');
    expect(Date.now() - start).toBeLessThan(2000);
  });
});

describe('hasControlChars', () => {
  test.each([
    ['普通の文字', false],
    ['改行\nあり', false],
    ['タブ\tあり', false],
    ['Windows の改行\r\nあり', false],
    ['CR だけ\rあり', true],
    ['NUL\u0000', true],
    ['ESC\u001b[0m', true],
    ['DEL\u007f', true],
    ['C1\u0085', true],
  ])('%j → %s', (input, expected) => {
    expect(hasControlChars(input)).toBe(expected);
  });
});

describe('isFormulaLike', () => {
  test.each([
    ['=SUM(A1)', true],
    ['+81 90', true],
    ['-1', true],
    ['@user', true],
    ['\t=1', true],
    ['\r+1', true],
    ['山田', false],
    [' =1', false],
    ['', false],
    ['1-2', false],
  ])('%j → %s', (input, expected) => {
    expect(isFormulaLike(input)).toBe(expected);
  });
});

describe('labelLikeness', () => {
  test('the share of neighbouring-character pairs in common, worked out by hand', () => {
    // 虐待の報告期限: 虐待 待の の報 報告 告期 期限 (6); 虐待報告の期限日数: 虐待 待報 報告 告の の期 期限 限日 日数 (8); shared 虐待 報告 期限.
    expect(labelLikeness('虐待の報告期限', '虐待報告の期限日数')).toBeCloseTo((2 * 3) / 14, 10);
    expect(labelLikeness('センター名', 'センター名')).toBe(1);
    // Widths and spaces fold away first.
    expect(labelLikeness('ｾﾝﾀｰ 名', 'センター名')).toBe(1);
    expect(labelLikeness('電話番号', '運営法人名')).toBe(0);
    expect(labelLikeness('', 'センター名')).toBe(0);
    expect(labelLikeness('名', '名')).toBe(0);
  });
});
