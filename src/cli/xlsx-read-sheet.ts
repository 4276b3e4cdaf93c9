import type * as ExcelJS from 'exceljs';
import { a1, type CellValue } from '../domain/values/cell';
import type { CellRect, RawRow, RawSheet } from '../domain/sheets/table';
import { rectOfA1 } from '../workbook/a1';
import { readXlsxCell, xlsxCellValue } from './xlsx-port';
import { readRun, type SharedString } from './xlsx-read-parts';
import { CLOSE, END, OPEN, TEXT, XmlCursor, XmlError } from './xlsx-read-xml';

/**
 * One worksheet's XML as the RawSheet the exceljs path gives (xlsxPort's readSheet): each cell becomes the
 * value exceljs would have made of it (an ExcelJS.CellValue) and then the domain's value through the same
 * readXlsxCell, so the two paths cannot drift apart in what a value means. What exceljs decides while it
 * loads a workbook is done here the same way, in one pass over the sheet:
 * - which cells exist (a value, a formula, a style of its own, a link) and so how wide the sheet is;
 * - a formula's cached value, kept only when it is truthy (exceljs drops a 0, FALSE or '' result);
 * - a follower of a shared formula gives its master's address as its formula (`=A2`), as exceljs does;
 * - a number is a date when its style's format is one (xlsx-read-parts.ts), in the 1900 or 1904 system;
 * - a cell with a link is its text (String of the value);
 * - merged cells: every cell of a range but the top-left is empty, and the range's rows exist.
 * Where exceljs cannot read a file at all (a row or first cell without its `r` attribute), this reader
 * numbers them as Excel does: the row after the previous one, the column after the previous cell.
 */

export interface SheetContext {
  /** undefined when the file has no shared strings part: exceljs then gives a `t="s"` cell's index itself. */
  readonly sharedStrings: readonly SharedString[] | undefined;
  /** By cell style (`s`): whether its number format is a date. */
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
}

/** exceljs' utils.excelToDate, the same arithmetic on whatever the cell held (a string result counts as its number). */
function excelToDate(v: unknown, date1904: boolean): Date {
  return new Date(Math.round((Number(v) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** exceljs' utils.xmlDecode, which it applies once more to a `t="str"` value the XML parser had decoded already. */
function xmlDecodeAgain(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&amp;':
        return '&';
      case '&apos;':
        return "'";
      case '&quot;':
        return '"';
      default:
        return c;
    }
  });
}

/** The column of an address in `xml` from `from` to `to` (`AB12` → 28, `$C$3` → 3); 0 when it names none. */
function columnOf(xml: string, from: number, to: number): number {
  let column = 0;
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c >= 65 && c <= 90) column = column * 26 + c - 64;
    else if (c >= 97 && c <= 122) column = column * 26 + c - 96;
    else if (c !== 36 /* $ */) break;
  }
  return column;
}

interface RowBuilder {
  readonly number: number;
  readonly values: CellValue[];
  formulas: string[] | undefined;
  /** The last column exceljs holds a cell object in (values, formulas, styled empty cells, merged cells). */
  cellCount: number;
  /** Whether a cell other than a styled empty one is in the row: only such rows make the sheet wider. */
  hasValues: boolean;
}

function newRow(number: number): RowBuilder {
  return { number, values: [], formulas: undefined, cellCount: 0, hasValues: false };
}

function put(row: RowBuilder, column: number, value: CellValue, formula: string): void {
  const { values } = row;
  while (values.length < column - 1) values.push(null);
  values[column - 1] = value;
  if (formula !== '' || (row.formulas && row.formulas.length >= column)) {
    const formulas = (row.formulas ??= []);
    while (formulas.length < column - 1) formulas.push('');
    formulas[column - 1] = formula;
  }
}

