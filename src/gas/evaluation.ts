import type { FiscalYear } from '../domain/values/fiscal-year';
import { evaluationYears, submitEvaluation } from '../workbook/evaluation-job';
import { importOwnIndicators } from '../workbook/indicator-job';
import type { WorkbookReading } from '../domain/sheets/workbook-check';
import type { WorkbookPort } from '../workbook/port';
import type { SubmissionFile } from '../workbook/submission-target';
import { UserFacingError } from './report';
import { sheetsPort } from './sheets-port';

/**
 * 「事業評価の指標を取り込む」: the list in this spreadsheet's 評価指標 into its 事業評価, each under the center's own
 * name where 読み替え maps it (the job is indicator-job.ts).
 */
export function importIndicators(): { year: FiscalYear; added: number }[] {
  const result = importOwnIndicators(sheetsPort(SpreadsheetApp.getActiveSpreadsheet()));
  if (result.kind === 'refused') throw new UserFacingError(result.reason);
  return result.years.map((y) => ({ ...y }));
}

/** After the month's report, 「市へ提出」 offers the latest year's evaluation as well. */
export function offerEvaluation(port: WorkbookPort, file: SubmissionFile, reading: WorkbookReading, now: Date): void {
  const years = evaluationYears(reading);
  const year = years[0];
  if (year === undefined) return;
  const ui = SpreadsheetApp.getUi();
  const answer = ui.alert(
    '事業評価',
    `${year}年度の事業評価も提出用ファイルに入れて市へ提出しますか？（回答と「いいえ」の根拠・備考、活動記録から数えた回数が市に届きます）`,
    ui.ButtonSet.YES_NO,
  );
  if (answer !== ui.Button.YES) return;
  const result = submitEvaluation(port, file, reading, year, now);
  ui.alert('事業評価', `${year}年度の事業評価を提出しました${result.resubmitted ? '（前回の提出は履歴に残しました）' : ''}。`, ui.ButtonSet.OK);
}
