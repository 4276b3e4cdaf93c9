import { type CellValue, isSheetDate } from '../domain/values/cell';
import type { CellRect } from '../domain/sheets/table';
import { columnNumber } from './a1';
import type { CellPatch } from './port';

/**
 * How both adapters check user cells before rewriting them: the patches of one column, from its first to its
 * last patched row, compared with the cells as they are now. Only the patched cells are written (a cell between
 * two of them is never touched: it may be part of a formula's result, carry rich text, or have been edited by
 * someone else meanwhile).
 */
export interface PatchBlock {
  readonly column: number;
  readonly firstRow: number;
  readonly lastRow: number;
  /** The patches of this column by row. */
  readonly patches: ReadonlyMap<number, CellPatch>;
}

/** One block per column, left to right; a second patch of the same cell is dropped (the first wins). */
export function patchBlocks(patches: readonly CellPatch[]): PatchBlock[] {
  const byColumn = new Map<number, Map<number, CellPatch>>();
  for (const patch of patches) {
    let column = byColumn.get(patch.column);
    if (!column) byColumn.set(patch.column, (column = new Map()));
    if (!column.has(patch.row)) column.set(patch.row, patch);
  }
  return [...byColumn.entries()]
    .sort(([a], [b]) => a - b)
    .map(([column, rows]) => {
      const numbers = [...rows.keys()];
      return { column, firstRow: Math.min(...numbers), lastRow: Math.max(...numbers), patches: rows };
    });
}

/** The rectangle that holds every block: what an adapter reads once to see the cells as they are now. */
export function boundsOf(blocks: readonly PatchBlock[]): CellRect | undefined {
  if (blocks.length === 0) return undefined;
  const row = Math.min(...blocks.map((b) => b.firstRow));
  const column = Math.min(...blocks.map((b) => b.column));
  const lastRow = Math.max(...blocks.map((b) => b.lastRow));
  const lastColumn = Math.max(...blocks.map((b) => b.column));
  return { row, column, numRows: lastRow - row + 1, numColumns: lastColumn - column + 1 };
}

/** The same value as a person would see it (a date by its calendar date and time). */
export function sameCellValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (isSheetDate(x) || isSheetDate(y)) return isSheetDate(x) && isSheetDate(y) && x.iso === y.iso && (x.time ?? '') === (y.time ?? '');
  // Sheets reads an empty cell as '', the domain as null.
  return (x === '' ? null : x) === (y === '' ? null : y);
}

/** A cell as an adapter reads it just before writing: its value, its formula, and whether a formula's result fills it. */
export interface CurrentCell {
  readonly value: CellValue;
  readonly formula: string;
  /** Part of another cell's array result (spillZone): writing into it would break that formula. */
  readonly spill?: boolean;
}

/**
 * Checks each patch of a block against the cell as it is now and says what to write at each row of the
 * block: the patch when the cell still holds its `before`, no formula and no formula's result, otherwise the
 * cell as it was.
 */
export function resolveBlock(
  block: PatchBlock,
  current: (row: number) => CurrentCell,
): { rows: ({ kind: 'patch'; patch: CellPatch } | { kind: 'keep' })[]; applied: CellPatch[]; skipped: CellPatch[] } {
  const rows: ({ kind: 'patch'; patch: CellPatch } | { kind: 'keep' })[] = [];
  const applied: CellPatch[] = [];
  const skipped: CellPatch[] = [];
  for (let row = block.firstRow; row <= block.lastRow; row++) {
    const patch = block.patches.get(row);
    if (!patch) {
      rows.push({ kind: 'keep' });
      continue;
    }
    const now = current(row);
    if (now.formula === '' && !now.spill && sameCellValue(now.value, patch.before)) {
      rows.push({ kind: 'patch', patch });
      applied.push(patch);
    } else {
      rows.push({ kind: 'keep' });
      skipped.push(patch);
    }
  }
  return { rows, applied, skipped };
}

/**
 * Functions whose result can be a block of cells: Sheets writes it from the formula's cell down and to the right,
 * into cells that report no formula of their own (a "spill"). Content written into one of them breaks the
 * array: the formula's cell shows #REF! and the result is gone.
 */
