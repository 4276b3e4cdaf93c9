import ExcelJS from 'exceljs';
import { formatShare } from '../domain/concentration';
import { EVALUATION_SHEET, type EvaluationComparison, type EvaluationOutcome, compareEvaluations } from '../domain/evaluation';
import { readStoredSubmissions, SUBMISSIONS_SHEET } from '../domain/submission-store';
import { loadWorkbook } from '../workbook/check-job';
import { composeEvaluation, evaluationOutcomeOf, evaluationSheet, NATIONAL_SHEET, readNational } from '../workbook/evaluation-job';
import { centerNameOf } from './consolidate-command';
import { openXlsx, replaceXlsxSheet, UnreadableFileError } from './xlsx-port';

export interface EvaluateOptions {
  readonly year: string;
  readonly output?: string;
  /** A workbook with a 全国平均 sheet (年度 | 分類 | 全国平均), e.g. the city's own. */
  readonly national?: string;
  readonly now?: Date;
}

async function outcomeOfFile(file: string, options: EvaluateOptions): Promise<EvaluationOutcome> {
  const listing = { name: centerNameOf(file), source: file, staff: '' };
  let port;
  try {
    port = await openXlsx(file);
  } catch (error) {
    return { name: listing.name, status: 'unreadable', reason: error instanceof UnreadableFileError ? error.message : String(error) };
  }
  const stored = readStoredSubmissions(port.readSheet(SUBMISSIONS_SHEET)?.rows.map((r) => r.values) ?? []);
  const fromStore = evaluationOutcomeOf(listing, { kind: 'ok', stored }, options.year);
  if (fromStore.status !== 'missing' || !port.readSheet(EVALUATION_SHEET)) return fromStore;
  // A center workbook: its answers are taken as they are, as if submitted now.
  const submission = composeEvaluation(loadWorkbook(port).reading, options.year, options.now ?? new Date());
  return submission.answers.length ? { name: listing.name, status: 'submitted', submission } : fromStore;
}

/** `houkatsu evaluate`: the city's comparison of 事業評価 on .xlsx files. */
export async function evaluateFiles(files: readonly string[], options: EvaluateOptions): Promise<EvaluationComparison> {
  const outcomes: EvaluationOutcome[] = [];
  for (const file of files) outcomes.push(await outcomeOfFile(file, options));
  const national = options.national ? readNational((await openXlsx(options.national)).readSheet(NATIONAL_SHEET), options.year) : {};
  const comparison = compareEvaluations(options.year, outcomes, national);
  if (options.output) {
    const workbook = new ExcelJS.Workbook();
    replaceXlsxSheet(workbook, evaluationSheet(comparison));
    await workbook.xlsx.writeFile(options.output);
  }
  return comparison;
}

const pct = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : formatShare(v));

export function formatEvaluation(c: EvaluationComparison): string {
  const submitted = c.centers.filter((x) => x.status === 'submitted');
  return [
    `事業評価 ${c.year}年度（提出 ${submitted.length} / ${c.centers.length} センター）`,
    `  分類: 市 / 全国平均 / ${submitted.map((x) => x.name).join(' / ')}`,
    ...c.categories.map((cat) => `  ${cat}: ${pct(c.city[cat])} / ${pct(c.national[cat])} / ${submitted.map((x) => pct(x.rates[cat])).join(' / ')}`),
    ...c.centers.filter((x) => x.status !== 'submitted').map((x) => `  ${x.name}: ${x.status === 'missing' ? '未提出' : '読めない'}（${x.reason ?? ''}）`),
    `  いいえ ${c.no.length} 件${c.no.map((n) => `\n    ${n.center} ${n.number}（${n.category}）: ${n.note}`).join('')}`,
  ].join('\n');
}
