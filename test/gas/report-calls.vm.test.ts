import { join } from 'node:path';
import { createGasEnvironment, type GasEnvironment, installGlobals, loadBundle, runFunction, sheetFromRows } from '../fakes/gas-globals';
import { toGas } from '../fakes/spreadsheet';
import { consultations, CONSULTATION_HEADER, contract, CONTRACT_HEADER, delegation, DELEGATION_HEADER } from '../helpers/center';
import { sheetsPort } from '../../src/gas/sheets-port';
import { replaceSheet } from '../../src/gas/replace-sheet';
import type { SheetModel } from '../../src/workbook/sheet-model';

/**
 * Where the calls of the generated sheets' jobs go (the budgets are in drawing.vm.test.ts): a sheet is asked for
 * its formulas and merged areas only when a reader uses them, and several charts find their cells in one RangeList.
 */
const ROOT = join(__dirname, '..', '..');

describe('formulas and merged areas, read when used', () => {
  test('月報を作成 reads them for the three ledgers it checks, not for 設定, which is read for its values', () => {
    const env = createGasEnvironment({ htmlDir: join(ROOT, 'build') });
    sheetFromRows(env.spreadsheet, '設定', [
      ['項目', '値'],
      ['センター名', '本庄西地域包括支援センター'],
    ]);
    sheetFromRows(env.spreadsheet, '相談記録', [CONSULTATION_HEADER, ...consultations(20)]);
    sheetFromRows(env.spreadsheet, '委託契約', [CONTRACT_HEADER, contract()]);
    sheetFromRows(env.spreadsheet, '委託実績', [DELEGATION_HEADER, delegation()]);
    const context = loadBundle(join(ROOT, 'build', 'Code.js'), env);
    env.callLog.reset();
    runFunction(context, 'reportDialogBuild', '2026-10');
    expect(env.callLog.count('Range.getValues')).toBe(4);
    expect(env.callLog.count('Range.getFormulas')).toBe(3);
    expect(env.callLog.count('Range.getMergedRanges')).toBe(3);
  });

  describe('through the port', () => {
    let env: GasEnvironment;
    let restore: () => void;
    beforeEach(() => {
      env = createGasEnvironment();
      restore = installGlobals(env);
    });
    afterEach(() => restore());

    test('a sheet read for its values costs its values alone; a reader that asks for formulas or merges gets them in one call each', () => {
      sheetFromRows(env.spreadsheet, '表', [
        ['a', '=1+1'],
        ['b', 'c'],
      ]);
      env.spreadsheet.peekSheet('表').getRange('A2:B2').merge();
      const port = sheetsPort(toGas(env.spreadsheet));
      env.callLog.reset();
      const raw = port.readSheet('表');
      expect(raw?.rows.map((r) => r.values[0])).toEqual(['a', 'b']);
      expect(env.callLog.count('Range.getFormulas') + env.callLog.count('Range.getMergedRanges')).toBe(0);
      expect(raw?.rows.map((r) => r.formulas)).toEqual([
        ['', '=1+1'],
        ['', ''],
      ]);
      expect(raw?.merges).toEqual([{ row: 2, column: 1, numRows: 1, numColumns: 2 }]);
      expect(raw?.merges).toEqual([{ row: 2, column: 1, numRows: 1, numColumns: 2 }]);
      expect(env.callLog.count('Range.getFormulas')).toBe(1);
      expect(env.callLog.count('Range.getMergedRanges')).toBe(1);
    });

    test('what a reader gets later is what the sheet held when its values were read, though the port wrote over it since', () => {
      sheetFromRows(env.spreadsheet, '_作業', [['見出し'], ['=1+1']]);
      const port = sheetsPort(toGas(env.spreadsheet));
      const raw = port.readSheet('_作業');
      port.writeOwnRows('_作業', 2, [['書いた']]);
      expect(env.spreadsheet.peekSheet('_作業').peekFormulas()).toEqual([[''], ['']]);
      expect(raw?.rows.map((r) => r.formulas)).toEqual([[''], ['=1+1']]);

      const gone = port.readSheet('_作業');
      port.removeSheet('_作業');
      expect(gone?.rows.map((r) => r.formulas)).toEqual([[''], ['']]);
      expect(gone?.merges).toEqual([]);
    });
  });
});

