/**
 * `npm run bench`: speed, measured (never asserted in a timed test). Prints a table and writes
 * bench/results.json. `--smoke` runs the same code at small sizes, as part of `npm test`.
 *
 * - engine: rows/s of the full check (all three sheets) and its ratio to a bare scan of the same cells;
 * - adapters: SpreadsheetApp calls per job at two sizes (must be identical) and a modelled Apps Script time;
 * - CLI: `check` on a large .xlsx (time and peak memory) against exceljs' streaming read of that file (the floor),
 *   exceljs' whole read, and the CLI's own reader alone;
 * - bundle: size of build/Code.js and the time to load it (it runs on every onOpen and onEdit);
 * - チェック結果 for 5,000 problems (issue #20): the bytes the sidebar receives when it opens and per page of a kind
 *   (at most 50 KB each), the calls of a page and of 適用, and (not with --smoke) the time Chromium takes to draw
 *   the first screen (first contentful paint of the served page, the median of a few loads). `--sidebar` runs
 *   this part alone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { openXlsxReader } from '../src/cli/xlsx-read';
import type { CellValue } from '../src/domain/values/cell';
import { readSettings } from '../src/domain/sheets/settings';
import type { RawSheet } from '../src/domain/sheets/table';
import { readWorkbook } from '../src/domain/sheets/workbook-check';
import { createGasEnvironment, loadBundle, runFunction, sheetFromRows, userEdit } from '../test/fakes/gas-globals';
import { consultation, consultations, CONSULTATION_HEADER, contract, CONTRACT_HEADER, delegation, DELEGATION_HEADER, jst } from '../test/helpers/center';
import { storeRows } from '../test/helpers/submissions';
import { toSubmission } from '../src/domain/reports/submission';
import { buildMonthlyReport } from '../src/domain/reports/monthly-report';
import { defaultSettings } from '../src/domain/sheets/settings';
import { makeOfficeNumber } from '../src/domain/values/office-number';
import { loadManyProblems, manyProblemRows } from '../test/helpers/many-problems';
import { CHROMIUM, launchBrowser, openServed, SIDEBAR } from '../test/ui/harness';

const ROOT = join(__dirname, '..');
const SMOKE = process.argv.includes('--smoke');
/** What one SpreadsheetApp call costs in Apps Script, for the model: a round trip of tens of milliseconds. */
const MS_PER_CALL = 50;
const LIMITS = { simpleTrigger: 30_000, execution: 360_000 };

