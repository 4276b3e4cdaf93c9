import { type CellValue, isBlankCell, isSheetDate, sheetErrorOf } from './cell';
import { DASHES, NO_MARKS, NONE_WORDS, YES_MARKS, YES_WORDS } from './written-marks';
import { type ChoiceList, matchChoice } from './choices';
import { formatJapaneseDate, type IsoDate, readDate } from './dates';
import { type CalendarNotation, issueMessage, type IssueParams } from '../issues/catalogue';
import { type Issue, type IssueCode, type MappingOffer, severityOf } from '../issues/issue';
import { readMonth, type YearMonth } from './months';
import { readCount } from './numbers';
import { type ColumnSpec, type RangePart, type Table, type TableRow, cellAddress, columnTitle } from '../sheets/table';
import { foldKey, hasControlChars, tidySpaces, toHalfWidthAlnum } from './text';

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
  /** Reports an issue on this row's cell of `key`, its message made from the catalogue's template for `code`. */
  report<C extends IssueCode>(key: K, code: C, params: IssueParams<C>, suggestion?: string, offer?: MappingOffer): void;
  title(key: K): string;
  /** The column's standard header (the one 読み替え maps to). */
  standard(key: K): string;
  /** The standard choice a center's own word stands for in this column (its 読み替え), if it maps one. */
  word(key: K, text: string): string | undefined;
  /** Read as one end of a range cell (契約期間): its cell holds more than this value, so nothing is offered to write there. */
  inRange(key: K): boolean;
}

/**
 * One end of a range written in one cell: 「R3.4.1～R4.3.31」, 「2021/4/1〜」, 「令和3年4月1日から令和4年3月31日まで」. The
 * start is what stands before the first ～, 〜, ~ or から (the whole cell when there is none: a 契約期間 holding its start
 * alone); the end what stands after it, without a closing まで. A cell that is not text (a date) is the start alone.
 */
export function rangeEnd(value: CellValue, part: RangePart): CellValue {
  if (typeof value !== 'string') return part === 0 ? value : null;
  const split = /\s*(?:[～〜~∼]|から)\s*/.exec(value);
  if (!split) return part === 0 ? value : null;
  const text = part === 0 ? value.slice(0, split.index) : value.slice(split.index + split[0].length).replace(/\s*まで\s*$/, '');
  return text.trim() === '' ? null : text;
}

export function rowReader<K extends string>(table: Table<K>, specs: readonly ColumnSpec<K>[], row: TableRow, issues: Issue[]): RowReader<K> {
  return new TableRowReader(table, specs, row, issues);
}

/**
 * A class rather than an object of closures: a check makes one reader per row, and closures made per row cost
 * the bundle's kept names (esbuild's keepNames sets each one's `name` as it is made) and the garbage collector.
 */
class TableRowReader<K extends string> implements RowReader<K> {
  constructor(
    private readonly table: Table<K>,
    private readonly specs: readonly ColumnSpec<K>[],
    readonly row: TableRow,
    readonly issues: Issue[],
  ) {}

  private specOf(key: K): ColumnSpec<K> {
    return this.specs.find((s) => s.key === key) ?? { key, header: key };
  }

  has(key: K): boolean {
    return this.table.columns[key] !== undefined;
  }

  index(key: K): number | undefined {
    return this.table.columns[key];
  }

  raw(key: K): CellValue | undefined {
    const column = this.table.columns[key];
    if (column === undefined) return undefined;
    const value = this.row.values[column] ?? null;
    const part = this.table.ranges?.[key];
    return part === undefined ? value : rangeEnd(value, part);
  }

  inRange(key: K): boolean {
    return this.table.ranges?.[key] !== undefined;
  }

  title(key: K): string {
    return columnTitle(this.table, this.specOf(key));
  }

  word(key: K, text: string): string | undefined {
    return this.table.words?.[key]?.get(foldKey(text))?.standard;
  }

  standard(key: K): string {
    return this.specOf(key).header;
  }

