import { type ColumnSpec, locateHeader, namesOf, type OwnWord, toTable } from '../../src/domain/sheets/table';
import type { CellValue } from '../../src/domain/values/cell';
import { rawSheet } from '../helpers/tables';

/** A small sheet's columns: three known headers, one with a synonym. */
const SPECS: readonly ColumnSpec[] = [
  { key: 'date', header: '受付日', synonyms: ['相談日'] },
  { key: 'method', header: '相談方法' },
  { key: 'memo', header: 'メモ' },
];

describe('namesOf: the header texts that name a column', () => {
  test('a column without synonyms is named by its header only', () => {
    expect(namesOf({ key: 'method', header: '相談方法' })).toEqual(['相談方法']);
  });

  test('a column with synonyms: its header, then the synonyms', () => {
    expect(namesOf({ key: 'date', header: '受付日', synonyms: ['相談日'] })).toEqual(['受付日', '相談日']);
  });

  test("a center's mapped names replace the header and synonyms", () => {
    expect(namesOf({ key: 'date', header: '受付日', synonyms: ['相談日'], names: ['来談日'] })).toEqual(['来談日']);
  });
});

describe('header texts as the table keeps them', () => {
  test('blank header cells (null, undefined) are kept as empty texts, and text is trimmed', () => {
    const table = toTable(
      rawSheet('表', [
        [' 受付日 ', null, undefined as unknown as CellValue, '相談方法'],
        ['2026-10-01', 'x', 'y', '電話'],
      ]),
      SPECS,
    );
    expect(table?.headers).toEqual(['受付日', '', '', '相談方法']);
    expect(table?.columns).toEqual({ date: 0, method: 3 });
  });

  test('a header cell that is a number is kept as its digits', () => {
    const table = toTable(rawSheet('表', [['受付日', '相談方法', 2026]]), SPECS);
    expect(table?.headers).toEqual(['受付日', '相談方法', '2026']);
  });
});

describe('locateHeader: where the header row is', () => {
  test('a header on row 10 (the last row of the header zone) is found', () => {
    const rows: CellValue[][] = Array.from({ length: 9 }, () => ['']);
    const found = locateHeader(rawSheet('表', [...rows, ['受付日', '相談方法']]), SPECS);
    expect(found?.headerRow).toBe(10);
  });

  test('a header on row 11 is past the header zone and not found', () => {
    const rows: CellValue[][] = Array.from({ length: 10 }, () => ['']);
    expect(locateHeader(rawSheet('表', [...rows, ['受付日', '相談方法']]), SPECS)).toBeUndefined();
  });

  test('a title row naming one known column among unknown words is not a header', () => {
    expect(locateHeader(rawSheet('表', [['受付日', '令和8年度', '本庄西']]), SPECS)).toBeUndefined();
  });

  test('of two rows naming as many known columns, the first is the header', () => {
    const found = locateHeader(
      rawSheet('表', [
        ['受付日', '相談方法'],
        ['受付日', '相談方法'],
      ]),
      SPECS,
    );
    expect(found?.headerRow).toBe(1);
  });

  test('a later row naming fewer known columns does not displace the header', () => {
    const found = locateHeader(
      rawSheet('表', [
        ['受付日', '相談方法', 'メモ'],
        ['受付日', '相談方法', ''],
      ]),
      SPECS,
    );
    expect(found?.headerRow).toBe(1);
  });

  test('a later row naming more known columns is the header', () => {
    const found = locateHeader(
      rawSheet('表', [
        ['受付日', '相談方法', ''],
        ['受付日', '相談方法', 'メモ'],
      ]),
      SPECS,
    );
    expect(found?.headerRow).toBe(2);
  });

  test('a sheet that knows no column has no header', () => {
    expect(locateHeader(rawSheet('表', [['受付日'], ['x']]), [])).toBeUndefined();
    expect(toTable(rawSheet('表', [['受付日'], ['x']]), [])).toBeUndefined();
  });
});

describe('merged cells of the data rows', () => {
  const rows: CellValue[][] = [
    ['受付日', '相談方法', 'メモ'],
    ['2026-10-01', '電話', 'a'],
    ['2026-10-02', '来所', 'b'],
    ['2026-10-03', '訪問', 'c'],
  ];

  test('a merge over 2 rows and 3 columns marks every cell but its top-left, and no row below it', () => {
    const table = toTable(rawSheet('表', rows, { merges: [{ row: 2, column: 1, numRows: 2, numColumns: 3 }] }), SPECS);
    expect(table?.rows.map((r) => [r.rowNumber, r.mergedColumns === undefined ? undefined : [...r.mergedColumns].sort()])).toEqual([
      [2, [1, 2]],
      [3, [0, 1, 2]],
      [4, undefined],
    ]);
  });

  test('a sheet read without merges has no merged cells', () => {
    const table = toTable(rawSheet('表', rows), SPECS);
    expect(table?.rows.map((r) => r.mergedColumns)).toEqual([undefined, undefined, undefined]);
  });
});

describe("the center's own words for choices", () => {
  const word: OwnWord = { local: '来談', standard: '来所' };

  test('a table without own words has no words at all', () => {
    const table = toTable(rawSheet('表', [['受付日', '相談方法']]), SPECS);
    expect(table).toBeDefined();
    expect(table && 'words' in table).toBe(false);
  });

  test('an empty list of own words is no words', () => {
    const specs: ColumnSpec[] = [SPECS[0] as ColumnSpec, { key: 'method', header: '相談方法', words: new Map() }];
    const table = toTable(rawSheet('表', [['受付日', '相談方法']]), specs);
    expect(table && 'words' in table).toBe(false);
  });

  test("a column's own words are kept under its key only", () => {
    const words = new Map([['来談', word]]);
    const specs: ColumnSpec[] = [SPECS[0] as ColumnSpec, { key: 'method', header: '相談方法', words }];
    const table = toTable(rawSheet('表', [['受付日', '相談方法']]), specs);
    expect(table?.words).toStrictEqual({ method: words });
  });
});
