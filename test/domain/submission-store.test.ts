import {
  chunk,
  currentSubmission,
  readStoredSubmissions,
  type StoredSubmission,
  storedSubmissionRows,
  withSubmission,
} from '../../src/domain/reports/submission-store';

/** `_提出データ`: one 最新 row per (種類, 対象), earlier ones as 履歴, long JSON split over cells. Hand-written expectations. */

const HEADER = ['種類', '対象', '状態', '提出日時', '指紋', 'スキーマ版', '本文の数', '本文'];

const s = (over: Partial<StoredSubmission>): StoredSubmission => ({
  kind: 'monthly-report',
  period: '2026-10',
  status: '最新',
  submittedAt: '2026-11-02T09:00',
  fingerprint: 'f',
  schemaVersion: 1,
  json: '{}',
  ...over,
});

describe('chunk: JSON split to fit a cell', () => {
  test('pieces of the given size, the last one shorter; an exact multiple leaves no empty piece', () => {
    expect(chunk('abcdefg', 3)).toEqual(['abc', 'def', 'g']);
    expect(chunk('abcdef', 3)).toEqual(['abc', 'def']);
    expect(chunk('ab', 3)).toEqual(['ab']);
  });

  test('an empty text is one empty piece, so the row still has its 本文 cell', () => {
    expect(chunk('', 3)).toEqual(['']);
    expect(chunk('')).toEqual(['']);
  });

  test('30,000 characters to a cell by default (below both Sheets’ and Excel’s limits)', () => {
    expect(chunk('x'.repeat(30000))).toEqual(['x'.repeat(30000)]);
    expect(chunk('x'.repeat(30001)).map((p) => p.length)).toEqual([30000, 1]);
    expect(chunk('x'.repeat(60000)).map((p) => p.length)).toEqual([30000, 30000]);
  });
});

describe('writing _提出データ', () => {
  test('the header, then one row per submission: every column, the number of 本文 cells, the cells', () => {
    expect(storedSubmissionRows([])).toEqual([HEADER]);
    const long = `"${'あ'.repeat(30000)}"`;
    expect(
      storedSubmissionRows([
        s({ json: '{"n":1}' }),
        s({ kind: 'evaluation', period: '2025', status: '履歴', submittedAt: '2026-05-01', fingerprint: 'g', schemaVersion: 2, json: long }),
      ]),
    ).toEqual([
      HEADER,
      ['monthly-report', '2026-10', '最新', '2026-11-02T09:00', 'f', 1, 1, '{"n":1}'],
      ['evaluation', '2025', '履歴', '2026-05-01', 'g', 2, 2, `"${'あ'.repeat(29999)}`, 'あ"'],
    ]);
  });
});

describe('reading _提出データ', () => {
  test('every column round-trips, 本文 joined from as many cells as 本文の数 says', () => {
    const rows = [
      HEADER,
      ['monthly-report', '2026-10', '最新', '2026-11-02T09:00', 'f', 1, 2, '{"a":', '"b"}', '余計なセル'],
      ['evaluation', '2025', '履歴', '2026-05-01', 'g', '2', '1', '{}'],
    ];
    expect(readStoredSubmissions(rows)).toEqual([
      { kind: 'monthly-report', period: '2026-10', status: '最新', submittedAt: '2026-11-02T09:00', fingerprint: 'f', schemaVersion: 1, json: '{"a":"b"}' },
      { kind: 'evaluation', period: '2025', status: '履歴', submittedAt: '2026-05-01', fingerprint: 'g', schemaVersion: 2, json: '{}' },
    ]);
  });

  test('what was written reads back as it was', () => {
    const list = [s({ json: `[${'1,'.repeat(20000)}1]` }), s({ period: '2026-09', status: '履歴', fingerprint: 'h', json: '' })];
    expect(readStoredSubmissions(storedSubmissionRows(list))).toEqual(list);
  });

  test('状態 is 履歴 only when it says 履歴; anything else (最新, blank, a typo) is 最新', () => {
    const rows = [HEADER, ...['履歴', '最新', '', 'りれき'].map((status, i) => ['monthly-report', `2026-0${i + 1}`, status, 't', 'f', 1, 1, '{}'])];
    expect(readStoredSubmissions(rows).map((x) => [x.period, x.status])).toEqual([
      ['2026-01', '履歴'],
      ['2026-02', '最新'],
      ['2026-03', '最新'],
      ['2026-04', '最新'],
    ]);
  });

  test('row 1 is the header, whatever it holds', () => {
    const rows = [
      ['monthly-report', '2026-09', '最新', 't', 'f', 1, 1, '{"row":1}'],
      ['monthly-report', '2026-10', '最新', 't', 'f', 1, 1, '{"row":2}'],
    ];
    expect(readStoredSubmissions(rows).map((x) => x.json)).toEqual(['{"row":2}']);
  });

  test('a row without 種類 or with 本文の数 that is not a whole number of at least 1 is skipped', () => {
    const row = (kind: string, count: string | number | null, period: string) => [kind, period, '最新', 't', 'f', 1, count, '{}', '{}'];
    const rows = [
      HEADER,
      row('', 1, 'no-kind'),
      row('monthly-report', 0, 'zero'),
      row('monthly-report', -1, 'negative'),
      row('monthly-report', 1.5, 'fraction'),
      row('monthly-report', 'abc', 'text'),
      row('monthly-report', null, 'missing'),
      row('monthly-report', 1, 'one'),
      row('monthly-report', '2', 'two'),
    ];
    expect(readStoredSubmissions(rows).map((x) => [x.period, x.json])).toEqual([
      ['one', '{}'],
      ['two', '{}{}'],
    ]);
  });
});

