import { a1, type CellValue, isBlankCell, isSheetDate } from '../values/cell';
import { readMonth } from '../values/months';
import { foldKey, toHalfWidthAlnum } from '../values/text';

/**
 * A sheet as an adapter reads it: rows of values (one read), the formulas behind them, and merged areas.
 * A partial read (onEdit) holds the top rows, where the header is, and the edited rows only.
 */
export interface RawRow {
  /** Row number as the spreadsheet shows it. */
  readonly rowNumber: number;
  readonly values: readonly CellValue[];
  /** The formula of each cell, '' where the cell holds a plain value. */
  readonly formulas?: readonly string[];
}

export interface CellRect {
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

export interface RawSheet {
  readonly name: string;
  readonly rows: readonly RawRow[];
  readonly merges?: readonly CellRect[];
}

/** A column the product knows: its key in code, its default header, and the synonyms centers use. */
export interface ColumnSpec<K extends string = string> {
  readonly key: K;
  readonly header: string;
  readonly synonyms?: readonly string[];
  readonly required?: boolean;
  /**
   * A center's 読み替え (mapping.ts): when set, the only header texts that name this column in this center,
   * instead of the header and its synonyms.
   */
  readonly names?: readonly string[];
  /** A center's own words for this column's choices, by foldKey of the word, with the standard choice each one is. */
  readonly words?: ReadonlyMap<string, OwnWord>;
  /**
   * Where this column's value stands when the sheet has no column of its own for it: one end of a range written in one
   * cell (契約期間「R3.4.1～R4.3.31」holds 契約開始日 and 契約終了日), under one of `headers`.
   */
  readonly within?: { readonly headers: readonly string[]; readonly part: RangePart };
}

/** The start (0) or the end (1) of a range written in one cell. */
export type RangePart = 0 | 1;

/** A word a center uses for a choice (読み替え's 値 row): as the center writes it, and the standard choice it is. */
export interface OwnWord {
  readonly local: string;
  readonly standard: string;
}

/** The header texts that name a column: a center's mapping, or the default header and its synonyms. */
export function namesOf(spec: ColumnSpec): readonly string[] {
  return spec.names ?? [spec.header, ...(spec.synonyms ?? [])];
}

export interface TableCell {
  readonly value: CellValue;
  readonly formula: string;
  /** Covered by a merged area whose top-left is another cell: the value there is not this cell's. */
  readonly merged: boolean;
}

export interface TableRow {
  readonly rowNumber: number;
  readonly values: readonly CellValue[];
  readonly formulas: readonly string[] | undefined;
  readonly mergedColumns: ReadonlySet<number> | undefined;
}

export interface Table<K extends string = string> {
  readonly sheet: string;
  /** Row number of the header as the spreadsheet shows it. */
  readonly headerRow: number;
  /** Header texts as they stand in the sheet (index = 0-based column). */
  readonly headers: readonly string[];
  /** 0-based column of each known key found in the header. */
  readonly columns: Readonly<Partial<Record<K, number>>>;
  /** Known columns that appear twice: the first is used, the rest reported. */
  readonly duplicates: readonly { readonly key: K; readonly column: number }[];
  /** Data rows below the header, blank rows and total rows left out. */
  readonly rows: readonly TableRow[];
  /** Rows that sum the ones above (合計, 小計…), with the cell that says so: no record, read by no rule. */
  readonly totalRows?: readonly TotalRow[];
  /**
   * Rows with something written but none of the sheet's required columns: a note carried on to the next row (内容メモ
   * 「（続き）…」) or a record begun elsewhere than its 受付日. No record, read by no rule, and said.
   */
  readonly continuationRows?: readonly ContinuationRow[];
  /** The center's own words for a column's choices (ColumnSpec.words), where its 読み替え gives some. */
  readonly words?: Readonly<Partial<Record<K, ReadonlyMap<string, OwnWord>>>>;
  /** Keys read as one end of a range cell (ColumnSpec.within): their column is the range's, shared by both ends. */
  readonly ranges?: Readonly<Partial<Record<K, RangePart>>>;
}

/**
 * How far down a header may sit below title rows: the one limit every reader of a header keeps (the check,
 * シートを準備, and the adapters' partial reads, which bring these rows along with the edited ones).
 */
export const HEADER_ZONE_ROWS = 10;

function keyIndex<K extends string>(specs: readonly ColumnSpec<K>[]): Map<string, K> {
  const index = new Map<string, K>();
  for (const spec of specs) {
    for (const name of namesOf(spec)) index.set(foldKey(name), spec.key);
  }
  return index;
}

/**
 * A header as messages name it: a line break typed to wrap it (受付⏎日, 相談者⏎ID) is not part of the name, so it goes,
 * or becomes a space between two Latin words (Case⏎No).
 */
function headerText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return isSheetDate(value) ? value.iso : String(value);
  const latin = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9]/.test(c);
  return value.trim().replace(/\s*\n\s*/g, (gap: string, at: number, text: string) => (latin(text[at - 1]) && latin(text[at + gap.length]) ? ' ' : ''));
}

