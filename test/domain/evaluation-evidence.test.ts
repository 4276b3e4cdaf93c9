import { ACTIVITY_KINDS, type Activity, PROMOTION_MEETING, SUPPORTER_COURSE } from '../../src/domain/sheets/activities';
import type { Complaint } from '../../src/domain/sheets/complaints';
import {
  activityFigures,
  complaintFigures,
  evidenceText,
  evidenceTopics,
  indicatorEvidence,
  type YearRecords,
} from '../../src/domain/reports/evaluation-evidence';
import { checkEvaluationSheet, EVALUATION_COLUMNS } from '../../src/domain/sheets/evaluation';
import { readSettings } from '../../src/domain/sheets/settings';
import { toTable } from '../../src/domain/sheets/table';
import { readWorkbook } from '../../src/domain/sheets/workbook-check';
import type { CellValue } from '../../src/domain/values/cell';
import { d, rawSheet } from '../helpers/tables';

/**
 * 事業評価's evidence from 活動記録 and 苦情記録 (issue #19 item 5). The indicator sentences here are written for
 * the test, in the style of the national センター評価指標, not taken from the sample the rule was made from.
 */

let row = 1;
const activity = (heldOn: string, kind: string, over: Partial<Activity> = {}): Activity => ({ row: ++row, heldOn, kind, professions: [], ...over });
const meeting = (heldOn: string, professions: string[], cases: number): Activity =>
  activity(heldOn, '地域ケア個別会議', { professions, cases, participants: professions.length + 3 });

const kinds = (category: string, indicator: string) =>
  evidenceTopics({ category, indicator }).map((t) => (t.kind === 'attendance' ? [t.kind, t.professions] : t.kind));

describe('which indicator asks about which records', () => {
  test.each([
    ['地域ケア会議', '地域ケア個別会議において、自立支援・重度化防止の視点から個別事例を検討しているか', ['individualMeetings']],
    ['地域ケア会議', 'センター主催の地域ケア会議で、多職種と連携して個別事例の検討を行っているか', ['individualMeetings']],
    ['地域ケア会議', '個別ケア会議の結果を、本人・家族に説明しているか', ['individualMeetings']],
    ['地域ケア会議', '地域ケア個別会議に管理栄養士・歯科衛生士が出席しているか', [['attendance', ['管理栄養士', '歯科衛生士']]]],
    // The 分類 says which meeting: the professions attend 地域ケア会議.
    ['地域ケア会議', '会議に理学療法士等のリハビリテーション専門職の参加を得ているか', [['attendance', ['理学療法士']]]],
    // 歯科医師 hides the 医師 in it; 医師 named on its own is found as well.
    ['地域ケア会議', '個別会議に医師及び歯科医師の助言を得ているか', [['attendance', ['医師', '歯科医師']]]],
    ['地域ケア会議', '個別会議に歯科医師の助言を得ているか', [['attendance', ['歯科医師']]]],
    // 推進会議 is not where 個別会議's professions are counted.
    ['地域ケア会議', '地域ケア推進会議に医師会の代表が出席しているか', ['promotionMeetings']],
    ['包括的・継続的ケアマネジメント支援', '介護支援専門員を対象とした事例検討会を年2回以上開いているか', ['careManagerSupport']],
    ['包括的・継続的ケアマネジメント支援', 'ケアマネジャー同士が情報交換する場を設けているか', ['careManagerSupport']],
    ['包括的・継続的ケアマネジメント支援', '介護支援専門員への支援として、同行訪問を行っているか', ['careManagerSupport']],
    // The center's own 主任介護支援専門員 at a 研修 is no support of the area's 介護支援専門員.
    ['組織運営体制等', '主任介護支援専門員が法定外の研修を受講しているか', []],
    ['包括的・継続的ケアマネジメント支援', '介護支援専門員からの相談に応じ、助言しているか', []],
    ['介護予防ケアマネジメント・介護予防支援', '住民向けの介護予防教室を定期的に開いているか', ['preventionClasses']],
    ['事業間連携', 'フレイル予防の講座を地域で開いているか', ['preventionClasses']],
    // A サポーター養成講座 is a 講座, but not a 介護予防教室.
    ['事業間連携', '認知症サポーター養成講座を開催しているか', ['supporterCourses']],
    ['組織運営体制等', '苦情を受けたとき、内容と対応を記録しているか', ['complaints']],
    // Professions outside a meeting, 民生委員 in 総合相談: nothing the records can say.
    ['総合相談支援', '民生委員と定期的に情報共有しているか', []],
    ['事業間連携', '生活支援コーディネーターと協働しているか', []],
    ['地域ケア会議', '地域ケア会議の開催計画を策定し、関係者に示しているか', []],
    ['権利擁護', '成年後見制度の利用に向けて関係機関と連携しているか', []],
  ])('%s「%s」', (category, indicator, expected) => {
    expect(kinds(category, indicator)).toEqual(expected);
  });

  test('an indicator asking about two activities gets both', () => {
    expect(kinds('包括的・継続的ケアマネジメント支援', '介護支援専門員向けの研修と、住民向けの介護予防教室を開いているか')).toEqual([
      'careManagerSupport',
      'preventionClasses',
    ]);
  });

  test('the kinds the figures count are kinds of 活動記録', () => {
    expect(ACTIVITY_KINDS.values).toContain(PROMOTION_MEETING);
    expect(ACTIVITY_KINDS.values).toContain(SUPPORTER_COURSE);
  });
});

