import type * as ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { type CellValue, isSheetDate } from '../domain/values/cell';
import type { CellRect, RawRow, RawSheet } from '../domain/sheets/table';
import { JAPAN_TIME_ZONE, todayIn, toCellValue } from '../workbook/cell-values';
import { type CellPatch, type CellStyles, partialReadBlocks, type WorkbookPort } from '../workbook/port';
import { patchBlocks, resolveBlock } from '../workbook/cell-patch';
import { rectOfA1 } from '../workbook/a1';
import { type BlockStyle, linesHeight, PRINT_PAGE, rectangular, type SheetModel, wrappedLines } from '../workbook/sheet-model';
import { EAST_ASIAN_DATE_FORMATS, readNumberFormats, readWorkbookPart } from './xlsx-read-parts';
import { CLOSE, END, OPEN, XmlCursor } from './xlsx-read-xml';
import { saveXlsx } from './xlsx-save';

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
    // A local file: listing and reading its sheets costs no service call.
    cheapReads: true,
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
    save: (path) => saveXlsx(workbook, path),
  };
}

function applyXlsxStyle(cell: ExcelJS.Cell, style: BlockStyle): void {
  if (style.bold || style.italic || style.fontSize) cell.font = { ...cell.font, bold: style.bold, italic: style.italic, size: style.fontSize };
  if (style.background) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${style.background.slice(1).toUpperCase()}` } };
  if (style.numberFormat) cell.numFmt = style.numberFormat;
  if (style.wrap) cell.alignment = { ...cell.alignment, wrapText: true, vertical: 'top' };
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
  // A row whose text wraps gets the height of its lines: Excel and LibreOffice keep one line's height otherwise.
  for (const [row, lines] of wrappedLines(model)) if (lines > 1) ws.getRow(row).height = linesHeight(lines);
  if (model.frozenRows) ws.views = [{ state: 'frozen', ySplit: model.frozenRows }];
  // Sheets measures widths in pixels, Excel in characters of about seven pixels.
  model.columnWidths?.forEach((px, i) => {
    ws.getColumn(i + 1).width = Math.max(4, Math.round(px / 7));
  });
  if (model.hidden) ws.state = 'hidden';
  if (model.print) printXlsx(ws, model.print, model.frozenRows ?? 0);
}

/** The last column a page break reaches (XFD), 1-based: Excel writes its breaks across the whole row. */
const LAST_COLUMN = 16384;

/**
 * The sheet's print setup as Excel stores it: A4, one page wide and as many down as needed, the frozen rows at the
 * top of every page, the sheet's name and page / pages in the footer, and a break before each row that opens a page.
 */
function printXlsx(ws: ExcelJS.Worksheet, print: NonNullable<SheetModel['print']>, repeatedRows: number): void {
  ws.pageSetup = {
    paperSize: PRINT_PAGE.paperSize as ExcelJS.PaperSize,
    orientation: print.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { ...PRINT_PAGE.margins },
    ...(repeatedRows > 0 ? { printTitlesRow: `1:${repeatedRows}` } : {}),
  };
  ws.headerFooter = { oddFooter: '&L&A&R&P / &N' };
  // exceljs puts a break below the row it is given: the row above the one that opens the page.
  for (const row of print.breaksBefore) ws.getRow(row - 1).addPageBreak(1, LAST_COLUMN);
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

/** What a person can do about a file that cannot be read, unless its reason says better. */
const CHECK_THE_FILE = '.xlsx 形式のファイルか、パスが正しいかを確かめてください。';

/** A file that is missing or is not an .xlsx workbook: the CLI's exit code 2, the city's 読めない. */
export class UnreadableFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
    advice: string = CHECK_THE_FILE,
  ) {
    super(`「${path}」を読めませんでした（${reason}）。${advice}`);
  }
}

/**
 * The first bytes of an OLE compound file: what Excel 97-2003 (.xls) saves, and what Excel wraps a workbook in when
 * it is saved with a password (its .xlsx is then no zip). Offices still keep ledgers in both.
 */
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b];

function startsWith(path: string, signature: readonly number[]): boolean {
  try {
    const head = Buffer.alloc(signature.length);
    const fd = openSync(path, 'r');
    try {
      readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
    return signature.every((byte, i) => head[i] === byte);
  } catch {
    return false;
  }
}

/** Why `path` could not be opened as a workbook, and what to do, in Japanese. */
export function unreadableFile(path: string, error: unknown): UnreadableFileError {
  if (!existsSync(path)) return new UnreadableFileError(path, 'ファイルがありません');
  const code = (error as { code?: string }).code;
  if (code === 'EACCES') return new UnreadableFileError(path, '読み取りの権限がありません');
  if (code === 'EISDIR') return new UnreadableFileError(path, 'フォルダです');
  if (startsWith(path, COMPOUND_FILE)) {
    return new UnreadableFileError(
      path,
      'Excel 97-2003 形式（.xls）か、パスワードで保護されたブックです',
      'Excel で開き、「名前を付けて保存」で「Excel ブック（*.xlsx）」を選んで、パスワードなしで保存したファイルを指定してください。',
    );
  }
  if (!startsWith(path, ZIP)) return new UnreadableFileError(path, 'Excel のブックではありません（文字だけのファイルや CSV は読めません）');
  const other = otherPackage(path);
  if (other) return new UnreadableFileError(path, other.reason, other.advice);
  return new UnreadableFileError(path, '.xlsx として開けません');
}

/**
 * A zip that is no Excel workbook, by what it holds: an OpenDocument file (LibreOffice's .ods, which a 包括 may keep its
 * ledgers in), a Word or PowerPoint file, or any other zip. Undefined for one with a workbook part (a broken .xlsx).
 */
function otherPackage(path: string): { reason: string; advice?: string } | undefined {
  let names: string[] = [];
  let mimetype = '';
  try {
    const data = readFileSync(path);
    const parts = unzipSync(data, {
      filter: (file) => {
        names.push(file.name);
        return file.name === 'mimetype';
      },
    });
    mimetype = new TextDecoder().decode(parts['mimetype'] ?? new Uint8Array()).trim();
  } catch {
    return undefined;
  }
  if (names.includes('xl/workbook.xml')) return undefined;
  names = names.map((n) => n.replace(/^\//, ''));
  if (mimetype === 'application/vnd.oasis.opendocument.spreadsheet') {
    return {
      reason: 'OpenDocument の表計算ファイル（.ods）で、Excel のブック（.xlsx）ではありません',
      advice: 'LibreOffice Calc で開き、「名前を付けて保存」でファイルの種類に「Excel 2007-365 (.xlsx)」を選んで保存したファイルを指定してください。',
    };
  }
  if (mimetype.startsWith('application/vnd.oasis.opendocument.')) return { reason: 'OpenDocument の文書で、表計算のブックではありません' };
  if (names.some((n) => n.startsWith('word/'))) return { reason: 'Word の文書で、Excel のブックではありません' };
  if (names.some((n) => n.startsWith('ppt/'))) return { reason: 'PowerPoint のファイルで、Excel のブックではありません' };
  return { reason: 'zip ファイルで、Excel のブックではありません（zip の中の .xlsx を取り出して指定してください）' };
}

/** The `<brk>` of a sheet's `<rowBreaks>`: 0-based rows that end a page, and the columns each break spans. */
function rowBreaksOf(xml: string): { id: number; min: number; max: number }[] {
  const breaks: { id: number; min: number; max: number }[] = [];
  const cur = new XmlCursor(xml);
  let inRowBreaks = false;
  for (let kind = cur.next(); kind !== END; kind = cur.next()) {
    if (kind === CLOSE && cur.name === 'rowBreaks') inRowBreaks = false;
    if (kind !== OPEN) continue;
    if (cur.name === 'rowBreaks') inRowBreaks = true;
    else if (cur.name === 'brk' && inRowBreaks) {
      const id = parseInt(cur.attr('id') ?? '', 10);
      if (id > 0) breaks.push({ id, min: parseInt(cur.attr('min') ?? '0', 10) || 0, max: parseInt(cur.attr('max') ?? '', 10) || LAST_COLUMN - 1 });
    }
  }
  return breaks;
}

/**
 * exceljs reads a sheet's print setup but drops its page breaks (its reader looks for an attribute `<brk>` does not
 * have), so a file opened and saved again (the next month's 月報 written into a 提出用ファイル, a city workbook
 * with earlier months) would print its earlier sheets without them: they are read from the file here. Only sheets
 * printed to the page's width are looked at, as every generated sheet is, so that a center's ledger is not read twice,
 * and none whose breaks exceljs did read (should it learn to), so that none is doubled.
 */
function keepPageBreaks(workbook: ExcelJS.Workbook, data: Uint8Array): void {
  // rowBreaks is a field of exceljs' worksheets its types leave out.
  const unbroken = (ws: ExcelJS.Worksheet): boolean => (ws as unknown as { rowBreaks: readonly ExcelJS.RowBreak[] }).rowBreaks.length === 0;
  const fitted = new Set(workbook.worksheets.filter((ws) => ws.pageSetup.fitToPage && unbroken(ws)).map((ws) => ws.name));
  if (fitted.size === 0) return;
  const text = (name: string): string | undefined => {
    const bytes = unzipSync(data, { filter: (file) => file.name.replace(/^\//, '') === name });
    const found = Object.values(bytes)[0];
    return found && new TextDecoder().decode(found);
  };
  const book = readWorkbookPart(text('xl/workbook.xml'), text('xl/_rels/workbook.xml.rels'), () => true);
  for (const sheet of book.sheets) {
    const ws = fitted.has(sheet.name) ? workbook.getWorksheet(sheet.name) : undefined;
    const xml = ws ? text(sheet.part) : undefined;
    for (const brk of xml ? rowBreaksOf(xml) : []) ws?.getRow(brk.id).addPageBreak(brk.min + 1, brk.max + 1);
  }
}

/** The East Asian built-in date formats a styles part names by id and does not define (EAST_ASIAN_DATE_FORMATS). */
function undefinedEastAsianFormats(styles: string): number[] {
  const { codes, styleFormats } = readNumberFormats(styles);
  return [...new Set(styleFormats)].filter((id) => EAST_ASIAN_DATE_FORMATS.has(id) && !codes.has(id)).sort((a, b) => a - b);
}

const xmlAttr = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The styles part with a `<numFmt>` for each id, in its `<numFmts>` (made, first in the part, when it has none). */
function withFormats(styles: string, ids: readonly number[]): string {
  const prefix = /<(\w+:)?styleSheet\b/.exec(styles)?.[1] ?? '';
  const defs = ids.map((id) => `<${prefix}numFmt numFmtId="${id}" formatCode="${xmlAttr(EAST_ASIAN_DATE_FORMATS.get(id) ?? '')}"/>`).join('');
  const close = `</${prefix}numFmts>`;
  if (styles.includes(close)) return styles.replace(close, `${defs}${close}`);
  return styles.replace(/<(\w+:)?styleSheet\b[^>]*>/, (open) => `${open}<${prefix}numFmts count="${ids.length}">${defs}${close}`);
}

/**
 * The file as exceljs reads what the fast reader (xlsx-read.ts) reads, so that `check` and `check -o` find the same:
 * an East Asian built-in date format (a Japanese Excel's 令和8年10月3日) gets its code, since exceljs sees a date
 * only by its code; a 1904 date system written `date1904="true"` (LibreOffice) is written "1", the only spelling
 * exceljs reads. A file that has neither (nearly every one) is given to exceljs as it is; one that has is zipped
 * again unpacked, which exceljs reads as well and at once.
 */
export function excelJsReadable(data: Uint8Array): Uint8Array {
  const parts = unzipSync(data, { filter: (file) => file.name === 'xl/styles.xml' || file.name === 'xl/workbook.xml' });
  const text = (name: string): string | undefined => {
    const bytes = parts[name];
    return bytes && new TextDecoder().decode(bytes);
  };
  const styles = text('xl/styles.xml');
  const workbook = text('xl/workbook.xml');
  // No workbook part: an .ods or another zip, which exceljs would open as a workbook of no sheets (unreadableFile says which).
  if (workbook === undefined) throw new Error('xl/workbook.xml がありません');
  const missing = styles === undefined ? [] : undefinedEastAsianFormats(styles);
  const date1904 = /(<(?:\w+:)?workbookPr\b[^>]*?\bdate1904\s*=\s*)(["'])true\2/;
  const spelledTrue = workbook !== undefined && date1904.test(workbook);
  if (missing.length === 0 && !spelledTrue) return data;
  const files: Record<string, Uint8Array> = unzipSync(data);
  const encode = (xml: string): Uint8Array => new TextEncoder().encode(xml);
  if (styles !== undefined && missing.length > 0) files['xl/styles.xml'] = encode(withFormats(styles, missing));
  if (workbook !== undefined && spelledTrue) files['xl/workbook.xml'] = encode(workbook.replace(date1904, '$1"1"'));
  return zipSync(files, { level: 0 });
}

/** Opens an .xlsx file; its name without extension is the default センター名. */
export async function openXlsx(path: string, today?: string): Promise<XlsxWorkbook> {
  const workbook = new (loadExcelJS().Workbook)();
  try {
    const data = await readFile(path);
    // exceljs types its buffer as an ArrayBuffer; it reads a Node Buffer (what readFile gave it before).
    const readable = excelJsReadable(data);
    // A view, not a copy, of the bytes exceljs reads.
    const buffer = Buffer.from(readable.buffer, readable.byteOffset, readable.byteLength);
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    keepPageBreaks(workbook, data);
  } catch (error) {
    throw unreadableFile(path, error);
  }
  return xlsxPort(workbook, basename(path, extname(path)), today);
}