/**
 * A group header's text over each column (受付 over 日付 and 方法): the nearest one at or left of the column in the row
 * above, as a merged cell shows it across its columns (whose other cells read blank), up to the next one.
 */
function groupTexts(above: RawRow | undefined, width: number): string[] {
  const out: string[] = [];
  let current = '';
  for (let c = 0; c < width; c++) {
    const text = headerText(above?.values[c]);
    if (text !== '') current = text;
    out.push(current);
  }
  return out;
}

/** Marks a form puts on a header for whoever fills it in (※ with its footnote number, ＊, ★…). */
const NOTE = '[※＊*●◎★☆◆◇■□▲△▼▽](?:\\d+)?|（[^（）]*）|\\([^()]*\\)|【[^【】]*】|［[^［］]*］|\\[[^[\\]]*\\]|〔[^〔〕]*〕';
const LEADING_NOTES = new RegExp(`^(?:[①-⑳]|\\d{1,2}[.．、]|\\s*(?:${NOTE}))+\\s*`);
const TRAILING_NOTES = new RegExp(`\\s*(?:(?:${NOTE})\\s*)+$`);

/**
 * A header without the notes a center adds for whoever fills the sheet in: 受付日（必須）, 相談者ID ※1, 【必須】相談内容,
 * ★氏名, ①受付日. Only what stands before or after the name goes; a name that is all note (【受付日】) is read whole.
 */
export function headerCore(text: string): string {
  return text.replace(LEADING_NOTES, '').replace(TRAILING_NOTES, '');
}

/**
 * The names of a row's columns read as a header, and the key each names. A header kept on two rows (a group over its
 * columns: 相談者 over 区分 and 氏名) names a column by both: 相談者区分, read before the lower cell alone (区分 alone
 * is 新規/継続's synonym). A cell left blank under a name that spans both rows (No., 備考) is named by the upper one.
 * A header with a note (headerCore) names its column when no header of the row names that column plainly: beside
 * 相談内容, 相談内容（詳細） is a column of the center's own, not a second 相談内容. Its own text stays its name.
 */
function headerNames<K extends string>(
  row: RawRow,
  above: RawRow | undefined,
  index: ReadonlyMap<string, K>,
): { names: string[]; columnKeys: (K | undefined)[]; keys: Set<K>; grouped: boolean } {
  const own = row.values.map(headerText);
  const groups = above ? groupTexts(above, own.length) : [];
  const keyOf = (name: string): K | undefined => (name === '' ? undefined : index.get(foldKey(name)));
  const candidates = (c: number, text: string): string[] => {
    const group = groups[c] ?? '';
    return group === '' ? [text] : text === '' ? [headerText(above?.values[c])] : [`${group}${text}`, text];
  };
  let grouped = false;
  const names = [...own];
  const columnKeys = own.map((text, c) => {
    const named = candidates(c, text).find((name) => keyOf(name) !== undefined);
    if (named === undefined) return undefined;
    if (text !== '' && named !== text) grouped = true;
    names[c] = named;
    return keyOf(named);
  });
  const plain = new Set(columnKeys);
  own.forEach((text, c) => {
    const core = headerCore(text);
    if (columnKeys[c] !== undefined || core === text || core === '') return;
    const key = candidates(c, core)
      .map(keyOf)
      .find((k) => k !== undefined);
    if (key !== undefined && !plain.has(key)) columnKeys[c] = key;
  });
  return { names, columnKeys, keys: new Set(columnKeys.filter((k) => k !== undefined)), grouped };
}

/**
 * Finds the header row (the first of the top rows naming the most known columns, its cells read with the group
 * header above them where there is one: headerNames) and maps each known column to its position. Unknown columns
 * are kept and ignored.
 */
