import type { CellValue } from '../../src/domain/values/cell';
import { CONTRACT_COLUMNS, CONTRACTS_SHEET, type ContractKey, readContracts } from '../../src/domain/sheets/contracts';
import { DELEGATION_COLUMNS, DELEGATIONS_SHEET, readDelegations } from '../../src/domain/sheets/delegations';
import type { Issue } from '../../src/domain/issues/issue';
import { defaultSettings, type Settings } from '../../src/domain/sheets/settings';
import { type Table, toTable } from '../../src/domain/sheets/table';
import { type CheckContext, checkSheet, readWorkbook, tableOf } from '../../src/domain/sheets/workbook-check';
import { d, rawSheet } from '../helpers/tables';

const HEADER = DELEGATION_COLUMNS.map((c) => c.header);
const settings: Settings = { ...defaultSettings('本庄西'), prefecture: '埼玉県', municipality: '本庄市', outsideTowns: ['上里町', '美里町'] };

/** Offices under contract: トマト村 from 2020-04 with no end, ジャム until 2021-01-31, のんびり森 from 2021-02-15. */
const TOMATO = '1171300013';
const JAM = '1171300021';
const NONBIRI = '1171300039';
const UNKNOWN = '1171300047';

function contractRow(number: string, name: string, start: string, end: string | null): CellValue[] {
  const values: Record<string, CellValue> = {
    事業所番号: number,
    事業所名: name,
    法人名: '有限会社 見本ライフ',
    所在地: '早稲田の杜5-14-8',
    所在: '本庄市',
    委託区分: '両方',
    契約開始日: d(start),
    契約終了日: end === null ? null : d(end),
    運営協議会承認日: d(start),
    選定理由: '利用者の希望',
  };
  return CONTRACT_COLUMNS.map((c) => values[c.header] ?? null);
}

const contractsTable = tableOf(
  CONTRACTS_SHEET,
  rawSheet(CONTRACTS_SHEET, [
    CONTRACT_COLUMNS.map((c) => c.header),
    contractRow(TOMATO, 'トマト村', '2020-04-01', null),
    contractRow(JAM, 'ケアプランセンタージャム', '2019-04-01', '2021-01-31'),
    contractRow(NONBIRI, 'のんびり森', '2021-02-15', null),
  ]),
) as Table<string>;

const withWorkbook: CheckContext = {
  settings,
  today: '2021-03-10',
  contracts: readContracts(contractsTable as unknown as Table<ContractKey>, { settings }).contracts,
};
const onEdit: CheckContext = { settings, today: '2021-03-10' };

/** A valid row; `over` replaces cells by header. */
function row(over: Record<string, CellValue> = {}, headers: readonly string[] = HEADER): CellValue[] {
  const base: Record<string, CellValue> = { 対象月: '2021-02', 事業所番号: TOMATO, 介護予防支援件数: 3, 介護予防ケアマネジメント件数: 2, うち新規: 1 };
  const merged = { ...base, ...over };
  return headers.map((h) => merged[h] ?? null);
}

function read(rows: CellValue[][], context: CheckContext = withWorkbook, headers: readonly string[] = HEADER) {
  const table = toTable(rawSheet(DELEGATIONS_SHEET, [headers, ...rows]), DELEGATION_COLUMNS);
  if (!table) throw new Error('no table');
  return readDelegations(table, context);
}

const check = (rows: CellValue[][], context?: CheckContext): Issue[] => read(rows, context).issues;
const codes = (issues: Issue[]): string[] => issues.map((i) => i.code);

