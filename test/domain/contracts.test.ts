import fc from 'fast-check';
import type { CellValue } from '../../src/domain/values/cell';
import {
  activeContracts,
  type Contract,
  CONTRACT_COLUMNS,
  CONTRACTS_SHEET,
  isActiveIn,
  contractOverlaps,
  readContracts,
} from '../../src/domain/sheets/contracts';
import type { Issue } from '../../src/domain/issues/issue';
import { defaultSettings, type Settings } from '../../src/domain/sheets/settings';
import { toTable } from '../../src/domain/sheets/table';
import { checkSheet } from '../../src/domain/sheets/workbook-check';
import { contractRow } from '../helpers/rows';
import { d, rawSheet } from '../helpers/tables';

const HEADER = CONTRACT_COLUMNS.map((c) => c.header);
const settings: Settings = { ...defaultSettings('本庄西'), prefecture: '埼玉県', municipality: '本庄市', outsideTowns: ['上里町', '美里町'] };
const context = { settings, today: '2021-03-01' };

const row = contractRow;

function read(rows: CellValue[][], headers: readonly string[] = HEADER) {
  const table = toTable(rawSheet(CONTRACTS_SHEET, [headers, ...rows]), CONTRACT_COLUMNS);
  if (!table) throw new Error('no table');
  return readContracts(table, context);
}

const check = (rows: CellValue[][], headers?: readonly string[]): Issue[] => read(rows, headers).issues;
const codes = (issues: Issue[]): string[] => issues.map((i) => i.code);