/** What one `<c>` held, as exceljs' CellXform collects it. */
class CellReader {
  /** Where the cell's `r` lies in the XML (-1: none), taken out only when needed (a link, a shared formula). */
  addressFrom = -1;
  addressTo = 0;
  column = 0;
  type: string | undefined = undefined;
  style = 0;
  /** The text of `<v>` (and of `<t>` in an inline string). */
  value: string | undefined = undefined;
  /** A shared string's index read straight from the XML (NaN: read it from `value`). */
  index = NaN;
  runs: ExcelJS.RichText[] | undefined = undefined;
  formula: string | undefined = undefined;
  shareType: string | undefined = undefined;
  ref: string | undefined = undefined;
  si: string | undefined = undefined;

  reset(cur: XmlCursor): void {
    this.addressFrom = cur.attrOffset('r');
    this.addressTo = cur.valueEnd;
    this.column = this.addressFrom < 0 ? 0 : columnOf(cur.xml, this.addressFrom, this.addressTo);
    this.type = cur.attrWord('t');
    this.style = cur.attrInt('s');
    this.value = undefined;
    this.index = NaN;
    this.runs = undefined;
    this.formula = undefined;
    this.shareType = undefined;
    this.ref = undefined;
    this.si = undefined;
  }

  address(cur: XmlCursor): string | undefined {
    return this.addressFrom < 0 ? undefined : cur.valueAt(this.addressFrom, this.addressTo);
  }

  /** After the OPEN of `<c>`: its content up to `</c>`. */
  read(cur: XmlCursor): void {
    if (cur.simpleElement('v')) {
      // <v>…</v> and nothing else, as nearly every cell: no need to go tag by tag.
      const empty = cur.spanFrom === cur.spanTo;
      if (this.type === 's' && !empty && cur.closes('c')) {
        this.index = cur.spanInt();
        this.value = '';
        return;
      }
      if (!empty) this.value = cur.spanText();
      if (cur.closes('c')) return;
    }
    // 1: text goes to the value, 2: to the formula.
    let into = 0;
    for (let kind = cur.next(); kind !== END; kind = cur.next()) {
      if (kind === TEXT) {
        if (into === 1) this.value = this.value === undefined ? cur.text : this.value + cur.text;
        else if (into === 2) this.formula = this.formula === undefined ? cur.text : this.formula + cur.text;
      } else if (kind === OPEN) {
        switch (cur.name) {
          case 'v':
          case 't':
            into = 1;
            break;
          case 'f':
            into = 2;
            this.shareType = cur.attr('t');
            this.ref = cur.attr('ref');
            this.si = cur.attr('si');
            break;
          case 'r':
            (this.runs ??= []).push(readRun(cur));
            break;
          case 'is':
            break;
          default:
            // <rPh> (furigana, not part of the text), <extLst>
            cur.skipElement();
        }
      } else if (kind === CLOSE) {
        if (cur.name === 'c') return;
        into = 0;
      }
    }
  }
}

interface SheetRead {
  readonly rows: RowBuilder[];
  readonly merges: CellRect[];
  /** Cells with an external link, by their `r` as written. */
  readonly links: Set<string>;
}

/** plainValue's answer for a date, converted once per serial number (dateOf). */
const DATE = Symbol('date');

/** One pass over a sheet's XML: its rows, merged ranges and links. */
class SheetReader {
  private readonly cell = new CellReader();
  /** Shared formulas: `si` → the address of the cell that defines it. */
  private readonly masters = new Map<string, string>();
  /** A month of rows shares some thirty dates: each serial number is turned into a SheetDate once. */
  private readonly dates = new Map<number, CellValue>();

  constructor(
    private readonly cur: XmlCursor,
    private readonly ctx: SheetContext,
    /** Cells with a link, known only after `<sheetData>`: a sheet with links is read a second time. */
    private readonly links: ReadonlySet<string>,
  ) {}

