import { type CellValue, isSheetDate } from './cell';
import {
  type DateReading,
  type Era,
  ERA_PATTERN,
  type IsoDate,
  daysInMonth,
  eraByToken,
  eraOfDate,
  eraYearText,
  parseDateText,
  prepareDateText,
  readDate,
  shortYearReason,
  type TrapNote,
  warekiToYear,
} from './dates';

/** 対象月: a calendar month, `YYYY-MM`. */
export type YearMonth = string;

export type MonthNotation = 'date-value' | 'western' | 'compact' | 'wareki' | 'serial';

export type MonthReading =
  | { readonly kind: 'blank' }
  | {
      readonly kind: 'month';
      readonly ym: YearMonth;
      readonly notation: MonthNotation;
      readonly fullWidth: boolean;
      readonly trap?: TrapNote;
    }
  | { readonly kind: 'invalid'; readonly reason: string };

interface Ym {
  readonly y: number;
  readonly m: number;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function ymOf({ y, m }: Ym): YearMonth {
  return `${pad(y, 4)}-${pad(m, 2)}`;
}

function parseYm(ym: string): Ym | undefined {
  const match = typeof ym === 'string' ? /^(\d{4})-(\d{2})$/.exec(ym) : null;
  if (!match) return undefined;
  const parsed = { y: Number(match[1]), m: Number(match[2]) };
  return parsed.y >= 1 && parsed.m >= 1 && parsed.m <= 12 ? parsed : undefined;
}

export function isValidYearMonth(ym: string): boolean {
  return parseYm(ym) !== undefined;
}

export function monthOf(iso: IsoDate): YearMonth {
  return iso.slice(0, 7);
}

export function firstDay(ym: YearMonth): IsoDate {
  return `${ym}-01`;
}

export function lastDay(ym: YearMonth): IsoDate {
  const p = parseYm(ym);
  return p ? `${ym}-${pad(daysInMonth(p.y, p.m), 2)}` : `${ym}-01`;
}

/** `n` months later (earlier when negative); an invalid month is returned as it is. */
export function addMonths(ym: YearMonth, n: number): YearMonth {
  const p = parseYm(ym);
  if (!p || !Number.isFinite(n)) return ym;
  const index = p.y * 12 + (p.m - 1) + Math.trunc(n);
  return ymOf({ y: Math.floor(index / 12), m: (((index % 12) + 12) % 12) + 1 });
}

export function previousMonth(ym: YearMonth): YearMonth {
  return addMonths(ym, -1);
}

export function compareMonths(a: YearMonth, b: YearMonth): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every month from `from` to `to`, both included; empty when `from` is after `to` or either is invalid. */
export function monthsBetween(from: YearMonth, to: YearMonth): YearMonth[] {
  const months: YearMonth[] = [];
  if (!parseYm(from) || !parseYm(to)) return months;
  for (let ym = from; ym <= to; ym = addMonths(ym, 1)) months.push(ym);
  return months;
}

/** The era of the month's first day: 1989-01 is 昭和64年1月 (平成 began on the 8th). */
export function formatWarekiMonth(ym: YearMonth): string {
  const p = parseYm(ym);
  if (!p) return ym;
  const era = eraOfDate(firstDay(ym));
  return era ? `${eraYearText(era, p.y)}${p.m}月` : `${p.y}年${p.m}月`;
}

/** `2026-10` → `2026年10月（令和8年10月）`, the 対象月 of a report header. */
export function formatMonthJa(ym: YearMonth): string {
  const p = parseYm(ym);
  if (!p) return ym;
  const western = `${p.y}年${p.m}月`;
  const wareki = formatWarekiMonth(ym);
  return wareki === western ? western : `${western}（${wareki}）`;
}

function monthTrap(era: Era, eraYear: string, ym: Ym): TrapNote | undefined {
  const month = ymOf(ym);
  const asRead = `${ym.y}年${ym.m}月（${formatWarekiMonth(month)}）として読みました`;
  const monthText = (iso: IsoDate): string => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月`;
  if (era.end !== undefined && firstDay(month) > era.end) {
    const what = ym.y > Number(era.end.slice(0, 4)) ? `${era.name}${eraYear}年` : `${era.name}${eraYear}年${ym.m}月`;
    return { kind: 'era-overflow', message: `${what}は存在しません（${era.name}は${monthText(era.end)}まで）。${asRead}` };
  }
  if (lastDay(month) < era.start) {
    return { kind: 'era-before-start', message: `${era.name}は${monthText(era.start)}からです。${asRead}` };
  }
  return undefined;
}

const WESTERN = [/^(\d{4})[/.-](\d{1,2})$/, /^(\d{4})年(\d{1,2})月?$/];
const COMPACT = /^(\d{4})(\d{2})$/;
const WAREKI = new RegExp(`^${ERA_PATTERN}\\.?(\\d{1,2}|元)?(?:年|[/.-])(\\d{1,2})月?$`);
const NOT_A_MONTH = '年・月の形になっていません';

function monthReading(ym: Ym, notation: MonthNotation, fullWidth: boolean, trap?: TrapNote): MonthReading {
  if (ym.y < 1) return { kind: 'invalid', reason: '西暦0年はありません' };
  if (ym.m < 1 || ym.m > 12) return { kind: 'invalid', reason: `${ym.m}月はありません` };
  const base = { kind: 'month' as const, ym: ymOf(ym), notation, fullWidth };
  return trap ? { ...base, trap } : base;
}

function monthOfReading(date: DateReading): MonthReading {
  if (date.kind !== 'date') return date;
  const base = { kind: 'month' as const, ym: monthOf(date.iso), notation: date.notation, fullWidth: date.fullWidth };
  return date.trap ? { ...base, trap: date.trap } : base;
}

function readMonthText(raw: string): MonthReading {
  const prep = prepareDateText(raw);
  if (!prep) return { kind: 'invalid', reason: NOT_A_MONTH };
  const { fullWidth } = prep;
  // 「令和3年2月分」 is how a month is named on forms, 「2026年10月度」 in an office's own reports.
  const text = prep.text.replace(/(?<=月)度$|分$/, '');
  for (const pattern of WESTERN) {
    const m = pattern.exec(text);
    if (m) return monthReading({ y: Number(m[1]), m: Number(m[2]) }, 'western', fullWidth);
  }
  const compact = COMPACT.exec(text);
  if (compact) return monthReading({ y: Number(compact[1]), m: Number(compact[2]) }, 'compact', fullWidth);
  const wareki = WAREKI.exec(text);
  const era = wareki ? eraByToken(wareki[1] ?? '') : undefined;
  if (wareki && era) {
    const y = warekiToYear(era, wareki[2]);
    if (typeof y !== 'number') return { kind: 'invalid', reason: y.reason };
    const ym = { y, m: Number(wareki[3]) };
    if (ym.m < 1 || ym.m > 12) return monthReading(ym, 'wareki', fullWidth);
    return monthReading(ym, 'wareki', fullWidth, monthTrap(era, wareki[2] ?? '', ym));
  }
  if (/^\d{1,2}月$/.test(text)) return { kind: 'invalid', reason: '年が書かれていません' };
  const shortYear = /^(\d{1,3})年\d{1,2}月?$/.exec(text);
  if (shortYear) return { kind: 'invalid', reason: shortYearReason(shortYear[1] ?? '') };
  const date = parseDateText(raw);
  return date ? monthOfReading(date) : { kind: 'invalid', reason: NOT_A_MONTH };
}

/**
 * Any cell value as a month: `2026-10`, `2026/10`, `2026年10月`, `令和8年10月`, `R8.10`, `202610`, 全角, a date
 * (typed, a date value or a serial number: its month). Never throws.
 */
export function readMonth(value: CellValue): MonthReading {
  if (value === null || value === undefined) return { kind: 'blank' };
  if (typeof value === 'string') {
    if (value.replace(/[\s\u3000]/g, '') === '') return { kind: 'blank' };
    return readMonthText(value);
  }
  // A six-digit number is a month typed without a separator; read as a serial it would be a day in the 22nd century.
  if (typeof value === 'number' && Number.isInteger(value) && value >= 100001 && value <= 999912) {
    return monthReading({ y: Math.floor(value / 100), m: value % 100 }, 'compact', false);
  }
  if (typeof value === 'number' || isSheetDate(value)) return monthOfReading(readDate(value));
  if (typeof value === 'boolean') return { kind: 'invalid', reason: 'チェックボックスの値（TRUE/FALSE）で、月ではありません' };
  return { kind: 'invalid', reason: NOT_A_MONTH };
}

/**
 * The month a person typed into a prompt or the report dialog (any form of SPEC §5), or `fallback` (last
 * month) when left empty; a sentence saying what would be right when it cannot be read.
 */
export function readMonthInput(text: string, fallback: YearMonth): { readonly month: YearMonth } | { readonly problem: string } {
  if (text.trim() === '') return { month: fallback };
  const reading = readMonth(text.trim());
  if (reading.kind === 'month' && isValidYearMonth(reading.ym)) return { month: reading.ym };
  const reason = reading.kind === 'invalid' ? `（${reading.reason}）` : '';
  return { problem: `「${text}」を月として読めませんでした${reason}。2026-10 や 令和8年10月 の形で入力してください。` };
}

/** The month prompt, with `fallback` (last month) as the example in both calendars: 2019-04 is 平成31年4月. */
export function monthPromptText(fallback: YearMonth): string {
  return `対象月を入力してください（例: ${fallback}、${formatWarekiMonth(fallback)}）。\n空のまま OK を押すと先月（${formatMonthJa(fallback)}）になります。`;
}
