/**
 * The cells of one sheet: one Layer per property, the merged blocks, and the sheet's size. Reads and
 * writes here are the uncounted internals behind Range; they validate like Sheets before changing
 * anything, so a write that throws leaves the sheet as it was.
 */
import { FORMULA_STAND_IN, Layer, MAX_CELL_CHARS, type CellValue, type Rect, contains, displayText, intersects, parseWritten } from './cells';

/** Where a cell's horizontal alignment was set; Sheets reads an unset one as 'general'. */
export type HorizontalAlignment = 'left' | 'center' | 'normal' | 'right';

/** The sheet's view of its surroundings: its spreadsheet's time zone and the cell budget. */
export interface GridHost {
  timeZone(): string;
  /** Throws when growing by this many cells would pass the spreadsheet's limit. */
  reserveCells(added: number): void;
  error(message: string): Error;
  /** Throws, changing nothing, when the running user may not change rect (a protected range or sheet). */
  guard(rect: Rect): void;
}

/** One array result (ARRAYFORMULA, QUERY…): its formula's cell and the cells it fills share this mark. */
export interface ArrayResult {
  readonly formula: string;
}

/** What an array's formula cell reads once something else holds a cell its result needs. */
export const BROKEN_ARRAY = '#REF!';

export class Grid<V> {
  readonly values = new Layer<CellValue>();
  readonly formulas = new Layer<string>();
  readonly notes = new Layer<string>();
  readonly backgrounds = new Layer<string>();
  readonly numberFormats = new Layer<string>();
  readonly fontWeights = new Layer<'bold'>();
  readonly fontSizes = new Layer<number>();
  readonly fontStyles = new Layer<'italic'>();
  readonly alignments = new Layer<HorizontalAlignment>();
  readonly wraps = new Layer<boolean>();
  readonly validations = new Layer<V>();
  /** The formula cell of each array result. */
  readonly arrays = new Layer<ArrayResult>();
  /** Cells filled by another cell's array result: a value, no formula, no content of their own. */
  readonly spills = new Layer<ArrayResult>();
  merges: Rect[] = [];

  constructor(
    private readonly host: GridHost,
    public maxRows: number,
    public maxColumns: number,
  ) {}

  /** The last row with content (a value or formula), 0 for an empty sheet; formats do not count. */
  lastRow(): number {
    return this.values.extentRows();
  }

  lastColumn(): number {
    return this.values.extentColumns();
  }

  /** Grows the sheet to hold rect, as a write past the last row or column does in Sheets. */
  ensure(rect: Rect): void {
    const rows = Math.max(this.maxRows, rect.row + rect.numRows - 1);
    const columns = Math.max(this.maxColumns, rect.column + rect.numColumns - 1);
    if (rows === this.maxRows && columns === this.maxColumns) return;
    this.host.reserveCells(rows * columns - this.maxRows * this.maxColumns);
    this.maxRows = rows;
    this.maxColumns = columns;
  }