  report<C extends IssueCode>(key: K, code: C, params: IssueParams<C>, suggestion?: string, offer?: MappingOffer): void {
    const column = this.table.columns[key] ?? 0;
    // Filled in place rather than spread: a first check of a real ledger reports thousands of these.
    const issue: { -readonly [P in keyof Issue]: Issue[P] } = {
      sheet: this.table.sheet,
      row: this.row.rowNumber,
      column: this.title(key),
      cell: cellAddress(this.row.rowNumber, column),
      code,
      severity: severityOf(code),
      message: issueMessage(code, params),
    };
    // A suggestion replaces the whole cell: for one end of a range, it would write over the other.
    if (suggestion !== undefined && !this.inRange(key)) issue.suggestion = suggestion;
    if (offer !== undefined) issue.offer = offer;
    this.issues.push(issue);
  }
}

/** Shown in a message: the value as typed, shortened so a 10,000-character cell does not flood the sidebar. */
export function shown(value: CellValue | undefined): string {
  const text = value === null || value === undefined ? '' : isSheetDate(value) ? value.iso : String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * A formula that only states TRUE or FALSE: LibreOffice Calc saves every boolean cell, a checkbox's too, as
 * `=TRUE()` / `=FALSE()` with its value (and Sheets keeps them so after an import). Nothing it refers to can
 * change, so it is the value it shows, not a formula to warn about.
 */
const CONSTANT_FORMULA = /^=\s*(?:TRUE|FALSE)\s*(?:\(\s*\))?\s*$/i;

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
    r.report(key, 'CELL_MERGED', { title: r.title(key) });
    return undefined;
  }
  const error = sheetErrorOf(value ?? null);
  if (error) {
    r.report(key, 'CELL_ERROR', { title: r.title(key), error, hint });
    return undefined;
  }
  const formula = index === undefined ? '' : (r.row.formulas?.[index] ?? '');
  if (formula !== '' && !CONSTANT_FORMULA.test(formula)) {
    r.report(key, 'CELL_FORMULA', { title: r.title(key), formula: shown(formula), hint });
  }
  if (isBlankCell(value)) {
    if (required) r.report(key, 'REQUIRED', { title: r.title(key), hint });
    return undefined;
  }
  return value;
}

export interface FieldOptions {
  readonly required: boolean;
  /** What a right value looks like, for messages: 「受付日（例: 2026-10-03）」. */
  readonly hint: string;
  /**
   * The check's date (Asia/Tokyo). Given, a date column reads `10/7` as the latest 10月7日 not after it, with a
   * warning (DATE_NO_YEAR); absent, such a date stays invalid. Month columns do not use it.
   */
  readonly today?: IsoDate;
}

/** The other choice columns of a sheet, for a word typed in the wrong one (権利擁護, a 業務区分, under 相談内容). */
export type OtherChoices<K extends string> = readonly { readonly key: K; readonly list: ChoiceList }[];

/**
 * A kind of calendar value a column holds: a date (受付日) or a month (対象月). Both are read from the same
 * forms (SPEC §5) and report the same rules — unreadable, not written as 西暦, an era trap — under their own codes.
 */
interface CalendarKind<V extends string> {
  readonly invalid: 'DATE_INVALID' | 'MONTH_INVALID';
  readonly notation: 'DATE_NOTATION' | 'MONTH_NOTATION';
  read(value: CellValue, today: IsoDate | undefined): CalendarReading<V>;
}

type CalendarReading<V extends string> =
  | { readonly kind: 'blank' }
  | { readonly kind: 'invalid'; readonly reason: string }
  | {
      readonly kind: 'value';
      readonly value: V;
      readonly notation: 'date-value' | 'western' | 'compact' | 'wareki' | 'serial';
      readonly fullWidth: boolean;
      readonly trap?: { readonly message: string };
      /** A date typed without a year, its year supplied from today. */
      readonly noYear?: true;
    };

const DATE_KIND: CalendarKind<IsoDate> = {
  invalid: 'DATE_INVALID',
  notation: 'DATE_NOTATION',
  read(value, today) {
    const reading = readDate(value, { today });
    return reading.kind === 'date' ? { ...reading, kind: 'value', value: reading.iso } : reading;
  },
};