describe('readContracts', () => {
  test('a valid row has no issue and becomes a typed contract', () => {
    expect(read([row()])).toEqual({
      issues: [],
      contracts: [
        {
          row: 2,
          officeNumber: '1171300013',
          name: 'トマト村',
          corporation: '有限会社 見本ライフ',
          address: '早稲田の杜5-14-8',
          municipality: '本庄市',
          kind: '両方',
          start: '2020-04-01',
          approvedOn: '2020-03-20',
          reason: '利用者の希望により、複数の事業所から選んだ',
        },
      ],
    });
  });

  test('required cells blank are reported; a missing 選定理由 is its own 公正・中立 error', () => {
    const issues = check([row({ 事業所番号: '', 事業所名: '', 法人名: '', 所在地: '', 委託区分: '', 契約開始日: null, 選定理由: '' })]);
    expect(issues.map((i) => [i.column, i.code])).toEqual([
      ['事業所番号', 'REQUIRED'],
      ['事業所名', 'REQUIRED'],
      ['法人名', 'REQUIRED'],
      ['所在地', 'REQUIRED'],
      ['委託区分', 'REQUIRED'],
      ['契約開始日', 'REQUIRED'],
      ['選定理由', 'SELECTION_REASON_MISSING'],
    ]);
    expect(issues[6]).toMatchObject({ severity: 'error', cell: 'J2' });
    expect(issues[6]?.message).toContain('公正・中立');
  });

  test('a row without 事業所番号 or 契約開始日 is no contract', () => {
    expect(read([row({ 事業所番号: '' }), row({ 契約開始日: 'いつか' })]).contracts).toEqual([]);
  });

  test('事業所番号: 全角 is a width warning, a broken number an error, a wrong check digit a warning', () => {
    const { issues, contracts } = read([
      row({ 事業所番号: '１１７１３０００１３' }),
      row({ 事業所番号: '11713000', 契約開始日: d('2030-01-01') }),
      row({ 事業所番号: '1171300014' }),
    ]);
    expect(issues.map((i) => [i.row, i.code, i.severity])).toEqual([
      [2, 'TEXT_WIDTH', 'warning'],
      [3, 'OFFICE_NUMBER_INVALID', 'error'],
      [4, 'OFFICE_NUMBER_CHECK_DIGIT', 'warning'],
    ]);
    expect(issues[0]?.suggestion).toBe('1171300013');
    expect(contracts.map((c) => c.officeNumber)).toEqual(['1171300013', '11713000', '1171300014']);
  });

  describe('所在', () => {
    test('an empty cell is derived from 所在地 and offered as a suggestion', () => {
      const { issues, contracts } = read([row({ 所在: '', 所在地: '上里町大字堤487-1' })]);
      expect(issues.map((i) => [i.code, i.severity, i.column, i.suggestion])).toEqual([['MUNICIPALITY_DERIVED', 'warning', '所在', '上里町']]);
      expect(issues[0]?.message).toContain('上里町大字堤487-1');
      expect(contracts[0]?.municipality).toBe('上里町');
    });

    test('without the column it is derived silently', () => {
      const headers = HEADER.filter((h) => h !== '所在');
      const { issues, contracts } = read([row({ 所在地: '群馬県藤岡市鬼石139-1' }, headers)], headers);
      expect(issues).toEqual([]);
      expect(contracts[0]?.municipality).toBe('群馬県藤岡市');
    });

    test('a 所在 that disagrees with the address is a warning; the given value is kept', () => {
      const { issues, contracts } = read([row({ 所在: '本庄市', 所在地: '深谷市岡部1010-3' })]);
      expect(issues.map((i) => [i.code, i.severity, i.suggestion])).toEqual([['MUNICIPALITY_MISMATCH', 'warning', '深谷市']]);
      expect(contracts[0]?.municipality).toBe('本庄市');
    });

    test('the same municipality written another way agrees', () => {
      expect(
        check([row({ 所在: '藤岡市', 所在地: '群馬県藤岡市鬼石139-1' }), row({ 所在: '児玉郡上里町', 所在地: '上里町七本木420', 事業所番号: '1171300021' })]),
      ).toEqual([]);
    });
  });

  test('委託区分: variants are read with a suggestion, anything else is an error', () => {
    const issues = check([
      row({ 委託区分: '介護予防支援・介護予防ケアマネジメント' }),
      row({ 委託区分: '予防ケアマネジメント', 事業所番号: '1171300021' }),
      row({ 委託区分: '居宅介護支援', 事業所番号: '1171300039' }),
    ]);
    expect(issues.map((i) => [i.code, i.suggestion])).toEqual([
      ['CHOICE_VARIANT', '両方'],
      ['CHOICE_VARIANT', '介護予防ケアマネジメント'],
      ['CHOICE_UNKNOWN', undefined],
    ]);
  });

  test('契約終了日 before 契約開始日 is an error; the same day is a one-day contract', () => {
    const issues = check([row({ 契約終了日: d('2020-03-31') }), row({ 事業所番号: '1171300021', 契約終了日: d('2020-04-01') })]);
    expect(issues.map((i) => [i.row, i.code, i.column])).toEqual([[2, 'CONTRACT_END_BEFORE_START', '契約終了日']]);
    expect(issues[0]?.message).toContain('2020-03-31');
  });

  test('運営協議会承認日 missing or after the start is a warning; on the start day it is fine', () => {
    const issues = check([
      row({ 運営協議会承認日: null }),
      row({ 事業所番号: '1171300021', 運営協議会承認日: d('2020-05-15') }),
      row({ 事業所番号: '1171300039', 運営協議会承認日: d('2020-04-01') }),
    ]);
    expect(issues.map((i) => [i.row, i.code, i.severity])).toEqual([
      [2, 'APPROVAL_MISSING', 'warning'],
      [3, 'APPROVAL_AFTER_START', 'warning'],
    ]);
  });

  test('without a 運営協議会承認日 column no row is warned about it', () => {
    const headers = HEADER.filter((h) => h !== '運営協議会承認日');
    expect(check([row({}, headers)], headers)).toEqual([]);
  });

  test('dates in 和暦 are read with the usual notation warning', () => {
    const { issues, contracts } = read([row({ 契約開始日: '令和3年2月1日', 運営協議会承認日: 'R3.1.25' })]);
    expect(codes(issues)).toEqual(['DATE_NOTATION', 'DATE_NOTATION']);
    expect(contracts[0]?.start).toBe('2021-02-01');
  });
});

