/**
 * The cell-level behaviour of the fake sheet: storage, how Sheets parses what a script writes, A1
 * notation, colours, time zones and display formats. No service calls here, so nothing is counted.
 */
import { isDate } from './runtime';

/** What a cell holds. An empty cell holds nothing (undefined), and reads as ''. */
export type CellValue = string | number | boolean | Date;

/** Sheets' limit on one cell's text. */
export const MAX_CELL_CHARS = 50000;
/** What getNumberFormat() returns for a cell whose format was never set. */
export const DEFAULT_NUMBER_FORMAT = '0.###############';
export const DEFAULT_BACKGROUND = '#ffffff';
/** A new cell's font size in Sheets (Arial 10 in the toolbar); getFontSizes answers it for a cell never sized. */
export const DEFAULT_FONT_SIZE = 10;
/** What a formula reads as: the fake does not evaluate formulas. */
export const FORMULA_STAND_IN = '#ERROR!';

/**
 * One property of every cell of a sheet (values, notes, backgrounds…), 0-based, stored as rows created
 * on first write so that a 10,000-row sheet costs what its content costs and a block read is O(cells).
 */
export class Layer<T> {
  private rows: ((T | undefined)[] | undefined)[] = [];

  get(row: number, column: number): T | undefined {
    return this.rows[row]?.[column];
  }

  /** The stored row (may be shorter than the sheet, or absent): read-only use, for fast block reads. */
  row(row: number): readonly (T | undefined)[] | undefined {
    return this.rows[row];
  }

  set(row: number, column: number, value: T | undefined): void {
    let cells = this.rows[row];
    if (cells === undefined) {
      if (value === undefined) return;
      cells = [];
      this.rows[row] = cells;
    }
    cells[column] = value;
  }

  clear(row: number, column: number, numRows: number, numColumns: number): void {
    const lastRow = Math.min(row + numRows, this.rows.length);
    for (let r = row; r < lastRow; r++) {
      const cells = this.rows[r];
      if (cells === undefined) continue;
      const lastColumn = Math.min(column + numColumns, cells.length);
      for (let c = column; c < lastColumn; c++) cells[c] = undefined;
    }
  }

  clearAll(): void {
    this.rows = [];
  }

  /** Every cell holding something, 0-based; setting a cell while visiting is allowed. */
  forEach(visit: (value: T, row: number, column: number) => void): void {
    this.rows.forEach((cells, r) =>
      cells?.forEach((value, c) => {
        if (value !== undefined) visit(value, r, c);
      }),
    );
  }

  copyFrom(other: Layer<T>): void {
    this.rows = other.rows.map((cells) => cells?.slice());
  }

  insertRows(at: number, count: number): void {
    if (at < this.rows.length) this.rows.splice(at, 0, ...new Array<undefined>(count));
  }

  deleteRows(at: number, count: number): void {
    this.rows.splice(at, count);
  }

  insertColumns(at: number, count: number): void {
    for (const cells of this.rows) if (cells !== undefined && at < cells.length) cells.splice(at, 0, ...new Array<undefined>(count));
  }

  deleteColumns(at: number, count: number): void {
    for (const cells of this.rows) cells?.splice(at, count);
  }

  /** 1 + the index of the last row holding anything, or 0. */
  extentRows(): number {
    for (let r = this.rows.length - 1; r >= 0; r--) {
      if (this.rows[r]?.some((v) => v !== undefined)) return r + 1;
    }
    return 0;
  }

  /** 1 + the index of the last column holding anything in any row, or 0. */
  extentColumns(): number {
    let extent = 0;
    for (const cells of this.rows) {
      if (cells === undefined) continue;
      for (let c = cells.length - 1; c >= extent; c--) {
        if (cells[c] !== undefined) {
          extent = c + 1;
          break;
        }
      }
    }
    return extent;
  }
}

/** What a write leaves in a cell: a value, a formula (with its stand-in value), or nothing. */
export interface Written {
  readonly value: CellValue | undefined;
  readonly formula: string | undefined;
}

