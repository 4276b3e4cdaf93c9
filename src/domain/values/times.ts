import { isValidIso } from './dates';

/**
 * When something happened — a report made, submitted, received, a change applied — in the two forms the product
 * writes (issue #18), one function each:
 * - for people (sheets, messages, the CLI's text): Japan time in Japanese form, `2021/03/05 10:00` (japanTimeText);
 * - for machines (the payload, every JSON document): ISO 8601 with Japan's offset, `2021-03-05T10:00:00+09:00`
 *   (isoJapanTime). An offset keeps the instant exact for any reader, and +09:00 keeps the digits those of the clock
 *   on the wall of the center, so a person reading the JSON is not nine hours off either.
 * A time read back may be in any ISO 8601 offset (payloads made before issue #18 say `2021-03-05T01:00:00.000Z`) or
 * in a form once written for people (`2021-03-05 10:00` before issue #18, `2021/03/05 10:00` now): instantOf reads
 * them all, so that times written by different versions compare as the instants they are.
 *
 * Japan's offset is arithmetic here, not Intl: Apps Script does not document its ICU time-zone data. It is the one
 * place of that rule; the adapters' calendar (workbook/cell-values.ts) reads the same constants.
 */

/** Japan's offset from UTC, in minutes. */
export const JAPAN_OFFSET_MINUTES = 9 * 60;

/**
 * From this instant on (1952-01-01 00:00 in Japan) the offset has not changed: Japan's last summer time ended in
 * September 1951. The product's own times (when it made or received something) all come long after it.
 */
export const JAPAN_FIXED_SINCE = Date.UTC(1951, 11, 31, 15);

const OFFSET_MS = JAPAN_OFFSET_MINUTES * 60_000;

const two = (n: number): string => String(n).padStart(2, '0');

/** `+09:00`, as ISO 8601 writes the offset. */
const OFFSET_TEXT = `+${two(Math.floor(JAPAN_OFFSET_MINUTES / 60))}:${two(JAPAN_OFFSET_MINUTES % 60)}`;

/** The wall clock in Japan at an instant: the UTC fields of the instant moved by Japan's offset. */
function japanClock(date: Date): Date {
  const t = date.getTime();
  if (Number.isNaN(t)) throw new RangeError('日時が正しくありません（Invalid Date）。');
  return new Date(t + OFFSET_MS);
}

/** `2021-03-05`, `10:00` and `00` of the Japan clock. */
function parts(date: Date): { day: string; minute: string; second: string } {
  const j = japanClock(date);
  return {
    day: `${String(j.getUTCFullYear()).padStart(4, '0')}-${two(j.getUTCMonth() + 1)}-${two(j.getUTCDate())}`,
    minute: `${two(j.getUTCHours())}:${two(j.getUTCMinutes())}`,
    second: two(j.getUTCSeconds()),
  };
}

/** For machines: `2021-03-05T10:00:00+09:00`, to the second. */
export function isoJapanTime(date: Date): string {
  const p = parts(date);
  return `${p.day}T${p.minute}:${p.second}${OFFSET_TEXT}`;
}

/** For people: `2021/03/05 10:00`, Japan time to the minute. */
export function japanTimeText(date: Date): string {
  const p = parts(date);
  return `${p.day.replace(/-/g, '/')} ${p.minute}`;
}

/** ISO 8601 date and time with an offset: `Z`, `+09:00`, `+0900` or `+09`; seconds and their fraction optional. */
const ISO_TIME = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?([Zz]|([+-])(\d{2})(?::?(\d{2}))?)$/;
/** A time written for people, Japan time to the minute: `2021/03/05 10:00` now, `2021-03-05 10:00` before issue #18. */
const PEOPLE_TIME = /^(\d{4})([/-])(\d{1,2})\2(\d{1,2}) (\d{1,2}):(\d{2})$/;

/** Milliseconds since 1970 of a wall clock that is `offsetMinutes` ahead of UTC; undefined when no such clock time exists. */
function instantAt(day: string, hour: number, minute: number, second: number, ms: number, offsetMinutes: number): number | undefined {
  if (!isValidIso(day) || hour > 23 || minute > 59 || second > 59) return undefined;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d, hour, minute, second, ms) - offsetMinutes * 60_000;
}

/**
 * The instant a stored time stands for, in milliseconds since 1970, or undefined for text that is not a time this
 * product writes (an ISO time without an offset says no instant, so it is not read either).
 */
export function instantOf(text: string): number | undefined {
  const t = text.trim();
  const iso = ISO_TIME.exec(t);
  if (iso) {
    const [, day, h, mi, s, fraction, , sign, oh, om] = iso;
    if (Number(oh ?? 0) > 23 || Number(om ?? 0) > 59) return undefined;
    const offset = sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om ?? 0));
    // Digits, not floating point: `.29` is 290 ms, never 289.
    const ms = Number((fraction ?? '').padEnd(3, '0').slice(0, 3));
    return instantAt(day as string, Number(h), Number(mi), Number(s ?? 0), ms, offset);
  }
  const people = PEOPLE_TIME.exec(t);
  if (people) {
    const [, y, , mo, d, h, mi] = people;
    return instantAt(`${y}-${two(Number(mo))}-${two(Number(d))}`, Number(h), Number(mi), 0, 0, JAPAN_OFFSET_MINUTES);
  }
  return undefined;
}

/** A stored time as people read it (`2021/03/05 10:00`); text that is not a time is shown as it is. */
export function timeForPeople(text: string): string {
  const t = instantOf(text);
  return t === undefined ? text : japanTimeText(new Date(t));
}

/** A stored time as JSON gives it (`2021-03-05T10:00:00+09:00`), whatever offset it was written with; other text as it is. */
export function isoTimeOf(text: string): string {
  const t = instantOf(text);
  return t === undefined ? text : isoJapanTime(new Date(t));
}

/**
 * Two stored times in order of the instants they stand for (negative when `a` is earlier). Text that is not a time
 * is ordered as text, as before times were read.
 */
export function compareTimes(a: string, b: string): number {
  const x = instantOf(a);
  const y = instantOf(b);
  if (x !== undefined && y !== undefined) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Whether two stored times read the same to a person, to the minute: a time kept for people (the city's
 * `_受領記録`) and the exact time in a payload are the same submission when they name the same minute.
 */
export function sameMinute(a: string, b: string): boolean {
  return timeForPeople(a) === timeForPeople(b);
}