describe('overlapping contracts of one office', () => {
  const office = (start: string, end: string | null, number = '1171300013'): CellValue[] =>
    row({ 事業所番号: number, 契約開始日: d(start), 契約終了日: end === null ? null : d(end), 運営協議会承認日: d(start) });

  test('a contract ending the day before the next starts is fine', () => {
    expect(check([office('2020-04-01', '2021-03-31'), office('2021-04-01', null)])).toEqual([]);
  });

  test('sharing one day is an overlap, reported on both rows naming the other', () => {
    const issues = check([office('2020-04-01', '2021-04-01'), office('2021-04-01', null)]);
    expect(issues.map((i) => [i.row, i.code, i.severity, i.column])).toEqual([
      [2, 'CONTRACT_OVERLAP', 'error', '契約開始日'],
      [3, 'CONTRACT_OVERLAP', 'error', '契約開始日'],
    ]);
    expect(issues[0]?.message).toContain('3行目の契約（2021-04-01〜）');
    expect(issues[1]?.message).toContain('2行目の契約（2020-04-01〜2021-04-01）');
  });

  test('an open end overlaps every later contract; each row names all it overlaps', () => {
    const issues = check([office('2019-04-01', null), office('2020-04-01', '2020-09-30'), office('2022-04-01', null)]);
    expect(issues.map((i) => i.row)).toEqual([2, 3, 4]);
    expect(issues[0]?.message).toMatch(/3行目の契約.*・4行目の契約/);
    expect(issues[1]?.message).not.toContain('4行目');
  });

  test('different offices never overlap; an inverted period is reported once, not as an overlap', () => {
    expect(check([office('2020-04-01', null), office('2020-04-01', null, '1171300021')])).toEqual([]);
    expect(codes(check([office('2020-04-01', null), office('2021-04-01', '2020-01-01')]))).toEqual(['CONTRACT_END_BEFORE_START']);
  });

  test('contractOverlaps on plain values', () => {
    const c = (row: number, start: string, end?: string) => ({ row, officeNumber: 'X', start, ...(end ? { end } : {}) });
    const found = contractOverlaps([c(1, '2021-01-01', '2021-01-31'), c(2, '2021-02-01'), c(3, '2021-01-31', '2021-01-31')]);
    expect([...found].map(([k, v]) => [k.row, v.count, v.examples.map((e) => e.row)])).toEqual([
      [1, 1, [3]],
      [3, 1, [1]],
    ]);
  });

  test('a thousand copies of one open contract: each row counts the 999 others and names three', () => {
    const c = (row: number) => ({ row, officeNumber: 'X', start: '2021-01-01' });
    const found = contractOverlaps(Array.from({ length: 1000 }, (_, i) => c(i + 2)));
    expect(found.size).toBe(1000);
    const mid = [...found.values()][500];
    expect(mid?.count).toBe(999);
    expect(mid?.examples).toHaveLength(3);
  });

  test('property: the count equals a brute-force count of overlapping pairs', () => {
    const arb = fc.array(fc.record({ s: fc.integer({ min: 1, max: 28 }), len: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }) }), {
      maxLength: 25,
    });
    fc.assert(
      fc.property(arb, (specs) => {
        const day = (n: number): string => `2021-01-${String(n).padStart(2, '0')}`;
        const list = specs.map((x, i) => ({
          row: i + 2,
          officeNumber: 'X',
          start: day(x.s),
          ...(x.len === undefined ? {} : { end: day(Math.min(31, x.s + x.len)) }),
        }));
        const found = contractOverlaps(list);
        for (const a of list) {
          const brute = list.filter((b) => b !== a && b.start <= (a.end ?? '9999') && a.start <= (b.end ?? '9999')).length;
          expect(found.get(a)?.count ?? 0).toBe(brute);
        }
      }),
    );
  });
});

