import ExcelJS from 'exceljs';
import { xlsxPort } from '../../src/cli/xlsx-port';
import { loadWorkbook } from '../../src/workbook/check-job';
import { CHANGE_LOG_HEADER, CHANGE_LOG_SHEET, changeLogRows, normalizationPlan } from '../../src/workbook/normalize-plan';
import { xlsxConsultations } from '../helpers/xlsx-center';

/** The same port methods over an .xlsx file, for the local runner: what 表記を整える would write there. */
describe('patchCells and appendRows on .xlsx', () => {
  const workbook = (): ExcelJS.Workbook => xlsxConsultations([{ 受付日: 'R8.10.3', 相談方法: 'TEL' }, { 内容メモ: ' =1+1 ' }]);

  test('writes the plan, skips a cell changed meanwhile, and logs what it wrote', () => {
    const wb = workbook();
    const port = xlsxPort(wb, 'center', '2026-11-01');
    const { reading, raws } = loadWorkbook(port);
    const changes = normalizationPlan(reading, raws);
    expect(changes.map((c) => c.cell)).toEqual(['A2', 'D2', 'Q3']);
    wb.getWorksheet('相談記録')!.getCell('D2').value = '来所';
    const outcome = port.patchCells('相談記録', changes);
    expect(outcome.skipped.map((p) => p.row * 100 + p.column)).toEqual([204]);
    const ws = wb.getWorksheet('相談記録')!;
    expect(ws.getCell('A2').value).toEqual(new Date(Date.UTC(2026, 9, 3)));
    expect(ws.getCell('D2').value).toBe('来所');
    expect(ws.getCell('Q3').value).toBe('=1+1');
    expect(ws.getCell('Q3').formula).toBeUndefined();
    port.appendRows(
      CHANGE_LOG_SHEET,
      CHANGE_LOG_HEADER,
      changeLogRows(
        changes.filter((c) => outcome.applied.includes(c)),
        '2026-11-01 10:00',
        '表記を整える',
      ),
    );
    const log = wb.getWorksheet(CHANGE_LOG_SHEET)!;
    expect(log.getRow(1).values).toEqual([undefined, ...CHANGE_LOG_HEADER]);
    expect(log.rowCount).toBe(3);
  });
});