export function locateHeader<K extends string>(
  sheet: RawSheet,
  specs: readonly ColumnSpec<K>[],
):
  | {
      headerRow: number;
      headers: string[];
      columns: Partial<Record<K, number>>;
      duplicates: { key: K; column: number }[];
      ranges?: Partial<Record<K, RangePart>>;
    }
  | undefined {
  const index = keyIndex(specs);
  let best: { row: RawRow; names: string[]; columnKeys: (K | undefined)[]; score: number } | undefined;
  let above: RawRow | undefined;
  for (const row of sheet.rows) {
    if (row.rowNumber > HEADER_ZONE_ROWS) break;
    const { names, columnKeys, keys, grouped } = headerNames(row, above?.rowNumber === row.rowNumber - 1 ? above : undefined, index);
    // The lower row of a two-row header wins a tie with the group row above it, which is no header of its own.
    const lowerOfTwo = grouped && best?.row === above && keys.size === best?.score;
    if (keys.size > 0 && (!best || keys.size > best.score || lowerOfTwo)) best = { row, names, columnKeys, score: keys.size };
    above = row;
  }
  // One recognised word in a title row is not a header; ask for two, or one when the sheet knows only one.
  if (!best || best.score < Math.min(2, specs.length)) return undefined;
  const headers = best.names;
  const columns: Partial<Record<K, number>> = {};
  const duplicates: { key: K; column: number }[] = [];
  best.columnKeys.forEach((key, column) => {
    if (key === undefined) return;
    if (columns[key] === undefined) columns[key] = column;
    else duplicates.push({ key, column });
  });
  const ranges = rangeColumns(specs, headers, columns);
  return { headerRow: best.row.rowNumber, headers, columns, duplicates, ...(ranges ? { ranges } : {}) };
}

/**
 * Columns the sheet has no column of their own for, found as one end of a range cell (ColumnSpec.within): both ends
 * of 契約期間 take its column, and only when neither has a column of its own (a 契約期間 beside a 契約開始日 is a note).
 */
function rangeColumns<K extends string>(
  specs: readonly ColumnSpec<K>[],
  headers: readonly string[],
  columns: Partial<Record<K, number>>,
): Partial<Record<K, RangePart>> | undefined {
  const ends = specs.filter((s) => s.within !== undefined);
  if (ends.length === 0 || ends.some((s) => columns[s.key] !== undefined)) return undefined;
  const ranges: Partial<Record<K, RangePart>> = {};
  for (const spec of ends) {
    const names = new Set(spec.within?.headers.map(foldKey));
    const column = headers.findIndex((h) => h !== '' && (names.has(foldKey(h)) || names.has(foldKey(headerCore(h)))));
    if (column < 0 || spec.within === undefined) continue;
    columns[spec.key] = column;
    ranges[spec.key] = spec.within.part;
  }
  return Object.keys(ranges).length > 0 ? ranges : undefined;
}

function mergedColumnsByRow(merges: readonly CellRect[] | undefined): Map<number, Set<number>> {
  const byRow = new Map<number, Set<number>>();
  for (const m of merges ?? []) {
    for (let r = m.row; r < m.row + m.numRows; r++) {
      for (let c = m.column; c < m.column + m.numColumns; c++) {
        if (r === m.row && c === m.column) continue;
        let set = byRow.get(r);
        if (!set) byRow.set(r, (set = new Set()));
        set.add(c - 1);
      }
    }
  }
  return byRow;
}

export interface ContinuationRow {
  readonly rowNumber: number;
  /** 0-based columns with something written, left to right. */
  readonly columns: readonly number[];
}

export interface TotalRow {
  readonly rowNumber: number;
  /** 0-based column of the label. */
  readonly column: number;
  readonly label: string;
}

/** What a ledger kept by hand writes at the start of a row that sums the rows above it. */
const TOTAL_LABELS = new Set(['合計', '計', '小計', '総計', '累計', '総合計', '月計', '月合計', '年計', '年間合計'].map(foldKey));

/**
 * The label of a total row: its first cell that is not blank says 合計 (or 計, 小計…, spaces between the letters
 * allowed). A record never starts with one: its first cell is a date, a month, a number or a name.
 */
export function totalLabelOf(values: readonly CellValue[]): { column: number; label: string } | undefined {
  const column = values.findIndex((v) => !isBlankCell(v));
  const first = values[column];
  if (typeof first !== 'string') return undefined;
  return TOTAL_LABELS.has(foldKey(first.replace(/\s/g, ''))) ? { column, label: first.trim() } : undefined;
}