describe('readDelegations', () => {
  test('a valid row has no issue and becomes a typed delegation', () => {
    expect(read([row()])).toEqual({
      issues: [],
      delegations: [{ row: 2, month: '2021-02', officeNumber: TOMATO, direct: false, supportCases: 3, careManagementCases: 2, cases: 5, newCases: 1 }],
    });
  });

  describe('対象月', () => {
    test.each<[CellValue]>([['2026-10'], ['2026/10'], ['2021/2'], ['2021年2月'], [d('2021-02-01')]])('%j is read without a word', (month) => {
      expect(check([row({ 対象月: month, 事業所番号: TOMATO })], onEdit)).toEqual([]);
    });

    test.each<[CellValue, string]>([
      ['令和8年10月', '2026-10'],
      ['R8.10', '2026-10'],
      ['令和3年2月', '2021-02'],
      ['R3.2', '2021-02'],
      ['令和３年２月分', '2021-02'],
      ['２０２１／２', '2021-02'],
      ['202102', '2021-02'],
    ])('%j is read as %s with a warning and the western month as suggestion', (month, ym) => {
      const { issues, delegations } = read([row({ 対象月: month })], onEdit);
      expect(issues.map((i) => [i.code, i.severity, i.suggestion])).toEqual([['MONTH_NOTATION', 'warning', ym]]);
      expect(delegations[0]?.month).toBe(ym);
    });

    test('an era trap is a warning, an impossible month an error, a blank one REQUIRED', () => {
      const issues = check([row({ 対象月: 'H32.1' }), row({ 対象月: '2021/13' }), row({ 対象月: '2月' }), row({ 対象月: '' })], onEdit);
      expect(issues.map((i) => [i.row, i.code])).toEqual([
        [2, 'DATE_ERA_TRAP'],
        [3, 'MONTH_INVALID'],
        [4, 'MONTH_INVALID'],
        [5, 'REQUIRED'],
      ]);
      expect(issues[0]?.suggestion).toBe('2020-01');
      expect(issues[1]?.message).toMatch(/「2021\/13」は年月として読めません（13月はありません）/);
    });
  });

  describe('事業所番号', () => {
    test('直営 and its variants', () => {
      const { issues, delegations } = read([
        row({ 事業所番号: '直営' }),
        row({ 事業所番号: '直営分', 対象月: '2021-01' }),
        row({ 事業所番号: 'センター直営', 対象月: '2020-12' }),
      ]);
      expect(issues.map((i) => [i.row, i.code, i.suggestion])).toEqual([
        [3, 'CHOICE_VARIANT', '直営'],
        [4, 'CHOICE_VARIANT', '直営'],
      ]);
      expect(delegations.map((x) => [x.officeNumber, x.direct])).toEqual([
        ['直営', true],
        ['直営', true],
        ['直営', true],
      ]);
    });

    test('a broken number is an error, a 全角 one a width warning', () => {
      const issues = check([row({ 事業所番号: '117130001' }), row({ 事業所番号: '１１７１３０００１３', 対象月: '2021-01' })]);
      expect(issues.map((i) => [i.row, i.code])).toEqual([
        [2, 'OFFICE_NUMBER_INVALID'],
        [3, 'TEXT_WIDTH'],
      ]);
    });
  });

  describe('the office must hold a contract active in the month', () => {
    test('found when the workbook is checked', () => {
      const issues = check([row({ 事業所番号: UNKNOWN }), row({ 事業所番号: JAM }), row({ 事業所番号: NONBIRI }), row({ 事業所番号: JAM, 対象月: '2021-01' })]);
      expect(issues.map((i) => [i.row, i.code, i.severity, i.column])).toEqual([
        [2, 'DELEGATION_NO_CONTRACT', 'error', '事業所番号'],
        [3, 'DELEGATION_NO_CONTRACT', 'error', '事業所番号'],
      ]);
      expect(issues[0]?.message).toMatch(new RegExp(`事業所番号 ${UNKNOWN} の事業所は「委託契約」にありません`));
      expect(issues[1]?.message).toContain('ケアプランセンタージャム');
      expect(issues[1]?.message).toContain('2019-04-01〜2021-01-31');
      expect(issues[1]?.message).toContain('2021年2月（令和3年2月）');
    });

    test('not reported in onEdit, where 委託契約 is not read', () => {
      expect(check([row({ 事業所番号: UNKNOWN })], onEdit)).toEqual([]);
    });

    test('not reported when the workbook has no readable 委託契約 (its own issue says so)', () => {
      const raws = new Map([
        [DELEGATIONS_SHEET, rawSheet(DELEGATIONS_SHEET, [HEADER, row({ 事業所番号: UNKNOWN })])],
        [CONTRACTS_SHEET, rawSheet(CONTRACTS_SHEET, [['壊れた見出し']])],
      ]);
      const reading = readWorkbook(raws, { settings, issues: [] }, '2021-03-10');
      expect(reading.issues.map((i) => [i.sheet, i.code])).toEqual([
        ['相談記録', 'SHEET_MISSING'],
        ['委託契約', 'HEADER_MISSING'],
      ]);
    });

    test('found by the whole-workbook reading when 委託契約 is there', () => {
      const raws = new Map([[DELEGATIONS_SHEET, rawSheet(DELEGATIONS_SHEET, [HEADER, row({ 事業所番号: UNKNOWN })])]]);
      const contractsRaw = rawSheet(CONTRACTS_SHEET, [CONTRACT_COLUMNS.map((c) => c.header), contractRow(TOMATO, 'トマト村', '2020-04-01', null)]);
      const reading = readWorkbook(new Map([...raws, [CONTRACTS_SHEET, contractsRaw]]), { settings, issues: [] }, '2021-03-10');
      expect(reading.issues.filter((i) => i.sheet === DELEGATIONS_SHEET).map((i) => i.code)).toEqual(['DELEGATION_NO_CONTRACT']);
      expect(reading.contracts).toHaveLength(1);
      expect(reading.delegations).toHaveLength(1);
    });

    test('直営 needs no contract', () => {
      expect(check([row({ 事業所番号: '直営' })])).toEqual([]);
    });
  });

  test('a second row for the same month and office is an error naming the first', () => {
    const issues = check([row(), row({ 対象月: '2021-01' }), row({ 対象月: 'R3.2' }), row({ 事業所番号: '直営' }), row({ 事業所番号: '直営分' })]);
    expect(issues.filter((i) => i.code === 'DELEGATION_DUPLICATE').map((i) => [i.row, i.severity])).toEqual([
      [4, 'error'],
      [6, 'error'],
    ]);
    expect(issues.find((i) => i.row === 4 && i.code === 'DELEGATION_DUPLICATE')?.message).toContain('2行目');
    expect(issues.find((i) => i.row === 6 && i.code === 'DELEGATION_DUPLICATE')?.message).toContain('5行目');
  });

  describe('件数', () => {
    test('１２ and 12件 are read with the plain number as suggestion', () => {
      const { issues, delegations } = read([row({ 介護予防支援件数: '１２', 介護予防ケアマネジメント件数: '3件', うち新規: '１件' })]);
      expect(issues.map((i) => [i.column, i.code, i.severity, i.suggestion])).toEqual([
        ['介護予防支援件数', 'COUNT_NOTATION', 'warning', '12'],
        ['介護予防ケアマネジメント件数', 'COUNT_NOTATION', 'warning', '3'],
        ['うち新規', 'COUNT_NOTATION', 'warning', '1'],
      ]);
      expect(delegations[0]).toMatchObject({ supportCases: 12, careManagementCases: 3, cases: 15, newCases: 1 });
    });

    test('negative, fractional and text counts are errors', () => {
      const issues = check([row({ 介護予防支援件数: -1, 介護予防ケアマネジメント件数: '1.5', うち新規: 'たくさん' })]);
      expect(issues.map((i) => [i.column, i.code])).toEqual([
        ['介護予防支援件数', 'COUNT_INVALID'],
        ['介護予防ケアマネジメント件数', 'COUNT_INVALID'],
        ['うち新規', 'COUNT_INVALID'],
      ]);
      expect(issues[0]?.message).toContain('0以上の整数');
    });

    test('a dash or なし for none is 0, with a warning that says to write 0', () => {
      const { issues, delegations } = read([row({ 介護予防支援件数: 2, 介護予防ケアマネジメント件数: '-', うち新規: 'なし' })]);
      expect(delegations.map((d) => [d.careManagementCases, d.newCases])).toEqual([[0, 0]]);
      expect(issues.map((i) => [i.column, i.code, i.suggestion])).toEqual([
        ['介護予防ケアマネジメント件数', 'COUNT_NOTATION', '0'],
        ['うち新規', 'COUNT_NOTATION', '0'],
      ]);
      expect(issues[1]?.message).toBe('「うち新規」の「なし」は 0 件のことと読みました。0 と入力すると、数値として合計できます。');
    });

    test('one count blank is 0; both blank is REQUIRED', () => {
      const { issues, delegations } = read([
        row({ 介護予防支援件数: null, うち新規: null }),
        row({ 介護予防支援件数: null, 介護予防ケアマネジメント件数: '', うち新規: null, 対象月: '2021-01' }),
      ]);
      expect(issues.map((i) => [i.row, i.code, i.column])).toEqual([[3, 'REQUIRED', '介護予防支援件数']]);
      expect(delegations[0]).toMatchObject({ supportCases: 0, careManagementCases: 2, cases: 2, newCases: 0 });
    });

    test('うち新規 above the sum of the two counts is an error; equal is fine', () => {
      const issues = check([row({ うち新規: 6 }), row({ うち新規: 5, 対象月: '2021-01' })]);
      expect(issues.map((i) => [i.row, i.code, i.column])).toEqual([[2, 'DELEGATION_NEW_EXCEEDS', 'うち新規']]);
      expect(issues[0]?.message).toMatch(/6 件が.*合計 5 件/);
    });
  });
});

