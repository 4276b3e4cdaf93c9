import type { Issue } from '../../src/domain/issues/issue';
import { ACTIVITY_COLUMNS, readActivities } from '../../src/domain/sheets/activities';
import { COMPLAINT_COLUMNS, isOpenOn, readComplaints } from '../../src/domain/sheets/complaints';
import { readMapping } from '../../src/domain/sheets/mapping';
import { defaultSettings, readSettings } from '../../src/domain/sheets/settings';
import { toTable } from '../../src/domain/sheets/table';
import { readWorkbook } from '../../src/domain/sheets/workbook-check';
import type { CellValue } from '../../src/domain/values/cell';
import { d, rawSheet } from '../helpers/tables';

const TODAY = '2026-11-20';
const settings = defaultSettings('本庄南');
const ACTIVITY_HEADER = ['実施日', '種類', '名称', '参加者数', '参加職種', '検討事例数', '把握した課題', '担当'];
const COMPLAINT_HEADER = ['受付日', '申出者', '内容区分', '対応', '対応完了日', '市への報告日', '内容メモ'];

function activities(rows: readonly (readonly CellValue[])[]) {
  const table = toTable(rawSheet('活動記録', [ACTIVITY_HEADER, ...rows]), ACTIVITY_COLUMNS);
  if (!table) throw new Error('no header');
  return readActivities(table, TODAY);
}

function complaints(rows: readonly (readonly CellValue[])[], days = 30) {
  const table = toTable(rawSheet('苦情記録', [COMPLAINT_HEADER, ...rows]), COMPLAINT_COLUMNS);
  if (!table) throw new Error('no header');
  return readComplaints(table, { ...settings, complaintDeadlineDays: days }, TODAY);
}

const brief = (issues: readonly Issue[]) => issues.map((i) => [i.cell, i.code, i.suggestion]);

describe('活動記録 counts with a note', () => {
  test('参加者数 「12名（うち住民8名）」 is 12, said, with no suggestion that would throw the note away', () => {
    const { activities: read, issues } = activities([[d('2026-10-14'), '介護予防教室・講座', '', '12名（うち住民8名）', '', '', '', '']]);
    expect(brief(issues)).toEqual([['D2', 'COUNT_NOTATION', undefined]]);
    expect(issues[0]?.message).toBe(
      '「参加者数」の「12名（うち住民8名）」は 12 と読みました（かっこの中は数に入れていません）。注記は備考などの別の列に書き、ここを数字だけにすると、数値として合計できます。',
    );
    expect(read.map((a) => a.participants)).toEqual([12]);
  });
});

describe('活動記録 words', () => {
  test('自立支援型地域ケア会議 is a 地域ケア個別会議', () => {
    const { activities: read, issues } = activities([[d('2026-10-14'), '自立支援型地域ケア会議', '', 12, '', 2, '', '']]);
    expect(brief(issues)).toEqual([['B2', 'CHOICE_VARIANT', '地域ケア個別会議']]);
    expect(read.map((a) => a.kind)).toEqual(['地域ケア個別会議']);
  });
});

