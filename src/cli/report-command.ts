import { dirname, join, resolve } from 'node:path';
import type { EvaluationSubmission } from '../domain/reports/evaluation-submission';
import { isValidYearMonth } from '../domain/values/months';
import type { Submission } from '../domain/reports/submission';
import { submissionFileTitle } from '../domain/reports/submission-file';
import { evaluationYears, submitEvaluation } from '../workbook/evaluation-job';
import { type BuiltReport, composeReport, submitReport } from '../workbook/report-job';
import type { WorkbookPort } from '../workbook/port';
import { SubmissionTargetError } from '../workbook/submission-target';
import { openSubmissionFile } from './submission-file';
import { openXlsxReader } from './xlsx-read';

export interface ReportOptions {
  readonly month: string;
  /** The 提出用 workbook; default `提出用_<センター名>.xlsx` in `outputDir` (default: beside the input). */
  readonly output?: string;
  readonly outputDir?: string;
  /** The 年度 (YYYY) whose 事業評価 is submitted too. */
  readonly year?: string;
  readonly now?: Date;
  readonly today?: string;
}

export interface ReportResult extends BuiltReport {
  readonly output: string;
  readonly submission: Submission;
  /** The month had been submitted before: the earlier payload is 履歴 now. */
  readonly resubmitted: boolean;
  /** Rows of an old `_提出データ` in the center's workbook, carried into the 提出用 workbook. */
  readonly migrated: number;
  readonly evaluation?: { readonly submission: EvaluationSubmission; readonly resubmitted: boolean };
}

/** A センター名 as part of a file name: the characters no file system takes become `_`. */
export function fileNameOf(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '_');
}

/**
 * The center's workbook as 「市へ提出」 sees it here: read, never written. What the job changes in the center's
 * own spreadsheet (its 月報 drawn again as 提出済み, an old `_提出データ` removed once its rows are carried
 * over) is not done to the file; a removed sheet is not read again (by the --year submission), as in the add-on.
 */
function unwrittenCenter(port: WorkbookPort): WorkbookPort {
  const removed = new Set<string>();
  return {
    ...port,
    sheetNames: () => port.sheetNames().filter((n) => !removed.has(n)),
    readSheet: (n) => (removed.has(n) ? undefined : port.readSheet(n)),
    readRows: (n, first, count) => (removed.has(n) ? undefined : port.readRows(n, first, count)),
    replaceSheet: () => undefined,
    removeSheet: (n) => {
      removed.add(n);
    },
  };
}

/**
 * `houkatsu report`: 「月報を作成…」 then 「市へ提出」 on an .xlsx file. The month's payload and the 月報 as
 * values (with `--year`, the year's 事業評価 too) go into the center's 提出用 workbook, the file handed to the
 * city: `_提出データ`, `月報_…`, `事業評価_…` and nothing else. Its earlier months and history are kept. The
 * center's own workbook is read, never written: not one row of 相談記録, 委託契約, 委託実績 or 設定 leaves it.
 */
export async function reportFile(file: string, options: ReportOptions): Promise<ReportResult> {
  if (!isValidYearMonth(options.month))
    throw new RangeError(`--month（対象月）は YYYY-MM の形で指定してください（例: 2026-10）。「${options.month}」は読めません。`);
  const port = unwrittenCenter(await openXlsxReader(file, options.today));
  const now = options.now ?? new Date();
  const built = composeReport(port, options.month, now, now);
  const output = options.output ?? join(options.outputDir ?? dirname(file), `${fileNameOf(submissionFileTitle(built.report.center.name))}.xlsx`);
  if (resolve(output) === resolve(file)) {
    throw new SubmissionTargetError(
      `「${output}」はセンターのブックそのものです。市に渡す提出用ファイルは、センターの台帳とは別のファイルにしてください（-o を省くと「${submissionFileTitle(built.report.center.name)}.xlsx」に書き出します）。`,
    );
  }
  const target = await openSubmissionFile(output, { create: true });
  // Both payloads go into the copy in memory, the file is written once: nothing is written when either is refused.
  const submitted = submitReport(port, target, options.month, now, built);
  let evaluation: ReportResult['evaluation'];
  if (options.year !== undefined) {
    // The years 「市へ提出」 would offer: those with at least one answer.
    if (!evaluationYears(built.reading).includes(options.year))
      throw new SubmissionTargetError(
        `「事業評価」のシートに ${options.year}年度の回答がありません。回答を入れてから、もう一度 --year ${options.year} を付けて実行してください（何も書き出していません）。`,
      );
    evaluation = submitEvaluation(port, target, built.reading, options.year, now);
  }
  await target.save();
  return { ...submitted, output, evaluation };
}

export function formatReport(built: ReportResult): string {
  const r = built.report;
  const c = r.consultations;
  const lines = [
    `${r.center.name} ${r.month} の月報を提出用ファイルに書き出しました: ${built.output}`,
    `  （市に渡すのはこのファイルです。月報と提出データだけで、相談記録などセンターの台帳は入っていません）`,
    `  延べ件数 ${c.total} 件、実人数 ${c.uniquePersons} 人（新規 ${c.newPersons} 人）`,
    `  虐待 ${c.abuse.count} 件（市へ報告済み ${c.abuse.reported} 件、期限より遅れた報告 ${c.abuse.late} 件）`,
    `  介護予防: 直営 ${r.preventivePlans.direct} 件、委託 ${r.preventivePlans.delegated} 件（委託先 ${r.delegations.length} 事業所）`,
    `  この月の行に残っている問題: エラー ${r.quality.errors} 件、注意 ${r.quality.warnings} 件`,
    ...r.concentration.warnings.map((w) => `  注意: ${w.message}`),
    `  提出データの指紋: ${built.submission.fingerprint}`,
    ...(built.resubmitted ? [`  ${r.month} は再提出です。前の提出データは「履歴」として残しました。`] : []),
    ...(built.evaluation
      ? [
          `  ${built.evaluation.submission.year}年度の事業評価も提出しました（${built.evaluation.submission.answers.length} 指標${built.evaluation.resubmitted ? '、前の提出は履歴に残しました' : ''}）。`,
        ]
      : []),
    ...(built.migrated > 0
      ? [`  センターのブックにあった古い「_提出データ」の ${built.migrated} 行を提出用ファイルに引き継ぎました（センターのブックは変えていません）。`]
      : []),
  ];
  return lines.join('\n');
}