const MONTH_KIND: CalendarKind<YearMonth> = {
  invalid: 'MONTH_INVALID',
  notation: 'MONTH_NOTATION',
  read(value) {
    const reading = readMonth(value);
    return reading.kind === 'month' ? { ...reading, kind: 'value', value: reading.ym } : reading;
  },
};

/**
 * Reads a date or month column; other than 西暦 (or a date without a year, given today) it is read with a
 * warning and the full 西暦 form as suggestion.
 */
function readCalendarField<K extends string, V extends string>(r: RowReader<K>, key: K, kind: CalendarKind<V>, opts: FieldOptions): V | undefined {
  const value = present(r, key, opts.required, opts.hint);
  if (value === undefined) return undefined;
  const reading = kind.read(value, opts.today);
  if (reading.kind === 'blank') return undefined;
  if (reading.kind === 'invalid') {
    r.report(key, kind.invalid, { ...cellParams(r, key, value), reason: reading.reason });
    return undefined;
  }
  const written: CalendarNotation | undefined =
    reading.notation === 'wareki' || reading.notation === 'compact' || reading.notation === 'serial'
      ? reading.notation
      : reading.fullWidth
        ? 'full-width'
        : undefined;
  if (reading.trap) {
    r.report(key, 'DATE_ERA_TRAP', { ...cellParams(r, key, value), trap: reading.trap.message, value: reading.value }, reading.value);
  } else if (reading.noYear) {
    // Says the year it supplied even when the cell is also 全角: writing the year out fixes both.
    r.report(key, 'DATE_NO_YEAR', { ...cellParams(r, key, value), date: formatJapaneseDate(reading.value), value: reading.value }, reading.value);
  } else if (written !== undefined && !r.inRange(key)) {
    // A range cell (R3.4.1～R4.3.31) is kept as the center writes it: 西暦 would be asked of a cell no suggestion can write.
    r.report(key, kind.notation, { ...cellParams(r, key, value), written, value: reading.value }, reading.value);
  }
  return reading.value;
}

/**
 * The cell as a message names it. Made only when there is something to say (most cells are right, and a check
 * reads 100,000 rows), by a function of the module rather than a closure made per cell.
 */
function cellParams<K extends string>(r: RowReader<K>, key: K, value: CellValue): { title: string; shown: string } {
  return { title: r.title(key), shown: shown(value) };
}

/** Words typed where a date goes, by foldKey, with what each means: 対応中 under 対応完了日, 自動更新 under 契約終了日. */
export function dateWords<M extends string>(meanings: Readonly<Record<M, readonly string[]>>): ReadonlyMap<string, M> {
  return new Map(Object.entries<readonly string[]>(meanings).flatMap(([meaning, words]) => words.map((w) => [foldKey(w), meaning as M] as const)));
}

/** What a word in a date cell means (dateWords), or undefined for any other cell: a date, a blank, a word not listed. */
export function dateWord<K extends string, M extends string>(r: RowReader<K>, key: K, words: ReadonlyMap<string, M>): M | undefined {
  const value = r.raw(key);
  return typeof value === 'string' ? words.get(foldKey(value)) : undefined;
}

/** A date column (受付日, 契約開始日 …). */
export function readDateField<K extends string>(r: RowReader<K>, key: K, opts: FieldOptions): IsoDate | undefined {
  return readCalendarField(r, key, DATE_KIND, opts);
}

/** A month column (対象月). */
export function readMonthField<K extends string>(r: RowReader<K>, key: K, opts: FieldOptions): YearMonth | undefined {
  return readCalendarField(r, key, MONTH_KIND, opts);
}

/**
 * One typed word read as a choice of the column: the choice itself, the center's own word for one (読み替え, no
 * warning), a variant (the caller warns), or unknown, reported here with the 読み替え the sidebar may offer.
 * `seen` is what the message shows (the whole cell), made into text only when there is a message.
 */