describe('活動記録', () => {
  test('a meeting with its professions, cases and participants; 名称・課題・担当 are not part of the record', () => {
    const { activities: read, issues } = activities([
      [d('2026-10-14'), '地域ケア個別会議', '自立支援型個別会議（第7回）', 14, '医師、薬剤師、理学療法士,民生委員', 2, '独居高齢者の通院手段がない', '担当B'],
      [d('2026-10-20'), '介護予防教室・講座', '元気あっぷ教室', 23, '', '', '', ''],
    ]);
    expect(issues).toEqual([]);
    expect(read).toEqual([
      { row: 2, heldOn: '2026-10-14', kind: '地域ケア個別会議', participants: 14, professions: ['医師', '薬剤師', '理学療法士', '民生委員'], cases: 2 },
      { row: 3, heldOn: '2026-10-20', kind: '介護予防教室・講座', participants: 23, professions: [] },
    ]);
  });

  test('professions typed as variants: one warning for the cell with the whole cell in standard words; an unknown one is an error naming it', () => {
    const { activities: read, issues } = activities([
      [d('2026-10-14'), '個別会議', '', 9, 'Dr、歯科医，ケアマネ、ケアマネ', 1, '', ''],
      [d('2026-10-15'), '地域ケア個別会議', '', 8, '医師、占い師', 1, '', ''],
    ]);
    expect(brief(issues)).toEqual([
      ['B2', 'CHOICE_VARIANT', '地域ケア個別会議'],
      ['E2', 'CHOICE_VARIANT', '医師、歯科医師、介護支援専門員'],
      ['E3', 'CHOICE_UNKNOWN', undefined],
    ]);
    expect(issues[1]?.message).toBe(
      '「参加職種」の「Dr、歯科医，ケアマネ、ケアマネ」は「医師、歯科医師、介護支援専門員」のことと読みました。集計がそろうよう「医師、歯科医師、介護支援専門員」に統一してください。',
    );
    expect(issues[2]?.message).toContain('「参加職種」の「占い師」は選択肢にありません');
    expect(issues[2]?.offer).toMatchObject({ kind: 'value', column: '参加職種', local: '占い師' });
    expect(read.map((a) => a.professions)).toEqual([['医師', '歯科医師', '介護支援専門員'], ['医師']]);
  });

  test('a 地域ケア個別会議 without 検討事例数 is a warning; other kinds need none; counts and dates as everywhere', () => {
    const { issues } = activities([
      [d('2026-10-14'), '地域ケア個別会議', '', 9, '', '', '', ''],
      [d('2026-10-15'), '地域ケア推進会議', '', 30, '', '', '', ''],
      ['2026-12-01', '職員研修', '', '十人', '', '', '', ''],
      ['', '勉強会', '', 12, '', '-1', '', ''],
    ]);
    expect(issues.map((i) => [i.cell, i.code])).toEqual([
      ['F2', 'ACTIVITY_CASES_MISSING'],
      ['A4', 'DATE_FUTURE'],
      ['D4', 'COUNT_INVALID'],
      ['A5', 'REQUIRED'],
      ['B5', 'CHOICE_VARIANT'],
      ['F5', 'COUNT_INVALID'],
    ]);
    expect(issues[0]?.message).toBe('地域ケア個別会議の「検討事例数」が空です。検討した事例の数を入力してください（月報と事業評価で数えます）。');
    expect(issues[1]?.message).toBe('「実施日」の 2026-12-01 は今日（2026-11-20）より後の日付です。実施した日を入力してください。');
  });

  test('読み替え reaches the several-choice column too: a center word for a profession is read without a warning', () => {
    const mapping = readMapping(
      rawSheet('読み替え', [
        ['種類', '対象', 'この表での書き方', '標準'],
        ['値', '参加職種', '保健センター', '市職員'],
      ]),
      settings,
    );
    expect(mapping.issues).toEqual([]);
    const sheet = rawSheet('活動記録', [ACTIVITY_HEADER, [d('2026-10-14'), '地域ケア個別会議', '', 9, '医師、保健センター', 1, '', '']]);
    const reading = readWorkbook(new Map([['活動記録', sheet]]), readSettings(undefined, '本庄南'), TODAY, mapping);
    expect(reading.issues.filter((i) => i.sheet === '活動記録')).toEqual([]);
    expect(reading.activities[0]?.professions).toEqual(['医師', '市職員']);
  });
});

