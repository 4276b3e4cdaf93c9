import { type Issue, summarize } from '../domain/issues/issue';
import { checkWorkbook } from '../workbook/check-job';
import { openXlsx } from './xlsx-port';

export interface CheckOutput {
  readonly file: string;
  readonly issues: readonly Issue[];
  readonly summary: { readonly errors: number; readonly warnings: number };
}

/** `houkatsu check`: every sheet of a center workbook; with `marked`, a copy with the bad cells marked. */
export async function checkFile(file: string, options: { marked?: string; today?: string } = {}): Promise<CheckOutput> {
  const port = await openXlsx(file, options.today);
  const { issues } = checkWorkbook(port, { mark: options.marked !== undefined });
  if (options.marked !== undefined) await port.save(options.marked);
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
