import { formatMonthJa } from '../domain/values/months';
import { type FiscalYear, fiscalYearWareki, lastEndedFiscalYear, readFiscalYear } from '../domain/values/fiscal-year';
import { settingLabel } from '../domain/sheets/city-settings';
import { SETTINGS_SHEET } from '../domain/sheets/settings';
import type { EvaluationComparison } from '../domain/reports/evaluation-comparison';
import type { Consolidation } from '../domain/reports/consolidation';
import { runEvaluation } from '../workbook/evaluation-job';
import { CENTER_LIST_SHEET, type CenterListing, type CenterRead, type CityRunResult, type ResumableOptions, runConsolidation } from '../workbook/city-job';
import { citySheetTemplates } from '../workbook/city-setup';
import { rectangular } from '../workbook/sheet-model';
import { JAPAN_TIME_ZONE, todayIn } from '../workbook/cell-values';
import { readSubmissionStore } from '../workbook/submission-target';
import { SUBMISSIONS_SHEET } from '../domain/reports/submission-store';
import { spreadsheetIdOf } from '../domain/reports/submission-file';
import { errorText, saysNoPermission, saysNotFound } from './errors';
import { sheetsApiFile } from './submission-file';
import { lastMonth, parseMonthInput, underLock, UserFacingError } from './report';
import { asSheetsValue } from './replace-sheet';
import { sheetsPort } from './sheets-port';

/** Apps Script ends an execution at 6 minutes, the time its prompts waited included (Quotas: "Script runtime"). */
const EXECUTION_LIMIT_MS = 6 * 60 * 1000;
/** Reading stops 4.5 minutes after the entry point started; the rest of the 6 is room to draw the result. */
const TIME_BOX_MS = 4.5 * 60 * 1000;
const CONTINUE_HANDLER = 'cityContinue';
const REQUEST_KEY = 'houkatsu.city.request';
/** When the next step runs after a pause. */
const RESUME_AFTER_MS = 60 * 1000;
/**
 * The continuation armed before any work: it fires only when Apps Script ended the run at its limit (a run that
 * pauses or finishes replaces or deletes it first), and then not before that run is over.
 */
const RESCUE_AFTER_MS = EXECUTION_LIMIT_MS + RESUME_AFTER_MS;
/** Steps in a row that may throw before the job stops (the armed continuation tries again after each). */
const MAX_FAILED_STEPS = 3;

interface JobRequestBase {
  /** Stop after this many centers in one run (the time box does it in production; tests force it). */
  readonly maxCentersPerRun?: number;
  /** Steps of this job that threw, in a row. */
  readonly failures?: number;
}

/** 「各センターの月報を集計…」 as asked: the month and the start of the 新規委託 period. */
export interface CityRequest extends JobRequestBase {
  readonly job?: 'consolidation';
  readonly month: string;
  readonly since?: string;
}

/** 「事業評価を集計…」 as asked: the 年度. */
export interface EvaluationRequest extends JobRequestBase {
  readonly job: 'evaluation';
  readonly year: FiscalYear;
}

/** The city's resumable jobs: one of them at a time is carried on by the trigger. */
export type CityJobRequest = CityRequest | EvaluationRequest;

const NO_CENTERS = `「${CENTER_LIST_SHEET}」にセンターがありません。「市の集計シートを準備」で作り、センター名と提出用ファイルの URL を入力してください。`;
const ASK_THE_CENTER_FOR_THE_URL = 'センターに、「市へ提出」の最後に表示される提出用ファイルの URL を確かめてもらってください。';

const unreadable = (reason: string): CenterRead => ({ kind: 'unreadable', reason });

