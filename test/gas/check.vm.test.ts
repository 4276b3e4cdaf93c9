import { join } from 'node:path';
import { MARK_COLORS, MARK_PREFIX, NOTE_SEPARATOR } from '../../src/workbook/marks';
import { createGasEnvironment, type GasEnvironment, loadBundle, openEvent, runFunction, sheetFromRows, userEdit } from '../fakes/gas-globals';
import {
  consultation,
  consultations,
  CONSULTATION_HEADER,
  contract,
  CONTRACT_HEADER,
  delegation,
  DELEGATION_HEADER,
  jst,
  TOMATO,
  FEW_ROWS,
  MANY_ROWS,
} from '../helpers/center';

const BUILD = join(__dirname, '..', '..', 'build');

function world(rows: unknown[][], extra?: (env: GasEnvironment) => void) {
  const env = createGasEnvironment({ htmlDir: BUILD });
  sheetFromRows(env.spreadsheet, '相談記録', [['相談記録（令和8年度）'], CONSULTATION_HEADER, ...rows]);
  extra?.(env);
  const context = loadBundle(join(BUILD, 'Code.js'), env);
  return { env, context, sheet: env.spreadsheet.peekSheet('相談記録') };
}

interface View {
  summary: { errors: number; warnings: number };
  issues: { sheet: string; cell: string; code: string; suggestion?: string }[];
}

/** The data the sidebar was opened with (what the person sees). */
function sidebarData(env: GasEnvironment): View {
  const html = env.ui.lastSidebar()?.getContent() ?? '';
  const m = /<script type="application\/json" id="houkatsu-data">([\s\S]*?)<\/script>/.exec(html);
  return JSON.parse(m?.[1] ?? 'null') as View;
}

