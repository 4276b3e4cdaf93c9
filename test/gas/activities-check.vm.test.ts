import { join } from 'node:path';
import { MARK_COLORS } from '../../src/workbook/marks';
import { createGasEnvironment, type GasEnvironment, loadBundle, runFunction, sheetFromRows, userEdit } from '../fakes/gas-globals';
import { consultations, CONSULTATION_HEADER, jst } from '../helpers/center';

/**
 * 活動記録 and 苦情記録 checked through the bundle on the Sheets fake (issue 19): 入力チェック marks their bad cells
 * and lists them, onEdit checks a paste, 表記を整える offers their variants. (The .xlsx side: test/cli/demo.test.ts
 * reports every planted mess of the sample's two sheets.)
 */
const BUILD = join(__dirname, '..', '..', 'build');
const ACTIVITY_HEADER = ['実施日', '種類', '名称', '参加者数', '参加職種', '検討事例数', '把握した課題', '担当'];
const COMPLAINT_HEADER = ['受付日', '申出者', '内容区分', '対応', '対応完了日', '市への報告日', '内容メモ'];

function world(): { env: GasEnvironment; context: object } {
  const env = createGasEnvironment({ htmlDir: BUILD });
  sheetFromRows(env.spreadsheet, '相談記録', [CONSULTATION_HEADER, ...consultations(3)]);
  sheetFromRows(env.spreadsheet, '活動記録', [
    ACTIVITY_HEADER,
    [jst('2026-10-14'), '地域ケア個別会議', '第7回', 12, '医師、薬剤師', 2, '通院手段', '担当A'],
    [jst('2026-10-15'), '個別会議', '第8回', 9, '医師、ケアマネ', '', '', '担当A'],
    [jst('2026-10-16'), '介護予防教室・講座', '体操教室', '二十', '', '', '', '担当B'],
  ]);
  sheetFromRows(env.spreadsheet, '苦情記録', [COMPLAINT_HEADER, [jst('2026-10-01'), '家族', '職員の態度', '管理者が面談', jst('2026-09-30'), '', '言葉遣い']]);
  return { env, context: loadBundle(join(BUILD, 'Code.js'), env) };
}

interface View {
  issues: { sheet: string; cell: string; code: string; suggestion?: string }[];
}

function sidebarData(env: GasEnvironment): View {
  const html = env.ui.lastSidebar()?.getContent() ?? '';
  return JSON.parse(/<script type="application\/json" id="houkatsu-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? 'null') as View;
}

describe('活動記録 and 苦情記録 in the add-on', () => {
  test('入力チェック lists and marks their problems; the rows themselves are not changed', () => {
    const { env, context } = world();
    const before = ['活動記録', '苦情記録'].map((n) => env.spreadsheet.peekSheet(n).peekValues());
    runFunction(context, 'menuInputCheck');
    expect(['活動記録', '苦情記録'].map((n) => env.spreadsheet.peekSheet(n).peekValues())).toEqual(before);
    expect(
      sidebarData(env)
        .issues.filter((i) => i.sheet !== '相談記録')
        .map((i) => [i.sheet, i.cell, i.code, i.suggestion]),
    ).toEqual([
      ['活動記録', 'B3', 'CHOICE_VARIANT', '地域ケア個別会議'],
      ['活動記録', 'E3', 'CHOICE_VARIANT', '医師、介護支援専門員'],
      ['活動記録', 'F3', 'ACTIVITY_CASES_MISSING', undefined],
      ['活動記録', 'D4', 'COUNT_INVALID', undefined],
      // In a row, errors before warnings.
      ['苦情記録', 'E2', 'COMPLAINT_DATE_BEFORE_RECEIPT', undefined],
      ['苦情記録', 'B2', 'CHOICE_VARIANT', '家族・親族'],
    ]);
    const activities = env.spreadsheet.peekSheet('活動記録');
    expect(activities.peekBackgrounds()[3]?.[3]).toBe(MARK_COLORS.error);
    expect(activities.peekBackgrounds()[2]?.[5]).toBe(MARK_COLORS.warning);
    expect(env.spreadsheet.peekSheet('苦情記録').peekNotes()[1]?.[4]).toContain('受付日 2026-10-01 より前です');
  });

  test('onEdit checks a row pasted into 活動記録', () => {
    const { env, context } = world();
    runFunction(context, 'onEdit', userEdit(env, '活動記録', 'A5:H5', [[jst('2026-10-20'), '地域ケア個別会議', '第9回', 8, '医師、占い師', 1, '', '担当A']]));
    const sheet = env.spreadsheet.peekSheet('活動記録');
    expect(sheet.peekBackgrounds()[4]?.[4]).toBe(MARK_COLORS.error);
    expect(sheet.peekNotes()[4]?.[4]).toContain('「参加職種」の「占い師」は選択肢にありません');
  });
});
