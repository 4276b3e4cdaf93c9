import type { EvaluationComparison } from '../../src/domain/reports/evaluation-comparison';
import { evaluationSheet } from '../../src/workbook/evaluation-layout';

const comparison: EvaluationComparison = {
  year: '2025',
  categories: ['組織運営体制等', '総合相談支援'],
  centers: [
    { name: 'A', status: 'submitted', rates: { 組織運営体制等: 0.5, 総合相談支援: 0.29 + 0.57 } },
    { name: 'B', status: 'submitted', rates: { 組織運営体制等: 0.9, 総合相談支援: null } },
    { name: 'C', status: 'missing', reason: '2025年度の事業評価がまだ提出されていません。', rates: { 組織運営体制等: null, 総合相談支援: null } },
  ],
  city: { 組織運営体制等: 0.7, 総合相談支援: 0.86 },
  national: { 組織運営体制等: 0.86, 総合相談支援: 0.86 },
  no: [{ center: 'A', number: '1', category: '組織運営体制等', note: '看護師を配置' }],
};

describe('事業評価_YYYY', () => {
  const model = evaluationSheet(comparison);
  const table = model.blocks[1];

  test('the title, then 分類 × (each center that submitted, 市, 全国平均) under the header style', () => {
    expect(model.name).toBe('事業評価_2025');
    expect(model.blocks[0]?.style).toEqual({ bold: true, fontSize: 14 });
    expect(table?.values).toEqual([
      ['分類', 'A', 'B', '市', '全国平均'],
      ['組織運営体制等', 0.5, 0.9, 0.7, 0.86],
      ['総合相談支援', 0.29 + 0.57, '', 0.86, 0.86],
    ]);
    expect(table?.accents?.[0]).toEqual({ rect: { row: 3, column: 1, numRows: 1, numColumns: 5 }, style: { bold: true, background: '#e8f0fe' } });
  });

  test('only a rate really below the national average is highlighted (not one equal to it but for rounding)', () => {
    const below = (table?.accents ?? []).slice(1);
    expect(below.map((a) => [a.rect.row, a.rect.column])).toEqual([
      [4, 2],
      [4, 4],
    ]);
    expect(below[0]?.style).toEqual({ background: '#fce8e6', bold: true });
  });

  test('the reasons for いいえ and the centers that have not submitted are listed', () => {
    const cells = model.blocks.flatMap((b) => b.values);
    expect(cells).toContainEqual(['A', '1', '組織運営体制等', '看護師を配置']);
    expect(cells).toContainEqual(['C', '2025年度の事業評価がまだ提出されていません。']);
    expect(model.charts?.map((c) => c.title)).toEqual(['A と全国平均（2025年度）', 'B と全国平均（2025年度）']);
  });
});
