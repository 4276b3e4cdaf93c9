import ExcelJS from 'exceljs';
import { xlsxPort } from '../../src/cli/xlsx-port';
import type { CellValue } from '../../src/domain/values/cell';
import { importIndicators, importOwnIndicators } from '../../src/workbook/indicator-job';
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

describe('a center whose 読み替え maps 事業評価 and 評価指標 to its own sheets and headers', () => {
  const MAPPING: CellValue[][] = [
    ['種類', '対象', 'この表での書き方', '標準'],
    ['シート', '', '評価回答', '事業評価'],
    ['見出し', '事業評価', '指標No', '番号'],
    ['シート', '', '市の指標', '評価指標'],
    ['見出し', '評価指標', '項番', '番号'],
  ];

  function mappedCenter(sheets: Record<string, CellValue[][]>) {
    const workbook = new ExcelJS.Workbook();
    for (const [name, rows] of Object.entries({ 読み替え: MAPPING, ...sheets })) {
      const ws = workbook.addWorksheet(name);
      rows.forEach((row) => ws.addRow(row));
    }
    const port = xlsxPort(workbook, 'center', '2026-05-01');
    const values = (name: string): unknown[][] | undefined => port.readSheet(name)?.rows.map((r) => [...r.values]);
    return { port, values, names: () => workbook.worksheets.map((w) => w.name) };
  }

  test("the city's list goes into the center's 評価回答, under its 指標No; no 事業評価 is made", () => {
    const { port, values, names } = mappedCenter({
      評価回答: [
        ['年度', '指標No', '回答', '指標'],
        ['2025', '1', 'はい', '3職種を配置しているか'],
      ],
    });
    expect(importIndicators(port, list())).toEqual({
      kind: 'imported',
      years: [
        { year: '2025', added: 1 },
        { year: '2026', added: 1 },
      ],
      sheet: '評価回答',
    });
    expect(names()).toEqual(['読み替え', '評価回答']);
    expect(values('評価回答')).toEqual([
      ['年度', '指標No', '回答', '指標'],
      ['2025', '1', 'はい', '3職種を配置しているか'],
      ['2025', '2', null, '相談事例を分類しているか'],
      ['2026', '1', null, '3職種を配置しているか'],
    ]);
    // Twice adds nothing: the rows are found under 指標No.
    expect(importIndicators(port, list())).toMatchObject({ years: [{ added: 0 }, { added: 0 }] });
  });

  test("a mapped 事業評価 that is missing is created under the center's name and headers", () => {
    const { port, values, names } = mappedCenter({});
    expect(importIndicators(port, list())).toMatchObject({ kind: 'imported', sheet: '評価回答' });
    expect(names()).toEqual(['読み替え', '評価回答']);
    expect(values('評価回答')?.slice(0, 2)).toEqual([
      ['年度', '指標No', '分類', '指標', '回答', '根拠・備考'],
      ['2025', '1', '組織運営体制等', '3職種を配置しているか', null, null],
    ]);
  });

  test("the workbook's own list is read from 市の指標 under 項番", () => {
    const { port, values, names } = mappedCenter({
      市の指標: [
        ['年度', '項番', '分類', '指標'],
        ['2025', '7', '権利擁護', '成年後見制度の相談に対応しているか'],
      ],
    });
    expect(importOwnIndicators(port)).toEqual({ kind: 'imported', years: [{ year: '2025', added: 1 }], sheet: '評価回答' });
    expect(names()).toEqual(['読み替え', '市の指標', '評価回答']);
    expect(values('評価回答')?.[1]).toEqual(['2025', '7', '権利擁護', '成年後見制度の相談に対応しているか', null, null]);
  });

  test("refusals name the center's sheet and headers", () => {
    const { port, values } = mappedCenter({ 評価回答: [['年度', '番号', '回答']] });
    const refused = importIndicators(port, list());
    expect(refused).toEqual({
      kind: 'refused',
      reason:
        '「評価回答」シートに「年度」と「指標No」の見出しが見つかりません。見出しの行（年度、指標No、分類、指標、回答、根拠・備考）を直してから実行してください。入力済みの行は変えていません。',
    });
    expect(values('評価回答')).toEqual([['年度', '番号', '回答']]);
    expect(importOwnIndicators(port)).toEqual({
      kind: 'refused',
      reason: '「市の指標」シートに、市から届いた評価指標の一覧（年度・項番・分類・指標）を貼り付けてから実行してください。',
    });
  });
});