describe("the fiscal year's figures", () => {
  const activities: Activity[] = [
    meeting('2025-04-01', ['医師', '薬剤師'], 2),
    meeting('2025-10-14', ['医師', '理学療法士'], 3),
    meeting('2026-03-31', ['医師'], 1),
    // 2026年度: 4/1 is a new year.
    meeting('2026-04-01', ['歯科医師'], 4),
    // 2024年度: 3/31 is the old year.
    meeting('2025-03-31', ['歯科医師'], 5),
    activity('2025-06-10', '介護支援専門員支援（事例検討会・勉強会・情報交換会）', { participants: 18 }),
    activity('2026-03-31', '介護支援専門員支援（事例検討会・勉強会・情報交換会）', { participants: 22 }),
    activity('2026-04-01', '介護支援専門員支援（事例検討会・勉強会・情報交換会）', { participants: 30 }),
    activity('2025-07-01', '介護予防教室・講座', { participants: 25 }),
    activity('2025-09-01', '認知症サポーター養成講座', { participants: 40 }),
    activity('2025-11-20', '地域ケア推進会議', { participants: 15 }),
    // Unreadable 実施日 or 種類: placed in no year, counted nowhere.
    { row: 99, kind: '地域ケア個別会議', professions: ['歯科医師'], cases: 9 },
    { row: 100, heldOn: '2025-05-01', professions: ['歯科医師'] },
  ];

  test('2025年度 is 2025-04-01 to 2026-03-31, both days included', () => {
    const f = activityFigures(activities, '2025');
    expect([f.individualMeetings, f.cases]).toEqual([3, 6]);
    expect([f.attendance['医師'], f.attendance['薬剤師'], f.attendance['理学療法士'], f.attendance['歯科医師']]).toEqual([3, 1, 1, 0]);
    expect(f.careManagerSupport).toEqual({ held: 2, participants: 40 });
    expect(f.preventionClasses).toEqual({ held: 1, participants: 25 });
    expect(f.supporterCourses).toEqual({ held: 1, participants: 40 });
    expect(f.promotionMeetings).toBe(1);
  });

  test('2026-04-01 and 2025-03-31 belong to the years on either side', () => {
    const next = activityFigures(activities, '2026');
    expect([next.individualMeetings, next.cases, next.attendance['歯科医師'], next.careManagerSupport.held]).toEqual([1, 4, 1, 1]);
    const before = activityFigures(activities, '2024');
    expect([before.individualMeetings, before.cases, before.attendance['歯科医師']]).toEqual([1, 5, 1]);
  });

  test('complaints received in the year, and how many of them are open on 31 March', () => {
    const complaints: Complaint[] = [
      { row: 2, receivedOn: '2025-04-01', closedOn: '2025-04-20' },
      { row: 3, receivedOn: '2026-03-20' },
      { row: 4, receivedOn: '2026-03-25', closedOn: '2026-04-02' },
      { row: 5, receivedOn: '2026-04-01' },
      { row: 6, receivedOn: '2025-03-31' },
    ];
    expect(complaintFigures(complaints, '2025')).toEqual({ received: 3, openAtYearEnd: 2 });
  });

  test('the text beside the answer: counts only, a group per topic', () => {
    const records: YearRecords = { year: '2025', activities: activityFigures(activities, '2025'), complaints: { received: 3, openAtYearEnd: 1 } };
    const text = (category: string, indicator: string) => evidenceText(indicatorEvidence({ category, indicator }, records));
    expect(text('地域ケア会議', '地域ケア個別会議に医師・歯科医師が参加しているか')).toBe('個別会議 3 回・事例 6 件、医師の参加 3 回・歯科医師の参加 0 回');
    expect(text('地域ケア会議', '地域ケア個別会議を定期的に開いているか')).toBe('個別会議 3 回・事例 6 件');
    expect(text('包括的・継続的ケアマネジメント支援', '介護支援専門員向けの勉強会を開いているか')).toBe('介護支援専門員支援 2 回・参加 40 人');
    expect(text('事業間連携', '介護予防教室を開いているか')).toBe('介護予防教室・講座 1 回・参加 25 人');
    expect(text('地域ケア会議', '地域ケア推進会議を開いているか')).toBe('推進会議 1 回');
    expect(text('組織運営体制等', '苦情の対応手順を定めているか')).toBe('苦情 3 件・年度末に対応中 1 件');
    expect(text('権利擁護', '虐待対応の手順を定めているか')).toBe('');
  });

  test('a sheet the center does not keep gives no evidence, not a zero', () => {
    const none = (indicator: string) => evidenceText(indicatorEvidence({ category: '地域ケア会議', indicator }, { year: '2025' }));
    expect(none('地域ケア個別会議を開いているか')).toBe('');
    expect(none('苦情を記録しているか')).toBe('');
  });
});