function time<T>(f: () => T): { value: T; ms: number } {
  const start = process.hrtime.bigint();
  const value = f();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

/** Sheets as the adapters read them: Dates already turned into SheetDates. */
function rawOf(name: string, rows: readonly (readonly unknown[])[]): RawSheet {
  return {
    name,
    rows: rows.map((values, i) => ({
      rowNumber: i + 1,
      values: values.map((v): CellValue =>
        v instanceof Date ? { kind: 'date', iso: new Date(v.getTime() + 9 * 3600e3).toISOString().slice(0, 10) } : v === '' ? null : (v as CellValue),
      ),
    })),
  };
}

/**
 * A large center as it would look: 9,000 offices with one contract a 年度 each (April to March, never
 * overlapping), delegations to an office in a month its contract covers, one row per (month, office), and
 * about 1% of rows with the mess people type. Realistic data, so the figures are those of real use.
 */
const OFFICES = 9000;
const officeNumber = (i: number): string => makeOfficeNumber(11, '7', 10 + Math.floor((i % OFFICES) / 1000), i % 1000);
function workbookRows(n: number): Map<string, RawSheet> {
  const c = consultations(n).map((r, i) => (i % 97 === 0 ? consultation({ 相談方法: 'TEL', 受付日: 'R8.10.3' }) : r));
  const year = (i: number): number => 2000 + Math.floor(i / OFFICES);
  return new Map([
    ['相談記録', rawOf('相談記録', [CONSULTATION_HEADER, ...c])],
    [
      '委託契約',
      rawOf('委託契約', [
        CONTRACT_HEADER,
        ...Array.from({ length: n }, (_, i) =>
          contract({
            事業所番号: officeNumber(i),
            契約開始日: jst(`${year(i)}-04-01`),
            契約終了日: jst(`${year(i) + 1}-03-31`),
            運営協議会承認日: jst(`${year(i)}-03-01`),
          }),
        ),
      ]),
    ],
    [
      '委託実績',
      rawOf('委託実績', [
        DELEGATION_HEADER,
        ...Array.from({ length: n }, (_, i) =>
          delegation({ 対象月: `${year(i)}-06`, 事業所番号: officeNumber(i), ...(i % 101 === 0 ? { 介護予防支援件数: '３件' } : {}) }),
        ),
      ]),
    ],
  ]);
}

function bareScan(raws: Map<string, RawSheet>): number {
  let touched = 0;
  for (const raw of raws.values()) for (const row of raw.rows) for (const v of row.values) if (v !== null && (typeof v !== 'string' || v.length > 0)) touched++;
  return touched;
}

function engine(n: number) {
  const raws = workbookRows(n);
  const settings = readSettings(undefined, 'bench');
  readWorkbook(workbookRows(200), settings, '2026-11-23');
  const check = time(() => readWorkbook(raws, settings, '2026-11-23'));
  const scan = time(() => bareScan(raws));
  const rows = n * 3;
  return {
    rows,
    checkMs: check.ms,
    rowsPerSecond: Math.round(rows / (check.ms / 1000)),
    scanMs: scan.ms,
    ratio: check.ms / Math.max(scan.ms, 0.01),
    issues: check.value.issues.length,
  };
}

type Job = '入力チェック' | 'onEdit (500行の貼り付け)' | '月報を作成' | '市へ提出';

/** Round trips to Google: SpreadsheetApp calls plus requests to the Sheets and Drive APIs (advanced services). */
function roundTrips(env: ReturnType<typeof createGasEnvironment>): { calls: number; apiCalls: number } {
  return { calls: env.callLog.spreadsheetCalls, apiCalls: env.callLog.byFamily('sheets-api') + env.callLog.byFamily('drive-api') };
}

function adapterCalls(n: number, job: Job): { calls: number; apiCalls: number; jsMs: number } {
  const env = createGasEnvironment({ htmlDir: join(ROOT, 'build') });
  // 設定 as シートを準備 leaves it and a center fills it in: with its センター名, so the spreadsheet's name is not asked.
  sheetFromRows(env.spreadsheet, '設定', [
    ['項目', '値'],
    ['センター名', '本庄西地域包括支援センター'],
    ['提出先メールアドレス', 'kaigo@city.example.jp'],
  ]);
  sheetFromRows(env.spreadsheet, '相談記録', [CONSULTATION_HEADER, ...consultations(n).map((r, i) => (i % 97 === 0 ? consultation({ 相談方法: 'TEL' }) : r))]);
  sheetFromRows(env.spreadsheet, '委託契約', [CONTRACT_HEADER, contract()]);
  sheetFromRows(env.spreadsheet, '委託実績', [DELEGATION_HEADER, ...Array.from({ length: Math.min(n, 500) }, () => delegation())]);
  const context = loadBundle(join(ROOT, 'build', 'Code.js'), env);
  let event: ReturnType<typeof userEdit> | undefined;
  if (job === 'onEdit (500行の貼り付け)') event = userEdit(env, '相談記録', `A${n - 600}:Q${n - 101}`, consultations(500));
  if (job === '市へ提出') {
    // The first submission creates the 提出用ファイル; the one measured writes into it, as every later month does.
    env.ui.answer({ button: 'OK', text: '2026-10' }, 'YES', 'OK');
    runFunction(context, 'menuSubmitReport');
    env.spreadsheet.setActiveSheet(env.spreadsheet.peekSheet('相談記録'));
    env.ui.answer({ button: 'OK', text: '2026-10' }, 'YES', 'OK');
  }
  env.callLog.reset();
  const run = time(() => {
    if (job === '入力チェック') runFunction(context, 'menuInputCheck');
    else if (job === '月報を作成') runFunction(context, 'reportDialogBuild', '2026-10');
    else if (job === '市へ提出') runFunction(context, 'menuSubmitReport');
    else runFunction(context, 'onEdit', event);
  });
  // A job that failed half-way would measure nothing: it must have said it was done.
  const failed = env.ui.shown.filter((s) => s.kind === 'alert' && 'prompt' in s && /処理を完了|ありません|読めません/.test(String(s.prompt)));
  if (
    failed.length > 0 ||
    (job === '市へ提出' && !env.ui.shown.some((s) => s.kind === 'alert' && 'prompt' in s && String(s.prompt).includes('月報を提出しました')))
  ) {
    throw new Error(`${job} did not finish: ${JSON.stringify(env.ui.shown.slice(-2))}`);
  }
  return { ...roundTrips(env), jsMs: run.ms };
}

function cityCalls(centers: number): { calls: number; jsMs: number } {
  const env = createGasEnvironment({ htmlDir: join(ROOT, 'build-city') });
  const report = buildMonthlyReport({ settings: defaultSettings('センター'), month: '2026-10', consultations: [], contracts: [], delegations: [], issues: [] });
  const rows = storeRows([toSubmission(report, 'g', 's')]);
  const list: unknown[][] = [['センター名', '提出用ファイル']];
  for (let i = 0; i < centers; i++) {
    // A 提出用ファイル holds _提出データ and nothing of the center's own sheets.
    const ss = env.addSpreadsheet({ sheetNames: ['_提出データ'] });
    sheetFromRows(ss, '_提出データ', rows);
    list.push([`センター${i}`, ss.id]);
  }
  sheetFromRows(env.spreadsheet, 'センター一覧', list);
  const context = loadBundle(join(ROOT, 'build-city', 'Code.js'), env);
  env.callLog.reset();
  const run = time(() => runFunction(context, 'cityStep', { month: '2026-10' }));
  const trips = roundTrips(env);
  return { calls: trips.calls + trips.apiCalls, jsMs: run.ms };
}

/** What one more center costs: the difference between two city sizes, so the fixed cost of drawing the sheets is apart. */
function cityCallsPerCenter(small: number, large: number): { calls: number; jsMs: number; fixedCalls: number } {
  const a = cityCalls(small);
  const b = cityCalls(large);
  const calls = (b.calls - a.calls) / (large - small);
  return { calls, jsMs: (b.jsMs - a.jsMs) / (large - small), fixedCalls: a.calls - calls * small };
}

async function cli(n: number) {
  const dir = mkdtempSync(join(tmpdir(), 'houkatsu-bench-'));
  const file = join(dir, 'large.xlsx');
  // Streamed, so writing 100,000 rows does not hold the whole workbook in memory.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('相談記録');
  ws.addRow(CONSULTATION_HEADER).commit();
  for (const r of consultations(n))
    ws.addRow(
      r.map((v) =>
        v instanceof Date ? new Date(Date.UTC(v.getUTCFullYear(), v.getUTCMonth(), v.getUTCDate() + 1)) : v === '' ? null : v,
      ) as ExcelJS.CellValue[],
    ).commit();
  ws.commit();
  await wb.commit();
  const timeAsync = async (f: () => Promise<unknown>): Promise<number> => {
    const start = process.hrtime.bigint();
    await f();
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  // The floor: exceljs' streaming reader going through every row of the file, values and dates parsed, nothing kept.
  const streamMs = await timeAsync(async () => {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit' });
    let cells = 0;
    for await (const sheet of reader) for await (const row of sheet) cells += row.cellCount;
    return cells;
  });
  const wholeMs = await timeAsync(async () => {
    const w = new ExcelJS.Workbook();
    await w.xlsx.readFile(file);
  });
  const readerMs = await timeAsync(async () => (await openXlsxReader(file)).readSheet('相談記録'));
  // The check's own peak memory, reported by the process itself as it exits.
  const probe = join(dir, 'max-rss.js');
  writeFileSync(probe, "process.on('exit', () => process.stderr.write(`maxRSS ${process.resourceUsage().maxRSS}\\n`));\n");
  const check = time(() =>
    spawnSync(process.execPath, ['--require', probe, join(ROOT, 'dist', 'cli.js'), 'check', file, '--json', '--today', '2026-11-23'], {
      maxBuffer: 512 * 1024 * 1024,
      encoding: 'utf8',
    }),
  );
  const maxRssKb = Number(/maxRSS (\d+)/.exec(check.value.stderr)?.[1] ?? NaN);
  // `check -o`: the marked copy, read and written with exceljs (src/cli/xlsx-save.ts zips it with Node's zlib), against
  // exceljs reading the file and writing it back as it comes, with its own zip.
  const marked = time(() =>
    spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', file, '-o', join(dir, 'marked.xlsx'), '--today', '2026-11-23'], {
      maxBuffer: 512 * 1024 * 1024,
      encoding: 'utf8',
    }),
  );
  if (marked.value.status !== 0 && marked.value.status !== 1) throw new Error(`check -o が失敗しました: ${marked.value.stderr}`);
  const copyMs = await timeAsync(async () => {
    const w = new ExcelJS.Workbook();
    await w.xlsx.readFile(file);
    await w.xlsx.writeFile(join(dir, 'copy.xlsx'));
  });
  return {
    rows: n,
    bytes: statSync(file).size,
    checkMs: check.ms,
    checkMaxRssMb: maxRssKb / 1024,
    exceljsStreamMs: streamMs,
    exceljsReadMs: wholeMs,
    markedMs: marked.ms,
    exceljsCopyMs: copyMs,
    readerMs,
    ratio: check.ms / streamMs,
  };
}