describe('adding a submission', () => {
  test('it is 最新 and the same (種類, 対象) before becomes 履歴; other kinds and periods keep their status', () => {
    const list = [
      s({ period: '2026-10', submittedAt: '2026-11-02' }),
      s({ kind: 'evaluation', period: '2026-10', submittedAt: '2026-11-02' }),
      s({ period: '2026-09', submittedAt: '2026-10-02' }),
    ];
    const next = { kind: 'monthly-report', period: '2026-10', submittedAt: '2026-11-03', fingerprint: 'n', schemaVersion: 1, json: '{"new":1}' };
    expect(withSubmission(list, next).map((x) => [x.kind, x.period, x.status, x.submittedAt])).toEqual([
      ['monthly-report', '2026-10', '最新', '2026-11-03'],
      ['evaluation', '2026-10', '最新', '2026-11-02'],
      ['monthly-report', '2026-09', '最新', '2026-10-02'],
      ['monthly-report', '2026-10', '履歴', '2026-11-02'],
    ]);
  });

  test('order: 最新 rows first, then 履歴; each by 対象 newest first (an old month resubmitted late stays in its place), then by 提出日時 newest first', () => {
    const list = [
      s({ period: '2026-10', status: '履歴', submittedAt: '2026-11-01' }),
      s({ period: '2026-08', submittedAt: '2026-11-10' }),
      s({ period: '2026-09', submittedAt: '2026-10-04' }),
      s({ period: '2026-10', submittedAt: '2026-11-02' }),
      s({ kind: 'evaluation', period: '2026-10', submittedAt: '2026-11-02T10:00' }),
      s({ period: '2026-09', status: '履歴', submittedAt: '2026-10-02' }),
    ];
    const next = { kind: 'monthly-report', period: '2026-10', submittedAt: '2026-11-03', fingerprint: 'n', schemaVersion: 1, json: '{}' };
    expect(withSubmission(list, next).map((x) => [x.kind, x.period, x.status, x.submittedAt])).toEqual([
      ['monthly-report', '2026-10', '最新', '2026-11-03'],
      ['evaluation', '2026-10', '最新', '2026-11-02T10:00'],
      ['monthly-report', '2026-09', '最新', '2026-10-04'],
      ['monthly-report', '2026-08', '最新', '2026-11-10'],
      ['monthly-report', '2026-10', '履歴', '2026-11-02'],
      ['monthly-report', '2026-10', '履歴', '2026-11-01'],
      ['monthly-report', '2026-09', '履歴', '2026-10-02'],
    ]);
  });

  test('the first submission of all is the only row, 最新, with every field as given', () => {
    expect(withSubmission([], { kind: 'evaluation', period: '2025', submittedAt: 't', fingerprint: 'f', schemaVersion: 1, json: '{"e":1}' })).toEqual([
      { kind: 'evaluation', period: '2025', status: '最新', submittedAt: 't', fingerprint: 'f', schemaVersion: 1, json: '{"e":1}' },
    ]);
  });
});

describe('the current submission of a (種類, 対象)', () => {
  test('the 最新 row of that kind and period, not a 履歴 of it nor another kind’s or period’s', () => {
    const list = [
      s({ status: '履歴', fingerprint: 'old' }),
      s({ kind: 'evaluation', fingerprint: 'other-kind' }),
      s({ period: '2026-09', fingerprint: 'other-period' }),
      s({ fingerprint: 'target' }),
    ];
    expect(currentSubmission(list, 'monthly-report', '2026-10')?.fingerprint).toBe('target');
    expect(currentSubmission(list, 'monthly-report', '2026-08')).toBeUndefined();
    expect(currentSubmission([s({ status: '履歴' })], 'monthly-report', '2026-10')).toBeUndefined();
  });
});
