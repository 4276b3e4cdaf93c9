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
  /** The text wraps onto more lines in its cell: a header naming a center over a narrow column of 〇. */
  readonly wrap?: boolean;
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

/**
 * How a generated sheet prints: on A4 (PRINT_PAGE), as wide as one page, as many pages down as it needs. The
 * paper forms the sheets replace (呉市's 月報, 本庄市's 資料3) are one landscape A4 page per table.
 */
export interface PrintSetup {
  readonly orientation: 'portrait' | 'landscape';
  /** Rows that start a new page (ascending), so that each table is printed whole on one page where it fits. */
  readonly breaksBefore: readonly number[];
}

export interface SheetModel {
  readonly name: string;
  readonly blocks: readonly Block[];
  /** Also the rows printed at the top of every page (print titles; Sheets repeats frozen rows when printing). */
  readonly frozenRows?: number;
  readonly columnWidths?: readonly number[];
  readonly charts?: readonly ChartModel[];
  readonly hidden?: boolean;
  /** Absent on a sheet nobody prints (a store of submissions, a job's work sheet). */
  readonly print?: PrintSetup;
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

/** The pixels a cell keeps empty around its text, both sides together. */
const CELL_PADDING_PIXELS = 10;

/**
 * About the pixels a line of text takes in a cell at 11 pt (Excel's Calibri, Japanese in its fallback font): 15 for
 * a full-width character, 8 for any other, and the cell's padding; a column this wide shows it whole.
 */
export function textWidth(text: string): number {
  let pixels = CELL_PADDING_PIXELS;
  for (const character of text) pixels += (character.codePointAt(0) ?? 0) > 0xff ? 15 : 8;
  return pixels;
}

/** A block's rows padded to one width, as setValues requires. */
export function rectangular(values: readonly (readonly CellValue[])[]): CellValue[][] {
  const width = values.reduce((w, r) => Math.max(w, r.length), 0);
  return values.map((r) => [...r, ...Array<CellValue>(width - r.length).fill(null)]);
}

/**
 * The printed page, which pagination measures and the .xlsx adapter writes: A4 (Excel's paperSize 9), margins in
 * inches with the footer (sheet name, page / pages) in the bottom one. Sheets has no page setup (replace-sheet.ts).
 */
export const PRINT_PAGE = {
  paperSize: 9,
  width: 595.28,
  height: 841.89,
  margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.8, header: 0.3, footer: 0.3 },
} as const;

const POINTS_PER_INCH = 72;
const POINTS_PER_PIXEL = 0.75;
/**
 * What pagination assumes of the renderer, on the side of more pages, so that a page is never fuller than estimated:
 * rows of 16 pt (Excel keeps the file's default 15; LibreOffice makes a row of 11 pt text about 15), a larger font
 * 1.7 times its size, and columns as narrow as Excel draws them (a width in pixels as it is, one without a width as
 * Excel's default 64 px; LibreOffice without Excel's fonts draws them wider, and prints smaller).
 */
const ROW_POINTS = 16;
const LINE_SPACING = 1.7;
const UNSET_COLUMN_PIXELS = 64;

function printableSize(orientation: PrintSetup['orientation']): { width: number; height: number } {
  const m = PRINT_PAGE.margins;
  const [width, height] = orientation === 'landscape' ? [PRINT_PAGE.height, PRINT_PAGE.width] : [PRINT_PAGE.width, PRINT_PAGE.height];
  return { width: width - (m.left + m.right) * POINTS_PER_INCH, height: height - (m.top + m.bottom) * POINTS_PER_INCH };
}

/** The rows a group of cells covers, first to last. */
interface RowRun {
  readonly first: number;
  readonly last: number;
}

/**
 * How many lines each row with wrapping cells needs, by the width of its text against its column's (textWidth's
 * estimate): Sheets fits such a row by itself, but an .xlsx row keeps one line's height unless it is given one, and
 * the page plan has to count the lines too. Rows without wrapping are left out.
 */
export function wrappedLines(model: Pick<SheetModel, 'blocks' | 'columnWidths'>): Map<number, number> {
  const lines = new Map<number, number>();
  for (const b of model.blocks) {
    const cells = rectangular(b.values);
    const whole: CellRect = { row: b.row, column: b.column, numRows: cells.length, numColumns: cells[0]?.length ?? 0 };
    const wrapping = [...(b.style?.wrap ? [whole] : []), ...(b.accents ?? []).filter((a) => a.style.wrap).map((a) => a.rect)];
    for (const rect of wrapping) {
      for (let row = rect.row; row < rect.row + rect.numRows; row++) {
        for (let column = rect.column; column < rect.column + rect.numColumns; column++) {
          const value = cells[row - b.row]?.[column - b.column];
          if (value === null || value === undefined) continue;
          const text = textWidth(String(value)) - CELL_PADDING_PIXELS;
          const room = (model.columnWidths?.[column - 1] ?? UNSET_COLUMN_PIXELS) - CELL_PADDING_PIXELS;
          lines.set(row, Math.max(lines.get(row) ?? 1, Math.ceil(text / Math.max(1, room))));
        }
      }
    }
  }
  return lines;
}