describe('isActiveIn / activeContracts', () => {
  const c = (start: string, end?: string): Pick<Contract, 'start' | 'end'> => (end ? { start, end } : { start });

  test.each([
    [c('2021-02-28'), '2021-02', true],
    [c('2021-03-01'), '2021-02', false],
    [c('2020-04-01', '2021-02-01'), '2021-02', true],
    [c('2020-04-01', '2021-01-31'), '2021-02', false],
    [c('2020-04-01'), '2030-12', true],
    [c('2021-02-10', '2021-02-12'), '2021-02', true],
    [c('2024-02-29', '2024-02-29'), '2024-02', true],
  ])('%j in %s → %s', (contract, month, active) => {
    expect(isActiveIn(contract, month)).toBe(active);
  });

  test('activeContracts keeps those covering a day of the month', () => {
    const list = [c('2020-04-01', '2021-01-31'), c('2021-01-15'), c('2021-03-01')];
    expect(activeContracts(list, '2021-02')).toEqual([list[1]]);
    expect(activeContracts(list, '2021-01')).toEqual([list[0], list[1]]);
  });
});

describe('委託契約 in the workbook check', () => {
  test('checkSheet finds the sheet by name and reports a missing required column in the header', () => {
    const headers = HEADER.filter((h) => h !== '選定理由');
    const result = checkSheet(CONTRACTS_SHEET, rawSheet(CONTRACTS_SHEET, [headers, row({}, headers)]), context);
    expect(result.issues.map((i) => [i.row, i.code, i.column])).toEqual([[1, 'HEADER_MISSING', '選定理由']]);
  });

  test('synonyms of the headers are understood', () => {
    const headers = HEADER.map((h) => ({ 法人名: '運営法人', 所在地: '住所' })[h] ?? h);
    const values = row({ 運営法人: '有限会社 見本ライフ', 住所: '早稲田の杜5-14-8' }, headers);
    const result = checkSheet(CONTRACTS_SHEET, rawSheet(CONTRACTS_SHEET, [['介護予防支援等業務委託契約一覧'], headers, values]), context);
    expect(result.issues).toEqual([]);
  });
});

