import { parseArgs } from 'node:util';
import { checkFile, formatCheck } from './check-command';
import { readFiscalYear } from '../domain/values/fiscal-year';
import { isValidYearMonth } from '../domain/values/months';
import { runDemo } from './demo';
import { consolidateFiles, formatConsolidation } from './consolidate-command';
import { evaluateFiles, formatEvaluation, formatIndicatorImport, importIndicatorFile } from './evaluate-command';
import { exportFiles, formatExport, ndjson, outputProblem } from './export-command';
import { formatReport, reportFile } from './report-command';
import { UnwritableFileError } from './xlsx-save';
import { UnreadableFileError } from './xlsx-port';
import { ReportUnavailableError } from '../workbook/report-job';
import { SubmissionTargetError } from '../workbook/submission-target';

/** Exit codes of SPEC §6. */
export const EXIT = { ok: 0, hasErrors: 1, usage: 2 } as const;

const HELP = `包括支援シート ローカルランナー（.xlsx）

使い方:
  houkatsu check FILE.xlsx [--json] [-o 印付き.xlsx]
      相談記録などのシートをチェックします。同じ問題は 1 行にまとめ、ほかのセルを次の行に並べます（--json はセル
      ごと）。-o で、問題のあるセルに色とメモを付けた写しを書き出します。
  houkatsu report --month YYYY-MM FILE.xlsx [-o OUT.xlsx] [--year YYYY] [--json]
      その月の月報を作って市へ提出します。書き出す OUT はセンターの提出用ファイル（市に渡すファイル）で、
      入るのは月報_YYYY-MM と提出データ（_提出データ）だけです（--year を付けると、その年度の事業評価_YYYY も）。
      相談記録・委託契約・委託実績・設定の行は 1 行も入りません。FILE（センターの台帳）は変えません。
      相談記録を読めない（シートも見出し行もない）とき、行の月を決める列（受付日・対象月など）がないときは、件数が 0 の
      月報にならないよう何も書き出しません（終了コード 1）。
      OUT を省くと FILE と同じフォルダの「提出用_センター名.xlsx」。OUT がすでにあれば前の月の月報と
      提出データの履歴は残し、同じ月をもう一度出すと前の提出データは「履歴」になります。ほかのシートのある
      ファイル（センターの台帳など）は OUT にできません（終了コード 2、何も書きません）。
      --json で提出データ（JSON）を表示します。
  houkatsu consolidate --month YYYY-MM [--since YYYY-MM] FILES... [-o OUT.xlsx] [--json]
      市の集計: 各センターの提出用ファイルの提出データ（_提出データ）だけを読み、提出状況・市集計・
      委託事業所一覧・新規委託を OUT に書き出します。OUT の「_受領記録」に、読んだ提出データを残します
      （前に受け取ったものと違えば、提出状況に再提出と書きます）。センター名は提出データから取ります。
      相談記録などのシートがあるファイル（センターの台帳）は、何も読まずに「読めない」とします（終了コード 1）。
      --city 本庄市 --order 上里町,美里町 で所在の並び（市が先頭）を指定できます。OUT に「設定」シートがあれば、
      市のスプレッドシートと同じく、集中の警告しきい値・市区町村名・所在の順をそこから読みます（--city・--order が優先）。
  houkatsu evaluate --year YYYY FILES... [-o OUT.xlsx] [--national 市.xlsx] [--json]
      事業評価（年度）の市の比較: 各センターの提出用ファイルで提出された事業評価から、分類ごとの達成率
      （はい ÷ 回答）を各センター・市・全国平均（--national のブックの「全国平均」シート）で並べ、「いいえ」の
      理由を一覧にします。センターの台帳は consolidate と同じく読みません。
  houkatsu evaluate --into センター.xlsx [--indicators 評価指標.xlsx] [--json]
      アドオンの「事業評価の指標を取り込む」と同じです: 市から届いた評価指標の一覧（--indicators のブックの
      「評価指標」シート、なければ最初のシート。省くとセンター.xlsx の「評価指標」シート）から、センター.xlsx の
      「事業評価」にまだない指標の行（年度・番号・分類・指標）を下に追加します。入力済みの行は消しも書き換えも
      せず、2 回取り込んでも増えません。追加する行がなければファイルは変えません。
  houkatsu export --ndjson FILES... [-o OUT.ndjson]
      各センターの提出用ファイル（提出用_センター名.xlsx）から、各月の最新の月報の提出データ（件数と事業所の
      情報だけ）を 1 行に 1 件の JSON（NDJSON、UTF-8）で書き出します。DuckDB はそのまま、BigQuery は表の形
      schema/submission.v1.bigquery.json を添えて読み込めます（1 行の形は schema/submission.v1.json）。-o を省くと
      標準出力へ。センターの台帳など提出用ファイルでないファイル、月報の提出データがないファイルは、理由を
      標準エラーに書き、そのファイルからは何も書きません（1 行も書けなければ終了コード 2、ほかの行を書いたときは 1）。
  houkatsu demo [DIR] [--month YYYY-MM] [--json]
      本庄市の 4 センターの見本のブックを DIR（省略時は新しいフォルダ）に作り、入力チェック・各センターの提出用
      ファイル（月報と事業評価）・市の集計まで行って、結果と書き出したファイルの場所を表示します
      （既定の対象月は 2021-02）。
  houkatsu --help
      この説明を表示します。

終了コード: 0 = エラーなし、1 = 入力にエラーあり（読めないセンターを含む）、2 = 使い方の誤り・読めないファイル・
書き出せない OUT
`;