/** The height in points of a row of `lines` lines, as the .xlsx port sets it and the page plan counts it. */
export function linesHeight(lines: number): number {
  return lines * ROW_POINTS;
}

/**
 * The runs of rows to keep on one page: blocks that touch (a section title on its table) are one run, and a run of
 * one-row blocks only (a title, a note) goes with the run after it, so that a heading never ends a page.
 */
function keptTogether(blocks: readonly Block[]): RowRun[] {
  const runs: { first: number; last: number; heading: boolean }[] = [];
  for (const b of [...blocks].filter((x) => x.values.length > 0).sort((x, y) => x.row - y.row)) {
    const last = b.row + b.values.length - 1;
    const open = runs.at(-1);
    if (open && b.row <= open.last + 1)
      runs[runs.length - 1] = { first: open.first, last: Math.max(open.last, last), heading: open.heading && b.values.length === 1 };
    else runs.push({ first: b.row, last, heading: b.values.length === 1 });
  }
  return runs.reduce<RowRun[]>((out, run, i) => {
    const before = runs[i - 1];
    const previous = out.at(-1);
    if (before?.heading && previous) out[out.length - 1] = { first: previous.first, last: run.last };
    else out.push({ first: run.first, last: run.last });
    return out;
  }, []);
}

/**
 * Where pages break and which way the paper turns, by one rule for every generated sheet: landscape when its tables
 * are wider than an upright page; scaled to the page's width (never enlarged); a new page before a table that does
 * not fit in what is left of the page, and after one taller than a page (the renderer breaks that one where it must,
 * so where its last page ends is not known here). Charts are left out: neither the .xlsx nor the 提出用ファイル
 * has them, and Sheets prints as its print dialog says. Text running on past the tables (a long 注意) is printed by
 * LibreOffice, which then scales the page to it: smaller, with more room than measured here.
 */
export function printSetup(model: Pick<SheetModel, 'blocks' | 'columnWidths' | 'frozenRows'>): PrintSetup {
  const columns = extentOf({ name: '', blocks: model.blocks }).columns;
  let widthPx = 0;
  for (let c = 0; c < columns; c++) widthPx += model.columnWidths?.[c] ?? UNSET_COLUMN_PIXELS;
  const width = widthPx * POINTS_PER_PIXEL;
  const orientation = width > printableSize('portrait').width ? 'landscape' : 'portrait';
  const page = printableSize(orientation);
  const scale = Math.min(1, page.width / width);
  const lines = wrappedLines(model);
  const fontSizes = new Map<number, number>();
  const sized = (row: number, numRows: number, size: number | undefined): void => {
    for (let r = row; size && r < row + numRows; r++) fontSizes.set(r, Math.max(fontSizes.get(r) ?? 0, size));
  };
  for (const b of model.blocks) {
    sized(b.row, b.values.length, b.style?.fontSize);
    for (const a of b.accents ?? []) sized(a.rect.row, a.rect.numRows, a.style.fontSize);
  }
  const height = (first: number, last: number): number => {
    let sum = 0;
    for (let r = first; r <= last; r++) sum += Math.max(linesHeight(lines.get(r) ?? 1), (fontSizes.get(r) ?? 0) * LINE_SPACING);
    return sum;
  };
  const capacity = page.height / scale;
  const repeated = height(1, model.frozenRows ?? 0);
  const breaksBefore: number[] = [];
  let placed = 0;
  let used = 0;
  let room = capacity;
  for (const run of keptTogether(model.blocks)) {
    const more = height(placed + 1, run.last);
    if (used + more > room && placed > 0) {
      // The rows between the tables open the new page, so that no blank row is left to spill onto a page of its own.
      breaksBefore.push(placed + 1);
      room = capacity - repeated;
      used = more;
    } else used += more;
    placed = run.last;
  }
  return { orientation, breaksBefore };
}

/** The model with its print setup (printSetup): what every layout of a sheet people read returns. */
export function printable<M extends SheetModel>(model: M): M {
  return { ...model, print: printSetup(model) };
}
