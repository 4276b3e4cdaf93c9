import ExcelJS from 'exceljs';
import { CONSULTATION_COLUMNS } from '../../src/domain/sheets/consultations';
import fc from 'fast-check';
import { xlsxPort } from '../../src/cli/xlsx-port';
import { consolidate, consolidationDocument } from '../../src/domain/reports/consolidation';
import { fingerprintOf } from '../../src/domain/reports/fingerprint';
import { newReceipts, readReceipts, receiptRow, replacedNote } from '../../src/domain/reports/receipts';
import { readPayload } from '../../src/domain/reports/submission';
import { mergeStored } from '../../src/domain/reports/submission-file';
import { type StoredSubmission, withSubmission } from '../../src/domain/reports/submission-store';
import { compareTimes, instantOf, isoJapanTime, isoTimeOf, japanTimeText, sameMinute, timeForPeople } from '../../src/domain/values/times';
import { statusSheet } from '../../src/workbook/city-layout';
import { composeEvaluation } from '../../src/workbook/evaluation-job';
import { composeReport } from '../../src/workbook/report-job';
import { sampleSubmission } from '../helpers/submissions';

/**
 * Issue #18 item 3: every time a person reads is Japan time in Japanese form (`2021/03/05 10:00`); JSON keeps ISO 8601
 * with an offset (`2021-03-05T10:00:00+09:00`); a time written by an earlier version (`…Z`, `2021-03-05 10:00`) still
 * reads, as the instant it is.
 */

/** 01:00 UTC on 5 March 2021: 10:00 in Japan (the demo's clock). */
const AT = new Date(Date.UTC(2021, 2, 5, 1, 0));

describe('the two forms', () => {
  test('for people and for JSON, hand-computed: +9:00, the day and the year turn at 15:00 UTC, seconds only in JSON', () => {
    expect(japanTimeText(AT)).toBe('2021/03/05 10:00');
    expect(isoJapanTime(AT)).toBe('2021-03-05T10:00:00+09:00');
    const newYear = new Date(Date.UTC(2025, 11, 31, 15, 5, 7, 999));
    expect(japanTimeText(newYear)).toBe('2026/01/01 00:05');
    expect(isoJapanTime(newYear)).toBe('2026-01-01T00:05:07+09:00');
    expect(isoJapanTime(new Date(Date.UTC(2025, 11, 31, 14, 59, 59)))).toBe('2025-12-31T23:59:59+09:00');
  });

  test('an invalid Date is an error, never a time written as NaN', () => {
    expect(() => isoJapanTime(new Date(Number.NaN))).toThrow(new RangeError('日時が正しくありません（Invalid Date）。'));
    expect(() => japanTimeText(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('reading a stored time back', () => {
  test.each([
    ['2021-03-05T01:00:00.000Z', 'before issue #18: UTC with milliseconds'],
    ['2021-03-05T01:00:00Z', 'UTC'],
    ['2021-03-05t01:00z', 'lower-case, no seconds'],
    ['2021-03-05T10:00:00+09:00', 'written now'],
    ['2021-03-05T10:00:00+0900', 'offset without a colon'],
    ['2021-03-05T10:00+09', 'offset in hours'],
    ['2021-03-04T20:00:00-05:00', 'another zone'],
    ['2021-03-05T06:30:00+05:30', 'an offset with minutes'],
    ['2021-03-04T21:30:00-03:30', 'a negative offset with minutes'],
    ['2021-03-06T00:59:00+23:59', 'the largest offset ISO 8601 writes'],
    ['2021-03-05T10:59:00+09:59', 'an offset of 59 minutes'],
    ['2021/03/05 10:00', 'for people, now'],
    ['2021-03-05 10:00', 'for people, before issue #18'],
    ['2021/3/5 10:00', 'for people, unpadded'],
    [' 2021/03/05 10:00 ', 'with spaces around'],
  ])('%s (%s) is 10:00 in Japan on 5 March 2021', (text) => {
    expect(instantOf(text)).toBe(AT.getTime());
    expect(timeForPeople(text)).toBe('2021/03/05 10:00');
    expect(isoTimeOf(text)).toBe('2021-03-05T10:00:00+09:00');
  });

  test.each([
    ['2021-03-05T01:00:00', 'no offset: no instant'],
    ['2021-03-05T01:00:00+24:00', 'an offset of 24 hours'],
    ['2021-03-05T01:00:00+09:60', 'an offset of 60 minutes'],
    ['2021-03-05T01:00:00+9:00', 'a one-digit offset'],
    ['2021-03-05T24:00:00Z', 'hour 24'],
    ['2021-03-05T23:60:00Z', 'minute 60'],
    ['2021-03-05T23:59:60Z', 'second 60'],
    ['2021-02-30T01:00:00Z', 'no such day'],
    ['2021-3-05T01:00:00Z', 'a one-digit month'],
    ['2021-03-05T1:00:00Z', 'a one-digit hour'],
    ['2021-03-05_01:00:00Z', 'neither T nor a space between day and time'],
    ['2021-03-05T01:00:00.Z', 'a point without a fraction'],
    ['x2021-03-05T01:00:00Z', 'text before'],
    ['2021-03-05T01:00:00Zx', 'text after'],
    ['2021/03-05 10:00', 'two kinds of separator'],
    ['21/03/05 10:00', 'a two-digit year'],
    ['2021/03/05 10:0', 'a one-digit minute'],
    ['2021/03/05  10:00', 'two spaces'],
    ['2021/13/05 10:00', 'month 13'],
    ['2021/03/05 24:00', 'hour 24, for people'],
    ['2021/03/05 10:00 頃', 'words after'],
    ['', 'nothing'],
  ])('%s (%s) is not a time: shown as it is, never moved nine hours', (text) => {
    expect(instantOf(text)).toBeUndefined();
    expect(timeForPeople(text)).toBe(text);
    expect(isoTimeOf(text)).toBe(text);
  });

  test('the fraction of a second is read digit by digit', () => {
    expect(instantOf('2021-03-05T01:00:00.29Z')).toBe(AT.getTime() + 290);
    expect(instantOf('2021-03-05T01:00:00,5Z')).toBe(AT.getTime() + 500);
    expect(instantOf('2021-03-05T01:00:00.123456Z')).toBe(AT.getTime() + 123);
  });

  test.each([
    '',
    'later',
    '2021-03-05',
    '2021-03-05T10:00:00', // no offset: no instant
    '2021-02-30T10:00:00+09:00',
    '2021-03-05T24:00:00+09:00',
    '2021-03-05T10:60:00+09:00',
    '2021-03-05T10:00:60+09:00',
    '2021-03-05T10:00:00+24:00',
    '2021-03-05T10:00:00+09:60',
    '2021/13/05 10:00',
    '2021/03/05 10:00:00',
    '2021/03-05 10:00',
  ])('「%s」 is not a time: it is shown and given as it is', (text) => {
    expect(instantOf(text)).toBeUndefined();
    expect(timeForPeople(text)).toBe(text);
    expect(isoTimeOf(text)).toBe(text);
  });

  test('any instant from 1952 to 9999 goes through both forms and back', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1952, 0, 1), max: Date.UTC(9999, 11, 31, 14, 59, 59) }), (t) => {
        const date = new Date(t);
        // Down to the whole second and minute, also before 1970 (where `%` would round towards zero).
        expect(instantOf(isoJapanTime(date))).toBe(Math.floor(t / 1000) * 1000);
        expect(instantOf(japanTimeText(date))).toBe(Math.floor(t / 60_000) * 60_000);
        expect(timeForPeople(isoJapanTime(date))).toBe(japanTimeText(date));
        expect(timeForPeople(date.toISOString())).toBe(japanTimeText(date));
      }),
    );
  });
});