export function toTable<K extends string>(sheet: RawSheet, specs: readonly ColumnSpec<K>[]): Table<K> | undefined {
  const header = locateHeader(sheet, specs);
  if (!header) return undefined;
  const merged = mergedColumnsByRow(sheet.merges);
  const rows: TableRow[] = [];
  const totalRows: TotalRow[] = [];
  // A row with nothing in the columns the product reads is no record: a blank one, or a row of a ledger numbered
  // in advance (No. 3, 4… with the rest still to fill in), whose number is in a column no rule reads.
  // An unchecked box (FALSE) is no entry: a row of a sheet whose checkbox columns run down past its records holds one.
  const known = Object.values(header.columns as Record<string, number>);
  const empty = (values: readonly CellValue[]): boolean => known.every((c) => unwritten(values[c]));
  for (const row of sheet.rows) {
    if (row.rowNumber <= header.headerRow) continue;
    const mergedColumns = merged.get(row.rowNumber);
    if (!mergedColumns && empty(row.values)) continue;
    const total = totalLabelOf(row.values);
    if (total) totalRows.push({ rowNumber: row.rowNumber, ...total });
    else rows.push({ rowNumber: row.rowNumber, values: row.values, formulas: row.formulas, mergedColumns });
  }
  const words: Partial<Record<K, ReadonlyMap<string, OwnWord>>> = {};
  for (const spec of specs) if (spec.words && spec.words.size > 0) words[spec.key] = spec.words;
  return {
    sheet: sheet.name,
    ...header,
    rows,
    ...(totalRows.length > 0 ? { totalRows } : {}),
    ...(Object.keys(words).length > 0 ? { words } : {}),
  };
}

/**
 * A checked ledger's rows with something written but none of its required columns set apart (Table.continuationRows),
 * for the check to say once each: a 内容メモ carried on to the next row would otherwise be a record with every required
 * cell blank. Only where the check reports them: a list read for itself (読み替え, センター一覧) keeps such rows as
 * records, whose blanks its reader says.
 */
export function withContinuationRows<K extends string>(table: Table<K>, specs: readonly ColumnSpec<K>[]): Table<K> {
  const required = specs.flatMap((s) => (s.required && table.columns[s.key] !== undefined ? [table.columns[s.key] as number] : []));
  if (required.length === 0) return table;
  const known = [...new Set(Object.values(table.columns as Record<string, number>))].sort((a, b) => a - b);
  const apart = (row: TableRow): boolean => !row.mergedColumns && required.every((c) => unwritten(row.values[c]));
  const continuationRows = table.rows.filter(apart).map((row) => ({ rowNumber: row.rowNumber, columns: known.filter((c) => !unwritten(row.values[c])) }));
  return continuationRows.length === 0 ? table : { ...table, rows: table.rows.filter((row) => !apart(row)), continuationRows };
}

/** An unchecked box (FALSE) is no entry, as a blank cell is not. */
function unwritten(value: CellValue | undefined): boolean {
  return value === false || isBlankCell(value);
}

/** The header text to show for a key: the sheet's own when the column exists, else the default. */
export function columnTitle<K extends string>(table: Table<K>, spec: ColumnSpec<K>): string {
  const column = table.columns[spec.key];
  return column === undefined ? spec.header : (table.headers[column] ?? spec.header);
}

export function cellAddress(rowNumber: number, column: number): string {
  return a1(rowNumber, column + 1);
}

/**
 * A month typed as a column's title: 4月, ４月, 2026年4月, R8.4. Text only: a row of date cells is a record (a contract's
 * start, end and approval), not a header.
 */
function isMonthTitle(value: CellValue | undefined): boolean {
  if (typeof value !== 'string') return false;
  return /^(?:[1-9]|1[0-2])月$/.test(toHalfWidthAlnum(value.trim())) || readMonth(value).kind === 'month';
}

/**
 * A table with its months across the columns (事業所名 | 4月 | 5月 | … | 合計): how a year's counts are often kept on paper,
 * where the product reads a month a row. The first row of the header zone with three month titles or more, and them.
 */
export function monthsAcross(sheet: RawSheet): { readonly row: number; readonly months: readonly string[] } | undefined {
  for (const row of sheet.rows) {
    if (row.rowNumber > HEADER_ZONE_ROWS) break;
    const months = row.values.filter(isMonthTitle).map((v) => headerText(v));
    if (months.length >= 3) return { row: row.rowNumber, months };
  }
  return undefined;
}
