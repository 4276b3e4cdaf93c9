import { join } from 'node:path';
import { createGasEnvironment, type GasEnvironment, loadBundle, runFunction, sheetFromRows } from '../fakes/gas-globals';
import { consultation, CONSULTATION_HEADER, contract, CONTRACT_HEADER, delegation, DELEGATION_HEADER, jst } from '../helpers/center';

const BUILD = join(__dirname, '..', '..', 'build');

interface Item {
  id: number;
  sheet: string;
  cell: string;
  code: string;
  before: unknown;
  after: unknown;
}
interface Preview {
  items: Item[];
  total: number;
}
interface Result {
  applied: number;
  skipped: number;
  message: string;
}

function world(rows: unknown[][]) {
  const env = createGasEnvironment({ htmlDir: BUILD });
  sheetFromRows(env.spreadsheet, '相談記録', [CONSULTATION_HEADER, ...rows]);
  sheetFromRows(env.spreadsheet, '委託契約', [CONTRACT_HEADER, contract({ 所在地: '群馬県藤岡市中栗須327' })]);
  sheetFromRows(env.spreadsheet, '委託実績', [DELEGATION_HEADER, delegation({ 対象月: '令和8年10月', 介護予防支援件数: '１２件' })]);
  const context = loadBundle(join(BUILD, 'Code.js'), env);
  return { env, context, sheet: env.spreadsheet.peekSheet('相談記録') };
}

function dialogPreview(env: GasEnvironment): Preview {
  const shown = env.ui.shown.filter((s) => s.kind === 'modal').pop();
  const html = shown && 'html' in shown ? shown.html : '';
  const m = /<script type="application\/json" id="houkatsu-data">([\s\S]*?)<\/script>/.exec(html);
  return JSON.parse(m?.[1] ?? 'null') as Preview;
}

/** What the dialog sends back: the ticked items without their list number. */
const ticked = (items: Item[]) => items.map(({ id: _id, ...rest }) => rest);

const MESSY = [
  consultation({ 受付日: 'R8.10.3', 相談方法: 'TEL' }),
  consultation({ 相談者ID: 'Ａ－０００２', 担当者: ' 担当B　' }),
  consultation({ 内容メモ: '  =SUM(A1)  ', 相談方法: '電話相談' }),
  consultation({ 受付日: '=TEXT("R8.10.5","@")' }),
];

