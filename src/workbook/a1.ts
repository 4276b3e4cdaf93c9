import type { CellRect } from '../domain/sheets/table';

/** A column's capital letters as its number (A = 1, AA = 27). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n;
}

/** `B3:D10` (or `Sheet!B3`) → its rectangle. Both adapters get merged areas as A1 text. */
export function rectOfA1(address: string): CellRect | undefined {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(address.replace(/^.*!/, ''));
  if (!m) return undefined;
  const c1 = columnNumber(m[1] ?? 'A');
  const r1 = Number(m[2]);
  const c2 = m[3] ? columnNumber(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return { row: Math.min(r1, r2), column: Math.min(c1, c2), numRows: Math.abs(r2 - r1) + 1, numColumns: Math.abs(c2 - c1) + 1 };
}
