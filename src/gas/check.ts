import * as z from 'zod/mini';
import { ISSUE_CATALOGUE } from '../domain/issues/catalogue';
import { type GroupPageRequest, groupIssues, ISSUE_PAGE_SIZE, type IssueGroup, type IssuePage, issuePage } from '../domain/issues/groups';
import type { Issue, IssueCode } from '../domain/issues/issue';
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
  /** The first ISSUE_PAGE_SIZE issues in the check's order: every issue when there are no more. */
  readonly issues: readonly Issue[];
  /** Every sheet's problems by kind, with counts that add up to `summary`. */
  readonly groups: readonly IssueGroup[];
  /** The page of the group the sidebar has open, from the same check as the counts. */
  readonly page?: IssuePage;
}

/*
 * Paging without memory. Apps Script keeps nothing between two calls of the sidebar, so a page of a group is either
 * worked out again from the sheets or kept somewhere. We check again for every page: the person is fixing cells
 * while reading the list, and a page from the same check as the counts never shows a cell already fixed or counts
 * that disagree with the chips. The check reads each sheet once (the same calls at any number of rows) and, for a
 * page, marks nothing. CacheService would save that read but gives less than the list needs: a value holds 100 KB
 * at most, a cache 1,000 entries, and nothing is guaranteed to stay until it expires (every read must expect null,
 * so the re-check would be needed anyway); the document cache is shared by everyone working in the spreadsheet,
 * whose edits would leave it stale.
 */

/** The view of a check, with the page of the group the sidebar has open (when it still has issues). */
export function viewOf(issues: readonly Issue[], open?: GroupPageRequest): CheckView {
  const page = open ? issuePage(issues, open) : undefined;
  return {
    checkedAt: new Date().toISOString(),
    summary: summarize(issues),
    issues: issues.slice(0, ISSUE_PAGE_SIZE),
    groups: groupIssues(issues),
    ...(page && page.total > 0 ? { page } : {}),
  };
}

const CODES = Object.keys(ISSUE_CATALOGUE) as [IssueCode, ...IssueCode[]];

/** A group as the sidebar names it (the sheet by its name in the spreadsheet, the code of the catalogue). */
export const GroupRefSchema = z.object({ sheet: z.string().check(z.minLength(1), z.maxLength(200)), code: z.enum(CODES) });

/** The group and page the sidebar has open, sent with every call that answers with a new view. */
const PageRequestSchema = z.extend(GroupRefSchema, { offset: z.number().check(z.int(), z.gte(0), z.lte(10_000_000)) });

/** The sidebar's open group, checked before use; nothing open is null or undefined (google.script.run sends null). */
export function parseOpenGroup(open: unknown): GroupPageRequest | undefined {
  if (open === undefined || open === null) return undefined;
  const parsed = PageRequestSchema.safeParse(open);
  if (!parsed.success) throw new UserFacingError('開いている問題の種類を読み取れませんでした。再チェックしてください。');
  return parsed.data;
}

/** 入力チェック and 再チェック: checks and marks every sheet, with the page of the group the sidebar has open. */
export function runCheck(open?: unknown): CheckView {
  const request = parseOpenGroup(open);
  const { issues } = checkWorkbook(sheetsPort(SpreadsheetApp.getActiveSpreadsheet()));
  return viewOf(issues, request);
}

/** A page of one group, from a check made now (marks untouched: reading a list changes no cell). */
export function checkPage(open: unknown): CheckView {
  const request = parseOpenGroup(open);
  if (!request) throw new UserFacingError('開く問題の種類を読み取れませんでした。再チェックしてください。');
  const { issues } = checkWorkbook(sheetsPort(SpreadsheetApp.getActiveSpreadsheet()), { mark: false });
  return viewOf(issues, request);
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
  target: z.string().check(z.maxLength(200)),
  local: z.string().check(z.minLength(1), z.maxLength(200)),
  standard: z.string().check(z.minLength(1), z.maxLength(200)),
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
export function addOfferedMapping(row: unknown, open?: unknown): MappingAddedView {
  const request = parseOpenGroup(open);
  const parsed = OfferedRowSchema.safeParse(row);
  if (!parsed.success) throw new UserFacingError('選んだ読み替えを読み取れませんでした。再チェックしてから、もう一度選んでください。');
  const chosen: MappingRow = parsed.data;
  const added = withDocumentLock(
    () => addMapping(sheetsPort(SpreadsheetApp.getActiveSpreadsheet()), chosen),
    'ほかの方が「読み替え」に書き込んでいるところです。少し待ってから、もう一度お試しください。',
  );
  return { message: added.message, view: runCheck(request) };
}
