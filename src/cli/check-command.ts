import { sameIssues } from '../domain/issues/groups';
import { type Issue, summarize } from '../domain/issues/issue';
import { checkWorkbook } from '../workbook/check-job';
import { openXlsx } from './xlsx-port';
import { openXlsxReader } from './xlsx-read';

export interface CheckOutput {
  readonly file: string;
  readonly issues: readonly Issue[];
  readonly summary: { readonly errors: number; readonly warnings: number };
}

/**
 * `houkatsu check`: every sheet of a center workbook; with `marked`, a copy with the bad cells marked. Only
 * reading, it goes through the fast reader. The marked copy is the same workbook with its marks, so it is read
 * and written by exceljs: reading it first with the fast reader as well would only add that read.
 */
export async function checkFile(file: string, options: { marked?: string; today?: string } = {}): Promise<CheckOutput> {
  if (options.marked === undefined) {
    const { issues } = checkWorkbook(await openXlsxReader(file, options.today), { mark: false });
    return { file, issues, summary: summarize(issues) };
  }
  const port = await openXlsx(file, options.today);
  const { issues } = checkWorkbook(port, { mark: true });
  await port.save(options.marked);
  return { file, issues, summary: summarize(issues) };
}

/** How many cells a line of the text lists before it says how many more there are. */
const CELLS_LISTED = 10;

/**
 * The text a person reads: per sheet, each problem once (sameIssues), with the other cells that have it on the line
 * below; --json and the marked copy (-o) still give every cell.
 */
export function formatCheck(output: CheckOutput): string {
  const { errors, warnings } = output.summary;
  const lines = [`${output.file}: エラー ${errors} 件、注意 ${warnings} 件`];
  let sheet = '';
  for (const { first: issue, cells } of sameIssues(output.issues)) {
    if (issue.sheet !== sheet) {
      sheet = issue.sheet;
      lines.push('', `■ ${sheet}`);
    }
    const tag = issue.severity === 'error' ? 'エラー' : '注意　';
    lines.push(`  ${issue.cell.padEnd(6)} ${tag} ${issue.message}${issue.suggestion !== undefined ? `（候補: ${issue.suggestion}）` : ''}`);
    const others = cells.slice(1);
    if (others.length > 0) {
      const listed = others.slice(0, CELLS_LISTED).join('、');
      const more = others.length > CELLS_LISTED ? ` ほか ${(others.length - CELLS_LISTED).toLocaleString('ja-JP')} 件` : '';
      lines.push(`         同じ問題がほかに ${others.length.toLocaleString('ja-JP')} 件: ${listed}${more}`);
    }
  }
  if (errors + warnings === 0) lines.push('問題は見つかりませんでした。');
  return lines.join('\n');
}
