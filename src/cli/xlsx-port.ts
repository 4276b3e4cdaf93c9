import type * as ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { type CellValue, isSheetDate } from '../domain/values/cell';
import type { CellRect, RawRow, RawSheet } from '../domain/sheets/table';
import { JAPAN_TIME_ZONE, todayIn, toCellValue } from '../workbook/cell-values';
import { type CellPatch, type CellStyles, partialReadBlocks, type WorkbookPort } from '../workbook/port';
import { patchBlocks, resolveBlock } from '../workbook/cell-patch';
import { rectOfA1 } from '../workbook/a1';
import { type BlockStyle, rectangular, type SheetModel } from '../workbook/sheet-model';

/**
 * exceljs itself, loaded when a workbook is first opened or made for writing: loading it costs about a quarter
 * of a second, which a command that only reads (xlsx-read.ts) does not pay.
 */
export function loadExcelJS(): typeof ExcelJS {
  // A require, not import(): that would go through Node's ES module loader, which sees only exceljs' default
  // export, and which jest's CommonJS runtime refuses.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('exceljs') as typeof ExcelJS;
}

/** exceljs stores dates as UTC instants whose UTC fields are the wall-clock date and time. */
const XLSX_ZONE = 'UTC';

/** A value for an exceljs cell: strings are shared strings (text, never a formula), dates Excel dates. */
function xlsxValue(value: CellValue): ExcelJS.CellValue {
  if (!isSheetDate(value)) return value;
  const [y, m, d] = value.iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** One cell of exceljs as the domain's value and the formula behind it. */
export function readXlsxCell(value: ExcelJS.CellValue): { value: CellValue; formula: string } {
  if (value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
    const f = value as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;
    const text = 'formula' in f ? f.formula : f.sharedFormula;
    return { value: xlsxCellValue((f.result ?? null) as ExcelJS.CellValue), formula: `=${text}` };
  }
  return { value: xlsxCellValue(value), formula: '' };
}

/** The domain's value of an exceljs cell that holds no formula (or of a formula's result). */
export function xlsxCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return toCellValue(value, XLSX_ZONE);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('error' in value) return value.error;
  if ('text' in value) return String(value.text);
  return String(value);
}

function readRows(ws: ExcelJS.Worksheet, from: number, to: number): RawRow[] {
  const rows: RawRow[] = [];
  const width = ws.columnCount;
  for (let r = from; r <= Math.min(to, ws.rowCount); r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    const values: CellValue[] = new Array<CellValue>(width).fill(null);
    const formulas: string[] = new Array<string>(width).fill('');
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // A merged cell other than the top-left repeats the master's value in exceljs; Sheets shows it empty.
      if (cell.isMerged && cell.master !== cell) return;
      const read = readXlsxCell(cell.value);
      values[col - 1] = read.value;
      formulas[col - 1] = read.formula;
    });
    rows.push({ rowNumber: r, values, formulas });
  }
  return rows;
}

function merges(ws: ExcelJS.Worksheet): CellRect[] {
  const list = (ws.model as { merges?: string[] }).merges ?? [];
  return list.map(rectOfA1).filter((r): r is CellRect => r !== undefined);
}

function argbToCss(argb: string | undefined): string | null {
  return argb && argb.length === 8 ? `#${argb.slice(2).toLowerCase()}` : null;
}

function noteText(note: ExcelJS.Cell['note'] | undefined): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

export interface XlsxWorkbook extends WorkbookPort {
  readonly workbook: ExcelJS.Workbook;
  save(path: string): Promise<void>;
}