describe('comparing stored times', () => {
  test('as instants, whatever the offset: 01:30 UTC is later than 10:00 in Japan, though its text sorts first', () => {
    expect(compareTimes('2021-03-05T01:30:00.000Z', '2021-03-05T10:00:00+09:00')).toBeGreaterThan(0);
    expect(compareTimes('2021-03-05T10:00:00+09:00', '2021-03-05T01:30:00.000Z')).toBeLessThan(0);
    expect(compareTimes('2021-03-05T01:00:00.000Z', '2021-03-05T10:00:00+09:00')).toBe(0);
    expect(compareTimes('2021-03-05 10:00', '2021/03/05 10:01')).toBeLessThan(0);
  });

  test('a time beside text that is not one: ordered as text, never as a number beside nothing', () => {
    expect(Math.sign(compareTimes('2021-03-05T10:00:00+09:00', 'まだ'))).toBe(-1);
    expect(Math.sign(compareTimes('まだ', '2021-03-05T10:00:00+09:00'))).toBe(1);
    expect(compareTimes('2021-03-05T01:00:00.000Z', '2021/03/05 10:00')).toBe(0);
  });

  test('text that is not a time is ordered as text, as before', () => {
    expect(compareTimes('2026-11-02', '2026-11-03')).toBeLessThan(0);
    expect(compareTimes('b', 'a')).toBeGreaterThan(0);
    expect(compareTimes('a', 'a')).toBe(0);
  });

  test('to the minute, for a time kept for people', () => {
    expect(sameMinute('2021/03/05 10:00', '2021-03-05T01:00:59.999Z')).toBe(true);
    expect(sameMinute('2021-03-05 10:00', '2021-03-05T10:00:30+09:00')).toBe(true);
    expect(sameMinute('2021/03/05 10:00', '2021-03-05T01:01:00Z')).toBe(false);
    expect(sameMinute('S1', 'S1')).toBe(true);
    expect(sameMinute('S1', 'S2')).toBe(false);
  });
});

const row = (over: Partial<StoredSubmission>): StoredSubmission => ({
  kind: 'monthly-report',
  period: '2021-02',
  status: '最新',
  submittedAt: '',
  fingerprint: 'f',
  schemaVersion: 1,
  json: '{}',
  ...over,
});

