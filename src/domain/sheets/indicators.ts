import { type CellValue, cellText, isBlankCell } from '../values/cell';
import { type FiscalYear, readFiscalYear } from '../values/fiscal-year';
import { toHalfWidthAlnum } from '../values/text';
import type { ColumnSpec, Table } from './table';

/**
 * 評価指標: the national evaluation indicators (市町村・センター評価指標) as the city sends them each year. The
 * list is data, never code: a new indicator mid-year is a new row.
 */
export const INDICATOR_LIST_SHEET = '評価指標';

/** The national categories, in the order of the national list (and of every table that shows them). */
export const EVALUATION_CATEGORIES = [
  '組織運営体制等',
  '総合相談支援',
  '権利擁護',
  '包括的・継続的ケアマネジメント支援',
  '地域ケア会議',
  '介護予防ケアマネジメント・介護予防支援',
  '事業間連携',
] as const;

/** The national categories first, in their order, then any other category in the order met. */
export function inNationalOrder(categories: Iterable<string>): string[] {
  const national: readonly string[] = EVALUATION_CATEGORIES;
  return [...national, ...new Set([...categories].filter((c) => !national.includes(c)))];
}

export type IndicatorKey = 'year' | 'number' | 'category' | 'indicator';

/** The indicator's columns as both 評価指標 and 事業評価 name them; each sheet says which it requires. */
export const INDICATOR_FIELDS: Readonly<Record<IndicatorKey, Omit<ColumnSpec<IndicatorKey>, 'required'>>> = {
  year: { key: 'year', header: '年度' },
  number: { key: 'number', header: '番号', synonyms: ['指標番号', 'No', 'No.'] },
  category: { key: 'category', header: '分類', synonyms: ['区分', '項目'] },
  indicator: { key: 'indicator', header: '指標', synonyms: ['評価指標', '内容'] },
};

export const INDICATOR_COLUMNS: readonly ColumnSpec<IndicatorKey>[] = [
  INDICATOR_FIELDS.year,
  { ...INDICATOR_FIELDS.number, required: true },
  { ...INDICATOR_FIELDS.category, required: true },
  { ...INDICATOR_FIELDS.indicator, required: true },
];

export interface Indicator {
  readonly number: string;
  readonly category: string;
  readonly indicator: string;
}

/** 番号 and 分類 as compared: half width, trimmed (`１` and ` 1` are indicator 1). */
export function indicatorText(value: CellValue | undefined): string {
  return toHalfWidthAlnum(cellText(value)).trim();
}

/** 指標 as written: only trimmed, it is read by people. */
export function indicatorWording(value: CellValue | undefined): string {
  return cellText(value).trim();
}

function valueAt<K extends string>(table: Table<K>, values: readonly CellValue[], key: K): CellValue | undefined {
  const column = table.columns[key];
  return column === undefined ? undefined : values[column];
}

/** The 年度 the list covers, oldest first: those written in its 年度 column. */
export function indicatorYears(table: Table<IndicatorKey>): FiscalYear[] {
  const years = table.rows.map((r) => readFiscalYear(valueAt(table, r.values, 'year'))).filter((y): y is FiscalYear => y !== undefined);
  return [...new Set(years)].sort();
}

/** The year's official list as the city sent it (rows of 評価指標, one year or a 年度 column; a blank 年度 is every year). */
export function readIndicatorList(table: Table<IndicatorKey> | undefined, year: FiscalYear): Indicator[] {
  if (!table) return [];
  return table.rows
    .filter((r) => {
      const written = valueAt(table, r.values, 'year');
      return table.columns.year === undefined || isBlankCell(written ?? null) || readFiscalYear(written) === year;
    })
    .map((r) => ({
      number: indicatorText(valueAt(table, r.values, 'number')),
      category: indicatorText(valueAt(table, r.values, 'category')),
      indicator: indicatorWording(valueAt(table, r.values, 'indicator')),
    }))
    .filter((i) => i.number !== '');
}
