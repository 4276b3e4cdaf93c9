import type { IsoDate } from '../domain/dates';
import type { CellRect, RawSheet } from '../domain/table';
import type { SheetModel } from './sheet-model';

/** Background colours and notes of a block of cells, as the marks module reads and writes them. */
export interface CellStyles {
  /** '' or null where the cell has no colour of its own. */
  readonly backgrounds: (string | null)[][];
  readonly notes: string[][];
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
  /** A whole sheet in one read, or undefined when there is no sheet of that name. */
  readSheet(name: string): RawSheet | undefined;
  /** The rows where a header may be, then `count` rows from `first`: what onEdit needs. */
  readRows(name: string, first: number, count: number): RawSheet | undefined;
  readStyles(name: string, rect: CellRect): CellStyles;
  writeStyles(name: string, rect: CellRect, styles: CellStyles): void;
  /**
   * Replaces (or creates) a generated sheet atomically: the new one is built under a temporary name and
   * swapped in only when complete, so a failure half-way leaves the earlier sheet as it was. Every string
   * is written as text, never as a formula.
   */
  replaceSheet(model: SheetModel): void;
}

/** How many top rows a partial read brings for the header (a title row or two may sit above it). */
export const HEADER_ZONE_ROWS = 10;
