import ExcelJS from 'exceljs';
import { xlsxPort } from '../../src/cli/xlsx-port';
import { applyGroupFix, blockDigest, fixBlocks, fixChunks, previewGroupFix } from '../../src/workbook/group-fix';
import type { CellChange } from '../../src/workbook/normalize-plan';
import { xlsxConsultations } from '../helpers/xlsx-center';

/**
 * The fix of a whole kind from the チェック結果 sidebar (issue #20) as a job over the port, on an .xlsx workbook:
 * the preview's blocks and the write of the blocks that are still as previewed.
 */

const NOW = new Date('2026-11-01T01:00:00Z');

function change(row: number, column: number, before: string, after: string): CellChange {
  const letters = String.fromCharCode(64 + column);
  return {
    sheet: '相談記録',
    cell: `${letters}${row}`,
    row,
    column,
    header: '相談方法',
    code: 'CHOICE_VARIANT',
    kind: '選択肢の表記ゆれを統一',
    before,
    after,
  };
}

describe('blocks and chunks', () => {
  test('whole rows, top to bottom, at least the block size each but the last', () => {
    const changes = [change(2, 4, 'TEL', '電話'), change(2, 5, 'ケアマネ', '介護支援専門員'), change(3, 4, 'TEL', '電話'), change(5, 4, 'TEL', '電話')];
    expect(fixBlocks(changes, 1).map((b) => [b.first, b.last, b.count])).toEqual([
      [2, 2, 2],
      [3, 3, 1],
      [5, 5, 1],
    ]);
    expect(fixBlocks([...changes].reverse(), 3).map((b) => [b.first, b.last, b.count])).toEqual([
      [2, 3, 3],
      [5, 5, 1],
    ]);
    expect(fixBlocks([])).toEqual([]);
  });

  test('100 changes to a block, more when there are many, so that a preview stays small', () => {
    const rows = (n: number): CellChange[] => Array.from({ length: n }, (_, i) => change(i + 2, 4, 'TEL', '電話'));
    expect(fixBlocks(rows(250)).map((b) => b.count)).toEqual([100, 100, 50]);
    expect(fixBlocks(rows(50_000))).toHaveLength(250);
  });

  test('the digest follows the cell, what is there and what would be written, not the order given', () => {
    const a = [change(2, 4, 'TEL', '電話'), change(3, 4, 'TEL', '電話')];
    const digest = fixBlocks(a)[0]?.digest;
    expect(digest).toMatch(/^[0-9a-f]{16}$/);
    expect(fixBlocks([...a].reverse())[0]?.digest).toBe(digest);
    expect(blockDigest([change(2, 4, 'TEL', '電話'), change(3, 4, 'ＴＥＬ', '電話')])).not.toBe(digest);
    expect(blockDigest([change(2, 4, 'TEL', '電話'), change(3, 4, 'TEL', '来所')])).not.toBe(digest);
    expect(blockDigest([change(2, 4, 'TEL', '電話'), change(4, 4, 'TEL', '電話')])).not.toBe(digest);
  });

  test('chunks of consecutive blocks up to the limit; a block over it alone', () => {
    const block = (count: number) => ({ first: 1, last: 1, count, digest: '' });
    expect(fixChunks([block(900), block(900), block(900), block(2500), block(10)], 2000).map((c) => c.map((b) => b.count))).toEqual([
      [900, 900],
      [900],
      [2500],
      [10],
    ]);
    expect(fixChunks([])).toEqual([]);
  });
});

