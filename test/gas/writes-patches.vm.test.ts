import { join } from 'node:path';
import { arrayExtent, spillZone } from '../../src/workbook/cell-patch';
import { createGasEnvironment, type GasEnvironment, loadBundle, runFunction, sheetFromRows } from '../fakes/gas-globals';
import type { FakeSheet } from '../fakes/spreadsheet';
import { consultation, CONSULTATION_HEADER } from '../helpers/center';

/**
 * 表記を整える and チェック結果 › 適用 write only the cells that change (src/gas/sheets-port.ts, patchCells): never a
 * cell between two patched ones, never a cell a formula's result fills, and never a cell of a range protected
 * from this person — such a patch is skipped and counted, the others are written.
 */
const BUILD = join(__dirname, '..', '..', 'build');

interface Item {
  id: number;
  sheet: string;
  cell: string;
}
interface Result {
  applied: number;
  skipped: number;
  message: string;
}

/** 相談記録 with TEL (a variant of 電話) in D2 and D11, and plain rows between. */
function world(): { env: GasEnvironment; context: object; sheet: FakeSheet } {
  const env = createGasEnvironment({ htmlDir: BUILD });
  const rows = Array.from({ length: 10 }, (_, i) => consultation({ 相談方法: i === 0 || i === 9 ? 'TEL' : '来所' }));
  const sheet = sheetFromRows(env.spreadsheet, '相談記録', [CONSULTATION_HEADER, ...rows]);
  return { env, context: loadBundle(join(BUILD, 'Code.js'), env), sheet };
}

