import fc from 'fast-check';
import type { Consultation } from '../../src/domain/sheets/consultations';
import { summarizeConsultations } from '../../src/domain/reports/consultation-summary';
import { totalsOf, UNCLASSIFIED } from '../../src/domain/reports/count-table';
import { defaultSettings } from '../../src/domain/sheets/settings';

const settings = defaultSettings('テスト');
let n = 1;
function c(over: Partial<Consultation>): Consultation {
  return {
    row: n++,
    receivedOn: '2026-10-05',
    personId: 'A',
    caseType: '新規',
    method: '電話',
    requester: '本人',
    businessArea: '総合相談支援',
    topic: '介護保険サービス',
    dementia: false,
    afterHours: false,
    profession: '保健師等',
    action: '情報提供・助言',
    ...over,
  };
}

const cell = (t: { rows: readonly string[]; columns: readonly string[]; cells: readonly (readonly number[])[] }, r: string, col: string): number =>
  t.cells[t.rows.indexOf(r)]?.[t.columns.indexOf(col)] ?? NaN;

describe('summarizeConsultations', () => {
  const rows = [
    c({ personId: 'A', method: '電話', requester: '本人', afterHours: true }),
    c({ personId: 'A', caseType: '継続', method: '電話', requester: '家族・親族', topic: '認知症', dementia: true }),
    c({ personId: 'B', method: '来所', requester: '本人' }),
    c({ personId: 'C', method: undefined, requester: '本人', profession: undefined }),
    c({ personId: 'D', businessArea: '権利擁護', topic: '虐待', receivedOn: '2026-10-31', reportedOn: '2026-11-03' }),
    c({ personId: 'E', businessArea: '権利擁護', topic: '虐待', reportedOn: '2026-10-05' }),
    c({ personId: 'F', businessArea: '権利擁護', topic: '虐待' }),
    c({ personId: 'G', businessArea: '権利擁護', topic: '成年後見・金銭管理', caseType: '継続' }),
    c({ personId: 'Z', receivedOn: '2026-09-30' }),
    c({ personId: 'Y', receivedOn: '2026-11-01' }),
    c({ personId: 'X', receivedOn: undefined }),
  ];
  // Built inside each test, not here: Stryker's per-test coverage credits only code run inside a test.
  const summary = () => summarizeConsultations(rows, settings, '2026-10');

  test('延べ件数 counts the month’s rows only, by 受付日 in Japan time (the 31st in, the 1st of the next out)', () => {
    const s = summary();
    expect(s.total).toBe(8);
    expect(s.undatedRows).toBe(1);
  });

  test('相談方法 × 相談者: a missing 相談方法 is counted under 未分類; totals reconcile', () => {
    const s = summary();
    expect(cell(s.byMethod, '電話', '本人')).toBe(5);
    expect(cell(s.byMethod, '電話', '家族・親族')).toBe(1);
    expect(cell(s.byMethod, '来所', '本人')).toBe(1);
    expect(cell(s.byMethod, UNCLASSIFIED, '本人')).toBe(1);
    expect(s.byMethod.columns).not.toContain(UNCLASSIFIED);
    expect(totalsOf(s.byMethod).total).toBe(8);
    expect(s.afterHoursByMethod[s.byMethod.rows.indexOf('電話')]).toBe(1);
  });

  test('業務区分 › 相談内容 × 相談者 has only rows with counts and reconciles with 相談方法', () => {
    const s = summary();
    expect(totalsOf(s.byTopic).total).toBe(totalsOf(s.byMethod).total);
    expect(s.byTopic.rows).toEqual(['総合相談支援 › 介護保険サービス', '総合相談支援 › 認知症', '権利擁護 › 虐待', '権利擁護 › 成年後見・金銭管理']);
    expect(s.dementiaByTopic).toEqual([0, 1, 0, 0]);
  });

  test('実人数, 新規 実人数, 対応職種', () => {
    const s = summary();
    expect(s.uniquePersons).toBe(7);
    expect(s.newPersons).toBe(6);
    expect(cell(s.byProfession, '保健師等', '件数')).toBe(7);
    expect(cell(s.byProfession, UNCLASSIFIED, '件数')).toBe(1);
  });

  test('権利擁護: 虐待 count, reported, late (more than 1 day after 受付日)', () => {
    const s = summary();
    expect(s.abuse).toEqual({ count: 3, reported: 2, late: 1 });
    expect(s.guardianship).toBe(1);
  });

  test('the trend has the twelve months ending with the report’s month', () => {
    const s = summary();
    expect(s.trend.map((t) => t.month)).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
    ]);
    expect(s.trend.slice(-2).map((t) => t.total)).toEqual([1, 8]);
  });

  test('a leap day belongs to its February', () => {
    expect(summarizeConsultations([c({ receivedOn: '2028-02-29' })], settings, '2028-02').total).toBe(1);
  });

  test('property: the grand totals of both tables equal the month’s rows, whatever is missing', () => {
    const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    const consultation = fc.record({
      row: fc.nat(),
      receivedOn: maybe(fc.constantFrom('2026-10-01', '2026-10-31', '2026-09-30')),
      personId: maybe(fc.constantFrom('A', 'B', 'C')),
      caseType: maybe(fc.constantFrom('新規' as const, '継続' as const)),
      method: maybe(fc.constantFrom('電話', '来所', '伝書鳩')),
      requester: maybe(fc.constantFrom('本人', '家族・親族', '宇宙人')),
      businessArea: maybe(fc.constantFrom('総合相談支援', '権利擁護', '謎')),
      topic: maybe(fc.constantFrom('虐待', '認知症', '謎')),
      dementia: fc.boolean(),
      afterHours: fc.boolean(),
      profession: maybe(fc.constantFrom('保健師等', '謎')),
      action: maybe(fc.constantFrom('継続支援')),
    });
    fc.assert(
      fc.property(fc.array(consultation, { maxLength: 60 }), (list) => {
        const sum = summarizeConsultations(list, settings, '2026-10');
        const inMonth = list.filter((x) => x.receivedOn?.startsWith('2026-10')).length;
        expect(sum.total).toBe(inMonth);
        expect(totalsOf(sum.byMethod).total).toBe(inMonth);
        expect(totalsOf(sum.byTopic).total).toBe(inMonth);
        expect(totalsOf(sum.byProfession).total).toBe(inMonth);
      }),
    );
  });
});
