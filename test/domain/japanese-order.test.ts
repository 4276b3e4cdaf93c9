import { compareJapanese } from '../../src/domain/values/japanese-order';

const sorted = (names: string[]): string[] => [...names].sort(compareJapanese);

describe('compareJapanese: the order of names without a collator', () => {
  test('kana in 五十音 order whatever the script: hiragana and katakana names interleave (資料3 lists アクシス, あずみ, ウェル)', () => {
    expect(sorted(['ウェルサポートふじた', 'あずみ苑本庄', 'アクシスケアプラン', 'けあビジョン本庄', 'ケアプラン四季', 'ことりケアプラン'])).toEqual([
      'アクシスケアプラン',
      'あずみ苑本庄',
      'ウェルサポートふじた',
      'けあビジョン本庄',
      'ケアプラン四季',
      'ことりケアプラン',
    ]);
  });

  test('half-width katakana, small kana and marks are the letter they are read as; marks decide only between otherwise equal names (は < ば < ぱ)', () => {
    expect(sorted(['ﾊﾟﾙ', 'ばる', 'はる', 'ハル'])).toEqual(['はる', 'ハル', 'ばる', 'ﾊﾟﾙ']);
    // ゃ is や: きゃ sorts with きや, before きゆ; the mark of が does not put it after かさ.
    expect(sorted(['きゆ', 'きゃく', 'きやま'])).toEqual(['きゃく', 'きやま', 'きゆ']);
    expect(sorted(['かさ', 'がか', 'かか'])).toEqual(['かか', 'がか', 'かさ']);
  });

  test('width and case do not count; digits before Latin before kana before kanji', () => {
    expect(sorted(['本庄ケアプラザ', 'ケアプランゆう', 'ＡＢＣケア', 'abdケア', '2号館', '１号館'])).toEqual([
      '１号館',
      '2号館',
      'ＡＢＣケア',
      'abdケア',
      'ケアプランゆう',
      '本庄ケアプラザ',
    ]);
  });

  test('0 only for the same text; otherwise antisymmetric', () => {
    expect(compareJapanese('あずみ苑', 'あずみ苑')).toBe(0);
    for (const [a, b] of [
      ['はる', 'ハル'],
      ['ＡＢＣ', 'abc'],
      ['ｶ', 'カ'],
    ] as const) {
      expect(compareJapanese(a, b)).not.toBe(0);
      expect(Math.sign(compareJapanese(a, b))).toBe(-Math.sign(compareJapanese(b, a)));
    }
  });

  test('the same order with no Intl at all', () => {
    const saved = globalThis.Intl;
    Reflect.deleteProperty(globalThis, 'Intl');
    try {
      expect(sorted(['ケアプラン四季', 'アクシスケアプラン', 'あずみ苑本庄'])).toEqual(['アクシスケアプラン', 'あずみ苑本庄', 'ケアプラン四季']);
    } finally {
      globalThis.Intl = saved;
    }
  });
});
