import { mkdirSync, mkdtempSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { formatShare } from '../domain/reports/concentration';
import type { EvaluationComparison } from '../domain/reports/evaluation-comparison';
import { isOpenOn } from '../domain/sheets/complaints';
import type { WorkbookReading } from '../domain/sheets/workbook-check';
import { evaluationEvidence } from '../workbook/evaluation-job';
import { formatMonthJa, isValidYearMonth, previousMonth } from '../domain/values/months';
import { HONJO_CENTERS, SAMPLE_LAST_MONTH } from '../sample/center';
import { centerLedger, OWN_LAYOUTS } from '../sample/own-layout';
import { SAMPLE_FISCAL_YEAR, sampleNationalSheet } from '../sample/evaluation';
import { HONJO_MUNICIPALITY_ORDER, HONJO_PLACE } from '../sample/honjo';
import { checkFile } from './check-command';
import { consolidateFiles } from './consolidate-command';
import { evaluateFiles } from './evaluate-command';
import { reportFile } from './report-command';
import { writeWorkbook } from './xlsx-write';
import { CENTER_STATUS_JA } from '../domain/reports/consolidation';

export interface DemoOptions {
  readonly dir?: string;
  readonly json?: boolean;
  readonly month?: string;
  readonly seed?: number;
  /** Where progress goes (the CLI sends it to stderr), so what `write` gets is only the result. */
  readonly progress: (line: string) => void;
  readonly write: (text: string) => void;
}

export const DEFAULT_SEED = 20210201;

/** The sample is a year ending with the Honjo handout's month; the demo is dated a few days after its month. */
function demoClock(month: string): { now: Date; today: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = new Date(Date.UTC(y, m, 5, 1, 0));
  return { now: next, today: next.toISOString().slice(0, 10) };
}

export interface DemoResult {
  readonly month: string;
  readonly seed: number;
  readonly centers: {
    name: string;
    errors: number;
    warnings: number;
    total: number;
    reportErrors: number;
    /** Rows of 活動記録 and 苦情記録 (the year of the sample), and the complaints still open at the demo's date. */
    activities: number;
    complaints: number;
    openComplaints: number;
    /** What the year's 活動記録 say beside each indicator the center answered いいえ (counts only), by 番号. */
    evidenceForNo: { number: string; evidence: string }[];
  }[];
  readonly city: Record<string, unknown>;
  readonly evaluation: EvaluationComparison;
  /** Relative to the demo folder, so the same seed gives the same document wherever it runs. */
  readonly files: string[];
}

/**
 * `houkatsu demo`: the whole product on four sample centers of 本庄市 — writes their own workbooks (センター/),
 * checks them (チェック済み/), submits each center's 月報 and 事業評価 into its 提出用 workbook (提出/), and
 * consolidates only 提出/ for the city (市/), as the city never holds a center's own workbook. Says where every
 * file is.
 */
export async function runDemo(options: DemoOptions): Promise<number> {
  const { progress, write } = options;
  const month = options.month ?? SAMPLE_LAST_MONTH;
  if (!isValidYearMonth(month)) throw new RangeError(`--month（対象月）は YYYY-MM の形で指定してください（例: ${SAMPLE_LAST_MONTH}）。`);
  const seed = options.seed ?? DEFAULT_SEED;
  const dir = resolve(options.dir ?? mkdtempSync(join(process.cwd(), 'houkatsu-demo-')));
  const { now, today } = demoClock(month);
  for (const sub of ['センター', 'チェック済み', '提出', '市']) mkdirSync(join(dir, sub), { recursive: true });
  const files: string[] = [];
  const centers: DemoResult['centers'] = [];
  // What each center hands to the city: its 提出用 workbook, the only files the city part reads.
  const submitted: string[] = [];
  for (const center of HONJO_CENTERS) {
    progress(`${center.name}: 見本のブックを作っています…`);
    const input = join(dir, 'センター', `${center.name}.xlsx`);
    // 児玉 keeps its ledger in its own layout, with a 読み替え sheet: the rest of the demo reads it like the others.
    await writeWorkbook(input, centerLedger(center, seed).sheets);
    progress(`${center.name}: 入力チェック…`);
    const marked = join(dir, 'チェック済み', `${center.name}_チェック済み.xlsx`);
    const check = await checkFile(input, { marked, today });
    progress(`${center.name}: ${month} の月報と ${SAMPLE_FISCAL_YEAR}年度の事業評価を提出用ファイルへ…`);
    const built = await reportFile(input, { month, outputDir: join(dir, '提出'), year: SAMPLE_FISCAL_YEAR, now, today });
    submitted.push(built.output);
    files.push(input, marked, built.output);
    centers.push({
      name: center.name,
      errors: check.summary.errors,
      warnings: check.summary.warnings,
      total: built.report.consultations.total,
      reportErrors: built.report.quality.errors,
      activities: built.reading.activities.length,
      complaints: built.reading.complaints.length,
      openComplaints: built.reading.complaints.filter((c) => isOpenOn(c, today)).length,
      evidenceForNo: evidenceForNo(built.reading),
    });
  }
  progress('市: 各センターの提出データを集計…');
  const cityFile = join(dir, '市', `市集計_${month}.xlsx`);
  const city = await consolidateDemo(submitted, month, cityFile);
  files.push(cityFile);
  progress('市: 事業評価を集計…');
  const nationalFile = join(dir, '市', `全国平均_${SAMPLE_FISCAL_YEAR}.xlsx`);
  await writeWorkbook(nationalFile, [sampleNationalSheet()]);
  const evaluationFile = join(dir, '市', `事業評価_${SAMPLE_FISCAL_YEAR}.xlsx`);
  const evaluation = await evaluateFiles(submitted, { year: SAMPLE_FISCAL_YEAR, output: evaluationFile, national: nationalFile });
  files.push(nationalFile, evaluationFile);
  const result: DemoResult = { month, seed, centers, city: city.document, evaluation, files: files.map((f) => relative(dir, f)) };
  write(options.json ? `${JSON.stringify(result, null, 2)}\n` : `${demoSummary(result, city.consolidation, dir)}\n`);
  return 0;
}

/**
 * The city's part of the demo: 市集計 of `month` from the 提出用 files alone (written to `output` when given), with
 * 本庄市's municipalities in the handout's order and the demo's clock.
 */
export function consolidateDemo(submitted: readonly string[], month: string, output?: string): ReturnType<typeof consolidateFiles> {
  return consolidateFiles(submitted, {
    month,
    since: previousMonth(month),
    ...(output !== undefined ? { output } : {}),
    city: HONJO_PLACE.municipality,
    order: HONJO_MUNICIPALITY_ORDER,
    now: demoClock(month).now,
  });
}

/** One line per center that keeps its own layout: its sheets, read through 読み替え. */
function ownLayoutLines(): string[] {
  return Object.entries(OWN_LAYOUTS).map(([name, layout]) => {
    const sheets = Object.values(layout?.sheets ?? {}).flatMap((s) => (s?.name ? [s.name] : []));
    return `  ${name} は自前の台帳（${sheets.join('・')}、見出しや言葉もセンター独自）のまま、「読み替え」シートで読んでいます。`;
  });
}

const pct = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : formatShare(v));

