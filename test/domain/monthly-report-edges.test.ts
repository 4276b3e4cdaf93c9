import type { Consultation } from '../../src/domain/sheets/consultations';
import type { Contract } from '../../src/domain/sheets/contracts';
import type { Delegation } from '../../src/domain/sheets/delegations';
import type { Issue } from '../../src/domain/issues/issue';
import { buildMonthlyReport, type ReportInput } from '../../src/domain/reports/monthly-report';
import { defaultSettings } from '../../src/domain/sheets/settings';

/** The 月報's month filter, its office order and the rows its quality counts, with hand-written figures. */

const settings = { ...defaultSettings('本庄西'), centerCode: '07', municipality: '本庄市', concentrationThreshold: 0.6 };
const MONTH = '2026-10';

const contract = (row: number, officeNumber: string, name: string, start: string, end?: string): Contract => ({
  row,
  officeNumber,
  name,
  corporation: `${name}法人`,
  address: `${name}の住所`,
  municipality: '本庄市',
  start,
  ...(end ? { end } : {}),
});

const delegation = (row: number, month: string, officeNumber: string, cases: number, newCases = 0): Delegation => ({
  row,
  month,
  officeNumber,
  direct: officeNumber === '直営',
  supportCases: cases,
  careManagementCases: 0,
  cases,
  newCases,
});

const consultation = (row: number, receivedOn?: string): Consultation => ({ row, ...(receivedOn ? { receivedOn } : {}), dementia: false, afterHours: false });

const issue = (sheet: string, row: number, severity: 'error' | 'warning'): Issue => ({
  sheet,
  row,
  column: '',
  cell: `A${row}`,
  code: 'REQUIRED',
  severity,
  message: '',
});

const input = (over: Partial<ReportInput>): ReportInput => ({ settings, month: MONTH, consultations: [], contracts: [], delegations: [], issues: [], ...over });

describe('the month filter', () => {
  // Built inside each test: Stryker's per-test coverage sees only code run by a test.
  const report = (): ReturnType<typeof buildMonthlyReport> =>
    buildMonthlyReport(
      input({
        delegations: [
          delegation(2, '2026-09', 'A', 50, 5),
          delegation(3, MONTH, 'A', 3, 1),
          delegation(4, '2026-11', 'A', 70, 7),
          delegation(5, MONTH, '直営', 2, 2),
          delegation(6, '2026-11', '直営', 90, 9),
        ],
      }),
    );

  test('only the month’s rows are counted', () => {
    expect(report().preventivePlans).toEqual({ direct: 2, delegated: 3, newCases: 3, directNewCases: 2, delegatedNewCases: 1 });
    expect(report().delegations.map((d) => [d.officeNumber, d.cases, d.newCases])).toEqual([['A', 3, 1]]);
    expect(report().concentration.total).toBe(3);
  });

  test('the center and the threshold come from 設定', () => {
    expect(report().month).toBe(MONTH);
    expect(report().center).toEqual({ name: '本庄西', code: '07', municipality: '本庄市' });
    expect(report().threshold).toBe(0.6);
  });
});

describe('the offices of the month', () => {
  const contracts = [
    contract(2, 'A', '旧いろは', '2019-04-01', '2025-03-31'),
    contract(3, 'A', 'いろは', '2025-04-01'),
    contract(4, 'B', 'にほへ', '2024-04-01', '2026-03-31'),
    contract(5, 'C', 'ちりぬ', '2026-10-01'),
  ];
  // Built inside each test: Stryker's per-test coverage sees only code run by a test.
  const report = (): ReturnType<typeof buildMonthlyReport> =>
    buildMonthlyReport(
      input({
        contracts,
        delegations: [
          delegation(2, MONTH, 'C', 5),
          delegation(3, MONTH, 'A', 5),
          delegation(4, MONTH, 'B', 7),
          delegation(5, MONTH, 'D', 1),
          delegation(6, MONTH, 'E', 0),
          delegation(7, MONTH, '直営', 9),
        ],
      }),
    );

  test('most cases first, then by 事業所番号; no 直営, no office without a case', () => {
    expect(report().delegations.map((d) => [d.officeNumber, d.cases])).toEqual([
      ['B', 7],
      ['A', 5],
      ['C', 5],
      ['D', 1],
    ]);
  });

  test('the contract active in the month names the office; else any contract; else nothing', () => {
    expect(report().delegations.map((d) => [d.officeNumber, d.name, d.corporation, d.address, d.municipality, d.contractStart])).toEqual([
      ['B', 'にほへ', 'にほへ法人', 'にほへの住所', '本庄市', '2024-04-01'],
      ['A', 'いろは', 'いろは法人', 'いろはの住所', '本庄市', '2025-04-01'],
      ['C', 'ちりぬ', 'ちりぬ法人', 'ちりぬの住所', '本庄市', '2026-10-01'],
      ['D', '', '', '', '', ''],
    ]);
  });
});