describe('表記を整える', () => {
  test('the dialog previews every notation change before → after, and nothing changes until it is confirmed', () => {
    const { env, context } = world(MESSY);
    const before = env.spreadsheet.peekSheetNames().map((n) => env.spreadsheet.peekSheet(n).peekValues());
    runFunction(context, 'menuNormalize');
    const shown = env.ui.shown.filter((s) => s.kind === 'modal').pop();
    expect(shown?.title).toBe('表記を整える');
    const preview = dialogPreview(env);
    expect(preview.items.map((i) => [i.sheet, i.cell, i.code, i.after])).toEqual([
      ['相談記録', 'A2', 'DATE_NOTATION', { kind: 'date', iso: '2026-10-03' }],
      ['相談記録', 'D2', 'CHOICE_VARIANT', '電話'],
      ['相談記録', 'B3', 'TEXT_WIDTH', 'A-0002'],
      ['相談記録', 'O3', 'TEXT_SPACES', '担当B'],
      ['相談記録', 'D4', 'CHOICE_VARIANT', '電話'],
      ['相談記録', 'Q4', 'TEXT_SPACES', '=SUM(A1)'],
      ['委託契約', 'E2', 'MUNICIPALITY_DERIVED', '群馬県藤岡市'],
      ['委託実績', 'A2', 'MONTH_NOTATION', '2026-10'],
      ['委託実績', 'C2', 'COUNT_NOTATION', 12],
    ]);
    // The formula in A5 gives a 和暦 date, but a formula is not rewritten.
    expect(preview.items.some((i) => i.cell === 'A5')).toBe(false);
    expect(env.spreadsheet.peekSheetNames().map((n) => env.spreadsheet.peekSheet(n).peekValues())).toEqual(before);
    expect(env.spreadsheet.peekSheetNames()).not.toContain('_変更履歴');
  });

  test('applies only the ticked cells, as text (never a formula), dates as dates, and records each in _変更履歴', () => {
    const { env, context, sheet } = world(MESSY);
    runFunction(context, 'menuNormalize');
    const items = dialogPreview(env).items;
    const unticked = items.find((i) => i.cell === 'D4');
    const result = runFunction(context, 'normalizeDialogApply', ticked(items.filter((i) => i !== unticked))) as Result;
    expect(result).toMatchObject({ applied: 8, skipped: 0 });
    expect(result.message).toContain('8件を整えました');
    expect(sheet.peekCell('A2').value).toEqual(jst('2026-10-03'));
    expect(sheet.peekCell('D2').value).toBe('電話');
    expect(sheet.peekCell('D4').value).toBe('電話相談');
    expect(sheet.peekCell('B3').value).toBe('A-0002');
    expect(sheet.peekCell('Q4')).toMatchObject({ value: '=SUM(A1)', formula: '' });
    expect(sheet.peekCell('A5').formula).toBe('=TEXT("R8.10.5","@")');
    expect(env.spreadsheet.peekSheet('委託契約').peekCell('E2').value).toBe('群馬県藤岡市');
    const delegations = env.spreadsheet.peekSheet('委託実績');
    expect(delegations.peekCell('A2').value).toBe('2026-10');
    expect(delegations.peekCell('C2').value).toBe(12);

    const log = env.spreadsheet.peekSheet('_変更履歴').peekValues();
    expect(log[0]).toEqual(['シート', 'セル', '変更前', '変更後', '日時', '操作']);
    expect(log.slice(1).map((r) => r.slice(0, 4))).toEqual([
      ['相談記録', 'A2', 'R8.10.3', '2026-10-03'],
      ['相談記録', 'D2', 'TEL', '電話'],
      ['相談記録', 'B3', 'Ａ－０００２', 'A-0002'],
      ['相談記録', 'O3', ' 担当B　', '担当B'],
      ['相談記録', 'Q4', '  =SUM(A1)  ', '=SUM(A1)'],
      ['委託契約', 'E2', '', '群馬県藤岡市'],
      ['委託実績', 'A2', '令和8年10月', '2026-10'],
      ['委託実績', 'C2', '１２件', '12'],
    ]);
    expect(log.slice(1).every((r) => /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/.test(String(r[4])) && r[5] === '表記を整える')).toBe(true);
    expect(
      env.spreadsheet
        .peekSheet('_変更履歴')
        .peekFormulas()
        .flat()
        .every((f) => f === ''),
    ).toBe(true);
    // The marks were checked again: the fixed cells lost theirs, the unticked one keeps it.
    expect(sheet.peekCell('D2').note).toBe('');
    expect(sheet.peekCell('D4').note).toContain('電話相談');

    // A second preview lists only what is left.
    runFunction(context, 'menuNormalize');
    expect(dialogPreview(env).items.map((i) => i.cell)).toEqual(['D4']);
  });

  test('a cell edited after the preview is left as the person typed it, and the count is told', () => {
    const { env, context, sheet } = world(MESSY);
    runFunction(context, 'menuNormalize');
    const items = dialogPreview(env).items;
    sheet.getRange('D2').setValue('来所');
    const result = runFunction(context, 'normalizeDialogApply', ticked(items)) as Result;
    expect(result).toMatchObject({ applied: 8, skipped: 1 });
    expect(result.message).toContain('1件は、そのままにしました（プレビューを開いた後にセルが変更されていた');
    expect(sheet.peekCell('D2').value).toBe('来所');
    expect(
      env.spreadsheet
        .peekSheet('_変更履歴')
        .peekValues()
        .some((r) => r[1] === 'D2'),
    ).toBe(false);
  });

  test('one read, and one write per run of rows or per value of lone cells, whatever the number of cells', () => {
    const calls = (n: number) => {
      const rows = Array.from({ length: n }, (_, i) => consultation({ 受付日: `R8.10.${(i % 28) + 1}`, 相談方法: i % 2 === 0 ? 'TEL' : '電話' }));
      const { env, context } = world(rows);
      runFunction(context, 'menuNormalize');
      const items = dialogPreview(env).items.filter((i) => i.sheet === '相談記録');
      env.callLog.reset();
      runFunction(context, 'normalizeDialogApply', ticked(items));
      return {
        total: env.callLog.spreadsheetCalls,
        writes: env.callLog.count('Range.setValues') + env.callLog.count('RangeList.setValue'),
        reads: env.callLog.count('Range.getValues'),
      };
    };
    // Both stay below the 1,000 rows a new _変更履歴 has, which it would otherwise grow by once.
    const small = calls(30);
    const large = calls(450);
    expect(large).toEqual(small);
    // 受付日 (every row: one run) and 相談方法 (every other row: one RangeList of 電話) in 相談記録; the header
    // and the rows of the new _変更履歴.
    expect(large.writes).toBe(4);
  });

  test('a preview that arrives malformed is refused in Japanese', () => {
    const { context } = world(MESSY);
    expect(() => runFunction(context, 'normalizeDialogApply', [{ sheet: '相談記録', cell: 'A2' }])).toThrow(/選んだ項目を読み取れませんでした/);
  });
});

