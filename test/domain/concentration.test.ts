import { formatShare, measureConcentration } from '../../src/domain/reports/concentration';
import { corporationKey } from '../../src/domain/values/corporation';

const MONTH = '2021-02';
const contract = (officeNumber: string, name: string, corporation: string, start = '2020-04-01', end?: string) => ({
  officeNumber,
  name,
  corporation,
  start,
  ...(end ? { end } : {}),
});
const delegation = (officeNumber: string, cases: number, direct = false) => ({ month: MONTH, officeNumber, direct, cases });

/**
 * A hand-computed month: トマト村 5, ジャム 3 (both 有限会社 見本ライフ, written with and without a space),
 * 四季 2 (the center's own 法人), 直営 7 (left out). Delegated total 5 + 3 + 2 = 10:
 * offices 50%, 30%, 20%; 見本ライフ (5 + 3) / 10 = 80%; own 2 / 10 = 20%.
 */
const CONTRACTS = [
  contract('A', 'トマト村', '有限会社 見本ライフ'),
  contract('B', 'ケアプランセンタージャム', '有限会社　見本ライフ'),
  contract('C', 'ケアプラン四季', '社会福祉法人 本庄福祉会'),
];
const MONTH_ROWS = [delegation('A', 5), delegation('B', 3), delegation('C', 2), delegation('直営', 7, true)];
const OWN = '社会福祉法人本庄福祉会';

describe('measureConcentration', () => {
  test('the figures of a hand-computed month', () => {
    const result = measureConcentration({ delegations: MONTH_ROWS, contracts: CONTRACTS, ownCorporation: OWN, threshold: 0.8 });
    expect(result.total).toBe(10);
    expect(result.byOffice.map((o) => [o.officeNumber, o.name, o.cases, o.share])).toEqual([
      ['A', 'トマト村', 5, 0.5],
      ['B', 'ケアプランセンタージャム', 3, 0.3],
      ['C', 'ケアプラン四季', 2, 0.2],
    ]);
    expect(result.byCorporation).toEqual([
      { corporation: '有限会社 見本ライフ', cases: 8, share: 0.8 },
      { corporation: '社会福祉法人 本庄福祉会', cases: 2, share: 0.2 },
    ]);
    expect(result.ownCorporationShare).toBe(0.2);
  });

  test('exactly at the threshold is not over it (特定事業所集中減算: 「80%を超える」)', () => {
    expect(measureConcentration({ delegations: MONTH_ROWS, contracts: CONTRACTS, ownCorporation: OWN, threshold: 0.8 }).warnings).toEqual([]);
  });

  test('over the threshold: a warning naming the 法人 and the share', () => {
    const { warnings } = measureConcentration({ delegations: MONTH_ROWS, contracts: CONTRACTS, ownCorporation: OWN, threshold: 0.5 });
    expect(warnings.map((w) => [w.kind, w.name, w.share])).toEqual([['corporation', '有限会社 見本ライフ', 0.8]]);
    expect(warnings[0]?.message).toContain('有限会社 見本ライフ');
    expect(warnings[0]?.message).toContain('10件中8件（80%）');
    expect(warnings[0]?.message).toContain('しきい値 50%');
  });

  test('one office over the threshold: a warning naming the office', () => {
    const { warnings } = measureConcentration({ delegations: MONTH_ROWS, contracts: CONTRACTS, ownCorporation: OWN, threshold: 0.45 });
    expect(warnings.map((w) => [w.kind, w.name])).toEqual([
      ['office', 'トマト村'],
      ['corporation', '有限会社 見本ライフ'],
    ]);
    expect(warnings[0]?.message).toMatch(/10件中5件（50%）が事業所「トマト村」/);
  });

  test('the center’s own 法人 over the threshold is one "own" warning, not also a "corporation" one', () => {
    // own 法人 (C and D): 2 + 7 = 9 of 10 = 90%; office D alone 7/10 = 70%
    const contracts = [...CONTRACTS, contract('D', 'ケアプラン本庄', '社会福祉法人　本庄福祉会')];
    const delegations = [delegation('A', 1), delegation('C', 2), delegation('D', 7)];
    const result = measureConcentration({ delegations, contracts, ownCorporation: '社会福祉法人 本庄福祉会', threshold: 0.8 });
    expect(result.ownCorporationShare).toBe(0.9);
    expect(result.warnings.map((w) => [w.kind, w.name, w.share])).toEqual([['own', '社会福祉法人 本庄福祉会', 0.9]]);
    expect(result.warnings[0]?.message).toContain('10件中9件（90%）');
  });

  test('a month without delegated cases: zeros, no warning, no division by zero', () => {
    const none = measureConcentration({ delegations: [], contracts: CONTRACTS, ownCorporation: OWN, threshold: 0.8 });
    expect(none).toEqual({ total: 0, byOffice: [], byCorporation: [], ownCorporation: OWN, ownCorporationShare: 0, warnings: [] });
    const zeros = measureConcentration({
      delegations: [delegation('A', 0), delegation('直営', 4, true)],
      contracts: CONTRACTS,
      ownCorporation: OWN,
      threshold: 0.8,
    });
    expect(zeros.total).toBe(0);
    expect(zeros.byOffice).toEqual([{ officeNumber: 'A', name: 'トマト村', corporation: '有限会社 見本ライフ', cases: 0, share: 0 }]);
    expect(zeros.ownCorporationShare).toBe(0);
    expect(zeros.warnings).toEqual([]);
  });

  test('rows of the same office are added; the contract active in the month names the office', () => {
    const contracts = [contract('A', '旧名', '法人X', '2019-04-01', '2021-01-31'), contract('A', 'トマト村', '法人Y', '2021-02-01')];
    const result = measureConcentration({ delegations: [delegation('A', 2), delegation('A', 1)], contracts, ownCorporation: '', threshold: 0.8 });
    expect(result.byOffice).toEqual([{ officeNumber: 'A', name: 'トマト村', corporation: '法人Y', cases: 3, share: 1 }]);
    expect(result.ownCorporationShare).toBe(0);
    expect(result.warnings.map((w) => w.kind)).toEqual(['office', 'corporation']);
  });

  test('offices without a known 法人 are never pooled into one', () => {
    const result = measureConcentration({
      delegations: [delegation('X', 1), delegation('Y', 1), delegation('A', 1)],
      contracts: CONTRACTS,
      ownCorporation: OWN,
      threshold: 0.5,
    });
    expect(result.byCorporation.map((c) => c.corporation).sort()).toEqual(['有限会社 見本ライフ', '法人名なし（X）', '法人名なし（Y）'].sort());
    expect(result.warnings).toEqual([]);
  });
});

describe('helpers', () => {
  test('corporationKey ignores spaces and widths', () => {
    expect(corporationKey('社会福祉法人　本庄福祉会')).toBe(corporationKey('社会福祉法人本庄福祉会'));
    expect(corporationKey('ＮＰＯ法人 見本')).toBe(corporationKey('NPO法人見本'));
  });

  test('formatShare', () => {
    expect(formatShare(0.8)).toBe('80%');
    expect(formatShare(2 / 3)).toBe('66.7%');
    expect(formatShare(0)).toBe('0%');
  });
});