  read(): SheetRead {
    const { cur } = this;
    const rows = new Map<number, RowBuilder>();
    const merges: CellRect[] = [];
    const links = new Set<string>();
    let row: RowBuilder | undefined;
    let previousColumn = 0;
    let inSheetData = false;
    for (let kind = cur.next(); kind !== END; kind = cur.next()) {
      if (kind === CLOSE && cur.name === 'sheetData') inSheetData = false;
      if (kind !== OPEN) continue;
      switch (cur.name) {
        case 'sheetData':
          inSheetData = true;
          break;
        case 'row': {
          if (!inSheetData) break;
          const r = cur.attrInt('r');
          const number = r > 0 ? r : (row?.number ?? 0) + 1;
          previousColumn = 0;
          // A row given twice: exceljs keeps the later one.
          rows.set(number, (row = newRow(number)));
          break;
        }
        case 'c':
          if (!row || !inSheetData) break;
          this.cell.reset(cur);
          this.cell.read(cur);
          previousColumn = this.cell.column || previousColumn + 1;
          this.place(row, previousColumn);
          break;
        case 'mergeCell': {
          const rect = rectOfA1(cur.attr('ref') ?? '');
          if (rect) merges.push(rect);
          break;
        }
        case 'hyperlink': {
          const ref = cur.attr('ref');
          // Only links to a target outside the workbook: exceljs ignores those to a place in it.
          if (ref !== undefined && cur.attr('r:id')) links.add(ref);
          break;
        }
      }
    }
    return { rows: [...rows.values()], merges, links };
  }

  /** The cell just read, into its row as exceljs holds it: a value (and formula), an empty cell, or nothing. */
  private place(row: RowBuilder, column: number): void {
    const { cell, cur } = this;
    const link = this.links.size > 0 && this.links.has(cell.address(cur) ?? '');
    const isFormula = Boolean(cell.formula || cell.shareType);
    let raw: ExcelJS.CellValue | undefined;
    let value: CellValue = null;
    if (isFormula) raw = this.formulaValue(row.number, column, link);
    else if (cell.runs || cell.value !== undefined) {
      const plain = this.plainValue(link);
      if (link) raw = { text: plain, hyperlink: '' } as ExcelJS.CellValue;
      else if (plain === DATE) value = this.dateOf(parseFloat(cell.value ?? ''));
      else raw = plain as ExcelJS.CellValue;
    } else if (link) raw = { text: undefined, hyperlink: '' } as unknown as ExcelJS.CellValue;
    else {
      // A cell with a style of its own but no value exists (the row is that wide) and holds nothing, even over
      // an earlier cell of the same column; one without a style is not kept at all.
      if (!cell.style) return;
      row.cellCount = Math.max(row.cellCount, column);
      if (column <= row.values.length) put(row, column, null, '');
      return;
    }
    let formula = '';
    if (raw !== undefined) {
      if (isFormula) ({ value, formula } = readXlsxCell(raw));
      else value = xlsxCellValue(raw);
    }
    row.cellCount = Math.max(row.cellCount, column);
    row.hasValues = true;
    put(row, column, value, formula);
  }

  private isDate(): boolean {
    return this.cell.style ? this.ctx.dateStyles[this.cell.style] === true : false;
  }

  /** A formula cell as exceljs' FormulaValue gives it (or, with a link, its cached value as the link's text). */
  private formulaValue(rowNumber: number, column: number, link: boolean): ExcelJS.CellValue {
    const { cell } = this;
    let result: unknown;
    if (cell.value) {
      if (cell.type === 'str') result = xmlDecodeAgain(cell.value);
      else if (cell.type === 'b') result = parseInt(cell.value, 10) !== 0;
      else if (cell.type === 'e') result = { error: cell.value };
      else result = parseFloat(cell.value);
    }
    if (result !== undefined && this.isDate()) result = excelToDate(result, this.ctx.date1904);
    let { shareType } = cell;
    let sharedFormula: string | undefined;
    if (shareType === 'shared') {
      if (cell.ref) this.masters.set(cell.si ?? '', cell.address(this.cur) ?? a1(rowNumber, column));
      else {
        sharedFormula = this.masters.get(cell.si ?? '');
        shareType = undefined;
      }
    }
    if (link) return { text: result, hyperlink: '' } as ExcelJS.CellValue;
    // exceljs' FormulaValue hands out only the fields that are truthy: a 0, FALSE or '' result is none.
    const f: Record<string, unknown> = {};
    if (cell.formula) f.formula = cell.formula;
    if (result) f.result = result;
    if (cell.ref) f.ref = cell.ref;
    if (shareType) f.shareType = shareType;
    if (sharedFormula) f.sharedFormula = sharedFormula;
    return f as unknown as ExcelJS.CellValue;
  }