  /** Throws unless data is a 2-D array of exactly rect's size (Sheets' own messages). */
  checkShape(data: unknown, rect: Rect, what: string): void {
    if (!Array.isArray(data) || !data.every((row) => Array.isArray(row))) {
      throw this.host.error(`The parameters (${Array.isArray(data) ? 'Object[]' : typeof data}) don't match the method signature for ${what}.`);
    }
    if (data.length !== rect.numRows) {
      throw this.host.error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${rect.numRows}.`,
      );
    }
    for (const row of data as unknown[][]) {
      if (row.length !== rect.numColumns) {
        throw this.host.error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${rect.numColumns}.`,
        );
      }
    }
  }

  /** Cells of rect, each read by `cell(row0, column0)`, 0-based. */
  read<T>(rect: Rect, cell: (row: number, column: number) => T): T[][] {
    const out: T[][] = new Array<T[]>(rect.numRows);
    for (let i = 0; i < rect.numRows; i++) {
      const row: T[] = new Array<T>(rect.numColumns);
      for (let j = 0; j < rect.numColumns; j++) row[j] = cell(rect.row - 1 + i, rect.column - 1 + j);
      out[i] = row;
    }
    return out;
  }

  /** One layer of rect with a default for unset cells; a fast path over the stored rows. */
  readLayer<T, D>(layer: Layer<T>, rect: Rect, fallback: D): (T | D)[][] {
    const out: (T | D)[][] = new Array<(T | D)[]>(rect.numRows);
    const c0 = rect.column - 1;
    for (let i = 0; i < rect.numRows; i++) {
      const stored = layer.row(rect.row - 1 + i);
      const row: (T | D)[] = new Array<T | D>(rect.numColumns);
      for (let j = 0; j < rect.numColumns; j++) row[j] = stored?.[c0 + j] ?? fallback;
      out[i] = row;
    }
    return out;
  }

  /** getValues: every read of a check goes through here, so it walks the stored rows as readLayer does. */
  readValues(rect: Rect, copyDate: (date: Date) => Date): (CellValue | '')[][] {
    const out: (CellValue | '')[][] = new Array<(CellValue | '')[]>(rect.numRows);
    const c0 = rect.column - 1;
    for (let i = 0; i < rect.numRows; i++) {
      const stored = this.values.row(rect.row - 1 + i);
      const row: (CellValue | '')[] = new Array<CellValue | ''>(rect.numColumns);
      for (let j = 0; j < rect.numColumns; j++) {
        const value = stored?.[c0 + j];
        row[j] = value === undefined ? '' : value instanceof Date ? copyDate(value) : value;
      }
      out[i] = row;
    }
    return out;
  }

  readDisplay(rect: Rect): string[][] {
    const zone = this.host.timeZone();
    return this.read(rect, (r, c) => displayText(this.values.get(r, c), this.numberFormats.get(r, c), zone));
  }

  /**
   * Writes rect with Sheets' parsing of typed input (formulas, numbers, dates, the apostrophe, the '@'
   * format). `asFormula` marks setFormula(s), which store '=…' even in a plain-text cell. All cells are
   * checked before the first is written.
   */
  writeInput(rect: Rect, at: (i: number, j: number) => unknown, asFormula = false): void {
    for (let i = 0; i < rect.numRows; i++) {
      for (let j = 0; j < rect.numColumns; j++) {
        const input = at(i, j);
        if (typeof input === 'string' && input.length > MAX_CELL_CHARS) {
          throw this.host.error(`Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
        }
      }
    }
    this.host.guard(rect);
    this.ensure(rect);
    const zone = this.host.timeZone();
    const covered = this.coveredIn(rect);
    for (let i = 0; i < rect.numRows; i++) {
      const r = rect.row - 1 + i;
      for (let j = 0; j < rect.numColumns; j++) {
        const c = rect.column - 1 + j;
        // Only the top-left cell of a merged block holds a value; Sheets drops writes to the others.
        if (covered && covered(r, c)) continue;
        const input = at(i, j);
        const plainText = this.numberFormats.get(r, c) === '@';
        const formulaInPlainText = asFormula && typeof input === 'string' && input.startsWith('=');
        const written = parseWritten(input, plainText && !formulaInPlainText, zone);
        if (!this.landsOnArray(r, c, written.value !== undefined)) continue;
        this.values.set(r, c, written.value);
        this.formulas.set(r, c, written.formula);
      }
    }
  }

  /**
   * What a write does to an array result, before it lands: writing over the formula's cell ends the array (its
   * cells empty); content in a cell the array fills breaks it, as Sheets does ("Array result was not expanded
   * because it would overwrite data"): the formula's cell reads #REF! and the other cells empty. Nothing written
   * into a filled cell leaves the array as it is. False when the write leaves the cell as it is.
   */
  private landsOnArray(r: number, c: number, content: boolean): boolean {
    const own = this.arrays.get(r, c);
    if (own) this.removeArray(own, false);
    const filled = this.spills.get(r, c);
    if (!filled) return true;
    if (!content) return false;
    this.removeArray(filled, true);
    return true;
  }

  /** Empties the cells an array fills; a broken one keeps its formula and reads #REF!. The fake does not evaluate again. */
  private removeArray(array: ArrayResult, broken: boolean): void {
    this.spills.forEach((mark, r, c) => {
      if (mark !== array) return;
      this.spills.set(r, c, undefined);
      this.values.set(r, c, undefined);
    });
    this.arrays.forEach((mark, r, c) => {
      if (mark !== array) return;
      this.arrays.set(r, c, undefined);
      if (broken) this.values.set(r, c, BROKEN_ARRAY);
    });
  }

  /**
   * Fixtures: an array formula at (row, column), 1-based, whose result is `result` (its first cell the formula's
   * own value). The other cells hold the result's values with no formula, as Sheets reports them.
   */
  spill(row: number, column: number, formula: string, result: readonly (readonly CellValue[])[]): void {
    const width = result.reduce((max, r) => Math.max(max, r.length), 0);
    this.ensure({ row, column, numRows: result.length, numColumns: width });
    const array: ArrayResult = { formula };
    result.forEach((cells, i) =>
      cells.forEach((value, j) => {
        const r = row - 1 + i;
        const c = column - 1 + j;
        this.values.set(r, c, value === '' ? undefined : value);
        this.formulas.set(r, c, i === 0 && j === 0 ? formula : undefined);
        (i === 0 && j === 0 ? this.arrays : this.spills).set(r, c, array);
      }),
    );
  }

  /** Stores values exactly as given (strings stay strings; '=…' is a formula): fixtures, not user input. */
  load(row: number, column: number, rows: readonly (readonly unknown[])[]): void {
    const width = rows.reduce((max, r) => Math.max(max, r.length), 0);
    if (rows.length === 0 || width === 0) return;
    this.ensure({ row, column, numRows: rows.length, numColumns: width });
    rows.forEach((cells, i) =>
      cells.forEach((input, j) => {
        const r = row - 1 + i;
        const c = column - 1 + j;
        if (typeof input === 'string' && input.startsWith('=') && input.length > 1) {
          this.values.set(r, c, FORMULA_STAND_IN);
          this.formulas.set(r, c, input);
        } else {
          this.values.set(r, c, parseWritten(input, true, '').value);
          this.formulas.set(r, c, undefined);
        }
      }),
    );
  }

  /** Sets one layer over rect; undefined resets a cell to the default. */
  fill<T>(layer: Layer<T>, rect: Rect, at: (i: number, j: number) => T | undefined): void {
    this.host.guard(rect);
    this.ensure(rect);
    for (let i = 0; i < rect.numRows; i++) {
      for (let j = 0; j < rect.numColumns; j++) layer.set(rect.row - 1 + i, rect.column - 1 + j, at(i, j));
    }
  }

  /** Clears what cells hold; a cell an array fills holds nothing of its own and keeps showing the result. */
  clearContent(rect: Rect): void {
    this.host.guard(rect);
    for (let r = rect.row - 1; r < rect.row - 1 + rect.numRows; r++) {
      for (let c = rect.column - 1; c < rect.column - 1 + rect.numColumns; c++) {
        if (this.spills.get(r, c)) continue;
        this.landsOnArray(r, c, false);
        this.values.set(r, c, undefined);
        this.formulas.set(r, c, undefined);
      }
    }
  }

  clearFormat(rect: Rect): void {
    this.clearLayers(rect, [this.backgrounds, this.numberFormats, this.fontWeights, this.fontSizes, this.fontStyles, this.alignments, this.wraps]);
  }

  clearLayers(rect: Rect, layers: readonly Layer<unknown>[]): void {
    this.host.guard(rect);
    for (const layer of layers) layer.clear(rect.row - 1, rect.column - 1, rect.numRows, rect.numColumns);
  }

  /** The merged blocks that share a cell with rect (Range.getMergedRanges). */
  mergesIn(rect: Rect): Rect[] {
    return this.merges.filter((m) => intersects(m, rect));
  }

  /** Merges rect: blocks inside it are replaced, blocks straddling its edge are refused, as in Sheets. */
  merge(rect: Rect): void {
    this.host.guard(rect);
    this.refuseStraddling(rect);
    this.merges = this.merges.filter((m) => !contains(rect, m));
    if (rect.numRows === 1 && rect.numColumns === 1) return;
    this.merges.push(rect);
    // Merging keeps the top-left value only.
    for (let i = 0; i < rect.numRows; i++) {
      for (let j = 0; j < rect.numColumns; j++) {
        if (i === 0 && j === 0) continue;
        this.values.set(rect.row - 1 + i, rect.column - 1 + j, undefined);
        this.formulas.set(rect.row - 1 + i, rect.column - 1 + j, undefined);
      }
    }
  }

  breakApart(rect: Rect): void {
    this.host.guard(rect);
    this.refuseStraddling(rect);
    this.merges = this.merges.filter((m) => !contains(rect, m));
  }

  private refuseStraddling(rect: Rect): void {
    if (this.merges.some((m) => intersects(m, rect) && !contains(rect, m))) {
      throw this.host.error('You must select all cells in a merged range to merge or unmerge them.');
    }
  }

  /** A test for "covered by a merge but not its top-left cell", or undefined when rect meets no merge. */
  private coveredIn(rect: Rect): ((row: number, column: number) => boolean) | undefined {
    const merges = this.mergesIn(rect);
    if (merges.length === 0) return undefined;
    return (r, c) =>
      merges.some(
        (m) => r >= m.row - 1 && r < m.row - 1 + m.numRows && c >= m.column - 1 && c < m.column - 1 + m.numColumns && !(r === m.row - 1 && c === m.column - 1),
      );
  }

  private layers(): Layer<unknown>[] {
    return [
      this.values,
      this.formulas,
      this.notes,
      this.backgrounds,
      this.numberFormats,
      this.fontWeights,
      this.fontSizes,
      this.fontStyles,
      this.alignments,
      this.wraps,
      this.validations,
      this.arrays,
      this.spills,
    ];
  }

  /** Inserts empty rows before 1-based `row`; merges below move down, merges across it grow. */
  insertRows(row: number, count: number): void {
    this.host.reserveCells(count * this.maxColumns);
    for (const layer of this.layers()) layer.insertRows(row - 1, count);
    this.maxRows += count;
    this.merges = this.merges.map((m) => {
      if (m.row >= row) return { ...m, row: m.row + count };
      if (m.row + m.numRows > row) return { ...m, numRows: m.numRows + count };
      return m;
    });
  }

  deleteRows(row: number, count: number): void {
    for (const layer of this.layers()) layer.deleteRows(row - 1, count);
    this.maxRows -= count;
    const end = row + count;
    this.merges = this.merges.flatMap((m) => {
      const mEnd = m.row + m.numRows;
      if (mEnd <= row) return [m];
      if (m.row >= end) return [{ ...m, row: m.row - count }];
      const top = Math.min(m.row, row);
      const kept = m.numRows - (Math.min(mEnd, end) - Math.max(m.row, row));
      return kept >= 1 && !(kept === 1 && m.numColumns === 1) ? [{ ...m, row: top, numRows: kept }] : [];
    });
  }

  /** Inserts empty columns before 1-based `column`; merges to the right move, merges across it grow. */
  insertColumns(column: number, count: number): void {
    this.host.reserveCells(count * this.maxRows);
    for (const layer of this.layers()) layer.insertColumns(column - 1, count);
    this.maxColumns += count;
    this.merges = this.merges.map((m) => {
      if (m.column >= column) return { ...m, column: m.column + count };
      if (m.column + m.numColumns > column) return { ...m, numColumns: m.numColumns + count };
      return m;
    });
  }

  /** Deletes columns; a merge touching them is dropped (enough for the fake: generated sheets have none there). */
  deleteColumns(column: number, count: number): void {
    for (const layer of this.layers()) layer.deleteColumns(column - 1, count);
    this.maxColumns -= count;
    const end = column + count;
    this.merges = this.merges.flatMap((m) => {
      if (m.column + m.numColumns <= column) return [m];
      if (m.column >= end) return [{ ...m, column: m.column - count }];
      return [];
    });
  }

  clearEverything(): void {
    for (const layer of this.layers()) layer.clearAll();
    this.merges = [];
  }

  /** A deep copy, for insertSheet({ template }). */
  copyInto(target: Grid<V>): void {
    const source = this.layers();
    const dest = target.layers();
    source.forEach((layer, k) => dest[k]?.copyFrom(layer));
    target.merges = this.merges.map((m) => ({ ...m }));
    target.maxRows = this.maxRows;
    target.maxColumns = this.maxColumns;
  }
}
