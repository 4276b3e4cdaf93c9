import { formatMonthJa } from '../domain/values/months';
import { fiscalYearWareki, lastEndedFiscalYear, readFiscalYear } from '../domain/values/fiscal-year';
import { settingLabel } from '../domain/sheets/city-settings';
import { SETTINGS_SHEET } from '../domain/sheets/settings';
import { runEvaluation } from '../workbook/evaluation-job';
import { CENTER_LIST_SHEET, type CenterListing, type CenterRead, type CityRunResult, runConsolidation } from '../workbook/city-job';
import { citySheetTemplates } from '../workbook/city-setup';
import { JAPAN_TIME_ZONE, todayIn } from '../workbook/cell-values';
import { readSubmissionStore } from '../workbook/submission-target';
import { spreadsheetIdOf } from './ids';
import { sheetsApiFile } from './submission-file';
import { lastMonth, parseMonthInput, UserFacingError, withDocumentLock } from './report';
import { asSheetsValue } from './replace-sheet';
import { sheetsPort } from './sheets-port';

/** One execution may run 6 minutes; stop reading centers well before, to write what was read. */
const TIME_BOX_MS = 4.5 * 60 * 1000;
const CONTINUE_HANDLER = 'cityContinue';
const REQUEST_KEY = 'houkatsu.city.request';

export interface CityRequest {
  readonly month: string;
  readonly since?: string;
  /** Stop after this many centers in one run (the time box does it in production; tests force it). */
  readonly maxCentersPerRun?: number;
}

function reasonOf(error: unknown): string {
  const message = String((error as { message?: unknown } | null)?.message ?? error);
  if (/permission|access|権限|403/i.test(message)) {
    return `この提出用ファイルを開く権限がありません。センターに、「${SETTINGS_SHEET}」の「${settingLabel('submissionRecipients')}」へ市の担当者のアドレスを入れて「市へ提出」をやり直してもらってください（提出用ファイルが閲覧者として共有されます）。`;
  }
  if (/not found|does not exist|見つかりません|Bad value|Invalid argument|404/i.test(message)) {
    return `提出用ファイルが見つかりません（削除されたか、「${CENTER_LIST_SHEET}」の URL・ID が違います）。センターに、「市へ提出」の最後に表示される提出用ファイルの URL を確かめてもらってください。`;
  }
  return `提出用ファイルを開けませんでした（${message.slice(0, 120)}）。`;
}

/**
 * Two requests a center, whatever its file holds: the names of its sheets, then `_提出データ`. A file with any
 * other sheet (a center's own spreadsheet with 相談記録) is refused before a cell of it is read.
 */
export function readCenterSheets(listing: CenterListing): CenterRead {
  try {
    return readSubmissionStore(sheetsApiFile(spreadsheetIdOf(listing.source)));
  } catch (error) {
    return { kind: 'unreadable', reason: reasonOf(error) };
  }
}

export function cityConsolidateStep(request: CityRequest): CityRunResult {
  const started = Date.now();
  let read = 0;
  const result = runConsolidation(sheetsPort(SpreadsheetApp.getActiveSpreadsheet()), {
    now: new Date(started),
    month: request.month,
    since: request.since,
    shouldStop: () => Date.now() - started > TIME_BOX_MS || (request.maxCentersPerRun !== undefined && read >= request.maxCentersPerRun),
    readCenter: (listing) => {
      read++;
      return readCenterSheets(listing);
    },
  });
  return result;
}

function removeContinueTriggers(): void {
  for (const trigger of ScriptApp.getProjectTriggers()) if (trigger.getHandlerFunction() === CONTINUE_HANDLER) ScriptApp.deleteTrigger(trigger);
}

/** Runs one step, then either reports the result or arranges the next step. */
function stepAndTell(request: CityRequest): void {
  const result = withDocumentLock(() => cityConsolidateStep(request));
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (result.kind === 'no-centers')
    throw new UserFacingError(
      `「${CENTER_LIST_SHEET}」にセンターがありません。「市の集計シートを準備」で作り、センター名とスプレッドシートの URL を入力してください。`,
    );
  if (result.kind === 'paused') {
    if (!ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === CONTINUE_HANDLER)) {
      ScriptApp.newTrigger(CONTINUE_HANDLER)
        .timeBased()
        .after(60 * 1000)
        .create();
    }
    spreadsheet.toast(
      `${result.total} センターのうち ${result.done} センターまで読みました。1 分後に続きを自動で行います（メニューからもう一度実行しても、続きから再開します）。`,
      '集計',
      10,
    );
    return;
  }
  removeContinueTriggers();
  PropertiesService.getDocumentProperties().deleteProperty(REQUEST_KEY);
  const c = result.consolidation;
  const count = (s: string): number => c.centers.filter((x) => x.status === s).length;
  spreadsheet.toast(
    `${formatMonthJa(c.month)}: 提出済み ${count('submitted')}、未提出 ${count('missing')}、読めない ${count('unreadable')}。委託事業所 ${c.offices.length} 件、新規委託 ${c.newContracts.length} 件、注意 ${c.warnings.length} 件。`,
    '集計が終わりました',
    15,
  );
}

/** 「各センターの月報を集計…」: asks the month and the start of the 新規委託 period, then runs. */
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
  const request: CityRequest = { month, since };
  PropertiesService.getDocumentProperties().setProperty(REQUEST_KEY, JSON.stringify(request));
  stepAndTell(request);
}

/** The time-driven trigger's handler: the next step of the consolidation asked for last. */
export function continueConsolidation(): void {
  const stored = PropertiesService.getDocumentProperties().getProperty(REQUEST_KEY);
  if (!stored) {
    removeContinueTriggers();
    return;
  }
  stepAndTell(JSON.parse(stored) as CityRequest);
}

/** 「市の集計シートを準備」: creates センター一覧, 設定 and 全国平均 when missing; never touches existing ones. */
export function prepareCitySheets(): string[] {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const created: string[] = [];
  for (const { name, rows } of citySheetTemplates()) {
    if (spreadsheet.getSheetByName(name)) continue;
    // A sheet people fill in: the default size, not one sized to its header as generated sheets are.
    const sheet = spreadsheet.insertSheet(name);
    const width = Math.max(...rows.map((r) => r.length));
    sheet.getRange(1, 1, rows.length, width).setValues(rows.map((r) => Array.from({ length: width }, (_, i) => asSheetsValue(r[i] ?? null))));
    sheet.getRange(1, 1, 1, width).setFontWeight('bold');
    sheet.setFrozenRows(1);
    created.push(name);
  }
  return created;
}

/** 「事業評価を集計…」: asks the 年度, reads each center's evaluation from `_提出データ`, draws 事業評価_YYYY. */
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
  const result = withDocumentLock(() => runEvaluation(sheetsPort(SpreadsheetApp.getActiveSpreadsheet()), year, readCenterSheets, now));
  if (!result) throw new UserFacingError(`「${CENTER_LIST_SHEET}」にセンターがありません。`);
  const submitted = result.centers.filter((c) => c.status === 'submitted').length;
  SpreadsheetApp.getActiveSpreadsheet().toast(
    `事業評価_${year} を作りました（提出 ${submitted} / ${result.centers.length} センター、いいえ ${result.no.length} 件）。`,
    '事業評価',
    10,
  );
}
