import { buildMonthlyReport, type MonthlyReport } from '../domain/reports/monthly-report';
import { type Submission, MONTHLY_REPORT_KIND, toSubmission } from '../domain/reports/submission';
import type { WorkbookReading } from '../domain/sheets/workbook-check';
import { loadWorkbook } from './check-job';
import { isoJapanTime, japanTimeText } from '../domain/values/times';
import { CONSULTATIONS_SHEET } from '../domain/sheets/consultations';
import { registryEntry } from '../domain/sheets/registry';
import { formatMonthJa } from '../domain/values/months';
import type { WorkbookPort } from './port';
import { reportSheet, reportSheetName } from './report-layout';
import { type SubmissionFile, submitToFile } from './submission-target';

export interface BuiltReport {
  readonly report: MonthlyReport;
  readonly sheet: string;
  readonly submission: Submission;
  /** The workbook as read for the report, for whatever the same job does next (the year's evaluation, when read). */
  readonly reading: WorkbookReading;
}

/**
 * What a report job reads: the sheets the 月報 uses, or those and the yearly ones (事業評価 and its 評価指標) for a
 * job that goes on to the year's evaluation with the same reading (市へ提出, `houkatsu report --year`).
 */
export type ReportSheets = 'month' | 'month-and-year';

/**
 * Thrown instead of a 月報 whose counts would be 0 because nothing places the rows in a month: no readable 相談記録
 * (no such sheet, or no header row in it), or a sheet the 月報 uses without its month column (受付日, 対象月…). Drawn or
 * handed to the city, such a report would say the center had no consultations, or no delegations. Its message is
 * Japanese, for the person, with what to do.
 */
export class ReportUnavailableError extends Error {}

/** Refuses, with the check's own sentence, a month whose rows of some sheet could not be placed in a month. */
function requireMonths(reading: WorkbookReading, month: string): void {
  const refuse = (why: string, check: string): never => {
    throw new ReportUnavailableError(`${formatMonthJa(month)}の月報を作れません。${why}${check}`);
  };
  for (const sheet of reading.sheets) {
    const entry = registryEntry(sheet.standard);
    if (!entry?.monthly) continue;
    if (!sheet.table) {
      // A sheet that may be absent is simply not counted; without 相談記録 there is nothing to count.
      if (sheet.standard !== CONSULTATIONS_SHEET) continue;
      const why = sheet.issues.find((i) => i.code === 'SHEET_MISSING' || i.code === 'HEADER_MISSING');
      refuse('相談記録を読めないまま作ると、相談の件数がすべて 0 になるためです。', why?.message ?? '');
    }
    const key = entry.monthColumn;
    if (!sheet.table || key === undefined || sheet.table.columns[key] !== undefined) continue;
    const title = entry.columns.find((c) => c.key === key)?.header ?? key;
    const missing = sheet.issues.find((i) => i.code === 'HEADER_MISSING' && i.column === title);
    refuse(`「${sheet.sheet}」の「${title}」の列がないまま作ると、どの行も月に当たらず、その件数が 0 になるためです。`, missing?.message ?? '');
  }
}

/** Reads the workbook once and builds the month's report, without writing anything. */
export function composeReport(
  port: WorkbookPort,
  month: string,
  now: Date,
  submittedAt: Date | null = null,
  sheets: ReportSheets = 'month-and-year',
): BuiltReport {
  const { reading } = loadWorkbook(port, (entry) => sheets === 'month-and-year' || entry.monthly);
  requireMonths(reading, month);
  const headerRows = new Map(reading.sheets.map((s) => [s.sheet, s.table?.headerRow ?? 1] as const));
  const report = buildMonthlyReport(
    {
      settings: reading.settings,
      month,
      consultations: reading.consultations,
      contracts: reading.contracts,
      delegations: reading.delegations,
      activities: reading.activities,
      complaints: reading.complaints,
      issues: reading.issues,
    },
    headerRows,
    new Map(reading.sheets.map((s) => [s.sheet, s.standard] as const)),
  );
  return {
    report,
    sheet: reportSheetName(month),
    // JSON's form of a time (issue #18): ISO 8601 with Japan's offset; the sheets below show the same instant in Japanese form.
    submission: toSubmission(report, isoJapanTime(now), submittedAt ? isoJapanTime(submittedAt) : null),
    reading,
  };
}

/** 「月報を作成…」: builds `月報_YYYY-MM`, replacing an earlier one of the month atomically. */
export function buildReport(port: WorkbookPort, month: string, now: Date): BuiltReport {
  const built = composeReport(port, month, now, null, 'month');
  port.replaceSheet(reportSheet(built.report, { createdAt: japanTimeText(now) }));
  return built;
}

/**
 * 「市へ提出」: the month's payload goes to the center's 提出用ファイル (a resubmission keeps the earlier one as
 * 履歴) with the 月報 as values beside it, then the center's own report is drawn again with 状態 提出済み.
 * The 提出用ファイル is written first: it is what the city reads. A caller that has already composed the
 * submission (to ask about errors left) passes it in, so the workbook is read once.
 */
export function submitReport(
  port: WorkbookPort,
  file: SubmissionFile,
  month: string,
  now: Date,
  built: BuiltReport = composeReport(port, month, now, now),
): BuiltReport & { resubmitted: boolean; migrated: number } {
  const submitted = reportSheet(built.report, { createdAt: japanTimeText(now), submittedAt: japanTimeText(now) });
  const result = submitToFile(port, file, { kind: MONTHLY_REPORT_KIND, period: month, payload: built.submission }, submitted);
  port.replaceSheet(submitted);
  return { ...built, ...result };
}
