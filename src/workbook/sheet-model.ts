import type { CellValue } from '../domain/values/cell';
import type { CellRect } from '../domain/sheets/table';

/**
 * A sheet the product generates (a 月報, a city sheet, the hidden submission store), described as data so
 * that both adapters draw the same thing and tests can read what would be drawn. A sheet is a few blocks;
 * each block is one write, whatever its number of rows.
 */
export interface BlockStyle {
  readonly bold?: boolean;
  readonly background?: string;
  /** A Sheets/Excel number format for the whole block, e.g. '#,##0' or '0.0%'. */
  readonly numberFormat?: string;
  readonly italic?: boolean;
  readonly fontSize?: number;
}

export interface Block {
  readonly row: number;
  readonly column: number;
  readonly values: readonly (readonly CellValue[])[];
  readonly style?: BlockStyle;
  /** Styles for parts of the block (its header row, its total column), each one more call. */
  readonly accents?: readonly { readonly rect: CellRect; readonly style: BlockStyle }[];
}

export interface ChartModel {
  readonly kind: 'bar' | 'column' | 'line';
  readonly title: string;
  /** Labels in the first column, series in the next ones, a header row on top. */
  readonly range: CellRect;
  readonly anchor: { readonly row: number; readonly column: number };
}

export interface SheetModel {
  readonly name: string;
  readonly blocks: readonly Block[];
  readonly frozenRows?: number;
  readonly columnWidths?: readonly number[];
  readonly charts?: readonly ChartModel[];
  readonly hidden?: boolean;
}

/**
 * The size Sheets gives a chart built without width and height options, in pixels (the Sheets API's
 * OverlayPosition defaults: 600 wide, 371 high), and the default height of a row and width of a column.
 */
const CHART_SIZE = { width: 600, height: 371 } as const;
const DEFAULT_ROW_HEIGHT = 21;
const DEFAULT_COLUMN_WIDTH = 100;

/**
 * The last row and column a chart covers from its anchor cell: as many rows of the default height as its height
 * needs (371 px: 18 rows), and as many columns, at the model's widths (the default where it gives none), as its
 * width needs. A chart needs these cells to exist: Sheets places a chart on cells of the grid.
 */
export function chartExtent(chart: ChartModel, columnWidths: readonly number[] = []): { lastRow: number; lastColumn: number } {
  const lastRow = chart.anchor.row + Math.ceil(CHART_SIZE.height / DEFAULT_ROW_HEIGHT) - 1;
  let lastColumn = chart.anchor.column;
  const width = (column: number): number => columnWidths[column - 1] ?? DEFAULT_COLUMN_WIDTH;
  for (let covered = width(lastColumn); covered < CHART_SIZE.width; covered += width(lastColumn)) lastColumn++;
  return { lastRow, lastColumn };
}

/**
 * Rows × columns a model covers, its charts included, so the sheet is sized to its content (a spreadsheet holds
 * 10M cells) and every chart lies on cells that exist.
 */
export function extentOf(model: SheetModel): { rows: number; columns: number } {
  let rows = 1;
  let columns = 1;
  for (const b of model.blocks) {
    rows = Math.max(rows, b.row + b.values.length - 1);
    columns = Math.max(columns, b.column + b.values.reduce((w, r) => Math.max(w, r.length), 0) - 1);
  }
  for (const chart of model.charts ?? []) {
    const { lastRow, lastColumn } = chartExtent(chart, model.columnWidths);
    rows = Math.max(rows, lastRow);
    columns = Math.max(columns, lastColumn);
  }
  // Sheets refuses to freeze every row of a sheet: keep one row below the frozen ones.
  return { rows: Math.max(rows, (model.frozenRows ?? 0) + 1), columns };
}

/** A block's rows padded to one width, as setValues requires. */
export function rectangular(values: readonly (readonly CellValue[])[]): CellValue[][] {
  const width = values.reduce((w, r) => Math.max(w, r.length), 0);
  return values.map((r) => [...r, ...Array<CellValue>(width - r.length).fill(null)]);
}