describe('委託実績 in the workbook check', () => {
  test('checkSheet runs the cross-sheet rule with the workbook and not without it', () => {
    const raw = rawSheet(DELEGATIONS_SHEET, [HEADER, row({ 事業所番号: UNKNOWN })]);
    expect(codes(checkSheet(DELEGATIONS_SHEET, raw, withWorkbook).issues)).toEqual(['DELEGATION_NO_CONTRACT']);
    expect(checkSheet(DELEGATIONS_SHEET, raw, onEdit).issues).toEqual([]);
  });

  test('a missing count column is reported in the header', () => {
    const headers = HEADER.filter((h) => h !== '介護予防ケアマネジメント件数');
    const raw = rawSheet(DELEGATIONS_SHEET, [headers, row({}, headers)]);
    expect(checkSheet(DELEGATIONS_SHEET, raw, onEdit).issues.map((i) => [i.code, i.column])).toEqual([['HEADER_MISSING', '介護予防ケアマネジメント件数']]);
  });
});

describe('scale', () => {
  test('an office with many contracts, none active in the month: the message names three and counts the rest', () => {
    const many = Array.from({ length: 50 }, (_, i) => ({
      row: i + 2,
      officeNumber: TOMATO,
      name: 'トマト村',
      corporation: '',
      address: '',
      municipality: '',
      start: `19${String(50 + i)}-04-01`,
      end: `19${String(50 + i)}-04-30`,
    }));
    const issues = check([row({ 対象月: '2021-02' })], { settings, today: '2021-03-10', contracts: many });
    expect(issues.map((i) => i.code)).toEqual(['DELEGATION_NO_CONTRACT']);
    expect(issues[0]?.message).toContain('ほか47件');
    expect(issues[0]?.message.length).toBeLessThan(300);
  });
});
