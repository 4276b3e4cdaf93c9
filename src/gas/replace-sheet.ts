import { type CellValue, isSheetDate } from '../domain/values/cell';
import { type BlockStyle, extentOf, rectangular, type SheetModel } from '../workbook/sheet-model';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/**
 * A value as setValues must get it so that Sheets keeps it as it is. Sheets runs a string starting with
 * `=`, `+`, `-` or `@` as a formula and turns `2026-10` or `12` into a date or a number; a leading
 * apostrophe makes any string plain text (and is not part of the stored value).
 */
export function asSheetsValue(value: CellValue): string | number | boolean {
  if (value === null) return '';
  if (isSheetDate(value)) return `'${value.iso}`;
  return typeof value === 'string' ? `'${value}` : value;
}

function applyStyle(range: Range, style: BlockStyle): void {
  if (style.bold) range.setFontWeight('bold');
  if (style.italic) range.setFontStyle('italic');
  if (style.background) range.setBackground(style.background);
  if (style.numberFormat) range.setNumberFormat(style.numberFormat);
  if (style.fontSize) range.setFontSize(style.fontSize);
}

function sizeTo(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  const maxColumns = sheet.getMaxColumns();
  if (maxRows > rows) sheet.deleteRows(rows + 1, maxRows - rows);
  else if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  if (maxColumns > columns) sheet.deleteColumns(columns + 1, maxColumns - columns);
  else if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

function draw(sheet: Sheet, model: SheetModel): void {
  const { rows, columns } = extentOf(model);
  sizeTo(sheet, rows, columns);
  for (const block of model.blocks) {
    const values = rectangular(block.values);
    const width = values[0]?.length ?? 0;
    if (values.length === 0 || width === 0) continue;
    const range = sheet.getRange(block.row, block.column, values.length, width);
    range.setValues(values.map((r) => r.map(asSheetsValue)));
    if (block.style) applyStyle(range, block.style);
    for (const accent of block.accents ?? []) {
      applyStyle(sheet.getRange(accent.rect.row, accent.rect.column, accent.rect.numRows, accent.rect.numColumns), accent.style);
    }
  }
  if (model.frozenRows) sheet.setFrozenRows(model.frozenRows);
  // Runs of equal widths (one column per center) in one call each, so the calls do not grow with centers.
  const widths = model.columnWidths ?? [];
  for (let start = 0; start < widths.length;) {
    let end = start + 1;
    while (end < widths.length && widths[end] === widths[start]) end++;
    sheet.setColumnWidths(start + 1, end - start, widths[start] as number);
    start = end;
  }
  for (const chart of model.charts ?? []) {
    const type = chart.kind === 'line' ? Charts.ChartType.LINE : chart.kind === 'bar' ? Charts.ChartType.BAR : Charts.ChartType.COLUMN;
    const r = chart.range;
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(type)
        .addRange(sheet.getRange(r.row, r.column, r.numRows, r.numColumns))
        .setNumHeaders(1)
        .setPosition(chart.anchor.row, chart.anchor.column, 0, 0)
        .setOption('title', chart.title)
        .setOption('legend', { position: 'none' })
        .build(),
    );
  }
  if (model.hidden) sheet.hideSheet();
}

/**
 * Builds the new sheet under a temporary name and swaps it in only when it is complete: a failure while
 * drawing leaves the earlier sheet untouched (and removes the half-built one).
 */
export function replaceSheet(spreadsheet: Spreadsheet, model: SheetModel): Sheet {
  const building = `${model.name}（作成中）`;
  const retired = `${model.name}（旧）`;
  for (const leftover of [building, retired]) {
    const stale = spreadsheet.getSheetByName(leftover);
    if (stale) spreadsheet.deleteSheet(stale);
  }
  const sheet = spreadsheet.insertSheet(building, spreadsheet.getNumSheets());
  try {
    draw(sheet, model);
  } catch (error) {
    spreadsheet.deleteSheet(sheet);
    throw error;
  }
  const old = spreadsheet.getSheetByName(model.name);
  if (old) {
    const position = old.getIndex();
    old.setName(retired);
    sheet.setName(model.name);
    spreadsheet.deleteSheet(old);
    if (!model.hidden) {
      spreadsheet.setActiveSheet(sheet);
      spreadsheet.moveActiveSheet(position);
    }
  } else {
    sheet.setName(model.name);
  }
  return sheet;
}
