import type { CellValue } from '../domain/values/cell';
import { EVALUATION_COLUMNS, EVALUATION_SHEET, INDICATOR_COLUMNS, INDICATOR_LIST_SHEET, readFiscalYear, readIndicatorList } from '../domain/sheets/evaluation';
import { toTable } from '../domain/sheets/table';
import { evaluationYears, submitEvaluation } from '../workbook/evaluation-job';
import type { WorkbookReading } from '../domain/sheets/workbook-check';
import type { WorkbookPort } from '../workbook/port';
import type { SubmissionFile } from '../workbook/submission-target';
import { UserFacingError } from './report';
import { asSheetsValue } from './replace-sheet';
import { sheetsPort } from './sheets-port';

/**
 * 「事業評価の指標を取り込む」: copies the year's official list (sheet 評価指標, as the city sent it) into
 * 事業評価 — only the indicators not there yet, appended below; answers already given are never touched.
 */
export function importIndicators(): { year: string; added: number }[] {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const port = sheetsPort(spreadsheet);
  const listRaw = port.readSheet(INDICATOR_LIST_SHEET);
  const listTable = listRaw ? toTable(listRaw, INDICATOR_COLUMNS) : undefined;
  if (!listTable)
    throw new UserFacingError(`「${INDICATOR_LIST_SHEET}」シートに、市から届いた評価指標の一覧（年度・番号・分類・指標）を貼り付けてから実行してください。`);
  const yearColumn = listTable.columns.year;
  const years = [
    ...new Set(
      listTable.rows.map((r) => (yearColumn === undefined ? undefined : readFiscalYear(r.values[yearColumn]))).filter((y): y is string => y !== undefined),
    ),
  ];
  if (years.length === 0) throw new UserFacingError(`「${INDICATOR_LIST_SHEET}」の「年度」列に年度（例: 2025）を入れてください。`);
  let sheet = spreadsheet.getSheetByName(EVALUATION_SHEET);
  const header = EVALUATION_COLUMNS.map((c) => c.header);
  if (!sheet) {
    sheet = spreadsheet.insertSheet(EVALUATION_SHEET);
    sheet
      .getRange(1, 1, 1, header.length)
      .setValues([header.map(asSheetsValue)])
      .setFontWeight('bold');
    sheet.setFrozenRows(1);
  }
  const existing = port.readSheet(EVALUATION_SHEET);
  const table = existing ? toTable(existing, EVALUATION_COLUMNS) : undefined;
  const have = new Set(
    (table?.rows ?? []).map(
      (r) => `${readFiscalYear(r.values[table?.columns.year ?? -1]) ?? ''}|${String(r.values[table?.columns.number ?? -1] ?? '').trim()}`,
    ),
  );
  const result: { year: string; added: number }[] = [];
  const rows: CellValue[][] = [];
  for (const year of years.sort()) {
    const missing = readIndicatorList(listTable, year).filter((i) => !have.has(`${year}|${i.number}`));
    // Rows follow the sheet's own column order, whatever it is.
    const columns = table?.columns ?? Object.fromEntries(EVALUATION_COLUMNS.map((c, i) => [c.key, i]));
    const width = Math.max(header.length, ...Object.values(columns).map((c) => (c ?? 0) + 1));
    for (const i of missing) {
      const row: CellValue[] = Array<CellValue>(width).fill(null);
      const put = (key: string, value: string): void => {
        const at = (columns as Record<string, number | undefined>)[key];
        if (at !== undefined) row[at] = value;
      };
      put('year', year);
      put('number', i.number);
      put('category', i.category);
      put('indicator', i.indicator);
      rows.push(row);
    }
    result.push({ year, added: missing.length });
  }
  if (rows.length > 0) {
    const first = sheet.getLastRow() + 1;
    const width = rows[0]?.length ?? header.length;
    if (first + rows.length - 1 > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), first + rows.length - 1 - sheet.getMaxRows());
    sheet.getRange(first, 1, rows.length, width).setValues(rows.map((r) => r.map(asSheetsValue)));
  }
  return result;
}

/** After the month's report, 「市へ提出」 offers the latest year's evaluation as well. */
export function offerEvaluation(port: WorkbookPort, file: SubmissionFile, reading: WorkbookReading, now: Date): void {
  const years = evaluationYears(reading);
  const year = years[0];
  if (year === undefined) return;
  const ui = SpreadsheetApp.getUi();
  const answer = ui.alert(
    '事業評価',
    `${year}年度の事業評価も提出用ファイルに入れて市へ提出しますか？（回答と「いいえ」の根拠・備考が市に届きます）`,
    ui.ButtonSet.YES_NO,
  );
  if (answer !== ui.Button.YES) return;
  const result = submitEvaluation(port, file, reading, year, now);
  ui.alert('事業評価', `${year}年度の事業評価を提出しました${result.resubmitted ? '（前回の提出は履歴に残しました）' : ''}。`, ui.ButtonSet.OK);
}
