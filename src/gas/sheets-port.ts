import { a1 } from '../domain/values/cell';
import type { CellRect, RawRow, RawSheet } from '../domain/sheets/table';
import { JAPAN_TIME_ZONE, todayIn, toCellValues } from '../workbook/cell-values';
import { rectOfA1 } from '../workbook/a1';
import { boundsOf, patchBlocks, resolveBlock, spillZone } from '../workbook/cell-patch';
import { type StyleChanges, styleChanges } from '../workbook/marks';
import { asSheetsValue, distinct, rectsOf, replaceSheet, sheetsInput, writeValues } from './replace-sheet';
import { type CellStyles, partialReadBlocks, type WorkbookPort } from '../workbook/port';
import { rectangular } from '../workbook/sheet-model';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** How many rows a work sheet grows by when writeOwnRows reaches its end. */
const OWN_ROWS_PAGE = 100;

/** A read from Sheets made when its result is first used, then kept: what a job never looks at costs no call. */
function onDemand<T>(read: () => T): () => T {
  let held: { readonly value: T } | undefined;
  return () => (held ??= { value: read() }).value;
}

/** The rows of a block whose values were read; given `formulas`, with the formulas behind them, read when first used. */
function rowsOf(raw: unknown[][], first: number, zone: string, formulas?: () => string[][]): RawRow[] {
  const values = toCellValues(raw, zone);
  if (!formulas) return values.map((v, i) => ({ rowNumber: first + i, values: v }));
  return values.map((v, i) => ({
    rowNumber: first + i,
    values: v,
    get formulas(): string[] | undefined {
      return formulas()[i];
    },
  }));
}

function mergesOf(range: Range): CellRect[] {
  return range
    .getMergedRanges()
    .map((m) => rectOfA1(m.getA1Notation()))
    .filter((r): r is CellRect => r !== undefined);
}

/**
 * A block read as a RawSheet: its values now; its formulas and merged areas when a reader first asks for them (one
 * call each for the whole block), so that a sheet read only for its values (設定) costs two calls fewer. `later`
 * keeps those two reads, for the port to make them before it changes the sheet. `above` are rows read before the
 * block, for their values only (the header zone of a partial read).
 */
function rawSheet(
  name: string,
  range: Range,
  block: { readonly first: number; readonly values: unknown[][] },
  zone: string,
  later: (() => unknown)[],
  above: RawRow[] = [],
): RawSheet {
  const formulas = onDemand(() => range.getFormulas());
  const merges = onDemand(() => mergesOf(range));
  later.push(formulas, merges);
  return {
    name,
    rows: [...above, ...rowsOf(block.values, block.first, zone, formulas)],
    get merges(): CellRect[] {
      return merges();
    },
  };
}

interface GridSize {
  readonly rows: number;
  readonly columns: number;
}

/**
 * Grows a sheet of `size` so that row `lastRow` and column `width` exist (a range past the grid does not exist in
 * Sheets: writing there throws), by at least `page` rows when it grows; returns the new size.
 */
function growTo(s: Sheet, size: GridSize, lastRow: number, width: number, page = 0): GridSize {
  let { rows, columns } = size;
  if (lastRow > rows) {
    const more = Math.max(lastRow - rows, page);
    s.insertRowsAfter(rows, more);
    rows += more;
  }
  if (width > columns) {
    s.insertColumnsAfter(columns, width - columns);
    columns = width;
  }
  return { rows, columns };
}

type Locked = (row: number, column: number) => boolean;
const NOTHING_LOCKED: Locked = () => false;

/**
 * The cells the running user may not change: those of protections that are not warning-only and do not list
 * them as an editor (a sheet protection leaves its unprotected ranges open). Read only after Sheets refused a
 * write, so that a sheet without such protections costs no call.
 */
function lockedCells(s: Sheet): Locked | undefined {
  const types = SpreadsheetApp.ProtectionType;
  const rectsOfRanges = (ranges: readonly Range[]): CellRect[] => ranges.map((r) => rectOfA1(r.getA1Notation())).filter((r): r is CellRect => r !== undefined);
  const inside = (rects: readonly CellRect[], row: number, column: number): boolean =>
    rects.some((r) => row >= r.row && row < r.row + r.numRows && column >= r.column && column < r.column + r.numColumns);
  const ranges = rectsOfRanges(s.getProtections(types.RANGE).flatMap((p) => (p.canEdit() ? [] : [p.getRange()])));
  const sheetLock = s.getProtections(types.SHEET).find((p) => !p.canEdit());
  if (ranges.length === 0 && !sheetLock) return undefined;
  const open = sheetLock ? rectsOfRanges(sheetLock.getUnprotectedRanges()) : [];
  return (row, column) => inside(ranges, row, column) || (sheetLock !== undefined && !inside(open, row, column));
}

