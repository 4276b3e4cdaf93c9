import { type CellValue, cellText } from '../domain/values/cell';
import {
  type EvaluationComparison,
  compareEvaluations,
  EVALUATION_KIND,
  type EvaluationOutcome,
  type EvaluationSubmission,
  readEvaluationPayload,
  readFiscalYear,
  toEvaluationSubmission,
} from '../domain/sheets/evaluation';
import { currentSubmission } from '../domain/reports/submission-store';
import type { WorkbookReading } from '../domain/sheets/workbook-check';
import { type ColumnSpec, type RawSheet, toTable } from '../domain/sheets/table';
import { readShare } from '../domain/sheets/settings';
import { CENTER_LIST_SHEET, type CenterListing, codeMismatch, readCenterList, receiptOfUse } from './city-job';
import { readReceipts, type Receipt, RECEIPT_HEADER, receiptRow, RECEIPTS_SHEET } from '../domain/reports/receipts';
import type { WorkbookPort } from './port';
import { type CenterRead, evaluationCopy, type SubmissionFile, submitToFile } from './submission-target';
import type { BlockStyle, ChartModel, SheetModel } from './sheet-model';

/** The years a center has answered in 事業評価, newest first. */
export function evaluationYears(reading: WorkbookReading): string[] {
  return [...new Set(reading.evaluation.filter((a) => a.answer !== undefined).map((a) => a.year))].sort().reverse();
}

/** The year's evaluation payload, from a workbook already read. */
export function composeEvaluation(reading: WorkbookReading, year: string, now: Date): EvaluationSubmission {
  const answers = reading.evaluation.filter((a) => a.year === year);
  return toEvaluationSubmission({ name: reading.settings.centerName, code: reading.settings.centerCode }, year, answers, now.toISOString(), now.toISOString());
}

/** 「市へ提出」 of the year's evaluation: its own payload kind in the 提出用ファイル, with a readable 事業評価_YYYY. */
export function submitEvaluation(
  port: WorkbookPort,
  file: SubmissionFile,
  reading: WorkbookReading,
  year: string,
  now: Date,
): { submission: EvaluationSubmission; resubmitted: boolean } {
  const submission = composeEvaluation(reading, year, now);
  const { resubmitted } = submitToFile(port, file, { kind: EVALUATION_KIND, period: year, payload: submission }, evaluationCopy(submission));
  return { submission, resubmitted };
}

export function evaluationOutcomeOf(listing: CenterListing, read: CenterRead, year: string): EvaluationOutcome {
  if (read.kind === 'unreadable') return { name: listing.name, status: 'unreadable', reason: read.reason };
  const current = currentSubmission(read.stored, EVALUATION_KIND, year);
  if (!current) return { name: listing.name, status: 'missing', reason: `${year}年度の事業評価がまだ提出されていません。` };
  const payload = readEvaluationPayload(current.json);
  if (payload.kind === 'bad') return { name: listing.name, status: 'unreadable', reason: payload.reason };
  const mismatch = codeMismatch(listing, payload.submission.center.code);
  return mismatch
    ? { name: listing.name, status: 'unreadable', reason: mismatch }
    : { name: listing.name, status: 'submitted', submission: payload.submission };
}

/** The national averages the city enters: sheet 全国平均 (年度 | 分類 | 全国平均), one row per category and year. */
export const NATIONAL_SHEET = '全国平均';
type NationalKey = 'year' | 'category' | 'rate';
const NATIONAL_COLUMNS: readonly ColumnSpec<NationalKey>[] = [
  { key: 'year', header: '年度', required: true },
  { key: 'category', header: '分類', required: true },
  { key: 'rate', header: '全国平均', synonyms: ['割合', '達成率'], required: true },
];

/** A national average as the city typed it: read like 設定's 集中の警告しきい値 (86%, 86, 0.86). */
function share(value: CellValue | undefined): number | undefined {
  const n = readShare(cellText(value));
  return Number.isNaN(n) ? undefined : n;
}

export function readNational(raw: RawSheet | undefined, year: string): Record<string, number> {
  const table = raw ? toTable(raw, NATIONAL_COLUMNS) : undefined;
  if (!table) return {};
  const col = (k: NationalKey): number => table.columns[k] ?? -1;
  const out: Record<string, number> = {};
  for (const r of table.rows) {
    if (readFiscalYear(r.values[col('year')]) !== year) continue;
    const rate = share(r.values[col('rate')]);
    const category = String(r.values[col('category')] ?? '').trim();
    if (category && rate !== undefined) out[category] = rate;
  }
  return out;
}

const HEADER: BlockStyle = { bold: true, background: '#e8f0fe' };
const BELOW: BlockStyle = { background: '#fce8e6', bold: true };