const EMPTY: Written = { value: undefined, formula: undefined };
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PERCENT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))%$/;
const DATE = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * What Sheets stores when a script writes `input` with setValue(s), which parse like typed input:
 * '=…' (and '+…', '-…', '@…' that are not numbers) become formulas, number-, boolean- and date-like text
 * becomes a number, boolean or Date, and a leading apostrophe forces text. In a cell formatted as plain
 * text ('@') a string is kept exactly as written.
 */
export function parseWritten(input: unknown, plainText: boolean, timeZone: string): Written {
  if (input === null || input === undefined || input === '') return EMPTY;
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input, formula: undefined };
  if (isDate(input)) return { value: new Date(input.getTime()), formula: undefined };
  // Sheets writes other objects (arrays, plain objects) as their string form.
  const text = typeof input === 'string' ? input : String(input);
  if (plainText) return { value: text, formula: undefined };
  if (text.startsWith("'")) return text.length > 1 ? { value: text.slice(1), formula: undefined } : EMPTY;
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) return { value: Number(trimmed), formula: undefined };
  if (GROUPED_NUMBER.test(trimmed)) return { value: Number(trimmed.replace(/,/g, '')), formula: undefined };
  const percent = PERCENT.exec(trimmed);
  if (percent?.[1] !== undefined) return { value: Number(percent[1]) / 100, formula: undefined };
  const first = text.charAt(0);
  // A lone '-' or '+' stays text (a common "none" mark); with more after it, Sheets parses a formula.
  if (text.length > 1 && (first === '=' || first === '+' || first === '-' || first === '@')) {
    return { value: FORMULA_STAND_IN, formula: first === '=' ? text : `=${text}` };
  }
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true', formula: undefined };
  const date = parseDateText(trimmed, timeZone);
  if (date) return { value: date, formula: undefined };
  return { value: text, formula: undefined };
}

/**
 * Languages whose spreadsheets write decimals with a comma, and so separate a formula's arguments with ';' in
 * the formulas Sheets shows (=AND(A1="";B1="")).
 */
const SEMICOLON_LANGUAGES = new Set([
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'es',
  'et',
  'fi',
  'fr',
  'hr',
  'hu',
  'id',
  'it',
  'lt',
  'lv',
  'nb',
  'nl',
  'no',
  'pl',
  'pt',
  'ro',
  'ru',
  'sk',
  'sl',
  'sv',
  'tr',
  'uk',
  'vi',
]);

/**
 * A formula as Sheets gives it back after storing it (the criteria of a conditional format): function names and
 * references in capitals, no spaces, arguments separated as the spreadsheet's locale writes them. Text between
 * double quotes and quoted sheet names are kept as written. The reference does not promise the text comes back
 * as it was set, so the fake gives back a normalised one: code that recognises its own rules by their exact text
 * fails here as it could in Sheets. (Decimals in formulas are not rewritten: the fake's formulas have none.)
 */
export function storedFormula(formula: string, locale: string): string {
  const separator = SEMICOLON_LANGUAGES.has((locale.split(/[_-]/)[0] ?? '').toLowerCase()) ? ';' : ',';
  let out = '';
  let quote: string | undefined;
  for (const ch of formula) {
    if (quote !== undefined) {
      out += ch;
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      out += ch;
    } else if (!/\s/.test(ch)) {
      out += ch === ',' ? separator : ch.toUpperCase();
    }
  }
  return out;
}

function parseDateText(text: string, timeZone: string): Date | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  if ((hour ?? 0) > 23 || (minute ?? 0) > 59 || (second ?? 0) > 59) return undefined;
  return fromZoned({ year, month, day, hour: hour ?? 0, minute: minute ?? 0, second: second ?? 0 }, timeZone);
}

// ---------------------------------------------------------------------------------------------- A1

