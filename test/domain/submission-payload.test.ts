import type { MonthlyReport } from '../../src/domain/reports/monthly-report';
import { readPayload, type Submission, toSubmission } from '../../src/domain/reports/submission';

/**
 * The 月報 payload as the city reads it: what toSubmission carries over from the report, and the reasons a stored
 * payload is refused (whole messages, as they appear in 提出状況). The report is written out by hand.
 */

const AGAIN = 'センターに「市へ提出」をやり直してもらってください。';

/** 活動 and 苦情: none in the month (these tests are about the consultations and the concentration). */
const noActivities = {
  activities: { byKind: [], total: 0, participants: 0, individualMeetings: { count: 0, cases: 0, professions: [] }, undatedRows: 0 },
  complaints: { received: 0, open: 0, reported: 0, undatedRows: 0 },
};

const report = (): MonthlyReport => ({
  ...noActivities,
  month: '2026-10',
  center: { name: '本庄西', code: '01', municipality: '本庄市' },
  consultations: {
    total: 3,
    byMethod: { rows: ['電話', '来所'], columns: ['本人'], cells: [[2], [1]] },
    afterHoursByMethod: [1, 0],
    byTopic: { rows: ['総合相談支援 › 認知症', '未分類'], columns: ['本人'], cells: [[2], [1]] },
    dementiaByTopic: [2, 0],
    uniquePersons: 2,
    newPersons: 1,
    byProfession: { rows: ['保健師等'], columns: ['件数'], cells: [[3]] },
    abuse: { count: 0, reported: 0, late: 0 },
    guardianship: 0,
    consumerHarm: 0,
    trend: [{ month: '2026-10', total: 3 }],
    undatedRows: 0,
  },
  preventivePlans: { direct: 1, delegated: 4, newCases: 1, directNewCases: 0, delegatedNewCases: 1 },
  delegations: [],
  newContracts: [],
  activeContracts: [],
  concentration: {
    total: 4,
    byOffice: [{ officeNumber: '1170000001', name: 'いろは', corporation: 'トマト', cases: 4, share: 1 }],
    byCorporation: [{ corporation: 'トマト', cases: 4, share: 1 }],
    ownCorporation: '',
    ownCorporationShare: 0,
    warnings: [{ kind: 'office', name: 'いろは', share: 1, message: '「いろは」への委託が100%です。' }],
  },
  threshold: 0.8,
  quality: { errors: 0, warnings: 0, rowsWithErrors: 0, rowsWithWarnings: 0 },
});

describe('toSubmission', () => {
  test('carries the 再掲 columns and the concentration warnings over as they are', () => {
    const s = toSubmission(report(), '2026-11-02T09:00:00.000Z', '2026-11-02T09:05:00.000Z');
    expect(s.consultations.afterHoursByMethod).toEqual([1, 0]);
    expect(s.consultations.dementiaByTopic).toEqual([2, 0]);
    expect(s.concentration).toEqual({
      threshold: 0.8,
      total: 4,
      topOffice: { name: 'いろは', share: 1 },
      topCorporation: { name: 'トマト', share: 1 },
      ownCorporationShare: 0,
      warnings: [{ kind: 'office', name: 'いろは', share: 1, message: '「いろは」への委託が100%です。' }],
    });
    expect(readPayload(JSON.stringify(s)).kind).toBe('ok');
  });
});

describe('reading a stored 月報 payload: the reasons', () => {
  const stored = (): Submission => toSubmission(report(), 'g', 's');
  const reasonOf = (json: string): string | undefined => {
    const reading = readPayload(json);
    return reading.kind === 'bad' ? reading.reason : undefined;
  };

  test.each(['null', '1', '"提出データ"', '[]', '{}'])('JSON that is not a payload object (%s) has no version', (json) => {
    expect(reasonOf(json)).toBe('提出データの版（undefined）がこの集計の版（1）と違います。センターと市で同じ版のアドオンを使ってください。');
  });

  test('a count table whose cells have a row too few is refused, naming the table', () => {
    const s = stored();
    const byMethod = { ...s.consultations.byMethod, cells: [[2]] };
    expect(reasonOf(JSON.stringify({ ...s, consultations: { ...s.consultations, byMethod } }))).toBe(
      `提出データの形が正しくありません（consultations.byMethod）。${AGAIN}`,
    );
  });

  test('a count table with a row of the wrong width is refused, even with the right number of rows', () => {
    const s = stored();
    const byTopic = { ...s.consultations.byTopic, cells: [[2], [1, 0]] };
    expect(reasonOf(JSON.stringify({ ...s, consultations: { ...s.consultations, byTopic } }))).toBe(
      `提出データの形が正しくありません（consultations.byTopic）。${AGAIN}`,
    );
  });

  test('the reason names where the first problem is, down to the cell', () => {
    const s = stored();
    const byProfession = { ...s.consultations.byProfession, cells: [[-1]] };
    expect(reasonOf(JSON.stringify({ ...s, consultations: { ...s.consultations, byProfession } }))).toBe(
      `提出データの形が正しくありません（consultations.byProfession.cells.0.0）。${AGAIN}`,
    );
    // Two problems: the one met first in the payload's shape (center before month) is named.
    expect(reasonOf(JSON.stringify({ ...s, center: { name: '', code: '01' }, month: '2026-13' }))).toBe(
      `提出データの形が正しくありません（center.name）。${AGAIN}`,
    );
  });
});
