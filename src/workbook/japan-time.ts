import { japanTimeText } from '../domain/values/times';

/**
 * `2026/11/23 10:05`: when something was done, as the people reading the sheet count time (issue #18: Japan time in
 * Japanese form, whatever the machine's zone). The report's 作成日時 and 状態, the change log's 日時 and the city's
 * 受領日時 all write it this way; the form itself is the domain's (values/times.ts), shared with JSON's form.
 */
export function japanTime(now: Date = new Date()): string {
  return japanTimeText(now);
}