describe('contracts of the month', () => {
  // Built inside each test: Stryker's per-test coverage sees only code run by a test.
  const report = (): ReturnType<typeof buildMonthlyReport> =>
    buildMonthlyReport(
      input({
        contracts: [
          contract(2, 'A', '九月末で終了', '2020-04-01', '2026-09-30'),
          contract(3, 'B', '十月一日で終了', '2020-04-01', '2026-10-01'),
          contract(4, 'C', '十月一日から', '2026-10-01'),
          contract(5, 'D', '十月末から', '2026-10-31', '2027-03-31'),
          contract(6, 'E', '十一月から', '2026-11-01'),
          contract(7, 'F', '九月末から', '2026-09-30'),
        ],
      }),
    );

  test('new: those starting in the month, with their end only when they have one', () => {
    expect(report().newContracts).toEqual([
      { officeNumber: 'C', name: '十月一日から', corporation: '十月一日から法人', address: '十月一日からの住所', municipality: '本庄市', start: '2026-10-01' },
      {
        officeNumber: 'D',
        name: '十月末から',
        corporation: '十月末から法人',
        address: '十月末からの住所',
        municipality: '本庄市',
        start: '2026-10-31',
        end: '2027-03-31',
      },
    ]);
  });

  test('active: any day of the month under contract', () => {
    expect(report().activeContracts.map((c) => c.officeNumber)).toEqual(['B', 'C', 'D', 'F']);
  });
});

describe('quality: the issues that concern the month', () => {
  const base = {
    consultations: [consultation(2, '2026-10-01'), consultation(3, '2026-10-31'), consultation(4, '2026-11-01'), consultation(5)],
    delegations: [delegation(2, MONTH, 'A', 1), delegation(3, '2026-09', 'A', 1)],
    contracts: [contract(2, 'A', 'いろは', '2020-04-01'), contract(3, 'B', 'にほへ', '2020-04-01', '2026-09-30')],
  };

  test('rows of the month, 設定 and sheets the report does not read; one row counted once', () => {
    const report = buildMonthlyReport(
      input({
        ...base,
        issues: [
          issue('相談記録', 2, 'error'),
          issue('相談記録', 2, 'error'),
          issue('相談記録', 3, 'warning'),
          issue('相談記録', 3, 'error'),
          issue('相談記録', 4, 'error'),
          issue('相談記録', 5, 'error'),
          issue('委託実績', 2, 'warning'),
          issue('委託実績', 3, 'error'),
          issue('委託契約', 2, 'warning'),
          issue('委託契約', 3, 'error'),
          issue('設定', 9, 'error'),
        ],
      }),
    );
    // errors: 相談記録 2 ×2, 3; 設定 9 → 4 on 3 rows. warnings: 相談記録 3, 委託実績 2, 委託契約 2 → 3 on 3 rows.
    expect(report.quality).toEqual({ errors: 4, warnings: 3, rowsWithErrors: 3, rowsWithWarnings: 3 });
  });

  test('事業評価 is yearly: none of its issues is the month’s, a header problem or one in a center’s own name for it neither', () => {
    const issues = [
      issue('相談記録', 2, 'error'),
      issue('事業評価', 1, 'error'),
      issue('事業評価', 5, 'warning'),
      issue('評価の回答', 4, 'error'),
      issue('読み替え', 3, 'warning'),
    ];
    const report = buildMonthlyReport(input({ ...base, issues }), new Map(), new Map([['評価の回答', '事業評価']]));
    // 相談記録 2 (a row of the month) and 読み替え 3 (it shapes every reading) only.
    expect(report.quality).toEqual({ errors: 1, warnings: 1, rowsWithErrors: 1, rowsWithWarnings: 1 });
  });

  test('an issue in or above a sheet’s header row counts for every month', () => {
    const issues = [issue('相談記録', 1, 'error'), issue('相談記録', 3, 'warning'), issue('委託実績', 1, 'warning')];
    const withHeaders = buildMonthlyReport(
      input({ ...base, consultations: [consultation(5, '2026-10-01')], delegations: [], issues }),
      new Map([
        ['相談記録', 3],
        ['委託実績', 1],
      ]),
    );
    expect(withHeaders.quality).toEqual({ errors: 1, warnings: 2, rowsWithErrors: 1, rowsWithWarnings: 2 });
    const headerOnRow1 = buildMonthlyReport(input({ ...base, consultations: [consultation(5, '2026-10-01')], delegations: [], issues }));
    expect(headerOnRow1.quality).toEqual({ errors: 1, warnings: 1, rowsWithErrors: 1, rowsWithWarnings: 1 });
  });
});
