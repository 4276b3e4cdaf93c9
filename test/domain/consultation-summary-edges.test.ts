import type { Consultation } from '../../src/domain/sheets/consultations';
import { summarizeConsultations } from '../../src/domain/reports/consultation-summary';
import { defaultSettings, type Settings } from '../../src/domain/sheets/settings';

/**
 * The 月報's consultation sections, every figure counted by hand from the rows below. The summary is made inside
 * each test: Stryker's per-test coverage only sees code that a test runs.
 *
 * In 2026-10 (相談内容 limited to four so the tables stay small):
 *  1 A 新規 電話 本人       総合相談支援 › 認知症          認知症 夜間休日 保健師等
 *  2 A 継続 電話 家族・親族  総合相談支援 › 認知症          認知症          社会福祉士等
 *  3 B 新規 来所 本人       権利擁護 › 虐待  報告 翌日 (1 day: not late)    夜間休日
 *  4 C 継続 来所 民生委員    権利擁護 › 虐待  報告 3日後 (late)           夜間休日
 *  5 ? 新規 訪問 本人       権利擁護 › 虐待  報告なし          認知症
 *  6 D 新規 ?    ?          権利擁護 › 成年後見・金銭管理                  夜間休日 職種?
 *  7 E 継続 電話 本人       ? › 消費者被害 (未分類)          認知症
 *  8 F 新規 電話 本人       総合相談支援 › ? (未分類)  報告日あり (not 虐待)
 * Outside the month: one row of 2026-09, two rows without 受付日.
 */

const settings: Settings = { ...defaultSettings('テスト'), consultationTopics: ['虐待', '認知症', '成年後見・金銭管理', '消費者被害'], abuseReportDays: 1 };

function c(row: number, over: Partial<Consultation>): Consultation {
  return {
    row,
    receivedOn: '2026-10-05',
    caseType: '新規',
    method: '電話',
    requester: '本人',
    businessArea: '総合相談支援',
    topic: '認知症',
    dementia: false,
    afterHours: false,
    profession: '保健師等',
    ...over,
  };
}

const rows = (): Consultation[] => [
  c(2, { personId: 'A', dementia: true, afterHours: true }),
  c(3, { personId: 'A', caseType: '継続', requester: '家族・親族', dementia: true, profession: '社会福祉士等' }),
  c(4, { personId: 'B', method: '来所', businessArea: '権利擁護', topic: '虐待', reportedOn: '2026-10-06', afterHours: true }),
  c(5, {
    personId: 'C',
    caseType: '継続',
    method: '来所',
    requester: '民生委員',
    businessArea: '権利擁護',
    topic: '虐待',
    reportedOn: '2026-10-08',
    afterHours: true,
  }),
  c(6, { method: '訪問', businessArea: '権利擁護', topic: '虐待', dementia: true }),
  c(7, {
    personId: 'D',
    method: undefined,
    requester: undefined,
    businessArea: '権利擁護',
    topic: '成年後見・金銭管理',
    afterHours: true,
    profession: undefined,
  }),
  c(8, { personId: 'E', caseType: '継続', businessArea: undefined, topic: '消費者被害', dementia: true }),
  c(9, { personId: 'F', topic: undefined, reportedOn: '2026-10-06' }),
  c(10, { personId: 'G', receivedOn: '2026-09-30', afterHours: true, dementia: true }),
  c(11, { personId: 'H', receivedOn: undefined }),
  c(12, { personId: 'I', receivedOn: undefined, topic: '虐待' }),
];

const summary = () => summarizeConsultations(rows(), settings, '2026-10');
const REQUESTERS = ['本人', '家族・親族', '民生委員', '介護支援専門員', '医療機関', '近隣・知人', '行政', 'その他関係機関', 'その他', '未分類'];

