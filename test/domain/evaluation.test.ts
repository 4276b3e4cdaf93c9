import type { CellValue } from '../../src/domain/values/cell';
import { categoryRates, compareEvaluations } from '../../src/domain/reports/evaluation-comparison';
import { readEvaluationPayload, toEvaluationSubmission } from '../../src/domain/reports/evaluation-submission';
import { checkEvaluationSheet, EVALUATION_COLUMNS, type EvaluationKey } from '../../src/domain/sheets/evaluation';
import { INDICATOR_COLUMNS, readIndicatorList } from '../../src/domain/sheets/indicators';
import { toTable, type Table } from '../../src/domain/sheets/table';
import { rawSheet } from '../helpers/tables';

const LIST: CellValue[][] = [
  ['年度', '番号', '分類', '指標'],
  ['2025', '1', '組織運営体制等', '3職種を配置しているか'],
  ['2025', '2', '組織運営体制等', '運営方針を職員に周知しているか'],
  ['2025', '3', '総合相談支援', '相談事例を分類・整理しているか'],
  ['2025', '4', '権利擁護', '虐待対応の手順を定めているか'],
];
const list = (rows: CellValue[][] = LIST) => readIndicatorList(toTable(rawSheet('評価指標', rows), INDICATOR_COLUMNS), '2025');
const sheet = (rows: CellValue[][]): Table<EvaluationKey> => {
  const t = toTable(rawSheet('事業評価', [['年度', '番号', '分類', '指標', '回答', '根拠・備考'], ...rows]), EVALUATION_COLUMNS);
  if (!t) throw new Error('no table');
  return t;
};
const answer = (n: string, a: CellValue, note = ''): CellValue[] => ['令和7年度', n, '', '', a, note];

describe('事業評価', () => {
  test('rates per category are はい over answered, hand-computed', () => {
    const { answers, issues } = checkEvaluationSheet(
      sheet([answer('1', 'いいえ', '保健師ではなく看護師を配置'), answer('2', 'はい'), answer('3', 'はい'), answer('4', 'はい')]),
      () => list(),
    );
    expect(issues).toEqual([]);
    const rates = categoryRates(answers);
    expect(rates.slice(0, 3).map((r) => [r.category, r.yes, r.answered, r.rate])).toEqual([
      ['組織運営体制等', 1, 2, 0.5],
      ['総合相談支援', 1, 1, 1],
      ['権利擁護', 1, 1, 1],
    ]);
    expect(rates[3]).toEqual({ category: '包括的・継続的ケアマネジメント支援', yes: 0, answered: 0 });
  });

  test('answers in variants are read with a suggestion; いいえ without 根拠・備考 is a warning', () => {
    const { answers, issues } = checkEvaluationSheet(sheet([answer('1', '○'), answer('2', 'Yes'), answer('3', '1'), answer('4', '×')]), () => list());
    expect(answers.map((a) => a.answer)).toEqual(['はい', 'はい', 'はい', 'いいえ']);
    expect(issues.map((i) => [i.row, i.code, i.suggestion])).toEqual([
      [2, 'CHOICE_VARIANT', 'はい'],
      [3, 'CHOICE_VARIANT', 'はい'],
      [4, 'CHOICE_VARIANT', 'はい'],
      [5, 'CHOICE_VARIANT', 'いいえ'],
      [5, 'EVALUATION_REASON_MISSING', undefined],
    ]);
  });

  test('half the list unanswered: each blank reported, missing indicators reported on the header', () => {
    const { issues } = checkEvaluationSheet(sheet([answer('1', 'はい'), answer('2', '')]), () => list());
    expect(issues.map((i) => [i.row, i.code])).toEqual([
      [3, 'EVALUATION_UNANSWERED'],
      [1, 'EVALUATION_INDICATOR_MISSING'],
      [1, 'EVALUATION_INDICATOR_MISSING'],
    ]);
  });

  test('a new indicator added to the list mid-year is missing until answered; an unknown number is reported', () => {
    const grown = [...LIST, ['2025', '5', '地域ケア会議', '地域ケア会議を開催しているか']];
    const rows = [answer('1', 'はい'), answer('2', 'はい'), answer('3', 'はい'), answer('4', 'はい')];
    expect(checkEvaluationSheet(sheet(rows), () => list()).issues).toEqual([]);
    expect(checkEvaluationSheet(sheet(rows), () => list(grown)).issues.map((i) => i.code)).toEqual(['EVALUATION_INDICATOR_MISSING']);
    expect(checkEvaluationSheet(sheet([...rows, answer('99', 'はい')]), () => list()).issues.map((i) => i.code)).toEqual(['EVALUATION_INDICATOR_UNKNOWN']);
    // Without the list (onEdit), only the rows' own rules.
    expect(checkEvaluationSheet(sheet([answer('99', 'はい')])).issues).toEqual([]);
  });

  test('the payload validates, has no free text but 根拠・備考, and detects tampering; the city compares with the national average', () => {
    const { answers } = checkEvaluationSheet(
      sheet([answer('1', 'いいえ', '看護師を配置'), answer('2', 'はい'), answer('3', 'はい'), answer('4', 'はい')]),
      () => list(),
    );
    const s = toEvaluationSubmission({ name: '本庄西', code: '01' }, '2025', answers, 'g', 's');
    expect(readEvaluationPayload(JSON.stringify(s)).kind).toBe('ok');
    expect(readEvaluationPayload(JSON.stringify({ ...s, answers: s.answers.map((a) => ({ ...a, answer: 'はい' })) })).kind).toBe('bad');
    expect(JSON.stringify(s)).not.toContain('3職種を配置しているか');
    const other = toEvaluationSubmission(
      { name: '児玉', code: '04' },
      '2025',
      answers.map((a) => ({ ...a, answer: 'はい' as const })),
      'g',
      's',
    );
    const c = compareEvaluations(
      '2025',
      [
        { name: '本庄西', status: 'submitted', submission: s },
        { name: '児玉', status: 'submitted', submission: other },
        { name: '本庄東', status: 'missing', reason: '未提出' },
      ],
      { 組織運営体制等: 0.9 },
    );
    expect(c.city['組織運営体制等']).toBe(0.75);
    expect(c.centers.map((x) => [x.name, x.rates['組織運営体制等']])).toEqual([
      ['本庄西', 0.5],
      ['児玉', 1],
      ['本庄東', null],
    ]);
    expect(c.national['組織運営体制等']).toBe(0.9);
    expect(c.national['総合相談支援']).toBeNull();
    expect(c.no).toEqual([{ center: '本庄西', number: '1', category: '組織運営体制等', note: '看護師を配置' }]);
  });
});
