import { eraByToken } from '../domain/values/dates';
import { formatWarekiMonth, type YearMonth } from '../domain/values/months';
import type { ColumnSpec } from '../domain/sheets/table';

/**
 * How people type what the sample plants: 全角 digits and letters, 和暦 months. The check reads all of these,
 * with a warning; the sample writes them so the demo shows it.
 */

/** Each character matching `chars` (ASCII digits, letters or `/`) in its 全角 form: `12` → `１２`. */
export function toFullWidth(text: string, chars: RegExp = /[0-9A-Za-z/]/g): string {
  return text.replace(chars, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

/** `2020-11` → `R2.11`, the short 和暦 month of forms and spreadsheets. */
export function shortWarekiMonth(ym: YearMonth): string {
  const long = formatWarekiMonth(ym);
  const m = /^(\D+?)(元|\d+)年(\d+)月$/.exec(long);
  const era = m ? eraByToken(m[1] ?? '') : undefined;
  if (!m || !era) return long;
  return `${era.letter}${m[2] === '元' ? 1 : m[2]}.${m[3]}`;
}

/** The header 「シートを準備」 writes for a column, from the domain's column spec (never retyped). */
export function headerOf<K extends string>(columns: readonly ColumnSpec<K>[], key: K): string {
  const spec = columns.find((c) => c.key === key);
  if (!spec) throw new Error(`no column ${key}`);
  return spec.header;
}
