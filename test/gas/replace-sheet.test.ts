import { createGasEnvironment, type GasEnvironment, installGlobals } from '../fakes/gas-globals';
import { toGas } from '../fakes/spreadsheet';
import { replaceSheet } from '../../src/gas/replace-sheet';
import type { SheetModel } from '../../src/workbook/sheet-model';

/** replaceSheet on hand-made models, over the fake's globals: what it draws, and when it draws only values. */
let env: GasEnvironment;
let restore: () => void;

beforeEach(() => {
  env = createGasEnvironment();
  restore = installGlobals(env);
});
afterEach(() => restore());

const draw = (model: SheetModel) => {
  env.callLog.reset();
  return replaceSheet(toGas(env.spreadsheet), model);
};

const table = (background = '#e8f0fe'): SheetModel => ({
  name: '表',
  blocks: [
    { row: 1, column: 1, values: [['題']], style: { bold: true, fontSize: 14 } },
    {
      row: 3,
      column: 1,
      values: [
        ['区分', '件数', '割合'],
        ['電話', 1200, 0.5],
        ['来所', 3, 0.25],
      ],
      style: { numberFormat: '#,##0' },
      accents: [
        { rect: { row: 3, column: 1, numRows: 1, numColumns: 3 }, style: { bold: true, background } },
        { rect: { row: 4, column: 3, numRows: 2, numColumns: 1 }, style: { numberFormat: '0.0%', italic: true } },
      ],
    },
    { row: 7, column: 2, values: [['', 5]], style: { numberFormat: '#,##0' } },
    { row: 9, column: 1, values: [], style: { background: '#ff0000' } },
  ],
  frozenRows: 1,
  columnWidths: [120, 80, 80],
});

