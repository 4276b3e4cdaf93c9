/**
 * 法人名 as centers write them (src/domain/values/corporation.ts): the short legal forms in brackets are the same 法人
 * as the long ones, so that 公正・中立's shares of a 法人 do not split between two spellings of it.
 */
import { measureConcentration } from '../../src/domain/reports/concentration';
import { corporationKey } from '../../src/domain/values/corporation';

const same = (...names: string[]): boolean => new Set(names.map(corporationKey)).size === 1;

describe('corporationKey', () => {
  test('a short legal form in brackets, of either width, or in one character, is the long form', () => {
    expect(same('社会福祉法人 本庄福祉会', '(福)本庄福祉会', '（福）本庄福祉会', '社会福祉法人本庄福祉会', '(社福)本庄福祉会')).toBe(true);
    expect(same('株式会社ケアサポート', '㈱ケアサポート', '(株)ケアサポート', '（株） ケアサポート')).toBe(true);
    expect(same('有限会社 見本ライフ', '(有)見本ライフ', '㈲見本ライフ')).toBe(true);
    expect(same('医療法人白梅会', '(医)白梅会')).toBe(true);
    expect(same('医療法人社団 健生会', '(医社)健生会')).toBe(true);
    expect(same('特定非営利活動法人 見本', 'NPO法人見本', 'ＮＰＯ法人　見本', '(特非)見本')).toBe(true);
    expect(same('一般社団法人 ささえ', '(一社)ささえ')).toBe(true);
    expect(same('公益財団法人 長寿', '(公財)長寿')).toBe(true);
  });

  test('where the form stands is part of the name: (株)ケア and ケア(株) are two companies', () => {
    expect(same('(株)ケアサポート', 'ケアサポート(株)')).toBe(false);
    expect(same('ケアサポート(株)', 'ケアサポート株式会社')).toBe(true);
  });

  test('(合) is 合同会社 to some and 合資会社 to others: left as written', () => {
    expect(same('(合)ひかり', '合同会社ひかり')).toBe(false);
    expect(same('(合)ひかり', '合資会社ひかり')).toBe(false);
    expect(same('(同)ひかり', '合同会社ひかり')).toBe(true);
  });

  test('different names stay different', () => {
    expect(same('(福)本庄福祉会', '(福)児玉福祉会')).toBe(false);
    expect(same('(株)ケア', '(有)ケア')).toBe(false);
  });
});

describe('公正・中立 measured per 法人 however it is written', () => {
  test('two offices of one 法人 written short and long are one share; 設定’s 運営法人名 in short is the center’s own', () => {
    const contract = (officeNumber: string, name: string, corporation: string) => ({ officeNumber, name, corporation, start: '2020-04-01' });
    const result = measureConcentration({
      delegations: [
        { month: '2021-02', officeNumber: 'A', direct: false, cases: 6 },
        { month: '2021-02', officeNumber: 'B', direct: false, cases: 3 },
        { month: '2021-02', officeNumber: 'C', direct: false, cases: 1 },
      ],
      contracts: [
        contract('A', 'トマト村', '(株)見本ライフ'),
        contract('B', 'ジャム', '株式会社 見本ライフ'),
        contract('C', '四季', '社会福祉法人 本庄福祉会'),
      ],
      ownCorporation: '(福)本庄福祉会',
      threshold: 0.8,
    });
    // (6 + 3) / 10 = 90%: over 80%, which two spellings would have hidden (60% and 30%).
    expect(result.byCorporation.map((c) => [c.corporation, c.cases, c.share])).toEqual([
      ['(株)見本ライフ', 9, 0.9],
      ['社会福祉法人 本庄福祉会', 1, 0.1],
    ]);
    expect(result.ownCorporationShare).toBe(0.1);
    expect(result.warnings.some((w) => w.message.includes('見本ライフ'))).toBe(true);
  });
});