describe('契約期間 in one cell instead of 契約開始日 and 契約終了日', () => {
  const PERIOD_HEADER = ['事業所番号', '事業所名', '法人名', '所在地', '委託区分', '契約期間', '選定理由'];
  const office = ['1170500126', 'ケアプランさくら', '社会福祉法人さくら会', '埼玉県本庄市中央1-1-1', '両方'];
  const withPeriod = (period: CellValue, header: readonly string[] = PERIOD_HEADER) => read([[...office, period, '利用者の希望']], header);

  test.each([
    ['R3.4.1～R4.3.31', '2021-04-01', '2022-03-31'],
    ['2021/4/1〜2022/3/31', '2021-04-01', '2022-03-31'],
    ['令和3年4月1日から令和4年3月31日まで', '2021-04-01', '2022-03-31'],
    ['2021-04-01 ~ 2022-03-31', '2021-04-01', '2022-03-31'],
    ['R3.4.1～', '2021-04-01', undefined],
    ['R3.4.1', '2021-04-01', undefined],
  ])('「%s」 is read as %s to %s, with nothing to say of its notation', (period, start, end) => {
    const { contracts, issues } = withPeriod(period);
    expect(contracts.map((c) => [c.start, c.end])).toEqual([[start, end]]);
    expect(issues).toEqual([]);
  });

  test('a date cell under 契約期間 is its start', () => {
    expect(withPeriod(d('2021-04-01')).contracts.map((c) => [c.start, c.end])).toEqual([['2021-04-01', undefined]]);
  });

  test('an end that is no date, or before the start, is said of the 契約期間 cell, with no suggestion that would write over the cell', () => {
    const bad = withPeriod('R3.4.1～R4.2.30');
    expect(bad.issues.map((i) => [i.cell, i.code, i.column, i.suggestion])).toEqual([['F2', 'DATE_INVALID', '契約期間', undefined]]);
    expect(bad.issues[0]?.message).toContain('「契約期間」の「R4.2.30」');
    const reversed = withPeriod('R4.3.31～R3.4.1');
    expect(reversed.issues.map((i) => [i.cell, i.code])).toEqual([['F2', 'CONTRACT_END_BEFORE_START']]);
    // A blank 契約期間 is a missing 契約開始日, at that cell.
    expect(withPeriod(null).issues.map((i) => [i.cell, i.code])).toEqual([['F2', 'REQUIRED']]);
  });

  test('no column is missing; a 契約期間 beside 契約開始日 is a note of the center’s own, and 契約開始日 is read', () => {
    const check = checkSheet(CONTRACTS_SHEET, rawSheet(CONTRACTS_SHEET, [PERIOD_HEADER, [...office, 'R3.4.1～R4.3.31', '利用者の希望']]), context);
    expect(check.issues).toEqual([]);
    const both = read(
      [[...office, d('2021-04-01'), 'R9.1.1～', '利用者の希望']],
      ['事業所番号', '事業所名', '法人名', '所在地', '委託区分', '契約開始日', '契約期間', '選定理由'],
    );
    expect(both.contracts.map((c) => [c.start, c.end])).toEqual([['2021-04-01', undefined]]);
  });
});

describe('words a 委託 list writes where a date goes', () => {
  test('自動更新 or 継続中 under 契約終了日: a contract with no end, said, the word kept; also as the end of a 契約期間', () => {
    const { contracts, issues } = read([row({ 契約終了日: '自動更新' }), row({ 事業所番号: '1170500126', 契約終了日: '継続中' })]);
    expect(contracts.map((c) => c.end)).toEqual([undefined, undefined]);
    expect(issues.map((i) => [i.cell, i.code, i.suggestion])).toEqual([
      ['H2', 'CONTRACT_END_WORD', undefined],
      ['H3', 'CONTRACT_END_WORD', undefined],
    ]);
    expect(issues[0]?.message).toBe(
      '「契約終了日」の「自動更新」は、終わりの決まっていない契約と読みました。終了日が決まっていなければ空欄のままでよく、決まったら日付を入れてください。',
    );
    const period = read(
      [['1170500126', 'ケアプランさくら', '社会福祉法人さくら会', '埼玉県本庄市中央1-1-1', '両方', 'R3.4.1～継続中', '利用者の希望']],
      ['事業所番号', '事業所名', '法人名', '所在地', '委託区分', '契約期間', '選定理由'],
    );
    expect([period.contracts.map((c) => [c.start, c.end]), period.issues.map((i) => [i.cell, i.code])]).toEqual([
      [['2021-04-01', undefined]],
      [['F2', 'CONTRACT_END_WORD']],
    ]);
  });

  test('承認済 under 運営協議会承認日 asks for the date; 未 is not yet approved, said as a blank is', () => {
    const { issues } = read([row({ 運営協議会承認日: '承認済' }), row({ 事業所番号: '1170500126', 運営協議会承認日: '未' })]);
    expect(issues.map((i) => [i.cell, i.code])).toEqual([
      ['I2', 'APPROVAL_DATE_UNKNOWN'],
      ['I3', 'APPROVAL_MISSING'],
    ]);
    expect(issues[1]?.message).toBe(
      '「運営協議会承認日」が「未」で、まだ承認を得ていないと読みました。委託先は運営協議会の承認を得て決めるものです。承認を得た日を入力してください（まだなら、次の運営協議会に諮ってください）。',
    );
  });
});
