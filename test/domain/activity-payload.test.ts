import { activityFiguresOf, type CenterOutcome, consolidate, consolidationDocument } from '../../src/domain/reports/consolidation';
import { fingerprintOf } from '../../src/domain/reports/fingerprint';
import { buildMonthlyReport } from '../../src/domain/reports/monthly-report';
import { readPayload, type Submission, toSubmission } from '../../src/domain/reports/submission';
import type { Activity } from '../../src/domain/sheets/activities';
import type { Complaint } from '../../src/domain/sheets/complaints';
import { defaultSettings } from '../../src/domain/sheets/settings';
import { totalsSheet } from '../../src/workbook/city-layout';

/**
 * `activities` and `complaints` in the payload (SPEC §4.3) and in 市集計 (§4.2): counts only, an older payload
 * without them still read, its cells empty. Every figure is written out by hand.
 */

const MONTH = '2026-10';
const NOW = '2026-11-02T00:00:00.000Z';

const activities: Activity[] = [
  { row: 2, heldOn: '2026-10-02', kind: '地域ケア個別会議', participants: 14, professions: ['医師', '薬剤師', '民生委員'], cases: 2 },
  { row: 3, heldOn: '2026-10-16', kind: '地域ケア個別会議', participants: 11, professions: ['医師', '歯科衛生士'], cases: 1 },
  { row: 4, heldOn: '2026-10-20', kind: '介護予防教室・講座', participants: 23, professions: [] },
  { row: 5, heldOn: '2026-10-21', participants: 6, professions: [] },
  { row: 6, heldOn: '2026-09-21', kind: '職員研修', participants: 50, professions: [] },
  { row: 7, kind: '職員研修', participants: 50, professions: [] },
];
const complaints: Complaint[] = [
  { row: 2, receivedOn: '2026-10-05', closedOn: '2026-10-25', reportedOn: '2026-10-06' },
  { row: 3, receivedOn: '2026-10-12', closedOn: '2026-10-20' },
  { row: 4, receivedOn: '2026-08-01' },
];

function submissionOf(name: string, acts: readonly Activity[] = activities, comps: readonly Complaint[] = complaints): Submission {
  const settings = { ...defaultSettings(name), centerCode: '01', municipality: '本庄市' };
  const report = buildMonthlyReport({
    settings,
    month: MONTH,
    consultations: [],
    contracts: [],
    delegations: [],
    activities: acts,
    complaints: comps,
    issues: [],
  });
  return toSubmission(report, NOW, NOW);
}

/** A payload as a center made it before `activities` and `complaints` existed: without them, its fingerprint over the rest. */
function olderPayload(name: string): Submission {
  const { activities: _a, complaints: _c, fingerprint: _f, ...rest } = submissionOf(name);
  return { ...rest, fingerprint: fingerprintOf(rest) };
}

describe('the payload', () => {
  test('activities and complaints as counts: every kind, 未分類, the meetings each profession attended', () => {
    const s = submissionOf('本庄西');
    const zero = { 医師: 0, 歯科医師: 0, 薬剤師: 0, 管理栄養士: 0, 歯科衛生士: 0, 理学療法士: 0, 作業療法士: 0, 言語聴覚士: 0 };
    expect(s.activities).toEqual({
      byType: [
        { type: '地域ケア個別会議', count: 2, participants: 25 },
        { type: '地域ケア推進会議', count: 0, participants: 0 },
        { type: '介護支援専門員支援（事例検討会・勉強会・情報交換会）', count: 0, participants: 0 },
        { type: '介護予防教室・講座', count: 1, participants: 23 },
        { type: '認知症サポーター養成講座', count: 0, participants: 0 },
        { type: 'ネットワーク連絡会・地域の会議', count: 0, participants: 0 },
        { type: '職員研修', count: 0, participants: 0 },
        { type: 'その他', count: 0, participants: 0 },
        { type: '未分類', count: 1, participants: 6 },
      ],
      careMeetings: {
        count: 2,
        cases: 3,
        professions: {
          ...zero,
          医師: 2,
          薬剤師: 1,
          歯科衛生士: 1,
          看護師: 0,
          介護支援専門員: 0,
          介護サービス事業所: 0,
          民生委員: 1,
          生活支援コーディネーター: 0,
          市職員: 0,
          住民: 0,
          その他: 0,
        },
      },
      undatedRows: 1,
    });
    // received: rows 2, 3; open at 2026-10-31: row 4 (August, never closed); reported: row 2.
    expect(s.complaints).toEqual({ count: 2, open: 1, reported: 1, undatedRows: 0 });
  });

  test('no date of a single row and nothing but counts and labels', () => {
    const text = JSON.stringify({ activities: submissionOf('本庄西').activities, complaints: submissionOf('本庄西').complaints });
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).not.toMatch(/"row"|heldOn|receivedOn|closedOn|reportedOn/);
  });

  test('the city reads a payload with them, and an older one without them', () => {
    const current = readPayload(JSON.stringify(submissionOf('本庄西')));
    expect(current.kind === 'ok' && current.submission.complaints).toEqual({ count: 2, open: 1, reported: 1, undatedRows: 0 });
    const older = readPayload(JSON.stringify(olderPayload('本庄東')));
    expect(older.kind).toBe('ok');
    expect(older.kind === 'ok' && [older.submission.activities, older.submission.complaints]).toEqual([undefined, undefined]);
  });

  test('the fields are part of the fingerprint and of the schema', () => {
    const s = submissionOf('本庄西');
    const edited = { ...s, complaints: { ...s.complaints, open: 0 } };
    expect(readPayload(JSON.stringify(edited))).toEqual({ kind: 'bad', reason: expect.stringContaining('指紋') });
    const { fingerprint: _f, ...rest } = { ...s, complaints: { count: 2, open: -1, reported: 1, undatedRows: 0 } };
    const negative = readPayload(JSON.stringify({ ...rest, fingerprint: fingerprintOf(rest) }));
    expect(negative).toEqual({ kind: 'bad', reason: expect.stringContaining('（complaints.open）') });
  });
});

