import { type CellValue, cellText } from '../values/cell';
import { type FiscalYear, readFiscalYear } from '../values/fiscal-year';
import { EVALUATION_CATEGORIES } from './indicators';
import { readShare } from './settings';
import { type ColumnSpec, type RawSheet, toTable } from './table';

/** The national averages the city enters: sheet 全国平均 (年度 | 分類 | 全国平均), one row per category and year. */
export const NATIONAL_SHEET = '全国平均';

type NationalKey = 'year' | 'category' | 'rate';

const NATIONAL_COLUMNS: readonly ColumnSpec<NationalKey>[] = [
  { key: 'year', header: '年度', required: true },
  { key: 'category', header: '分類', required: true },
  { key: 'rate', header: '全国平均', synonyms: ['割合', '達成率'], required: true },
];

export const NATIONAL_HEADER: readonly string[] = NATIONAL_COLUMNS.map((c) => c.header);

/** The empty sheet 「市の集計シートを準備」 makes: the header and one row per national category. */
export function nationalTemplate(): string[][] {
  return [[...NATIONAL_HEADER], ...EVALUATION_CATEGORIES.map((c) => ['', c, ''])];
}

/** A national average as the city typed it: read like 設定's 集中の警告しきい値 (86%, 86, 0.86). */
function share(value: CellValue | undefined): number | undefined {
  const n = readShare(cellText(value));
  return Number.isNaN(n) ? undefined : n;
}

/** The year's averages by category; rows of other years, and rates that cannot be read, are left out. */
export function readNational(raw: RawSheet | undefined, year: FiscalYear): Record<string, number> {
  const table = raw ? toTable(raw, NATIONAL_COLUMNS) : undefined;
  if (!table) return {};
  const col = (k: NationalKey): number => table.columns[k] ?? -1;
  const out: Record<string, number> = {};
  for (const r of table.rows) {
    if (readFiscalYear(r.values[col('year')]) !== year) continue;
    const rate = share(r.values[col('rate')]);
    const category = cellText(r.values[col('category')]).trim();
    if (category && rate !== undefined) out[category] = rate;
  }
  return out;
}
