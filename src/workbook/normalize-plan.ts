import { type CellValue, cellText } from '../domain/values/cell';
import { NOTATION_KINDS } from '../domain/issues/catalogue';
import type { Issue, IssueCode } from '../domain/issues/issue';
import type { RawRow, RawSheet } from '../domain/sheets/table';
import type { WorkbookReading } from '../domain/sheets/workbook-check';
import { rectOfA1 } from './a1';
import { sameCellValue } from './cell-patch';
import type { CellPatch } from './port';

/*
 * 「表記を整える」 as data: the check's suggestions that only change how a value is written, never what it
 * means, turned into cell changes a person previews (before → after) and confirms. A suggestion that is a
 * judgement (an era trap like H32, a 所在 that differs from the address, a broken 事業所番号) is left to the
 * チェック結果 sidebar, where it is applied one at a time. Which is which is the catalogue's `NOTATION_KINDS`.
 */

/** A patch with the sheet and A1 address the change log records. */
export interface SheetPatch extends CellPatch {
  readonly sheet: string;
  readonly cell: string;
}

/** A cell change with where it is and why, as the preview lists it and the change log records it. */
export interface CellChange extends SheetPatch {
  /** The column's header as it stands in the sheet. */
  readonly header: string;
  readonly code: IssueCode;
  readonly kind: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The value a suggestion stands for: a date suggestion becomes a date (so sorting, filters and the date rule
 * of 「シートを準備」 see a date), a count a number (so SUM adds it), anything else text.
 */
export function suggestedValue(issue: Pick<Issue, 'code' | 'suggestion'>): CellValue | undefined {
  const s = issue.suggestion;
  if (s === undefined) return undefined;
  if ((issue.code === 'DATE_NOTATION' || issue.code === 'DATE_NO_YEAR' || issue.code === 'DATE_ERA_TRAP') && ISO_DATE.test(s)) return { kind: 'date', iso: s };
  if (issue.code === 'COUNT_NOTATION' && /^\d{1,15}$/.test(s)) return Number(s);
  return s;
}

/** The cell an issue points at, with its value and formula as read, or undefined when it is not in the read rows. */
export function issueCell(
  issue: Issue,
  raw: RawSheet | undefined,
  index?: ReadonlyMap<number, RawRow>,
): { row: number; column: number; value: CellValue; formula: string } | undefined {
  const rect = rectOfA1(issue.cell);
  if (!rect || !raw) return undefined;
  const row = index ? index.get(rect.row) : raw.rows.find((r) => r.rowNumber === rect.row);
  if (!row) return undefined;
  return { row: rect.row, column: rect.column, value: row.values[rect.column - 1] ?? null, formula: row.formulas?.[rect.column - 1] ?? '' };
}

/** A change for one issue's suggestion, or undefined when there is nothing safe to change. */
export function changeFor(issue: Issue, raw: RawSheet | undefined, index?: ReadonlyMap<number, RawRow>): CellChange | undefined {
  const after = suggestedValue(issue);
  const cell = issueCell(issue, raw, index);
  // A formula's result is not the person's typing: rewriting it would drop the formula.
  if (after === undefined || !cell || cell.formula !== '' || sameCellValue(cell.value, after)) return undefined;
  return {
    sheet: issue.sheet,
    cell: issue.cell,
    row: cell.row,
    column: cell.column,
    header: issue.column,
    code: issue.code,
    kind: NOTATION_KINDS[issue.code] ?? '候補を適用',
    before: cell.value,
    after,
  };
}

/** Every normalisation the check suggests, in the check's order, one per cell. */
export function normalizationPlan(reading: Pick<WorkbookReading, 'issues'>, raws: ReadonlyMap<string, RawSheet | undefined>): CellChange[] {
  const indexes = new Map<string, Map<number, RawRow>>();
  const indexOf = (sheet: string): Map<number, RawRow> => {
    let index = indexes.get(sheet);
    if (!index) indexes.set(sheet, (index = new Map((raws.get(sheet)?.rows ?? []).map((r) => [r.rowNumber, r]))));
    return index;
  };
  const seen = new Set<string>();
  const changes: CellChange[] = [];
  for (const issue of reading.issues) {
    if (NOTATION_KINDS[issue.code] === undefined || issue.suggestion === undefined) continue;
    const key = `${issue.sheet}!${issue.cell}`;
    if (seen.has(key)) continue;
    const change = changeFor(issue, raws.get(issue.sheet), indexOf(issue.sheet));
    if (!change) continue;
    seen.add(key);
    changes.push(change);
  }
  return changes;
}

/** The change log every rewrite of a user cell appends to (visible: it is the person's record too). */
export const CHANGE_LOG_SHEET = '_変更履歴';
export const CHANGE_LOG_HEADER = ['シート', 'セル', '変更前', '変更後', '日時', '操作'] as const;

/** Rows of the change log, one per applied change; `at` is the time shown (Japan time, `2026-10-05 14:03`). */
export function changeLogRows(changes: readonly Pick<SheetPatch, 'sheet' | 'cell' | 'before' | 'after'>[], at: string, operation: string): string[][] {
  return changes.map((c) => [c.sheet, c.cell, cellText(c.before), cellText(c.after), at, operation]);
}
