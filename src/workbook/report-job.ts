import { buildMonthlyReport, type MonthlyReport } from '../domain/reports/monthly-report';
import { type Submission, MONTHLY_REPORT_KIND, toSubmission } from '../domain/reports/submission';
import type { WorkbookReading } from '../domain/sheets/workbook-check';
import { loadWorkbook } from './check-job';
import { isoJapanTime, japanTimeText } from '../domain/values/times';
import { CONSULTATIONS_SHEET } from '../domain/sheets/consultations';
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
 * Thrown instead of a 月報 whose counts would all be 0 because the 相談記録 could not be read at all (no such sheet,
 * or no header row in it): drawn or handed to the city, such a report would say the center had no consultations.
 * Its message is Japanese, for the person, with what to do.
 */
export class ReportUnavailableError extends Error {}

/** Refuses, with the check's own sentence, a month whose 相談記録 was not read as a table. */
function requireConsultations(reading: WorkbookReading, month: string): void {
  const sheet = reading.sheets.find((s) => s.standard === CONSULTATIONS_SHEET);
  if (!sheet || sheet.table) return;
  const why = sheet.issues.find((i) => i.severity === 'error')?.message ?? `「${sheet.sheet}」を読めませんでした。`;
  throw new ReportUnavailableError(`${formatMonthJa(month)}の月報を作れません。相談記録を読めないまま作ると、相談の件数がすべて 0 になるためです。${why}`);
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
  requireConsultations(reading, month);
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
