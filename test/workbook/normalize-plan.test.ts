import type { Issue } from '../../src/domain/issues/issue';
import { readSettings } from '../../src/domain/sheets/settings';
import { readWorkbook } from '../../src/domain/sheets/workbook-check';
import { boundsOf, patchBlocks, resolveBlock, sameCellValue } from '../../src/workbook/cell-patch';
import { changeLogRows, normalizationPlan, suggestedValue } from '../../src/workbook/normalize-plan';
import { d, rawSheet } from '../helpers/tables';
import { CONSULTATION_HEADER, CONTRACT_HEADER } from '../helpers/center';

function row(over: Record<string, unknown>): (string | null | ReturnType<typeof d>)[] {
  const base: Record<string, unknown> = {
    受付日: d('2026-10-03'),
    相談者ID: 'A-1',
    '新規/継続': '新規',
    相談方法: '電話',
    相談者: '本人',
    業務区分: '総合相談支援',
    相談内容: '介護保険サービス',
    対応職種: '社会福祉士等',
    対応内容: '情報提供・助言',
  };
  const merged = { ...base, ...over };
  return CONSULTATION_HEADER.map((h) => (merged[h] ?? null) as string | null);
}

function plan(rows: ReturnType<typeof row>[], extra: [string, ReturnType<typeof rawSheet>][] = []) {
  const raws = new Map([['相談記録', rawSheet('相談記録', [CONSULTATION_HEADER, ...rows])], ...extra]);
  const reading = readWorkbook(raws, readSettings(undefined, 'x'), '2026-11-01');
  return normalizationPlan(reading, raws);
}

describe('normalizationPlan', () => {
  test('lists pure notation changes, one per cell, with the value as it stands as before', () => {
    const changes = plan([row({ 受付日: '令和8年10月3日', 相談方法: 'ＴＥＬ' }), row({ 相談者ID: 'Ａ－１', 担当者: '  山田 ' })]);
    expect(changes.map((c) => [c.cell, c.code, c.before, c.after, c.kind])).toEqual([
      ['A2', 'DATE_NOTATION', '令和8年10月3日', { kind: 'date', iso: '2026-10-03' }, '和暦・全角の日付 → 西暦'],
      ['D2', 'CHOICE_VARIANT', 'ＴＥＬ', '電話', '選択肢の表記ゆれを統一'],
      ['B3', 'TEXT_WIDTH', 'Ａ－１', 'A-1', '全角英数字 → 半角'],
      ['O3', 'TEXT_SPACES', '  山田 ', '山田', '余分な空白を削除'],
    ]);
  });

  test('judgements are left to the sidebar: era traps and 所在 that differ from the address', () => {
    const contracts = rawSheet('委託契約', [
      CONTRACT_HEADER,
      ['1171300013', 'トマト村', '株式会社トマト', '群馬県藤岡市中栗須327', '本庄市', '両方', d('2020-04-01'), null, d('2020-03-01'), '希望'],
    ]);
    const changes = plan([row({ 受付日: 'H32.1.1' })], [['委託契約', contracts]]);
    expect(changes).toEqual([]);
  });

  test('a formula cell is never rewritten', () => {
    const raws = new Map([
      [
        '相談記録',
        {
          ...rawSheet('相談記録', [CONSULTATION_HEADER, row({ 受付日: 'R8.10.3' })]),
          rows: [
            { rowNumber: 1, values: CONSULTATION_HEADER },
            { rowNumber: 2, values: row({ 受付日: 'R8.10.3' }), formulas: ['=A9', ...Array<string>(16).fill('')] },
          ],
        },
      ],
    ]);
    const reading = readWorkbook(raws, readSettings(undefined, 'x'), '2026-11-01');
    expect(normalizationPlan(reading, raws)).toEqual([]);
  });
});

describe('suggestedValue', () => {
  const issue = (code: Issue['code'], suggestion: string) => ({ code, suggestion });
  test('dates become dates, counts numbers, everything else text', () => {
    expect(suggestedValue(issue('DATE_NOTATION', '2026-10-03'))).toEqual({ kind: 'date', iso: '2026-10-03' });
    expect(suggestedValue(issue('DATE_ERA_TRAP', '2020-01'))).toBe('2020-01');
    expect(suggestedValue(issue('COUNT_NOTATION', '12'))).toBe(12);
    expect(suggestedValue(issue('TEXT_SPACES', '=1+1'))).toBe('=1+1');
  });
});

describe('patch blocks', () => {
  const p = (row: number, column: number) => ({ row, column, before: 'x', after: 'y' });
  test('one block per column from its first to its last row; the same cell twice keeps the first', () => {
    const blocks = patchBlocks([p(10, 2), p(3, 2), p(5, 4), { ...p(3, 2), after: 'z' }]);
    expect(blocks.map((b) => [b.column, b.firstRow, b.lastRow, b.patches.size])).toEqual([
      [2, 3, 10, 2],
      [4, 5, 5, 1],
    ]);
    expect(blocks[0]?.patches.get(3)?.after).toBe('y');
    expect(boundsOf(blocks)).toEqual({ row: 3, column: 2, numRows: 8, numColumns: 3 });
  });

  test('a cell that changed since the preview, or holds a formula, is skipped and kept', () => {
    const [block] = patchBlocks([p(1, 1), p(2, 1), p(4, 1)]);
    const now: Record<number, { value: string; formula: string }> = {
      1: { value: 'x', formula: '' },
      2: { value: 'edited', formula: '' },
      3: { value: 'other', formula: '' },
      4: { value: 'x', formula: '=B4' },
    };
    const resolved = resolveBlock(block!, (r) => now[r]!);
    expect(resolved.rows.map((r) => r.kind)).toEqual(['patch', 'keep', 'keep', 'keep']);
    expect(resolved.applied.map((a) => a.row)).toEqual([1]);
    expect(resolved.skipped.map((a) => a.row)).toEqual([2, 4]);
  });

  test('values compare as a person sees them', () => {
    expect(sameCellValue('', null)).toBe(true);
    expect(sameCellValue({ kind: 'date', iso: '2026-10-03' }, { kind: 'date', iso: '2026-10-03' })).toBe(true);
    expect(sameCellValue({ kind: 'date', iso: '2026-10-03' }, '2026-10-03')).toBe(false);
    expect(sameCellValue(12, '12')).toBe(false);
  });

  test('the change log shows values as text', () => {
    expect(changeLogRows([{ sheet: 'S', cell: 'A1', before: null, after: { kind: 'date', iso: '2026-10-03' } }], '2026-10-05 14:03', '表記を整える')).toEqual([
      ['S', 'A1', '', '2026-10-03', '2026-10-05 14:03', '表記を整える'],
    ]);
  });
});
