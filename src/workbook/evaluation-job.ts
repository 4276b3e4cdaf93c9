import { type EvaluationComparison, type EvaluationOutcome, compareEvaluations } from '../domain/reports/evaluation-comparison';
import { activityFigures, complaintFigures, evidenceText, indicatorEvidence, type YearRecords } from '../domain/reports/evaluation-evidence';
import { EVALUATION_KIND, type EvaluationSubmission, readEvaluationPayload, toEvaluationSubmission } from '../domain/reports/evaluation-submission';
import { currentSubmission } from '../domain/reports/submission-store';
import { ACTIVITIES_SHEET } from '../domain/sheets/activities';
import { COMPLAINTS_SHEET } from '../domain/sheets/complaints';
import { NATIONAL_SHEET, readNational } from '../domain/sheets/national-averages';
import type { WorkbookReading } from '../domain/sheets/workbook-check';
import type { FiscalYear } from '../domain/values/fiscal-year';
import { isoJapanTime } from '../domain/values/times';
import { type CenterJob, type CenterListing, codeMismatch, type JobRun, type ResumableOptions, restoredOutcome, runCenterJob } from './city-job';
import { centerEvaluationSheet, evaluationSheet } from './evaluation-layout';
import type { WorkbookPort } from './port';
import { type CenterRead, type SubmissionFile, submitToFile } from './submission-target';

/** The years a center has answered in 事業評価, newest first. */
export function evaluationYears(reading: WorkbookReading): FiscalYear[] {
  return [...new Set(reading.evaluation.filter((a) => a.answer !== undefined).map((a) => a.year))].sort().reverse();
}

/** The year's evaluation payload, from a workbook already read. */
export function composeEvaluation(reading: WorkbookReading, year: FiscalYear, now: Date): EvaluationSubmission {
  const answers = reading.evaluation.filter((a) => a.year === year);
  const at = isoJapanTime(now);
  return toEvaluationSubmission({ name: reading.settings.centerName, code: reading.settings.centerCode }, year, answers, at, at);
}

/** Whether the center keeps a sheet (its header was found): a sheet it does not keep is no evidence of none. */
function keeps(reading: WorkbookReading, standard: string): boolean {
  return reading.sheets.some((s) => s.standard === standard && s.table !== undefined);
}

/** The year's figures from the center's 活動記録 and 苦情記録, for the sheets it keeps. */
export function yearRecords(reading: WorkbookReading, year: FiscalYear): YearRecords {
  return {
    year,
    ...(keeps(reading, ACTIVITIES_SHEET) ? { activities: activityFigures(reading.activities, year) } : {}),
    ...(keeps(reading, COMPLAINTS_SHEET) ? { complaints: complaintFigures(reading.complaints, year) } : {}),
  };
}

/** The evidence beside each of the year's answers, by 番号 (counts only); an indicator the records say nothing of is absent. */
export function evaluationEvidence(reading: WorkbookReading, year: FiscalYear): Map<string, string> {
  const records = yearRecords(reading, year);
  const texts = reading.evaluation.filter((a) => a.year === year).map((a) => [a.number, evidenceText(indicatorEvidence(a, records))] as const);
  return new Map(texts.filter(([, text]) => text !== ''));
}

/** 「市へ提出」 of the year's evaluation: its own payload kind in the 提出用ファイル, with a readable 事業評価_YYYY. */
export function submitEvaluation(
  port: WorkbookPort,
  file: SubmissionFile,
  reading: WorkbookReading,
  year: FiscalYear,
  now: Date,
): { submission: EvaluationSubmission; resubmitted: boolean } {
  const submission = composeEvaluation(reading, year, now);
  const readable = centerEvaluationSheet(submission, evaluationEvidence(reading, year));
  const { resubmitted } = submitToFile(port, file, { kind: EVALUATION_KIND, period: year, payload: submission }, readable);
  return { submission, resubmitted };
}

/** A center's status for the year from what was read: the current evaluation payload of the year, validated. */
export function evaluationOutcomeOf(listing: CenterListing, read: CenterRead, year: FiscalYear): EvaluationOutcome {
  if (read.kind === 'unreadable') return { name: listing.name, status: 'unreadable', reason: read.reason };
  const current = currentSubmission(read.stored, EVALUATION_KIND, year);
  if (!current) return { name: listing.name, status: 'missing', reason: `${year}年度の事業評価がまだ提出されていません。` };
  const payload = readEvaluationPayload(current.json);
  if (payload.kind === 'bad') return { name: listing.name, status: 'unreadable', reason: payload.reason };
  const mismatch = codeMismatch(listing, payload.submission.center.code);
  return mismatch
    ? { name: listing.name, status: 'unreadable', reason: mismatch }
    : { name: listing.name, status: 'submitted', submission: payload.submission };
}

/** The year's comparison of the centers' outcomes against the national averages in the city's workbook. */
export function compareWithNational(port: Pick<WorkbookPort, 'readSheet'>, year: FiscalYear, outcomes: readonly EvaluationOutcome[]): EvaluationComparison {
  return compareEvaluations(year, outcomes, readNational(port.readSheet(NATIONAL_SHEET), year));
}

/** Where a time-boxed 「事業評価を集計…」 keeps what it has read so far, so that the next run resumes there. */
export const EVALUATION_WORK_SHEET = '_事業評価作業';

/** 「事業評価を集計…」: the year's evaluation payload of each center. */
export function evaluationJob(year: FiscalYear): CenterJob<EvaluationOutcome> {
  return {
    workSheet: EVALUATION_WORK_SHEET,
    kind: EVALUATION_KIND,
    period: year,
    since: '',
    outcomeOf: (listing, read) => evaluationOutcomeOf(listing, read, year),
    restore: (kept, json) => restoredOutcome(kept, json, readEvaluationPayload),
  };
}

/**
 * 「事業評価を集計…」 over one port: reads each center's `_提出データ` resumably (runCenterJob, as the month's
 * consolidation does), then compares, draws 事業評価_YYYY with a chart per center, and keeps a receipt of every
 * evaluation it used in `_受領記録`.
 */
export function runEvaluation(port: WorkbookPort, year: FiscalYear, opts: ResumableOptions): JobRun<EvaluationComparison> {
  return runCenterJob(port, evaluationJob(year), opts, (outcomes) => {
    const comparison = compareWithNational(port, year, outcomes);
    port.replaceSheet(evaluationSheet(comparison));
    return comparison;
  });
}