describe('the city', () => {
  const centers = (): CenterOutcome[] => [
    { name: '本庄西', status: 'submitted', submission: submissionOf('本庄西') },
    {
      name: '本庄南',
      status: 'submitted',
      submission: submissionOf(
        '本庄南',
        [{ row: 2, heldOn: '2026-10-08', kind: '地域ケア個別会議', participants: 9, professions: ['医師'], cases: 4 }],
        [{ row: 2, receivedOn: '2026-09-28' }],
      ),
    },
    { name: '本庄東', status: 'submitted', submission: olderPayload('本庄東') },
    { name: '児玉', status: 'missing', reason: '未提出' },
  ];
  const PLACE = { municipality: '本庄市', municipalityOrder: [], threshold: 0.8 };

  test('per center figures; an older payload has none; the totals add up the centers that gave them', () => {
    const c = consolidate(MONTH, undefined, centers(), PLACE);
    expect(activityFiguresOf(submissionOf('本庄西'))).toEqual({ careMeetings: 2, cases: 3, activities: 4, participants: 54 });
    expect(activityFiguresOf(olderPayload('本庄東'))).toBeUndefined();
    // 本庄西 2 + 本庄南 1 meetings; cases 3 + 4; activities 4 + 1; participants 54 + 9.
    expect(c.totals.activities).toEqual({ careMeetings: 3, cases: 7, activities: 5, participants: 63 });
    // received 2 + 0; open 1 + 1; reported 1 + 0.
    expect(c.totals.complaints).toEqual({ received: 2, open: 2, reported: 1 });
  });

  test('no center with the fields: no totals', () => {
    const c = consolidate(MONTH, undefined, [{ name: '本庄東', status: 'submitted', submission: olderPayload('本庄東') }], PLACE);
    expect([c.totals.activities, c.totals.complaints]).toEqual([undefined, undefined]);
  });

  test('the JSON document gives each center its figures where its payload has them', () => {
    const doc = consolidationDocument(consolidate(MONTH, undefined, centers(), PLACE)) as { centers: Record<string, unknown>[] };
    expect(doc.centers.map((x) => [x['name'], x['activities'], x['complaints']])).toEqual([
      ['本庄西', { careMeetings: 2, cases: 3, activities: 4, participants: 54 }, { received: 2, open: 1, reported: 1 }],
      ['本庄南', { careMeetings: 1, cases: 4, activities: 1, participants: 9 }, { received: 0, open: 1, reported: 0 }],
      ['本庄東', undefined, undefined],
      ['児玉', undefined, undefined],
    ]);
    expect('activities' in (doc.centers[2] ?? {})).toBe(false);
  });

  test('市集計: 活動・苦情 per center and 計; the older payload’s cells empty, not 0', () => {
    const sheet = totalsSheet(consolidate(MONTH, undefined, centers(), PLACE));
    const rows = sheet.blocks.flatMap((b) => b.values);
    const at = rows.findIndex((r) => r[0] === '■ 活動・苦情');
    expect(rows.slice(at + 1, at + 9)).toEqual([
      ['項目', '本庄西', '本庄南', '本庄東', '計'],
      ['地域ケア個別会議 開催回数', 2, 1, '', 3],
      ['　検討事例数', 3, 4, '', 7],
      ['活動 件数（すべての種類）', 4, 1, '', 5],
      ['活動 参加者数', 54, 9, '', 63],
      ['苦情 受付件数', 2, 0, '', 2],
      ['苦情 月末に対応中', 1, 1, '', 2],
      ['苦情 市へ報告', 1, 0, '', 1],
    ]);
  });
});