/**
 * Does `write` with every cell; when Sheets refuses it and protections lock some cells for this user, does it
 * again without those cells (a check or a patch must not fail because of a range someone else protected).
 * Any other failure is thrown as it came. Each write is whole or nothing, so repeating the ones that went
 * through writes the same again.
 */
function aroundProtections<T>(s: Sheet, write: (locked: Locked) => T): T {
  try {
    return write(NOTHING_LOCKED);
  } catch (error) {
    const locked = lockedCells(s);
    if (!locked) throw error;
    return write(locked);
  }
}

/** One cell to write, with the input the text rule gives it (sheetsInput). */
interface CellWrite {
  readonly row: number;
  readonly column: number;
  readonly input: string | number | boolean;
}

/**
 * Writes exactly the given cells and no other: a run of consecutive rows in a column is one setValues, and
 * single cells that take the same input (電話 for every TEL) share one RangeList. So the calls follow the
 * runs and the distinct lone values, not the rows: a column of 10,000 和暦 dates is one write.
 */
function writeCells(s: Sheet, cells: readonly CellWrite[]): void {
  const sorted = [...cells].sort((a, b) => a.column - b.column || a.row - b.row);
  const singles = new Map<string, CellWrite[]>();
  for (let i = 0; i < sorted.length;) {
    let end = i + 1;
    while (end < sorted.length && sorted[end]?.column === sorted[i]?.column && sorted[end]?.row === (sorted[end - 1]?.row ?? 0) + 1) end++;
    const run = sorted.slice(i, end);
    const first = run[0] as CellWrite;
    if (run.length > 1) s.getRange(first.row, first.column, run.length, 1).setValues(run.map((c) => [c.input]));
    else {
      const key = `${typeof first.input}:${String(first.input)}`;
      singles.set(key, [...(singles.get(key) ?? []), first]);
    }
    i = end;
  }
  for (const group of singles.values()) {
    const first = group[0] as CellWrite;
    if (group.length === 1) s.getRange(first.row, first.column).setValues([[first.input]]);
    else s.getRangeList(group.map((c) => a1(c.row, c.column))).setValue(first.input);
  }
}

/** Up to this many different notes are written one RangeList each; more are written as one block. */
const NOTE_GROUPS = 8;
/** A background change to "none", as a key of the layer of changes (whose null means "no change"). */
const NO_BACKGROUND = '';

/**
 * Writes the marks that change and nothing else: backgrounds one RangeList per colour (ours two, and none),
 * then the notes (writeNotes). Cells `locked` are left out.
 */
function writeMarks(s: Sheet, change: StyleChanges, before: CellStyles, locked: Locked): void {
  const { rect } = change;
  const open = (r: number, c: number): boolean => !locked(rect.row + r, rect.column + c);
  const backgrounds = change.backgrounds.map((row, r) => row.map((bg, c) => (bg === undefined || !open(r, c) ? null : (bg ?? NO_BACKGROUND))));
  for (const color of distinct(backgrounds)) s.getRangeList(rectsOf(backgrounds, color, rect)).setBackground(color === NO_BACKGROUND ? null : color);
  const notes = change.notes.map((row, r) => row.map((note, c) => (note === undefined || !open(r, c) ? null : note)));
  writeNotes(s, rect, notes, before, locked !== NOTHING_LOCKED);
}

/**
 * Notes that change (null where a note stays), one RangeList per distinct note while they are few. When they are
 * many (a first check of a ledger with many different problems), one setNotes over the block from the first to
 * the last changed note, the notes between written back as they were just read, so that the calls never follow
 * the rows; not when some cells are locked, which could lie in that block.
 */