describe('チェック結果 › 適用', () => {
  test('writes one suggestion as text, records it and returns the new check', () => {
    const { env, context, sheet } = world([consultation({ 相談方法: 'TEL' }), consultation()]);
    sheet.getRange('B3').setValue("'=1+1 ");
    runFunction(context, 'menuInputCheck');
    const view = runFunction(context, 'sidebarApplySuggestion', '相談記録', 'D2', '電話') as { issues: { cell: string }[] };
    expect(sheet.peekCell('D2').value).toBe('電話');
    expect(view.issues.some((i) => i.cell === 'D2')).toBe(false);
    runFunction(context, 'sidebarApplySuggestion', '相談記録', 'B3', '=1+1');
    expect(sheet.peekCell('B3')).toMatchObject({ value: '=1+1', formula: '' });
    const log = env.spreadsheet.peekSheet('_変更履歴').peekValues();
    expect(log.slice(1).map((r) => [r[1], r[2], r[3], r[5]])).toEqual([
      ['D2', 'TEL', '電話', 'チェック結果から適用'],
      ['B3', '=1+1 ', '=1+1', 'チェック結果から適用'],
    ]);
  });

  test('a suggestion that no longer stands (the cell was edited) is refused in Japanese and nothing is written', () => {
    const { env, context, sheet } = world([consultation({ 相談方法: 'TEL' })]);
    sheet.getRange('D2').setValue('来所相談');
    expect(() => runFunction(context, 'sidebarApplySuggestion', '相談記録', 'D2', '電話')).toThrow(/サイドバーを開いた後に変更されたため/);
    expect(sheet.peekCell('D2').value).toBe('来所相談');
    expect(env.spreadsheet.peekSheetNames()).not.toContain('_変更履歴');
  });

  test('a cell protected from this person: 適用 says why in Japanese, writes nothing and records nothing', () => {
    const { env, context, sheet } = world([consultation({ 相談方法: 'TEL' })]);
    sheet.getRange('D2').protect().denyRunningUser();
    expect(() => runFunction(context, 'sidebarApplySuggestion', '相談記録', 'D2', '電話')).toThrow(
      /D2 には候補を書き込めませんでした.*編集できない保護されたセル/,
    );
    expect(sheet.peekCell('D2').value).toBe('TEL');
    expect(env.spreadsheet.peekSheetNames()).not.toContain('_変更履歴');
  });

  test('a failure inside is told in Japanese, without a stack trace', () => {
    const { env, context } = world([consultation({ 相談方法: 'TEL' })]);
    env.faults.failOn('Range.setValues', { times: Infinity });
    let message = '';
    try {
      runFunction(context, 'sidebarApplySuggestion', '相談記録', 'D2', '電話');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^処理を完了できませんでした/);
    expect(message).not.toMatch(/\n\s+at /);
  });
});

describe('the delegation helpers keep their own rows', () => {
  test('a count typed with 件 becomes a number SUM can add', () => {
    const { env, context } = world([consultation()]);
    sheetFromRows(env.spreadsheet, '委託実績', [DELEGATION_HEADER, delegation({ 介護予防ケアマネジメント件数: '３件' })]);
    runFunction(context, 'menuNormalize');
    runFunction(context, 'normalizeDialogApply', ticked(dialogPreview(env).items.filter((i) => i.sheet === '委託実績')));
    expect(env.spreadsheet.peekSheet('委託実績').peekCell('D2').value).toBe(3);
  });
});