describe('苦情記録', () => {
  test('a complaint closed and reported; 対応 and 内容メモ are not part of the record', () => {
    const { complaints: read, issues } = complaints([
      [d('2026-10-01'), '家族', '職員の態度', '管理者が謝罪し面談', d('2026-10-05'), d('2026-10-02'), '電話口の言葉遣い'],
    ]);
    expect(brief(issues)).toEqual([['B2', 'CHOICE_VARIANT', '家族・親族']]);
    expect(read).toEqual([
      { row: 2, receivedOn: '2026-10-01', complainant: '家族・親族', category: '職員の態度', closedOn: '2026-10-05', reportedOn: '2026-10-02' },
    ]);
  });

  test('申出者 written as the relation (長女) or the office’s part (委託先) is read as its choice, as 相談者 is', () => {
    const { issues } = complaints([
      [d('2026-10-01'), '長女', '委託先', '説明', d('2026-10-05'), '', ''],
      [d('2026-10-02'), '息子', 'サービス事業所', '説明', d('2026-10-05'), '', ''],
    ]);
    expect(brief(issues)).toEqual([
      ['B2', 'CHOICE_VARIANT', '家族・親族'],
      ['C2', 'CHOICE_VARIANT', '委託先・サービス事業所'],
      ['B3', 'CHOICE_VARIANT', '家族・親族'],
      ['C3', 'CHOICE_VARIANT', '委託先・サービス事業所'],
    ]);
  });

  test('open longer than 苦情の対応期限日数 is a warning with the deadline; exactly at the deadline is not', () => {
    // Today 2026-11-20: received 10-20 is 31 days ago, 10-21 is 30.
    const { issues } = complaints([
      [d('2026-10-20'), '本人', 'センターの対応', '説明した', '', '', ''],
      [d('2026-10-21'), '本人', 'センターの対応', '説明した', '', '', ''],
      [d('2026-09-01'), '本人', 'センターの対応', '説明した', d('2026-11-01'), '', ''],
    ]);
    expect(brief(issues)).toEqual([['E2', 'COMPLAINT_OPEN_LONG', undefined]]);
    expect(issues[0]?.message).toBe(
      '受付から31日たっても「対応完了日」が空です（期限は30日、2026-11-19まで）。対応が済んでいれば完了日を、続いていれば経過を記録してください。',
    );
    expect(brief(complaints([[d('2026-10-20'), '本人', 'センターの対応', '説明した', '', '', '']], 31).issues)).toEqual([]);
  });

  test('対応中, 未完了 or 継続中 under 対応完了日: a warning that it is read as not closed, open past the deadline too, and nothing written over it', () => {
    const { complaints: read, issues } = complaints([
      [d('2026-11-10'), '本人', 'センターの対応', '説明した', '対応中', '', ''],
      [d('2026-10-01'), '本人', 'センターの対応', '説明した', ' 未完了 ', '', ''],
    ]);
    expect(brief(issues)).toEqual([
      ['E2', 'COMPLAINT_OPEN_WORD', undefined],
      ['E3', 'COMPLAINT_OPEN_WORD', undefined],
      ['E3', 'COMPLAINT_OPEN_LONG', undefined],
    ]);
    expect(issues[0]?.message).toBe(
      '「対応完了日」の「対応中」は、まだ完了していないことと読みました。完了したら、その日を日付で入れてください（それまでは空欄でも対応中として数え、期限を確かめます）。',
    );
    expect(issues[2]?.message).toBe(
      '受付から50日たっても「対応完了日」が「 未完了 」のままです（期限は30日、2026-10-31まで）。対応が済んでいれば完了日を、続いていれば経過を記録してください。',
    );
    expect(read.map((c) => [c.closedOn, isOpenOn(c, TODAY)])).toEqual([
      [undefined, true],
      [undefined, true],
    ]);
  });

  test('whose family a ledger says it is (利用者の家族, 本人の長男) is 家族・親族, for 申出者 as for 相談者', () => {
    const { complaints: read, issues } = complaints([
      [d('2026-10-02'), '利用者の家族', 'センターの対応', '説明', d('2026-10-05'), '', ''],
      [d('2026-10-02'), '本人の長男', 'センターの対応', '説明', d('2026-10-05'), '', ''],
    ]);
    expect(brief(issues)).toEqual([
      ['B2', 'CHOICE_VARIANT', '家族・親族'],
      ['B3', 'CHOICE_VARIANT', '家族・親族'],
    ]);
    expect(read.map((c) => c.complainant)).toEqual(['家族・親族', '家族・親族']);
  });

  test('対応完了日 or 市への報告日 before 受付日 is an error; 申出者, 内容区分 and 対応 are required', () => {
    const { issues } = complaints([
      [d('2026-10-10'), '事業所', '委託先', '事業所へ確認', d('2026-10-09'), d('2026-10-08'), ''],
      [d('2026-10-10'), '', 'クレーム', '', d('2026-10-11'), '', ''],
    ]);
    expect(issues.map((i) => [i.cell, i.code])).toEqual([
      ['C2', 'CHOICE_VARIANT'],
      ['E2', 'COMPLAINT_DATE_BEFORE_RECEIPT'],
      ['F2', 'COMPLAINT_DATE_BEFORE_RECEIPT'],
      ['B3', 'REQUIRED'],
      ['C3', 'CHOICE_UNKNOWN'],
      ['D3', 'REQUIRED'],
    ]);
    expect(issues[2]?.message).toBe('「市への報告日」の 2026-10-08 が受付日 2026-10-10 より前です。どちらかの日付を確かめてください。');
  });

  test('a 申出者 typed under 内容区分 is told as one', () => {
    const { issues } = complaints([[d('2026-10-10'), '本人', '家族', '説明した', d('2026-10-12'), '', '']]);
    expect(issues.map((i) => [i.cell, i.code, i.message])).toEqual([
      [
        'C2',
        'CHOICE_UNKNOWN',
        '「内容区分」の「家族」は選択肢にありません。「家族」は「申出者」の選択肢です。「内容区分」には「センターの対応」「職員の態度」「委託先・サービス事業所」「その他」のどれかを選んでください。センターの決まった言い方なら、「読み替え」シートに登録すると、その選択肢として読みます。',
      ],
    ]);
  });

  test('a complaint is open on a day when it was received by then and not yet closed', () => {
    const c = { row: 2, receivedOn: '2026-10-10', closedOn: '2026-10-31' };
    expect([isOpenOn(c, '2026-10-09'), isOpenOn(c, '2026-10-10'), isOpenOn(c, '2026-10-30'), isOpenOn(c, '2026-10-31')]).toEqual([false, true, true, false]);
    expect(isOpenOn({ row: 3, receivedOn: '2026-10-10' }, '2027-03-31')).toBe(true);
    expect(isOpenOn({ row: 4 }, '2026-10-31')).toBe(false);
  });

  test('苦情の対応期限日数 is a setting (default 30), read like the other day counts', () => {
    expect(defaultSettings('x').complaintDeadlineDays).toBe(30);
    const read = readSettings(
      rawSheet('設定', [
        ['項目', '値'],
        ['苦情の対応期限日数', '１４日'],
      ]),
      'x',
    );
    expect(read.settings.complaintDeadlineDays).toBe(14);
    const bad = readSettings(rawSheet('設定', [['苦情の対応期限日数', '二週間']]), 'x');
    expect(bad.issues.map((i) => i.message)).toEqual([
      '「苦情の対応期限日数」の値「二週間」は使えません。0〜365の整数（例: 30）を入力してください。今回は既定値で続けます。',
    ]);
  });
});

