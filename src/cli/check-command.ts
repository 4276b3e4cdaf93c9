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

export function formatCheck(output: CheckOutput): string {
  const { errors, warnings } = output.summary;
  const lines = [`${output.file}: エラー ${errors} 件、注意 ${warnings} 件`];
  let sheet = '';
  for (const issue of output.issues) {
    if (issue.sheet !== sheet) {
      sheet = issue.sheet;
      lines.push('', `■ ${sheet}`);
    }
    const tag = issue.severity === 'error' ? 'エラー' : '注意　';
    lines.push(`  ${issue.cell.padEnd(6)} ${tag} ${issue.message}${issue.suggestion !== undefined ? `（候補: ${issue.suggestion}）` : ''}`);
  }
  if (errors + warnings === 0) lines.push('問題は見つかりませんでした。');
  return lines.join('\n');
}