/** The evidence 「市へ提出」 writes beside the year's answers, for those answered いいえ: what the records show there. */
function evidenceForNo(reading: WorkbookReading): DemoResult['centers'][number]['evidenceForNo'] {
  const evidence = evaluationEvidence(reading, SAMPLE_FISCAL_YEAR);
  return reading.evaluation
    .filter((a) => a.year === SAMPLE_FISCAL_YEAR && a.answer === 'いいえ' && evidence.has(a.number))
    .map((a) => ({ number: a.number, evidence: evidence.get(a.number) ?? '' }));
}

/** 市集計's 活動・苦情 of the month, summed over the centers (月報 section 9 of each). */
function activitiesLine(c: Awaited<ReturnType<typeof consolidateFiles>>['consolidation']): string {
  const a = c.totals.activities;
  const k = c.totals.complaints;
  const activities = a
    ? `地域ケア個別会議 ${a.careMeetings} 回（事例 ${a.cases} 件）・活動 ${a.activities} 件（参加 ${a.participants} 人）`
    : '提出データになし';
  const complaints = k ? `苦情 受付 ${k.received} 件・月末に未完了 ${k.open} 件・市へ報告 ${k.reported} 件` : '';
  return `  活動・苦情（${formatMonthJa(c.month)}、4 センターの計）: ${[activities, complaints].filter((t) => t !== '').join('、')}`;
}