/** Why the file could not be opened (its sheet names asked for): the service says which cause, when it does. */
function openingFailed(error: unknown): string {
  const text = errorText(error);
  if (saysNoPermission(text)) {
    return `この提出用ファイルを開く権限がありません。センターに、「${SETTINGS_SHEET}」の「${settingLabel('submissionRecipients')}」へ市の担当者のアドレスを入れて「市へ提出」をやり直してもらってください（提出用ファイルが閲覧者として共有されます）。`;
  }
  if (saysNotFound(text)) return `提出用ファイルが見つかりません（削除されたか、「${CENTER_LIST_SHEET}」の URL・ID が違います）。${ASK_THE_CENTER_FOR_THE_URL}`;
  return `提出用ファイルを開けませんでした（${text.slice(0, 120)}）。削除されたか、市の担当者に共有されていないか、URL・ID が違う可能性があります。${ASK_THE_CENTER_FOR_THE_URL}一時的な障害のこともあるので、時間をおいてもう一度集計してください。`;
}

/**
 * Two requests a center, whatever its file holds: the names of its sheets, then `_提出データ`. A file with any
 * other sheet (a center's own spreadsheet with 相談記録) is refused before a cell of it is read. A failure is
 * told by the step that failed (Apps Script words its errors in the account's language): the address, the
 * opening, or the reading of a file that did open.
 */
export function readCenterSheets(listing: CenterListing): CenterRead {
  const id = spreadsheetIdOf(listing.source);
  if (id === undefined) {
    return unreadable(
      `「${CENTER_LIST_SHEET}」の提出用ファイルの欄（${listing.source.slice(0, 80)}）は、スプレッドシートの URL（https://docs.google.com/spreadsheets/d/… の形）でも ID でもありません。${ASK_THE_CENTER_FOR_THE_URL}`,
    );
  }
  const file = sheetsApiFile(id);
  try {
    file.sheetNames();
  } catch (error) {
    return unreadable(openingFailed(error));
  }
  try {
    return readSubmissionStore(file);
  } catch (error) {
    return unreadable(
      `提出用ファイルは開けましたが、「${SUBMISSIONS_SHEET}」を読み込めませんでした（${errorText(error).slice(0, 120)}）。時間をおいて、もう一度集計してください。`,
    );
  }
}

/** How a run reads: each center through the Sheets API, until `started` + the time box (or the forced count). */
function runOptions(request: CityJobRequest, started: number): ResumableOptions {
  let read = 0;
  return {
    now: new Date(started),
    readCenter: (listing) => {
      read++;
      return readCenterSheets(listing);
    },
    shouldStop: () => Date.now() - started > TIME_BOX_MS || (request.maxCentersPerRun !== undefined && read >= request.maxCentersPerRun),
  };
}

/** One step of the month's consolidation, timed from `started`: what the menu, the trigger and cityStep run. */
export function cityConsolidateStep(request: CityRequest, started: number = Date.now()): CityRunResult {
  return runConsolidation(sheetsPort(SpreadsheetApp.getActiveSpreadsheet()), { ...runOptions(request, started), month: request.month, since: request.since });
}

/** How a step ended, told the same way for both jobs. */
type Step =
  | { readonly kind: 'no-centers' }
  | { readonly kind: 'paused'; readonly done: number; readonly total: number }
  | { readonly kind: 'done'; readonly title: string; readonly text: string };

function consolidationDone(c: Consolidation): Step {
  const count = (s: string): number => c.centers.filter((x) => x.status === s).length;
  return {
    kind: 'done',
    title: '集計が終わりました',
    text: `${formatMonthJa(c.month)}: 提出済み ${count('submitted')}、未提出 ${count('missing')}、読めない ${count('unreadable')}。委託事業所 ${c.offices.length} 件、新規委託 ${c.newContracts.length} 件、注意 ${c.warnings.length} 件。`,
  };
}

function evaluationDone(c: EvaluationComparison): Step {
  const submitted = c.centers.filter((x) => x.status === 'submitted').length;
  return {
    kind: 'done',
    title: '事業評価',
    text: `事業評価_${c.year} を作りました（提出 ${submitted} / ${c.centers.length} センター、いいえ ${c.no.length} 件）。`,
  };
}