  /** A cell with a value and no formula, by its type `t`; DATE for a number shown as a date (and no link). */
  private plainValue(link: boolean): unknown {
    const { cell } = this;
    const text = cell.value ?? '';
    if (cell.runs) return { richText: cell.runs };
    switch (cell.type) {
      case 's': {
        const index = Number.isNaN(cell.index) ? parseInt(text, 10) : cell.index;
        const strings = this.ctx.sharedStrings;
        const shared = strings ? strings[index] : index;
        if (shared === undefined) throw new XmlError(`no shared string ${index}`);
        return shared;
      }
      case 'str':
        return xmlDecodeAgain(text);
      case 'inlineStr':
        return text;
      case 'b':
        return parseInt(text, 10) !== 0;
      case 'e':
        return { error: text };
    }
    if (!this.isDate()) return parseFloat(text);
    return link ? excelToDate(parseFloat(text), this.ctx.date1904) : DATE;
  }

  private dateOf(serial: number): CellValue {
    let value = this.dates.get(serial);
    if (value === undefined) this.dates.set(serial, (value = xlsxCellValue(excelToDate(serial, this.ctx.date1904))));
    return value;
  }
}

/** exceljs merges a range when it loads the sheet: the other cells of the range exist, empty. */
function applyMerges(rows: RowBuilder[], merges: readonly CellRect[]): RowBuilder[] {
  if (merges.length === 0) return rows;
  const byNumber = new Map(rows.map((r) => [r.number, r]));
  for (const m of merges) {
    const right = m.column + m.numColumns - 1;
    for (let r = m.row; r < m.row + m.numRows; r++) {
      let row = byNumber.get(r);
      if (!row) byNumber.set(r, (row = newRow(r)));
      const first = r === m.row ? m.column + 1 : m.column;
      row.cellCount = Math.max(row.cellCount, r === m.row && m.numColumns === 1 ? m.column : right);
      if (first > right) continue;
      row.hasValues = true;
      for (let c = first; c <= Math.min(right, row.values.length); c++) row.values[c - 1] = null;
      if (row.formulas) for (let c = first; c <= Math.min(right, row.formulas.length); c++) row.formulas[c - 1] = '';
    }
  }
  return [...byNumber.values()];
}

/** The sheet as the domain reads it: every row the sheet holds, each as wide as the widest row with a value. */
export function readSheetXml(name: string, xml: string, ctx: SheetContext): RawSheet {
  let read = new SheetReader(new XmlCursor(xml), ctx, new Set()).read();
  if (read.links.size > 0) read = new SheetReader(new XmlCursor(xml), ctx, read.links).read();
  const rows = applyMerges(read.rows, read.merges);
  for (let i = 1; i < rows.length; i++) {
    if ((rows[i] as RowBuilder).number < (rows[i - 1] as RowBuilder).number) {
      rows.sort((a, b) => a.number - b.number);
      break;
    }
  }
  let width = 0;
  for (const row of rows) if (row.hasValues && row.cellCount > width) width = row.cellCount;
  const noFormulas: readonly string[] = new Array<string>(width).fill('');
  const raw: RawRow[] = rows.map((row) => {
    const { values } = row;
    while (values.length < width) values.push(null);
    const formulas = row.formulas;
    if (formulas) while (formulas.length < width) formulas.push('');
    return { rowNumber: row.number, values, formulas: formulas ?? noFormulas };
  });
  return { name, rows: raw, merges: read.merges };
}
