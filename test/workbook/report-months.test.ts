/**
 * No 月報 of zeros (workbook/report-job.ts): when nothing places a sheet's rows in a month — no 相談記録, or a sheet the
 * 月報 uses without its month column — the report is refused with the check's own sentence, rather than counting 0.
 */
import { CONSULTATION_COLUMNS } from '../../src/domain/sheets/consultations';
import { DELEGATION_COLUMNS } from '../../src/domain/sheets/delegations';
import { composeReport, ReportUnavailableError } from '../../src/workbook/report-job';
import { CONSULTATION_HEADER, consultationRow } from '../helpers/rows';
import { memoryPort } from '../helpers/memory-port';
import { rawSheet } from '../helpers/tables';

const AT = new Date('2026-11-05T01:00:00Z');
const compose =
  (...sheets: Parameters<typeof rawSheet>[]) =>
  () =>
    composeReport(memoryPort(sheets.map((s) => rawSheet(...s))), '2026-10', AT);

describe('a 月報 is not made when its rows cannot be placed in a month', () => {
  test('相談記録 whose date column is headed so that the check does not know it (来談日): refused, naming the column', () => {
    const header = CONSULTATION_HEADER.map((h) => (h === '受付日' ? '来談日' : h));
    const attempt = compose(['相談記録', [header, consultationRow({}, header)]]);
    expect(attempt).toThrow(ReportUnavailableError);
    expect(attempt).toThrow(
      '2026年10月（令和8年10月）の月報を作れません。「相談記録」の「受付日」の列がないまま作ると、どの行も月に当たらず、その件数が 0 になるためです。「相談記録」に「受付日」（または「相談日」「年月日」「受付年月日」「相談年月日」）の列がありません。',
    );
  });

  test('委託実績 without 対象月: refused, naming the sheet and the column', () => {
    const header = DELEGATION_COLUMNS.map((c) => c.header).filter((h) => h !== '対象月');
    const attempt = compose(['相談記録', [CONSULTATION_HEADER, consultationRow()]], ['委託実績', [header, ['1170500126', 1, 0, 0]]]);
    expect(attempt).toThrow('「委託実績」の「対象月」の列がないまま作ると、どの行も月に当たらず、その件数が 0 になるためです。');
  });

  test('every sheet with its month column (and 委託実績 absent, as a center that delegates nothing): made', () => {
    const built = compose(['相談記録', [CONSULTATION_COLUMNS.map((c) => c.header), consultationRow()]])();
    expect(built.report.consultations.total).toBe(1);
  });
});
