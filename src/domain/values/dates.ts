import { type CellValue, isSheetDate } from './cell';
import { TextMemo } from './memo';
import { toHalfWidthAlnum } from './text';

/**
 * Dates as people type them (SPEC §5): 西暦 with any separator, 8 digits, 和暦 with the era's name, letter or
 * ligature, 全角, a Sheets date value or a serial number. Calendar arithmetic is on day numbers (days since
 * 1970-01-01, proleptic Gregorian), never on `Date` objects, so nothing depends on the time zone.
 */

export type IsoDate = string;
export type DateNotation = 'date-value' | 'western' | 'compact' | 'wareki' | 'serial';
/** `H32.1.1`: the era had ended (平成 ended 2019-04-30). `R1.4.1`: the era had not begun (令和 began 2019-05-01). */
export type DateTrap = 'era-overflow' | 'era-before-start';
export interface TrapNote {
  readonly kind: DateTrap;
  readonly message: string;
}

export type DateReading =
  | { readonly kind: 'blank' }
  | {
      readonly kind: 'date';
      readonly iso: IsoDate;
      readonly notation: DateNotation;
      readonly fullWidth: boolean;
      readonly trap?: TrapNote;
      /** Typed without a year (`10/7`): the year is the one that makes it the latest such day not after `today`. */
      readonly noYear?: true;
    }
  | { readonly kind: 'invalid'; readonly reason: string };

/**
 * What reading a date may rely on beyond the cell. `today` (Asia/Tokyo, from the check) lets a date typed
 * without a year be read; a caller without it (a month column, a prompt) keeps such a date invalid, since
 * guessing the year against the machine's clock would make the same cell mean different days in different places.
 */
export interface DateContext {
  readonly today?: IsoDate;
}

// Day numbers -------------------------------------------------------------------------------------------

