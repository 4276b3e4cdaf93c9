import type { CellValue, SheetDate } from '../domain/values/cell';
import { JAPAN_FIXED_SINCE, JAPAN_OFFSET_MINUTES } from '../domain/values/times';

/** The product's calendar: Japanese offices and cities count days and months in Japan time. */
export const JAPAN_TIME_ZONE = 'Asia/Tokyo';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, f);
  }
  return f;
}

/**
 * Zones whose offset from UTC has been fixed since a known instant: there the wall clock is arithmetic. This is
 * the product's calendar (every center is in Japan) and the CLI's (exceljs dates are UTC wall clocks), so the
 * common case needs neither ICU's time-zone data, which Apps Script does not document, nor a formatToParts per
 * cell. Japan has kept +9:00 since its last summer time ended in September 1951 (the domain's one statement of it,
 * values/times.ts, which also writes the product's own times); earlier instants, and any other zone, go through Intl.
 */
const FIXED_OFFSETS: ReadonlyMap<string, { readonly minutes: number; readonly since: number }> = new Map([
  ['UTC', { minutes: 0, since: -Infinity }],
  ['Etc/UTC', { minutes: 0, since: -Infinity }],
  ['GMT', { minutes: 0, since: -Infinity }],
  ['Asia/Tokyo', { minutes: JAPAN_OFFSET_MINUTES, since: JAPAN_FIXED_SINCE }],
]);

const two = (n: number): string => String(n).padStart(2, '0');

/** Year, month, day, hour and minute as the wall clock of `zone` shows `date` (years unpadded, as Intl gives them). */
function wallClock(date: Date, zone: string): { iso: string; time: string } {
  const fixed = FIXED_OFFSETS.get(zone);
  const t = date.getTime();
  if (fixed && t >= fixed.since) {
    const d = new Date(t + fixed.minutes * 60_000);
    return {
      iso: `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`,
      time: `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`,
    };
  }
  const parts: Record<string, string> = {};
  for (const p of formatterFor(zone).formatToParts(date)) parts[p.type] = p.value;
  return { iso: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The calendar date (and time, when not midnight) that an instant shows in a time zone. */
export function sheetDateOf(date: Date, zone: string): SheetDate | null {
  if (Number.isNaN(date.getTime())) return null;
  const { iso, time } = wallClock(date, zone);
  return time === '00:00' ? { kind: 'date', iso } : { kind: 'date', iso, time };
}

export function todayIn(zone: string, now: Date = new Date()): string {
  return sheetDateOf(now, zone)?.iso ?? now.toISOString().slice(0, 10);
}

/**
 * One cell as the domain sees it. Sheets gives '' for an empty cell and Dates in the spreadsheet's zone;
 * exceljs gives Dates whose UTC fields are the wall-clock date, so it passes zone 'UTC'.
 */
export function toCellValue(value: unknown, zone: string): CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') return sheetDateOf(value as Date, zone);
  return String(value);
}

/**
 * Converts a whole 2-D block, reusing the conversion of repeated dates (a month of rows shares ~30 days). A cell that
 * is not an object (text, a number, a boolean: nearly every cell) goes straight to toCellValue, before any Date
 * test: Object.prototype.toString on a primitive boxes it first, and on a ledger's every cell that was most of the
 * time a read took.
 */
export function toCellValues(values: readonly (readonly unknown[])[], zone: string): CellValue[][] {
  const dates = new Map<number, CellValue>();
  return values.map((row) =>
    row.map((v) => {
      if (typeof v !== 'object' || v === null) return toCellValue(v, zone);
      if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]') {
        const t = (v as Date).getTime();
        let c = dates.get(t);
        if (c === undefined) dates.set(t, (c = toCellValue(v, zone)));
        return c;
      }
      return toCellValue(v, zone);
    }),
  );
}