describe('the fix of a kind over an .xlsx port', () => {
  const workbook = (): ExcelJS.Workbook =>
    xlsxConsultations([{ 相談方法: 'TEL' }, { 相談方法: 'TEL', 受付日: 'R8.10.3' }, { 相談方法: '電話相談' }, { 受付日: 'R8.2.30' }]);
  const logRows = (wb: ExcelJS.Workbook): unknown[][] => {
    const rows: unknown[][] = [];
    wb.getWorksheet('_変更履歴')?.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    return rows;
  };

  test('the preview lists before → after and writes nothing', () => {
    const wb = workbook();
    const preview = previewGroupFix(xlsxPort(wb, 'center', '2026-11-01'), { sheet: '相談記録', code: 'CHOICE_VARIANT' });
    expect(preview).toMatchObject({ sheet: '相談記録', code: 'CHOICE_VARIANT', title: '選択肢の表記ゆれ', total: 3, unchanged: 0 });
    expect(preview.items).toEqual([
      { cell: 'D2', header: '相談方法', before: 'TEL', after: '電話' },
      { cell: 'D3', header: '相談方法', before: 'TEL', after: '電話' },
      { cell: 'D4', header: '相談方法', before: '電話相談', after: '電話' },
    ]);
    expect(preview.chunks).toHaveLength(1);
    expect(wb.getWorksheet('_変更履歴')).toBeUndefined();
    expect(wb.getWorksheet('相談記録')!.getCell('D2').value).toBe('TEL');
  });

  test('the apply writes the previewed blocks, only those, and records them as チェック結果から適用', () => {
    const wb = workbook();
    const port = xlsxPort(wb, 'center', '2026-11-01');
    const preview = previewGroupFix(port, { sheet: '相談記録', code: 'CHOICE_VARIANT' });
    const result = applyGroupFix(port, { sheet: '相談記録', code: 'CHOICE_VARIANT' }, preview.chunks[0] ?? [], NOW);
    expect(result).toEqual({ applied: 3, skipped: 0, stale: 0 });
    const ws = wb.getWorksheet('相談記録')!;
    expect([ws.getCell('D2').value, ws.getCell('D3').value, ws.getCell('D4').value]).toEqual(['電話', '電話', '電話']);
    // Another kind of the same rows is left alone.
    expect(ws.getCell('A3').value).toBe('R8.10.3');
    expect(logRows(wb).slice(1)).toEqual([
      ['相談記録', 'D2', 'TEL', '電話', '2026/11/01 10:00', 'チェック結果から適用'],
      ['相談記録', 'D3', 'TEL', '電話', '2026/11/01 10:00', 'チェック結果から適用'],
      ['相談記録', 'D4', '電話相談', '電話', '2026/11/01 10:00', 'チェック結果から適用'],
    ]);
  });

  test('a block changed since the preview is not written; nothing is written without a preview’s blocks', () => {
    const wb = workbook();
    const port = xlsxPort(wb, 'center', '2026-11-01');
    const preview = previewGroupFix(port, { sheet: '相談記録', code: 'CHOICE_VARIANT' });
    wb.getWorksheet('相談記録')!.getCell('D3').value = 'ＴＥＬ';
    expect(applyGroupFix(port, { sheet: '相談記録', code: 'CHOICE_VARIANT' }, preview.chunks[0] ?? [], NOW)).toEqual({ applied: 0, skipped: 0, stale: 3 });
    expect(wb.getWorksheet('相談記録')!.getCell('D2').value).toBe('TEL');
    expect(applyGroupFix(port, { sheet: '相談記録', code: 'CHOICE_VARIANT' }, [], NOW)).toEqual({ applied: 0, skipped: 0, stale: 0 });
    expect(wb.getWorksheet('_変更履歴')).toBeUndefined();
  });

  test('a kind that is a judgement or is gone is refused in Japanese', () => {
    const port = xlsxPort(workbook(), 'center', '2026-11-01');
    expect(() => previewGroupFix(port, { sheet: '相談記録', code: 'DATE_INVALID' })).toThrow('まとめて直せる種類ではありません');
    expect(() => previewGroupFix(port, { sheet: '委託契約', code: 'CHOICE_VARIANT' })).toThrow('「委託契約」の「選択肢の表記ゆれ」は、もう見つかりません。');
    expect(() => applyGroupFix(port, { sheet: '相談記録', code: 'DATE_INVALID' }, [{ first: 5, last: 5, count: 1, digest: '0123456789abcdef' }])).toThrow(
      'まとめて直せる種類ではありません',
    );
  });
});
