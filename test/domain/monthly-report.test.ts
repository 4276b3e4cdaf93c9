import type { Contract } from '../../src/domain/sheets/contracts';
import type { Delegation } from '../../src/domain/sheets/delegations';
import type { Issue } from '../../src/domain/issues/issue';
import { buildMonthlyReport } from '../../src/domain/reports/monthly-report';
import { defaultSettings } from '../../src/domain/sheets/settings';
import { toSubmission } from '../../src/domain/reports/submission';

const settings = { ...defaultSettings('本庄西'), corporation: '本庄福祉会', centerCode: '01' };
const contract = (row: number, officeNumber: string, name: string, corporation: string, start: string, end?: string): Contract => ({
  row,
  officeNumber,
  name,
  corporation,
  address: `${name}の住所`,
  municipality: '本庄市',
  start,
  ...(end ? { end } : {}),
});
const delegation = (row: number, month: string, officeNumber: string, support: number, care: number, newCases: number): Delegation => ({
  row,
  month,
  officeNumber,
  direct: officeNumber === '直営',
  supportCases: support,
  careManagementCases: care,
  cases: support + care,
  newCases,
});
const issue = (sheet: string, row: number, severity: 'error' | 'warning'): Issue => ({
  sheet,
  row,
  column: '',
  cell: `A${row}`,
  code: 'REQUIRED',
  severity,
  message: '',
});

describe('buildMonthlyReport: 介護予防 and 委託 sections, quality', () => {
  const contracts = [
    contract(2, 'A', 'トマト村', '株式会社トマト', '2020-04-01'),
    contract(3, 'B', 'ジャム', '本庄福祉会', '2026-10-15'),
    contract(4, 'C', '閉じた事業所', '他法人', '2019-04-01', '2026-09-30'),
  ];
  const delegations = [
    delegation(2, '2026-10', '直営', 4, 2, 1),
    delegation(3, '2026-10', 'A', 3, 3, 2),
    delegation(4, '2026-10', 'B', 1, 1, 1),
    delegation(5, '2026-09', 'A', 9, 9, 0),
  ];
  const issues = [
    issue('委託実績', 3, 'error'),
    issue('委託実績', 5, 'error'),
    issue('委託契約', 3, 'warning'),
    issue('委託契約', 4, 'warning'),
    issue('相談記録', 1, 'error'),
    issue('設定', 4, 'error'),
  ];
  // Built inside each test, not at describe time: a report built while the suite is collected is credited to no
  // test, and mutation testing (npm run mutate) would count the rules it runs as covered by none.
  const build = () =>
    buildMonthlyReport(
      { settings, month: '2026-10', consultations: [], contracts, delegations, issues },
      new Map([
        ['相談記録', 1],
        ['委託契約', 1],
        ['委託実績', 1],
      ]),
    );

  test('直営 / 委託 件数 and うち新規', () => {
    const report = build();
    expect(report.preventivePlans).toEqual({ direct: 6, delegated: 8, newCases: 4, directNewCases: 1, delegatedNewCases: 3 });
  });

  test('offices delegated to in the month, most cases first, with 所在 and the contract start', () => {
    const report = build();
    expect(report.delegations.map((d) => [d.officeNumber, d.name, d.cases, d.newCases, d.municipality, d.contractStart])).toEqual([
      ['A', 'トマト村', 6, 2, '本庄市', '2020-04-01'],
      ['B', 'ジャム', 2, 1, '本庄市', '2026-10-15'],
    ]);
  });

  test('contracts starting in the month, and those active in it (an ended one is not)', () => {
    const report = build();
    expect(report.newContracts.map((c) => c.officeNumber)).toEqual(['B']);
    expect(report.activeContracts.map((c) => c.officeNumber)).toEqual(['A', 'B']);
  });

  test('shares against the threshold: トマト村 6/8 = 75%, the center’s own 法人 2/8 = 25%', () => {
    const report = build();
    expect(report.concentration.total).toBe(8);
    expect(report.concentration.byOffice[0]).toMatchObject({ name: 'トマト村', share: 0.75 });
    expect(report.concentration.ownCorporationShare).toBe(0.25);
    expect(report.concentration.warnings).toEqual([]);
  });

  test('quality counts the month’s rows, the headers and 設定, not other months', () => {
    const report = build();
    expect(report.quality).toEqual({ errors: 3, warnings: 1, rowsWithErrors: 3, rowsWithWarnings: 1 });
  });

  test('the payload carries the same figures and validates', () => {
    const report = build();
    const s = toSubmission(report, '2026-11-01T00:00:00.000Z');
    expect(s.preventivePlans.delegated).toBe(8);
    expect(s.delegations).toHaveLength(2);
    expect(s.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(toSubmission(report, '2027-01-01T00:00:00.000Z', '2027-01-02T00:00:00.000Z').fingerprint).toBe(s.fingerprint);
  });
});