function bundle() {
  const path = join(ROOT, 'build', 'Code.js');
  const env = createGasEnvironment({ htmlDir: join(ROOT, 'build') });
  const load = time(() => loadBundle(path, env));
  return { bytes: statSync(path).size, loadMs: load.ms };
}

/** What a page of the チェック結果 sidebar may receive at most. */
const SIDEBAR_BYTES = 50 * 1024;

/** The sidebar over the 5,000-problem workbook of the tests (test/helpers/many-problems): what travels, and the calls. */
function sidebarAtScale(rows: number) {
  const env = createGasEnvironment({ htmlDir: join(ROOT, 'build') });
  loadManyProblems(env.spreadsheet, manyProblemRows(rows));
  const context = loadBundle(join(ROOT, 'build', 'Code.js'), env);
  runFunction(context, 'menuInputCheck');
  const html = env.ui.lastSidebar()?.getContent() ?? '';
  const data = /<script type="application\/json" id="houkatsu-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
  const summary = JSON.parse(data) as { summary: { errors: number; warnings: number } };
  const measure = (name: string, ...args: unknown[]) => {
    env.callLog.reset();
    const run = time(() => JSON.stringify(runFunction(context, name, ...args)));
    return { bytes: Buffer.byteLength(run.value), calls: env.callLog.spreadsheetCalls, jsMs: run.ms };
  };
  const open = { sheet: '相談記録', code: 'CHOICE_VARIANT', offset: 0 };
  const page = measure('sidebarIssuePage', open);
  const nextPage = measure('sidebarIssuePage', { ...open, offset: 50 });
  // The first 適用 also makes _変更履歴; the one measured is the second, as most are.
  runFunction(context, 'sidebarApplySuggestion', '相談記録', 'D4', '電話', open);
  const apply = measure('sidebarApplySuggestion', '相談記録', 'D8', '電話', open);
  const preview = measure('sidebarGroupFixPreview', { sheet: '相談記録', code: 'DATE_NOTATION' });
  return {
    problems: summary.summary.errors + summary.summary.warnings,
    html,
    htmlBytes: Buffer.byteLength(html),
    dataBytes: Buffer.byteLength(data),
    page,
    nextPage,
    apply,
    preview,
  };
}

