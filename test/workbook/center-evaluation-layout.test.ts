import type { EvaluationSubmission } from '../../src/domain/reports/evaluation-submission';
import { centerEvaluationSheet } from '../../src/workbook/evaluation-layout';

const submission = {
  center: { name: '本庄南', code: '11211-02' },
  year: '2025',
  answers: [
    { number: '1', category: '組織運営体制等', answer: 'はい', note: '' },
    { number: '2', category: '地域ケア会議', answer: 'いいえ', note: '歯科医師の参加を調整中' },
  ],
} as unknown as EvaluationSubmission;

describe("事業評価_YYYY in a center's 提出用ファイル", () => {
  test('the evidence column sits beside 回答, blank for an indicator the records say nothing of', () => {
    const model = centerEvaluationSheet(submission, new Map([['2', '個別会議 4 回・事例 6 件、歯科医師の参加 0 回']]));
    expect(model.name).toBe('事業評価_2025');
    expect(model.blocks[0]?.values).toEqual([['本庄南 事業評価（2025年度）']]);
    expect(model.blocks[1]?.values).toEqual([
      ['番号', '分類', '回答', '記録から（2025年度）', '根拠・備考'],
      ['1', '組織運営体制等', 'はい', '', ''],
      ['2', '地域ケア会議', 'いいえ', '個別会議 4 回・事例 6 件、歯科医師の参加 0 回', '歯科医師の参加を調整中'],
    ]);
    expect(model.blocks[1]?.accents?.[0]?.rect).toEqual({ row: 3, column: 1, numRows: 1, numColumns: 5 });
    expect(model.columnWidths).toHaveLength(5);
  });

  test('no evidence at all: the four columns of before', () => {
    const model = centerEvaluationSheet(submission);
    expect(model.blocks[1]?.values?.[0]).toEqual(['番号', '分類', '回答', '根拠・備考']);
    expect(model.blocks[1]?.accents?.[0]?.rect.numColumns).toBe(4);
    expect(model.columnWidths).toEqual([60, 200, 70, 420]);
  });
});