function chooseOne<K extends string>(
  r: RowReader<K>,
  key: K,
  word: string,
  list: ChoiceList,
  seen: CellValue,
  others: OtherChoices<K> = [],
): { value: string; variant: boolean } | undefined {
  const match = matchChoice(word, list);
  if (match.kind === 'exact') return { value: match.value, variant: false };
  const own = r.word(key, word);
  if (own !== undefined) return { value: own, variant: false };
  if (match.kind === 'variant') return { value: match.value, variant: true };
  // Several choices in a cell that takes one (認知症、介護保険サービス): the person must pick, so no guess is made.
  const several = severalChoices(word, list);
  if (several) {
    r.report(key, 'CHOICE_SEVERAL', { title: r.title(key), shown: shown(seen), values: several });
    return undefined;
  }
  // A choice of another column of the sheet: said, since the person chose a right word for the wrong column.
  const other = others.find((o) => o.key !== key && matchChoice(word, o.list).kind !== 'unknown');
  const elsewhere = other ? { elsewhere: r.title(other.key) } : {};
  r.report(key, 'CHOICE_UNKNOWN', { title: r.title(key), shown: shown(seen), choices: list.values, ...elsewhere }, undefined, {
    kind: 'value',
    column: r.standard(key),
    local: word.trim(),
    choices: list.values,
  });
  return undefined;
}

/**
 * The choices of a cell that holds two or more, separated by 、 , / or a space (not by ・, which joins the parts of one
 * choice: 家族・親族): each part a choice or its variant, and at least two different ones. Undefined for anything else.
 */
function severalChoices(word: string, list: ChoiceList): string[] | undefined {
  const parts = word.split(/\s*[、，,／/]\s*|\s+/).filter((p) => p !== '');
  if (parts.length < 2) return undefined;
  const values: string[] = [];
  for (const part of parts) {
    const match = matchChoice(part, list);
    if (match.kind === 'unknown') return undefined;
    if (!values.includes(match.value)) values.push(match.value);
  }
  return values.length >= 2 ? values : undefined;
}

export function readChoiceField<K extends string>(
  r: RowReader<K>,
  key: K,
  list: ChoiceList,
  opts: FieldOptions & { readonly others?: OtherChoices<K> },
): string | undefined {
  const value = present(r, key, opts.required, opts.hint);
  if (value === undefined) return undefined;
  const chosen = chooseOne(r, key, typeof value === 'string' ? value : shown(value), list, value, opts.others);
  if (chosen?.variant) r.report(key, 'CHOICE_VARIANT', { title: r.title(key), shown: shown(value), value: chosen.value }, chosen.value);
  return chosen?.value;
}

/** What separates several choices typed in one cell (参加職種): 「、」 or a comma, half or full width. */
const CHOICES_SEPARATOR = /[、,，､]/;

/**
 * A column of several choices in one cell, separated by 「、」 or a comma (参加職種 of 活動記録): each part is read as
 * a choice column reads its cell. An unknown part is an error naming it; parts written as variants give one warning
 * for the cell, with the whole cell in standard words as the suggestion. Returns the standard choices, each once.
 */
export function readChoicesField<K extends string>(r: RowReader<K>, key: K, list: ChoiceList, opts: FieldOptions): string[] {
  const value = present(r, key, opts.required, opts.hint);
  if (value === undefined) return [];
  const title = r.title(key);
  const text = typeof value === 'string' ? value : shown(value);
  const parts = text
    .split(CHOICES_SEPARATOR)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const chosen: string[] = [];
  let variant = false;
  let unknown = false;
  for (const part of parts) {
    const one = chooseOne(r, key, part, list, part);
    if (one === undefined) {
      unknown = true;
      continue;
    }
    variant ||= one.variant;
    if (!chosen.includes(one.value)) chosen.push(one.value);
  }
  if (variant && !unknown) {
    const tidy = chosen.join('、');
    r.report(key, 'CHOICE_VARIANT', { title, shown: shown(value), value: tidy }, tidy);
  }
  return chosen;
}