function runStep(request: CityJobRequest, started: number): Step {
  if (request.job === 'evaluation') {
    const run = runEvaluation(sheetsPort(SpreadsheetApp.getActiveSpreadsheet()), request.year, runOptions(request, started));
    return run.kind === 'done' ? evaluationDone(run.result) : run;
  }
  const run = cityConsolidateStep(request, started);
  return run.kind === 'done' ? consolidationDone(run.consolidation) : run;
}

function removeContinueTriggers(): void {
  for (const trigger of ScriptApp.getProjectTriggers()) if (trigger.getHandlerFunction() === CONTINUE_HANDLER) ScriptApp.deleteTrigger(trigger);
}

/**
 * One continuation, `afterMs` from now. A one-shot trigger stays listed after it fired, until deleted, and
 * counts toward the 20 triggers a user may have in a script: every earlier one is deleted first.
 */
function armContinuation(afterMs: number): void {
  removeContinueTriggers();
  ScriptApp.newTrigger(CONTINUE_HANDLER).timeBased().after(afterMs).create();
}

const properties = (): GoogleAppsScript.Properties.Properties => PropertiesService.getDocumentProperties();

function storedRequest(): CityJobRequest | undefined {
  const stored = properties().getProperty(REQUEST_KEY);
  return stored ? (JSON.parse(stored) as CityJobRequest) : undefined;
}

function storeRequest(request: CityJobRequest): void {
  properties().setProperty(REQUEST_KEY, JSON.stringify(request));
}

function endJob(): void {
  removeContinueTriggers();
  properties().deleteProperty(REQUEST_KEY);
}

/** A step threw: the armed continuation tries again, unless the job has failed MAX_FAILED_STEPS times in a row. */
function countFailure(request: CityJobRequest): void {
  const failures = (request.failures ?? 0) + 1;
  if (failures >= MAX_FAILED_STEPS) endJob();
  else storeRequest({ ...request, failures });
}

/**
 * One step under the lock, a continuation armed before the work (so a run Apps Script ends at 6 minutes, or
 * one that fails, is carried on), then re-armed for a pause, or removed with the request when the job is over.
 */
function guardedStep(request: CityJobRequest, started: number): Step {
  armContinuation(RESCUE_AFTER_MS);
  let step: Step;
  try {
    step = runStep(request, started);
  } catch (error) {
    countFailure(request);
    throw error;
  }
  if (step.kind !== 'paused') endJob();
  else {
    if (request.failures) storeRequest({ ...request, failures: 0 });
    armContinuation(RESUME_AFTER_MS);
  }
  return step;
}

/**
 * The city's lock: this spreadsheet's, or the script's where Apps Script gives no document lock (null outside a
 * containing document). The city's project is bound to its one spreadsheet, so its script lock excludes the
 * same runs; a trigger that ran nothing for want of a lock would stall the job.
 */
function cityLock(): GoogleAppsScript.Lock.Lock {
  const document: GoogleAppsScript.Lock.Lock | null = LockService.getDocumentLock();
  return document ?? LockService.getScriptLock();
}

function tell(step: Step, what: string): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (step.kind === 'no-centers') throw new UserFacingError(NO_CENTERS);
  if (step.kind === 'done') {
    spreadsheet.toast(step.text, step.title, 15);
    return;
  }
  const where =
    step.done < step.total
      ? `${step.total} センターのうち ${step.done} センターまで読みました。`
      : `${step.total} センターをすべて読みました。表は次の回に作ります。`;
  spreadsheet.toast(`${what}: ${where}1 分後に続きを自動で行います（メニューからもう一度実行しても、続きから再開します）。`, what, 10);
}

const jobName = (request: CityJobRequest): string => (request.job === 'evaluation' ? '事業評価の集計' : '月報の集計');

/** A job asked for from the menu: kept for the trigger, and its first step run now. */
function startJob(request: CityJobRequest, started: number): void {
  const ran = underLock(cityLock(), () => {
    storeRequest(request);
    return guardedStep(request, started);
  });
  if (!ran) throw new UserFacingError('ほかの方が集計をしているところです。少し待ってから、もう一度お試しください。');
  tell(ran.value, jobName(request));
}

