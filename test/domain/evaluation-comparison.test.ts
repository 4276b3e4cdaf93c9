import { categoryRates, compareEvaluations } from '../../src/domain/reports/evaluation-comparison';
import { toEvaluationSubmission } from '../../src/domain/reports/evaluation-submission';
import type { EvaluationAnswer } from '../../src/domain/sheets/evaluation';
import { nationalTemplate, readNational } from '../../src/domain/sheets/national-averages';
import { rawSheet } from '../helpers/tables';

const answer = (number: string, category: string, a?: 'はい' | 'いいえ', note?: string): EvaluationAnswer => ({
  row: Number(number) + 1,
  year: '2025',
  number,
  category,
  indicator: '',
  ...(a ? { answer: a } : {}),
  ...(note ? { note } : {}),
});
const submission = (name: string, answers: EvaluationAnswer[]) => toEvaluationSubmission({ name, code: '' }, '2025', answers, 'g', null);

describe('category rates', () => {
  test('national categories first in their order, then others in the order met; unanswered rows do not count', () => {
    const rates = categoryRates([answer('1', '市独自', 'はい'), answer('2', '権利擁護', 'いいえ'), answer('3', '権利擁護', 'はい'), answer('4', '権利擁護')]);
    expect(rates.map((r) => r.category)).toEqual([
      '組織運営体制等',
      '総合相談支援',
      '権利擁護',
      '包括的・継続的ケアマネジメント支援',
      '地域ケア会議',
      '介護予防ケアマネジメント・介護予防支援',
      '事業間連携',
      '市独自',
    ]);
    expect(rates[2]).toEqual({ category: '権利擁護', yes: 1, answered: 2, rate: 0.5 });
    expect(rates[7]).toEqual({ category: '市独自', yes: 1, answered: 1, rate: 1 });
  });
});

describe('the city against the national average', () => {
  test('the city rate is はい over answered summed over the centers (4/5), not the mean of their rates (3/4)', () => {
    const a = submission('A', [answer('1', '権利擁護', 'はい'), answer('2', '権利擁護', 'いいえ', '未整備')]);
    const b = submission('B', [answer('1', '権利擁護', 'はい'), answer('2', '権利擁護', 'はい'), answer('3', '権利擁護', 'はい')]);
    const c = compareEvaluations(
      '2025',
      [
        { name: 'A', status: 'submitted', submission: a },
        { name: 'B', status: 'submitted', submission: b },
        { name: 'C', status: 'unreadable', reason: '壊れています' },
      ],
      { 権利擁護: 0.9, 市独自: 0.5 },
    );
    expect(c.city['権利擁護']).toBe(0.8);
    expect(c.city['総合相談支援']).toBeNull();
    expect(c.centers.map((x) => [x.name, x.status, x.rates['権利擁護'], x.reason])).toEqual([
      ['A', 'submitted', 0.5, undefined],
      ['B', 'submitted', 1, undefined],
      ['C', 'unreadable', null, '壊れています'],
    ]);
    // A national figure for a category nobody answered is not a category of the comparison.
    expect(c.categories).not.toContain('市独自');
    expect(c.no).toEqual([{ center: 'A', number: '2', category: '権利擁護', note: '未整備' }]);
  });

  test('全国平均 is read for the year asked, as typed (86%, 86, 0.86); other years and unreadable rates are left out', () => {
    const raw = rawSheet('全国平均', [
      ['年度', '分類', '全国平均'],
      ['令和7年度', '組織運営体制等', '86%'],
      ['2025', '総合相談支援', 91],
      ['R7', '権利擁護', 0.88],
      ['2024', '地域ケア会議', '50%'],
      ['2025', '事業間連携', 'わからない'],
    ]);
    expect(readNational(raw, '2025')).toEqual({ 組織運営体制等: 0.86, 総合相談支援: 0.91, 権利擁護: 0.88 });
    expect(readNational(undefined, '2025')).toEqual({});
    expect(nationalTemplate()[0]).toEqual(['年度', '分類', '全国平均']);
    expect(nationalTemplate().map((r) => r[1])).toContain('事業間連携');
  });
});