describe('the bundle in Apps Script’s place', () => {
  test('onOpen in AuthMode.NONE builds the menu and touches nothing else', () => {
    const { env, context } = world([]);
    env.callLog.reset();
    runFunction(context, 'onOpen', openEvent(env, 'NONE'));
    expect(env.ui.menuItems()).toEqual(expect.arrayContaining([expect.objectContaining({ caption: '入力チェック', functionName: 'menuInputCheck' })]));
    expect([...env.callLog.byMethod.keys()].filter((m) => !m.startsWith('Ui.') && !m.startsWith('Menu.'))).toEqual(['SpreadsheetApp.getUi']);
    // Every menu item names a function the bundle really defines at top level.
    for (const item of env.ui.menuItems()) expect(typeof (context as Record<string, unknown>)[item.functionName]).toBe('function');
  });

  test('onInstall calls onOpen', () => {
    const { env, context } = world([]);
    runFunction(context, 'onInstall', openEvent(env, 'FULL'));
    expect(env.ui.menuItems().length).toBeGreaterThan(0);
  });

  test('入力チェック marks bad cells, keeps the user’s colours and notes, lists issues in the sidebar', () => {
    const { env, context, sheet } = world([consultation(), consultation({ 相談方法: 'TEL' }), consultation({ 受付日: 'R8.2.30' }), consultation()]);
    sheet.getRange('B6').setBackground('#00ff00');
    sheet.getRange('B6').setNote('家族から折り返し');
    const before = sheet.peekValues();
    runFunction(context, 'menuInputCheck');
    expect(sheet.peekValues()).toEqual(before);
    const bg = sheet.peekBackgrounds();
    const notes = sheet.peekNotes();
    expect(bg[3]?.[3]).toBe(MARK_COLORS.warning);
    expect(bg[4]?.[0]).toBe(MARK_COLORS.error);
    expect(notes[4]?.[0]).toContain('R8.2.30');
    expect(notes[4]?.[0]?.startsWith(MARK_PREFIX)).toBe(true);
    expect(bg[5]?.[1]).toBe('#00ff00');
    expect(notes[5]?.[1]).toBe('家族から折り返し');
    const view = sidebarData(env);
    expect(view.summary).toEqual({ errors: 1, warnings: 1 });
    expect(view.issues.map((i) => [i.sheet, i.cell, i.code, i.suggestion])).toEqual([
      ['相談記録', 'D4', 'CHOICE_VARIANT', '電話'],
      ['相談記録', 'A5', 'DATE_INVALID', undefined],
    ]);
  });

  test('fixing a cell and checking again clears our mark and gives the user’s note back', () => {
    const { context, sheet } = world([consultation({ 相談方法: '伝書鳩' })]);
    sheet.getRange('D3').setNote('要確認');
    runFunction(context, 'menuInputCheck');
    expect(sheet.peekNotes()[2]?.[3]).toBe(
      `${MARK_PREFIX}\n✖ ${'「相談方法」の「伝書鳩」は選択肢にありません。「電話」「来所」「訪問」「メール・FAX」「その他」のどれかを選んでください。センターの決まった言い方なら、「読み替え」シートに登録すると、その選択肢として読みます。'}${NOTE_SEPARATOR}要確認`,
    );
    sheet.getRange('D3').setValue('来所');
    runFunction(context, 'menuInputCheck');
    expect(sheet.peekBackgrounds()[2]?.[3]).toBe('#ffffff');
    expect(sheet.peekNotes()[2]?.[3]).toBe('要確認');
  });

  test('a user string that looks like a formula is never written by the check', () => {
    const { context, sheet } = world([consultation({ 相談者ID: '\'=HYPERLINK("x")' })]);
    runFunction(context, 'menuInputCheck');
    expect(
      sheet
        .peekFormulas()
        .flat()
        .filter((f) => f !== ''),
    ).toEqual([]);
  });

  test('the whole check covers 委託契約 and 委託実績, cross-sheet rule included', () => {
    const { env, context } = world([consultation()], (e) => {
      sheetFromRows(e.spreadsheet, '委託契約', [CONTRACT_HEADER, contract(), contract({ 選定理由: '' })]);
      sheetFromRows(e.spreadsheet, '委託実績', [
        DELEGATION_HEADER,
        delegation(),
        delegation({ 事業所番号: '1171300021' }),
        delegation({ 対象月: '令和8年9月' }),
      ]);
    });
    runFunction(context, 'menuInputCheck');
    const codes = sidebarData(env).issues.map((i) => [i.sheet, i.cell, i.code]);
    expect(codes).toEqual([
      ['委託契約', 'G2', 'CONTRACT_OVERLAP'],
      ['委託契約', 'G3', 'CONTRACT_OVERLAP'],
      ['委託契約', 'J3', 'SELECTION_REASON_MISSING'],
      ['委託実績', 'B3', 'DELEGATION_NO_CONTRACT'],
      ['委託実績', 'A4', 'MONTH_NOTATION'],
    ]);
    expect(env.spreadsheet.peekSheet('委託実績').peekBackgrounds()[2]?.[1]).toBe(MARK_COLORS.error);
  });

  test('onEdit checks just the pasted rows and marks them; a cross-sheet rule is not guessed at', () => {
    const { env, context, sheet } = world(consultations(20), (e) => {
      sheetFromRows(e.spreadsheet, '委託実績', [DELEGATION_HEADER, delegation()]);
    });
    const pasted = [consultation({ 相談方法: 'TEL' }), consultation(), consultation({ 受付日: jst('2099-01-01') })];
    runFunction(context, 'onEdit', userEdit(env, '相談記録', 'A10:Q12', pasted));
    const bg = sheet.peekBackgrounds();
    expect(bg[9]?.[3]).toBe(MARK_COLORS.warning);
    expect(bg[11]?.[0]).toBe(MARK_COLORS.error);
    expect(bg.flat().filter((c) => c !== '#ffffff')).toHaveLength(2);
    runFunction(context, 'onEdit', userEdit(env, '委託実績', 'B2', [['1171300021']]));
    expect(env.spreadsheet.peekSheet('委託実績').peekBackgrounds()[1]?.[1]).toBe('#ffffff');
  });

  test('a header kept on two rows (受付 over 日 and 方法…): 入力チェック and onEdit far below it read the same columns', () => {
    const env = createGasEnvironment({ htmlDir: BUILD });
    const groups = ['受付', '', '相談者', '', '新規/継続', '業務区分', '相談内容', '認知症関連', '夜間休日', '対応', ''];
    const own = ['日', '方法', 'ID', '区分', '', '', '', '', '', '職種', '内容'];
    // The standard record, its cells in this ledger's order.
    const order = ['受付日', '相談方法', '相談者ID', '相談者', '新規/継続', '業務区分', '相談内容', '認知症関連', '夜間休日', '対応職種', '対応内容'];
    const record = (requester: string): unknown[] => {
      const row = consultation({ 相談者: requester });
      return order.map((h) => row[CONSULTATION_HEADER.indexOf(h)]);
    };
    sheetFromRows(env.spreadsheet, '相談記録', [groups, own, ...Array.from({ length: 30 }, () => record('本人'))]);
    const context = loadBundle(join(BUILD, 'Code.js'), env);
    runFunction(context, 'menuInputCheck');
    expect(sidebarData(env).issues).toEqual([]);
    // Row 30: the header zone and the edited row are read apart (rows 1–10, then 30).
    runFunction(context, 'onEdit', userEdit(env, '相談記録', 'A30:K30', [record('ケアマネ')]));
    const sheet = env.spreadsheet.peekSheet('相談記録');
    expect(sheet.peekBackgrounds()[29]?.[3]).toBe(MARK_COLORS.warning);
    expect(sheet.peekNotes()[29]?.[3]).toContain('「相談者区分」の「ケアマネ」は「介護支援専門員」のことと読みました');
  });

  test('headers with notes for whoever fills the sheet in (受付日（必須）, 相談方法 ※1): 入力チェック and onEdit read their columns', () => {
    const env = createGasEnvironment({ htmlDir: BUILD });
    const noted = CONSULTATION_HEADER.map((h) =>
      h === '受付日' ? '受付日（必須）' : h === '相談方法' ? '相談方法 ※1' : h === '相談者ID' ? '【必須】相談者ID' : h,
    );
    sheetFromRows(env.spreadsheet, '相談記録', [['総合相談受付簿（令和8年度）'], noted, ...Array.from({ length: 30 }, () => consultation())]);
    const context = loadBundle(join(BUILD, 'Code.js'), env);
    runFunction(context, 'menuInputCheck');
    expect(sidebarData(env).issues).toEqual([]);
    runFunction(context, 'onEdit', userEdit(env, '相談記録', 'A31:Q31', [consultation({ 相談方法: 'TEL' })]));
    const sheet = env.spreadsheet.peekSheet('相談記録');
    const column = noted.indexOf('相談方法 ※1');
    expect(sheet.peekBackgrounds()[30]?.[column]).toBe(MARK_COLORS.warning);
    expect(sheet.peekNotes()[30]?.[column]).toContain('「相談方法 ※1」の「TEL」は「電話」のことと読みました');
  });

  test('onEdit in AuthMode.NONE (add-on not enabled here) does nothing and does not throw', () => {
    const { env, context } = world([consultation()]);
    env.callLog.reset();
    runFunction(context, 'onEdit', userEdit(env, '相談記録', 'D3', [['TEL']], 'NONE'));
    expect(env.callLog.spreadsheetCalls).toBe(0);
  });

  test('a failure reaches the person as a Japanese alert, not a stack trace', () => {
    const { env, context } = world([consultation()]);
    env.faults.failOn('Range.getValues', { error: new Error('Service Spreadsheets timed out while accessing document') });
    runFunction(context, 'menuInputCheck');
    const alert = env.ui.shown.find((s) => s.kind === 'alert');
    expect(alert && 'prompt' in alert ? alert.prompt : '').toMatch(/^処理を完了できませんでした（Service Spreadsheets timed out/);
  });
});