/** One line for the year of 活動記録 and 苦情記録 of every center: how many rows, and the complaints still open. */
function recordsLine(centers: DemoResult['centers']): string {
  const each = centers.map(
    (x) => `${x.name} 活動 ${x.activities} 件・苦情 ${x.complaints} 件${x.openComplaints > 0 ? `（うち未完了 ${x.openComplaints} 件）` : ''}`,
  );
  return `  1年分の活動記録・苦情記録: ${each.join('、')}（名称・把握した課題・対応・内容メモはセンターのブックに残ります）`;
}

/** What `houkatsu demo` says without --json: every figure of `r` and the city's `c` in Japanese, and where the files are. */
export function demoSummary(r: DemoResult, c: Awaited<ReturnType<typeof consolidateFiles>>['consolidation'], dir: string): string {
  const status = CENTER_STATUS_JA;
  const concentration = c.warnings.filter((w) => w.kind !== 'office-disagreement');
  return [
    `包括支援シート デモ（本庄市の 4 センター、${formatMonthJa(r.month)}）`,
    '',
    '■ 各センターの入力チェックと月報',
    ...r.centers.map((x) => `  ${x.name}: エラー ${x.errors} 件・注意 ${x.warnings} 件（わざと入れた表記ゆれ・書き漏れ）／ 延べ件数 ${x.total} 件`),
    recordsLine(r.centers),
    ...ownLayoutLines(),
    '',
    '■ 市の集計',
    `  提出状況: ${c.centers.map((x) => `${x.name} ${status[x.status]}`).join('、')}`,
    `  委託事業所一覧: ${c.offices.length} 事業所（うち〇のある事業所 ${c.offices.filter((o) => o.centers.length > 0).length}）`,
    `  新規委託（${formatMonthJa(c.since)}〜）: ${c.newContracts.map((n) => `${n.name}（${n.municipality}、${n.center}）`).join('、') || 'なし'}`,
    `  集中の注意: ${concentration.length ? concentration.map((w) => w.message).join(' / ') : 'なし（しきい値を超えた事業所・法人はありません）'}`,
    `  記載の食い違い: ${c.warnings.filter((w) => w.kind === 'office-disagreement').length} 件（移転した事業所の住所など）`,
    activitiesLine(c),
    '',
    `■ 事業評価（${r.evaluation.year}年度、分類ごとの達成率: 市 / 全国平均〔見本の値〕）`,
    ...r.evaluation.categories.map((cat) => `  ${cat}: ${pct(r.evaluation.city[cat])} / ${pct(r.evaluation.national[cat])}`),
    `  「いいえ」とその理由: ${r.evaluation.no.map((n) => `${n.center} 指標${n.number}「${n.note}」`).join('、') || 'なし'}`,
    ...r.centers.flatMap((x) => x.evidenceForNo.map((e) => `  記録から（${x.name} 指標${e.number}）: ${e.evidence}`)),
    '',
    `書き出したファイル（${dir}）:`,
    ...r.files.map((f) => `  ${f}`),
    '',
    '市に渡すのは 提出/ の提出用ファイルだけです（月報・事業評価と提出データ。相談記録などセンターの台帳は入っていません）。',
    '市の集計と事業評価は 提出/ だけを読んで作りました。',
    'センターのブックを Google スプレッドシートに取り込めば、同じチェックと月報がメニュー「包括支援」から使えます。',
  ].join('\n');
}
