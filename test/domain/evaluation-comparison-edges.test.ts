import { compareEvaluations } from '../../src/domain/reports/evaluation-comparison';
import { toEvaluationSubmission } from '../../src/domain/reports/evaluation-submission';
import type { EvaluationAnswer } from '../../src/domain/sheets/evaluation';

/** 事業評価 compared across centers when one center has a category of its own (市独自) that the others lack. */

const answer = (number: string, category: string, a: 'はい' | 'いいえ', note?: string): EvaluationAnswer => ({
  row: Number(number) + 1,
  year: '2025',
  number,
  category,
  indicator: '',
  answer: a,
  ...(note ? { note } : {}),
});
const submission = (name: string, answers: EvaluationAnswer[]) => toEvaluationSubmission({ name, code: '' }, '2025', answers, 'g', null);

const NATIONAL = [
  '組織運営体制等',
  '総合相談支援',
  '権利擁護',
  '包括的・継続的ケアマネジメント支援',
  '地域ケア会議',
  '介護予防ケアマネジメント・介護予防支援',
  '事業間連携',
];
const nulls = (except: Record<string, number | null>): Record<string, number | null> => ({
  組織運営体制等: null,
  総合相談支援: null,
  権利擁護: null,
  '包括的・継続的ケアマネジメント支援': null,
  地域ケア会議: null,
  '介護予防ケアマネジメント・介護予防支援': null,
  事業間連携: null,
  ...except,
});

describe('a category only one center has', () => {
  const compare = () =>
    compareEvaluations(
      '2025',
      [
        { name: 'A', status: 'submitted', submission: submission('A', [answer('1', '権利擁護', 'はい'), answer('2', '市独自', 'いいえ', '予算なし')]) },
        { name: 'B', status: 'submitted', submission: submission('B', [answer('1', '権利擁護', 'いいえ', '未整備')]) },
        { name: 'C', status: 'missing' },
      ],
      { 権利擁護: 0.9 },
    );

  test('is a category of the comparison, after the national ones', () => {
    expect(compare().categories).toEqual([...NATIONAL, '市独自']);
  });

  test('the city rate sums only the centers that have it; a center without it has no rate there', () => {
    const c = compare();
    expect(c.city).toEqual(nulls({ 権利擁護: 0.5, 市独自: 0 }));
    expect(c.centers).toStrictEqual([
      { name: 'A', status: 'submitted', rates: nulls({ 権利擁護: 1, 市独自: 0 }) },
      { name: 'B', status: 'submitted', rates: nulls({ 権利擁護: 0, 市独自: null }) },
      { name: 'C', status: 'missing', rates: nulls({ 市独自: null }) },
    ]);
    expect(c.national).toEqual(nulls({ 権利擁護: 0.9, 市独自: null }));
  });

  test('every いいえ with its note, center by center', () => {
    expect(compare().no).toEqual([
      { center: 'A', number: '2', category: '市独自', note: '予算なし' },
      { center: 'B', number: '1', category: '権利擁護', note: '未整備' },
    ]);
  });
});