/** A block of cells, 1-based like Apps Script. */
export interface Rect {
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1Notation(rect: Rect): string {
  const start = `${columnLetters(rect.column)}${rect.row}`;
  if (rect.numRows === 1 && rect.numColumns === 1) return start;
  return `${start}:${columnLetters(rect.column + rect.numColumns - 1)}${rect.row + rect.numRows - 1}`;
}

const A1_PART = /^\$?([A-Za-z]*)\$?(\d*)$/;

/**
 * 'B3', 'A1:C10', whole columns 'A:C', whole rows '2:4' and open-ended 'A2:C' (to the last row), as Sheets
 * reads them. Undefined when the text is not a range.
 */
export function parseA1(text: string, maxRows: number, maxColumns: number): Rect | undefined {
  const [from, to, extra] = text.trim().split(':');
  if (from === undefined || extra !== undefined) return undefined;
  const start = A1_PART.exec(from);
  const end = A1_PART.exec(to ?? from);
  if (!start || !end) return undefined;
  const [, c1 = '', r1 = ''] = start;
  const [, c2 = '', r2 = ''] = end;
  if ((c1 === '' && r1 === '') || (c2 === '' && r2 === '')) return undefined;
  if (to === undefined && (c1 === '' || r1 === '')) return undefined;
  const top = r1 === '' ? 1 : Number(r1);
  const left = c1 === '' ? 1 : columnNumber(c1);
  const bottom = r2 === '' ? Math.max(maxRows, top) : Number(r2);
  const right = c2 === '' ? Math.max(maxColumns, left) : columnNumber(c2);
  if (top < 1 || left < 1) return undefined;
  const row = Math.min(top, bottom);
  const column = Math.min(left, right);
  return { row, column, numRows: Math.abs(bottom - top) + 1, numColumns: Math.abs(right - left) + 1 };
}

/** Splits "'シート 1'!A1:B2" into the sheet name and the range; no '!' gives no sheet name. */
export function splitSheetName(text: string): { sheetName: string | undefined; range: string } {
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { sheetName: undefined, range: text };
  let name = text.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'") && name.length >= 2) name = name.slice(1, -1).replace(/''/g, "'");
  return { sheetName: name, range: text.slice(bang + 1) };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.column < b.column + b.numColumns && b.column < a.column + a.numColumns;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.column + inner.numColumns <= outer.column + outer.numColumns
  );
}

// ------------------------------------------------------------------------------------------ colours

const NAMED_COLORS: Readonly<Record<string, string>> = {
  white: '#ffffff',
  black: '#000000',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  gray: '#808080',
  grey: '#808080',
  cyan: '#00ffff',
  magenta: '#ff00ff',
  purple: '#800080',
};

/** Sheets reads colours back as lowercase '#rrggbb', whatever form they were written in. */
export function normalizeColor(color: string): string {
  const lower = color.trim().toLowerCase();
  const named = NAMED_COLORS[lower];
  if (named !== undefined) return named;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(lower);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  return lower;
}

// ------------------------------------------------------------------------------------- time zones

export interface ZonedParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

interface ZonedDetail extends ZonedParts {
  readonly millisecond: number;
  /** 0 = Sunday. */
  readonly weekday: number;
  readonly offsetMinutes: number;
}

/*
 * The fake keeps its own time-zone arithmetic, written unlike the product's (src/workbook/cell-values.ts reads
 * year, month, day and time as formatted parts), so a mistake there is not mirrored here and caught by
 * nothing: Intl is asked only for the zone's offset at an instant ("GMT+09:00"), and every wall-clock field
 * is UTC arithmetic on the shifted instant.
 */
const offsetNames = new Map<string, Intl.DateTimeFormat>();

