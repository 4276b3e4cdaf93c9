/**
 * Which sheets a check looks through for one like a missing sheet (workbook/check-job.ts, unreadSheets): the sheets
 * nothing reads, not 設定, 読み替え or what the add-on writes; over Sheets only when 相談記録 is missing; and a sheet that
 * cannot be read as cells is passed over, the check going on.
 */
import type { RawSheet } from '../../src/domain/sheets/table';
import { checkWorkbook } from '../../src/workbook/check-job';
import type { WorkbookPort } from '../../src/workbook/port';
import { memoryPort, type MemoryPortOptions } from '../helpers/memory-port';
import { CONSULTATION_HEADER, consultationRow } from '../helpers/rows';
import { rawSheet } from '../helpers/tables';

const CONTRACT_LIKE = (name: string): RawSheet => rawSheet(name, [['事業所番号', '事業所名', '法人名', '契約開始日']]);

const port = (sheets: readonly RawSheet[], options: MemoryPortOptions = {}) => memoryPort(sheets, { today: '2026-11-28', ...options });

const LEDGER = rawSheet('相談記録', [CONSULTATION_HEADER, consultationRow()]);
const codes = (p: WorkbookPort): string[][] => checkWorkbook(p, { mark: false }).issues.map((i) => [i.sheet, i.code]);

describe('the sheets a check looks through', () => {
  test('a local file: with 相談記録 there, a sheet like a missing 委託契約 is told; 設定 and the add-on’s sheets are not looked at', () => {
    const p = port(
      [rawSheet('設定', [['項目', '値']]), LEDGER, CONTRACT_LIKE('委託先'), rawSheet('月報_2026-10', [['月報']]), rawSheet('_提出データ', [['x']])],
      {
        cheapReads: true,
      },
    );
    expect(codes(p)).toEqual([['委託先', 'SHEET_UNREAD']]);
    expect(p.looked).toEqual(['委託先']);
  });

  test('over Sheets (no cheap reads): with 相談記録 there, nothing is looked through', () => {
    const p = port([LEDGER, CONTRACT_LIKE('委託先')]);
    expect(codes(p)).toEqual([]);
    expect(p.looked).toEqual([]);
  });

  test('a sheet that cannot be read as cells is passed over, and the others are still looked at', () => {
    const p = port([rawSheet('グラフ', []), rawSheet('相談受付簿', [['受付日', '相談方法', '相談者', '相談内容']])], { unreadable: 'グラフ' });
    const issues = checkWorkbook(p, { mark: false }).issues;
    expect(p.looked).toEqual(['グラフ', '相談受付簿']);
    expect(issues.map((i) => [i.sheet, i.code, i.offer])).toEqual([
      ['相談記録', 'SHEET_MISSING', { kind: 'sheet', standard: '相談記録', candidates: ['相談受付簿'] }],
    ]);
    expect(issues[0]?.message).toContain('「相談受付簿」シートに「受付日」「相談方法」「相談者」「相談内容」の列があります');
  });
});
