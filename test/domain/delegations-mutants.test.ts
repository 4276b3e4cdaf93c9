import type { Contract } from '../../src/domain/sheets/contracts';
import { DELEGATION_COLUMNS, DELEGATIONS_SHEET, readDelegations } from '../../src/domain/sheets/delegations';
import type { Issue } from '../../src/domain/issues/issue';
import { defaultSettings } from '../../src/domain/sheets/settings';
import { toTable } from '../../src/domain/sheets/table';
import type { CellValue } from '../../src/domain/values/cell';
import { rawSheet } from '../helpers/tables';

const HEADER = DELEGATION_COLUMNS.map((c) => c.header);
const settings = defaultSettings('本庄西');
const TOMATO = '1171300013';

/** A valid row (対象月, 事業所番号, 介護予防支援件数, 介護予防ケアマネジメント件数, うち新規); `over` replaces cells by header. */
function row(over: Record<string, CellValue> = {}): CellValue[] {
  const base: Record<string, CellValue> = { 対象月: '2021-02', 事業所番号: TOMATO, 介護予防支援件数: 3, 介護予防ケアマネジメント件数: 2, うち新規: 1 };
  const merged = { ...base, ...over };
  return HEADER.map((h) => merged[h] ?? null);
}

function check(rows: CellValue[][], contracts?: readonly Contract[]): Issue[] {
  const table = toTable(rawSheet(DELEGATIONS_SHEET, [HEADER, ...rows]), DELEGATION_COLUMNS);
  if (!table) throw new Error('no table');
  return readDelegations(table, contracts === undefined ? { settings } : { settings, contracts }).issues;
}

const full = (issues: readonly Issue[]): [string, string, string, string][] => issues.map((i) => [i.cell, i.column, i.code, i.message]);

describe('委託実績: messages of the row rules', () => {
  test('a blank 対象月 asks for a month, with an example', () => {
    expect(full(check([row({ 対象月: null })]))).toEqual([['A2', '対象月', 'REQUIRED', '「対象月」が空です。年月（例: 2026-10）を入力してください。']]);
  });

  test('a blank 事業所番号 is required, and says 直営 is allowed', () => {
    expect(full(check([row({ 事業所番号: null })]))).toEqual([
      ['B2', '事業所番号', 'REQUIRED', '「事業所番号」が空です。介護保険の事業所番号（10文字）か「直営」を入力してください。'],
    ]);
  });

  test('a variant of 直営 is a warning on 事業所番号 with 直営 as suggestion', () => {
    const issues = check([row({ 事業所番号: '直営分' })]);
    expect(full(issues)).toEqual([
      ['B2', '事業所番号', 'CHOICE_VARIANT', '「事業所番号」の「直営分」は「直営」のことと読みました。集計がそろうよう「直営」に統一してください。'],
    ]);
    expect(issues[0]?.suggestion).toBe('直営');
  });

  test('a malformed office number is reported on 事業所番号', () => {
    expect(check([row({ 事業所番号: '11713' })]).map((i) => [i.cell, i.column, i.code])).toEqual([['B2', '事業所番号', 'OFFICE_NUMBER_INVALID']]);
  });

  test('both counts blank: one error on 介護予防支援件数 naming both columns', () => {
    expect(full(check([row({ 介護予防支援件数: null, 介護予防ケアマネジメント件数: null, うち新規: null })]))).toEqual([
      ['C2', '介護予防支援件数', 'REQUIRED', '件数が空です。「介護予防支援件数」と「介護予防ケアマネジメント件数」に件数（なければ 0）を入力してください。'],
    ]);
  });

  test.each([
    ['介護予防支援件数', 'C2'],
    ['介護予防ケアマネジメント件数', 'D2'],
    ['うち新規', 'E2'],
  ])('an error value in %s asks for a count (なければ 0)', (header, cell) => {
    expect(full(check([row({ [header]: '#REF!', うち新規: header === 'うち新規' ? '#REF!' : 0 })]))).toEqual([
      [
        cell,
        header,
        'CELL_ERROR',
        `「${header}」がエラー値「#REF!」になっています（数式の参照先が消えたなど）。件数（なければ 0）を値で入力し直してください。`,
      ],
    ]);
  });

  test('うち新規 equal to the two counts together is fine; one more is an error on うち新規', () => {
    expect(check([row({ うち新規: 5 })])).toEqual([]);
    expect(full(check([row({ うち新規: 6 })]))).toEqual([
      [
        'E2',
        'うち新規',
        'DELEGATION_NEW_EXCEEDS',
        '「うち新規」の 6 件が、介護予防支援と介護予防ケアマネジメントの合計 5 件より多くなっています。うち新規は合計以下の件数にしてください。',
      ],
    ]);
  });

  test('the second row of one month and office is reported on its 事業所番号', () => {
    expect(check([row(), row()]).map((i) => [i.cell, i.column, i.code])).toEqual([['B3', '事業所番号', 'DELEGATION_DUPLICATE']]);
  });
});

describe('委託実績: the office without a contract for the month', () => {
  const contract = (row: number, name: string, start: string, end: string): Contract => ({
    row,
    officeNumber: TOMATO,
    name,
    corporation: '',
    address: '',
    municipality: '本庄市',
    start,
    end,
  });

  test('the message names the office by the first of its contracts that has a name', () => {
    const contracts = [contract(2, '', '2019-04-01', '2020-03-31'), contract(3, 'トマト村', '2020-04-01', '2021-01-31')];
    expect(full(check([row()], contracts))).toEqual([
      [
        'B2',
        '事業所番号',
        'DELEGATION_NO_CONTRACT',
        `トマト村（${TOMATO}）との契約（2019-04-01〜2020-03-31、2020-04-01〜2021-01-31）は、2021年2月（令和3年2月）には有効ではありません。対象月か、「委託契約」の契約期間を確かめてください。`,
      ],
    ]);
  });

  test('a duplicate row names the office as its contracts do (#18)', () => {
    const contracts = [contract(2, 'トマト村', '2020-04-01', '2021-03-31')];
    expect(full(check([row(), row({ 介護予防支援件数: 1 })], contracts))).toEqual([
      [
        'B3',
        '事業所番号',
        'DELEGATION_DUPLICATE',
        `2021年2月（令和3年2月）のトマト村（${TOMATO}）の行が 2行目にもあります。1つの月と事業所は1行にまとめ、件数を足し合わせてください。`,
      ],
    ]);
  });

  test('rows of the same office and month are each reported', () => {
    const contracts = [contract(2, 'トマト村', '2019-04-01', '2020-03-31')];
    expect(check([row(), row({ 介護予防支援件数: 1 })], contracts).map((i) => [i.cell, i.code])).toEqual([
      ['B2', 'DELEGATION_NO_CONTRACT'],
      ['B3', 'DELEGATION_DUPLICATE'],
      ['B3', 'DELEGATION_NO_CONTRACT'],
    ]);
  });
});
