import type { CellValue } from '../domain/values/cell';
import { formatShare } from '../domain/reports/concentration';
import { TOPIC_SEPARATOR } from '../domain/reports/consultation-summary';
import { type CountTable, totalsOf, UNCLASSIFIED } from '../domain/reports/count-table';
import { formatMonthJa, formatWarekiMonth, isValidYearMonth, monthOf } from '../domain/values/months';
import type { MonthlyReport } from '../domain/reports/monthly-report';
import { INDIVIDUAL_MEETING } from '../domain/sheets/activities';
import { type Block, type BlockStyle, type ChartModel, extentOf, printable, type SheetModel, textWidth } from './sheet-model';
import { HEADER_STYLE, SECTION_STYLE, TITLE_STYLE, TOTAL_STYLE } from './styles';

export const REPORT_SHEET_PREFIX = '月報_';

export function reportSheetName(month: string): string {
  return `${REPORT_SHEET_PREFIX}${month}`;
}

/** The month a sheet is the report of (`月報_2026-10` → 2026-10), or undefined for any other sheet. */
export function reportMonthOf(sheetName: string): string | undefined {
  const month = sheetName.startsWith(REPORT_SHEET_PREFIX) ? sheetName.slice(REPORT_SHEET_PREFIX.length) : '';
  return isValidYearMonth(month) ? month : undefined;
}

export interface ReportStatus {
  /** When the report was built, as shown (Japan time). */
  readonly createdAt: string;
  /** When it was submitted to the city; undefined for a draft. */
  readonly submittedAt?: string;
}

const COUNT_FORMAT = '#,##0';

/** Lays blocks out top to bottom, a blank row between sections. */
class Cursor {
  row = 1;
  readonly blocks: Block[] = [];
  readonly charts: ChartModel[] = [];

  section(title: string): void {
    this.blocks.push({ row: this.row, column: 1, values: [[`■ ${title}`]], style: SECTION_STYLE });
    this.row += 1;
  }

  /** A line of explanation under a section, in plain text. */
  note(text: string): void {
    this.blocks.push({ row: this.row, column: 1, values: [[text]], style: {} });
    this.row += 2;
  }

  /** A table with a header row and, when asked, a total row at the bottom and a total column. */
  table(values: CellValue[][], opts: { totalRow?: boolean; totalColumn?: number; format?: string } = {}): { row: number; rows: number } {
    const width = values.reduce((w, r) => Math.max(w, r.length), 0);
    const at = this.row;
    const accents: { rect: { row: number; column: number; numRows: number; numColumns: number }; style: BlockStyle }[] = [
      { rect: { row: at, column: 1, numRows: 1, numColumns: width }, style: HEADER_STYLE },
    ];
    if (opts.totalRow && values.length > 1)
      accents.push({ rect: { row: at + values.length - 1, column: 1, numRows: 1, numColumns: width }, style: TOTAL_STYLE });
    if (opts.totalColumn !== undefined && values.length > 1)
      accents.push({ rect: { row: at + 1, column: opts.totalColumn, numRows: values.length - 1, numColumns: 1 }, style: TOTAL_STYLE });
    this.blocks.push({ row: at, column: 1, values, style: { numberFormat: opts.format ?? COUNT_FORMAT }, accents });
    this.row += values.length + 1;
    return { row: at, rows: values.length };
  }
}

/** A count table with its totals, and a 再掲 column after the total when given. */
export function countRows(table: CountTable, corner: string, repeat?: { title: string; counts: readonly number[] }): CellValue[][] {
  const { rowTotals, columnTotals, total } = totalsOf(table);
  const header: CellValue[] = [corner, ...table.columns, '計', ...(repeat ? [repeat.title] : [])];
  const body = table.rows.map((label, i): CellValue[] => [label, ...(table.cells[i] ?? []), rowTotals[i] ?? 0, ...(repeat ? [repeat.counts[i] ?? 0] : [])]);
  const repeatTotal = repeat ? [repeat.counts.reduce((s, n) => s + n, 0)] : [];
  return [header, ...body, ['計', ...columnTotals, total, ...repeatTotal]];
}

/** 相談内容 counts of the month over every 業務区分: the source of the chart. */
function topicTotals(report: MonthlyReport): CellValue[][] {
  const byTopic = new Map<string, number>();
  const t = report.consultations.byTopic;
  const totals = totalsOf(t).rowTotals;
  t.rows.forEach((label, i) => {
    const topic = label.split(TOPIC_SEPARATOR)[1] ?? UNCLASSIFIED;
    byTopic.set(topic, (byTopic.get(topic) ?? 0) + (totals[i] ?? 0));
  });
  return [['相談内容', '件数'], ...[...byTopic].sort((a, b) => b[1] - a[1])];
}