function writeNotes(s: Sheet, rect: CellRect, notes: (string | null)[][], before: CellStyles, locks: boolean): void {
  const texts = distinct(notes);
  if (texts.length <= NOTE_GROUPS || locks) {
    for (const text of texts) s.getRangeList(rectsOf(notes, text, rect)).setNote(text);
    return;
  }
  const rows = notes.flatMap((row, r) => (row.some((n) => n !== null) ? [r] : []));
  const columns = notes[0]?.flatMap((_, c) => (notes.some((row) => row[c] !== null) ? [c] : [])) ?? [];
  const [top, bottom, left, right] = [Math.min(...rows), Math.max(...rows), Math.min(...columns), Math.max(...columns)];
  const block = notes.slice(top, bottom + 1).map((row, r) => row.slice(left, right + 1).map((n, c) => n ?? before.notes[top + r]?.[left + c] ?? ''));
  s.getRange(rect.row + top, rect.column + left, block.length, right - left + 1).setNotes(block);
}

const sameRect = (a: CellRect, b: CellRect): boolean => a.row === b.row && a.column === b.column && a.numRows === b.numRows && a.numColumns === b.numColumns;

/**
 * The port over SpreadsheetApp. Every method is a fixed handful of calls: one read or write per block,
 * never per row or cell, since each call is a round trip to Google's servers. Writes into a person's sheet
 * touch only the cells that change.
 */
