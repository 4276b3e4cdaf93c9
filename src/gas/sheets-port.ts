import { type CellValue, isSheetDate } from '../domain/values/cell';
import type { CellRect, RawRow, RawSheet } from '../domain/sheets/table';
import { JAPAN_TIME_ZONE, todayIn, toCellValues } from '../workbook/cell-values';
import { rectOfA1 } from '../workbook/a1';
import { boundsOf, patchBlocks, resolveBlock } from '../workbook/cell-patch';
import { asSheetsValue, replaceSheet } from './replace-sheet';
import { type CellPatch, type CellStyles, partialReadBlocks, type WorkbookPort } from '../workbook/port';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

function rowsOf(range: Range, first: number, zone: string, withFormulas: boolean, raw: unknown[][] = range.getValues()): RawRow[] {
  const values = toCellValues(raw, zone);
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
 * A patched value for setValues. A cell formatted as plain text ('@') keeps whatever is written, apostrophe
 * included, so it gets the bare string; elsewhere a string gets the apostrophe that keeps it text (never a
 * formula). A date is written as 2026-10-03, which Sheets stores as a date (digits cannot start a formula).
 */
function patchedValue(value: CellValue, format: string): string | number | boolean {
  if (typeof value === 'string' && format === '@') return value;
  if (isSheetDate(value)) return value.time ? `${value.iso} ${value.time}` : value.iso;
  return asSheetsValue(value);
}

/** A cell between two patched ones, written back exactly as it was read: its formula, or its value as is. */
function keptValue(value: unknown, formula: string, format: string): unknown {
  if (formula !== '') return formula;
  if (typeof value === 'string' && value !== '' && format !== '@') return `'${value}`;
  return value;
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
    sheetNames: () => spreadsheet.getSheets().map((s) => s.getName()),
    readSheet(name) {
      const s = sheet(name);
      if (!s) return undefined;
      const range = s.getDataRange();
      // An empty sheet's data range is A1 alone: told by the values read anyway, not by asking its size.
      const raw = range.getValues();
      if (raw.length === 1 && raw[0]?.length === 1 && raw[0][0] === '') return { name, rows: [] };
      return { name, rows: rowsOf(range, 1, timeZone(), true, raw), merges: mergesOf(range) };
    },
    readRows(name, first, count): RawSheet | undefined {
      const s = sheet(name);
      if (!s) return undefined;
      const width = Math.max(s.getLastColumn(), 1);
      const ranges = partialReadBlocks(first, count).map((b) => ({ first: b.first, range: s.getRange(b.first, 1, b.count, width) }));
      // The last block holds the edited rows: only there do the formulas and merged cells matter to a check.
      const edited = ranges[ranges.length - 1];
      const rows = ranges.flatMap((r) => rowsOf(r.range, r.first, timeZone(), r === edited));
      return { name, rows, merges: edited ? mergesOf(edited.range) : [] };
    },
    readStyles(name, rect): CellStyles {
      const range = sheet(name)?.getRange(rect.row, rect.column, rect.numRows, rect.numColumns);
      if (!range) return { backgrounds: [], notes: [] };
      return { backgrounds: range.getBackgrounds(), notes: range.getNotes() };
    },
    replaceSheet(model) {
      sheets.set(model.name, replaceSheet(spreadsheet, model));
    },
    patchCells(name, patches) {
      const s = sheet(name);
      const blocks = patchBlocks(patches);
      const bounds = boundsOf(blocks);
      if (!s || !bounds) return { applied: [], skipped: [...patches] };
      // One read of everything the blocks cover: what the cells hold now, their formulas and formats.
      const range = s.getRange(bounds.row, bounds.column, bounds.numRows, bounds.numColumns);
      const raw = range.getValues();
      const values = toCellValues(raw, timeZone());
      const formulas = range.getFormulas();
      const formats = range.getNumberFormats();
      const at = <T>(grid: T[][], row: number, column: number): T | undefined => grid[row - bounds.row]?.[column - bounds.column];
      const applied: CellPatch[] = [];
      const skipped: CellPatch[] = [];
      for (const block of blocks) {
        const resolved = resolveBlock(block, (row) => ({ value: at(values, row, block.column) ?? null, formula: at(formulas, row, block.column) ?? '' }));
        applied.push(...resolved.applied);
        skipped.push(...resolved.skipped);
        const first = resolved.rows.findIndex((r) => r.kind === 'patch');
        if (first < 0) continue;
        let last = resolved.rows.length - 1;
        while (resolved.rows[last]?.kind !== 'patch') last--;
        const column = resolved.rows.slice(first, last + 1).map((r, i) => {
          const row = block.firstRow + first + i;
          const format = at(formats, row, block.column) ?? '';
          return [
            r.kind === 'patch' ? patchedValue(r.patch.after, format) : keptValue(at(raw, row, block.column), at(formulas, row, block.column) ?? '', format),
          ];
        });
        s.getRange(block.firstRow + first, block.column, column.length, 1).setValues(column);
      }
      return { applied, skipped };
    },
    removeSheet(name) {
      const s = sheet(name);
      if (s) spreadsheet.deleteSheet(s);
      sheets.set(name, null);
    },
    appendRows(name, header, rows) {
      if (rows.length === 0) return;
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
      // A range past the sheet's last row does not exist in Sheets: grow the sheet first.
      const missing = last + rows.length - s.getMaxRows();
      if (missing > 0) s.insertRowsAfter(s.getMaxRows(), missing);
      const block = rows.map((r) => Array.from({ length: width }, (_, i) => asSheetsValue(r[i] ?? null)));
      s.getRange(last + 1, 1, rows.length, width).setValues(block);
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
