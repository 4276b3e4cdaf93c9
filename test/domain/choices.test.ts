import { choiceList, matchChoice, oneOf, valueList } from '../../src/domain/values/choices';

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

  test('a variant of a value the list does not hold is not read: no suggestion outside the list', () => {
    // A city's own 相談内容 with the default variants: 介護保険 is a variant of 介護保険サービス, which this list left out.
    const list = choiceList(['買い物支援', '認知症'], { 介護保険サービス: ['介護保険'], 認知症: ['認知症相談'] });
    expect(matchChoice('介護保険', list)).toEqual({ kind: 'unknown' });
    expect(matchChoice('認知症相談', list)).toEqual({ kind: 'variant', value: '認知症' });
  });

  test('two lists with the same words are indexed each on its own', () => {
    const first = choiceList(['A'], { A: ['x'] });
    const second = choiceList(['B'], { B: ['x'] });
    expect(matchChoice('x', first)).toEqual({ kind: 'variant', value: 'A' });
    expect(matchChoice('x', second)).toEqual({ kind: 'variant', value: 'B' });
    expect(matchChoice('x', first)).toEqual({ kind: 'variant', value: 'A' });
  });

  test('one part of a value that joins two with ・ is read as that value: 医療 for 医療・入退院, FAX for メール・FAX', () => {
    const list = choiceList(['電話', 'メール・FAX', '医療・入退院', '介護予防・健康づくり']);
    expect(matchChoice('医療', list)).toEqual({ kind: 'variant', value: '医療・入退院' });
    expect(matchChoice('入退院', list)).toEqual({ kind: 'variant', value: '医療・入退院' });
    expect(matchChoice('ＦＡＸ', list)).toEqual({ kind: 'variant', value: 'メール・FAX' });
    expect(matchChoice(' 健康づくり ', list)).toEqual({ kind: 'variant', value: '介護予防・健康づくり' });
    expect(matchChoice('医療・入退院', list)).toEqual({ kind: 'exact', value: '医療・入退院' });
    // Not a part: a piece of one, or two parts run together.
    expect(matchChoice('医', list)).toEqual({ kind: 'unknown' });
    expect(matchChoice('医療入退院', list)).toEqual({ kind: 'unknown' });
  });

  test('a part of two values could be either and is read as neither; a value or a variant of the list keeps its word', () => {
    const shared = choiceList(['家族・親族', '家族・介護負担', 'その他']);
    expect(matchChoice('家族', shared)).toEqual({ kind: 'unknown' });
    expect(matchChoice('親族', shared)).toEqual({ kind: 'variant', value: '家族・親族' });
    expect(matchChoice('介護負担', shared)).toEqual({ kind: 'variant', value: '家族・介護負担' });
    const claimed = choiceList(['訪問', '訪問・実態把握', '調査票'], { 調査票: ['実態把握'] });
    expect(matchChoice('訪問', claimed)).toEqual({ kind: 'exact', value: '訪問' });
    expect(matchChoice('実態把握', claimed)).toEqual({ kind: 'variant', value: '調査票' });
  });

  test('a ・ inside brackets does not cut a value: its examples are not the value', () => {
    const list = choiceList(['介護支援専門員支援（事例検討会・勉強会・情報交換会）', '介護予防教室・講座']);
    expect(matchChoice('勉強会', list)).toEqual({ kind: 'unknown' });
    expect(matchChoice('事例検討会', list)).toEqual({ kind: 'unknown' });
    expect(matchChoice('講座', list)).toEqual({ kind: 'variant', value: '介護予防教室・講座' });
  });
});

describe('a choice word with what a person adds to it', () => {
  test('a note in brackets after it, a polite ご or さん: read as the word, as a variant', () => {
    const list = choiceList(['電話', '訪問', '家族・親族', '民生委員', 'その他'], { 電話: ['TEL'] });
    expect(matchChoice('電話（携帯）', list)).toEqual({ kind: 'variant', value: '電話' });
    expect(matchChoice('訪問(自宅)', list)).toEqual({ kind: 'variant', value: '訪問' });
    expect(matchChoice('TEL（夜間）', list)).toEqual({ kind: 'variant', value: '電話' });
    expect(matchChoice('その他 (友人)', list)).toEqual({ kind: 'variant', value: 'その他' });
    expect(matchChoice('ご家族', list)).toEqual({ kind: 'variant', value: '家族・親族' });
    expect(matchChoice('民生委員さん', list)).toEqual({ kind: 'variant', value: '民生委員' });
    expect(matchChoice('民生委員様', list)).toEqual({ kind: 'variant', value: '民生委員' });
  });

  test('only what stands after the word, or a polite word around it: a note before it, or a word inside, stays unknown', () => {
    const list = choiceList(['電話', '訪問']);
    expect(matchChoice('（携帯）電話', list)).toEqual({ kind: 'unknown' });
    expect(matchChoice('電話と訪問', list)).toEqual({ kind: 'unknown' });
    expect(matchChoice('（携帯）', list)).toEqual({ kind: 'unknown' });
    expect(matchChoice('さん', list)).toEqual({ kind: 'unknown' });
  });
});

describe('valueList and oneOf', () => {
  test('each value in 「」, so that a value holding a ・ reads as one', () => {
    expect(valueList(['本人', '家族・親族', 'その他'])).toBe('「本人」「家族・親族」「その他」');
    expect(oneOf(['電話', 'メール・FAX'])).toBe('「電話」「メール・FAX」のどちらか');
    expect(oneOf(['電話', '来所', '訪問'])).toBe('「電話」「来所」「訪問」のどれか');
    expect(valueList([])).toBe('');
  });
});
