import { newReceipts, readReceipts, type Receipt, receiptRow, replacedNote } from '../../src/domain/reports/receipts';
import type { StoredSubmission } from '../../src/domain/reports/submission-store';

/**
 * The city's `_受領記録` (SPEC §4.2): what it read from each center, so a payload replaced later never goes
 * unnoticed. Expectations are written out by hand; everything is built inside the tests (Stryker's per-test
 * coverage sees only code a test runs).
 */

const FP_A = 'aaaaaaaaaaaa1111111111111111111111111111111111111111111111111111';
const FP_B = 'bbbbbbbbbbbb2222222222222222222222222222222222222222222222222222';
const FP_C = 'cccccccccccc3333333333333333333333333333333333333333333333333333';

const receipt = (over: Partial<Receipt> = {}): Receipt => ({
  center: '本庄西',
  kind: 'monthly-report',
  period: '2026-10',
  submittedAt: '2026-11-02T09:00:00.000Z',
  fingerprint: FP_A,
  receivedAt: '2026-11-03T10:00:00.000Z',
  json: '{"n":1}',
  ...over,
});

const stored = (over: Partial<StoredSubmission> = {}): StoredSubmission => ({
  kind: 'monthly-report',
  period: '2026-10',
  status: '最新',
  submittedAt: '2026-11-02T09:00:00.000Z',
  fingerprint: FP_A,
  schemaVersion: 1,
  json: '{"n":1}',
  ...over,
});

describe('reading _受領記録', () => {
  test('row 1 is skipped when it is the header; every column of a receipt is read, 本文 joined over its cells', () => {
    const rows = [
      ['センター', '種類', '対象', '提出日時', '指紋', '受領日時', '本文'],
      ['本庄西', 'monthly-report', '2026-10', '2026-11-02T09:00', FP_A, '2026-11-03T10:00', '{"a":', '"長い"', '}'],
    ];
    expect(readReceipts(rows)).toEqual([
      {
        center: '本庄西',
        kind: 'monthly-report',
        period: '2026-10',
        submittedAt: '2026-11-02T09:00',
        fingerprint: FP_A,
        receivedAt: '2026-11-03T10:00',
        json: '{"a":"長い"}',
      },
    ]);
  });

  test('without a header, row 1 is a receipt like any other', () => {
    const rows = [
      ['本庄西', 'monthly-report', '2026-10', 't1', FP_A, 'r1', '{}'],
      ['本庄東', 'evaluation', '2025', 't2', FP_B, 'r2', '[]'],
    ];
    expect(readReceipts(rows).map((r) => [r.center, r.kind, r.period, r.json])).toEqual([
      ['本庄西', 'monthly-report', '2026-10', '{}'],
      ['本庄東', 'evaluation', '2025', '[]'],
    ]);
  });

  test('only row 1 can be the header: a later row whose センター reads 「センター」 is kept', () => {
    const rows = [
      ['センター', '種類', '対象', '提出日時', '指紋', '受領日時', '本文'],
      ['本庄西', 'monthly-report', '2026-10', 't1', FP_A, 'r1', '{}'],
      ['センター', 'monthly-report', '2026-09', 't0', FP_B, 'r0', '{}'],
    ];
    expect(readReceipts(rows).map((r) => [r.center, r.period])).toEqual([
      ['本庄西', '2026-10'],
      ['センター', '2026-09'],
    ]);
  });

  test('rows with no センター are skipped (blank rows between receipts, a row of nulls)', () => {
    const rows = [
      ['センター', '種類', '対象', '提出日時', '指紋', '受領日時', '本文'],
      ['', '', '', '', '', '', ''],
      ['本庄西', 'monthly-report', '2026-10', 't1', FP_A, 'r1', '{}'],
      [null, 'monthly-report', '2026-09', 't0', FP_B, 'r0', '{}'],
      [],
    ];
    expect(readReceipts(rows).map((r) => r.center)).toEqual(['本庄西']);
    expect(readReceipts([])).toEqual([]);
  });

  test('a receipt with no 本文 cells reads as an empty 本文', () => {
    expect(readReceipts([['本庄西', 'monthly-report', '2026-10', 't1', FP_A, 'r1']])[0]?.json).toBe('');
  });
});

