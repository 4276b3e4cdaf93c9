import type { CellValue } from '../domain/values/cell';
import { activityFiguresOf, complaintFiguresOf, type Consolidation } from '../domain/reports/consolidation';
import { type CountTable, sumTables, totalsOf } from '../domain/reports/count-table';
import { formatMonthJa, formatWarekiMonth } from '../domain/values/months';
import type { Submission } from '../domain/reports/submission';
import { timeForPeople } from '../domain/values/times';
import { countRows } from './report-layout';
import { type Block, type BlockStyle, printable, type SheetModel } from './sheet-model';
import { HEADER_STYLE, SECTION_STYLE, TITLE_STYLE } from './styles';
import { CENTER_STATUS_JA } from '../domain/reports/consolidation';

export const CITY_SHEETS = ['提出状況', '市集計', '委託事業所一覧', '新規委託'] as const;

export function citySheetName(kind: (typeof CITY_SHEETS)[number], month: string): string {
  return `${kind}_${month}`;
}

function table(row: number, values: CellValue[][], format?: string): Block {
  const width = values.reduce((w, r) => Math.max(w, r.length), 0);
  return {
    row,
    column: 1,
    values,
    style: format ? { numberFormat: format } : {},
    accents: [{ rect: { row, column: 1, numRows: 1, numColumns: width }, style: HEADER_STYLE }],
  };
}

function title(row: number, text: string, style: BlockStyle = TITLE_STYLE): Block {
  return { row, column: 1, values: [[text]], style };
}

/** Lays out titled tables top to bottom. */
function stack(parts: readonly { title?: string; values: CellValue[][]; format?: string }[], start: number): Block[] {
  const blocks: Block[] = [];
  let row = start;
  for (const part of parts) {
    if (part.title) blocks.push(title(row++, `■ ${part.title}`, SECTION_STYLE));
    blocks.push(table(row, part.values, part.format));
    row += part.values.length + 1;
  }
  return blocks;
}

export function statusSheet(c: Consolidation): SheetModel {
  const rows: CellValue[][] = [
    ['センター', '状態', '理由', '提出日時', '残っているエラー', '注意', '指紋'],
    ...c.centers.map((x): CellValue[] => [
      x.name,
      CENTER_STATUS_JA[x.status],
      x.reason ?? '',
      // Japan time in Japanese form (issue #18): the payload's ISO time, `Z` in one made before, was nine hours off to a reader.
      timeForPeople(x.submission?.submittedAt ?? ''),
      x.submission ? x.submission.quality.errors : '',
      x.submission ? x.submission.quality.warnings : '',
      x.submission ? x.submission.fingerprint.slice(0, 16) : '',
    ]),
  ];
  const counts = (s: string): number => c.centers.filter((x) => x.status === s).length;
  const summary = `提出済み ${counts('submitted')}・未提出 ${counts('missing')}・読めない ${counts('unreadable')}（全 ${c.centers.length} センター）`;
  const warnings: CellValue[][] = [['注意'], ...c.warnings.filter((w) => w.kind !== 'office-disagreement').map((w): CellValue[] => [w.message])];
  return printable({
    name: citySheetName('提出状況', c.month),
    blocks: [
      title(1, `提出状況\u3000${formatMonthJa(c.month)}`),
      { row: 2, column: 1, values: [[summary]] },
      ...stack([{ values: rows }, ...(warnings.length > 1 ? [{ values: warnings }] : [])], 4),
    ],
    frozenRows: 4,
    columnWidths: [160, 90, 360, 170, 110, 80, 150],
  });
}

function submitted(c: Consolidation): { name: string; s: Submission }[] {
  return c.centers.flatMap((x) => (x.submission ? [{ name: x.name, s: x.submission }] : []));
}

/** Rows of a table as one column per center (its row totals) and a total column. */
function perCenter(c: Consolidation, pick: (s: Submission) => CountTable, corner: string): CellValue[][] {
  const centers = submitted(c);
  const labels = sumTables(centers.map((x) => pick(x.s))).rows;
  const header: CellValue[] = [corner, ...centers.map((x) => x.name), '計'];
  const body = labels.map((label): CellValue[] => {
    const counts = centers.map((x) => {
      const t = pick(x.s);
      const i = t.rows.indexOf(label);
      return i < 0 ? 0 : (totalsOf(t).rowTotals[i] ?? 0);
    });
    return [label, ...counts, counts.reduce((a, b) => a + b, 0)];
  });
  return [header, ...body];
}

/**
 * 活動・苦情 per center and for the city. A center whose payload predates these fields has empty cells, not 0:
 * it did not say; the 計 adds up the centers that did.
 */
function activityRows(c: Consolidation): CellValue[][] {
  const centers = submitted(c);
  const activities = centers.map((x) => activityFiguresOf(x.s));
  const complaints = centers.map((x) => complaintFiguresOf(x.s));
  const row = <T>(label: string, figures: readonly (T | undefined)[], total: T | undefined, pick: (f: T) => number): CellValue[] => [
    label,
    ...figures.map((f) => (f === undefined ? '' : pick(f))),
    total === undefined ? '' : pick(total),
  ];
  const a = c.totals.activities;
  const k = c.totals.complaints;
  return [
    ['項目', ...centers.map((x) => x.name), '計'],
    row('地域ケア個別会議 開催回数', activities, a, (f) => f.careMeetings),
    row('　検討事例数', activities, a, (f) => f.cases),
    row('活動 件数（すべての種類）', activities, a, (f) => f.activities),
    row('活動 参加者数', activities, a, (f) => f.participants),
    row('苦情 受付件数', complaints, k, (f) => f.received),
    row('苦情 月末に対応中', complaints, k, (f) => f.open),
    row('苦情 市へ報告', complaints, k, (f) => f.reported),
  ];
}