describe('replaceSheet', () => {
  test('lays blocks and accents on in order: a later style wins where they overlap, an empty block draws nothing', () => {
    draw(table());
    const sheet = env.spreadsheet.peekSheet('表');
    expect(sheet.peekValues()).toEqual([
      ['題', '', ''],
      ['', '', ''],
      ['区分', '件数', '割合'],
      ['電話', 1200, 0.5],
      ['来所', 3, 0.25],
      ['', '', ''],
      ['', '', 5],
    ]);
    // The empty block at row 9 still counts toward the size (extentOf), as it always has.
    expect(sheet.peekState()).toMatchObject({ maxRows: 8, maxColumns: 3, frozenRows: 1 });
    expect(sheet.peekNumberFormats('A4:C4')).toEqual([['#,##0', '#,##0', '0.0%']]);
    expect(sheet.peekNumberFormats('A7:C7')).toEqual([['0.###############', '#,##0', '#,##0']]);
    expect(sheet.peekFontWeights('A1:C3')).toEqual([
      ['bold', 'normal', 'normal'],
      ['normal', 'normal', 'normal'],
      ['bold', 'bold', 'bold'],
    ]);
    expect(sheet.peekBackgrounds('A3:A4')).toEqual([['#e8f0fe'], ['#ffffff']]);
    expect(sheet.grid.fontStyles.get(3, 2)).toBe('italic');
    expect(sheet.grid.fontSizes.get(0, 0)).toBe(14);
    // #,##0 on two blocks is one RangeList; each width run is one call.
    expect(env.callLog.count('Sheet.getRangeList')).toBe(3);
    expect(env.callLog.count('Sheet.setColumnWidths')).toBe(2);
  });

  test('the same layout with other values is written in place, in one setValues', () => {
    const first = draw(table());
    const next = table();
    const body = next.blocks[1];
    const changed: SheetModel = {
      ...next,
      blocks: [next.blocks[0]!, { ...body!, values: [body!.values[0]!, ['電話', 7, 0.1], ['来所', 8, 0.9]] }, ...next.blocks.slice(2)],
    };
    const second = draw(changed);
    expect(second).toBe(first);
    expect(env.callLog.count('Spreadsheet.insertSheet')).toBe(0);
    expect(env.callLog.count('Range.setValues')).toBe(1);
    expect(env.spreadsheet.peekSheet('表').peekValues('A4:C5')).toEqual([
      ['電話', 7, 0.1],
      ['来所', 8, 0.9],
    ]);
  });

  test('a change of style alone, with the same values and size, is drawn afresh', () => {
    draw(table());
    draw(table('#fce8e6'));
    expect(env.callLog.count('Spreadsheet.insertSheet')).toBe(1);
    expect(env.spreadsheet.peekSheet('表').peekBackgrounds('A3')).toEqual([['#fce8e6']]);
  });

  test('a sheet drawn before layouts were recorded is drawn afresh once, then written in place', () => {
    env.spreadsheet.addSheet('表');
    draw(table());
    expect(env.callLog.count('Spreadsheet.insertSheet')).toBe(1);
    // One small mark a sheet: Sheets limits the metadata of a spreadsheet, and a city adds sheets every month.
    expect(env.spreadsheet.peekSheet('表').peekDeveloperMetadata()).toEqual([{ key: 'houkatsu.layout', value: expect.stringMatching(/^[0-9a-f]{16}$/) }]);
    draw(table());
    expect(env.callLog.count('Spreadsheet.insertSheet')).toBe(0);
  });

  test('a drawing that fails half-way leaves the earlier sheet as it was, and no half-built one', () => {
    draw(table());
    env.faults.failOn('RangeList.setFontSize', { error: new Error('Service Spreadsheets timed out') });
    expect(() => draw(table('#fce8e6'))).toThrow('timed out');
    expect(env.spreadsheet.peekSheetNames()).toEqual(['シート1', '表']);
    expect(env.spreadsheet.peekSheet('表').peekBackgrounds('A3')).toEqual([['#e8f0fe']]);
  });

  test('a sheet whose mark could not be set is complete all the same, and drawn afresh next time', () => {
    env.faults.failOn('Sheet.addDeveloperMetadata');
    draw(table());
    expect(env.spreadsheet.peekSheetNames()).toContain('表');
    expect(env.spreadsheet.peekSheet('表').peekValues('A4:C4')).toEqual([['電話', 1200, 0.5]]);
    expect(env.logs.map((l) => l.level)).toContain('warn');
    draw(table());
    expect(env.callLog.count('Spreadsheet.insertSheet')).toBe(1);
  });

  test('text in plain-text (@) cells is written without an apostrophe, drawn afresh or in place', () => {
    const codes = (values: string[][]): SheetModel => ({
      name: 'コード',
      blocks: [{ row: 1, column: 1, values, style: { numberFormat: '@' } }],
    });
    draw(codes([['=1+1', '0012']]));
    expect(env.spreadsheet.peekSheet('コード').peekValues()).toEqual([['=1+1', '0012']]);
    draw(codes([['-3', '2026-10']]));
    expect(env.callLog.count('Spreadsheet.insertSheet')).toBe(0);
    expect(env.spreadsheet.peekSheet('コード').peekValues()).toEqual([['-3', '2026-10']]);
    expect(env.spreadsheet.peekSheet('コード').peekFormulas()).toEqual([['', '']]);
  });

  test('a hidden sheet is written in place without becoming the active sheet', () => {
    const store: SheetModel = { name: '_記録', blocks: [{ row: 1, column: 1, values: [['a'], ['b']] }], frozenRows: 1, hidden: true };
    draw(store);
    env.spreadsheet.setActiveSheet(env.spreadsheet.peekSheet('シート1'));
    draw({ ...store, blocks: [{ row: 1, column: 1, values: [['a'], ['c']] }] });
    expect(env.callLog.count('Spreadsheet.insertSheet')).toBe(0);
    expect(env.spreadsheet.peekActiveSheet().sheetName).toBe('シート1');
    expect(env.spreadsheet.peekSheet('_記録').peekState().hidden).toBe(true);
  });
});