describe('writing a receipt row', () => {
  test('the columns in the header’s order, then 本文', () => {
    // Both times for people, in Japan time (issue #18): 09:00 UTC is 18:00 in Japan.
    expect(receiptRow(receipt())).toEqual(['本庄西', 'monthly-report', '2026-10', '2026/11/02 18:00', FP_A, '2026/11/03 19:00', '{"n":1}']);
    expect(receiptRow(receipt({ json: '' }))).toEqual(['本庄西', 'monthly-report', '2026-10', '2026/11/02 18:00', FP_A, '2026/11/03 19:00', '']);
  });

  test('a 本文 longer than one cell holds is split over the cells to its right and reads back whole', () => {
    const json = `"${'あ'.repeat(30000)}"`; // 30,002 characters: one full cell and two left over
    const row = receiptRow(receipt({ json }));
    expect(row).toHaveLength(8);
    expect(row.slice(0, 6)).toEqual(['本庄西', 'monthly-report', '2026-10', '2026/11/02 18:00', FP_A, '2026/11/03 19:00']);
    expect(row[6]).toBe(`"${'あ'.repeat(29999)}`);
    expect(row[7]).toBe('あ"');
    expect(readReceipts([row])).toEqual([receipt({ json, submittedAt: '2026/11/02 18:00', receivedAt: '2026/11/03 19:00' })]);
  });
});

describe('which payloads are new receipts', () => {
  test('nothing on record: every payload read is a receipt, stamped with the center and the time it was received', () => {
    const read = [stored(), stored({ kind: 'evaluation', period: '2025', fingerprint: FP_B, submittedAt: '2026-05-01T00:00:00.000Z', json: '{"e":1}' })];
    expect(newReceipts([], '本庄西', read, '2026-11-03T10:00:00.000Z')).toEqual([
      {
        center: '本庄西',
        kind: 'monthly-report',
        period: '2026-10',
        submittedAt: '2026-11-02T09:00:00.000Z',
        fingerprint: FP_A,
        receivedAt: '2026-11-03T10:00:00.000Z',
        json: '{"n":1}',
      },
      {
        center: '本庄西',
        kind: 'evaluation',
        period: '2025',
        submittedAt: '2026-05-01T00:00:00.000Z',
        fingerprint: FP_B,
        receivedAt: '2026-11-03T10:00:00.000Z',
        json: '{"e":1}',
      },
    ]);
    expect(newReceipts([], '本庄西', [], 'now')).toEqual([]);
  });

  test('a payload already on record (among others) is not recorded again, whatever its 最新/履歴 status', () => {
    const onRecord = [receipt({ center: '本庄東' }), receipt(), receipt({ period: '2026-09' })];
    expect(newReceipts(onRecord, '本庄西', [stored(), stored({ status: '履歴' })], 'later')).toEqual([]);
  });

  test.each([
    ['another center', { center: '本庄東' }],
    ['another kind', { kind: 'evaluation' }],
    ['another period', { period: '2026-09' }],
    ['another fingerprint', { fingerprint: FP_B }],
    ['another submission time', { submittedAt: '2026-11-01T09:00:00.000Z' }],
  ])('a receipt that differs only by %s does not cover the payload', (_, over) => {
    const added = newReceipts([receipt(over)], '本庄西', [stored()], 'later');
    expect(added).toEqual([{ ...receipt(), receivedAt: 'later' }]);
  });

  test('the same payload read twice at once gives one receipt', () => {
    expect(newReceipts([], '本庄西', [stored(), stored({ status: '履歴' })], 'now').map((r) => [r.center, r.fingerprint, r.receivedAt])).toEqual([
      ['本庄西', FP_A, 'now'],
    ]);
  });
});

describe('the note on a replaced submission', () => {
  test('nothing received before, or only this very payload: no note', () => {
    expect(replacedNote([], '本庄西', stored())).toBeUndefined();
    expect(replacedNote([receipt()], '本庄西', stored())).toBeUndefined();
  });

  test('names the last different payload of the same center, kind and period, with a 12-character fingerprint', () => {
    const receipts = [
      receipt({ fingerprint: FP_B, receivedAt: 'R1', submittedAt: 'S1' }),
      receipt({ fingerprint: FP_C, receivedAt: 'R2', submittedAt: 'S2' }),
      receipt({ fingerprint: FP_A, receivedAt: 'R3', submittedAt: 'S3' }), // the payload read now, received before
      receipt({ center: '本庄東', fingerprint: FP_B, receivedAt: 'R4' }),
      receipt({ kind: 'evaluation', fingerprint: FP_B, receivedAt: 'R5' }),
      receipt({ period: '2026-09', fingerprint: FP_B, receivedAt: 'R6' }),
    ];
    expect(replacedNote(receipts, '本庄西', stored())).toBe(
      '再提出: R2 に受け取った提出（S2、指紋 cccccccccccc…）と内容が違います。前の提出は「_受領記録」に残っています。',
    );
  });

  test('another center’s, kind’s or period’s receipts never make a note', () => {
    const receipts = [
      receipt({ center: '本庄東', fingerprint: FP_B }),
      receipt({ kind: 'evaluation', fingerprint: FP_B }),
      receipt({ period: '2026-09', fingerprint: FP_B }),
    ];
    expect(replacedNote(receipts, '本庄西', stored())).toBeUndefined();
  });
});
