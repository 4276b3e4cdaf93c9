import { buildMonthlyReport, type MonthlyReport } from '../domain/monthly-report';
import { type Submission, MONTHLY_REPORT_KIND, toSubmission } from '../domain/submission';
import { readStoredSubmissions, storedSubmissionRows, SUBMISSIONS_SHEET, withSubmission } from '../domain/submission-store';
import type { WorkbookReading } from '../domain/workbook-check';
import { JAPAN_TIME_ZONE, sheetDateOf } from './cell-values';
import { loadWorkbook } from './check-job';
import type { WorkbookPort } from './port';
import { reportSheet, reportSheetName } from './report-layout';

/** `2026-11-23 10:05`: when, as the people reading the sheet count time. */
export function japanTime(now: Date): string {
  const d = sheetDateOf(now, JAPAN_TIME_ZONE);
  return d ? `${d.iso} ${d.time ?? '00:00'}` : now.toISOString();
}

export interface BuiltReport {
  readonly report: MonthlyReport;
  readonly sheet: string;
  readonly submission: Submission;
  /** The workbook as read for the report, for whatever the same job does next (the year's evaluation). */
  readonly reading: WorkbookReading;
}

/** Reads the workbook once and builds the month's report, without writing anything. */
export function composeReport(port: WorkbookPort, month: string, now: Date, submittedAt: Date | null = null): BuiltReport {
  const { reading } = loadWorkbook(port);
  const headerRows = new Map(reading.sheets.map((s) => [s.sheet, s.table?.headerRow ?? 1] as const));
  const report = buildMonthlyReport(
    { settings: reading.settings, month, consultations: reading.consultations, contracts: reading.contracts, delegations: reading.delegations, issues: reading.issues },
    headerRows,
  );
  return { report, sheet: reportSheetName(month), submission: toSubmission(report, now.toISOString(), submittedAt ? submittedAt.toISOString() : null), reading };
}

/** 「月報を作成…」: builds `月報_YYYY-MM`, replacing an earlier one of the month atomically. */
export function buildReport(port: WorkbookPort, month: string, now: Date): BuiltReport {
  const built = composeReport(port, month, now);
  port.replaceSheet(reportSheet(built.report, { createdAt: japanTime(now) }));
  return built;
}

/**
 * 「市へ提出」: the month's payload goes to `_提出データ` (a resubmission keeps the earlier one as 履歴),
 * then the report is drawn again with 状態 提出済み. The store is written first: it is what the city reads.
 * A caller that has already composed the submission (to ask about errors left) passes it in, so the workbook
 * is read once.
 */
export function submitReport(port: WorkbookPort, month: string, now: Date, built: BuiltReport = composeReport(port, month, now, now)): BuiltReport & { resubmitted: boolean } {
  const { resubmitted } = storeSubmission(port, MONTHLY_REPORT_KIND, month, built.submission);
  port.replaceSheet(reportSheet(built.report, { createdAt: japanTime(now), submittedAt: japanTime(now) }));
  return { ...built, resubmitted };
}

/** Puts a payload into `_提出データ` (the sheet replaced atomically); an earlier one of the same period becomes 履歴. */
export function storeSubmission(
  port: WorkbookPort,
  kind: string,
  period: string,
  payload: { readonly submittedAt: string | null; readonly fingerprint: string; readonly schemaVersion: number },
): { resubmitted: boolean } {
  const stored = readStoredSubmissions(port.readSheet(SUBMISSIONS_SHEET)?.rows.map((r) => r.values) ?? []);
  const resubmitted = stored.some((s) => s.kind === kind && s.period === period);
  const next = withSubmission(stored, { kind, period, submittedAt: payload.submittedAt ?? '', fingerprint: payload.fingerprint, schemaVersion: payload.schemaVersion, json: JSON.stringify(payload) });
  port.replaceSheet({ name: SUBMISSIONS_SHEET, blocks: [{ row: 1, column: 1, values: storedSubmissionRows(next) }], hidden: true });
  return { resubmitted };
}
