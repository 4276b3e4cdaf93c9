import { a1, type CellValue, isSheetDate } from '../domain/values/cell';
import type { CellRect } from '../domain/sheets/table';
import { canonicalJson, sha256Hex } from '../domain/reports/fingerprint';
import { type BlockStyle, type ChartModel, extentOf, rectangular, type SheetModel } from '../workbook/sheet-model';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** The number format of a cell formatted as plain text (表示形式 › 数字 › 書式なしテキスト). */
const PLAIN_TEXT_FORMAT = '@';

/** How a date is meant to land: as a date Sheets computes with (a patch), or as its text (a generated sheet). */
export type DateInput = 'date' | 'text';

/**
 * The one rule for every value the add-on writes with setValues: what to hand Sheets so that the cell holds
 * exactly `value`, given the cell's number format at the time of writing. In a plain-text cell ('@') Sheets
 * stores the input as it is, a leading apostrophe included (running シートを準備 twice on such a sheet would
 * otherwise add `'氏名` again and again), so text goes as it is. Anywhere else Sheets runs text starting with
 * `=`, `+`, `-` or `@` as a formula and turns `2026-10` or `12` into a date or a number; a leading apostrophe,
 * not stored, keeps it text. A date goes as 2026-10-03 (digits cannot start a formula), which Sheets stores as
 * a date, or as that text.
 */
export function sheetsInput(value: CellValue, format: string, dates: DateInput = 'text'): string | number | boolean {
  if (value === null || value === '') return '';
  const plainText = format === PLAIN_TEXT_FORMAT;
  if (isSheetDate(value)) {
    const text = value.time ? `${value.iso} ${value.time}` : value.iso;
    return plainText || dates === 'date' ? text : `'${text}`;
  }
  if (typeof value === 'string') return plainText ? value : `'${value}`;
  return value;
}

/** The rule for a cell whose format is the default: a sheet just inserted, whose formats come after its values. */
export function asSheetsValue(value: CellValue): string | number | boolean {
  return sheetsInput(value, '');
}

/**
 * Writes a block into cells that may already carry a format (a person's sheet): their formats are read first,
 * in one call, so that each cell gets what the rule says for it.
 */
export function writeValues(range: Range, values: readonly (readonly CellValue[])[], dates: DateInput = 'text'): Range {
  const formats = range.getNumberFormats();
  return range.setValues(values.map((row, i) => row.map((v, j) => sheetsInput(v, formats[i]?.[j] ?? '', dates))));
}

/** One property of every cell of the sheet; null where the model sets nothing. */
export type Layer<T> = (T | null)[][];

/**
 * The whole sheet as the model leaves it: values and each style property cell by cell. Blocks and accents
 * are laid on in order, so a later one wins where they overlap, as when each was applied in turn.
 */
interface Canvas {
  readonly values: CellValue[][];
  readonly bold: Layer<true>;
  readonly italic: Layer<true>;
  readonly background: Layer<string>;
  readonly numberFormat: Layer<string>;
  readonly fontSize: Layer<number>;
  readonly wrap: Layer<true>;
}

function layer<T>(rows: number, columns: number): Layer<T> {
  return Array.from({ length: rows }, () => Array<T | null>(columns).fill(null));
}

/** Sets one cell of a layer; a cell outside the sheet (an accent past the content) is not drawn. */
function put<T>(l: T[][], row: number, column: number, value: T): void {
  const cells = l[row];
  if (cells && column < cells.length) cells[column] = value;
}

