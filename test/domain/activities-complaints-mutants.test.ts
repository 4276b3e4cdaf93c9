import type { Issue } from '../../src/domain/issues/issue';
import { ACTIVITY_COLUMNS, readActivities } from '../../src/domain/sheets/activities';
import { COMPLAINT_COLUMNS, isOpenOn, readComplaints } from '../../src/domain/sheets/complaints';
import { defaultSettings } from '../../src/domain/sheets/settings';
import { toTable } from '../../src/domain/sheets/table';
import type { CellValue } from '../../src/domain/values/cell';
import { d, rawSheet } from '../helpers/tables';

const TODAY = '2026-11-20';
const settings = defaultSettings('本庄南');
const ACTIVITY_HEADER = ['実施日', '種類', '名称', '参加者数', '参加職種', '検討事例数', '把握した課題', '担当'];
const COMPLAINT_HEADER = ['受付日', '申出者', '内容区分', '対応', '対応完了日', '市への報告日', '内容メモ'];

function activityIssues(rows: readonly (readonly CellValue[])[], header: readonly string[] = ACTIVITY_HEADER): Issue[] {
  const table = toTable(rawSheet('活動記録', [header, ...rows]), ACTIVITY_COLUMNS);
  if (!table) throw new Error('no header');
  return readActivities(table, TODAY).issues;
}

function complaintIssues(rows: readonly (readonly CellValue[])[], header: readonly string[] = COMPLAINT_HEADER): Issue[] {
  const table = toTable(rawSheet('苦情記録', [header, ...rows]), COMPLAINT_COLUMNS);
  if (!table) throw new Error('no header');
  return readComplaints(table, { ...settings, complaintDeadlineDays: 30 }, TODAY).issues;
}

const full = (issues: readonly Issue[]): [string, string, string][] => issues.map((i) => [i.cell, i.code, i.message]);
const brief = (issues: readonly Issue[]): [string, string][] => issues.map((i) => [i.cell, i.code]);
const errorValue = (title: string, hint: string): string =>
  `「${title}」がエラー値「#REF!」になっています（数式の参照先が消えたなど）。${hint}を値で入力し直してください。`;

/** A 職員研修 row with nothing wrong; `over` replaces cells by header. */
function activity(over: Record<string, CellValue> = {}): CellValue[] {
  const base: Record<string, CellValue> = {
    実施日: d('2026-10-14'),
    種類: '職員研修',
    名称: '研修',
    参加者数: 9,
    参加職種: '',
    検討事例数: '',
    把握した課題: '',
    担当: '担当B',
  };
  const merged = { ...base, ...over };
  return ACTIVITY_HEADER.map((h) => merged[h] ?? null);
}

/** A complaint closed the day it came; `over` replaces cells by header. */
function complaint(over: Record<string, CellValue> = {}): CellValue[] {
  const base: Record<string, CellValue> = {
    受付日: d('2026-10-01'),
    申出者: '本人',
    内容区分: 'センターの対応',
    対応: '電話で説明した',
    対応完了日: d('2026-10-01'),
    市への報告日: d('2026-10-01'),
    内容メモ: '',
  };
  const merged = { ...base, ...over };
  return COMPLAINT_HEADER.map((h) => merged[h] ?? null);
}

describe('活動記録: 実施日 in the future', () => {
  test('held today is fine', () => {
    expect(activityIssues([activity({ 実施日: d(TODAY) })])).toEqual([]);
  });

  test('held tomorrow is an error asking for the day it was held', () => {
    expect(full(activityIssues([activity({ 実施日: d('2026-11-21') })]))).toEqual([
      ['A2', 'DATE_FUTURE', '「実施日」の 2026-11-21 は今日（2026-11-20）より後の日付です。実施した日を入力してください。'],
    ]);
  });
});

describe('活動記録: what each column asks for when its cell is an error value', () => {
  test.each([
    ['名称', 'C2', '名称'],
    [
      '参加職種',
      'E2',
      '「医師」「歯科医師」「薬剤師」「管理栄養士」「歯科衛生士」「理学療法士」「作業療法士」「言語聴覚士」「看護師」「介護支援専門員」「介護サービス事業所」「民生委員」「生活支援コーディネーター」「市職員」「住民」「その他」から、「、」区切りで',
    ],
    ['検討事例数', 'F2', '検討した事例の数（例: 2）'],
    ['把握した課題', 'G2', '文字'],
    ['担当', 'H2', '文字'],
  ])('%s', (title, cell, hint) => {
    expect(full(activityIssues([activity({ [title]: '#REF!' })]))).toEqual([[cell, 'CELL_ERROR', errorValue(title, hint)]]);
  });
});

