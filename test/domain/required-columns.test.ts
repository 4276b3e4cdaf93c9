import { defaultSettings } from '../../src/domain/sheets/settings';
import type { RawSheet } from '../../src/domain/sheets/table';
import { checkSheet } from '../../src/domain/sheets/workbook-check';

/**
 * Every column the check needs, taken away one at a time: the header is reported missing (HEADER_MISSING, at
 * the header row, naming the column) exactly for the required ones. The lists are written out here, from
 * SPEC §2, rather than read from the product's column tables.
 */

const context = { settings: defaultSettings('テスト'), today: '2026-11-23' };

const SHEETS: readonly { sheet: string; headers: readonly string[]; required: readonly string[] }[] = [
  {
    sheet: '相談記録',
    headers: [
      '受付日',
      '相談者ID',
      '新規/継続',
      '相談方法',
      '相談者',
      '業務区分',
      '相談内容',
      '認知症関連',
      '夜間休日',
      '対応職種',
      '対応内容',
      '紹介事業所',
      '紹介理由',
      '市への報告日',
      '担当者',
      '氏名',
      '内容メモ',
    ],
    required: ['受付日', '相談者ID', '新規/継続', '相談方法', '相談者', '業務区分', '相談内容', '対応職種', '対応内容'],
  },
  {
    sheet: '委託契約',
    headers: ['事業所番号', '事業所名', '法人名', '所在地', '所在', '委託区分', '契約開始日', '契約終了日', '運営協議会承認日', '選定理由'],
    required: ['事業所番号', '事業所名', '法人名', '所在地', '委託区分', '契約開始日', '選定理由'],
  },
  {
    sheet: '委託実績',
    headers: ['対象月', '事業所番号', '介護予防支援件数', '介護予防ケアマネジメント件数', 'うち新規'],
    required: ['対象月', '事業所番号', '介護予防支援件数', '介護予防ケアマネジメント件数'],
  },
];

/** A title row above the header, so the header row (2) is not the first. */
function sheetWith(sheet: string, headers: readonly string[]): RawSheet {
  return {
    name: sheet,
    rows: [
      { rowNumber: 1, values: [`${sheet}（令和8年度）`] },
      { rowNumber: 2, values: [...headers] },
    ],
  };
}

const headerMissing = (sheet: string, headers: readonly string[]) =>
  checkSheet(sheet, sheetWith(sheet, headers), context)
    .issues.filter((i) => i.code === 'HEADER_MISSING')
    .map((i) => ({ row: i.row, column: i.column, cell: i.cell, severity: i.severity }));

describe.each(SHEETS)('$sheet', ({ sheet, headers, required }) => {
  test('the full header raises nothing', () => {
    expect(checkSheet(sheet, sheetWith(sheet, headers), context).issues).toEqual([]);
  });

  test.each(headers.map((h) => [h]))('without %s', (missing) => {
    const expected = required.includes(missing) ? [{ row: 2, column: missing, cell: 'A2', severity: 'error' }] : [];
    expect(
      headerMissing(
        sheet,
        headers.filter((h) => h !== missing),
      ),
    ).toEqual(expected);
  });

  test('without every optional column: still nothing', () => {
    expect(headerMissing(sheet, required)).toEqual([]);
  });
});