export function totalsSheet(c: Consolidation): SheetModel {
  const centers = submitted(c);
  const metric = (label: string, f: (s: Submission) => number, total?: number): CellValue[] => {
    const values = centers.map((x) => f(x.s));
    return [label, ...values, total ?? values.reduce((a, b) => a + b, 0)];
  };
  // An office two centers delegate to is one office of the city: the sum would count it twice.
  const offices = new Set(centers.flatMap((x) => x.s.delegations.map((d) => d.officeNumber))).size;
  const main: CellValue[][] = [
    ['項目', ...centers.map((x) => x.name), '計'],
    metric('延べ件数', (s) => s.consultations.total),
    metric('実人数', (s) => s.consultations.uniquePersons),
    metric('新規 実人数', (s) => s.consultations.newPersons),
    metric('虐待 件数', (s) => s.abuse.count),
    metric('　うち市へ報告済み', (s) => s.abuse.reported),
    metric('　うち報告が期限より遅れた', (s) => s.abuse.late),
    metric('成年後見・金銭管理', (s) => s.rights.guardianship),
    metric('消費者被害', (s) => s.rights.consumerHarm),
    metric('介護予防 直営 件数', (s) => s.preventivePlans.direct),
    metric('介護予防 委託 件数', (s) => s.preventivePlans.delegated),
    metric('介護予防 うち新規', (s) => s.preventivePlans.newCases),
    metric('委託先の事業所数（計は重なりを除く）', (s) => s.delegations.length, offices),
    metric('月報に残っているエラー', (s) => s.quality.errors),
  ];
  return printable({
    name: citySheetName('市集計', c.month),
    blocks: [
      title(1, `市集計\u3000${formatMonthJa(c.month)}（提出済みの ${centers.length} センター）`),
      ...stack(
        [
          { title: '主な件数', values: main, format: '#,##0' },
          { title: '活動・苦情', values: activityRows(c), format: '#,##0' },
          { title: '相談方法別 延べ件数', values: perCenter(c, (s) => s.consultations.byMethod, '相談方法'), format: '#,##0' },
          { title: '相談内容別 延べ件数（業務区分 › 相談内容）', values: perCenter(c, (s) => s.consultations.byTopic, '業務区分 › 相談内容'), format: '#,##0' },
          { title: '対応職種', values: perCenter(c, (s) => s.consultations.byProfession, '対応職種'), format: '#,##0' },
          { title: '市全体: 相談方法 × 相談者', values: countRows(c.totals.byMethod, '相談方法'), format: '#,##0' },
          { title: '市全体: 相談内容 × 相談者', values: countRows(c.totals.byTopic, '業務区分 › 相談内容'), format: '#,##0' },
        ],
        3,
      ),
    ],
    frozenRows: 1,
    columnWidths: [260, ...centers.map(() => 90), 90],
  });
}

/** A column of 〇 under a center's name: the name wraps in its header onto a few lines instead of being cut off. */
const CENTER_COLUMN_PIXELS = 90;

/** The table with its header row wrapping, for headers longer than their columns are wide. */
function wrappedHeader(block: Block): Block {
  return { ...block, accents: (block.accents ?? []).map((a) => ({ ...a, style: { ...a.style, wrap: true } })) };
}

/** 資料3's table: offices grouped by 所在 (the city first), a 〇 under each center that delegated a case. */
export function officesSheet(c: Consolidation): SheetModel {
  const centers = c.centers.map((x) => x.name);
  const header: CellValue[] = ['所在', '事業所名', '住所', ...centers, '合計件数'];
  let group = '';
  const body = c.offices.map((o): CellValue[] => {
    const first = o.municipality !== group;
    group = o.municipality;
    return [first ? o.municipality : '', o.name, o.address, ...centers.map((n) => (o.centers.includes(n) ? '〇' : '')), o.cases];
  });
  const disagreements = c.warnings.filter((w) => w.kind === 'office-disagreement').map((w): CellValue[] => [w.message]);
  const [offices, ...rest] = stack(
    [{ values: [header, ...body] }, ...(disagreements.length ? [{ values: [['注意（センターによって違う記載）'], ...disagreements] }] : [])],
    3,
  );
  return printable({
    name: citySheetName('委託事業所一覧', c.month),
    blocks: [title(1, `介護予防支援等業務委託事業所一覧（${formatWarekiMonth(c.month)}分）`), ...(offices ? [wrappedHeader(offices)] : []), ...rest],
    frozenRows: 3,
    columnWidths: [110, 300, 280, ...centers.map(() => CENTER_COLUMN_PIXELS), 90],
  });
}

export function newContractsSheet(c: Consolidation): SheetModel {
  const period = c.since === c.month ? formatWarekiMonth(c.month) : `${formatWarekiMonth(c.since)}〜${formatWarekiMonth(c.month)}`;
  return printable({
    name: citySheetName('新規委託', c.month),
    blocks: [
      title(1, `新規に委託した指定介護予防支援等業務を行う居宅介護支援事業者（${period}）`),
      table(3, [
        ['開始月', '所在', '事業所名', '住所', 'センター'],
        ...c.newContracts.map((n): CellValue[] => [formatWarekiMonth(n.startMonth), n.municipality, n.name, n.address, n.center]),
      ]),
    ],
    frozenRows: 3,
    columnWidths: [100, 110, 320, 260, 120],
  });
}

export function citySheets(c: Consolidation): SheetModel[] {
  return [statusSheet(c), totalsSheet(c), officesSheet(c), newContractsSheet(c)];
}
