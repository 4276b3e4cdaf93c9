import type { Issue } from '../../src/domain/issues/issue';
import { summarizeActivities, summarizeComplaints } from '../../src/domain/reports/activity-summary';
import { buildMonthlyReport, type ReportInput } from '../../src/domain/reports/monthly-report';
import type { Activity } from '../../src/domain/sheets/activities';
import type { Complaint } from '../../src/domain/sheets/complaints';
import { defaultSettings } from '../../src/domain/sheets/settings';

/** 月報 section 9 from hand-made records; every figure below is counted by hand. */

const MONTH = '2026-10';
const KINDS = [
  '地域ケア個別会議',
  '地域ケア推進会議',
  '介護支援専門員支援（事例検討会・勉強会・情報交換会）',
  '介護予防教室・講座',
  '認知症サポーター養成講座',
  'ネットワーク連絡会・地域の会議',
  '職員研修',
  'その他',
];
const PROFESSIONS = [
  '医師',
  '歯科医師',
  '薬剤師',
  '管理栄養士',
  '歯科衛生士',
  '理学療法士',
  '作業療法士',
  '言語聴覚士',
  '看護師',
  '介護支援専門員',
  '介護サービス事業所',
  '民生委員',
  '生活支援コーディネーター',
  '市職員',
  '住民',
  'その他',
];

const activity = (row: number, heldOn: string | undefined, kind: string | undefined, participants?: number, more: Partial<Activity> = {}): Activity => ({
  row,
  ...(heldOn ? { heldOn } : {}),
  ...(kind ? { kind } : {}),
  ...(participants !== undefined ? { participants } : {}),
  professions: [],
  ...more,
});

const complaint = (row: number, receivedOn: string | undefined, more: Partial<Complaint> = {}): Complaint => ({
  row,
  ...(receivedOn ? { receivedOn } : {}),
  ...more,
});

describe('活動: per 種類', () => {
  test('every kind in its order with count and participants; 未分類 last for a 種類 that could not be read', () => {
    const s = summarizeActivities(
      [
        activity(2, '2026-10-03', '介護予防教室・講座', 23),
        activity(3, '2026-10-10', '地域ケア個別会議', 12, { cases: 2 }),
        activity(4, '2026-10-17', '介護予防教室・講座', 18),
        // 参加者数 unreadable: the activity counts, with no participants.
        activity(5, '2026-10-20', 'その他'),
        // 種類 unreadable: 未分類, never dropped.
        activity(6, '2026-10-21', undefined, 7),
        activity(7, '2026-10-22', undefined, 5),
      ],
      MONTH,
    );
    expect(s.byKind).toEqual([
      { kind: '地域ケア個別会議', count: 1, participants: 12 },
      { kind: '地域ケア推進会議', count: 0, participants: 0 },
      { kind: '介護支援専門員支援（事例検討会・勉強会・情報交換会）', count: 0, participants: 0 },
      { kind: '介護予防教室・講座', count: 2, participants: 41 },
      { kind: '認知症サポーター養成講座', count: 0, participants: 0 },
      { kind: 'ネットワーク連絡会・地域の会議', count: 0, participants: 0 },
      { kind: '職員研修', count: 0, participants: 0 },
      { kind: 'その他', count: 1, participants: 0 },
      { kind: '未分類', count: 2, participants: 12 },
    ]);
    expect([s.total, s.participants]).toEqual([6, 65]);
  });

  test('a month without activities lists every kind at zero and no 未分類', () => {
    const s = summarizeActivities([], MONTH);
    expect(s.byKind.map((k) => k.kind)).toEqual(KINDS);
    expect(s.byKind.every((k) => k.count === 0 && k.participants === 0)).toBe(true);
    expect([s.total, s.participants, s.undatedRows]).toEqual([0, 0, 0]);
    expect(s.individualMeetings).toEqual({ count: 0, cases: 0, professions: PROFESSIONS.map((profession) => ({ profession, meetings: 0 })) });
  });

  test('month boundaries: the first and last day are in, the days either side are not', () => {
    const s = summarizeActivities(
      [
        activity(2, '2026-09-30', '職員研修', 100),
        activity(3, '2026-10-01', '職員研修', 3),
        activity(4, '2026-10-31', '職員研修', 4),
        activity(5, '2026-11-01', '職員研修', 200),
        activity(6, '2025-10-15', '職員研修', 300),
      ],
      MONTH,
    );
    expect(s.byKind.find((k) => k.kind === '職員研修')).toEqual({ kind: '職員研修', count: 2, participants: 7 });
    expect(s.total).toBe(2);
  });

  test('a row whose 実施日 could not be read is in no month, and is counted as undated in every month', () => {
    const rows = [activity(2, undefined, '地域ケア個別会議', 9, { cases: 1, professions: ['医師'] }), activity(3, '2026-10-05', '職員研修', 4)];
    for (const month of ['2026-09', MONTH, '2026-11']) {
      const s = summarizeActivities(rows, month);
      expect(s.undatedRows).toBe(1);
      expect(s.individualMeetings.count).toBe(0);
      expect(s.individualMeetings.professions.find((p) => p.profession === '医師')?.meetings).toBe(0);
    }
    expect(summarizeActivities(rows, MONTH).total).toBe(1);
    expect(summarizeActivities(rows, '2026-11').total).toBe(0);
  });
});

