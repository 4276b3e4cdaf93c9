/**
 * Dates typed without a year (`10/7`, `10月7日`, `１０／７`): read as the latest such day not after the check's
 * today, with a DATE_NO_YEAR warning whose suggestion is the full date; counted in that day's month. Without a
 * today (month columns, a caller that has none) they stay invalid. Every expected date is worked out by hand
 * from a calendar: 2026-10-07 is a Wednesday, 2026-10-03 a Saturday; 2024 and 2028 are leap years, 2100 is not.
 */
import type { CellValue } from '../../src/domain/values/cell';
import { readDate } from '../../src/domain/values/dates';
import { readMonth } from '../../src/domain/values/months';
import { CONTRACT_COLUMNS, readContracts } from '../../src/domain/sheets/contracts';
import { readSettings } from '../../src/domain/sheets/settings';
import { toTable } from '../../src/domain/sheets/table';
import { checkSheet, readWorkbook } from '../../src/domain/sheets/workbook-check';
import { buildMonthlyReport } from '../../src/domain/reports/monthly-report';
import { normalizationPlan } from '../../src/workbook/normalize-plan';
import { CONSULTATION_HEADER, CONTRACT_HEADER, consultationRow, contractRow } from '../helpers/rows';
import { d, rawSheet } from '../helpers/tables';

const TODAY = '2026-11-23';
const settingsReading = readSettings(undefined, '本庄西');

const noYear = (iso: string, fullWidth = false) => ({ kind: 'date', iso, notation: 'western', fullWidth, noYear: true });
const invalid = (reason: string) => ({ kind: 'invalid', reason });

describe('readDate with today: the latest such day not after today', () => {
  test.each([
    ['10/7', '2026-10-07'],
    ['10-7', '2026-10-07'],
    ['10.7', '2026-10-07'],
    ['10月7日', '2026-10-07'],
    ['10月7', '2026-10-07'],
    ['10 / 7', '2026-10-07'],
    ['10/07', '2026-10-07'],
    ['10/7 14:30', '2026-10-07'],
    ['10/7(水)', '2026-10-07'],
    ['10月7日（水曜日）', '2026-10-07'],
    ['12/25', '2025-12-25'],
    ['11/23', '2026-11-23'],
    ['11/24', '2025-11-24'],
    ['11/22', '2026-11-22'],
    ['1/1', '2026-01-01'],
    ['12/31', '2025-12-31'],
    ['2/29', '2024-02-29'],
  ])('on 2026-11-23, %s is %s', (text, iso) => {
    expect(readDate(text, { today: TODAY })).toEqual(noYear(iso));
  });

  test('full width is read the same, and says it was full width', () => {
    expect(readDate('１０／７', { today: TODAY })).toEqual(noYear('2026-10-07', true));
    expect(readDate('１０月７日', { today: TODAY })).toEqual(noYear('2026-10-07', true));
    expect(readDate('１２－２５', { today: TODAY })).toEqual(noYear('2025-12-25', true));
  });

  test('across the new year: early in January, late December is last year', () => {
    const today = '2026-01-05';
    expect(readDate('12/28', { today })).toEqual(noYear('2025-12-28'));
    expect(readDate('1/5', { today })).toEqual(noYear('2026-01-05'));
    expect(readDate('1/6', { today })).toEqual(noYear('2025-01-06'));
    expect(readDate('1/4', { today })).toEqual(noYear('2026-01-04'));
  });

  test('2/29 goes back to the latest leap year not after today', () => {
    expect(readDate('2/29', { today: '2028-02-29' })).toEqual(noYear('2028-02-29'));
    expect(readDate('2/29', { today: '2028-02-28' })).toEqual(noYear('2024-02-29'));
    expect(readDate('2/29', { today: '2024-03-01' })).toEqual(noYear('2024-02-29'));
    // 2100 is not a leap year: the latest 2/29 before 2104-01-01 is in 2096.
    expect(readDate('2/29', { today: '2104-01-01' })).toEqual(noYear('2096-02-29'));
  });

  test('a day that no year has stays invalid, saying which part is wrong', () => {
    expect(readDate('2/30', { today: TODAY })).toEqual(invalid('2月30日はありません'));
    expect(readDate('4/31', { today: TODAY })).toEqual(invalid('4月31日はありません'));
    expect(readDate('13/1', { today: TODAY })).toEqual(invalid('13月はありません'));
    expect(readDate('0/5', { today: TODAY })).toEqual(invalid('0月はありません'));
    expect(readDate('10/0', { today: TODAY })).toEqual(invalid('10月0日はありません'));
    expect(readDate('１３月１日', { today: TODAY })).toEqual(invalid('13月はありません'));
  });

  test('a weekday is checked against the day read, and the reason says which year was supplied', () => {
    expect(readDate('10/7(月)', { today: TODAY })).toEqual(
      invalid('年が書かれていないので2026年10月7日として読みましたが、この日は水曜日です（月曜日ではありません）'),
    );
    expect(readDate('10/3(土)', { today: TODAY })).toEqual(noYear('2026-10-03'));
  });

  test('no year before year 1: nothing to read', () => {
    expect(readDate('12/31', { today: '0001-06-01' })).toEqual(invalid('年が書かれていません'));
    expect(readDate('1/1', { today: '0001-06-01' })).toEqual(noYear('0001-01-01'));
  });

  test('dates with a year are read as before, without the mark', () => {
    expect(readDate('2025/10/7', { today: TODAY })).toEqual({ kind: 'date', iso: '2025-10-07', notation: 'western', fullWidth: false });
    expect(readDate('R8.10.7', { today: TODAY })).toEqual({ kind: 'date', iso: '2026-10-07', notation: 'wareki', fullWidth: false });
    expect(readDate('26/10/7', { today: TODAY })).toEqual(
      invalid('年「26」が西暦か和暦か分かりません（西暦は4桁、和暦は令和8年・R8のように元号をつけてください）'),
    );
  });
});

