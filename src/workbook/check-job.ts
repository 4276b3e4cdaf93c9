import type { Issue } from '../domain/issues/issue';
import { CHECKED_ENTRIES, checkedEntry, isNeeded, SHEET_REGISTRY } from '../domain/sheets/registry';
import { readSettings, SETTINGS_SHEET, type SettingsReading } from '../domain/sheets/settings';
import type { CellRect, RawSheet } from '../domain/sheets/table';
import { checkSheet, readWorkbook, type WorkbookReading } from '../domain/sheets/workbook-check';
import { restyle } from './marks';
import type { WorkbookPort } from './port';

export function loadSettings(port: WorkbookPort): SettingsReading {
  return readSettings(port.readSheet(SETTINGS_SHEET), port.name);
}

/** Reads 設定 and every checked sheet once, into records and issues (what 入力チェック and 月報 share). */
export function loadWorkbook(port: WorkbookPort): { reading: WorkbookReading; raws: Map<string, RawSheet | undefined> } {
  const settings = loadSettings(port);
  const raws = new Map<string, RawSheet | undefined>();
  for (const entry of CHECKED_ENTRIES) raws.set(entry.name, port.readSheet(entry.name));
  // A list read only for other sheets (評価指標) is read only when a sheet that needs it is there.
  const present = (name: string): boolean => raws.get(name) !== undefined;
  for (const entry of SHEET_REGISTRY.filter((e) => !e.check && isNeeded(e, present))) raws.set(entry.name, port.readSheet(entry.name));
  return { reading: readWorkbook(raws, settings, port.today()), raws };
}

/** The data rows a sheet has below its header, all columns: the block whose marks a check owns. */
function dataRect(raw: RawSheet, headerRow: number): CellRect | undefined {
  const last = raw.rows[raw.rows.length - 1];
  if (!last || last.rowNumber <= headerRow) return undefined;
  const width = raw.rows.reduce((w, r) => Math.max(w, r.values.length), 0);
  return { row: headerRow + 1, column: 1, numRows: last.rowNumber - headerRow, numColumns: width };
}

function mark(port: WorkbookPort, sheet: string, rect: CellRect | undefined, issues: readonly Issue[]): void {
  if (!rect || rect.numColumns === 0 || rect.numRows <= 0) return;
  const next = restyle(rect, port.readStyles(sheet, rect), issues);
  if (next) port.writeStyles(sheet, rect, next);
}

/**
 * 「入力チェック」: checks every row of every checked sheet, marks the bad cells and clears marks that no
 * longer apply. Changes no data.
 */
export function checkWorkbook(port: WorkbookPort, options: { mark: boolean } = { mark: true }): WorkbookReading {
  const { reading, raws } = loadWorkbook(port);
  if (options.mark) {
    for (const sheet of reading.sheets) {
      const raw = raws.get(sheet.sheet);
      if (raw && sheet.table) mark(port, sheet.sheet, dataRect(raw, sheet.table.headerRow), sheet.issues);
    }
  }
  return reading;
}

/**
 * onEdit: checks and marks only the edited rows (a paste of many rows included). Rows at or above the
 * header are left alone. Returns undefined when the edited sheet is not one the product checks.
 */
export function checkEditedRows(port: WorkbookPort, sheet: string, first: number, count: number): Issue[] | undefined {
  if (!checkedEntry(sheet)) return undefined;
  const raw = port.readRows(sheet, first, count);
  if (!raw) return undefined;
  const { settings } = loadSettings(port);
  const result = checkSheet(sheet, raw, { settings, today: port.today() });
  if (!result.table) return result.issues;
  const top = Math.max(first, result.table.headerRow + 1);
  const width = raw.rows.reduce((w, r) => Math.max(w, r.values.length), 0);
  const inRows = result.issues.filter((i) => i.row >= top && i.row < first + count);
  mark(port, sheet, { row: top, column: 1, numRows: first + count - top, numColumns: width }, inRows);
  return inRows;
}