describe('活動記録 and 苦情記録: the edges of each rule', () => {
  test('活動記録: today is not the future; 種類 and 参加者数 are required, with what to write; 名称 and 課題 have a length', () => {
    const { issues } = activities([
      [d(TODAY), '職員研修', '', 5, '', '', '', ''],
      [d('2026-10-01'), '', 'x'.repeat(201), '', '', '', 'y'.repeat(20001), 'z'.repeat(201)],
    ]);
    expect(issues.map((i) => [i.cell, i.code, i.message])).toEqual([
      [
        'B3',
        'REQUIRED',
        '「種類」が空です。「地域ケア個別会議」「地域ケア推進会議」「介護支援専門員支援（事例検討会・勉強会・情報交換会）」「介護予防教室・講座」「認知症サポーター養成講座」「ネットワーク連絡会・地域の会議」「職員研修」「その他」のどれかを入力してください。',
      ],
      ['C3', 'TEXT_TOO_LONG', '「名称」が201文字あります。200文字以内にしてください。'],
      ['D3', 'REQUIRED', '「参加者数」が空です。参加した人数（例: 12）を入力してください。'],
      ['G3', 'TEXT_TOO_LONG', '「把握した課題」が20,001文字あります。20,000文字以内にしてください。'],
      ['H3', 'TEXT_TOO_LONG', '「担当」が201文字あります。200文字以内にしてください。'],
    ]);
  });

  test('活動記録: 検討事例数 unreadable is that error alone; a sheet without the column says to make it; 参加職種 and 検討事例数 say what to write', () => {
    const unreadable = activities([[d('2026-10-14'), '地域ケア個別会議', '', 9, '', '二件', '', '']]);
    expect(unreadable.issues.map((i) => [i.cell, i.code, i.message])).toEqual([
      ['F2', 'COUNT_INVALID', expect.stringContaining('「検討事例数」の「二件」は件数として読めません')],
    ]);
    const table = toTable(
      rawSheet('活動記録', [
        ['実施日', '種類', '参加者数'],
        [d('2026-10-14'), '地域ケア個別会議', 9],
      ]),
      ACTIVITY_COLUMNS,
    );
    if (!table) throw new Error('no header');
    expect(readActivities(table, TODAY).issues.map((i) => i.message)).toEqual([
      '地域ケア個別会議の行です。「検討事例数」の列を作り、検討した事例の数を入力してください（月報と事業評価で数えます）。',
    ]);
    const blank = activities([[d('2026-10-14'), '地域ケア個別会議', '', 9, '', '', '', '']]);
    expect(blank.activities[0]?.cases).toBeUndefined();
  });

  test('苦情記録: a future 受付日 is an error that says what to enter; today is not the future; 内容区分 and 対応 are required with what to write', () => {
    const { issues } = complaints([
      [d('2026-11-21'), '本人', 'その他', '説明した', '', '', ''],
      [d(TODAY), '本人', '', '', '', '', 'm'.repeat(20001)],
    ]);
    expect(issues.map((i) => [i.cell, i.code, i.message])).toEqual([
      ['A2', 'DATE_FUTURE', '「受付日」の 2026-11-21 は今日（2026-11-20）より後の日付です。苦情を受けた日を入力してください。'],
      ['C3', 'REQUIRED', '「内容区分」が空です。「センターの対応」「職員の態度」「委託先・サービス事業所」「その他」のどれかを入力してください。'],
      ['D3', 'REQUIRED', '「対応」が空です。どう対応したかを入力してください。'],
      ['G3', 'TEXT_TOO_LONG', '「内容メモ」が20,001文字あります。20,000文字以内にしてください。'],
    ]);
    expect(complaints([[d('2026-10-01'), '', 'その他', '説明した', d('2026-10-02'), '', '']]).issues[0]?.message).toBe(
      '「申出者」が空です。「本人」「家族・親族」「事業所」「地域住民」「その他」のどれかを入力してください。',
    );
  });

  test('苦情記録: closed or reported on the day it came is fine; an unreadable 受付日 or 対応完了日 gives no date rule; no 対応完了日 column, no deadline', () => {
    expect(complaints([[d('2026-10-01'), '本人', 'その他', '説明した', d('2026-10-01'), d('2026-10-01'), '']]).issues).toEqual([]);
    // 受付日 unreadable: only that (no comparison, no deadline).
    expect(complaints([['きのう', '本人', 'その他', '説明した', d('2026-09-01'), '', '']]).issues.map((i) => [i.cell, i.code])).toEqual([
      ['A2', 'DATE_INVALID'],
    ]);
    // 対応完了日 unreadable: that error, and the complaint is not taken as open.
    expect(complaints([[d('2026-09-01'), '本人', 'その他', '説明した', 'まだ', '', '']]).issues.map((i) => [i.cell, i.code])).toEqual([['E2', 'DATE_INVALID']]);
    const table = toTable(
      rawSheet('苦情記録', [
        ['受付日', '申出者', '内容区分', '対応'],
        [d('2026-01-05'), '本人', 'その他', '説明した'],
      ]),
      COMPLAINT_COLUMNS,
    );
    if (!table) throw new Error('no header');
    expect(readComplaints(table, settings, TODAY).issues).toEqual([]);
  });
});