describe('without today the old reading stands', () => {
  test('readDate without a today, or with a today that is not a date, keeps a date without a year invalid', () => {
    for (const text of ['10/7', '10月7日', '１０／７', '13/1', '2/30']) {
      expect(readDate(text)).toEqual(invalid('年が書かれていません'));
      expect(readDate(text, {})).toEqual(invalid('年が書かれていません'));
      expect(readDate(text, { today: '2026-13-45' })).toEqual(invalid('年が書かれていません'));
    }
  });

  test('a month column (対象月) does not supply a year either', () => {
    expect(readMonth('10/7')).toEqual(invalid('年が書かれていません'));
    expect(readMonth('10月')).toEqual(invalid('年が書かれていません'));
  });

  test('readContracts called without today keeps 契約終了日 3/31 invalid', () => {
    const table = toTable(rawSheet('委託契約', [CONTRACT_HEADER, contractRow({ 契約終了日: '3/31' })]), CONTRACT_COLUMNS);
    if (!table) throw new Error('no table');
    const { issues, contracts } = readContracts(table, { settings: settingsReading.settings });
    expect(issues.map((i) => [i.cell, i.code, i.message])).toEqual([
      ['H2', 'DATE_INVALID', '「契約終了日」の「3/31」は日付として読めません（年が書かれていません）。2026-10-03 や 令和8年10月3日 の形で入力してください。'],
    ]);
    expect(contracts[0]?.end).toBeUndefined();
  });
});

function workbook(consultations: CellValue[][], contracts?: CellValue[][]) {
  const raws = new Map([['相談記録', rawSheet('相談記録', [CONSULTATION_HEADER, ...consultations])]]);
  if (contracts) raws.set('委託契約', rawSheet('委託契約', [CONTRACT_HEADER, ...contracts]));
  return { raws, reading: readWorkbook(raws, settingsReading, TODAY) };
}