/** 事業評価_YYYY: ① the city and ② each center against the national average, the reasons for いいえ, who has not submitted. */
export function evaluationSheet(c: EvaluationComparison): SheetModel {
  const submitted = c.centers.filter((x) => x.status === 'submitted');
  const header: CellValue[] = ['分類', ...submitted.map((x) => x.name), '市', '全国平均'];
  const rows = c.categories.map((cat): CellValue[] => [cat, ...submitted.map((x) => x.rates[cat] ?? ''), c.city[cat] ?? '', c.national[cat] ?? '']);
  const top = 3;
  // A rate below the national average is highlighted: the 運営協議会 reads these first.
  const accents = c.categories.flatMap((cat, i) => {
    const national = c.national[cat];
    if (national === null || national === undefined) return [];
    const values = [...submitted.map((x) => x.rates[cat]), c.city[cat]];
    return values.flatMap((v, j) =>
      v !== null && v !== undefined && v < national - 1e-9 ? [{ rect: { row: top + 1 + i, column: 2 + j, numRows: 1, numColumns: 1 }, style: BELOW }] : [],
    );
  });
  const blocks: SheetModel['blocks'][number][] = [
    { row: 1, column: 1, values: [[`事業評価（${c.year}年度）市・各センターと全国平均の比較`]], style: { bold: true, fontSize: 14 } },
    {
      row: top,
      column: 1,
      values: [header, ...rows],
      style: { numberFormat: '0.0%' },
      accents: [{ rect: { row: top, column: 1, numRows: 1, numColumns: header.length }, style: HEADER }, ...accents],
    },
  ];
  let row = top + rows.length + 2;
  const no: CellValue[][] = [
    ['センター', '番号', '分類', '根拠・備考（いいえの理由）'],
    ...c.no.map((n): CellValue[] => [n.center, n.number, n.category, n.note]),
  ];
  blocks.push({ row: row++, column: 1, values: [['■ 「いいえ」の回答と理由']], style: { bold: true } });
  blocks.push({ row, column: 1, values: no, accents: [{ rect: { row, column: 1, numRows: 1, numColumns: 4 }, style: HEADER }] });
  row += no.length + 1;
  const missing = c.centers.filter((x) => x.status !== 'submitted');
  blocks.push({ row: row++, column: 1, values: [['■ 提出されていないセンター']], style: { bold: true } });
  blocks.push({
    row,
    column: 1,
    values: [['センター', '理由'], ...(missing.length ? missing.map((x): CellValue[] => [x.name, x.reason ?? '']) : [['（なし）', '']])],
  });
  row += Math.max(missing.length, 1) + 2;
  // One chart per center: its rates beside the national average (a small source block each).
  const charts: ChartModel[] = [];
  submitted.forEach((x, i) => {
    const source: CellValue[][] = [['分類', x.name, '全国平均'], ...c.categories.map((cat): CellValue[] => [cat, x.rates[cat] ?? 0, c.national[cat] ?? 0])];
    blocks.push({ row, column: 1, values: source, style: { numberFormat: '0.0%' } });
    charts.push({
      kind: 'bar',
      title: `${x.name} と全国平均（${c.year}年度）`,
      range: { row, column: 1, numRows: source.length, numColumns: 3 },
      anchor: { row: top + i * 18, column: header.length + 2 },
    });
    row += source.length + 1;
  });
  return { name: `事業評価_${c.year}`, blocks, frozenRows: top, columnWidths: [280, ...submitted.map(() => 90), 90, 90], charts };
}

/**
 * 「事業評価を集計…」 over one port: reads each center's `_提出データ`, compares, draws 事業評価_YYYY, and keeps a
 * receipt of every evaluation it used in `_受領記録`.
 */
export function runEvaluation(
  port: WorkbookPort,
  year: string,
  readCenter: (listing: CenterListing) => CenterRead,
  now: Date,
): EvaluationComparison | undefined {
  const list = readCenterList(port.readSheet(CENTER_LIST_SHEET));
  if (list.length === 0) return undefined;
  const receipts = readReceipts(port.readSheet(RECEIPTS_SHEET)?.rows.map((r) => r.values) ?? []);
  const received: Receipt[] = [];
  const outcomes = list.map((listing): EvaluationOutcome => {
    let read: CenterRead;
    try {
      read = readCenter(listing);
    } catch (error) {
      return {
        name: listing.name,
        status: 'unreadable' as const,
        reason: `読み込み中に失敗しました（${String((error as { message?: unknown }).message ?? error).slice(0, 120)}）。`,
      };
    }
    const outcome = evaluationOutcomeOf(listing, read, year);
    received.push(...receiptOfUse([...receipts, ...received], listing.name, outcome, read, EVALUATION_KIND, year, now));
    return outcome;
  });
  const comparison = compareEvaluations(year, outcomes, readNational(port.readSheet(NATIONAL_SHEET), year));
  port.replaceSheet(evaluationSheet(comparison));
  port.appendRows(RECEIPTS_SHEET, RECEIPT_HEADER, received.map(receiptRow));
  return comparison;
}