/** First contentful paint of the served sidebar in Chromium, ms: the median of `runs` fresh pages. */
async function firstScreenMs(html: string, runs: number): Promise<number | undefined> {
  if (!existsSync(CHROMIUM)) return undefined;
  const env = createGasEnvironment({ htmlDir: join(ROOT, 'build') });
  const context = loadBundle(join(ROOT, 'build', 'Code.js'), env);
  const browser = await launchBrowser();
  try {
    const times: number[] = [];
    // One load first, so that starting the browser's renderer is not counted.
    for (let i = 0; i <= runs; i++) {
      const served = await openServed(browser, env, context, html, SIDEBAR);
      const fcp = await served.page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const entry = performance.getEntriesByName('first-contentful-paint')[0];
            if (entry) resolve(entry.startTime);
            else new PerformanceObserver((list) => resolve(list.getEntries()[0]?.startTime ?? NaN)).observe({ type: 'paint', buffered: true });
          }),
      );
      if (i > 0) times.push(fcp);
      await served.page.close();
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
  } finally {
    await browser.close();
  }
}

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The チェック結果 section: adds its lines and results; true when a page received more than SIDEBAR_BYTES. */
async function sidebarSection(lines: string[], results: Record<string, unknown>): Promise<boolean> {
  process.stderr.write('チェック結果のサイドバー…\n');
  const { html: sidebarHtml, ...sidebar } = sidebarAtScale(SMOKE ? 300 : 4000);
  const firstScreen = SMOKE ? undefined : await firstScreenMs(sidebarHtml, 5);
  results.sidebar = { ...sidebar, firstScreenMs: firstScreen ?? null };
  const kb = (bytes: number): string => `${fmt(bytes / 1024, 1)} KB`;
  const over = [sidebar.dataBytes, sidebar.page.bytes, sidebar.nextPage.bytes, sidebar.apply.bytes, sidebar.preview.bytes].some((x) => x > SIDEBAR_BYTES);
  lines.push(
    '',
    `チェック結果のサイドバー（${fmt(sidebar.problems)} 件の問題、各 ${kb(SIDEBAR_BYTES)} 以内${over ? '  ★超えた' : ''}）`,
    `  開くとき: データ ${kb(sidebar.dataBytes)}（HTML 全体 ${kb(sidebar.htmlBytes)}）、最初の画面を描くまで ${firstScreen === undefined ? '（測っていません）' : `${fmt(firstScreen)} ms（Chromium、目標 300 ms 以内）`}`,
    `  種類を開く・次の50件: ${kb(sidebar.page.bytes)}・${kb(sidebar.nextPage.bytes)}、${sidebar.page.calls}回（JS ${fmt(sidebar.page.jsMs)} ms）、セルに書き込まない`,
    `  適用（開いた種類のページつき）: ${sidebar.apply.calls}回、${kb(sidebar.apply.bytes)}（JS ${fmt(sidebar.apply.jsMs)} ms）`,
    `  まとめて直すプレビュー: ${kb(sidebar.preview.bytes)}、${sidebar.preview.calls}回`,
  );

  return over;
}

