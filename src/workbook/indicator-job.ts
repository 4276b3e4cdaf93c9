import type { CellValue } from '../domain/values/cell';
import { EVALUATION_COLUMNS, EVALUATION_SHEET, type EvaluationKey, evaluationRowKey, indicatorKey } from '../domain/sheets/evaluation';
import { INDICATOR_COLUMNS, INDICATOR_LIST_SHEET, type Indicator, type IndicatorKey, indicatorYears, readIndicatorList } from '../domain/sheets/indicators';
import { localSheetName, type Mapping, mappedColumns } from '../domain/sheets/mapping';
import { type ColumnSpec, type RawSheet, type Table, toTable } from '../domain/sheets/table';
import type { FiscalYear } from '../domain/values/fiscal-year';
import { loadMapping, loadSettings } from './check-job';
import type { WorkbookPort } from './port';

export type IndicatorImport =
  | {
      readonly kind: 'imported';
      readonly years: readonly { readonly year: FiscalYear; readonly added: number }[];
      /** The center's own name for 事業評価, where its 読み替え gives one (what a message should call the sheet). */
      readonly sheet?: string;
    }
  /** Nothing was written; the reason says what to do, in Japanese. */
  | { readonly kind: 'refused'; readonly reason: string };

/** The title a column is written under: the center's header where 読み替え maps one, else the standard header. */
const titleOf = (c: ColumnSpec): string => c.names?.[0] ?? c.header;

const titleFor = <K extends string>(columns: readonly ColumnSpec<K>[], key: K): string => {
  const column = columns.find((c) => c.key === key);
  return column ? titleOf(column) : key;
};

const noList = (sheet: string, columns: readonly ColumnSpec<IndicatorKey>[]): string =>
  `「${sheet}」シートに、市から届いた評価指標の一覧（${columns.map(titleOf).join('・')}）を貼り付けてから実行してください。`;

const noYear = (sheet: string, columns: readonly ColumnSpec<IndicatorKey>[]): string =>
  `「${sheet}」の「${titleFor(columns, 'year')}」列に年度（例: 2025）を入れてください。`;

const noHeader = (sheet: string, columns: readonly ColumnSpec<EvaluationKey>[]): string =>
  `「${sheet}」シートに「${titleFor(columns, 'year')}」と「${titleFor(columns, 'number')}」の見出しが見つかりません。見出しの行（${columns
    .map(titleOf)
    .join('、')}）を直してから実行してください。入力済みの行は変えていません。`;

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

/** The center's 読み替え, read as every check reads it (設定 first: its words decide which choices exist). */
function centerMapping(port: WorkbookPort): Mapping {
  return loadMapping(port, loadSettings(port).settings).mapping;
}

/** The list, read from the sheet `name` under `columns`. */
interface ListSource {
  readonly name: string;
  readonly raw: RawSheet | undefined;
  readonly columns: readonly ColumnSpec<IndicatorKey>[];
}

/**
 * 「事業評価の指標を取り込む」 over one port: copies the official list (評価指標, as the city sent it, from another
 * workbook) into 事業評価 — only the indicators of each year not there yet, appended below the last row in the
 * sheet's own column order. A row already there, answered or not, is never rewritten, so importing twice adds
 * nothing. Creates 事業評価 with its header when the workbook has none. Where the center's 読み替え maps 事業評価
 * to its own sheet and headers, those are read and written, never a second sheet of the standard name.
 */
export function importIndicators(port: WorkbookPort, list: RawSheet | undefined): IndicatorImport {
  // The city's file is the city's: the center's own headers for 評価指標 say nothing about it.
  return importInto(port, centerMapping(port), { name: INDICATOR_LIST_SHEET, raw: list, columns: INDICATOR_COLUMNS });
}

/** The same, from the workbook's own 評価指標 (the center's own sheet and headers for it, where 読み替え maps them). */
export function importOwnIndicators(port: WorkbookPort): IndicatorImport {
  const mapping = centerMapping(port);
  const name = localSheetName(mapping, INDICATOR_LIST_SHEET);
  return importInto(port, mapping, { name, raw: port.readSheet(name), columns: mappedColumns(mapping, INDICATOR_LIST_SHEET, INDICATOR_COLUMNS) });
}

function importInto(port: WorkbookPort, mapping: Mapping, list: ListSource): IndicatorImport {
  const listTable = list.raw ? toTable(list.raw, list.columns) : undefined;
  if (!listTable) return { kind: 'refused', reason: noList(list.name, list.columns) };
  if (indicatorYears(listTable).length === 0) return { kind: 'refused', reason: noYear(list.name, list.columns) };
  const name = localSheetName(mapping, EVALUATION_SHEET);
  const evaluationColumns = mappedColumns(mapping, EVALUATION_SHEET, EVALUATION_COLUMNS);
  const existing = port.readSheet(name);
  const sheet = existing ? toTable(existing, evaluationColumns) : undefined;
  // Rows written under a sheet whose columns are not known would land in the wrong cells.
  if (existing && (sheet?.columns.year === undefined || sheet.columns.number === undefined))
    return { kind: 'refused', reason: noHeader(name, evaluationColumns) };
  const columns = sheet?.columns ?? Object.fromEntries(evaluationColumns.map((c, i) => [c.key, i]));
  const years = missingIndicators(listTable, sheet);
  const rows = years.flatMap(({ year, missing }) => missing.map((i) => rowOf(columns, year, i)));
  // A new sheet is titled as the center's 読み替え names the columns, so that the next read finds them.
  port.appendRows(name, evaluationColumns.map(titleOf), rows);
  const imported = years.map(({ year, missing }) => ({ year, added: missing.length }));
  return name === EVALUATION_SHEET ? { kind: 'imported', years: imported } : { kind: 'imported', years: imported, sheet: name };
}