describe('through the check of the workbook (today 2026-11-23)', () => {
  test('受付日 10/7 is a warning whose message and suggestion give the full date; the record holds that date', () => {
    const { reading } = workbook([consultationRow({ 受付日: '10/7' }), consultationRow({ 受付日: '１２／２５' })]);
    const dates = reading.issues.filter((i) => i.sheet === '相談記録');
    expect(dates).toEqual([
      {
        sheet: '相談記録',
        row: 2,
        column: '受付日',
        cell: 'A2',
        code: 'DATE_NO_YEAR',
        severity: 'warning',
        message: '「受付日」の「10/7」は年が書かれていないので、2026年10月7日として読みました。年まで書いてください（例: 2026-10-07）。',
        suggestion: '2026-10-07',
      },
      {
        sheet: '相談記録',
        row: 3,
        column: '受付日',
        cell: 'A3',
        code: 'DATE_NO_YEAR',
        severity: 'warning',
        message: '「受付日」の「１２／２５」は年が書かれていないので、2025年12月25日として読みました。年まで書いてください（例: 2025-12-25）。',
        suggestion: '2025-12-25',
      },
    ]);
    expect(reading.consultations.map((c) => c.receivedOn)).toEqual(['2026-10-07', '2025-12-25']);
  });

  test('the 月報 counts the row in the month it was read in', () => {
    const { reading } = workbook([
      consultationRow({ 受付日: '10/7' }),
      consultationRow({ 受付日: '11/2' }),
      consultationRow({ 受付日: '12/25' }),
      consultationRow({ 受付日: d('2026-10-20') }),
    ]);
    const report = (month: string) =>
      buildMonthlyReport({ settings: reading.settings, month, consultations: reading.consultations, contracts: [], delegations: [], issues: reading.issues });
    const october = report('2026-10');
    expect(october.consultations.total).toBe(2);
    expect(october.consultations.undatedRows).toBe(0);
    // The warning of row 2 (10/7) concerns October; those of rows 3 and 4 do not.
    expect(october.quality).toEqual({ errors: 0, warnings: 1, rowsWithErrors: 0, rowsWithWarnings: 1 });
    expect(report('2026-11').consultations.total).toBe(1);
    expect(report('2025-12').consultations.total).toBe(1);
    const trend = october.consultations.trend.filter((t) => t.total > 0);
    expect(trend).toEqual([
      { month: '2025-12', total: 1 },
      { month: '2026-10', total: 2 },
    ]);
  });

  test('a weekday that does not match is an error naming the supplied year', () => {
    const check = checkSheet('相談記録', rawSheet('相談記録', [CONSULTATION_HEADER, consultationRow({ 受付日: '10/7(月)' })]), {
      settings: settingsReading.settings,
      today: TODAY,
    });
    expect(check.issues.map((i) => [i.cell, i.code, i.severity, i.message])).toEqual([
      [
        'A2',
        'DATE_INVALID',
        'error',
        '「受付日」の「10/7(月)」は日付として読めません（年が書かれていないので2026年10月7日として読みましたが、この日は水曜日です（月曜日ではありません））。2026-10-03 や 令和8年10月3日 の形で入力してください。',
      ],
    ]);
  });

  test('a weekday that matches, and today itself, are read without an error', () => {
    const check = checkSheet(
      '相談記録',
      rawSheet('相談記録', [CONSULTATION_HEADER, consultationRow({ 受付日: '10/7(水)' }), consultationRow({ 受付日: '11月23日' })]),
      { settings: settingsReading.settings, today: TODAY },
    );
    expect(check.issues.map((i) => [i.cell, i.code, i.suggestion])).toEqual([
      ['A2', 'DATE_NO_YEAR', '2026-10-07'],
      ['A3', 'DATE_NO_YEAR', '2026-11-23'],
    ]);
  });

  test('a day that no year has is DATE_INVALID with its reason', () => {
    const { reading } = workbook([consultationRow({ 受付日: '2/30' }), consultationRow({ 受付日: '13/1' })]);
    expect(reading.issues.map((i) => [i.cell, i.code, i.message])).toEqual([
      ['A2', 'DATE_INVALID', '「受付日」の「2/30」は日付として読めません（2月30日はありません）。2026-10-03 や 令和8年10月3日 の形で入力してください。'],
      ['A3', 'DATE_INVALID', '「受付日」の「13/1」は日付として読めません（13月はありません）。2026-10-03 や 令和8年10月3日 の形で入力してください。'],
    ]);
    expect(reading.consultations.map((c) => c.receivedOn)).toEqual([undefined, undefined]);
  });

  test('the other date rules see the read date: a 市への報告日 before the 受付日', () => {
    const { reading } = workbook([consultationRow({ 受付日: '11/20', 相談内容: '虐待', 市への報告日: '11/19' })]);
    // Errors come before warnings in a sheet's issues.
    expect(reading.issues.map((i) => [i.cell, i.code, i.message])).toEqual([
      ['N2', 'ABUSE_REPORT_BEFORE_RECEIPT', '「市への報告日」の 2026-11-19 が受付日 2026-11-20 より前です。市へ報告した日を確かめてください。'],
      ['A2', 'DATE_NO_YEAR', '「受付日」の「11/20」は年が書かれていないので、2026年11月20日として読みました。年まで書いてください（例: 2026-11-20）。'],
      ['N2', 'DATE_NO_YEAR', '「市への報告日」の「11/19」は年が書かれていないので、2026年11月19日として読みました。年まで書いてください（例: 2026-11-19）。'],
    ]);
  });

  test('委託契約: 契約開始日 and 運営協議会承認日 are read the same way; 契約終了日 without a year stays an error (it is usually in the future)', () => {
    const { reading } = workbook([], [contractRow({ 契約開始日: '4/1', 契約終了日: '3/31', 運営協議会承認日: '３／２０' })]);
    expect(reading.contracts.map((c) => [c.start, c.end, c.approvedOn])).toEqual([['2026-04-01', undefined, '2026-03-20']]);
    expect(reading.issues.filter((i) => i.sheet === '委託契約').map((i) => [i.cell, i.code, i.suggestion])).toEqual([
      ['H2', 'DATE_INVALID', undefined],
      ['G2', 'DATE_NO_YEAR', '2026-04-01'],
      ['I2', 'DATE_NO_YEAR', '2026-03-20'],
    ]);
  });

  test('表記を整える offers the full date as a date value', () => {
    const { raws, reading } = workbook([consultationRow({ 受付日: '10/7' }), consultationRow({ 受付日: '１２／２５' })]);
    expect(normalizationPlan(reading, raws).map((c) => [c.cell, c.code, c.before, c.after, c.kind])).toEqual([
      ['A2', 'DATE_NO_YEAR', '10/7', { kind: 'date', iso: '2026-10-07' }, '年のない日付 → 年を補った西暦'],
      ['A3', 'DATE_NO_YEAR', '１２／２５', { kind: 'date', iso: '2025-12-25' }, '年のない日付 → 年を補った西暦'],
    ]);
  });
});
