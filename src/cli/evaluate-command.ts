import ExcelJS from 'exceljs';
import { formatShare } from '../domain/reports/concentration';
import { EVALUATION_KIND, type EvaluationComparison, type EvaluationOutcome, compareEvaluations } from '../domain/sheets/evaluation';
import { evaluationOutcomeOf, evaluationSheet, NATIONAL_SHEET, readNational } from '../workbook/evaluation-job';
import { centerNameIn, readSubmissionFile } from './consolidate-command';
import { saveAtomically } from './submission-file';
import { openXlsx, replaceXlsxSheet } from './xlsx-port';

export interface EvaluateOptions {
  readonly year: string;
  readonly output?: string;
  /** A workbook with a 全国平均 sheet (年度 | 分類 | 全国平均), e.g. the city's own. */
  readonly national?: string;
}

/**
 * One center's 提出用 workbook, read as the city reads it: its `_提出データ` only. A center's own workbook is
 * 読めない with the reason and nothing of it is read (its 事業評価 included: only a submission counts).
 */
async function outcomeOfFile(file: string, year: string): Promise<EvaluationOutcome> {
  const read = await readSubmissionFile(file);
  const name = centerNameIn(file, read, EVALUATION_KIND, year);
  return evaluationOutcomeOf({ name, code: '', source: file, staff: '' }, read, year);
}

/** `houkatsu evaluate`: the city's comparison of 事業評価 on the centers' 提出用 workbooks. */
export async function evaluateFiles(files: readonly string[], options: EvaluateOptions): Promise<EvaluationComparison> {
  const outcomes: EvaluationOutcome[] = [];
  for (const file of files) outcomes.push(await outcomeOfFile(file, options.year));
  const national = options.national ? readNational((await openXlsx(options.national)).readSheet(NATIONAL_SHEET), options.year) : {};
  const comparison = compareEvaluations(options.year, outcomes, national);
  if (options.output) {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = '包括支援シート';
    replaceXlsxSheet(workbook, evaluationSheet(comparison));
    await saveAtomically(workbook, options.output);
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
