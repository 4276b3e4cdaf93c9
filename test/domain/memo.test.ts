import { TextMemo } from '../../src/domain/values/memo';
import { foldKey } from '../../src/domain/values/text';

describe('TextMemo: a pure function of text computed once per text, in bounded memory', () => {
  test('a text seen before is answered without computing again', () => {
    const memo = new TextMemo<string>();
    const computed: string[] = [];
    const upper = (s: string): string => {
      computed.push(s);
      return s.toUpperCase();
    };
    expect([memo.get('a', upper), memo.get('b', upper), memo.get('a', upper)]).toEqual(['A', 'B', 'A']);
    expect(computed).toEqual(['a', 'b']);
  });

  test('full, it starts again empty: the third text of a memo of two is kept, the first two are computed anew', () => {
    const memo = new TextMemo<number>(2);
    const computed: string[] = [];
    const length = (s: string): number => {
      computed.push(s);
      return s.length;
    };
    for (const s of ['a', 'bb', 'ccc', 'ccc', 'a', 'bb']) memo.get(s, length);
    expect(computed).toEqual(['a', 'bb', 'ccc', 'a', 'bb']);
  });

  test('foldKey answers a repeated text as the first time, also across many different texts', () => {
    const first = foldKey('【 受付日 】');
    for (let i = 0; i < 12_000; i++) foldKey(`見出し${i}`);
    expect(foldKey('【 受付日 】')).toBe(first);
    expect(first).toBe(foldKey('受付日'));
    expect(foldKey('ｹｰｽ番号')).toBe(foldKey('ケース番号'));
  });
});
