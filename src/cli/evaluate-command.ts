import { formatShare } from '../domain/reports/concentration';
import { CENTER_STATUS_JA } from '../domain/reports/consolidation';
import type { EvaluationComparison, EvaluationOutcome } from '../domain/reports/evaluation-comparison';
import { EVALUATION_KIND } from '../domain/reports/evaluation-submission';
import { EVALUATION_SHEET } from '../domain/sheets/evaluation';
import { INDICATOR_LIST_SHEET } from '../domain/sheets/indicators';
import { compareWithNational, evaluationOutcomeOf } from '../workbook/evaluation-job';
import { evaluationSheet } from '../workbook/evaluation-layout';
import { type IndicatorImport, importIndicators, importOwnIndicators } from '../workbook/indicator-job';
import { centerNameIn, readSubmissionFile } from './consolidate-command';
import { saveXlsx } from './xlsx-save';
import { loadExcelJS, openXlsx, replaceXlsxSheet } from './xlsx-port';
import { openXlsxReader } from './xlsx-read';

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
  const nationalBook = options.national ? await openXlsxReader(options.national) : undefined;
  const comparison = compareWithNational({ readSheet: (name) => nationalBook?.readSheet(name) }, options.year, outcomes);
  if (options.output) {
    const workbook = new (loadExcelJS().Workbook)();
    workbook.creator = '包括支援シート';
    replaceXlsxSheet(workbook, evaluationSheet(comparison));
    await saveXlsx(workbook, options.output);
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
    ...c.centers.filter((x) => x.status !== 'submitted').map((x) => `  ${x.name}: ${CENTER_STATUS_JA[x.status]}（${x.reason ?? ''}）`),
    `  いいえ ${c.no.length} 件${c.no.map((n) => `\n    ${n.center} ${n.number}（${n.category}）: ${n.note}`).join('')}`,
  ].join('\n');
}

export interface IndicatorImportOptions {
  /** The center's workbook the indicators go into (its 事業評価). */
  readonly into: string;
  /** The workbook the city sent: its 評価指標 sheet, or its first sheet. Without it, the 評価指標 of `into`. */
  readonly indicators?: string;
}

/**
 * `houkatsu evaluate --into`: the add-on's 「事業評価の指標を取り込む」 on .xlsx files, the same job. The center's
 * workbook is written (all at once) only when an indicator is added; its rows are never rewritten.
 */
export async function importIndicatorFile(options: IndicatorImportOptions): Promise<IndicatorImport> {
  const center = await openXlsx(options.into);
  const source = options.indicators === undefined ? undefined : await openXlsxReader(options.indicators);
  // In the center's workbook, only 評価指標 (or its own name for it, in 読み替え) is the list; a file of the city's
  // may name its one sheet anything.
  const names = source?.sheetNames() ?? [];
  const listSheet = names.includes(INDICATOR_LIST_SHEET) ? INDICATOR_LIST_SHEET : names[0];
  const result = !source ? importOwnIndicators(center) : importIndicators(center, listSheet === undefined ? undefined : source.readSheet(listSheet));
  if (result.kind === 'imported' && result.years.some((y) => y.added > 0)) await saveXlsx(center.workbook, options.into);
  return result;
}

export function formatIndicatorImport(years: Extract<IndicatorImport, { kind: 'imported' }>['years'], file: string): string {
  const added = years.reduce((sum, y) => sum + y.added, 0);
  const counts = years.map((y) => `${y.year}年度: ${y.added} 件`).join('、');
  return added > 0
    ? `「${file}」の「${EVALUATION_SHEET}」に指標を追加しました（${counts}）。回答済みの行は変えていません。`
    : `「${file}」の「${EVALUATION_SHEET}」には一覧の指標がすべてあります（${counts}）。ファイルは変えていません。`;
}
