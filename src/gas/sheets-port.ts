import type { CellRect, RawRow, RawSheet } from '../domain/table';
import { JAPAN_TIME_ZONE, todayIn, toCellValues } from '../workbook/cell-values';
import { rectOfA1 } from '../workbook/a1';
import { replaceSheet } from './replace-sheet';
import { type CellStyles, HEADER_ZONE_ROWS, type WorkbookPort } from '../workbook/port';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

function rowsOf(range: Range, first: number, zone: string, withFormulas: boolean): RawRow[] {
  const values = toCellValues(range.getValues(), zone);
  const formulas = withFormulas ? range.getFormulas() : undefined;
  return values.map((v, i) => ({ rowNumber: first + i, values: v, formulas: formulas?.[i] }));
}

function mergesOf(range: Range): CellRect[] {
  return range
    .getMergedRanges()
    .map((m) => rectOfA1(m.getA1Notation()))
    .filter((r): r is CellRect => r !== undefined);
}

/**
 * The port over SpreadsheetApp. Every method is a fixed handful of calls: one read or write per block,
 * never per row or cell, since each call is a round trip to Google's servers.
 */
export function sheetsPort(spreadsheet: Spreadsheet): WorkbookPort {
  const sheets = new Map<string, Sheet | null>();
  let zone: string | undefined;
  const sheet = (name: string): Sheet | null => {
    if (!sheets.has(name)) sheets.set(name, spreadsheet.getSheetByName(name));
    return sheets.get(name) ?? null;
  };
  const timeZone = (): string => (zone ??= spreadsheet.getSpreadsheetTimeZone() || JAPAN_TIME_ZONE);

  return {
    name: spreadsheet.getName(),
    today: () => todayIn(JAPAN_TIME_ZONE),
    readSheet(name) {
      const s = sheet(name);
      if (!s) return undefined;
      const range = s.getDataRange();
      if (range.getNumRows() === 1 && range.getNumColumns() === 1 && range.getValue() === '') return { name, rows: [] };
      return { name, rows: rowsOf(range, 1, timeZone(), true), merges: mergesOf(range) };
    },
    readRows(name, first, count): RawSheet | undefined {
      const s = sheet(name);
      if (!s) return undefined;
      const width = Math.max(s.getLastColumn(), 1);
      const rows: RawRow[] = [];
      if (first > HEADER_ZONE_ROWS + 1) rows.push(...rowsOf(s.getRange(1, 1, HEADER_ZONE_ROWS, width), 1, timeZone(), false));
      // Near the top, one block from row 1 holds both the header zone and the edited rows.
      const top = first > HEADER_ZONE_ROWS + 1 ? first : 1;
      const edited = s.getRange(top, 1, first + count - top, width);
      rows.push(...rowsOf(edited, top, timeZone(), true));
      return { name, rows, merges: mergesOf(edited) };
    },
    readStyles(name, rect): CellStyles {
      const range = sheet(name)?.getRange(rect.row, rect.column, rect.numRows, rect.numColumns);
      if (!range) return { backgrounds: [], notes: [] };
      return { backgrounds: range.getBackgrounds(), notes: range.getNotes() };
    },
    replaceSheet(model) {
      sheets.set(model.name, replaceSheet(spreadsheet, model));
    },
    writeStyles(name, rect, styles) {
      const range = sheet(name)?.getRange(rect.row, rect.column, rect.numRows, rect.numColumns);
      if (!range) return;
      // null resets a background to none, which is what clearing our own mark means.
      range.setBackgrounds(styles.backgrounds);
      range.setNotes(styles.notes);
    },
  };
}
