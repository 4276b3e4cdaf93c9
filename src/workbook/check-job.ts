import type { Issue } from '../domain/issue';
import { readSettings, SETTINGS_SHEET, type Settings } from '../domain/settings';
import type { CellRect, RawSheet, Table } from '../domain/table';
import { CHECKED_SHEETS, type CheckContext, checkedSheet, checkSheet, tableOf } from '../domain/workbook-check';
import { restyle } from './marks';
import type { WorkbookPort } from './port';

export interface CheckResult {
  readonly settings: Settings;
  /** Issues of 設定 first, then of each checked sheet in the order of CHECKED_SHEETS. */
  readonly issues: Issue[];
}

export function loadSettings(port: WorkbookPort): { settings: Settings; issues: Issue[] } {
  return readSettings(port.readSheet(SETTINGS_SHEET), port.name);
}

/** The data rows a sheet has below its header, all columns: the block whose marks a check owns. */
function dataRect(raw: RawSheet, headerRow: number): CellRect | undefined {
  const last = raw.rows[raw.rows.length - 1];
  if (!last || last.rowNumber <= headerRow) return undefined;
  const width = raw.rows.reduce((w, r) => Math.max(w, r.values.length), 0);
  const first = raw.rows.find((r) => r.rowNumber > headerRow)?.rowNumber ?? headerRow + 1;
  return { row: first, column: 1, numRows: last.rowNumber - first + 1, numColumns: width };
}

function mark(port: WorkbookPort, sheet: string, rect: CellRect | undefined, issues: readonly Issue[]): void {
  if (!rect || rect.numColumns === 0) return;
  const next = restyle(rect, port.readStyles(sheet, rect), issues);
  if (next) port.writeStyles(sheet, rect, next);
}

/**
 * 「入力チェック」: checks every row of every checked sheet, marks the bad cells and clears marks that no
 * longer apply. Changes no data.
 */
export function checkWorkbook(port: WorkbookPort, options: { mark: boolean } = { mark: true }): CheckResult {
  const { settings, issues } = loadSettings(port);
  // Every sheet is read before any is checked, so rules across sheets (a delegation needs a contract) see all.
  const raws = new Map(CHECKED_SHEETS.map((spec) => [spec.name, port.readSheet(spec.name)] as const));
  const workbook = new Map<string, Table<string>>();
  for (const [name, raw] of raws) {
    const table = tableOf(name, raw);
    if (table) workbook.set(name, table);
  }
  const context: CheckContext = { settings, today: port.today(), workbook };
  for (const [name, raw] of raws) {
    const result = checkSheet(name, raw, context, workbook.get(name));
    issues.push(...result.issues);
    if (options.mark && raw && result.table) mark(port, name, dataRect(raw, result.table.headerRow), result.issues);
  }
  return { settings, issues };
}

/**
 * onEdit: checks and marks only the edited rows (a paste of many rows included). Rows at or above the
 * header are left alone. Returns undefined when the edited sheet is not one the product checks.
 */
export function checkEditedRows(port: WorkbookPort, sheet: string, first: number, count: number): Issue[] | undefined {
  if (!checkedSheet(sheet)) return undefined;
  const raw = port.readRows(sheet, first, count);
  if (!raw) return undefined;
  const { settings } = loadSettings(port);
  const result = checkSheet(sheet, raw, { settings, today: port.today() });
  if (!result.table) return result.issues;
  const top = Math.max(first, result.table.headerRow + 1);
  const width = raw.rows.reduce((w, r) => Math.max(w, r.values.length), 0);
  const rect: CellRect = { row: top, column: 1, numRows: first + count - top, numColumns: width };
  const inRows = result.issues.filter((i) => i.row >= top && i.row < first + count);
  if (rect.numRows > 0) mark(port, sheet, rect, inRows);
  return inRows;
}