/** The port over an .xlsx file in memory (exceljs). */
export function xlsxPort(workbook: ExcelJS.Workbook, name: string, today = todayIn(JAPAN_TIME_ZONE)): XlsxWorkbook {
  const sheet = (n: string): ExcelJS.Worksheet | undefined => workbook.getWorksheet(n);
  return {
    workbook,
    name,
    today: () => today,
    sheetNames: () => workbook.worksheets.map((ws) => ws.name),
    readSheet(n): RawSheet | undefined {
      const ws = sheet(n);
      if (!ws) return undefined;
      return { name: n, rows: readRows(ws, 1, ws.rowCount), merges: merges(ws) };
    },
    readRows(n, first, count) {
      const ws = sheet(n);
      if (!ws) return undefined;
      const rows = partialReadBlocks(first, count).flatMap((b) => readRows(ws, b.first, b.first + b.count - 1));
      return { name: n, rows, merges: merges(ws) };
    },
    readStyles(n, rect): CellStyles {
      const ws = sheet(n);
      const backgrounds: (string | null)[][] = [];
      const notes: string[][] = [];
      for (let r = 0; r < rect.numRows; r++) {
        const bg: (string | null)[] = [];
        const nt: string[] = [];
        for (let c = 0; c < rect.numColumns; c++) {
          const cell = ws?.getRow(rect.row + r).getCell(rect.column + c);
          const fill = cell?.fill;
          bg.push(fill && fill.type === 'pattern' && fill.pattern === 'solid' ? argbToCss(fill.fgColor?.argb) : null);
          nt.push(noteText(cell?.note));
        }
        backgrounds.push(bg);
        notes.push(nt);
      }
      return { backgrounds, notes };
    },
    writeStyles(n, rect, styles) {
      const ws = sheet(n);
      if (!ws) return;
      for (let r = 0; r < rect.numRows; r++) {
        for (let c = 0; c < rect.numColumns; c++) {
          const cell = ws.getRow(rect.row + r).getCell(rect.column + c);
          const bg = styles.backgrounds[r]?.[c] ?? null;
          const note = styles.notes[r]?.[c] ?? '';
          const current = cell.fill;
          const currentBg = current && current.type === 'pattern' && current.pattern === 'solid' ? argbToCss(current.fgColor?.argb) : null;
          if (bg !== currentBg) {
            cell.fill = bg ? { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${bg.slice(1).toUpperCase()}` } } : { type: 'pattern', pattern: 'none' };
          }
          if (note !== noteText(cell.note)) cell.note = note === '' ? (undefined as unknown as string) : note;
        }
      }
    },
    replaceSheet(model) {
      replaceXlsxSheet(workbook, model);
    },
    patchCells(n, patches) {
      const ws = sheet(n);
      if (!ws) return { applied: [], skipped: [...patches] };
      const applied: CellPatch[] = [];
      const skipped: CellPatch[] = [];
      // No round trips here: the blocks only share the check of each cell with the Sheets adapter.
      for (const block of patchBlocks(patches)) {
        const resolved = resolveBlock(block, (row) => readXlsxCell(ws.getCell(row, block.column).value));
        applied.push(...resolved.applied);
        skipped.push(...resolved.skipped);
        for (const patch of resolved.applied) {
          const cell = ws.getCell(patch.row, patch.column);
          cell.value = xlsxValue(patch.after);
          if (isSheetDate(patch.after)) cell.numFmt = 'yyyy-mm-dd';
        }
      }
      return { applied, skipped };
    },
    removeSheet(n) {
      const ws = sheet(n);
      if (ws) workbook.removeWorksheet(ws.id);
    },
    writeOwnRows(n, firstRow, rows) {
      const ws = sheet(n);
      if (!ws) throw new Error(`writeOwnRows: no sheet named ${n}`);
      rows.forEach((row, i) => {
        ws.getRow(firstRow + i).values = row.map(xlsxValue);
      });
    },
    appendRows(n, header, rows) {
      if (rows.length === 0) return;
      const ws = sheet(n) ?? workbook.addWorksheet(n);
      if (ws.rowCount === 0) ws.addRow([...header]).font = { bold: true };
      for (const row of rows) ws.addRow(row.map(xlsxValue));
    },
    save: async (path) => {
      await workbook.xlsx.writeFile(path);
    },
  };
}

function applyXlsxStyle(cell: ExcelJS.Cell, style: BlockStyle): void {
  if (style.bold || style.italic || style.fontSize) cell.font = { ...cell.font, bold: style.bold, italic: style.italic, size: style.fontSize };
  if (style.background) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${style.background.slice(1).toUpperCase()}` } };
  if (style.numberFormat) cell.numFmt = style.numberFormat;
}

function drawXlsx(ws: ExcelJS.Worksheet, model: SheetModel): void {
  for (const block of model.blocks) {
    rectangular(block.values).forEach((row, r) => {
      const xlRow = ws.getRow(block.row + r);
      row.forEach((value, c) => {
        const cell = xlRow.getCell(block.column + c);
        // exceljs writes strings as shared strings: text, whatever they start with.
        cell.value = value === null ? null : isSheetDate(value) ? value.iso : value;
        if (block.style) applyXlsxStyle(cell, block.style);
      });
    });
    for (const accent of block.accents ?? []) {
      for (let r = 0; r < accent.rect.numRows; r++) {
        for (let c = 0; c < accent.rect.numColumns; c++) applyXlsxStyle(ws.getCell(accent.rect.row + r, accent.rect.column + c), accent.style);
      }
    }
  }
  if (model.frozenRows) ws.views = [{ state: 'frozen', ySplit: model.frozenRows }];
  // Sheets measures widths in pixels, Excel in characters of about seven pixels.
  model.columnWidths?.forEach((px, i) => {
    ws.getColumn(i + 1).width = Math.max(4, Math.round(px / 7));
  });
  if (model.hidden) ws.state = 'hidden';
}

/** The same swap as in Sheets: build the new sheet completely, then take the old one's name and place. */
export function replaceXlsxSheet(workbook: ExcelJS.Workbook, model: SheetModel): void {
  const building = workbook.addWorksheet(`${model.name}（作成中）`.slice(0, 31));
  try {
    drawXlsx(building, model);
  } catch (error) {
    workbook.removeWorksheet(building.id);
    throw error;
  }
  const old = workbook.getWorksheet(model.name);
  if (old) {
    // exceljs orders sheets by this (untyped) field when it writes the file.
    (building as unknown as { orderNo: number }).orderNo = (old as unknown as { orderNo: number }).orderNo;
    workbook.removeWorksheet(old.id);
  }
  building.name = model.name;
}

/** A file that is missing or is not an .xlsx workbook: the CLI's exit code 2, the city's 読めない. */
export class UnreadableFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`「${path}」を読めませんでした（${reason}）。.xlsx 形式のファイルか、パスが正しいかを確かめてください。`);
  }
}

export function unreadableReason(path: string, error: unknown): string {
  if (!existsSync(path)) return 'ファイルがありません';
  const code = (error as { code?: string }).code;
  if (code === 'EACCES') return '読み取りの権限がありません';
  if (code === 'EISDIR') return 'フォルダです';
  return '.xlsx として開けません';
}

/** Opens an .xlsx file; its name without extension is the default センター名. */
export async function openXlsx(path: string, today?: string): Promise<XlsxWorkbook> {
  const workbook = new (loadExcelJS().Workbook)();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new UnreadableFileError(path, unreadableReason(path, error));
  }
  return xlsxPort(workbook, basename(path, extname(path)), today);
}
