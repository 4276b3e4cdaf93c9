import { monthOf, monthPromptText, previousMonth, readMonthInput } from '../domain/values/months';
import { JAPAN_TIME_ZONE, todayIn } from '../workbook/cell-values';
import { buildReport } from '../workbook/report-job';
import { reportMonthOf } from '../workbook/report-layout';
import { htmlWithData } from './html';
import { sheetsPort } from './sheets-port';

/** Thrown for what a person can put right; its message is shown as it is. */
export class UserFacingError extends Error {}

/** How long a second click waits for the first to finish before it is told to try again. */
const LOCK_WAIT_MS = 5000;

type Lock = GoogleAppsScript.Lock.Lock;

const NO_DOCUMENT_LOCK =
  '同時に 2 人が実行しないための錠（ドキュメント ロック）を Google から受け取れませんでした。スプレッドシートの外（別のスクリプトやウェブアプリ）から実行されたときに起こります。スプレッドシートを開き、メニュー「拡張機能」の「包括支援」から実行してください。';

/**
 * This spreadsheet's lock. Apps Script gives none (null, though the type says Lock) outside a containing
 * document, e.g. from a standalone script or a web app (reference of LockService.getDocumentLock: `Lock|null`).
 * A job must not run unguarded then: the person is told where to run it from.
 */
function documentLock(): Lock {
  const lock: Lock | null = LockService.getDocumentLock();
  if (!lock) throw new UserFacingError(NO_DOCUMENT_LOCK);
  return lock;
}

/** Runs `job` holding `lock`; undefined, having run nothing, when another execution keeps it beyond LOCK_WAIT_MS. */
export function underLock<T>(lock: Lock, job: () => T): { readonly value: T } | undefined {
  if (!lock.tryLock(LOCK_WAIT_MS)) return undefined;
  try {
    return { value: job() };
  } finally {
    lock.releaseLock();
  }
}

/**
 * Two people clicking at once: the second waits a little, then is told (`busy`: what the other is doing), and
 * nothing is built twice.
 */
export function withDocumentLock<T>(job: () => T, busy = 'ほかの方が月報の作成か提出をしているところです。少し待ってから、もう一度お試しください。'): T {
  const ran = underLock(documentLock(), job);
  if (!ran) throw new UserFacingError(busy);
  return ran.value;
}

export function lastMonth(now: Date = new Date()): string {
  return previousMonth(monthOf(todayIn(JAPAN_TIME_ZONE, now)));
}

/** The month a person typed (any form of SPEC §5), or last month when left empty. */
export function parseMonthInput(text: string, now: Date = new Date()): string {
  const input = readMonthInput(text, lastMonth(now));
  if ('problem' in input) throw new UserFacingError(input.problem);
  return input.month;
}

export function askMonth(title: string, now: Date): string | undefined {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(title, monthPromptText(lastMonth(now)), ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return undefined;
  return parseMonthInput(answer.getResponseText(), now);
}

export function runBuildReport(month: string, now: Date = new Date()): { sheet: string; errors: number; warnings: number } {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return withDocumentLock(() => {
    const built = buildReport(sheetsPort(spreadsheet), month, now);
    return { sheet: built.sheet, errors: built.report.quality.errors, warnings: built.report.quality.warnings };
  });
}

/** 「月報を作成…」: a small dialog that asks the month (last month by default) and builds the report. */
export function showReportDialog(now: Date = new Date()): void {
  SpreadsheetApp.getUi().showModalDialog(
    htmlWithData('report-dialog', { defaultMonth: lastMonth(now) })
      .setWidth(420)
      .setHeight(300),
    '月報を作成',
  );
}

/** The month of the report the person is looking at, if the active sheet is one. */
export function activeReportMonth(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): string | undefined {
  return reportMonthOf(spreadsheet.getActiveSheet().getName());
}
