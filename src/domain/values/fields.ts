import { type CellValue, isBlankCell, isSheetDate, sheetErrorOf } from './cell';
import { type ChoiceList, matchChoice } from './choices';
import { type IsoDate, readDate } from './dates';
import { type Issue, type IssueCode, severityOf } from '../issue';
import { readMonth, type YearMonth } from './months';
import { readCount } from './numbers';
import { type ColumnSpec, type Table, type TableRow, cellAddress, columnTitle } from '../sheets/table';
import { hasControlChars, tidySpaces, toHalfWidthAlnum } from './text';

/**
 * Reading one row's cells into typed values while reporting what is wrong with each. Every sheet's check
 * is built from these readers, so a rule (a blank required cell, a merged cell, a `#REF!`) is written once
 * and says the same thing on every sheet.
 */
export interface RowReader<K extends string> {
  readonly row: TableRow;
  readonly issues: Issue[];
  /** The raw value of a column, or undefined when the sheet has no such column. */
  raw(key: K): CellValue | undefined;
  has(key: K): boolean;
  /** 0-based column of a key in this sheet. */
  index(key: K): number | undefined;
  report(key: K, code: IssueCode, message: string, suggestion?: string): void;
  title(key: K): string;
}

export function rowReader<K extends string>(table: Table<K>, specs: readonly ColumnSpec<K>[], row: TableRow, issues: Issue[]): RowReader<K> {
  const specOf = (key: K): ColumnSpec<K> => specs.find((s) => s.key === key) ?? { key, header: key };
  const title = (key: K): string => columnTitle(table, specOf(key));
  return {
    row,
    issues,
    has: (key) => table.columns[key] !== undefined,
    index: (key) => table.columns[key],
    raw(key) {
      const column = table.columns[key];
      if (column === undefined) return undefined;
      return row.values[column] ?? null;
    },
    title,
    report(key, code, message, suggestion) {
      const column = table.columns[key] ?? 0;
      const issue: Issue = {
        sheet: table.sheet,
        row: row.rowNumber,
        column: title(key),
        cell: cellAddress(row.rowNumber, column),
        code,
        severity: severityOf(code),
        message,
      };
      issues.push(suggestion === undefined ? issue : { ...issue, suggestion });
    },
  };
}