/**
 * 9. 活動・苦情: the month's activities per 種類 (every kind, 未分類 only when some 種類 could not be read),
 * 地域ケア個別会議 with the meetings each profession attended, and complaints. Counts only.
 */
function activitySection(cur: Cursor, report: MonthlyReport): void {
  const a = report.activities;
  const m = a.individualMeetings;
  const c = report.complaints;
  cur.section('9. 活動・苦情');
  if (a.undatedRows > 0) cur.note(`実施日が読めない活動: ${a.undatedRows} 件（どの月にも数えていません。「入力チェック」で実施日を直してください）`);
  cur.table([['活動の種類', '件数', '参加者数'], ...a.byKind.map((k): CellValue[] => [k.kind, k.count, k.participants]), ['計', a.total, a.participants]], {
    totalRow: true,
  });
  cur.table([
    [INDIVIDUAL_MEETING, '件数'],
    ['開催回数', m.count],
    ['検討事例数', m.cases],
  ]);
  cur.table([['参加職種（地域ケア個別会議）', '参加した回数'], ...m.professions.map((p): CellValue[] => [p.profession, p.meetings])]);
  if (c.undatedRows > 0) cur.note(`受付日が読めない苦情: ${c.undatedRows} 件（受付・対応中に数えていません。「入力チェック」で受付日を直してください）`);
  cur.table([
    ['苦情', '件数'],
    ['この月に受け付けた', c.received],
    ['月末に対応中（前の月からの分を含む）', c.open],
    ['この月に市へ報告した', c.reported],
  ]);
}

/** The first column as wide as the longest label of a table in it (業務区分 › 相談内容, 活動の種類), 230 px at least. */
function labelWidth(blocks: readonly Block[]): number {
  const labels = blocks.filter((b) => b.values.some((r) => r.length > 1)).flatMap((b) => b.values.map((r) => textWidth(String(r[0] ?? ''))));
  return Math.max(230, ...labels);
}

/**
 * The 月報 as a sheet (SPEC §4.1): a header with the data-quality summary, then each table with its
 * totals, and in Sheets two charts. Its size follows the content.
 */
