import type { CellValue } from '../domain/values/cell';
import { kindWord, MAPPING_HEADER, MAPPING_SHEET, type MappingKey, type MappingKind, readMapping } from '../domain/sheets/mapping';
import type { RawSheet } from '../domain/sheets/table';
import { loadSettings } from './check-job';
import type { WorkbookPort } from './port';

/** One row of 読み替え as the sidebar's offer writes it. */
export interface MappingRow {
  readonly kind: MappingKind;
  /** The sheet of a 見出し row, the column of a 値 row; '' for a シート row. */
  readonly target: string;
  readonly local: string;
  readonly standard: string;
}

export interface MappingAdded {
  readonly sheet: string;
  /** The row it was written to. */
  readonly row: number;
  readonly message: string;
}

/**
 * The sidebar's 「この書き方を…として読む」: adds one row to 読み替え (creating the sheet, with its header, when it is
 * missing) and changes nothing else, none of the center's own rows. The row is first read together with the ones
 * already there, exactly as every check will read it: a row that could not be used (a standard that does not
 * exist, something mapped twice) is refused with the same sentence the check would give, and nothing is written.
 */
export function addMapping(port: WorkbookPort, row: MappingRow): MappingAdded {
  const { settings } = loadSettings(port);
  const existing = port.readSheet(MAPPING_SHEET);
  const table = existing ? readMapping(existing, settings).table : undefined;
  // Written in the sheet's own column order, when a center has rearranged it.
  const values: Record<MappingKey, string> = { kind: kindWord(row.kind), target: row.target, local: row.local.trim(), standard: row.standard };
  const width = table ? Math.max(table.headers.length, MAPPING_HEADER.length) : MAPPING_HEADER.length;
  const cells: CellValue[] = new Array<CellValue>(width).fill(null);
  (Object.keys(values) as MappingKey[]).forEach((key, i) => {
    cells[table?.columns[key] ?? i] = values[key];
  });
  const lastRow = existing?.rows.reduce((last, r) => (r.values.some((v) => v !== null && v !== '') ? r.rowNumber : last), 0) ?? 0;
  if (existing && !table && lastRow > 0)
    throw new Error(
      `「${MAPPING_SHEET}」シートに見出し行（${MAPPING_HEADER.join('・')}）が見つからないので、追加しませんでした。1行目に見出しを入れてください。`,
    );
  // A sheet that is missing is created with its header; an empty one gets the header first.
  const headerRows: (readonly CellValue[])[] = existing && !table ? [[...MAPPING_HEADER]] : [];
  const rowNumber = table ? lastRow + 1 : 2;
  const trial: RawSheet = {
    name: MAPPING_SHEET,
    rows: [...(table ? (existing?.rows ?? []) : [{ rowNumber: 1, values: [...MAPPING_HEADER] }]), { rowNumber, values: cells }],
  };
  const refused = readMapping(trial, settings).issues.find((i) => i.row === rowNumber && i.severity === 'error');
  if (refused) throw new Error(`「${MAPPING_SHEET}」に追加しませんでした: ${refused.message}`);
  port.appendRows(MAPPING_SHEET, MAPPING_HEADER, [...headerRows, cells]);
  const what =
    row.kind === 'sheet'
      ? `シート「${values.local}」`
      : row.kind === 'header'
        ? `「${row.target}」の見出し「${values.local}」`
        : `「${row.target}」の「${values.local}」`;
  return { sheet: MAPPING_SHEET, row: rowNumber, message: `${what}を「${row.standard}」として読みます（「${MAPPING_SHEET}」シートに追加しました）。` };
}