describe('a payload written before issue #18 (`Z`) beside one written since (+09:00)', () => {
  test('moving an old _提出データ in: the later instant stays 最新, though its text sorts first', () => {
    const old = row({ submittedAt: '2021-03-05T01:30:00.000Z', fingerprint: 'old', json: '{"a":1}' });
    const now = row({ submittedAt: '2021-03-05T10:00:00+09:00', fingerprint: 'new', json: '{"a":2}' });
    const merged = mergeStored([now], [old]);
    expect(merged.map((s) => [s.fingerprint, s.status])).toEqual([
      ['new', '履歴'],
      ['old', '最新'],
    ]);
  });

  test('履歴 rows of a month are ordered newest first as instants', () => {
    const list = [
      row({ status: '履歴', submittedAt: '2021-03-05T01:30:00.000Z', fingerprint: 'a' }),
      row({ status: '履歴', submittedAt: '2021-03-05T10:00:00+09:00', fingerprint: 'b' }),
    ];
    const next = withSubmission(list, { ...row({ submittedAt: '2021-03-06T10:00:00+09:00', fingerprint: 'c' }) });
    expect(next.map((s) => s.fingerprint)).toEqual(['c', 'a', 'b']);
  });

  test('the payload still reads, with the same fingerprint as the same data written now', () => {
    const old = sampleSubmission(0, '2021-02');
    expect(old.submittedAt).toBe('2021-03-05T01:00:00.000Z');
    expect(readPayload(JSON.stringify(old)).kind).toBe('ok');
    const now = { ...old, generatedAt: isoJapanTime(AT), submittedAt: isoJapanTime(AT) };
    expect(fingerprintOf(now)).toBe(old.fingerprint);
    expect(readPayload(JSON.stringify(now)).kind).toBe('ok');
  });
});

describe('where a time reaches a person, or JSON', () => {
  const old = sampleSubmission(0, '2021-02');
  const place = { municipality: '本庄市', municipalityOrder: [], threshold: 0.8 };
  const consolidation = consolidate('2021-02', undefined, [{ name: '本庄西', status: 'submitted', submission: old }], place);

  test('提出状況: the `Z` of an older payload is shown as Japan time, not nine hours off', () => {
    const values = statusSheet(consolidation).blocks.flatMap((b) => b.values);
    const header = values.find((r) => r[0] === 'センター') ?? [];
    const center = values.find((r) => r[0] === '本庄西') ?? [];
    expect(center[header.indexOf('提出日時')]).toBe('2021/03/05 10:00');
  });

  test('the consolidation JSON gives submittedAt with +09:00', () => {
    const doc = consolidationDocument(consolidation) as { centers: { submittedAt: string }[] };
    expect(doc.centers[0]?.submittedAt).toBe('2021-03-05T10:00:00+09:00');
  });

  test('_受領記録 shows both times for people, and a receipt read back still matches the payload it records', () => {
    const stored = row({ submittedAt: old.submittedAt ?? '', fingerprint: old.fingerprint, json: JSON.stringify(old) });
    const [receipt] = newReceipts([], '本庄西', [stored], '2021/03/05 19:00');
    if (!receipt) throw new Error('no receipt');
    const written = receiptRow(receipt);
    expect(written.slice(3, 6)).toEqual(['2021/03/05 10:00', old.fingerprint, '2021/03/05 19:00']);
    // Read back from the sheet, to the minute: the same payload is not received twice.
    expect(newReceipts(readReceipts([written]), '本庄西', [stored], 'later')).toEqual([]);
    // A receipt an earlier version wrote (`Z`, and 受領日時 with hyphens) matches too.
    const before = readReceipts([['本庄西', 'monthly-report', '2021-02', old.submittedAt ?? '', old.fingerprint, '2021-03-05 19:00', '{}']]);
    expect(newReceipts(before, '本庄西', [stored], 'later')).toEqual([]);
    // Its times read in Japanese form in the 再提出 note of 提出状況.
    expect(replacedNote(before, '本庄西', { ...stored, fingerprint: 'other' })).toMatch(
      /^再提出: 2021\/03\/05 19:00 に受け取った提出（2021\/03\/05 10:00、指紋 /,
    );
  });

  test('the payloads the jobs make (月報, 事業評価) carry their times with +09:00', () => {
    const book = new ExcelJS.Workbook();
    // A 相談記録 with its header: without one there is no 月報 to make (its counts would all be 0).
    book.addWorksheet('相談記録').addRow(CONSULTATION_COLUMNS.map((c) => c.header));
    const built = composeReport(xlsxPort(book, '本庄西'), '2021-02', AT, AT);
    expect(built.submission.generatedAt).toBe('2021-03-05T10:00:00+09:00');
    expect(built.submission.submittedAt).toBe('2021-03-05T10:00:00+09:00');
    const evaluation = composeEvaluation(built.reading, '2020', AT);
    expect([evaluation.generatedAt, evaluation.submittedAt]).toEqual(['2021-03-05T10:00:00+09:00', '2021-03-05T10:00:00+09:00']);
  });
});
