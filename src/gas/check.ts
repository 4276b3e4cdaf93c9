import type { Issue } from '../domain/issues/issue';
import { summarize } from '../domain/issues/issue';
import { checkEditedRows, checkWorkbook } from '../workbook/check-job';
import { htmlWithData } from './html';
import { sheetsPort } from './sheets-port';

/** What the チェック結果 sidebar shows. */
export interface CheckView {
  readonly checkedAt: string;
  readonly summary: { errors: number; warnings: number };
  readonly issues: readonly Issue[];
}

/** The sidebar lists this many at most; the counts at its top are always complete. */
const SIDEBAR_LIMIT = 500;

export function runCheck(): CheckView {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const { issues } = checkWorkbook(sheetsPort(spreadsheet));
  return { checkedAt: new Date().toISOString(), summary: summarize(issues), issues: issues.slice(0, SIDEBAR_LIMIT) };
}

export function showCheckSidebar(view: CheckView): void {
  SpreadsheetApp.getUi().showSidebar(htmlWithData('check-sidebar', view).setTitle('チェック結果'));
}

export function checkEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e.range;
  const sheet = range.getSheet();
  checkEditedRows(sheetsPort(e.source), sheet.getName(), range.getRow(), range.getNumRows());
}

/** Selects a cell for the sidebar's jump link. */
export function selectCell(sheetName: string, address: string): void {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName);
  if (!sheet) throw new Error(`「${sheetName}」シートが見つかりません。名前が変わったか、削除された可能性があります。`);
  sheet.activate();
  sheet.getRange(address).activate();
}