/** How far a zone's clocks are ahead of UTC at an instant, in milliseconds (whole seconds: old local mean times have them). */
function offsetMillis(date: Date, timeZone: string): number {
  let names = offsetNames.get(timeZone);
  if (!names) {
    names = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetNames.set(timeZone, names);
  }
  const name = names.formatToParts(date).find((part) => part.type === 'timeZoneName')?.value ?? '';
  if (name === 'GMT') return 0;
  const offset = /^GMT([+-])(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(name);
  if (!offset) throw new Error(`fake: cannot read the UTC offset of ${timeZone} from "${name}"`);
  const seconds = Number(offset[2]) * 3600 + Number(offset[3]) * 60 + Number(offset[4] ?? 0);
  return (offset[1] === '-' ? -seconds : seconds) * 1000;
}

/** The wall-clock reading of an instant in a time zone. */
export function zoned(date: Date, timeZone: string): ZonedDetail {
  const offset = offsetMillis(date, timeZone);
  const wall = new Date(date.getTime() + offset);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    millisecond: wall.getUTCMilliseconds(),
    weekday: wall.getUTCDay(),
    offsetMinutes: Math.round(offset / 60000),
  };
}

/** The instant at which a time zone's clocks read the given wall-clock time. */
export function fromZoned(parts: ZonedParts, timeZone: string): Date {
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  let guess = wall - offsetMillis(new Date(wall), timeZone);
  // A second pass settles guesses that straddle a daylight-saving change.
  guess = wall - offsetMillis(new Date(guess), timeZone);
  return new Date(guess);
}

// ------------------------------------------------------------------------------------- formatting

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function offsetText(minutes: number, colon: boolean, hoursOnly: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hours = pad(Math.floor(abs / 60), 2);
  if (hoursOnly) return `${sign}${hours}`;
  return `${sign}${hours}${colon ? ':' : ''}${pad(abs % 60, 2)}`;
}

/**
 * Utilities.formatDate: Java SimpleDateFormat letters (y M d E H h k K m s S a Z X), 'quoted' text and ''
 * for a quote. An unknown letter throws, as Java does.
 */