export function sheetsPort(spreadsheet: Spreadsheet): WorkbookPort {
  const sheets = new Map<string, Sheet | null>();
  /**
   * The reads each sheet's RawSheets may still make on demand (formulas, merged areas). They are made before the
   * port changes that sheet, so that what a reader gets is what the sheet held when its values were read.
   */
  const onDemandReads = new Map<string, (() => unknown)[]>();
  const later = (name: string): (() => unknown)[] => {
    let reads = onDemandReads.get(name);
    if (!reads) onDemandReads.set(name, (reads = []));
    return reads;
  };
  const settle = (name: string): void => {
    for (const read of onDemandReads.get(name) ?? []) read();
    onDemandReads.delete(name);
  };
  /** The size of each sheet writeOwnRows wrote this run (it alone changes it). */
  const ownSizes = new Map<string, GridSize>();
  let zone: string | undefined;
  /** The styles last read (readStyles), which a write of the same block changes. */
  let read: { name: string; rect: CellRect; styles: CellStyles } | undefined;
  const sheet = (name: string): Sheet | null => {
    if (!sheets.has(name)) sheets.set(name, spreadsheet.getSheetByName(name));
    return sheets.get(name) ?? null;
  };
  const readStyles = (name: string, rect: CellRect): CellStyles => {
    const range = sheet(name)?.getRange(rect.row, rect.column, rect.numRows, rect.numColumns);
    if (!range) return { backgrounds: [], notes: [] };
    const styles = { backgrounds: range.getBackgrounds(), notes: range.getNotes() };
    read = { name, rect, styles };
    return styles;
  };
  const timeZone = (): string => (zone ??= spreadsheet.getSpreadsheetTimeZone() || JAPAN_TIME_ZONE);

  let spreadsheetName: string | undefined;

  return {
    // Asked when used: the default センター名, which a 設定 that names the center does not need.
    get name(): string {
      return (spreadsheetName ??= spreadsheet.getName());
    },
    today: () => todayIn(JAPAN_TIME_ZONE),
    sheetNames: () => spreadsheet.getSheets().map((s) => s.getName()),
    readSheet(name) {
      const s = sheet(name);
      if (!s) return undefined;
      const range = s.getDataRange();
      // An empty sheet's data range is A1 alone: told by the values read anyway, not by asking its size.
      const values = range.getValues();
      if (values.length === 1 && values[0]?.length === 1 && values[0][0] === '') return { name, rows: [] };
      return rawSheet(name, range, { first: 1, values }, timeZone(), later(name));
    },
    readRows(name, first, count): RawSheet | undefined {
      const s = sheet(name);
      if (!s) return undefined;
      const width = Math.max(s.getLastColumn(), 1);
      const rangesWithin = (maxRows: number) =>
        partialReadBlocks(first, count)
          .filter((b) => b.first <= maxRows)
          .map((b) => ({ first: b.first, range: s.getRange(b.first, 1, Math.min(b.count, maxRows - b.first + 1), width) }));
      // A range past the sheet's last row throws in Sheets. Most sheets have far more rows than a header zone and an
      // edit, so the size is asked only when a range did not fit (a sheet trimmed to a few rows).
      let ranges: { first: number; range: Range }[];
      try {
        ranges = rangesWithin(Infinity);
      } catch {
        ranges = rangesWithin(s.getMaxRows());
      }
      // The last block holds the edited rows: only there do the formulas and merged cells matter to a check.
      const edited = ranges.pop();
      if (!edited) return { name, rows: [] };
      const above = ranges.flatMap((r) => rowsOf(r.range.getValues(), r.first, timeZone()));
      return rawSheet(name, edited.range, { first: edited.first, values: edited.range.getValues() }, timeZone(), later(name), above);
    },
    readStyles,
    replaceSheet(model) {
      settle(model.name);
      sheets.set(model.name, replaceSheet(spreadsheet, model));
      ownSizes.delete(model.name);
    },
    patchCells(name, patches) {
      settle(name);
      const s = sheet(name);
      const blocks = patchBlocks(patches);
      const bounds = boundsOf(blocks);
      if (!s || !bounds) return { applied: [], skipped: [...patches] };
      // One read from A1 to the last patched cell: what the cells hold now, their formats, and every formula
      // whose result could fill them (such a formula may sit above the first patched row, in the header).
      const range = s.getRange(1, 1, bounds.row + bounds.numRows - 1, bounds.column + bounds.numColumns - 1);
      const values = toCellValues(range.getValues(), timeZone());
      const formulas = range.getFormulas();
      const formats = range.getNumberFormats();
      const spilled = spillZone(formulas);
      const at = <T>(grid: T[][], row: number, column: number): T | undefined => grid[row - 1]?.[column - 1];
      const resolved = blocks.map((block) =>
        resolveBlock(block, (row) => ({
          value: at(values, row, block.column) ?? null,
          formula: at(formulas, row, block.column) ?? '',
          spill: spilled(row, block.column),
        })),
      );
      const applied = resolved.flatMap((r) => r.applied);
      const refused = aroundProtections(s, (locked) => {
        const open = applied.filter((p) => !locked(p.row, p.column));
        writeCells(
          s,
          open.map((p) => ({ row: p.row, column: p.column, input: sheetsInput(p.after, at(formats, p.row, p.column) ?? '', 'date') })),
        );
        return applied.filter((p) => locked(p.row, p.column));
      });
      return { applied: applied.filter((p) => !refused.includes(p)), skipped: [...resolved.flatMap((r) => r.skipped), ...refused] };
    },
    removeSheet(name) {
      settle(name);
      const s = sheet(name);
      if (s) spreadsheet.deleteSheet(s);
      sheets.set(name, null);
      ownSizes.delete(name);
    },
    writeOwnRows(name, firstRow, rows) {
      if (rows.length === 0) return;
      settle(name);
      const s = sheet(name);
      if (!s) throw new Error(`writeOwnRows: no sheet named ${name}`);
      // The rows below a generated sheet's content keep the default format: the text rule of a default cell.
      const block = rectangular(rows).map((r) => r.map(asSheetsValue));
      const width = block[0]?.length ?? 0;
      // The size is read once per run and then kept: the sheet is ours, so only this code changes it. It grows by
      // a page of rows at a time, so that keeping one row after each step is one write, not two.
      const size = ownSizes.get(name) ?? { rows: s.getMaxRows(), columns: s.getMaxColumns() };
      ownSizes.set(name, growTo(s, size, firstRow + rows.length - 1, width, OWN_ROWS_PAGE));
      s.getRange(firstRow, 1, rows.length, width).setValues(block);
    },
    appendRows(name, header, rows) {
      if (rows.length === 0) return;
      settle(name);
      let s = sheet(name);
      if (!s) {
        s = spreadsheet.insertSheet(name, spreadsheet.getSheets().length);
        s.getRange(1, 1, 1, header.length)
          .setValues([header.map(asSheetsValue)])
          .setFontWeight('bold');
        s.setFrozenRows(1);
        sheets.set(name, s);
      }
      const last = s.getLastRow();
      const width = Math.max(header.length, ...rows.map((r) => r.length));
      growTo(s, { rows: s.getMaxRows(), columns: s.getMaxColumns() }, last + rows.length, width);
      // The rows' formats are read after the sheet grew: inserted rows may have taken a format from above.
      const block = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
      writeValues(s.getRange(last + 1, 1, rows.length, width), block);
    },
    writeStyles(name, rect, styles) {
      const s = sheet(name);
      if (!s) return;
      // The styles a check just read are what the cells have; anything else is read first.
      const before = read && read.name === name && sameRect(read.rect, rect) ? read.styles : readStyles(name, rect);
      const change = styleChanges(rect, before, styles);
      aroundProtections(s, (locked) => writeMarks(s, change, before, locked));
    },
  };
}
