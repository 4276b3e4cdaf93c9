import ExcelJS from 'exceljs';
import { xlsxPort } from '../../src/cli/xlsx-port';
import { applyChanges, applyIssueSuggestion, applyNormalization, previewNormalization } from '../../src/workbook/normalize-job';
import { xlsxConsultations } from '../helpers/xlsx-center';

/**
 * 表記を整える and チェック結果から適用 as jobs over the port, run here on an .xlsx workbook: what the add-on does
 * in Sheets, the same preview, writes and _変更履歴 without SpreadsheetApp.
 */
const workbook = (): ExcelJS.Workbook => xlsxConsultations([{ 受付日: 'R8.10.3', 相談方法: 'TEL' }, { 相談者ID: 'Ａ－２' }]);

/** 01:00 UTC is 10:00 in Japan: the change log's 日時 is Japan time, whatever the machine's zone. */
const NOW = new Date('2026-11-01T01:00:00Z');

const logRows = (wb: ExcelJS.Workbook): unknown[][] => {
  const ws = wb.getWorksheet('_変更履歴');
  const rows: unknown[][] = [];
  ws?.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
};

describe('the normalisation job over an .xlsx port', () => {
  test('preview lists the changes, numbered, and writes nothing', () => {
    const wb = workbook();
    const preview = previewNormalization(xlsxPort(wb, 'center', '2026-11-01'));
    expect(preview.total).toBe(3);
    expect(preview.items.map((i) => [i.id, i.cell, i.code, i.before, i.after])).toEqual([
      [0, 'A2', 'DATE_NOTATION', 'R8.10.3', { kind: 'date', iso: '2026-10-03' }],
      [1, 'D2', 'CHOICE_VARIANT', 'TEL', '電話'],
      [2, 'B3', 'TEXT_WIDTH', 'Ａ－２', 'A-2'],
    ]);
    expect(wb.getWorksheet('_変更履歴')).toBeUndefined();
    expect(wb.getWorksheet('相談記録')!.getCell('D2').value).toBe('TEL');
  });

  test('apply writes the ticked cells, skips one edited since the preview, logs in Japan time and says so', () => {
    const wb = workbook();
    const port = xlsxPort(wb, 'center', '2026-11-01');
    const { items } = previewNormalization(port);
    wb.getWorksheet('相談記録')!.getCell('B3').value = 'B-9';
    const result = applyNormalization(port, items, NOW);
    expect(result).toMatchObject({ applied: 2, skipped: 1, headline: '2件を整えました' });
    expect(result.message).toBe(
      '2件を整えました。変更したセルは「_変更履歴」シートに記録しました。1件は、そのままにしました（プレビューを開いた後にセルが変更されていたか、数式やその結果のセル、またはあなたが編集できない保護されたセルです）。もう一度「表記を整える」を開くと、今の内容で確かめられます。',
    );
    const ws = wb.getWorksheet('相談記録')!;
    expect(ws.getCell('A2').value).toEqual(new Date(Date.UTC(2026, 9, 3)));
    expect(ws.getCell('D2').value).toBe('電話');
    expect(ws.getCell('B3').value).toBe('B-9');
    expect(logRows(wb)).toEqual([
      ['シート', 'セル', '変更前', '変更後', '日時', '操作'],
      ['相談記録', 'A2', 'R8.10.3', '2026-10-03', '2026/11/01 10:00', '表記を整える'],
      ['相談記録', 'D2', 'TEL', '電話', '2026/11/01 10:00', '表記を整える'],
    ]);
  });

  test('nothing ticked: nothing written, and it says so', () => {
    const wb = workbook();
    expect(applyNormalization(xlsxPort(wb, 'center', '2026-11-01'), [], NOW)).toEqual({
      applied: 0,
      skipped: 0,
      headline: '変更はありませんでした',
      details: '',
      message: '変更はありませんでした。',
    });
    expect(wb.getWorksheet('_変更履歴')).toBeUndefined();
  });

  test('a suggestion is applied only while it stands, and recorded as チェック結果から適用', () => {
    const wb = workbook();
    const port = xlsxPort(wb, 'center', '2026-11-01');
    applyIssueSuggestion(port, '相談記録', 'D2', '電話', new Date('2026-10-31T15:30:00Z'));
    expect(wb.getWorksheet('相談記録')!.getCell('D2').value).toBe('電話');
    expect(logRows(wb)[1]).toEqual(['相談記録', 'D2', 'TEL', '電話', '2026/11/01 00:30', 'チェック結果から適用']);
    expect(() => applyIssueSuggestion(port, '相談記録', 'D2', '電話', NOW)).toThrow(
      '相談記録!D2 はサイドバーを開いた後に変更されたため、候補を適用しませんでした。',
    );
    expect(logRows(wb)).toHaveLength(2);
  });

  test('applyChanges logs only what it wrote, under the operation it is given', () => {
    const wb = workbook();
    const port = xlsxPort(wb, 'center', '2026-11-01');
    const { applied, skipped } = applyChanges(
      port,
      [
        { sheet: '相談記録', cell: 'O2', row: 2, column: 15, before: null, after: '担当A' },
        { sheet: '相談記録', cell: 'O3', row: 3, column: 15, before: '誰か', after: '担当B' },
      ],
      '設定を保存',
      NOW,
    );
    expect([applied.map((c) => c.cell), skipped.map((c) => c.cell)]).toEqual([['O2'], ['O3']]);
    expect(logRows(wb)).toEqual([
      ['シート', 'セル', '変更前', '変更後', '日時', '操作'],
      ['相談記録', 'O2', '', '担当A', '2026/11/01 10:00', '設定を保存'],
    ]);
  });
});
