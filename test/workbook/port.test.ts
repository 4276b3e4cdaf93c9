import ExcelJS from 'exceljs';
import { xlsxPort } from '../../src/cli/xlsx-port';
import { checkEditedRows } from '../../src/workbook/check-job';
import { partialReadBlocks } from '../../src/workbook/port';
import { CONSULTATION_HEADER } from '../helpers/center';

describe('partialReadBlocks: the header zone (rows 1–10) and the edited rows', () => {
  test('an edit near the top is one block from row 1', () => {
    expect(partialReadBlocks(1, 1)).toEqual([{ first: 1, count: 1 }]);
    expect(partialReadBlocks(5, 3)).toEqual([{ first: 1, count: 7 }]);
    // Row 11 touches the zone: still one block.
    expect(partialReadBlocks(11, 2)).toEqual([{ first: 1, count: 12 }]);
  });

  test('an edit further down is the zone, then the edited rows', () => {
    expect(partialReadBlocks(12, 1)).toEqual([
      { first: 1, count: 10 },
      { first: 12, count: 1 },
    ]);
    expect(partialReadBlocks(500, 20)).toEqual([
      { first: 1, count: 10 },
      { first: 500, count: 20 },
    ]);
  });
});

describe('onEdit finds a header as far down as the check does, and no further', () => {
  /** 相談記録 with title rows above the header at `headerRow`, and a row with an unknown 相談方法 at row 40. */
  function workbook(headerRow: number): ExcelJS.Workbook {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('相談記録');
    for (let r = 1; r < headerRow; r++) ws.getCell(r, 1).value = `相談受付簿（${r}）`;
    ws.getRow(headerRow).values = [...CONSULTATION_HEADER];
    ws.getRow(40).values = [
      new Date(Date.UTC(2026, 9, 3)),
      'P-001',
      '新規',
      '伝書鳩',
      '本人',
      '総合相談支援',
      '認知症',
      false,
      false,
      '社会福祉士等',
      '継続支援',
    ];
    return wb;
  }

  test('a header in row 10: the edited row 40 is checked', () => {
    const issues = checkEditedRows(xlsxPort(workbook(10), '本庄西', '2026-11-01'), '相談記録', 40, 1) ?? [];
    expect(issues.map((i) => [i.cell, i.code])).toEqual([['D40', 'CHOICE_UNKNOWN']]);
  });

  test('a header in row 11 is not a header', () => {
    const issues = checkEditedRows(xlsxPort(workbook(11), '本庄西', '2026-11-01'), '相談記録', 40, 1) ?? [];
    expect(issues.map((i) => [i.cell, i.code])).toEqual([['A1', 'HEADER_MISSING']]);
  });
});

describe('writeOwnRows: a job keeps each step in its own hidden sheet with one write', () => {
  test('the local runner writes whole rows from column A at the row asked, text as text, and reads them back', () => {
    const wb = new ExcelJS.Workbook();
    const port = xlsxPort(wb, '市');
    port.replaceSheet({ name: '_集計作業', hidden: true, blocks: [{ row: 1, column: 1, values: [['対象', 'センター', '本文1']] }] });
    port.writeOwnRows('_集計作業', 2, [['2021-02', '本庄西', '=1+1']]);
    port.writeOwnRows('_集計作業', 3, [['2021-02', '本庄東', '{"a":1}']]);
    expect(port.readSheet('_集計作業')?.rows.map((r) => r.values)).toEqual([
      ['対象', 'センター', '本文1'],
      ['2021-02', '本庄西', '=1+1'],
      ['2021-02', '本庄東', '{"a":1}'],
    ]);
    expect(() => port.writeOwnRows('ない', 2, [['x']])).toThrow(/no sheet named ない/);
  });
});
