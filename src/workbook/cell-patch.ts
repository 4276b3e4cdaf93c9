import { type CellValue, isSheetDate } from '../domain/values/cell';
import type { CellRect } from '../domain/sheets/table';
import type { CellPatch } from './port';

/**
 * How both adapters rewrite user cells: grouped into blocks so that a column of 10,000 和暦 dates is one
 * write, not 10,000. A block is one column from its first to its last patched row; the cells between
 * that are not patched are written back exactly as they were read, in the same execution.
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

/**
 * Checks each patch of a block against the cell as it is now and says what to write at each row of the
 * block: the patch when the cell still holds its `before` and no formula, otherwise the cell as it was.
 */
export function resolveBlock(
  block: PatchBlock,
  current: (row: number) => { value: CellValue; formula: string },
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
    if (now.formula === '' && sameCellValue(now.value, patch.before)) {
      rows.push({ kind: 'patch', patch });
      applied.push(patch);
    } else {
      rows.push({ kind: 'keep' });
      skipped.push(patch);
    }
  }
  return { rows, applied, skipped };
}