/**
 * The time-driven trigger's step of the job asked for last, timed from `started` (when the handler began).
 * When another execution holds the lock, it tries again a minute later rather than let the job stall.
 */
export function continueCityJob(started: number = Date.now()): void {
  const ran = underLock(cityLock(), () => {
    const request = storedRequest();
    if (!request) {
      removeContinueTriggers();
      return undefined;
    }
    return { request, step: guardedStep(request, started) };
  });
  if (!ran) {
    armContinuation(RESUME_AFTER_MS);
    return;
  }
  if (ran.value) tell(ran.value.step, jobName(ran.value.request));
}

/**
 * 「各センターの月報を集計…」: asks the month and the start of the 新規委託 period, then runs. `now` is when the
 * menu item was chosen: the run's time box starts there, since the prompts count toward its 6 minutes.
 */
export function consolidateFromMenu(now: Date = new Date()): void {
  const ui = SpreadsheetApp.getUi();
  const fallback = lastMonth(now);
  const monthAnswer = ui.prompt(
    '各センターの月報を集計',
    `対象月を入力してください（例: ${fallback}）。空のまま OK を押すと先月（${formatMonthJa(fallback)}）です。`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (monthAnswer.getSelectedButton() !== ui.Button.OK) return;
  const month = parseMonthInput(monthAnswer.getResponseText(), now);
  const sinceAnswer = ui.prompt(
    '新規委託の期間',
    `新規委託を何月から載せますか（運営協議会の間の期間。例: ${month.slice(0, 4)}-01）。\n空のまま OK を押すと ${formatMonthJa(month)} だけです。`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (sinceAnswer.getSelectedButton() !== ui.Button.OK) return;
  const sinceText = sinceAnswer.getResponseText().trim();
  const since = sinceText === '' ? month : parseMonthInput(sinceText, now);
  if (since > month) throw new UserFacingError(`新規委託の期間の開始（${since}）が対象月（${month}）より後です。`);
  startJob({ month, since }, now.getTime());
}

/** 「市の集計シートを準備」: creates センター一覧, 設定 and 全国平均 when missing; never touches existing ones. */
export function prepareCitySheets(): string[] {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const created: string[] = [];
  for (const { name, rows } of citySheetTemplates()) {
    if (spreadsheet.getSheetByName(name)) continue;
    // A sheet people fill in: the default size, not one sized to its header as generated sheets are.
    const sheet = spreadsheet.insertSheet(name);
    const block = rectangular(rows).map((r) => r.map(asSheetsValue));
    const width = block[0]?.length ?? 0;
    sheet.getRange(1, 1, rows.length, width).setValues(block);
    sheet.getRange(1, 1, 1, width).setFontWeight('bold');
    sheet.setFrozenRows(1);
    created.push(name);
  }
  return created;
}

/**
 * 「事業評価を集計…」: asks the 年度, then reads each center's evaluation from `_提出データ` and draws 事業評価_YYYY,
 * resumably as the month's consolidation. `now` is when the menu item was chosen (the time box starts there).
 */
export function evaluateFromMenu(now: Date = new Date()): void {
  const ui = SpreadsheetApp.getUi();
  const fallback = lastEndedFiscalYear(todayIn(JAPAN_TIME_ZONE, now));
  const answer = ui.prompt(
    '事業評価を集計',
    `年度を入力してください（例: ${fallback} や ${fiscalYearWareki(fallback)}）。空のまま OK を押すと ${fallback}年度です。`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const text = answer.getResponseText().trim();
  const year = text === '' ? fallback : readFiscalYear(text);
  if (!year) throw new UserFacingError(`「${text}」を年度として読めませんでした。2025 や 令和7年度 の形で入力してください。`);
  startJob({ job: 'evaluation', year }, now.getTime());
}
