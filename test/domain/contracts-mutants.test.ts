import { CONTRACT_COLUMNS, CONTRACTS_SHEET, contractOverlaps, readContracts } from '../../src/domain/sheets/contracts';
import type { Issue } from '../../src/domain/issues/issue';
import { defaultSettings, type Settings } from '../../src/domain/sheets/settings';
import { toTable } from '../../src/domain/sheets/table';
import type { CellValue } from '../../src/domain/values/cell';
import { CONTRACT_HEADER, contractRow } from '../helpers/rows';
import { d, rawSheet } from '../helpers/tables';

const settings: Settings = { ...defaultSettings('本庄西'), prefecture: '埼玉県', municipality: '本庄市', outsideTowns: ['上里町', '美里町'] };

function check(rows: CellValue[][], headers: readonly string[] = CONTRACT_HEADER, place: Settings = settings): Issue[] {
  const table = toTable(rawSheet(CONTRACTS_SHEET, [headers, ...rows]), CONTRACT_COLUMNS);
  if (!table) throw new Error('no table');
  return readContracts(table, { settings: place, today: '2026-11-01' }).issues;
}

const brief = (issues: readonly Issue[]): [string, string][] => issues.map((i) => [i.cell, i.code]);
const without = (header: string): string[] => CONTRACT_HEADER.filter((h) => h !== header);

describe('契約終了日 and 契約開始日', () => {
  test('an end after the start, or on the start day, is no issue', () => {
    expect(check([contractRow({ 契約終了日: d('2021-03-31') })])).toEqual([]);
    expect(check([contractRow({ 契約終了日: d('2020-04-01') })])).toEqual([]);
  });

  test('an end the day before the start is an error on 契約終了日 naming both days', () => {
    const issues = check([contractRow({ 契約終了日: d('2020-03-31') })]);
    expect(issues.map((i) => [i.cell, i.code, i.message])).toEqual([
      ['H2', 'CONTRACT_END_BEFORE_START', '「契約終了日」の 2020-03-31 が契約開始日 2020-04-01 より前です。契約の期間を確かめてください。'],
    ]);
  });
});

describe('運営協議会承認日', () => {
  test('approved before the start or on the start day is no issue', () => {
    expect(check([contractRow({ 運営協議会承認日: d('2020-03-31') })])).toEqual([]);
    expect(check([contractRow({ 運営協議会承認日: d('2020-04-01') })])).toEqual([]);
  });

  test('approved the day after the start is a warning naming both days', () => {
    const issues = check([contractRow({ 運営協議会承認日: d('2020-04-02') })]);
    expect(issues.map((i) => [i.cell, i.code, i.message])).toEqual([
      [
        'I2',
        'APPROVAL_AFTER_START',
        '運営協議会の承認（2020-04-02）が契約開始日 2020-04-01 より後です。承認の前に委託を始めていないか確かめ、経緯を選定理由などに残してください。',
      ],
    ]);
  });

  test('a cell that holds an error value is that error only, not a missing approval', () => {
    expect(brief(check([contractRow({ 運営協議会承認日: '#REF!' })]))).toEqual([['I2', 'CELL_ERROR']]);
  });

  test('without the column no row is warned about it', () => {
    const headers = without('運営協議会承認日');
    expect(check([contractRow({}, headers)], headers)).toEqual([]);
  });

  test('a blank cell is the missing approval', () => {
    expect(brief(check([contractRow({ 運営協議会承認日: null })]))).toEqual([['I2', 'APPROVAL_MISSING']]);
  });
});

describe('選定理由', () => {
  test('without the column no row is asked for a reason', () => {
    const headers = without('選定理由');
    expect(check([contractRow({}, headers)], headers)).toEqual([]);
  });

  test('a cell that holds an error value is that error only, not a missing reason', () => {
    expect(brief(check([contractRow({ 選定理由: '#N/A' })]))).toEqual([['J2', 'CELL_ERROR']]);
  });
});

describe('所在', () => {
  test('without the column, 所在 is derived from 所在地 without a word', () => {
    const headers = without('所在');
    expect(check([contractRow({}, headers)], headers)).toEqual([]);
  });

  test('a cell that holds an error value is that error only, not derived', () => {
    expect(brief(check([contractRow({ 所在: '#REF!' })]))).toEqual([['E2', 'CELL_ERROR']]);
  });

  test('a blank 所在 is not derived when neither the address nor 設定 names a municipality', () => {
    const nowhere: Settings = { ...settings, municipality: '' };
    expect(check([contractRow({ 所在地: '早稲田の杜5-14-8', 所在: null })], CONTRACT_HEADER, nowhere)).toEqual([]);
  });

  test('a blank 所在 with an address naming the city is derived, with the municipality as suggestion', () => {
    const issues = check([contractRow({ 所在地: '埼玉県本庄市千代田3-5-1', 所在: null })]);
    expect(issues.map((i) => [i.cell, i.code, i.suggestion])).toEqual([['E2', 'MUNICIPALITY_DERIVED', '本庄市']]);
  });

  test('a 所在 that agrees with the address is no issue', () => {
    expect(check([contractRow({ 所在地: '埼玉県本庄市千代田3-5-1', 所在: '本庄市' })])).toEqual([]);
  });
});

