import { isValidYearMonth } from '../domain/months';
import type { Submission } from '../domain/submission';
import { type BuiltReport, buildReport, submitReport } from '../workbook/report-job';
import { openXlsx } from './xlsx-port';

export interface ReportOptions {
  readonly month: string;
  readonly output?: string;
  readonly now?: Date;
  readonly today?: string;
}

/**
 * `houkatsu report`: the month's 月報 and its submission, written into OUT (default: beside the input)
 * as the sheets 月報_YYYY-MM and _提出データ, the same as 「月報を作成…」 then 「市へ提出」 in Sheets.
 */
export async function reportFile(file: string, options: ReportOptions): Promise<BuiltReport & { output: string; submission: Submission }> {
  if (!isValidYearMonth(options.month)) throw new RangeError(`--month（対象月）は YYYY-MM の形で指定してください（例: 2026-10）。「${options.month}」は読めません。`);
  const port = await openXlsx(file, options.today);
  const now = options.now ?? new Date();
  buildReport(port, options.month, now);
  const built = submitReport(port, options.month, now);
  const output = options.output ?? file.replace(/(\.xlsx)?$/i, `_月報_${options.month}.xlsx`);
  await port.save(output);
  return { ...built, output };
}

export function formatReport(built: BuiltReport & { output: string }): string {
  const r = built.report;
  const c = r.consultations;
  const lines = [
    `${r.center.name} ${r.month} の月報を作成しました: ${built.output}`,
    `  延べ件数 ${c.total} 件、実人数 ${c.uniquePersons} 人（新規 ${c.newPersons} 人）`,
    `  虐待 ${c.abuse.count} 件（市へ報告済み ${c.abuse.reported} 件、期限より遅れた報告 ${c.abuse.late} 件）`,
    `  介護予防: 直営 ${r.preventivePlans.direct} 件、委託 ${r.preventivePlans.delegated} 件（委託先 ${r.delegations.length} 事業所）`,
    `  この月の行に残っている問題: エラー ${r.quality.errors} 件、注意 ${r.quality.warnings} 件`,
    ...r.concentration.warnings.map((w) => `  注意: ${w.message}`),
    `  提出データの指紋: ${built.submission.fingerprint}`,
  ];
  return lines.join('\n');
}
