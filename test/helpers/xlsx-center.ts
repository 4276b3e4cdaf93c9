import ExcelJS from 'exceljs';
import { CONSULTATION_HEADER } from './center';

// Apart from helpers/center: exceljs takes a quarter of a second to load in each test file, and most tests that
// use a center's rows never open an .xlsx (#21).

/**
 * An .xlsx workbook with 相談記録's header and one valid row per override (dates as exceljs keeps them: UTC
 * midnight of the calendar date), for the jobs run over the .xlsx port.
 */
export function xlsxConsultations(overrides: readonly Record<string, unknown>[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('相談記録');
  ws.addRow(CONSULTATION_HEADER);
  const base: Record<string, unknown> = {
    受付日: new Date(Date.UTC(2026, 9, 3)),
    相談者ID: 'A-1',
    '新規/継続': '新規',
    相談方法: '電話',
    相談者: '本人',
    業務区分: '総合相談支援',
    相談内容: '介護保険サービス',
    対応職種: '社会福祉士等',
    対応内容: '情報提供・助言',
  };
  for (const over of overrides) {
    const merged = { ...base, ...over };
    ws.addRow(CONSULTATION_HEADER.map((h) => merged[h] ?? null));
  }
  return wb;
}
