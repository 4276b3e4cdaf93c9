import type { CellValue } from '../../src/domain/values/cell';
import type { RawSheet } from '../../src/domain/sheets/table';

/** A sheet as an adapter would read it, from rows written the way a person lays them out (row 1 first). */
export function rawSheet(name: string, rows: readonly (readonly CellValue[])[], extra: Partial<RawSheet> = {}): RawSheet {
  return { name, rows: rows.map((values, i) => ({ rowNumber: i + 1, values: [...values] })), ...extra };
}

export const d = (iso: string): CellValue => ({ kind: 'date', iso });
