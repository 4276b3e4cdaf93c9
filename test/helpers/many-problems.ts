import type { FakeSpreadsheet } from '../fakes/spreadsheet';
import { sheetFromRows } from '../fakes/gas-globals';
import { consultation, CONSULTATION_HEADER, contract, CONTRACT_HEADER, delegation, DELEGATION_HEADER } from './center';

/**
 * A center's first 入力チェック of years of history (issue #20): 4,000 rows of 相談記録 typed by hand, with 5,002
 * problems over three sheets. Row i (0-based; sheet row i + 3):
 * - 受付日 in 和暦 (R8.10.d) on every row but every 78th → 西暦でない日付, 3,949 warnings, fixable at once;
 * - 受付日 R8.2.30 on every 78th (i % 78 === 77) → 日付として読めない, 51 errors (the 51st on row 3980, on a second page);
 * - 相談方法 TEL on every 4th (i % 4 === 1) → 選択肢の表記ゆれ, 1,000 warnings, fixable at once;
 * - 委託契約 J2 without 選定理由 (an error) and 委託実績 A2 in 和暦 (a warning), which a list cut at the first
 *   hundreds of 相談記録 never showed.
 */
export const MANY_PROBLEMS = {
  rows: 4000,
  errors: 52,
  warnings: 4950,
  kinds: { wareki: 3949, invalid: 51, tel: 1000 },
} as const;

export function manyProblemRows(n: number = MANY_PROBLEMS.rows): unknown[][] {
  return Array.from({ length: n }, (_, i) =>
    consultation({ 受付日: i % 78 === 77 ? 'R8.2.30' : `R8.10.${(i % 28) + 1}`, 相談方法: i % 4 === 1 ? 'TEL' : '電話', 相談者ID: `P-${i}` }),
  );
}

/** Puts the three sheets into a fake spreadsheet (uncounted, as sheetFromRows is). */
export function loadManyProblems(spreadsheet: FakeSpreadsheet, rows: readonly unknown[][] = manyProblemRows()): void {
  sheetFromRows(spreadsheet, '相談記録', [['相談記録（令和8年度）'], CONSULTATION_HEADER, ...rows]);
  sheetFromRows(spreadsheet, '委託契約', [CONTRACT_HEADER, contract({ 選定理由: '' })]);
  sheetFromRows(spreadsheet, '委託実績', [DELEGATION_HEADER, delegation({ 対象月: '令和8年10月' })]);
}