describe('the month’s consultations, counted by hand', () => {
  test('延べ件数 is the month’s rows; rows without 受付日 are counted apart', () => {
    expect(summary().total).toBe(8);
    expect(summary().undatedRows).toBe(2);
  });

  test('相談方法 × 相談者: every method of the list, 未分類 for the row with neither', () => {
    expect(summary().byMethod).toEqual({
      rows: ['電話', '来所', '訪問', 'メール・FAX', 'その他', '未分類'],
      columns: REQUESTERS,
      cells: [
        [3, 1, 0, 0, 0, 0, 0, 0, 0, 0],
        [1, 0, 1, 0, 0, 0, 0, 0, 0, 0],
        [1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
      ],
    });
  });

  test('夜間休日（再掲）per 相談方法 row, a row without 相談方法 under 未分類', () => {
    expect(summary().afterHoursByMethod).toEqual([1, 2, 0, 0, 0, 1]);
  });

  test('業務区分 › 相談内容 × 相談者: only rows with counts, in the 業務区分 then 相談内容 order; a missing half goes to 未分類', () => {
    expect(summary().byTopic).toEqual({
      rows: ['総合相談支援 › 認知症', '権利擁護 › 虐待', '権利擁護 › 成年後見・金銭管理', '未分類'],
      columns: REQUESTERS,
      cells: [
        [1, 1, 0, 0, 0, 0, 0, 0, 0, 0],
        [2, 0, 1, 0, 0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
        [2, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      ],
    });
  });

  test('認知症関連（再掲）per row of 業務区分 › 相談内容, an unlisted topic under 未分類', () => {
    expect(summary().dementiaByTopic).toEqual([2, 1, 0, 1]);
  });

  test('実人数 counts each 相談者ID once and a row without one not at all; 新規 実人数 only 新規 rows', () => {
    expect(summary().uniquePersons).toBe(6);
    expect(summary().newPersons).toBe(4);
  });

  test('対応職種: one column 件数, the row without 職種 under 未分類', () => {
    expect(summary().byProfession).toEqual({
      rows: ['保健師等', '社会福祉士等', '主任介護支援専門員等', '認知症地域支援推進員', '生活支援コーディネーター', '事務・その他', '未分類'],
      columns: ['件数'],
      cells: [[6], [1], [0], [0], [0], [0], [1]],
    });
  });

  test('虐待: count, reported, and late (more than 虐待報告の期限日数 after 受付日; the next day is in time)', () => {
    expect(summary().abuse).toEqual({ count: 3, reported: 2, late: 1 });
  });

  test('成年後見・金銭管理 and 消費者被害, by 相談内容 whatever the 業務区分', () => {
    expect(summary().guardianship).toBe(1);
    expect(summary().consumerHarm).toBe(1);
  });

  test('the trend counts every dated row in its own month', () => {
    expect(summary().trend.slice(-3)).toEqual([
      { month: '2026-08', total: 0 },
      { month: '2026-09', total: 1 },
      { month: '2026-10', total: 8 },
    ]);
  });
});

describe('虐待 reported late', () => {
  test('late means more than 虐待報告の期限日数 after 受付日: the same day and the last day are in time', () => {
    const abuse = (row: number, reportedOn: string): Consultation => c(row, { businessArea: '権利擁護', topic: '虐待', receivedOn: '2026-10-05', reportedOn });
    const rows = [abuse(2, '2026-10-05'), abuse(3, '2026-10-07'), abuse(4, '2026-10-08')];
    expect(summarizeConsultations(rows, { ...settings, abuseReportDays: 2 }, '2026-10').abuse).toEqual({ count: 3, reported: 3, late: 1 });
    expect(summarizeConsultations(rows, { ...settings, abuseReportDays: 0 }, '2026-10').abuse).toEqual({ count: 3, reported: 3, late: 2 });
  });
});

describe('a month without consultations', () => {
  test('the method table keeps its rows at zero; the topic table has no row; nothing is counted', () => {
    const s = summarizeConsultations([c(2, { receivedOn: '2026-09-01' })], settings, '2026-10');
    expect(s.total).toBe(0);
    expect(s.byMethod.rows).toEqual(['電話', '来所', '訪問', 'メール・FAX', 'その他']);
    expect(s.byMethod.columns).toEqual(['本人', '家族・親族', '民生委員', '介護支援専門員', '医療機関', '近隣・知人', '行政', 'その他関係機関', 'その他']);
    expect(s.afterHoursByMethod).toEqual([0, 0, 0, 0, 0]);
    expect(s.byTopic).toEqual({
      rows: [],
      columns: ['本人', '家族・親族', '民生委員', '介護支援専門員', '医療機関', '近隣・知人', '行政', 'その他関係機関', 'その他'],
      cells: [],
    });
    expect(s.dementiaByTopic).toEqual([]);
    expect([s.uniquePersons, s.newPersons, s.guardianship, s.consumerHarm, s.undatedRows]).toEqual([0, 0, 0, 0, 0]);
    expect(s.abuse).toEqual({ count: 0, reported: 0, late: 0 });
  });
});
