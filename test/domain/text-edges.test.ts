import { foldKey, hasControlChars, toHalfWidthAlnum } from '../../src/domain/values/text';

/** The code-point limits of the width rules and of control characters, one character on each side. */

describe('toHalfWidthAlnum at the edges of each range', () => {
  test.each([
    ['０９', '09'],
    ['ＡＺ', 'AZ'],
    ['ａｚ', 'az'],
    ['＠［｀｛', '＠［｀｛'],
    ['｡ｱﾝ', '。アン'],
    ['ﾞﾟ', '゛゜'],
    ['ｶﾞｷﾟﾊﾟ', 'ガキ゜パ'],
    ['ﾝﾞ', 'ン゛'],
    ['ｱ', 'ア'],
  ])('%s → %s', (text, expected) => {
    expect(toHalfWidthAlnum(text)).toBe(expected);
  });
});

describe('hasControlChars', () => {
  test.each([
    ['a\u001fb', true],
    ['a\u0020b', false],
    ['a\u007fb', true],
    ['a\u009fb', true],
    ['a\u00a0b', false],
    ['a\u007eb', false],
    ['a\u0000', true],
    ['a\tb\nc', false],
    ['a\r\nb', false],
    ['a\rb', true],
    ['a\r', true],
  ])('%j: %s', (text, expected) => {
    expect(hasControlChars(text)).toBe(expected);
  });
});

describe('foldKey', () => {
  test('the half-width middle dot folds to the full-width one', () => {
    expect(foldKey('ﾒｰﾙ･FAX')).toBe(foldKey('メール・FAX'));
    expect(foldKey('ﾒｰﾙ･FAX')).toBe('メール・fax');
  });

  test('folding repeats until the key is stable: a space removed lets a sound mark join its letter', () => {
    expect(foldKey('ｹ ﾞｰｽ')).toBe(foldKey('ゲース'));
  });
});