class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message);
}

/** Where a run writes: the process's streams from bin.ts, a buffer in the tests. */
export interface CliOutput {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

async function main(argv: readonly string[], out: CliOutput): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      ndjson: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      output: { type: 'string', short: 'o' },
      today: { type: 'string' },
      month: { type: 'string' },
      since: { type: 'string' },
      city: { type: 'string' },
      order: { type: 'string' },
      year: { type: 'string' },
      national: { type: 'string' },
      into: { type: 'string' },
      indicators: { type: 'string' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    out.stdout(HELP);
    return values.help || command === 'help' ? EXIT.ok : EXIT.usage;
  }
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) fail('--today は YYYY-MM-DD の形で指定してください。');
  switch (command) {
    case 'check': {
      if (rest.length !== 1) fail('チェックする .xlsx ファイルを1つ指定してください。例: houkatsu check センター.xlsx');
      const output = await checkFile(rest[0] as string, { marked: values.output, today: values.today });
      out.stdout(values.json ? `${JSON.stringify(output, null, 2)}\n` : `${formatCheck(output)}\n`);
      return output.summary.errors > 0 ? EXIT.hasErrors : EXIT.ok;
    }
    case 'report': {
      if (rest.length !== 1) fail('月報を作る .xlsx ファイルを1つ指定してください。例: houkatsu report --month 2026-10 センター.xlsx');
      if (values.month === undefined) fail('--month で対象月を指定してください（例: --month 2026-10）。');
      if (!isValidYearMonth(values.month)) fail(`--month（対象月）は YYYY-MM の形で指定してください（例: 2026-10）。「${values.month}」は読めません。`);
      const year = values.year === undefined ? undefined : readFiscalYear(values.year);
      if (values.year !== undefined && year === undefined)
        fail(`--year（事業評価の年度）は 2025 や 令和7年度 の形で指定してください。「${values.year}」は読めません。`);
      const built = await reportFile(rest[0] as string, { month: values.month, output: values.output, year, today: values.today });
      out.stdout(values.json ? `${JSON.stringify(built.submission, null, 2)}\n` : `${formatReport(built)}\n`);
      return built.report.quality.errors > 0 ? EXIT.hasErrors : EXIT.ok;
    }
    case 'consolidate': {
      if (rest.length === 0) fail('集計する提出用ファイル（提出用_センター名.xlsx）を1つ以上指定してください。');
      if (values.month === undefined) fail('--month で対象月を指定してください（例: --month 2021-02）。');
      for (const m of [values.month, values.since]) {
        if (m !== undefined && !isValidYearMonth(m)) fail(`月は YYYY-MM の形で指定してください（例: 2021-02）。「${m}」は読めません。`);
      }
      const order = values.order
        ?.split(/[、,]/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
      const result = await consolidateFiles(rest, { month: values.month, since: values.since, output: values.output, city: values.city, order });
      out.stdout(values.json ? `${JSON.stringify(result.document, null, 2)}\n` : `${formatConsolidation(result.consolidation, result.output)}\n`);
      // A file that could not be read is an input with errors; a center that has not submitted is not.
      return result.consolidation.centers.some((c) => c.status === 'unreadable') ? EXIT.hasErrors : EXIT.ok;
    }
    case 'evaluate': {
      if (values.indicators !== undefined && values.into === undefined)
        fail('--indicators は --into（取り込む先のセンターのブック）と一緒に指定してください。');
      if (values.into !== undefined) {
        if (rest.length > 0)
          fail(`--into では提出用ファイルを指定しません（「${rest.join(' ')}」）。例: houkatsu evaluate --into センター.xlsx --indicators 評価指標.xlsx`);
        const imported = await importIndicatorFile({ into: values.into, indicators: values.indicators });
        if (imported.kind === 'refused') fail(imported.reason);
        out.stdout(values.json ? `${JSON.stringify(imported, null, 2)}\n` : `${formatIndicatorImport(imported.years, values.into)}\n`);
        return EXIT.ok;
      }
      if (rest.length === 0) fail('事業評価を集計する提出用ファイル（提出用_センター名.xlsx）を1つ以上指定してください。');
      const year = values.year === undefined ? undefined : readFiscalYear(values.year);
      if (year === undefined) fail('--year で年度を指定してください（例: --year 2025 や --year 令和7年度）。');
      const comparison = await evaluateFiles(rest, { year, output: values.output, national: values.national });
      out.stdout(values.json ? `${JSON.stringify(comparison, null, 2)}\n` : `${formatEvaluation(comparison)}\n`);
      return comparison.centers.some((c) => c.status === 'unreadable') ? EXIT.hasErrors : EXIT.ok;
    }
    case 'export': {
      if (!values.ndjson)
        fail(
          'export は --ndjson を付けて実行してください（1 行に 1 件の提出データを書く形です）。例: houkatsu export --ndjson 提出/*.xlsx -o submissions.ndjson',
        );
      if (values.json) fail('export は --json ではなく --ndjson で書き出します（1 行に 1 件の JSON）。--json を外してください。');
      if (rest.length === 0) fail('書き出す提出用ファイル（提出用_センター名.xlsx）を1つ以上指定してください。例: houkatsu export --ndjson 提出/*.xlsx');
      const refused = values.output === undefined ? undefined : outputProblem(values.output, rest);
      if (refused) fail(refused);
      const result = await exportFiles(rest, { output: values.output });
      for (const p of [...result.problems, ...result.duplicates]) out.stderr(`${p.message}\n`);
      if (values.output === undefined) out.stdout(ndjson(result.lines));
      else if (result.lines.length > 0) out.stdout(`${formatExport(result, rest.length)}\n`);
      if (result.problems.length === 0) return EXIT.ok;
      // Some lines were written: an input with errors, as consolidate says of a center it could not read. None: nothing to load.
      if (result.lines.length > 0) return EXIT.hasErrors;
      out.stderr(`書き出せる提出データが 1 件もありませんでした${values.output === undefined ? '' : `（「${values.output}」には何も書いていません）`}。\n`);
      return EXIT.usage;
    }
    case 'demo': {
      if (rest.length > 1) fail('demo に指定できるフォルダは1つです。');
      return runDemo({ dir: rest[0], json: values.json, month: values.month, write: out.stdout, progress: (line) => out.stderr(`${line}\n`) });
    }
    default:
      return fail(`「${command}」というコマンドはありません。houkatsu --help で使い方を確認してください。`);
  }
}

/**
 * One run of `houkatsu` with its arguments: the exit code of SPEC §6. Never throws: a usage error, an unreadable or
 * unwritable file gets its message on stderr and exit code 2; a 月報 refused for want of a readable 相談記録, its
 * message and 1 (an input with errors); anything else its stack (a bug to report).
 */
export async function houkatsu(argv: readonly string[], out: CliOutput): Promise<number> {
  try {
    return await main(argv, out);
  } catch (error: unknown) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      out.stderr(
        `${error instanceof UsageError ? error.message : `引数が正しくありません: ${(error as Error).message}`}\nhoukatsu --help で使い方を確認してください。\n`,
      );
    } else if (error instanceof UnreadableFileError || error instanceof UnwritableFileError || error instanceof SubmissionTargetError) {
      out.stderr(`${error.message}\n`);
    } else if (error instanceof ReportUnavailableError) {
      // The input has an error (no readable 相談記録); nothing was written.
      out.stderr(`${error.message}\n`);
      return EXIT.hasErrors;
    } else {
      out.stderr(`予期しないエラーが起きました: ${(error as Error).stack ?? String(error)}\n`);
    }
    return EXIT.usage;
  }
}