async function main(): Promise<void> {
  const sizes = SMOKE ? [500] : [1000, 10_000, 100_000];
  const adapterSizes = SMOKE ? [1000, 1500] : [1000, 10_000];
  const results: Record<string, unknown> = { smoke: SMOKE, msPerCall: MS_PER_CALL };
  const lines: string[] = [];
  if (process.argv.includes('--sidebar')) {
    // Only the sidebar's figures, for work on the sidebar (results.json is left as the full run wrote it).
    if (await sidebarSection(lines, results)) process.exitCode = 1;
    process.stdout.write(`${lines.join('\n')}\n`);
    return;
  }

  const progress = (line: string): void => {
    process.stderr.write(`${line}\n`);
  };
  const engines = sizes.map((n) => {
    progress(`エンジン ${n} 行…`);
    return engine(n);
  });
  results.engine = engines;
  lines.push('エンジン（3 シートの全チェック）', '  行数      行/秒        全チェック ms   素の走査 ms   比（目標 5 倍以内）');
  for (const e of engines)
    lines.push(
      `  ${fmt(e.rows).padStart(8)}  ${fmt(e.rowsPerSecond).padStart(10)}  ${fmt(e.checkMs, 1).padStart(12)}  ${fmt(e.scanMs, 1).padStart(12)}  ${fmt(e.ratio, 1)}×`,
    );

  const jobs: Job[] = ['入力チェック', 'onEdit (500行の貼り付け)', '月報を作成', '市へ提出'];
  const adapters = jobs.map((job) => {
    progress(`アダプタ ${job}…`);
    const at = adapterSizes.map((n) => ({ rows: n, ...adapterCalls(n, job) }));
    const last = at[at.length - 1] ?? { calls: 0, apiCalls: 0, jsMs: 0 };
    const modelledMs = (last.calls + last.apiCalls) * MS_PER_CALL + last.jsMs;
    const limit = job.startsWith('onEdit') ? LIMITS.simpleTrigger : LIMITS.execution;
    return { job, at, identical: at.every((x) => x.calls === at[0]?.calls && x.apiCalls === at[0]?.apiCalls), modelledMs, limitMs: limit };
  });
  const city = SMOKE ? cityCallsPerCenter(2, 4) : cityCallsPerCenter(20, 60);
  results.adapters = adapters;
  results.cityPerCenter = { ...city, modelledMsFor150: city.fixedCalls * MS_PER_CALL + 150 * (city.calls * MS_PER_CALL + city.jsMs) };
  lines.push('', `アダプタ（SpreadsheetApp の呼び出し回数 ＋ Sheets/Drive API の要求数。モデル時間 = 回数 × ${MS_PER_CALL}ms + JS の実測）`);
  for (const a of adapters) {
    lines.push(
      `  ${a.job.padEnd(22)} ${a.at.map((x) => `${fmt(x.rows)}行: ${x.calls}回${x.apiCalls ? `＋API ${x.apiCalls}回` : ''}`).join('  ')}  ${a.identical ? '同じ' : '★違う'}  モデル ${fmt(a.modelledMs / 1000, 1)}秒 / 上限 ${a.limitMs / 1000}秒`,
    );
  }
  lines.push(
    `  市の集計                1センター増えるごとに ${fmt(city.calls, 1)}回（Sheets API で読む 2 回と、読んだ分を 「_集計作業」 に残す SpreadsheetApp 2 回）（シートを描く固定分 ${fmt(city.fixedCalls)}回）、150センターのモデル ${fmt((city.fixedCalls * MS_PER_CALL + 150 * (city.calls * MS_PER_CALL + city.jsMs)) / 1000, 1)}秒（4.5分ごとに区切って再開）`,
  );

  progress('CLI…');
  const c = await cli(SMOKE ? 300 : 100_000);
  results.cli = c;
  lines.push(
    '',
    `CLI（${fmt(c.rows)} 行、${fmt(c.bytes / 1024 / 1024, 1)} MB の .xlsx）: check ${fmt(c.checkMs / 1000, 2)}秒（最大メモリ ${fmt(c.checkMaxRssMb)} MB）、exceljs のストリーム読み込みだけで ${fmt(c.exceljsStreamMs / 1000, 2)}秒 → ${fmt(c.ratio, 2)}×（目標 1 倍以内）`,
    `  読み込みだけ: CLI の読み込み ${fmt(c.readerMs / 1000, 2)}秒、exceljs のストリーム ${fmt(c.exceljsStreamMs / 1000, 2)}秒、exceljs の全体読み込み ${fmt(c.exceljsReadMs / 1000, 2)}秒`,
    `  印を付けた写し（check -o）: ${fmt(c.markedMs / 1000, 2)}秒、exceljs で読んでそのまま書くだけで ${fmt(c.exceljsCopyMs / 1000, 2)}秒`,
  );

  const b = bundle();
  results.bundle = b;
  lines.push('', `バンドル: build/Code.js ${fmt(b.bytes / 1024)} KB、vm への読み込み ${fmt(b.loadMs, 1)} ms（onOpen・onEdit のたび）`);

  const over = await sidebarSection(lines, results);

  process.stdout.write(`${lines.join('\n')}\n`);
  if (!SMOKE) {
    mkdirSync(join(ROOT, 'bench'), { recursive: true });
    writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  }
  if (adapters.some((a) => !a.identical)) {
    process.stderr.write('SpreadsheetApp の呼び出し回数が行数で変わりました。\n');
    process.exitCode = 1;
  }
  if (over) {
    process.stderr.write(`チェック結果のサイドバーに ${SIDEBAR_BYTES / 1024} KB を超えて送りました。\n`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exitCode = 1;
});