interface Ymd {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
function dayNumber({ y, m, d }: Ymd): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(days: number): Ymd {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function isoOf({ y, m, d }: Ymd): IsoDate {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

function parseIso(iso: string): Ymd | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return undefined;
  const ymd = { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
  return calendarProblem(ymd) === undefined ? ymd : undefined;
}

/** Why y-m-d is not a day of the calendar, in Japanese; undefined when it is one. */
function calendarProblem({ y, m, d }: Ymd): string | undefined {
  if (y < 1) return '西暦0年はありません';
  if (m < 1 || m > 12) return `${m}月はありません`;
  if (d < 1 || d > daysInMonth(y, m)) {
    return m === 2 && d === 29 ? `${y}年はうるう年ではないので、2月29日はありません` : `${m}月${d}日はありません`;
  }
  return undefined;
}

export function isValidIso(iso: string): boolean {
  return typeof iso === 'string' && parseIso(iso) !== undefined;
}

/** The date `days` later (earlier when negative); an invalid date is returned as it is. */
export function addDays(iso: IsoDate, days: number): IsoDate {
  const ymd = parseIso(iso);
  if (!ymd || !Number.isFinite(days)) return iso;
  return isoOf(fromDayNumber(dayNumber(ymd) + Math.trunc(days)));
}

/** `to` − `from` in days; NaN when either is not a date. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = parseIso(from);
  const b = parseIso(to);
  return a && b ? dayNumber(b) - dayNumber(a) : NaN;
}

export function compareIso(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sheets and Excel (after 1900-03-01) count days from 1899-12-30: serial 1 = 1899-12-31, 25569 = 1970-01-01. */
const SERIAL_EPOCH = -25569;
const MAX_SERIAL = 2958465; // 9999-12-31

export function serialOf(iso: IsoDate): number {
  const ymd = parseIso(iso);
  return ymd ? dayNumber(ymd) - SERIAL_EPOCH : NaN;
}

// Eras ------------------------------------------------------------------------------------------------

export interface Era {
  readonly name: string;
  readonly letter: string;
  readonly symbol: string;
  /** First day. 明治 is taken from 1868-01-01 (its official start, 1868-01-25, is the first day of 明治元年 by the old calendar). */
  readonly start: IsoDate;
  /** Last day; undefined for the current era. */
  readonly end?: IsoDate;
}

const ERA_STARTS = [
  { name: '明治', letter: 'M', symbol: '㍾', start: '1868-01-01' },
  { name: '大正', letter: 'T', symbol: '㍽', start: '1912-07-30' },
  { name: '昭和', letter: 'S', symbol: '㍼', start: '1926-12-25' },
  { name: '平成', letter: 'H', symbol: '㍻', start: '1989-01-08' },
  { name: '令和', letter: 'R', symbol: '㋿', start: '2019-05-01' },
];

export const ERAS: readonly Era[] = ERA_STARTS.map((era, i) => {
  const next = ERA_STARTS[i + 1];
  return next ? { ...era, end: addDays(next.start, -1) } : era;
});

/** An era's first letter, as a form's narrow column abbreviates it (令8.10.3, 平31.4.30): each era's is its own. */
const shortName = (era: Era): string => era.name.slice(0, 1);

/** A regular-expression alternative matching an era as written: 令和, R, r, ㋿, 令. The full name comes before its first letter. */
export const ERA_PATTERN = `(${ERAS.flatMap((e) => [e.name, e.letter, e.letter.toLowerCase(), e.symbol, shortName(e)]).join('|')})`;

export function eraByToken(token: string): Era | undefined {
  return ERAS.find((e) => e.name === token || e.symbol === token || e.letter === token.toUpperCase() || shortName(e) === token);
}

export function eraOfDate(iso: IsoDate): Era | undefined {
  let found: Era | undefined;
  for (const era of ERAS) if (era.start <= iso) found = era;
  return found;
}

function eraStartYear(era: Era): number {
  return Number(era.start.slice(0, 4));
}

/** 令和8 → 2026; 元 is 1. A problem (令和0年, a missing year) is returned as a Japanese reason. */
export function warekiToYear(era: Era, yearText: string | undefined): number | { readonly reason: string } {
  if (yearText === undefined || yearText === '') return { reason: `${era.name}何年かが書かれていません` };
  const n = yearText === '元' ? 1 : Number(yearText);
  if (n === 0) return { reason: `${era.name}0年はありません（${era.name}元年＝${era.name}1年）` };
  return eraStartYear(era) - 1 + n;
}

/** The year of an era that a western year is: 令和 of 2021 is 3, 平成 of 1989 is 1 (written 元). */
export function eraYear(era: Era, y: number): number {
  return y - eraStartYear(era) + 1;
}

export function eraYearText(era: Era, y: number): string {
  const n = eraYear(era, y);
  return `${era.name}${n === 1 ? '元' : n}年`;
}

export function formatJapaneseDate(iso: IsoDate): string {
  const ymd = parseIso(iso);
  return ymd ? `${ymd.y}年${ymd.m}月${ymd.d}日` : iso;
}

/** `2026-10-03` → `令和8年10月3日`, `2019-05-01` → `令和元年5月1日`; before 明治 the 西暦 form. */
export function toWareki(iso: IsoDate): string {
  const ymd = parseIso(iso);
  if (!ymd) return iso;
  const era = eraOfDate(iso);
  return era ? `${eraYearText(era, ymd.y)}${ymd.m}月${ymd.d}日` : formatJapaneseDate(iso);
}

function dateTrap(era: Era, eraYear: string, ymd: Ymd): TrapNote | undefined {
  const iso = isoOf(ymd);
  const asRead = `${formatJapaneseDate(iso)}（${toWareki(iso)}）として読みました`;
  if (era.end !== undefined && iso > era.end) {
    const lastYear = Number(era.end.slice(0, 4));
    const what = ymd.y > lastYear ? `${era.name}${eraYear}年` : `${era.name}${eraYear}年${ymd.m}月${ymd.d}日`;
    return { kind: 'era-overflow', message: `${what}は存在しません（${era.name}は${formatJapaneseDate(era.end)}まで）。${asRead}` };
  }
  if (iso < era.start) {
    return { kind: 'era-before-start', message: `${era.name}は${formatJapaneseDate(era.start)}からです。${asRead}` };
  }
  return undefined;
}

// Reading ---------------------------------------------------------------------------------------------

const TIME = /(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/** A typed date or month, prepared for matching: half width, trimmed, a time of day dropped, no spaces next to a non-digit. */
export interface PreparedText {
  readonly text: string;
  readonly fullWidth: boolean;
}

/** Longer than any date anyone types; the patterns below would be slow on a 50,000-character cell of spaces. */
const MAX_DATE_TEXT = 64;

/** Undefined when the text is too long to be a date or a month. */
export function prepareDateText(raw: string): PreparedText | undefined {
  const trimmed = toHalfWidthAlnum(raw).trim();
  if (trimmed.length > MAX_DATE_TEXT) return undefined;
  const text = trimmed.replace(TIME, '').replace(/\s*([^\d\s])\s*/g, '$1');
  return { text, fullWidth: /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A／－．：，]/.test(raw) };
}

const WEEKDAYS = '日月火水木金土';
const WEEKDAY = /[(（]([日月火水木金土])(?:曜日?)?[)）]$/;
const WESTERN = [/^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/, /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/];
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const WAREKI = new RegExp(`^${ERA_PATTERN}\\.?(\\d{1,2}|元)?(?:年|[/.-])(\\d{1,2})(?:月|[/.-])(\\d{1,2})日?$`);
const NO_YEAR = [/^(\d{1,2})[/.-](\d{1,2})$/, /^(\d{1,2})月(\d{1,2})日?$/];
const SHORT_YEAR = [/^(\d{1,3})[/.-]\d{1,2}[/.-]\d{1,2}$/, /^(\d{1,3})年\d{1,2}月\d{1,2}日?$/];

/** Why a year of one to three digits (8年10月3日, 8.10.3) cannot be read: it may be 西暦 or a 和暦 without its era. */
export function shortYearReason(year: string): string {
  return `年「${year}」が西暦か和暦か分かりません（西暦は4桁、和暦は令和8年・R8のように元号をつけてください）`;
}

const NOT_A_DATE = '年・月・日の形になっていません';
const NO_YEAR_WRITTEN = '年が書かれていません';

/** A leap year, so that only the month and day are judged: 2/29 is a day, 2/30 is not. */
const ANY_LEAP_YEAR = 2000;

/**
 * `10/7` typed on `today`: the latest 10月7日 not after today (today itself included), so a ledger typed in
 * January still puts 12/28 in the year before. 2/29 goes back to the latest leap year. Undefined when there is
 * no such day (year 1 and before).
 */
function latestPastYear(m: number, d: number, today: Ymd): number | undefined {
  const notYetThisYear = m > today.m || (m === today.m && d > today.d);
  // At most 8 years pass between leap years (1896 → 1904), so this ends quickly.
  for (let y = notYetThisYear ? today.y - 1 : today.y; y >= 1; y--) {
    if (d <= daysInMonth(y, m)) return y;
  }
  return undefined;
}

function noYearDate(m: number, d: number, fullWidth: boolean, context: DateContext): DateReading {
  const today = context.today === undefined ? undefined : parseIso(context.today);
  if (!today) return { kind: 'invalid', reason: NO_YEAR_WRITTEN };
  const problem = calendarProblem({ y: ANY_LEAP_YEAR, m, d });
  if (problem !== undefined) return { kind: 'invalid', reason: problem };
  const y = latestPastYear(m, d, today);
  if (y === undefined) return { kind: 'invalid', reason: NO_YEAR_WRITTEN };
  return { kind: 'date', iso: isoOf({ y, m, d }), notation: 'western', fullWidth, noYear: true };
}

function dateOf(ymd: Ymd, notation: DateNotation, fullWidth: boolean, trap?: TrapNote): DateReading {
  const problem = calendarProblem(ymd);
  if (problem !== undefined) return { kind: 'invalid', reason: problem };
  const base = { kind: 'date' as const, iso: isoOf(ymd), notation, fullWidth };
  return trap ? { ...base, trap } : base;
}

/**
 * Reads a typed date. Undefined when the text has no date shape at all (so a caller reading months can say
 * something fitting); `invalid` when it has one but is wrong (2月30日, 令和0年, no year and no `today`).
 */
export function parseDateText(raw: string, context: DateContext = {}): DateReading | undefined {
  const prep = prepareDateText(raw);
  if (!prep) return undefined;
  const { text: prepared, fullWidth } = prep;
  const weekday = WEEKDAY.exec(prepared);
  const text = weekday ? prepared.slice(0, weekday.index) : prepared;
  const reading = readDateShape(text, fullWidth, context);
  const ymd = reading?.kind === 'date' ? parseIso(reading.iso) : undefined;
  if (reading?.kind === 'date' && ymd && weekday?.[1] !== undefined) {
    // Day 0, 1970-01-01, was a Thursday.
    const actual = WEEKDAYS.charAt((((dayNumber(ymd) + 4) % 7) + 7) % 7);
    if (actual !== weekday[1]) {
      // Without a year the person may not see why this year: say which day the weekday was checked against.
      const day = reading.noYear ? `年が書かれていないので${formatJapaneseDate(reading.iso)}として読みましたが、この日` : formatJapaneseDate(reading.iso);
      return { kind: 'invalid', reason: `${day}は${actual}曜日です（${weekday[1]}曜日ではありません）` };
    }
  }
  return reading;
}

function readDateShape(text: string, fullWidth: boolean, context: DateContext): DateReading | undefined {
  for (const pattern of WESTERN) {
    const m = pattern.exec(text);
    if (m) return dateOf({ y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }, 'western', fullWidth);
  }
  const compact = COMPACT.exec(text);
  if (compact) return dateOf({ y: Number(compact[1]), m: Number(compact[2]), d: Number(compact[3]) }, 'compact', fullWidth);
  const wareki = WAREKI.exec(text);
  if (wareki) {
    const era = eraByToken(wareki[1] ?? '');
    if (!era) return undefined;
    const y = warekiToYear(era, wareki[2]);
    if (typeof y !== 'number') return { kind: 'invalid', reason: y.reason };
    const ymd = { y, m: Number(wareki[3]), d: Number(wareki[4]) };
    if (calendarProblem(ymd) !== undefined) return dateOf(ymd, 'wareki', fullWidth);
    return dateOf(ymd, 'wareki', fullWidth, dateTrap(era, wareki[2] ?? '', ymd));
  }
  for (const pattern of NO_YEAR) {
    const m = pattern.exec(text);
    if (m) return noYearDate(Number(m[1]), Number(m[2]), fullWidth, context);
  }
  for (const pattern of SHORT_YEAR) {
    const m = pattern.exec(text);
    if (m) return { kind: 'invalid', reason: shortYearReason(m[1] ?? '') };
  }
  return undefined;
}

function readSerialOrCompact(n: number): DateReading {
  if (!Number.isFinite(n)) return { kind: 'invalid', reason: '数値になっていません' };
  if (n < 0) return { kind: 'invalid', reason: '負の数は日付ではありません' };
  if (n === 0) return { kind: 'invalid', reason: '0は日付ではありません' };
  if (Number.isInteger(n) && n >= 10000101 && n <= 99991231) {
    const s = String(n);
    return dateOf({ y: Number(s.slice(0, 4)), m: Number(s.slice(4, 6)), d: Number(s.slice(6, 8)) }, 'compact', false);
  }
  if (n >= 1 && n < MAX_SERIAL + 1) {
    return { kind: 'date', iso: isoOf(fromDayNumber(Math.floor(n) + SERIAL_EPOCH)), notation: 'serial', fullWidth: false };
  }
  return { kind: 'invalid', reason: `数値「${n}」は日付の値（シリアル値）でも8桁の年月日でもありません` };
}

/**
 * Any cell value as a date. Never throws: what cannot be read is `invalid` with a Japanese reason. A date
 * typed without a year is read only when `context.today` is given (see DateContext).
 */
export function readDate(value: CellValue, context: DateContext = {}): DateReading {
  if (value === null || value === undefined) return { kind: 'blank' };
  if (typeof value === 'boolean') return { kind: 'invalid', reason: 'チェックボックスの値（TRUE/FALSE）で、日付ではありません' };
  if (typeof value === 'number') return readSerialOrCompact(value);
  if (isSheetDate(value)) {
    const iso: unknown = value.iso;
    return typeof iso === 'string' && isValidIso(iso)
      ? { kind: 'date', iso, notation: 'date-value', fullWidth: false }
      : { kind: 'invalid', reason: '日付の値が壊れています' };
  }
  if (typeof value !== 'string') return { kind: 'invalid', reason: NOT_A_DATE };
  return readDateText(value, context);
}

/**
 * Readings of typed dates, by the check's date and the text. A ledger typed by hand repeats its dates (a year's few
 * hundred days over thousands of rows), and reading one goes through full-width folding, the era table and several
 * patterns; a first check of years of 和暦 spent most of its time there. A reading is frozen, so one serves every
 * cell with that text.
 */
const TEXT_READINGS = new TextMemo<DateReading>();

function readDateText(text: string, context: DateContext): DateReading {
  return TEXT_READINGS.get(`${context.today ?? ''}\u0000${text}`, () => {
    const reading =
      text.replace(/[\s\u3000]/g, '') === '' ? { kind: 'blank' as const } : (parseDateText(text, context) ?? { kind: 'invalid' as const, reason: NOT_A_DATE });
    if (reading.kind === 'date' && reading.trap) Object.freeze(reading.trap);
    return Object.freeze(reading);
  });
}