type Plain = { row: number; officeNumber: string; start: string; end?: string };
const c = (row: number, start: string, end?: string): Plain => ({ row, officeNumber: 'X', start, ...(end === undefined ? {} : { end }) });
const summary = (found: Map<Plain, { count: number; examples: readonly Plain[] }>): [number, number, number[]][] =>
  [...found].map(([k, v]) => [k.row, v.count, v.examples.map((e) => e.row)]).sort((a, b) => (a[0] as number) - (b[0] as number)) as [
    number,
    number,
    number[],
  ][];

describe('contractOverlaps: which contracts are named', () => {
  test('contracts with an end date overlap when they share a day', () => {
    const found = contractOverlaps([c(2, '2020-04-01', '2021-03-31'), c(3, '2021-03-31', '2022-03-31')]);
    expect(summary(found)).toEqual([
      [2, 1, [3]],
      [3, 1, [2]],
    ]);
  });

  test('an earlier contract that ended the day before is not named', () => {
    const found = contractOverlaps([c(2, '2020-04-01', '2020-06-30'), c(3, '2020-07-01'), c(4, '2020-08-01')]);
    expect(summary(found)).toEqual([
      [3, 1, [4]],
      [4, 1, [3]],
    ]);
  });

  test('the three nearest in start date are named, not the first rows', () => {
    const found = contractOverlaps([c(2, '2020-04-01'), c(3, '2021-04-01'), c(4, '2022-04-01'), c(5, '2023-04-01'), c(6, '2024-04-01')]);
    expect(found.get([...found.keys()].find((k) => k.row === 6) as Plain)).toEqual({
      count: 4,
      examples: [c(3, '2021-04-01'), c(4, '2022-04-01'), c(5, '2023-04-01')],
    });
  });

  test('of the later ones, at most six are looked at before the three lowest rows are named', () => {
    // The first contract overlaps seven later ones; the seventh by start date has the lowest row.
    const later = [11, 12, 13, 14, 15, 16, 3].map((row, i) => c(row, `2021-0${i + 1}-01`));
    const found = contractOverlaps([c(10, '2020-04-01'), ...later]);
    const first = found.get([...found.keys()].find((k) => k.row === 10) as Plain);
    expect(first?.count).toBe(7);
    expect(first?.examples.map((e) => e.row)).toEqual([11, 12, 13]);
  });

  test('contracts with the same start are taken in row order: the nearest earlier ones are the highest rows', () => {
    // Given out of row order; five share a start, the last starts a year later.
    const found = contractOverlaps([c(4, '2020-04-01'), c(2, '2020-04-01'), c(7, '2021-04-01'), c(6, '2020-04-01'), c(3, '2020-04-01'), c(5, '2020-04-01')]);
    expect(summary(found)).toEqual([
      [2, 5, [3, 4, 5]],
      [3, 5, [2, 4, 5]],
      [4, 5, [2, 3, 5]],
      [5, 5, [2, 3, 4]],
      [6, 5, [3, 4, 5]],
      [7, 5, [4, 5, 6]],
    ]);
  });

  test('contracts given out of start order are sorted by start before they are compared', () => {
    const found = contractOverlaps([
      c(2, '2022-04-01', '2023-03-31'),
      c(3, '2020-04-01', '2021-03-31'),
      c(4, '2021-04-01', '2022-03-31'),
      c(5, '2022-10-01'),
      c(6, '2019-04-01', '2019-09-30'),
    ]);
    expect(summary(found)).toEqual([
      [2, 1, [5]],
      [5, 1, [2]],
    ]);
  });

  test('the search for earlier ones to name stops after 1000 rows: the count stays right', () => {
    // One open contract, then 1001 one-day contracts on successive days: each overlaps the open one only.
    const day = (n: number): string => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10);
    const open = c(2, '2019-12-31');
    const days = Array.from({ length: 1001 }, (_, i) => c(i + 3, day(i), day(i)));
    const found = contractOverlaps([open, ...days]);
    // The 1000th one-day contract finds the open one 1000 rows back; the 1001st does not look that far.
    expect(found.get(days[999] as Plain)).toEqual({ count: 1, examples: [open] });
    expect(found.get(days[1000] as Plain)).toEqual({ count: 1, examples: [] });
    expect(found.get(open)?.count).toBe(1001);
  });
});
