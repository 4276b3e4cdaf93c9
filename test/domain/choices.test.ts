import { choiceList, matchChoice } from '../../src/domain/values/choices';

/**
 * Matching a typed value against a closed list. Each test builds its own list: the index of a list is built once and
 * kept, so a list shared by every test would be indexed by whichever test came first.
 */
describe('matchChoice', () => {
  test('the value itself, a variant, the same after widths, spaces and brackets, or unknown', () => {
    const list = choiceList(['電話', '来所'], { 電話: ['TEL', '電話相談'] });
    expect(matchChoice('電話', list)).toEqual({ kind: 'exact', value: '電話' });
    expect(matchChoice('TEL', list)).toEqual({ kind: 'variant', value: '電話' });
    expect(matchChoice('ｔｅｌ', list)).toEqual({ kind: 'variant', value: '電話' });
    expect(matchChoice(' 来所 ', list)).toEqual({ kind: 'variant', value: '来所' });
    expect(matchChoice('（来所）', list)).toEqual({ kind: 'variant', value: '来所' });
    expect(matchChoice('訪問', list)).toEqual({ kind: 'unknown' });
    expect(matchChoice('', list)).toEqual({ kind: 'unknown' });
  });

  test('a list without variants matches its values only', () => {
    const list = choiceList(['新規', '継続']);
    expect(list).toEqual({ values: ['新規', '継続'] });
    expect(matchChoice('新規', list)).toEqual({ kind: 'exact', value: '新規' });
    expect(matchChoice('新', list)).toEqual({ kind: 'unknown' });
  });

  test('a variant never takes over a value of the list, and the first value to claim a variant keeps it', () => {
    const list = choiceList(['訪問', '実態把握', 'その他'], { 実態把握: ['訪問', '調査'], その他: ['調査', 'etc'] });
    expect(matchChoice('訪問', list)).toEqual({ kind: 'exact', value: '訪問' });
    expect(matchChoice('ほうもん', list)).toEqual({ kind: 'unknown' });
    expect(matchChoice('調査', list)).toEqual({ kind: 'variant', value: '実態把握' });
    expect(matchChoice('ETC', list)).toEqual({ kind: 'variant', value: 'その他' });
  });

  test('two lists with the same words are indexed each on its own', () => {
    const first = choiceList(['A'], { A: ['x'] });
    const second = choiceList(['B'], { B: ['x'] });
    expect(matchChoice('x', first)).toEqual({ kind: 'variant', value: 'A' });
    expect(matchChoice('x', second)).toEqual({ kind: 'variant', value: 'B' });
    expect(matchChoice('x', first)).toEqual({ kind: 'variant', value: 'A' });
  });
});