describe('活動: 地域ケア個別会議', () => {
  test('meetings, the sum of 検討事例数, and how many meetings each profession attended (meetings, not people)', () => {
    const s = summarizeActivities(
      [
        activity(2, '2026-10-02', '地域ケア個別会議', 14, { cases: 2, professions: ['医師', '薬剤師', '民生委員'] }),
        activity(3, '2026-10-16', '地域ケア個別会議', 30, { cases: 3, professions: ['医師', '理学療法士'] }),
        // 検討事例数 left empty: the meeting counts, its cases do not.
        activity(4, '2026-10-30', '地域ケア個別会議', 8, { professions: ['医師'] }),
        // Professions at another kind of meeting are not 個別会議 attendance.
        activity(5, '2026-10-20', '地域ケア推進会議', 40, { cases: 9, professions: ['医師', '歯科医師', '薬剤師'] }),
        // Another month's meeting.
        activity(6, '2026-11-02', '地域ケア個別会議', 10, { cases: 5, professions: ['医師', '歯科医師'] }),
      ],
      MONTH,
    );
    expect(s.individualMeetings.count).toBe(3);
    expect(s.individualMeetings.cases).toBe(5);
    const attended = Object.fromEntries(s.individualMeetings.professions.map((p) => [p.profession, p.meetings]));
    expect(s.individualMeetings.professions.map((p) => p.profession)).toEqual(PROFESSIONS);
    expect(attended).toEqual({ ...Object.fromEntries(PROFESSIONS.map((p) => [p, 0])), 医師: 3, 薬剤師: 1, 民生委員: 1, 理学療法士: 1 });
  });

  test('a profession named twice in one meeting is one meeting attended', () => {
    const s = summarizeActivities([activity(2, '2026-10-02', '地域ケア個別会議', 6, { cases: 1, professions: ['看護師', '看護師'] })], MONTH);
    expect(s.individualMeetings.professions.find((p) => p.profession === '看護師')?.meetings).toBe(1);
  });
});

describe('苦情', () => {
  const list = [
    // Received in August, never closed: open at the end of October.
    complaint(2, '2026-08-10'),
    // Received in September, closed on 31 October: closed by the end of the month.
    complaint(3, '2026-09-01', { closedOn: '2026-10-31' }),
    // Received in September, closed on 1 November: still open at the end of October.
    complaint(4, '2026-09-15', { closedOn: '2026-11-01', reportedOn: '2026-10-01' }),
    // Received on the first and the last day of October.
    complaint(5, '2026-10-01', { closedOn: '2026-10-05', reportedOn: '2026-10-31' }),
    complaint(6, '2026-10-31'),
    // Received on 1 November: neither received in October nor open at its end; reported in November.
    complaint(7, '2026-11-01', { reportedOn: '2026-11-02' }),
    // Reported in September: not reported in October.
    complaint(8, '2026-09-20', { closedOn: '2026-09-25', reportedOn: '2026-09-30' }),
    // 受付日 unreadable: in no month, and never open; its readable 市への報告日 still counts.
    complaint(9, undefined, { reportedOn: '2026-10-12' }),
  ];

  test('received in the month, open at its end (older ones included), reported in it', () => {
    // received: rows 5, 6. open at 2026-10-31: rows 2, 4, 6. reported: rows 4, 5, 9.
    expect(summarizeComplaints(list, MONTH)).toEqual({ received: 2, open: 3, reported: 3, undatedRows: 1 });
  });

  test('the other months from the same rows', () => {
    // September: received 3, 4, 8; open at 2026-09-30: 2, 3, 4 (8 closed on the 25th); reported 8.
    expect(summarizeComplaints(list, '2026-09')).toEqual({ received: 3, open: 3, reported: 1, undatedRows: 1 });
    // November: received 7; open at 2026-11-30: 2, 6, 7; reported 7.
    expect(summarizeComplaints(list, '2026-11')).toEqual({ received: 1, open: 3, reported: 1, undatedRows: 1 });
  });
});

