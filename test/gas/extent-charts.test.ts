import { replaceSheet } from '../../src/gas/replace-sheet';
import type { EvaluationComparison } from '../../src/domain/reports/evaluation-comparison';
import { evaluationSheet } from '../../src/workbook/evaluation-layout';
import { chartExtent, extentOf, type SheetModel } from '../../src/workbook/sheet-model';
import { createGasEnvironment, type GasEnvironment, installGlobals } from '../fakes/gas-globals';
import { toGas } from '../fakes/spreadsheet';

/**
 * A generated sheet is sized to its content (extentOf), and its charts are content: each needs the cells under its
 * anchor and its size (600 × 371 px: 18 rows of 21 px, and columns of the model's widths). The fake refuses a
 * chart anchored or reaching outside the grid.
 */
let env: GasEnvironment;
let restore: () => void;

beforeEach(() => {
  env = createGasEnvironment();
  restore = installGlobals(env);
});
afterEach(() => restore());

const CATEGORIES = ['組織運営体制等', '総合相談支援', '権利擁護', '包括的・継続的ケアマネジメント支援', '事業間連携'];

function comparison(centers: number): EvaluationComparison {
  const rates = Object.fromEntries(CATEGORIES.map((c, i) => [c, 0.5 + i / 20]));
  return {
    year: '2020',
    categories: CATEGORIES,
    centers: Array.from({ length: centers }, (_, i) => ({ name: `センター${i + 1}`, status: 'submitted', rates })),
    city: rates,
    national: rates,
    no: [],
  } as EvaluationComparison;
}

describe('chart extents', () => {
  test('a chart covers 18 rows from its anchor and as many columns as 600 px need at the given widths', () => {
    const chart = { kind: 'bar', title: 't', range: { row: 1, column: 1, numRows: 2, numColumns: 2 }, anchor: { row: 3, column: 4 } } as const;
    expect(chartExtent(chart)).toEqual({ lastRow: 20, lastColumn: 9 });
    // Columns D and E are 280 px wide: D, E and F (40 px of it) hold the chart.
    expect(chartExtent(chart, [100, 100, 100, 280, 280])).toEqual({ lastRow: 20, lastColumn: 6 });
  });

  test('事業評価 with 20 centers: the sheet holds every chart, anchor and size', () => {
    const model = evaluationSheet(comparison(20));
    const { rows, columns } = extentOf(model);
    for (const chart of model.charts ?? []) {
      const { lastRow, lastColumn } = chartExtent(chart, model.columnWidths);
      expect(rows).toBeGreaterThanOrEqual(lastRow);
      expect(columns).toBeGreaterThanOrEqual(lastColumn);
    }
    // The last of 20 charts is anchored at row 345: the sheet reaches its bottom.
    expect(model.charts?.at(-1)?.anchor.row).toBe(345);
    expect(rows).toBe(362);
  });

  test('drawn in the fake, every chart of a 20-center 事業評価 lies on the sheet', () => {
    const model = evaluationSheet(comparison(20));
    replaceSheet(toGas(env.spreadsheet), model);
    const sheet = env.spreadsheet.peekSheet(model.name);
    const { maxRows, maxColumns } = sheet.peekState();
    const charts = sheet.peekState().charts.map((c) => c.peek().position);
    expect(charts).toHaveLength(20);
    for (const at of charts) expect(at.row <= maxRows && at.column <= maxColumns).toBe(true);
  });

  test('a chart beside a narrow table widens the sheet to the chart', () => {
    const model: SheetModel = {
      name: '月報',
      blocks: [
        {
          row: 1,
          column: 1,
          values: [
            ['区分', '件数'],
            ['電話', 3],
          ],
        },
      ],
      charts: [{ kind: 'bar', title: '件数', range: { row: 1, column: 1, numRows: 2, numColumns: 2 }, anchor: { row: 2, column: 12 } }],
    };
    expect(extentOf(model)).toEqual({ rows: 19, columns: 17 });
    replaceSheet(toGas(env.spreadsheet), model);
    expect(env.spreadsheet.peekSheet('月報').peekState()).toMatchObject({ maxRows: 19, maxColumns: 17 });
  });
});
