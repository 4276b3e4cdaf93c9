import { JAPAN_TIME_ZONE, sheetDateOf } from './cell-values';

/**
 * `2026-11-23 10:05`: when something was done, as the people reading the sheet count time. The report's
 * 作成日時, the change log's 日時 and the city's 受領日時 all write it this way.
 */
export function japanTime(now: Date = new Date()): string {
  const d = sheetDateOf(now, JAPAN_TIME_ZONE);
  return d ? `${d.iso} ${d.time ?? '00:00'}` : now.toISOString();
}
