import * as z from 'zod';
import type { Issue } from '../domain/issues/issue';
import { summarize } from '../domain/issues/issue';
import { checkEditedRows, checkWorkbook } from '../workbook/check-job';
import { addMapping, type MappingRow } from '../workbook/mapping-job';
import { htmlWithData } from './html';
import { UserFacingError, withDocumentLock } from './report';
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

/** What the sidebar sends for 「…として読む」: one row of 読み替え, checked before anything is read or written. */
const OfferedRowSchema = z.object({
  kind: z.enum(['sheet', 'header', 'value']),
  target: z.string().max(200),
  local: z.string().min(1).max(200),
  standard: z.string().min(1).max(200),
});

/** The sidebar after 「…として読む」: what was added to 読み替え, and the check read with it. */
export interface MappingAddedView {
  readonly message: string;
  readonly view: CheckView;
}

/**
 * The チェック結果 sidebar's 「…として読む」: adds the chosen row to 読み替え (nothing else is written; addMapping
 * refuses a row the check could not use), then checks again, as 再チェック does, so that the issue it answers
 * is gone from the list. Under the document lock: two people answering the same offer at once would otherwise
 * both append it, and the second row would be an error of its own (mapped twice).
 */
export function addOfferedMapping(row: unknown): MappingAddedView {
  const parsed = OfferedRowSchema.safeParse(row);
  if (!parsed.success) throw new UserFacingError('選んだ読み替えを読み取れませんでした。再チェックしてから、もう一度選んでください。');
  const chosen: MappingRow = parsed.data;
  const added = withDocumentLock(
    () => addMapping(sheetsPort(SpreadsheetApp.getActiveSpreadsheet()), chosen),
    'ほかの方が「読み替え」に書き込んでいるところです。少し待ってから、もう一度お試しください。',
  );
  return { message: added.message, view: runCheck() };
}
