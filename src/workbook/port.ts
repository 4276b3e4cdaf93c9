import type { CellValue } from '../domain/values/cell';
import type { IsoDate } from '../domain/values/dates';
import { type CellRect, HEADER_ZONE_ROWS, type RawSheet } from '../domain/sheets/table';
import type { SheetModel } from './sheet-model';

/** Background colours and notes of a block of cells, as the marks module reads and writes them. */
export interface CellStyles {
  /** '' or null where the cell has no colour of its own. */
  readonly backgrounds: (string | null)[][];
  readonly notes: string[][];
}

/**
 * One user cell that 表記を整える (or an applied suggestion, or the 設定 sidebar) rewrites: where, what the
 * person saw in the preview, and what to write. 1-based row and column, as the spreadsheet shows them.
 */
export interface CellPatch {
  readonly row: number;
  readonly column: number;
  readonly before: CellValue;
  /** A string is written as text (never a formula), a number as a number, a date as a date. */
  readonly after: CellValue;
}

export interface PatchOutcome {
  readonly applied: CellPatch[];
  /**
   * Cells that hold something else than `before` now (someone edited them meanwhile), a formula, or part of a
   * formula's result; in Sheets also cells of a range protected from the person running it.
   */
  readonly skipped: CellPatch[];
}

/**
 * The one small port both adapters implement (Apps Script over SpreadsheetApp, the local runner over
 * exceljs). Each method is a constant number of service calls, whatever the number of rows.
 */
export interface WorkbookPort {
  /** The spreadsheet's (or file's) name: the default センター名. */
  readonly name: string;
  /** Today in Asia/Tokyo, the day the rules "not in the future" and "reported late" are measured on. */
  today(): IsoDate;
  /**
   * True when listing and reading sheets costs no service call (a local file). A check then looks through the sheets
   * nothing reads for one like each missing sheet (domain/sheets/look-alike); over SpreadsheetApp, where every read is
   * a round trip, only when the 相談記録 a check cannot do without is missing.
   */
  readonly cheapReads?: boolean;
  /** The names of the spreadsheet's sheets, in tab order (offered when 読み替え could name a missing sheet). */
  sheetNames(): readonly string[];
  /** A whole sheet in one read, or undefined when there is no sheet of that name. */
  readSheet(name: string): RawSheet | undefined;
  /** The rows where a header may be, then `count` rows from `first` (partialReadBlocks): what onEdit needs. */
  readRows(name: string, first: number, count: number): RawSheet | undefined;
  readStyles(name: string, rect: CellRect): CellStyles;
  /**
   * Gives the block these styles, writing only the cells whose background or note changes (never one whose mark
   * stays: it may be protected, or someone may be typing in it). A cell the person may not change is left as it is.
   */
  writeStyles(name: string, rect: CellRect, styles: CellStyles): void;
  /**
   * Replaces (or creates) a generated sheet atomically: the new one is built under a temporary name and
   * swapped in only when complete, so a failure half-way leaves the earlier sheet as it was. Every string
   * is written as text, never as a formula.
   */
  replaceSheet(model: SheetModel): void;
  /**
   * Rewrites user cells after the person confirmed it: the cells are read again first and a cell whose value
   * is no longer `before` is skipped, so an edit made meanwhile is never overwritten. Only the patched cells are
   * written, never one between them: one read, and one write per run of consecutive rows (or per value shared by
   * lone cells), whatever the number of cells.
   */
  patchCells(name: string, patches: readonly CellPatch[]): PatchOutcome;
  /** Removes a sheet the product made (a center's old `_提出データ`); nothing when there is none. */
  removeSheet(name: string): void;
  /** Appends rows below the last row, creating the sheet with `header` when it is missing. Strings as text. */
  appendRows(name: string, header: readonly string[], rows: readonly (readonly CellValue[])[]): void;
  /**
   * Writes whole rows from `firstRow` into a hidden sheet the product made and alone writes (a job's work sheet,
   * drawn by replaceSheet), growing it when needed; strings as text. Nothing is read first, so that a job can keep
   * what it did after every step for one write: nobody else's cells are there to protect.
   */
  writeOwnRows(name: string, firstRow: number, rows: readonly (readonly CellValue[])[]): void;
}

/** Rows `first` to `first + count - 1`, as the spreadsheet numbers them. */
export interface RowBlock {
  readonly first: number;
  readonly count: number;
}

/**
 * The blocks `readRows` reads: the rows where a header may be, then the edited rows, in one block when the
 * two touch or overlap (an edit near the top), so that both adapters read the same rows.
 */
export function partialReadBlocks(first: number, count: number): RowBlock[] {
  const zone: RowBlock = { first: 1, count: HEADER_ZONE_ROWS };
  return first > HEADER_ZONE_ROWS + 1 ? [zone, { first, count }] : [{ first: 1, count: first + count - 1 }];
}