/** Shown in a message: the value as typed, shortened so a 10,000-character cell does not flood the sidebar. */
export function shown(value: CellValue | undefined): string {
  const text = value === null || value === undefined ? '' : isSheetDate(value) ? value.iso : String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * What every column shares before its own type is read: the column may be absent (nothing to read), the cell
 * may be hidden under a merge, hold an error value or a formula, or be blank. Returns the value to read on,
 * or undefined when there is nothing more to say about this cell.
 */
function present<K extends string>(r: RowReader<K>, key: K, required: boolean, hint: string): CellValue | undefined {
  if (!r.has(key)) return undefined;
  const value = r.raw(key);
  const index = r.index(key);
  if (index !== undefined && r.row.mergedColumns?.has(index)) {
    r.report(
      key,
      'CELL_MERGED',
      `「${r.title(key)}」のセルが結合されています（値は結合の左上のセルにしかありません）。結合を解除して、1行に1件ずつ入力してください。`,
    );
    return undefined;
  }
  const error = sheetErrorOf(value ?? null);
  if (error) {
    r.report(key, 'CELL_ERROR', `「${r.title(key)}」がエラー値「${error}」になっています（数式の参照先が消えたなど）。${hint}を値で入力し直してください。`);
    return undefined;
  }
  const formula = index === undefined ? '' : (r.row.formulas?.[index] ?? '');
  if (formula !== '') {
    r.report(key, 'CELL_FORMULA', `「${r.title(key)}」は数式（${shown(formula)}）です。数式の結果は後で変わることがあるため、${hint}を値で入力してください。`);
  }
  if (isBlankCell(value)) {
    if (required) r.report(key, 'REQUIRED', `「${r.title(key)}」が空です。${hint}を入力してください。`);
    return undefined;
  }
  return value;
}

export interface FieldOptions {
  readonly required: boolean;
  /** What a right value looks like, for messages: 「受付日（例: 2026-10-03）」. */
  readonly hint: string;
}

export function readDateField<K extends string>(r: RowReader<K>, key: K, opts: FieldOptions): IsoDate | undefined {
  const value = present(r, key, opts.required, opts.hint);
  if (value === undefined) return undefined;
  const title = r.title(key);
  const reading = readDate(value);
  if (reading.kind === 'blank') return undefined;
  if (reading.kind === 'invalid') {
    r.report(
      key,
      'DATE_INVALID',
      `「${title}」の「${shown(value)}」は日付として読めません（${reading.reason}）。2026-10-03 や 令和8年10月3日 の形で入力してください。`,
    );
    return undefined;
  }
  if (reading.trap) {
    r.report(
      key,
      'DATE_ERA_TRAP',
      `「${title}」の「${shown(value)}」: ${reading.trap.message}。正しければ ${reading.iso} と入力し直してください。`,
      reading.iso,
    );
  } else if (reading.notation !== 'date-value' && reading.notation !== 'western') {
    const how = reading.notation === 'wareki' ? '和暦' : reading.notation === 'compact' ? '区切りのない数字' : 'シリアル値';
    r.report(
      key,
      'DATE_NOTATION',
      `「${title}」の「${shown(value)}」は${how}の日付です。${reading.iso} と入力すると、並べ替えや集計で日付として扱われます。`,
      reading.iso,
    );
  } else if (reading.fullWidth) {
    r.report(
      key,
      'DATE_NOTATION',
      `「${title}」の「${shown(value)}」は全角の数字です。半角で ${reading.iso} と入力すると、日付として扱われます。`,
      reading.iso,
    );
  }
  return reading.iso;
}

export function readChoiceField<K extends string>(r: RowReader<K>, key: K, list: ChoiceList, opts: FieldOptions): string | undefined {
  const value = present(r, key, opts.required, opts.hint);
  if (value === undefined) return undefined;
  const title = r.title(key);
  const text = typeof value === 'string' ? value : shown(value);
  const match = matchChoice(text, list);
  if (match.kind === 'exact') return match.value;
  if (match.kind === 'variant') {
    r.report(
      key,
      'CHOICE_VARIANT',
      `「${title}」の「${shown(value)}」は「${match.value}」のことと読みました。集計がそろうよう「${match.value}」に統一してください。`,
      match.value,
    );
    return match.value;
  }
  r.report(key, 'CHOICE_UNKNOWN', `「${title}」の「${shown(value)}」は選択肢にありません。${list.values.join('・')} のどれかを選んでください。`);
  return undefined;
}

export interface TextOptions extends FieldOptions {
  readonly maxLength: number;
  /** Codes and IDs are compared as typed, so 全角 letters and digits in them are flagged. */
  readonly halfWidth?: boolean;
}

export function readTextField<K extends string>(r: RowReader<K>, key: K, opts: TextOptions): string | undefined {
  const value = present(r, key, opts.required, opts.hint);
  if (value === undefined) return undefined;
  const title = r.title(key);
  const text = typeof value === 'string' ? value : shown(value);
  if (text.length > opts.maxLength) {
    r.report(
      key,
      'TEXT_TOO_LONG',
      `「${title}」が${text.length.toLocaleString('ja-JP')}文字あります。${opts.maxLength.toLocaleString('ja-JP')}文字以内にしてください。`,
    );
  }
  if (hasControlChars(text)) {
    r.report(key, 'TEXT_CONTROL_CHARS', `「${title}」に目に見えない制御文字が入っています（別のシステムからの貼り付けなど）。入力し直してください。`);
  }
  const tidy = tidySpaces(text);
  if (opts.halfWidth && toHalfWidthAlnum(tidy) !== tidy) {
    const half = toHalfWidthAlnum(tidy);
    r.report(key, 'TEXT_WIDTH', `「${title}」の「${shown(text)}」に全角の英数字があります。半角の「${shown(half)}」にしてください。`, half);
    return half;
  }
  if (tidy !== text) {
    r.report(key, 'TEXT_SPACES', `「${title}」の前後や途中に余分な空白があります。「${shown(tidy)}」にしてください。`, tidy);
  }
  return tidy;
}

const CHECKED = new Set(['true', '1', '○', '〇', '◯', '✓', '✔', 'レ', 'はい', 'あり', '有', 'yes', 'y']);
const UNCHECKED = new Set(['false', '0', '×', '✕', 'いいえ', 'なし', '無', 'no', 'n', '-', '－']);

/** A checkbox column: Sheets gives booleans; Excel users type ○ or 1. Unrecognised text is a warning. */
export function readCheckboxField<K extends string>(r: RowReader<K>, key: K): boolean {
  const value = present(r, key, false, 'チェック');
  if (value === undefined) return false;
  if (typeof value === 'boolean') return value;
  const text = toHalfWidthAlnum(shown(value)).trim().toLowerCase();
  if (CHECKED.has(text)) return true;
  if (!UNCHECKED.has(text)) {
    r.report(
      key,
      'CHECKBOX_INVALID',
      `「${r.title(key)}」の「${shown(value)}」はチェックの有無として読めません。該当するときはチェックを入れる（または ○）、しないときは空にしてください。`,
    );
  }
  return false;
}

/** A month column (対象月): any form of SPEC §5; other than 西暦 `2026-10` / `2026/10` / `2026年10月` it is read with a warning. */
export function readMonthField<K extends string>(r: RowReader<K>, key: K, opts: FieldOptions): YearMonth | undefined {
  const value = present(r, key, opts.required, opts.hint);
  if (value === undefined) return undefined;
  const title = r.title(key);
  const reading = readMonth(value);
  if (reading.kind === 'blank') return undefined;
  if (reading.kind === 'invalid') {
    r.report(
      key,
      'MONTH_INVALID',
      `「${title}」の「${shown(value)}」は年月として読めません（${reading.reason}）。2026-10 や 令和8年10月 の形で入力してください。`,
    );
    return undefined;
  }
  if (reading.trap) {
    r.report(key, 'DATE_ERA_TRAP', `「${title}」の「${shown(value)}」: ${reading.trap.message}。正しければ ${reading.ym} と入力し直してください。`, reading.ym);
  } else if (reading.notation !== 'date-value' && reading.notation !== 'western') {
    const how = reading.notation === 'wareki' ? '和暦' : reading.notation === 'compact' ? '区切りのない数字' : 'シリアル値';
    r.report(
      key,
      'MONTH_NOTATION',
      `「${title}」の「${shown(value)}」は${how}の年月です。${reading.ym} と入力すると、並べ替えや集計で年月として扱われます。`,
      reading.ym,
    );
  } else if (reading.fullWidth) {
    r.report(key, 'MONTH_NOTATION', `「${title}」の「${shown(value)}」は全角の数字です。半角で ${reading.ym} と入力すると、年月として扱われます。`, reading.ym);
  }
  return reading.ym;
}

/** A count column (件数): an integer ≥ 0. `１２` and `12件` are read, with the plain number as suggestion. */
export function readCountField<K extends string>(r: RowReader<K>, key: K, opts: FieldOptions): number | undefined {
  const value = present(r, key, opts.required, opts.hint);
  if (value === undefined) return undefined;
  const title = r.title(key);
  const reading = readCount(value);
  if (reading.kind === 'blank') return undefined;
  if (reading.kind === 'invalid') {
    r.report(
      key,
      'COUNT_INVALID',
      `「${title}」の「${shown(value)}」は件数として読めません（${reading.reason}）。0以上の整数を半角の数字だけで入力してください（例: 12）。`,
    );
    return undefined;
  }
  if (reading.notation === 'with-unit') {
    r.report(
      key,
      'COUNT_NOTATION',
      `「${title}」の「${shown(value)}」に単位がついています。数字だけの ${reading.value} にすると、数値として合計できます。`,
      String(reading.value),
    );
  } else if (reading.notation === 'full-width') {
    r.report(
      key,
      'COUNT_NOTATION',
      `「${title}」の「${shown(value)}」は全角の数字です。半角の ${reading.value} にすると、数値として合計できます。`,
      String(reading.value),
    );
  }
  return reading.value;
}