export function formatJavaDate(date: Date, timeZone: string, pattern: string, fail: (message: string) => Error): string {
  const t = zoned(date, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern.charAt(i);
    if (ch === "'") {
      const close = pattern.indexOf("'", i + 1);
      if (close === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      const end = close < 0 ? pattern.length : close;
      out += pattern.slice(i + 1, end).replace(/''/g, "'");
      i = end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i += 1;
      continue;
    }
    let n = 1;
    while (pattern.charAt(i + n) === ch) n += 1;
    i += n;
    switch (ch) {
      case 'y':
        out += n === 2 ? pad(t.year % 100, 2) : pad(t.year, n);
        break;
      case 'M':
        out += n >= 4 ? (MONTHS[t.month - 1] ?? '') : n === 3 ? (MONTHS[t.month - 1] ?? '').slice(0, 3) : pad(t.month, n);
        break;
      case 'd':
        out += pad(t.day, n);
        break;
      case 'E':
        out += n >= 4 ? (WEEKDAY_NAMES[t.weekday] ?? '') : (WEEKDAY_NAMES[t.weekday] ?? '').slice(0, 3);
        break;
      case 'H':
        out += pad(t.hour, n);
        break;
      case 'k':
        out += pad(t.hour === 0 ? 24 : t.hour, n);
        break;
      case 'h':
        out += pad(t.hour % 12 === 0 ? 12 : t.hour % 12, n);
        break;
      case 'K':
        out += pad(t.hour % 12, n);
        break;
      case 'm':
        out += pad(t.minute, n);
        break;
      case 's':
        out += pad(t.second, n);
        break;
      case 'S':
        out += pad(t.millisecond, n);
        break;
      case 'a':
        out += t.hour < 12 ? 'AM' : 'PM';
        break;
      case 'Z':
        out += offsetText(t.offsetMinutes, false, false);
        break;
      case 'X':
        out += t.offsetMinutes === 0 ? 'Z' : offsetText(t.offsetMinutes, n >= 3, n === 1);
        break;
      default:
        throw fail(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

/** Sheets' number-format letters for dates and times, outside "quoted" text and \escapes. */
function sheetsFormatTokens(format: string): { kind: 'text' | 'field'; text: string }[] {
  const tokens: { kind: 'text' | 'field'; text: string }[] = [];
  let i = 0;
  while (i < format.length) {
    const ch = format.charAt(i);
    if (ch === '"') {
      const close = format.indexOf('"', i + 1);
      const end = close < 0 ? format.length : close;
      tokens.push({ kind: 'text', text: format.slice(i + 1, end) });
      i = end + 1;
    } else if (ch === '\\') {
      tokens.push({ kind: 'text', text: format.charAt(i + 1) });
      i += 2;
    } else if (/^am\/pm/i.test(format.slice(i))) {
      tokens.push({ kind: 'field', text: 'am/pm' });
      i += 5;
    } else if (/[ymdhs]/i.test(ch)) {
      let n = 1;
      while (format.charAt(i + n).toLowerCase() === ch.toLowerCase()) n += 1;
      tokens.push({ kind: 'field', text: format.slice(i, i + n).toLowerCase() });
      i += n;
    } else {
      tokens.push({ kind: 'text', text: ch });
      i += 1;
    }
  }
  return tokens;
}

function isDateFormat(format: string): boolean {
  return sheetsFormatTokens(format).some((t) => t.kind === 'field');
}

/** A Date shown with a Sheets date format such as 'yyyy/mm/dd' or 'yyyy"年"m"月"d"日" h:mm'. */
function formatSheetsDate(date: Date, timeZone: string, format: string): string {
  const t = zoned(date, timeZone);
  const tokens = sheetsFormatTokens(format);
  const twelveHour = tokens.some((x) => x.text === 'am/pm');
  const fields = tokens.filter((x) => x.kind === 'field').map((x) => x.text);
  let fieldIndex = -1;
  return tokens
    .map((token) => {
      if (token.kind === 'text') return token.text;
      fieldIndex += 1;
      const n = token.text.length;
      switch (token.text.charAt(0)) {
        case 'y':
          return n <= 2 ? pad(t.year % 100, 2) : String(t.year);
        case 'm': {
          // 'm' is minutes right after an hour or right before seconds, months otherwise.
          const previous = fields[fieldIndex - 1] ?? '';
          const next = fields[fieldIndex + 1] ?? '';
          if (previous.startsWith('h') || next.startsWith('s')) return pad(t.minute, n);
          if (n >= 4) return MONTHS[t.month - 1] ?? '';
          if (n === 3) return (MONTHS[t.month - 1] ?? '').slice(0, 3);
          return pad(t.month, n);
        }
        case 'd':
          if (n >= 4) return WEEKDAY_NAMES[t.weekday] ?? '';
          if (n === 3) return (WEEKDAY_NAMES[t.weekday] ?? '').slice(0, 3);
          return pad(t.day, n);
        case 'h': {
          const hour = twelveHour ? (t.hour % 12 === 0 ? 12 : t.hour % 12) : t.hour;
          return pad(hour, n);
        }
        case 's':
          return pad(t.second, n);
        default:
          return t.hour < 12 ? 'AM' : 'PM';
      }
    })
    .join('');
}

function formatNumber(value: number, format: string | undefined): string {
  const m = format === undefined ? null : /^(#,##)?0(?:\.(0+))?(%)?$/.exec(format);
  if (!m) return String(value);
  const scaled = m[3] ? value * 100 : value;
  const fixed = scaled.toFixed(m[2]?.length ?? 0);
  const grouped = m[1] ? fixed.replace(/^(-?\d+)/, (whole) => whole.replace(/\B(?=(\d{3})+$)/g, ',')) : fixed;
  return m[3] ? `${grouped}%` : grouped;
}

/** What getDisplayValues shows for a cell (Sheets' ja_JP defaults for dates). */
export function displayText(value: CellValue | undefined, format: string | undefined, timeZone: string): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return format === '@' ? String(value) : formatNumber(value, format);
  if (format !== undefined && isDateFormat(format)) return formatSheetsDate(value, timeZone, format);
  const t = zoned(value, timeZone);
  const midnight = t.hour === 0 && t.minute === 0 && t.second === 0;
  return formatSheetsDate(value, timeZone, midnight ? 'yyyy/mm/dd' : 'yyyy/mm/dd h:mm:ss');
}