export interface TextOptions extends FieldOptions {
  readonly maxLength: number;
  /** Codes and IDs are compared as typed, so 全角 letters and digits in them are flagged. */
  readonly halfWidth?: boolean;
}

/** Half-width katakana and their sound marks (U+FF61–FF9F), which 表記 turns to full width. */
const HALF_WIDTH_KANA = /[\uff61-\uff9f]/g;

export function readTextField<K extends string>(r: RowReader<K>, key: K, opts: TextOptions): string | undefined {
  const value = present(r, key, opts.required, opts.hint);
  if (value === undefined) return undefined;
  const title = r.title(key);
  const text = typeof value === 'string' ? value : shown(value);
  if (text.length > opts.maxLength) {
    r.report(key, 'TEXT_TOO_LONG', { title, length: text.length, maxLength: opts.maxLength });
  }
  if (hasControlChars(text)) {
    r.report(key, 'TEXT_CONTROL_CHARS', { title });
  }
  const tidy = tidySpaces(text);
  if (opts.halfWidth && toHalfWidthAlnum(tidy) !== tidy) {
    const half = toHalfWidthAlnum(tidy);
    // Say which of the two the cell has: 「全角の英数字」 is not what a person sees in ﾁｮｸｴｲ.
    const withoutKana = tidy.replace(HALF_WIDTH_KANA, '');
    const halfKana = withoutKana !== tidy;
    const wideAlnum = toHalfWidthAlnum(withoutKana) !== withoutKana;
    r.report(key, 'TEXT_WIDTH', { title, shown: shown(text), half: shown(half), halfKana, wideAlnum }, half);
    return half;
  }
  if (tidy !== text) {
    r.report(key, 'TEXT_SPACES', { title, tidy: shown(tidy) }, tidy);
  }
  return tidy;
}

// The marks a ledger kept by hand uses: ○ and ● for yes, × and a dash (-, ー, ―) for no, and the words around them.
const CHECKED = new Set<string>(['true', '1', ...YES_MARKS, '✓', '✔', 'レ', 'はい', ...YES_WORDS, '該当', 'yes', 'y', 'on']);
const UNCHECKED = new Set<string>(['false', '0', ...NO_MARKS, 'いいえ', ...NONE_WORDS, '非該当', 'no', 'n', 'off', ...DASHES]);

/** A checkbox column: Sheets gives booleans; Excel users type ○ or 1. Unrecognised text is a warning. */
export function readCheckboxField<K extends string>(r: RowReader<K>, key: K): boolean {
  const value = present(r, key, false, 'チェック');
  if (value === undefined) return false;
  if (typeof value === 'boolean') return value;
  const text = toHalfWidthAlnum(shown(value)).trim().toLowerCase();
  if (CHECKED.has(text)) return true;
  if (!UNCHECKED.has(text)) {
    r.report(key, 'CHECKBOX_INVALID', { title: r.title(key), shown: shown(value) });
  }
  return false;
}

/** A count column (件数): an integer ≥ 0. `１２` and `12件` are read, with the plain number as suggestion. */
export function readCountField<K extends string>(r: RowReader<K>, key: K, opts: FieldOptions): number | undefined {
  const value = present(r, key, opts.required, opts.hint);
  if (value === undefined) return undefined;
  const title = r.title(key);
  const reading = readCount(value);
  if (reading.kind === 'blank') return undefined;
  if (reading.kind === 'invalid') {
    r.report(key, 'COUNT_INVALID', { title, shown: shown(value), reason: reading.reason });
    return undefined;
  }
  if (reading.notation === 'with-unit' || reading.notation === 'full-width' || reading.notation === 'zero-mark') {
    r.report(key, 'COUNT_NOTATION', { title, shown: shown(value), written: reading.notation, value: reading.value }, String(reading.value));
  } else if (reading.notation === 'with-note') {
    // No suggestion: writing the count alone would throw the note away.
    r.report(key, 'COUNT_NOTATION', { title, shown: shown(value), written: reading.notation, value: reading.value });
  }
  return reading.value;
}