describe('buildMonthlyReport: section 9 and the quality of its rows', () => {
  const settings = defaultSettings('本庄西');
  const issue = (sheet: string, row: number, severity: 'error' | 'warning'): Issue => ({
    sheet,
    row,
    column: '',
    cell: `A${row}`,
    code: 'REQUIRED',
    severity,
    message: '',
  });
  const input = (over: Partial<ReportInput>): ReportInput => ({
    settings,
    month: MONTH,
    consultations: [],
    contracts: [],
    delegations: [],
    issues: [],
    ...over,
  });
  const activities = [
    activity(2, '2026-10-03', '地域ケア個別会議', 10, { cases: 2, professions: ['医師'] }),
    activity(3, '2026-09-03', '職員研修', 5),
    activity(4, undefined, '職員研修', 5),
  ];
  const complaints = [
    complaint(2, '2026-10-04'),
    complaint(3, '2026-07-01'), // still open at the end of October: counted, so its issues count
    complaint(4, '2026-09-01', { closedOn: '2026-09-10' }), // September's only
    complaint(5, '2026-09-01', { closedOn: '2026-09-10', reportedOn: '2026-10-02' }), // reported in October
  ];

  test('the report carries the summaries', () => {
    const report = buildMonthlyReport(input({ activities, complaints }));
    expect(report.activities.total).toBe(1);
    expect(report.activities.individualMeetings.count).toBe(1);
    expect(report.activities.undatedRows).toBe(1);
    expect(report.complaints).toEqual({ received: 1, open: 2, reported: 1, undatedRows: 0 });
  });

  test('a report without 活動記録 and 苦情記録 shows zeros', () => {
    const report = buildMonthlyReport(input({}));
    expect([report.activities.total, report.complaints.received, report.complaints.open]).toEqual([0, 0, 0]);
  });

  test('issues on 活動記録 and 苦情記録 count when their row is one the month counts, or the header', () => {
    const report = buildMonthlyReport(
      input({
        activities,
        complaints,
        issues: [
          issue('活動記録', 1, 'error'), // header: every month
          issue('活動記録', 2, 'warning'), // October
          issue('活動記録', 3, 'error'), // September
          issue('活動記録', 4, 'error'), // no month (its date is the issue)
          issue('苦情記録', 2, 'error'), // received in October
          issue('苦情記録', 3, 'warning'), // open at the end of October
          issue('苦情記録', 4, 'error'), // September's only
          issue('苦情記録', 5, 'warning'), // reported in October
        ],
      }),
    );
    // errors: 活動記録 1, 苦情記録 2 → 2 on 2 rows. warnings: 活動記録 2, 苦情記録 3, 5 → 3 on 3 rows.
    expect(report.quality).toEqual({ errors: 2, warnings: 3, rowsWithErrors: 2, rowsWithWarnings: 3 });
  });

  test('a sheet the center calls otherwise (読み替え) is matched through its standard name', () => {
    const report = buildMonthlyReport(
      input({ activities, issues: [issue('会議記録', 2, 'warning'), issue('会議記録', 3, 'error')] }),
      new Map(),
      new Map([['会議記録', '活動記録']]),
    );
    expect(report.quality).toEqual({ errors: 0, warnings: 1, rowsWithErrors: 0, rowsWithWarnings: 1 });
  });
});