export function reportSheet(report: MonthlyReport, status: ReportStatus): SheetModel {
  const c = report.consultations;
  const q = report.quality;
  const cur = new Cursor();
  const state = status.submittedAt ? `提出済み（${status.submittedAt}）` : '下書き';
  const qualityLine =
    q.errors + q.warnings === 0 ? 'なし' : `エラー ${q.errors} 件（${q.rowsWithErrors} 行）、注意 ${q.warnings} 件（${q.rowsWithWarnings} 行）`;
  const header: CellValue[][] = [
    [`月報\u3000${report.center.name}`],
    ['センター名', report.center.name],
    ['センターコード', report.center.code],
    ['対象月', formatMonthJa(report.month)],
    ['作成日時', status.createdAt],
    ['状態', state],
    ['この月の行に残っている問題', qualityLine],
  ];
  if (q.errors > 0) header.push(['', 'エラーが残っています。「入力チェック」で直してから市へ提出してください（下書きとしては使えます）。']);
  if (c.undatedRows > 0) header.push(['受付日が読めない行', `${c.undatedRows} 件（どの月にも数えていません。「入力チェック」で受付日を直してください）`]);
  cur.blocks.push({
    row: 1,
    column: 1,
    values: header,
    style: {},
    accents: [
      { rect: { row: 1, column: 1, numRows: 1, numColumns: 1 }, style: TITLE_STYLE },
      { rect: { row: 2, column: 1, numRows: header.length - 1, numColumns: 1 }, style: { bold: true } },
    ],
  });
  cur.row = header.length + 2;

  cur.section('総合相談 延べ件数（相談方法 × 相談者）');
  cur.table(countRows(c.byMethod, '相談方法', { title: '夜間休日（再掲）', counts: c.afterHoursByMethod }), {
    totalRow: true,
    totalColumn: c.byMethod.columns.length + 2,
  });

  cur.section('相談内容別（業務区分 › 相談内容 × 相談者）');
  cur.table(countRows(c.byTopic, '業務区分 › 相談内容', { title: '認知症関連（再掲）', counts: c.dementiaByTopic }), {
    totalRow: true,
    totalColumn: c.byTopic.columns.length + 2,
  });

  cur.section('実人数');
  cur.table([
    ['', '人数'],
    ['実人数', c.uniquePersons],
    ['新規 実人数', c.newPersons],
  ]);

  cur.section('対応職種');
  cur.table(countRows(c.byProfession, '対応職種'), { totalRow: true });

  cur.section('権利擁護');
  cur.table([
    ['', '件数'],
    ['虐待', c.abuse.count],
    ['　うち市へ報告済み', c.abuse.reported],
    ['　うち報告が期限より遅れた', c.abuse.late],
    ['成年後見・金銭管理', c.guardianship],
    ['消費者被害', c.consumerHarm],
  ]);

  const p = report.preventivePlans;
  cur.section('介護予防支援・介護予防ケアマネジメント');
  cur.table(
    [
      ['', '件数', 'うち新規'],
      ['直営', p.direct, p.directNewCases],
      ['委託', p.delegated, p.delegatedNewCases],
      ['計', p.direct + p.delegated, p.newCases],
    ],
    { totalRow: true },
  );

  cur.section('委託先（この月に委託した事業所）');
  const total = report.concentration.total;
  cur.table(
    [
      ['事業所番号', '事業所名', '法人名', '所在', '介護予防支援', '介護予防ケアマネジメント', '計', 'うち新規', '割合'],
      ...report.delegations.map((d): CellValue[] => [
        d.officeNumber,
        d.name,
        d.corporation,
        d.municipality,
        d.supportCases,
        d.careManagementCases,
        d.cases,
        d.newCases,
        total > 0 ? formatShare(d.cases / total) : '',
      ]),
    ],
    { format: COUNT_FORMAT },
  );

  cur.section('新規委託（この月に始まった契約）');
  cur.table([
    ['開始月', '所在', '事業所名', '住所', '法人名'],
    ...report.newContracts.map((n): CellValue[] => [formatWarekiMonth(monthOf(n.start)), n.municipality, n.name, n.address, n.corporation]),
  ]);

  const con = report.concentration;
  const top = con.byOffice[0];
  const topCorp = con.byCorporation[0];
  cur.section(`公正・中立（委託の集中。しきい値 ${formatShare(report.threshold)}）`);
  cur.table([
    ['', '名前', '割合'],
    ['最も多い事業所', top?.name ?? '（委託なし）', top ? formatShare(top.share) : ''],
    ['最も多い法人', topCorp?.corporation ?? '（委託なし）', topCorp ? formatShare(topCorp.share) : ''],
    // Without the name in 設定 the share is unknown, not 0%: a 0% here would go to the city as a fact.
    con.ownCorporation === ''
      ? ['センターの運営法人', '（「設定」の運営法人名が空なので、割合を出せません）', '']
      : ['センターの運営法人', con.ownCorporation, formatShare(con.ownCorporationShare)],
    ...con.warnings.map((w): CellValue[] => ['注意', w.message, formatShare(w.share)]),
  ]);

  cur.section('相談内容の件数（グラフ用）');
  const topics = cur.table(topicTotals(report));
  cur.section('延べ件数の推移（12か月）');
  const trend = cur.table([['月', '延べ件数'], ...c.trend.map((t): CellValue[] => [formatWarekiMonth(t.month), t.total])]);

  // Beside the widest table (the cross tables, one column per 相談者), not over its last columns.
  const tableColumns = extentOf({ name: '', blocks: cur.blocks }).columns;
  const chartColumn = tableColumns + 2;
  cur.charts.push({
    kind: 'bar',
    title: `相談内容（${formatMonthJa(report.month)}）`,
    range: { row: topics.row, column: 1, numRows: topics.rows, numColumns: 2 },
    anchor: { row: 2, column: chartColumn },
  });
  cur.charts.push({
    kind: 'line',
    title: '延べ件数の推移',
    range: { row: trend.row, column: 1, numRows: trend.rows, numColumns: 2 },
    anchor: { row: 22, column: chartColumn },
  });

  activitySection(cur, report);
  return printable({
    name: reportSheetName(report.month),
    blocks: cur.blocks,
    frozenRows: 1,
    // The labels of the tables whole (a cell with a count beside it cuts its text), and every column of the widest
    // table, so that its 計 and 再掲 are as wide as the rest.
    columnWidths: [labelWidth(cur.blocks), 160, 120, ...Array<number>(Math.max(7, tableColumns - 3)).fill(110)],
    charts: cur.charts,
  });
}
