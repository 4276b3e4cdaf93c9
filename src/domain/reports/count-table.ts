/**
 * A cross-tabulation whose grand total always equals the number of things counted: a missing or unknown
 * value is counted under 未分類, never dropped. The 月報, the payload and the city's sums share this shape.
 */
export const UNCLASSIFIED = '未分類';

export interface CountTable {
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  /** counts[r][c] */
  readonly cells: readonly (readonly number[])[];
}

export interface TableTotals {
  readonly rowTotals: number[];
  readonly columnTotals: number[];
  readonly total: number;
}

/** Counts items into rows × columns in a fixed order; labels outside the order go to 未分類. */
export function crossTab<T>(
  items: readonly T[],
  rowOf: (item: T) => string | undefined,
  columnOf: (item: T) => string | undefined,
  rowOrder: readonly string[],
  columnOrder: readonly string[],
): CountTable {
  const rows = [...rowOrder, UNCLASSIFIED];
  const columns = [...columnOrder, UNCLASSIFIED];
  const rowIndex = new Map(rows.map((r, i) => [r, i]));
  const columnIndex = new Map(columns.map((c, i) => [c, i]));
  const cells = rows.map(() => columns.map(() => 0));
  for (const item of items) {
    const r = rowIndex.get(rowOf(item) ?? UNCLASSIFIED) ?? rows.length - 1;
    const c = columnIndex.get(columnOf(item) ?? UNCLASSIFIED) ?? columns.length - 1;
    const row = cells[r];
    if (row) row[c] = (row[c] ?? 0) + 1;
  }
  return dropEmptyUnclassified({ rows, columns, cells });
}

/** 未分類 appears only where something was unclassified, so a clean month's tables stay clean. */
function dropEmptyUnclassified(table: CountTable): CountTable {
  const { rowTotals, columnTotals } = totalsOf(table);
  const keepRow = table.rows.map((r, i) => r !== UNCLASSIFIED || (rowTotals[i] ?? 0) > 0);
  const keepColumn = table.columns.map((c, i) => c !== UNCLASSIFIED || (columnTotals[i] ?? 0) > 0);
  return {
    rows: table.rows.filter((_, i) => keepRow[i]),
    columns: table.columns.filter((_, i) => keepColumn[i]),
    cells: table.cells.filter((_, i) => keepRow[i]).map((row) => row.filter((_, i) => keepColumn[i])),
  };
}

export function totalsOf(table: CountTable): TableTotals {
  const rowTotals = table.cells.map((row) => row.reduce((s, n) => s + n, 0));
  const columnTotals = table.columns.map((_, c) => table.cells.reduce((s, row) => s + (row[c] ?? 0), 0));
  return { rowTotals, columnTotals, total: rowTotals.reduce((s, n) => s + n, 0) };
}

/**
 * Adds tables that may have different rows and columns (centers with different 相談内容 lists): the
 * result has the union of labels, in the order first seen, and every count lands under its own label.
 */
export function sumTables(tables: readonly CountTable[]): CountTable {
  const rows: string[] = [];
  const columns: string[] = [];
  const seen = (list: string[], label: string): void => {
    if (!list.includes(label)) list.push(label);
  };
  for (const t of tables) {
    t.rows.forEach((r) => seen(rows, r));
    t.columns.forEach((c) => seen(columns, c));
  }
  // 未分類 stays last whatever order the inputs had.
  for (const list of [rows, columns]) {
    const at = list.indexOf(UNCLASSIFIED);
    if (at >= 0) list.push(...list.splice(at, 1));
  }
  const cells = rows.map(() => columns.map(() => 0));
  for (const t of tables) {
    t.rows.forEach((r, i) => {
      const target = cells[rows.indexOf(r)];
      t.columns.forEach((c, j) => {
        if (target) target[columns.indexOf(c)] = (target[columns.indexOf(c)] ?? 0) + (t.cells[i]?.[j] ?? 0);
      });
    });
  }
  return { rows, columns, cells };
}

/** A one-column count (対応職種 and the like). */
export function tally<T>(items: readonly T[], keyOf: (item: T) => string | undefined, order: readonly string[]): CountTable {
  return crossTab(items, keyOf, () => '件数', order, ['件数']);
}
