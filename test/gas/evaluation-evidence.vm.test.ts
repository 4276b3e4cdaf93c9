import { join } from 'node:path';
import { createGasEnvironment, loadBundle, runFunction, sheetFromRows } from '../fakes/gas-globals';
import { consultations, CONSULTATION_HEADER, jst } from '../helpers/center';
import { submissionFileOf } from '../helpers/submission-file';

/**
 * Issue 19 item 5 through the bundle on the Sheets fake: 入力チェック holds 事業評価's はい against 活動記録, and
 * 「市へ提出」 writes the year's evidence beside the answers in the 提出用ファイル's 事業評価_YYYY (counts only).
 */
const ROOT = join(__dirname, '..', '..');
const TITLE = '秘密の会議名（山田さん宅の件）';
const FINDING = '秘密の課題：○○町の独居男性の通院手段';

function center() {
  const env = createGasEnvironment({ htmlDir: join(ROOT, 'build') });
  sheetFromRows(env.spreadsheet, '設定', [
    ['項目', '値'],
    ['センター名', '本庄南'],
    ['提出先メールアドレス', 'kaigo@city.example.jp'],
  ]);
  sheetFromRows(env.spreadsheet, '相談記録', [CONSULTATION_HEADER, ...consultations(5)]);
  sheetFromRows(env.spreadsheet, '活動記録', [
    ['実施日', '種類', '名称', '参加者数', '参加職種', '検討事例数', '把握した課題', '担当'],
    [jst('2025-05-20'), '地域ケア個別会議', TITLE, 10, '医師、理学療法士', 2, FINDING, '担当A'],
    [jst('2026-03-31'), '地域ケア個別会議', '第2回', 12, '医師、薬剤師', 1, '', '担当A'],
    // 2026年度: no evidence for 2025.
    [jst('2026-04-01'), '介護予防教室・講座', '元気あっぷ教室', 30, '', '', '', '担当B'],
  ]);
  sheetFromRows(env.spreadsheet, '事業評価', [
    ['年度', '番号', '分類', '指標', '回答', '根拠・備考'],
    ['2025', '5-1', '地域ケア会議', '地域ケア個別会議を開いているか', 'はい', ''],
    ['2025', '5-2', '地域ケア会議', '地域ケア個別会議に医師・歯科医師・薬剤師が参加しているか', 'はい', ''],
    ['2025', '7-1', '事業間連携', '介護予防教室を開いているか', 'はい', ''],
    ['2025', '1-1', '組織運営体制等', '3職種を配置しているか', 'はい', ''],
  ]);
  const context = loadBundle(join(ROOT, 'build', 'Code.js'), env);
  return { env, context };
}

describe('事業評価 beside the center’s 活動記録', () => {
  test('入力チェック: each はい the year shows none of is a warning with the figure, on its 回答 cell', () => {
    const { env, context } = center();
    runFunction(context, 'menuInputCheck');
    const html = env.ui.lastSidebar()?.getContent() ?? '';
    const data = JSON.parse(/id="houkatsu-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '{}') as {
      issues: { sheet: string; cell: string; code: string; message: string }[];
    };
    expect(data.issues.filter((i) => i.code === 'EVALUATION_YES_WITHOUT_RECORD').map((i) => [i.sheet, i.cell, i.message])).toEqual([
      [
        '事業評価',
        'E3',
        '指標 5-2 は「はい」ですが、2025年度の活動記録に地域ケア個別会議への歯科医師の参加が 0 回です。記録を確かめるか、回答を見直してください。',
      ],
      ['事業評価', 'E4', '指標 7-1 は「はい」ですが、2025年度の活動記録に介護予防教室・講座の開催が 0 回です。記録を確かめるか、回答を見直してください。'],
    ]);
  });

  test('市へ提出: 事業評価_2025 in the 提出用ファイル has 「記録から（2025年度）」 beside each answer, and no 名称 or 課題', () => {
    const { env, context } = center();
    // The month, its receipt, then the year's evaluation offered and its receipt.
    env.ui.answer({ button: 'OK', text: '2026-10' }, 'OK', 'YES', 'OK');
    runFunction(context, 'menuSubmitReport');
    const file = submissionFileOf(env);
    const rows = file.peekSheet('事業評価_2025').peekValues();
    expect(rows.slice(2)).toEqual([
      ['番号', '分類', '回答', '記録から（2025年度）', '根拠・備考'],
      ['5-1', '地域ケア会議', 'はい', '個別会議 2 回・事例 3 件', ''],
      ['5-2', '地域ケア会議', 'はい', '個別会議 2 回・事例 3 件、医師の参加 2 回・歯科医師の参加 0 回・薬剤師の参加 1 回', ''],
      ['7-1', '事業間連携', 'はい', '介護予防教室・講座 0 回・参加 0 人', ''],
      ['1-1', '組織運営体制等', 'はい', '', ''],
    ]);
    const everything = file
      .peekSheetNames()
      .flatMap((name) => file.peekSheet(name).peekValues().flat().map(String))
      .join('\n');
    for (const secret of [TITLE, FINDING, '担当A']) expect(everything).not.toContain(secret);
  });
});
