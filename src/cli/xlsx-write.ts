import type * as ExcelJS from 'exceljs';
import { type CellValue, isSheetDate } from '../domain/values/cell';
import { loadExcelJS } from './xlsx-port';
import { saveXlsx } from './xlsx-save';

export interface SheetContent {
  readonly name: string;
  readonly rows: readonly (readonly CellValue[])[];
  /** Column widths in characters, when the sheet should open readable. */
  readonly widths?: readonly number[];
}

/** A date cell in exceljs: a UTC instant whose UTC fields are the date (what Excel stores). */
function toExcel(value: CellValue): ExcelJS.CellValue {
  if (value === null) return null;
  if (isSheetDate(value)) {
    const [y, m, d] = value.iso.split('-').map(Number) as [number, number, number];
    const [hh, mm] = (value.time ?? '00:00').split(':').map(Number) as [number, number];
    return new Date(Date.UTC(y, m - 1, d, hh, mm));
  }
  // exceljs writes a string as a shared string, never as a formula, whatever it starts with.
  return value;
}

export function addSheet(workbook: ExcelJS.Workbook, content: SheetContent): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(content.name);
  content.rows.forEach((row, i) => {
    const xlRow = ws.getRow(i + 1);
    row.forEach((value, c) => {
      if (value === null) return;
      const cell = xlRow.getCell(c + 1);
      cell.value = toExcel(value);
      if (isSheetDate(value)) cell.numFmt = 'yyyy/mm/dd';
    });
  });
  content.widths?.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  return ws;
}

export async function writeWorkbook(path: string, sheets: readonly SheetContent[]): Promise<void> {
  const workbook = new (loadExcelJS().Workbook)();
  workbook.creator = '包括支援シート';
  for (const sheet of sheets) addSheet(workbook, sheet);
  await saveXlsx(workbook, path);
}