describe('call budget: the number of SpreadsheetApp calls does not grow with rows', () => {
  function callsFor(n: number, job: 'check' | 'edit'): number {
    const { env, context } = world(
      consultations(n).map((r, i) => (i % 97 === 0 ? consultation({ 相談方法: 'TEL' }) : r)),
      (e) => {
        sheetFromRows(e.spreadsheet, '委託契約', [
          CONTRACT_HEADER,
          ...Array.from({ length: n }, () => contract({ 事業所番号: TOMATO, 契約開始日: jst('2020-04-01') })),
        ]);
        sheetFromRows(e.spreadsheet, '委託実績', [DELEGATION_HEADER, ...Array.from({ length: n }, () => delegation())]);
      },
    );
    if (job === 'edit') {
      const rows = consultations(500);
      const event = userEdit(env, '相談記録', `A${n - 600}:Q${n - 101}`, rows);
      env.callLog.reset();
      runFunction(context, 'onEdit', event);
    } else {
      env.callLog.reset();
      runFunction(context, 'menuInputCheck');
    }
    return env.callLog.spreadsheetCalls;
  }

  test('入力チェック on 1,000 and 4,000 rows of each sheet', () => {
    const small = callsFor(FEW_ROWS, 'check');
    expect(callsFor(MANY_ROWS, 'check')).toBe(small);
    expect(small).toBeLessThanOrEqual(45);
  });

  test('onEdit of a 500-row paste into 1,000 and 4,000 rows', () => {
    const small = callsFor(FEW_ROWS, 'edit');
    expect(callsFor(MANY_ROWS, 'edit')).toBe(small);
    expect(small).toBeLessThanOrEqual(20);
  });
});