function preview(env: GasEnvironment, context: object): Item[] {
  runFunction(context, 'menuNormalize');
  const shown = env.ui.shown.filter((s) => s.kind === 'modal').pop();
  const html = shown && 'html' in shown ? shown.html : '';
  const data = JSON.parse(/id="houkatsu-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '{"items":[]}') as { items: Item[] };
  return data.items.filter((i) => i.sheet === '相談記録');
}

const apply = (context: object, items: Item[]): Result =>
  runFunction(
    context,
    'normalizeDialogApply',
    items.map(({ id: _id, ...rest }) => rest),
  ) as Result;

const ARRAY = '=ARRAYFORMULA(IF(E5:E7="本人","来所","電話"))';

describe('patches write only the cells that change', () => {
  test('an ARRAYFORMULA between two patched cells of a column keeps its result', () => {
    const { env, context, sheet } = world();
    sheet.spill('D5', ARRAY, [['来所'], ['来所'], ['来所']]);
    const items = preview(env, context);
    expect(items.map((i) => i.cell)).toEqual(['D2', 'D11']);
    expect(apply(context, items)).toMatchObject({ applied: 2, skipped: 0 });
    expect(sheet.peekValues('D2:D11').flat()).toEqual(['電話', '来所', '来所', '来所', '来所', '来所', '来所', '来所', '来所', '電話']);
    expect(sheet.peekCell('D5').formula).toBe(ARRAY);
    expect([sheet.peekFilledByArray('D6'), sheet.peekFilledByArray('D7')]).toEqual([true, true]);
  });

  test("a cell a formula's result fills is not rewritten, even when its value could be tidied: the array is not broken", () => {
    const { env, context, sheet } = world();
    const array = '=ARRAYFORMULA(IF(E5:E7="本人","TEL","電話"))';
    sheet.spill('D5', array, [['TEL'], ['TEL'], ['TEL']]);
    const items = preview(env, context);
    // D6 and D7 look like typed TEL to a script; D5 holds the formula and is never offered.
    expect(items.map((i) => i.cell)).toEqual(['D2', 'D6', 'D7', 'D11']);
    const result = apply(context, items);
    expect(result).toMatchObject({ applied: 2, skipped: 2 });
    expect(sheet.peekCell('D5')).toMatchObject({ value: 'TEL', formula: array });
    expect(sheet.peekValues('D6:D7')).toEqual([['TEL'], ['TEL']]);
    expect(sheet.peekFilledByArray('D6')).toBe(true);
    expect(sheet.peekValues('D2')[0]?.[0]).toBe('電話');
  });

  test('a range protected from this person between the patched cells does not stop them; a patch inside it is skipped', () => {
    const { env, context, sheet } = world();
    sheet.getRange('D4:D8').protect().denyRunningUser();
    sheet.getRange('D11').protect().denyRunningUser();
    const items = preview(env, context);
    const result = apply(context, items);
    expect(result).toMatchObject({ applied: 1, skipped: 1 });
    expect(sheet.peekValues('D2')[0]?.[0]).toBe('電話');
    expect(sheet.peekValues('D11')[0]?.[0]).toBe('TEL');
  });

  test('lone cells taking the same value share one write; the calls follow neither the rows nor the cells', () => {
    const calls = (n: number): number => {
      const env = createGasEnvironment({ htmlDir: BUILD });
      const rows = Array.from({ length: n }, (_, i) => consultation({ 相談方法: i % 3 === 0 ? 'TEL' : '来所' }));
      sheetFromRows(env.spreadsheet, '相談記録', [CONSULTATION_HEADER, ...rows]);
      const context = loadBundle(join(BUILD, 'Code.js'), env);
      const items = preview(env, context);
      env.callLog.reset();
      apply(context, items);
      expect(
        env.spreadsheet
          .peekSheet('相談記録')
          .peekValues(`D2:D${n + 1}`)
          .flat(),
      ).not.toContain('TEL');
      return env.callLog.count('Range.setValues') + env.callLog.count('RangeList.setValue');
    };
    // One RangeList for 相談記録; the header and the rows of the new _変更履歴.
    expect(calls(30)).toBe(3);
    expect(calls(300)).toBe(3);
  });
});

describe('which cells a formula may fill (spillZone)', () => {
  test('as wide and deep as the ranges it names; unbounded where a function can widen the result', () => {
    expect(arrayExtent('=SUM(A1:A10)')).toBeUndefined();
    expect(arrayExtent('=B2*2')).toBeUndefined();
    expect(arrayExtent(ARRAY)).toEqual({ rows: 3, columns: 1 });
    expect(arrayExtent('=ARRAYFORMULA(IF(B2:B="","",ROW(B2:B)-1))')).toEqual({ rows: Infinity, columns: 1 });
    expect(arrayExtent('={"番号";ARRAYFORMULA(IF(B2:B="","",ROW(B2:B)-1))}')).toEqual({ rows: Infinity, columns: 1 });
    expect(arrayExtent('=FILTER(A2:C, A2:A<>"")')).toEqual({ rows: Infinity, columns: 3 });
    expect(arrayExtent('=A2:C9')).toEqual({ rows: 8, columns: 3 });
    expect(arrayExtent('=QUERY(A:C,"select A")')).toEqual({ rows: Infinity, columns: Infinity });
    expect(arrayExtent('={1,2}')).toEqual({ rows: Infinity, columns: Infinity });
    expect(arrayExtent('=SPLIT(A2, "、")')).toEqual({ rows: Infinity, columns: Infinity });
    // A range named inside a string is no range.
    expect(arrayExtent('=ARRAYFORMULA(LEN("A1:Z9"))')).toEqual({ rows: Infinity, columns: 1 });
  });

  test('below and to the right of the formula, within its extent, not the formula itself', () => {
    const zone = spillZone([
      ['', '=ARRAYFORMULA(IF(A1:A3="","",1))', ''],
      ['', '', ''],
      ['', '', ''],
      ['', '', ''],
    ]);
    expect([zone(1, 2), zone(2, 2), zone(3, 2), zone(4, 2), zone(2, 1), zone(2, 3)]).toEqual([false, true, true, false, false, false]);
  });
});