describe('活動記録: 検討事例数 of a 地域ケア個別会議', () => {
  test('other kinds need no 検討事例数', () => {
    expect(activityIssues([activity({ 種類: '地域ケア推進会議', 検討事例数: '' })])).toEqual([]);
  });

  test('a 地域ケア個別会議 with its cases is fine', () => {
    expect(activityIssues([activity({ 種類: '地域ケア個別会議', 検討事例数: 2 })])).toEqual([]);
  });

  test('a 地域ケア個別会議 whose 検討事例数 is an error value is that error only', () => {
    expect(brief(activityIssues([activity({ 種類: '地域ケア個別会議', 検討事例数: '#REF!' })]))).toEqual([['F2', 'CELL_ERROR']]);
  });
});

describe('苦情記録: 受付日', () => {
  test('a blank 受付日 is required', () => {
    expect(full(complaintIssues([complaint({ 受付日: null })]))).toEqual([
      ['A2', 'REQUIRED', '「受付日」が空です。日付（例: 2026-10-03）を入力してください。'],
    ]);
  });

  test('received today is fine', () => {
    expect(complaintIssues([complaint({ 受付日: d(TODAY), 対応完了日: d(TODAY), 市への報告日: d(TODAY) })])).toEqual([]);
  });

  test('received tomorrow is an error asking for the day the complaint came', () => {
    const issues = complaintIssues([complaint({ 受付日: d('2026-11-21'), 対応完了日: d('2026-11-21'), 市への報告日: d('2026-11-21') })]);
    expect(full(issues)).toEqual([['A2', 'DATE_FUTURE', '「受付日」の 2026-11-21 は今日（2026-11-20）より後の日付です。苦情を受けた日を入力してください。']]);
  });
});

describe('苦情記録: what each column asks for when its cell is an error value', () => {
  test.each([
    ['対応完了日', 'E2', '日付（例: 2026-10-03）'],
    ['市への報告日', 'F2', '日付（例: 2026-10-03）'],
    ['内容メモ', 'G2', '文字'],
  ])('%s', (title, cell, hint) => {
    // Closed in time, so an error value in 対応完了日 says nothing more.
    const issues = complaintIssues([complaint({ 受付日: d('2026-11-01'), 対応完了日: d('2026-11-02'), 市への報告日: d('2026-11-02'), [title]: '#REF!' })]);
    expect(full(issues)).toEqual([[cell, 'CELL_ERROR', errorValue(title, hint)]]);
  });

  test('対応完了日 and 市への報告日 written without a year take it from today', () => {
    const issues = complaintIssues([complaint({ 受付日: d('2026-11-01'), 対応完了日: '11/2', 市への報告日: '11/3' })]);
    expect(issues.map((i) => [i.cell, i.code, i.suggestion])).toEqual([
      ['E2', 'DATE_NO_YEAR', '2026-11-02'],
      ['F2', 'DATE_NO_YEAR', '2026-11-03'],
    ]);
  });
});

describe('苦情記録: dates after 受付日, and complaints left open', () => {
  test('closed and reported on the day of receipt is fine', () => {
    expect(complaintIssues([complaint()])).toEqual([]);
  });

  test('a 対応完了日 the day before 受付日 is an error', () => {
    expect(brief(complaintIssues([complaint({ 対応完了日: d('2026-09-30') })]))).toEqual([['E2', 'COMPLAINT_DATE_BEFORE_RECEIPT']]);
  });

  test('without a 対応完了日 column an old complaint is not called open', () => {
    const header = COMPLAINT_HEADER.filter((h) => h !== '対応完了日');
    const row = complaint({ 受付日: d('2026-01-05'), 市への報告日: d('2026-01-05') }).filter((_, i) => COMPLAINT_HEADER[i] !== '対応完了日');
    expect(complaintIssues([row], header)).toEqual([]);
  });

  test('an old complaint whose 対応完了日 is an error value is that error only', () => {
    expect(brief(complaintIssues([complaint({ 受付日: d('2026-01-05'), 対応完了日: '#REF!', 市への報告日: d('2026-01-05') })]))).toEqual([
      ['E2', 'CELL_ERROR'],
    ]);
  });

  test('an old complaint with a blank 対応完了日 is open too long', () => {
    expect(brief(complaintIssues([complaint({ 受付日: d('2026-01-05'), 対応完了日: null, 市への報告日: d('2026-01-05') })]))).toEqual([
      ['E2', 'COMPLAINT_OPEN_LONG'],
    ]);
  });
});

describe('isOpenOn: a complaint still open at the end of a day', () => {
  test('open from the day it is received, not before', () => {
    expect(isOpenOn({ row: 2, receivedOn: '2026-10-02' }, '2026-10-01')).toBe(false);
    expect(isOpenOn({ row: 2, receivedOn: '2026-10-02' }, '2026-10-02')).toBe(true);
  });

  test('closed on a day: no longer open at its end; open the day before', () => {
    expect(isOpenOn({ row: 2, receivedOn: '2026-10-01', closedOn: '2026-10-05' }, '2026-10-05')).toBe(false);
    expect(isOpenOn({ row: 2, receivedOn: '2026-10-01', closedOn: '2026-10-05' }, '2026-10-04')).toBe(true);
  });

  test('a complaint without a readable 受付日 is never open', () => {
    expect(isOpenOn({ row: 2 }, '2026-10-05')).toBe(false);
  });
});
