import ExcelJS from 'exceljs';
import { xlsxPort } from '../../src/cli/xlsx-port';
import type { CellValue } from '../../src/domain/values/cell';
import { importIndicators } from '../../src/workbook/indicator-job';
import { rawSheet } from '../helpers/tables';

const LIST: CellValue[][] = [
  ['年度', '番号', '分類', '指標'],
  ['令和7年度', '1', '組織運営体制等', '3職種を配置しているか'],
  ['2025', '2', '総合相談支援', '相談事例を分類しているか'],
  ['2025', '2', '総合相談支援', '相談事例を分類しているか'],
  ['2026', '1', '組織運営体制等', '3職種を配置しているか'],
];
const list = (rows: CellValue[][] = LIST) => rawSheet('評価指標', rows);

function center(evaluation?: CellValue[][]) {
  const workbook = new ExcelJS.Workbook();
  if (evaluation) {
    const ws = workbook.addWorksheet('事業評価');
    evaluation.forEach((row) => ws.addRow(row));
  }
  const port = xlsxPort(workbook, 'center', '2026-05-01');
  const values = (): unknown[][] => (port.readSheet('事業評価')?.rows ?? []).map((r) => [...r.values]);
  return { port, values };
}

describe('the indicator import over the port', () => {
  test('a workbook without 事業評価 gets it with its header and one row per indicator and year', () => {
    const { port, values } = center();
    const result = importIndicators(port, list());
    expect(result).toEqual({
      kind: 'imported',
      years: [
        { year: '2025', added: 2 },
        { year: '2026', added: 1 },
      ],
    });
    expect(values()).toEqual([
      ['年度', '番号', '分類', '指標', '回答', '根拠・備考'],
      ['2025', '1', '組織運営体制等', '3職種を配置しているか', null, null],
      ['2025', '2', '総合相談支援', '相談事例を分類しているか', null, null],
      ['2026', '1', '組織運営体制等', '3職種を配置しているか', null, null],
    ]);
  });

  test("the sheet's own column order; answered rows (full-width 番号, 和暦 年度) are kept as they are; twice adds nothing", () => {
    const before: CellValue[][] = [
      ['番号', '回答', '年度', '根拠・備考', '指標'],
      ['１', 'はい', '令和7年度', '', '自分で書いた指標の文'],
    ];
    const { port, values } = center(before);
    expect(importIndicators(port, list())).toEqual({
      kind: 'imported',
      years: [
        { year: '2025', added: 1 },
        { year: '2026', added: 1 },
      ],
    });
    const after = values();
    expect(after.slice(0, 2)).toEqual([before[0], ['１', 'はい', '令和7年度', null, '自分で書いた指標の文']]);
    // 分類 has no column here: it is left out rather than written under another header.
    expect(after.slice(2)).toEqual([
      ['2', null, '2025', null, '相談事例を分類しているか'],
      ['1', null, '2026', null, '3職種を配置しているか'],
    ]);
    expect(importIndicators(port, list())).toEqual({
      kind: 'imported',
      years: [
        { year: '2025', added: 0 },
        { year: '2026', added: 0 },
      ],
    });
    expect(values()).toEqual(after);
  });

  test('refused, with nothing written: no list, a list without 年度, a 事業評価 whose 年度 and 番号 cannot be found', () => {
    const { port, values } = center([['メモ'], ['自分用の表']]);
    for (const [raw, words] of [
      [undefined, '貼り付けてから'],
      [
        list([
          ['番号', '分類', '指標'],
          ['1', '組織運営体制等', 'x'],
        ]),
        '「年度」列に年度',
      ],
      [list(), '見出しが見つかりません'],
    ] as const) {
      const result = importIndicators(port, raw);
      expect(result.kind).toBe('refused');
      if (result.kind === 'refused') expect(result.reason).toContain(words);
    }
    expect(values()).toEqual([['メモ'], ['自分用の表']]);
  });
});