function paint(model: SheetModel, rows: number, columns: number): Canvas {
  const canvas: Canvas = {
    values: Array.from({ length: rows }, () => Array<CellValue>(columns).fill(null)),
    bold: layer(rows, columns),
    italic: layer(rows, columns),
    background: layer(rows, columns),
    numberFormat: layer(rows, columns),
    fontSize: layer(rows, columns),
    wrap: layer(rows, columns),
  };
  const style = (rect: CellRect, s: BlockStyle): void => {
    for (let r = rect.row - 1; r < rect.row - 1 + rect.numRows; r++) {
      for (let c = rect.column - 1; c < rect.column - 1 + rect.numColumns; c++) {
        if (s.bold) put(canvas.bold, r, c, true);
        if (s.italic) put(canvas.italic, r, c, true);
        if (s.background) put(canvas.background, r, c, s.background);
        if (s.numberFormat) put(canvas.numberFormat, r, c, s.numberFormat);
        if (s.fontSize) put(canvas.fontSize, r, c, s.fontSize);
        if (s.wrap) put(canvas.wrap, r, c, true);
      }
    }
  };
  for (const block of model.blocks) {
    const values = rectangular(block.values);
    const width = values[0]?.length ?? 0;
    // An empty block draws nothing, its styles included, as it always has.
    if (values.length === 0 || width === 0) continue;
    values.forEach((row, i) => row.forEach((v, j) => put(canvas.values, block.row - 1 + i, block.column - 1 + j, v)));
    if (block.style) style({ row: block.row, column: block.column, numRows: values.length, numColumns: width }, block.style);
    for (const accent of block.accents ?? []) style(accent.rect, accent.style);
  }
  return canvas;
}

const used = <T>(l: Layer<T>): boolean => l.some((row) => row.some((v) => v !== null));

/**
 * The cells holding `value`, as few rectangles as runs allow: runs of a row, and runs of the same columns
 * on consecutive rows joined into one (a table's body is one rectangle), in A1 notation. The layer's first
 * cell is `origin` on the sheet.
 */
export function rectsOf<T>(l: Layer<T>, value: T, origin: { row: number; column: number } = { row: 1, column: 1 }): string[] {
  const open = new Map<string, CellRect>();
  const done: CellRect[] = [];
  l.forEach((row, r) => {
    const runs: CellRect[] = [];
    for (let c = 0; c < row.length; c++) {
      if (row[c] !== value) continue;
      const start = c;
      while (c + 1 < row.length && row[c + 1] === value) c++;
      runs.push({ row: r + 1, column: start + 1, numRows: 1, numColumns: c - start + 1 });
    }
    const next = new Map<string, CellRect>();
    for (const run of runs) {
      const key = `${run.column}:${run.numColumns}`;
      const above = open.get(key);
      next.set(key, above ? { ...above, numRows: above.numRows + 1 } : run);
      open.delete(key);
    }
    done.push(...open.values());
    open.clear();
    for (const [key, rect] of next) open.set(key, rect);
  });
  done.push(...open.values());
  return done
    .sort((a, b) => a.row - b.row || a.column - b.column)
    .map((x) => ({ ...x, row: x.row + origin.row - 1, column: x.column + origin.column - 1 }))
    .map((x) =>
      x.numRows === 1 && x.numColumns === 1 ? a1(x.row, x.column) : `${a1(x.row, x.column)}:${a1(x.row + x.numRows - 1, x.column + x.numColumns - 1)}`,
    );
}

/** The values a layer holds, each once, in the order first met; without copying the layer (marks cover a whole sheet). */
export function distinct<T>(l: Layer<T>): T[] {
  const seen = new Set<T>();
  for (const row of l) for (const v of row) if (v !== null) seen.add(v);
  return [...seen];
}