describe('the spreadsheet’s name, asked only for the default センター名', () => {
  const world = (settings: unknown[][]): { env: GasEnvironment; context: object } => {
    const env = createGasEnvironment({ htmlDir: join(ROOT, 'build') });
    env.spreadsheet.rename('本庄西包括 台帳');
    sheetFromRows(env.spreadsheet, '設定', [['項目', '値'], ...settings]);
    sheetFromRows(env.spreadsheet, '相談記録', [CONSULTATION_HEADER, ...consultations(5)]);
    sheetFromRows(env.spreadsheet, '委託契約', [CONTRACT_HEADER, contract()]);
    sheetFromRows(env.spreadsheet, '委託実績', [DELEGATION_HEADER, delegation()]);
    return { env, context: loadBundle(join(ROOT, 'build', 'Code.js'), env) };
  };

  /** The 月報's センター名 row. */
  const centerNameOn = (env: GasEnvironment): unknown =>
    env.spreadsheet
      .peekSheet('月報_2026-10')
      .peekValues()
      .find((row) => row[0] === 'センター名')?.[1];

  test('a 設定 that names the center spares the call, for the 月報 and the check alike', () => {
    const { env, context } = world([['センター名', '本庄西地域包括支援センター']]);
    env.callLog.reset();
    runFunction(context, 'reportDialogBuild', '2026-10');
    runFunction(context, 'sidebarRecheck');
    expect(env.callLog.count('Spreadsheet.getName')).toBe(0);
    expect(centerNameOn(env)).toBe('本庄西地域包括支援センター');
  });

  test('without one the 月報 is headed with the spreadsheet’s name, asked once', () => {
    const { env, context } = world([]);
    env.callLog.reset();
    runFunction(context, 'reportDialogBuild', '2026-10');
    expect(env.callLog.count('Spreadsheet.getName')).toBe(1);
    expect(centerNameOn(env)).toBe('本庄西包括 台帳');
  });
});

describe('chart sources', () => {
  let env: GasEnvironment;
  let restore: () => void;
  beforeEach(() => {
    env = createGasEnvironment();
    restore = installGlobals(env);
  });
  afterEach(() => restore());

  const withCharts = (count: number): SheetModel => ({
    name: 'グラフ',
    blocks: [{ row: 1, column: 1, values: Array.from({ length: 2 * count }, (_, i) => [`区分${i}`, i]) }],
    charts: Array.from({ length: count }, (_, i) => ({
      kind: 'bar' as const,
      title: `グラフ${i}`,
      range: { row: 2 * i + 1, column: 1, numRows: 2, numColumns: 2 },
      anchor: { row: 1, column: 4 + 6 * i },
    })),
  });

  test.each([1, 2, 5])('%i charts: each drawn from its own cells, the cells found in at most two calls', (count) => {
    env.callLog.reset();
    replaceSheet(toGas(env.spreadsheet), withCharts(count));
    const charts = env.spreadsheet
      .peekSheet('グラフ')
      .peekState()
      .charts.map((c) => c.peek());
    expect(charts.map((c) => [c.ranges, c.options.title])).toEqual(Array.from({ length: count }, (_, i) => [[`A${2 * i + 1}:B${2 * i + 2}`], `グラフ${i}`]));
    // One Range for one chart; one RangeList and its ranges for several. The sheet's own getRange is the values'.
    const lookups = env.callLog.count('Sheet.getRange') - 1 + env.callLog.count('Sheet.getRangeList') + env.callLog.count('RangeList.getRanges');
    expect(lookups).toBe(Math.min(count, 2));
  });
});