describe('はい where the records show none: a warning with the figure', () => {
  const HEADER = EVALUATION_COLUMNS.map((c) => c.header);
  const sheet = (rows: CellValue[][]) => {
    const table = toTable(rawSheet('事業評価', [HEADER, ...rows]), EVALUATION_COLUMNS);
    if (!table) throw new Error('no header');
    return table;
  };
  const ROWS: CellValue[][] = [
    ['2025', '5-1', '地域ケア会議', '地域ケア個別会議を開いているか', 'はい', ''],
    ['2025', '5-2', '地域ケア会議', '地域ケア個別会議に医師・歯科医師・薬剤師が参加しているか', 'はい', ''],
    ['2025', '5-3', '地域ケア会議', '地域ケア推進会議に出席しているか', 'いいえ', '市の推進会議は未開催'],
    ['2025', '4-1', '包括的・継続的ケアマネジメント支援', '介護支援専門員を対象とした研修会を開いているか', 'はい', ''],
    ['2025', '4-2', '包括的・継続的ケアマネジメント支援', '介護支援専門員を対象とした研修会の年間計画を作っているか', 'はい', ''],
    ['2025', '7-1', '事業間連携', '介護予防教室を開いているか', 'はい', ''],
  ];
  const ACTIVITIES: Activity[] = [
    meeting('2025-06-05', ['医師'], 2),
    meeting('2026-03-31', ['医師', '歯科医師'], 1),
    // 薬剤師 came, but in the next year.
    meeting('2026-04-01', ['薬剤師'], 1),
    activity('2025-08-01', '介護予防教室・講座', { participants: 20 }),
  ];

  test('each はい the year shows none of, with its figure; はい with ≥ 1, いいえ and a plan say nothing', () => {
    const { issues } = checkEvaluationSheet(sheet(ROWS), undefined, ACTIVITIES);
    expect(issues.map((i) => [i.cell, i.code, i.severity, i.message])).toEqual([
      [
        'E3',
        'EVALUATION_YES_WITHOUT_RECORD',
        'warning',
        '指標 5-2 は「はい」ですが、2025年度の活動記録に地域ケア個別会議への薬剤師の参加が 0 回です。記録を確かめるか、回答を見直してください。',
      ],
      [
        'E5',
        'EVALUATION_YES_WITHOUT_RECORD',
        'warning',
        '指標 4-1 は「はい」ですが、2025年度の活動記録に介護支援専門員支援の開催が 0 回です。記録を確かめるか、回答を見直してください。',
      ],
    ]);
  });

  test('two professions absent: one warning naming both', () => {
    const { issues } = checkEvaluationSheet(sheet([ROWS[1] as CellValue[]]), undefined, [meeting('2025-06-05', ['理学療法士'], 2)]);
    expect(issues.map((i) => i.message)).toEqual([
      '指標 5-2 は「はい」ですが、2025年度の活動記録に地域ケア個別会議への医師・歯科医師・薬剤師の参加が 0 回です。記録を確かめるか、回答を見直してください。',
    ]);
  });

  test('the same answers against an empty 活動記録 warn of 個別会議 held 0 times', () => {
    const { issues } = checkEvaluationSheet(sheet([ROWS[0] as CellValue[]]), undefined, []);
    expect(issues.map((i) => i.message)).toEqual([
      '指標 5-1 は「はい」ですが、2025年度の活動記録に地域ケア個別会議の開催が 0 回です。記録を確かめるか、回答を見直してください。',
    ]);
  });

  test('without 活動記録 (onEdit, or a center without the sheet) nothing is said', () => {
    expect(checkEvaluationSheet(sheet(ROWS), undefined, undefined).issues).toEqual([]);
  });

  const raws = (withActivities: boolean) =>
    new Map([
      ['事業評価', rawSheet('事業評価', [HEADER, ...ROWS])],
      ...(withActivities
        ? [
            [
              '活動記録',
              rawSheet('活動記録', [
                ['実施日', '種類', '名称', '参加者数', '参加職種', '検討事例数', '把握した課題', '担当'],
                [d('2025-06-05'), '地域ケア個別会議', '第1回', 9, '医師、歯科医師、薬剤師', 2, '', ''],
                [d('2025-07-01'), '介護予防教室・講座', '元気あっぷ教室', 20, '', '', '', ''],
              ]),
            ] as const,
          ]
        : []),
    ]);

  test('the whole workbook: 活動記録 gives 事業評価 its activities', () => {
    const settings = readSettings(undefined, '本庄西');
    const found = (withActivities: boolean) =>
      readWorkbook(raws(withActivities), settings, '2026-05-10')
        .issues.filter((i) => i.code === 'EVALUATION_YES_WITHOUT_RECORD')
        .map((i) => [i.sheet, i.cell]);
    expect(found(true)).toEqual([['事業評価', 'E5']]);
    expect(found(false)).toEqual([]);
  });
});
