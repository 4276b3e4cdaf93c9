import { join } from 'node:path';
import { textWidth } from '../../src/workbook/sheet-model';
import { createGasEnvironment, loadBundle, runFunction, sheetFromRows } from '../fakes/gas-globals';
import type { FakeSheet } from '../fakes/spreadsheet';
import { consultations, CONSULTATION_HEADER, contract, CONTRACT_HEADER, delegation, DELEGATION_HEADER } from '../helpers/center';
import { submissionFileOf } from '../helpers/submission-file';
import { emptyCityWorld } from '../helpers/city-world';

/**
 * Issue #18 item 2 in Google Sheets, which has no page setup to write (neither SpreadsheetApp nor the Sheets API):
 * what prints well there is what the layouts draw. The rows Sheets' print dialog repeats at the top of every page are
 * the frozen ones: each generated sheet freezes its title and its table's header, the same rows an .xlsx repeats.
 * And the 月報 shows its labels whole, its charts beside its tables rather than over them.
 */
const ROOT = join(__dirname, '..', '..');

/** The sheet's frozen rows, and the last of them as it reads. */
function frozen(sheet: FakeSheet): { rows: number; last: unknown[] } {
  const rows = sheet.peekState().frozenRows;
  return { rows, last: (sheet.peekValues()[rows - 1] ?? []).filter((v) => v !== '') };
}

function center() {
  const env = createGasEnvironment({ htmlDir: join(ROOT, 'build') });
  sheetFromRows(env.spreadsheet, '設定', [
    ['項目', '値'],
    ['センター名', '本庄西地域包括支援センター'],
    ['提出先メールアドレス', 'kaigo@city.example.jp'],
  ]);
  sheetFromRows(env.spreadsheet, '相談記録', [CONSULTATION_HEADER, ...consultations(30)]);
  sheetFromRows(env.spreadsheet, '委託契約', [CONTRACT_HEADER, contract()]);
  sheetFromRows(env.spreadsheet, '委託実績', [DELEGATION_HEADER, delegation()]);
  return { env, context: loadBundle(join(ROOT, 'build', 'Code.js'), env) };
}

describe("the center's 月報", () => {
  test('its title frozen, in the spreadsheet and in the 提出用ファイル; labels whole; charts beside the tables', () => {
    const { env, context } = center();
    runFunction(context, 'reportDialogBuild', '2026-10');
    const sheet = env.spreadsheet.peekSheet('月報_2026-10');
    expect(frozen(sheet)).toEqual({ rows: 1, last: ['月報\u3000本庄西地域包括支援センター'] });

    const values = sheet.peekValues();
    const labels = values.filter((r) => r.filter((v) => v !== '').length > 1).map((r) => String(r[0]));
    const widths = sheet.peekState().columnWidths;
    expect(widths.get(1)).toBe(Math.max(230, ...labels.map(textWidth)));
    // The cross tables' last column (再掲) has its width, and no chart lies over any column of a table.
    const tableColumns = Math.max(...values.map((r) => r.reduce<number>((last, v, i) => (v !== '' ? i + 1 : last), 0)));
    expect(widths.get(tableColumns)).toBe(110);
    for (const chart of sheet.peekState().charts) expect(chart.peek().position.column).toBeGreaterThan(tableColumns);

    env.spreadsheet.setActiveSheet(env.spreadsheet.peekSheet('相談記録'));
    env.ui.answer({ button: 'OK', text: '2026-10' }, 'YES', 'OK');
    runFunction(context, 'menuSubmitReport');
    expect(frozen(submissionFileOf(env).peekSheet('月報_2026-10'))).toEqual({ rows: 1, last: ['月報\u3000本庄西地域包括支援センター'] });
  });
});

describe("the city's sheets", () => {
  test('each freezes its title and its table’s header: the rows printed atop every page', () => {
    const { env, context } = emptyCityWorld(['本庄西', '本庄東']);
    expect(runFunction(context, 'cityStep', { month: '2026-10' })).toMatchObject({ kind: 'done' });
    const sheet = (name: string) => frozen(env.spreadsheet.peekSheet(name));
    expect(sheet('提出状況_2026-10')).toEqual({ rows: 4, last: ['センター', '状態', '理由', '提出日時', '残っているエラー', '注意', '指紋'] });
    // 市集計 is a stack of tables, each with its own header: its title is what every page shows.
    expect(sheet('市集計_2026-10')).toEqual({ rows: 1, last: [expect.stringMatching(/^市集計\u3000.+（提出済みの 2 センター）$/)] });
    expect(sheet('委託事業所一覧_2026-10')).toEqual({ rows: 3, last: ['所在', '事業所名', '住所', '本庄西', '本庄東', '合計件数'] });
    expect(sheet('新規委託_2026-10')).toEqual({ rows: 3, last: ['開始月', '所在', '事業所名', '住所', 'センター'] });

    env.ui.answer({ button: 'OK', text: '2025' });
    runFunction(context, 'menuCityEvaluate');
    expect(sheet('事業評価_2025')).toMatchObject({ rows: 3, last: ['分類', '市', '全国平均'] });
  });
});
