import type { CellValue } from '../domain/values/cell';
import { EVALUATION_COLUMNS, EVALUATION_SHEET, type EvaluationKey, evaluationRowKey, indicatorKey } from '../domain/sheets/evaluation';
import { INDICATOR_COLUMNS, INDICATOR_LIST_SHEET, type Indicator, type IndicatorKey, indicatorYears, readIndicatorList } from '../domain/sheets/indicators';
import { type RawSheet, type Table, toTable } from '../domain/sheets/table';
import type { FiscalYear } from '../domain/values/fiscal-year';
import type { WorkbookPort } from './port';

export type IndicatorImport =
  | { readonly kind: 'imported'; readonly years: readonly { readonly year: FiscalYear; readonly added: number }[] }
  /** Nothing was written; the reason says what to do, in Japanese. */
  | { readonly kind: 'refused'; readonly reason: string };

const NO_LIST = `「${INDICATOR_LIST_SHEET}」シートに、市から届いた評価指標の一覧（年度・番号・分類・指標）を貼り付けてから実行してください。`;
const NO_YEAR = `「${INDICATOR_LIST_SHEET}」の「年度」列に年度（例: 2025）を入れてください。`;
const NO_HEADER = `「${EVALUATION_SHEET}」シートに「年度」と「番号」の見出しが見つかりません。見出しの行（年度・番号・分類・指標・回答・根拠・備考）を直してから実行してください。入力済みの行は変えていません。`;

/** Where each field goes in a new row: the sheet's own columns, or the default order for a new sheet. */
function rowOf(columns: Partial<Record<EvaluationKey, number>>, year: FiscalYear, indicator: Indicator): CellValue[] {
  const fields: Partial<Record<EvaluationKey, string>> = { year, number: indicator.number, category: indicator.category, indicator: indicator.indicator };
  const width = Math.max(...Object.values(columns).map((c) => (c ?? 0) + 1));
  const row = Array<CellValue>(width).fill(null);
  for (const [key, value] of Object.entries(fields)) {
    const at = columns[key as EvaluationKey];
    if (at !== undefined) row[at] = value;
  }
  return row;
}

/** Each year's indicators that 事業評価 has no row for yet, in the list's order; one row per indicator however often it is listed. */
function missingIndicators(list: Table<IndicatorKey>, sheet: Table<EvaluationKey> | undefined): { year: FiscalYear; missing: Indicator[] }[] {
  const have = new Set(sheet ? sheet.rows.map((r) => evaluationRowKey(sheet, r.values)) : []);
  return indicatorYears(list).map((year) => {
    const missing = readIndicatorList(list, year).filter((i) => {
      const key = indicatorKey(year, i.number);
      if (have.has(key)) return false;
      have.add(key);
      return true;
    });
    return { year, missing };
  });
}

/**
 * 「事業評価の指標を取り込む」 over one port: copies the official list (評価指標, as the city sent it, from this
 * workbook or another) into 事業評価 — only the indicators of each year not there yet, appended below the last
 * row in the sheet's own column order. A row already there, answered or not, is never rewritten, so importing
 * twice adds nothing. Creates 事業評価 with its header when the workbook has none.
 */
export function importIndicators(port: WorkbookPort, list: RawSheet | undefined): IndicatorImport {
  const listTable = list ? toTable(list, INDICATOR_COLUMNS) : undefined;
  if (!listTable) return { kind: 'refused', reason: NO_LIST };
  if (indicatorYears(listTable).length === 0) return { kind: 'refused', reason: NO_YEAR };
  const existing = port.readSheet(EVALUATION_SHEET);
  const sheet = existing ? toTable(existing, EVALUATION_COLUMNS) : undefined;
  // Rows written under a sheet whose columns are not known would land in the wrong cells.
  if (existing && (sheet?.columns.year === undefined || sheet.columns.number === undefined)) return { kind: 'refused', reason: NO_HEADER };
  const columns = sheet?.columns ?? Object.fromEntries(EVALUATION_COLUMNS.map((c, i) => [c.key, i]));
  const years = missingIndicators(listTable, sheet);
  const rows = years.flatMap(({ year, missing }) => missing.map((i) => rowOf(columns, year, i)));
  port.appendRows(
    EVALUATION_SHEET,
    EVALUATION_COLUMNS.map((c) => c.header),
    rows,
  );
  return { kind: 'imported', years: years.map(({ year, missing }) => ({ year, added: missing.length })) };
}