function sizeTo(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  const maxColumns = sheet.getMaxColumns();
  if (maxRows > rows) sheet.deleteRows(rows + 1, maxRows - rows);
  else if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  if (maxColumns > columns) sheet.deleteColumns(columns + 1, maxColumns - columns);
  else if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/**
 * Where a generated sheet keeps the digest of its layout (developer metadata, which people do not see), and
 * the version of draw() it describes: change the version when draw() changes what it writes, so that sheets
 * drawn before are drawn again rather than only given new values.
 */
const LAYOUT_KEY = 'houkatsu.layout';
const DRAWING_VERSION = 1;

/**
 * Everything draw() writes except the values: size, every format, frozen rows, widths, charts, hidden. 16 hex
 * digits are plenty to tell two layouts apart and keep the mark small: Sheets limits the metadata a
 * spreadsheet may hold, and a city adds a few sheets every month.
 */
function layoutOf(model: SheetModel, canvas: Canvas, rows: number, columns: number): string {
  const byValue = <T>(l: Layer<T>): [T, string[]][] => distinct(l).map((v) => [v, rectsOf(l, v)]);
  return sha256Hex(
    canonicalJson({
      version: DRAWING_VERSION,
      rows,
      columns,
      bold: byValue(canvas.bold),
      italic: byValue(canvas.italic),
      background: byValue(canvas.background),
      numberFormat: byValue(canvas.numberFormat),
      fontSize: byValue(canvas.fontSize),
      // Only where a sheet wraps, so that the layouts drawn before there was wrapping keep their fingerprints.
      ...(used(canvas.wrap) ? { wrap: byValue(canvas.wrap) } : {}),
      frozenRows: model.frozenRows ?? 0,
      columnWidths: model.columnWidths ?? [],
      charts: model.charts ?? [],
      hidden: model.hidden ?? false,
    }),
  ).slice(0, 16);
}

const a1Of = (r: CellRect): string => `${a1(r.row, r.column)}:${a1(r.row + r.numRows - 1, r.column + r.numColumns - 1)}`;

/**
 * The cells each chart draws from, in the charts' order: one RangeList when there are several (two calls, however
 * many charts: a 事業評価 has one per center), a Range when there is one.
 */
function chartSources(sheet: Sheet, charts: readonly ChartModel[]): Range[] {
  if (charts.length > 1) return sheet.getRangeList(charts.map((c) => a1Of(c.range))).getRanges();
  return charts.map((c) => sheet.getRange(c.range.row, c.range.column, c.range.numRows, c.range.numColumns));
}

/**
 * The font sizes in two calls however many sizes there are: setFontSizes takes a size for every cell, so the
 * sizes the new sheet's cells have are read first and written back where the model sets none, rather than a
 * default assumed. One size alone is one RangeList (two calls as well, and only its cells touched).
 */
function drawFontSizes(sheet: Sheet, range: Range, sizes: Layer<number>): void {
  const [first, ...others] = distinct(sizes);
  if (first === undefined) return;
  if (others.length === 0) {
    sheet.getRangeList(rectsOf(sizes, first)).setFontSize(first);
    return;
  }
  const now = range.getFontSizes();
  range.setFontSizes(sizes.map((row, r) => row.map((size, c) => size ?? (now[r]?.[c] as number))));
}

/**
 * Draws the model on a new, empty sheet sized to it, in a number of calls that depends on neither its rows
 * nor its blocks: all values in one setValues over the whole sheet (the gaps between blocks written empty),
 * bold, italics and backgrounds in one grid each (null leaves a cell as it is on a new sheet), each
 * number format through one RangeList (that setter takes no null, so cells without one are left out rather
 * than given a guessed default), and the font sizes as drawFontSizes says.
 */
function draw(sheet: Sheet, model: SheetModel, canvas: Canvas, rows: number, columns: number): void {
  sizeTo(sheet, rows, columns);
  const range = sheet.getRange(1, 1, rows, columns);
  // Formats after the values: every cell is still the new sheet's default when they are written.
  range.setValues(canvas.values.map((row) => row.map(asSheetsValue)));
  if (used(canvas.bold)) range.setFontWeights(canvas.bold.map((row) => row.map((v) => (v ? 'bold' : null))));
  if (used(canvas.italic)) range.setFontStyles(canvas.italic.map((row) => row.map((v) => (v ? 'italic' : null))));
  if (used(canvas.background)) range.setBackgrounds(canvas.background);
  for (const format of distinct(canvas.numberFormat)) sheet.getRangeList(rectsOf(canvas.numberFormat, format)).setNumberFormat(format);
  drawFontSizes(sheet, range, canvas.fontSize);
  // Only the cells that wrap: setWrap(false) is not the new sheet's default (overflow), so no other cell is touched.
  if (used(canvas.wrap)) sheet.getRangeList(rectsOf(canvas.wrap, true)).setWrap(true);
  // Sheets has no page setup to write: neither SpreadsheetApp nor the Sheets API sets orientation, scaling or page
  // breaks (model.print), which live in its print dialog. What prints well is drawn instead: the frozen rows, which
  // that dialog repeats at the top of every page, and widths that show the labels whole (the layouts').
  if (model.frozenRows) sheet.setFrozenRows(model.frozenRows);
  // Runs of equal widths (one column per center) in one call each, so the calls do not grow with centers.
  const widths = model.columnWidths ?? [];
  for (let start = 0; start < widths.length;) {
    let end = start + 1;
    while (end < widths.length && widths[end] === widths[start]) end++;
    sheet.setColumnWidths(start + 1, end - start, widths[start] as number);
    start = end;
  }
  const charts = model.charts ?? [];
  const sources = chartSources(sheet, charts);
  charts.forEach((chart, i) => {
    const type = chart.kind === 'line' ? Charts.ChartType.LINE : chart.kind === 'bar' ? Charts.ChartType.BAR : Charts.ChartType.COLUMN;
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(type)
        .addRange(sources[i] as Range)
        .setNumHeaders(1)
        .setPosition(chart.anchor.row, chart.anchor.column, 0, 0)
        .setOption('title', chart.title)
        .setOption('legend', { position: 'none' })
        .build(),
    );
  });
  if (model.hidden) sheet.hideSheet();
}

