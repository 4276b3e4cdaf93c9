/**
 * A cell value as both adapters hand it to the domain. Sheets and exceljs give dates as JS `Date`s whose
 * meaning depends on a time zone; the adapters turn them into the calendar date the sheet shows, so the
 * domain never does time-zone arithmetic.
 */
export interface SheetDate {
  readonly kind: 'date';
  /** The calendar date shown in the sheet, `YYYY-MM-DD`. */
  readonly iso: string;
  /** The time of day shown in the sheet, `HH:MM`, when it is not midnight. */
  readonly time?: string;
}

export type CellValue = string | number | boolean | SheetDate | null;

export function isSheetDate(value: unknown): value is SheetDate {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'date';
}

/** A value as a person reads it: dates as 2026-10-03 (10:30), checkboxes as TRUE/FALSE, nothing as ''. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (isSheetDate(value)) return value.time ? `${value.iso} ${value.time}` : value.iso;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** Empty as a person sees it: nothing, or only spaces of either width. */
export function isBlankCell(value: CellValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  // String.prototype.trim removes every Unicode space, U+3000 included; this runs on every cell.
  return typeof value === 'string' && (value === '' || value.trim() === '');
}

/** Sheets shows these error values instead of a result; exceljs reads them as `{ error: '#REF!' }`. */
const SHEET_ERRORS = ['#REF!', '#N/A', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#ERROR!', '#SPILL!', '#CALC!'];

export function sheetErrorOf(value: CellValue | undefined): string | undefined {
  if (typeof value !== 'string' || !value.includes('#')) return undefined;
  const trimmed = value.trim();
  return SHEET_ERRORS.includes(trimmed) ? trimmed : undefined;
}

/** 1-based column number → letters (1 → A, 27 → AA). */
export function columnLetters(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A1 address of a 1-based row and column. */
export function a1(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}