const ARRAY_FUNCTIONS =
  /\b(?:ARRAYFORMULA|QUERY|FILTER|SORTN?|UNIQUE|IMPORT(?:RANGE|DATA|HTML|XML|FEED)|SPLIT|FLATTEN|TRANSPOSE|SEQUENCE|MMULT|FREQUENCY|TO(?:COL|ROW)|CHOOSE(?:COLS|ROWS)|[HV]STACK|WRAP(?:COLS|ROWS)|MAP|BY(?:ROW|COL)|MAKEARRAY|SCAN|REDUCE|GOOGLEFINANCE|LINEST|LOGEST|TREND|GROWTH|MINVERSE|ARRAY_CONSTRAIN|REGEXEXTRACT|OFFSET|INDIRECT)\s*\(/i;
/** Of those, the ones whose result can be wider than every range they are given. */
const WIDENING =
  /\b(?:QUERY|IMPORT(?:RANGE|DATA|HTML|XML|FEED)|SPLIT|TRANSPOSE|SEQUENCE|MMULT|TOROW|HSTACK|WRAP(?:COLS|ROWS)|BYCOL|MAKEARRAY|GOOGLEFINANCE|LINEST|LOGEST|MINVERSE|REGEXEXTRACT|OFFSET|INDIRECT)\s*\(/i;
/** A range of whole rows (2:5): as wide as the sheet. */
const ROW_RANGE = /(?:^|[^A-Z$\d])\$?\d+\s*:\s*\$?\d+/i;
/** A range by columns (B2:D, A:A, $C$3:$C$10): its column letters and, when given, its rows. */
const COLUMN_RANGE = /\$?([A-Z]{1,3})\$?(\d*)\s*:\s*\$?([A-Z]{1,3})\$?(\d*)/gi;
/** A formula that is nothing but a range (=A2:C, ='名簿'!B:B): its result is that block. */
const BARE_RANGE = /^=\s*(?:(?:'(?:[^']|'')*'|[^!'"(]+)!)?\$?[A-Z]{1,3}\$?\d*\s*:\s*\$?[A-Z]{1,3}\$?\d*\s*$/i;

/**
 * An array literal that puts values side by side ({1, 2}, or {1 \\ 2} in a locale writing decimal commas): a
 * separator directly inside the braces, not inside a call within them. {"見出し"; ARRAYFORMULA(…)} stacks
 * values in one column and does not widen.
 */
function literalWidens(code: string): boolean {
  const opened: number[] = [];
  let depth = 0;
  for (const ch of code) {
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '{') opened.push(depth);
    else if (ch === '}') opened.pop();
    else if ((ch === ',' || ch === '\\') && opened.length > 0 && opened[opened.length - 1] === depth) return true;
  }
  return false;
}

/** The rows and columns a formula's result may fill from its cell; Infinity where nothing bounds it. */
export interface ArrayExtent {
  readonly rows: number;
  readonly columns: number;
}

/**
 * How far a formula's result may reach, or undefined when it is a single value. Apps Script cannot tell a cell
 * filled by an array from one typed in, so this errs towards more: the result is as wide and as deep as the
 * largest range the formula names (as deep as the sheet when a range is open-ended, B2:B), and unbounded when
 * a function can widen it (QUERY, SPLIT, TRANSPOSE…) or an array literal puts values side by side.
 */
export function arrayExtent(formula: string): ArrayExtent | undefined {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  if (!ARRAY_FUNCTIONS.test(code) && !BARE_RANGE.test(code) && !code.includes('{')) return undefined;
  const unbounded = { rows: Number.POSITIVE_INFINITY, columns: Number.POSITIVE_INFINITY };
  if (WIDENING.test(code) || ROW_RANGE.test(code) || literalWidens(code)) return unbounded;
  const ranges = [...code.matchAll(COLUMN_RANGE)];
  if (ranges.length === 0) return { rows: Number.POSITIVE_INFINITY, columns: 1 };
  const span = (a: number, b: number): number => Math.abs(b - a) + 1;
  return ranges.reduce(
    (extent, m) => ({
      columns: Math.max(extent.columns, span(columnNumber((m[1] ?? '').toUpperCase()), columnNumber((m[3] ?? '').toUpperCase()))),
      rows: Math.max(extent.rows, m[2] && m[4] ? span(Number(m[2]), Number(m[4])) : Number.POSITIVE_INFINITY),
    }),
    { rows: 1, columns: 1 },
  );
}

/**
 * The cells that may hold part of a formula's result, given the formulas of a block read from A1 (1-based
 * rows and columns): below and to the right of a formula that can return an array, within its extent
 * (arrayExtent). Such a cell is never rewritten.
 */
export function spillZone(formulas: readonly (readonly string[])[]): (row: number, column: number) => boolean {
  const anchors: { row: number; column: number; extent: ArrayExtent }[] = [];
  formulas.forEach((cells, r) =>
    cells.forEach((formula, c) => {
      const extent = formula === '' ? undefined : arrayExtent(formula);
      if (extent) anchors.push({ row: r + 1, column: c + 1, extent });
    }),
  );
  return (row, column) =>
    anchors.some(
      (a) =>
        row >= a.row && column >= a.column && row < a.row + a.extent.rows && column < a.column + a.extent.columns && (row !== a.row || column !== a.column),
    );
}
