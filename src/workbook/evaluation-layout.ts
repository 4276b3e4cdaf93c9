import type { CellValue } from '../domain/values/cell';
import type { EvaluationComparison } from '../domain/reports/evaluation-comparison';
import type { EvaluationSubmission } from '../domain/reports/evaluation-submission';
import { fallsBelow } from '../domain/values/numbers';
import { type ChartModel, printable, type SheetModel } from './sheet-model';
import { BELOW_STYLE, HEADER_STYLE, TITLE_STYLE } from './styles';

const SECTION = { bold: true } as const;
/** The row of the comparison's header; the title sits above it. */
const TOP = 3;
/** Rows between two centers' charts, so that they do not overlap. */
const CHART_ROWS = 18;

/** 事業評価_YYYY: ① the city and ② each center against the national average, the reasons for いいえ, who has not submitted. */
export function evaluationSheet(c: EvaluationComparison): SheetModel {
  const submitted = c.centers.filter((x) => x.status === 'submitted');
  const header: CellValue[] = ['分類', ...submitted.map((x) => x.name), '市', '全国平均'];
  const rows = c.categories.map((cat): CellValue[] => [cat, ...submitted.map((x) => x.rates[cat] ?? ''), c.city[cat] ?? '', c.national[cat] ?? '']);
  // A rate below the national average is highlighted: the 運営協議会 reads these first.
  const accents = c.categories.flatMap((cat, i) => {
    const national = c.national[cat];
    if (national === null || national === undefined) return [];
    const values = [...submitted.map((x) => x.rates[cat]), c.city[cat]];
    return values.flatMap((v, j) =>
      v !== null && v !== undefined && fallsBelow(v, national)
        ? [{ rect: { row: TOP + 1 + i, column: 2 + j, numRows: 1, numColumns: 1 }, style: BELOW_STYLE }]
        : [],
    );
  });
  const blocks: SheetModel['blocks'][number][] = [
    { row: 1, column: 1, values: [[`事業評価（${c.year}年度）市・各センターと全国平均の比較`]], style: TITLE_STYLE },
    {
      row: TOP,
      column: 1,
      values: [header, ...rows],
      style: { numberFormat: '0.0%' },
      accents: [{ rect: { row: TOP, column: 1, numRows: 1, numColumns: header.length }, style: HEADER_STYLE }, ...accents],
    },
  ];
  let row = TOP + rows.length + 2;
  const no: CellValue[][] = [
    ['センター', '番号', '分類', '根拠・備考（いいえの理由）'],
    ...c.no.map((n): CellValue[] => [n.center, n.number, n.category, n.note]),
  ];
  blocks.push({ row: row++, column: 1, values: [['■ 「いいえ」の回答と理由']], style: SECTION });
  blocks.push({ row, column: 1, values: no, accents: [{ rect: { row, column: 1, numRows: 1, numColumns: 4 }, style: HEADER_STYLE }] });
  row += no.length + 1;
  const missing = c.centers.filter((x) => x.status !== 'submitted');
  blocks.push({ row: row++, column: 1, values: [['■ 提出されていないセンター']], style: SECTION });
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
      anchor: { row: TOP + i * CHART_ROWS, column: header.length + 2 },
    });
    row += source.length + 1;
  });
  return printable({ name: `事業評価_${c.year}`, blocks, frozenRows: TOP, columnWidths: [280, ...submitted.map(() => 90), 90, 90], charts });
}

/** The header of the evidence column: the figures are the year's, April to March. */
export function evidenceHeader(year: string): string {
  return `記録から（${year}年度）`;
}

/**
 * 事業評価_YYYY in a center's 提出用ファイル: its answers as the city's staff read them and, beside each answer,
 * the year's evidence from the center's 活動記録 and 苦情記録 (counts only), keyed by 番号. A center whose records
 * say nothing of any indicator gets the four columns alone.
 */
export function centerEvaluationSheet(s: EvaluationSubmission, evidence: ReadonlyMap<string, string> = new Map()): SheetModel {
  const withEvidence = [...evidence.values()].some((text) => text !== '');
  const header: CellValue[] = withEvidence ? ['番号', '分類', '回答', evidenceHeader(s.year), '根拠・備考'] : ['番号', '分類', '回答', '根拠・備考'];
  const rows = s.answers.map((a): CellValue[] =>
    withEvidence ? [a.number, a.category, a.answer ?? '', evidence.get(a.number) ?? '', a.note] : [a.number, a.category, a.answer ?? '', a.note],
  );
  return printable({
    name: `事業評価_${s.year}`,
    blocks: [
      { row: 1, column: 1, values: [[`${s.center.name} 事業評価（${s.year}年度）`]], style: TITLE_STYLE },
      { row: 3, column: 1, values: [header, ...rows], accents: [{ rect: { row: 3, column: 1, numRows: 1, numColumns: header.length }, style: HEADER_STYLE }] },
    ],
    frozenRows: 3,
    columnWidths: withEvidence ? [60, 200, 70, 320, 420] : [60, 200, 70, 420],
  });
}