/**
 * True when the sheet was drawn with this layout and still has its size: then only its values can differ
 * from the model's (a person who inserted a row or column changed the size, and gets a fresh drawing).
 */
function hasLayout(sheet: Sheet, layout: string, rows: number, columns: number): boolean {
  const mark = sheet.getDeveloperMetadata().find((m) => m.getKey() === LAYOUT_KEY);
  return mark?.getValue() === layout && sheet.getMaxRows() === rows && sheet.getMaxColumns() === columns;
}

/**
 * Does `act`; if it fails because a sheet called `name` is in the way (left by a run that Apps Script stopped
 * half-way), removes that sheet and does it again. Looking only after a failure saves a lookup every time.
 */
function clearingStale<T>(spreadsheet: Spreadsheet, name: string, act: () => T): T {
  try {
    return act();
  } catch (error) {
    const stale = spreadsheet.getSheetByName(name);
    if (!stale) throw error;
    spreadsheet.deleteSheet(stale);
    return act();
  }
}

/**
 * Replaces a generated sheet, all at once or not at all, and leaves it the active sheet unless it is hidden.
 *
 * When the sheet there has the model's layout (市へ提出 redrawing the 月報 just built, with 状態 提出済み), only
 * its values are rewritten, in one setValues: formats, widths and charts are already what a drawing would
 * make. Otherwise the new sheet is built under a temporary name and swapped in only when it is complete: a
 * failure while drawing leaves the earlier sheet untouched (and removes the half-built one). It is inserted
 * right after the earlier one, so it takes that one's place when the earlier one is deleted; a new name goes
 * last, and so does a hidden sheet (a store), as before.
 */
export function replaceSheet(spreadsheet: Spreadsheet, model: SheetModel): Sheet {
  const { rows, columns } = extentOf(model);
  const canvas = paint(model, rows, columns);
  const layout = layoutOf(model, canvas, rows, columns);
  const old = spreadsheet.getSheetByName(model.name);
  if (old && hasLayout(old, layout, rows, columns)) {
    // The sheet already has the layout's formats: a '@' cell gets its text as it is.
    old.getRange(1, 1, rows, columns).setValues(canvas.values.map((row, r) => row.map((v, c) => sheetsInput(v, canvas.numberFormat[r]?.[c] ?? ''))));
    if (!model.hidden) spreadsheet.setActiveSheet(old);
    return old;
  }
  const building = `${model.name}（作成中）`;
  const retired = `${model.name}（旧）`;
  const position = (): number => (old && !model.hidden ? old.getIndex() : spreadsheet.getNumSheets());
  const sheet = clearingStale(spreadsheet, building, () => spreadsheet.insertSheet(building, position()));
  try {
    draw(sheet, model, canvas, rows, columns);
  } catch (error) {
    spreadsheet.deleteSheet(sheet);
    throw error;
  }
  try {
    sheet.addDeveloperMetadata(LAYOUT_KEY, layout, SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
  } catch (error) {
    // The mark only saves calls next time: without it the sheet, complete, is simply drawn afresh then.
    console.warn(`${model.name}: レイアウトの印を付けられませんでした（次回は作り直します）`, error);
  }
  if (old) {
    clearingStale(spreadsheet, retired, () => old.setName(retired));
    sheet.setName(model.name);
    spreadsheet.deleteSheet(old);
  } else {
    sheet.setName(model.name);
  }
  return sheet;
}
