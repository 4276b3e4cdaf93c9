import { join } from 'node:path';
import { HEADER_PROTECTION } from '../../src/workbook/setup-plan';
import { createGasEnvironment, type GasEnvironment, loadBundle, runFunction, sheetFromRows } from '../fakes/gas-globals';
import type { MethodName } from '../fakes/methods';
import type { FakeSheet, FakeSpreadsheet } from '../fakes/spreadsheet';
import { CONSULTATION_HEADER, CONTRACT_HEADER, DELEGATION_HEADER, jst } from '../helpers/center';

const BUILD = join(__dirname, '..', '..', 'build');

function load(env: GasEnvironment) {
  return loadBundle(join(BUILD, 'Code.js'), env);
}

/** Everything a run could change, for "a second run changes nothing" and "data rows stay as they were". */
function snapshot(spreadsheet: FakeSpreadsheet) {
  return spreadsheet.peekSheetNames().map((name) => {
    const sheet = spreadsheet.peekSheet(name);
    const state = sheet.peekState();
    return {
      name,
      values: sheet.peekValues(),
      formulas: sheet.peekFormulas(),
      notes: sheet.peekNotes(),
      backgrounds: sheet.peekBackgrounds(),
      formats: sheet.peekNumberFormats(),
      weights: sheet.peekFontWeights(),
      validations: sheet.peekDataValidations(`A1:${'Z'}${state.maxRows}`).map((r) => r.map((v) => v?.peek() ?? null)),
      protections: state.protections.map((p) => p.peek()),
      highlights: sheet.peekConditionalFormatRules().map((r) => r.peek()),
      frozenRows: state.frozenRows,
      maxRows: state.maxRows,
      maxColumns: state.maxColumns,
      widths: [...state.columnWidths],
    };
  });
}

/** Calls that change a document; a second run must make none. */
const MUTATORS = /\.(set|insert|delete|protect|remove|append|clear|merge|breakApart|hide|show|activate|move|rename|copy)/;

function mutations(env: GasEnvironment): MethodName[] {
  return env.callLog.trace
    .filter((m) => m.startsWith('Sheet.') || m.startsWith('Range.') || m.startsWith('Spreadsheet.') || m.startsWith('Protection.'))
    .filter((m) => MUTATORS.test(m));
}

/** The data the dialog was opened with. */
function dialogData(env: GasEnvironment): { changed: boolean; sheets: { name: string; standard?: string; status: string; lines: string[] }[] } {
  const shown = env.ui.shown.filter((s) => s.kind === 'modal').pop();
  const html = shown && 'html' in shown ? shown.html : '';
  const m = /<script type="application\/json" id="houkatsu-data">([\s\S]*?)<\/script>/.exec(html);
  return JSON.parse(m?.[1] ?? 'null') as ReturnType<typeof dialogData>;
}

const rule = (sheet: FakeSheet, a1: string) => sheet.peekDataValidations(a1)[0]?.[0]?.peek() ?? null;

describe('シートを準備 on an empty spreadsheet', () => {
  test('creates 設定, 読み替え and the sheets of rows with headers, rules, a frozen and protected header, highlights', () => {
    const env = createGasEnvironment({ htmlDir: BUILD, spreadsheet: { name: '本庄西包括' } });
    const context = load(env);
    runFunction(context, 'menuSetupSheets');
    const ss = env.spreadsheet;
    expect(ss.peekSheetNames()).toEqual(['シート1', '設定', '読み替え', '相談記録', '委託契約', '委託実績', '活動記録', '苦情記録']);

    const settings = ss.peekSheet('設定').peekValues();
    expect(settings[0]).toEqual(['項目', '値']);
    expect(settings.find((r) => r[0] === 'センター名')?.[1]).toBe('本庄西包括');
    expect(settings.find((r) => r[0] === '集中の警告しきい値')?.[1]).toBe('80%');
    expect(settings.find((r) => r[0] === '虐待報告の期限日数')?.[1]).toBe('1');
    expect(settings.find((r) => r[0] === '相談内容')?.[1]).toContain('虐待');

    const consult = ss.peekSheet('相談記録');
    expect(consult.peekValues('A1:Q1')[0]).toEqual(CONSULTATION_HEADER);
    expect(consult.peekState().frozenRows).toBe(1);
    expect(rule(consult, 'D2')).toEqual({
      criteria: 'VALUE_IN_LIST',
      values: [['電話', '来所', '訪問', 'メール・FAX', 'その他'], true],
      allowInvalid: true,
      helpText: expect.any(String),
    });
    expect(rule(consult, 'D1000')?.criteria).toBe('VALUE_IN_LIST');
    expect(rule(consult, 'H2')?.criteria).toBe('CHECKBOX');
    expect(rule(consult, 'I500')?.criteria).toBe('CHECKBOX');
    expect(rule(consult, 'A2')).toMatchObject({ criteria: 'DATE_IS_VALID_DATE', allowInvalid: true });
    expect(rule(consult, 'N2')?.criteria).toBe('DATE_IS_VALID_DATE');
    expect(rule(consult, 'B2')).toBeNull();
    expect(consult.peekNumberFormats('B2')[0]?.[0]).toBe('@');
    expect(consult.peekState().protections.map((p) => p.peek())).toEqual([
      { type: 'RANGE', range: 'A1:Q1', description: HEADER_PROTECTION, warningOnly: true },
    ]);
    expect(consult.peekConditionalFormatRules().map((r) => r.peek())).toEqual([
      { formula: '=AND($G2="虐待",$N2="")', background: '#f9d6d5', ranges: ['N2:N1000'] },
      { formula: '=AND($L2<>"",$M2="")', background: '#f9d6d5', ranges: ['M2:M1000'] },
    ]);
    expect(ss.peekSheet('委託契約').peekValues('A1:J1')[0]).toEqual(CONTRACT_HEADER);
    expect(rule(ss.peekSheet('委託契約'), 'F2')?.values).toEqual([['介護予防支援', '介護予防ケアマネジメント', '両方'], true]);
    expect(ss.peekSheet('委託実績').peekValues('A1:E1')[0]).toEqual(DELEGATION_HEADER);
    expect(ss.peekSheet('委託実績').peekNumberFormats('A2:B2')[0]).toEqual(['@', '@']);

    const shown = dialogData(env);
    expect(shown.changed).toBe(true);
    expect(shown.sheets.map((s) => [s.name, s.status])).toEqual([
      ['設定', 'created'],
      ['読み替え', 'created'],
      ['相談記録', 'created'],
      ['委託契約', 'created'],
      ['委託実績', 'created'],
      ['活動記録', 'created'],
      ['苦情記録', 'created'],
    ]);
  });

  test('a second run changes nothing and says so', () => {
    const env = createGasEnvironment({ htmlDir: BUILD });
    const context = load(env);
    runFunction(context, 'menuSetupSheets');
    const before = snapshot(env.spreadsheet);
    env.callLog.reset();
    runFunction(context, 'menuSetupSheets');
    expect(mutations(env)).toEqual([]);
    expect(snapshot(env.spreadsheet)).toEqual(before);
    const shown = dialogData(env);
    expect(shown.changed).toBe(false);
    expect(shown.sheets.every((s) => s.status === 'unchanged')).toBe(true);
  });

  test('its highlights are recognised however Sheets gives their formulas back (a locale writing ";")', () => {
    // A German-locale spreadsheet shows =AND($G2="虐待";$Q2=""): the text the add-on set, normalised by Sheets.
    const env = createGasEnvironment({ htmlDir: BUILD, spreadsheet: { locale: 'de_DE' } });
    const context = load(env);
    runFunction(context, 'menuSetupSheets');
    const consult = env.spreadsheet.peekSheet('相談記録');
    const once = consult.peekConditionalFormatRules().map((r) => r.peek());
    expect(once).toHaveLength(2);
    env.callLog.reset();
    runFunction(context, 'menuSetupSheets');
    expect(consult.peekConditionalFormatRules().map((r) => r.peek())).toEqual(once);
    expect(mutations(env)).toEqual([]);
  });

  test('a rule of the person with the same formula but their own colour is theirs: ours is added beside it', () => {
    const env = createGasEnvironment({ htmlDir: BUILD });
    const context = load(env);
    runFunction(context, 'menuSetupSheets');
    const consult = env.spreadsheet.peekSheet('相談記録');
    const ours = consult.peekConditionalFormatRules();
    const app = env.globals.SpreadsheetApp;
    const theirs = ours.map((r) =>
      app.newConditionalFormatRule().whenFormulaSatisfied(r.peek().formula).setBackground('#00ff00').setRanges(r.getRanges()).build(),
    );
    consult.setConditionalFormatRules(theirs);
    runFunction(context, 'menuSetupSheets');
    const after = consult.peekConditionalFormatRules().map((r) => r.peek().background);
    expect(after).toEqual(['#00ff00', '#00ff00', '#f9d6d5', '#f9d6d5']);
  });
});

/** A center's own 相談記録: a title row, synonyms, its own order, extra columns, some columns missing. */
const MESSY_HEADER = [
  'ケース番号',
  '相談日',
  '区分',
  '対応方法',
  '相談経路',
  '業務区分',
  '相談内容',
  '担当者',
  '職員メモ',
  '対応職種',
  '対応内容',
  '夜間・休日',
];

function messyRow(i: number): unknown[] {
  return [
    `C-${String(i).padStart(4, '0')}`,
    i % 3 === 0 ? 'R8.10.3' : jst(`2026-10-${String((i % 28) + 1).padStart(2, '0')}`),
    '新規',
    i % 2 === 0 ? 'TEL' : '来所',
    '本人',
    '総合相談支援',
    '介護保険サービス',
    '担当A',
    i === 1 ? '=前回の続き' : '内容はメモ',
    '社会福祉士等',
    '情報提供・助言',
    i % 5 === 0,
  ];
}

function messyWorld(rows: number) {
  const env = createGasEnvironment({ htmlDir: BUILD });
  const consult = sheetFromRows(env.spreadsheet, '相談記録', [
    ['令和8年度 相談受付簿（本庄西）'],
    MESSY_HEADER,
    ...Array.from({ length: rows }, (_, i) => messyRow(i + 1)),
  ]);
  consult.load([['メモ欄（列名なし）']], 3, 13);
  consult.getRange('D4').setBackground('#ffff00');
  consult.getRange('B5').setNote('確認済み');
  consult.load([['=SUM(1,2)']], 6, 8);
  consult.setFrozenRows(3);
  sheetFromRows(env.spreadsheet, '委託契約', [
    ['事業所名', '事業所番号', '住所', '選定理由', '開始日', '委託区分', '法人名'],
    ['トマト村', '1171300013', '本庄市早稲田の杜5-14-8', '利用者の希望', jst('2020-04-01'), '両方', '株式会社トマト'],
  ]);
  sheetFromRows(env.spreadsheet, '委託実績', [['メモ'], ['ここは自由に書いています']]);
  return { env, context: load(env), consult };
}

describe('シートを準備 on a center’s own sheets', () => {
  test('appends the missing columns at the right end and leaves every existing cell as it was', () => {
    const { env, context, consult } = messyWorld(30);
    const dataBefore = {
      values: consult.peekValues('A1:M32'),
      formulas: consult.peekFormulas('A1:M32'),
      notes: consult.peekNotes('A1:M32'),
      backgrounds: consult.peekBackgrounds('A1:M32'),
    };
    const otherBefore = env.spreadsheet.peekSheet('委託実績').peekValues();
    runFunction(context, 'menuSetupSheets');

    expect({
      values: consult.peekValues('A1:M32'),
      formulas: consult.peekFormulas('A1:M32'),
      notes: consult.peekNotes('A1:M32'),
      backgrounds: consult.peekBackgrounds('A1:M32'),
    }).toEqual(dataBefore);
    // The unnamed column M holds data, so the new columns start at N.
    expect(consult.peekValues('N2:S2')[0]).toEqual(['認知症関連', '紹介事業所', '紹介理由', '市への報告日', '氏名', '内容メモ']);
    expect(
      consult
        .peekValues('N3:S32')
        .flat()
        .every((v) => v === ''),
    ).toBe(true);
    // Rules follow each column where it is: 対応方法 is D, 夜間・休日 L, the new 市への報告日 Q.
    expect(rule(consult, 'D3')?.values).toEqual([['電話', '来所', '訪問', 'メール・FAX', 'その他'], true]);
    expect(rule(consult, 'L3')?.criteria).toBe('CHECKBOX');
    expect(rule(consult, 'Q3')?.criteria).toBe('DATE_IS_VALID_DATE');
    expect(rule(consult, 'B3')?.criteria).toBe('DATE_IS_VALID_DATE');
    expect(rule(consult, 'H3')).toBeNull();
    // Only the new columns get a number format; the person's own keep theirs.
    expect(consult.peekNumberFormats('A3')[0]?.[0]).not.toBe('@');
    expect(consult.peekNumberFormats('Q3')[0]?.[0]).toBe('yyyy-mm-dd');
    // The person froze three rows; that is kept. The header (row 2) is protected, warning only.
    expect(consult.peekState().frozenRows).toBe(3);
    expect(consult.peekState().protections.map((p) => p.peek().range)).toEqual(['A2:S2']);
    expect(consult.peekConditionalFormatRules().map((r) => r.peek().formula)).toEqual(['=AND($G3="虐待",$Q3="")', '=AND($O3<>"",$P3="")']);

    const contracts = env.spreadsheet.peekSheet('委託契約');
    expect(contracts.peekValues('A1:J1')[0]).toEqual([
      '事業所名',
      '事業所番号',
      '住所',
      '選定理由',
      '開始日',
      '委託区分',
      '法人名',
      '所在',
      '契約終了日',
      '運営協議会承認日',
    ]);
    expect(contracts.peekValues('A2:G2')[0]).toEqual([
      'トマト村',
      '1171300013',
      '本庄市早稲田の杜5-14-8',
      '利用者の希望',
      expect.any(Date),
      '両方',
      '株式会社トマト',
    ]);
    // 委託実績 holds something else: it is left alone and the dialog says why.
    expect(env.spreadsheet.peekSheet('委託実績').peekValues()).toEqual(otherBefore);
    const shown = dialogData(env);
    expect(shown.sheets.find((s) => s.name === '委託実績')).toMatchObject({ status: 'skipped', lines: [expect.stringContaining('見出し行が見つからない')] });
    expect(shown.sheets.find((s) => s.name === '相談記録')?.lines[0]).toBe(
      '右端に列を追加しました: 認知症関連、紹介事業所、紹介理由、市への報告日、氏名、内容メモ',
    );
  });

  test('a second run changes nothing', () => {
    const { env, context } = messyWorld(30);
    runFunction(context, 'menuSetupSheets');
    const before = snapshot(env.spreadsheet);
    env.callLog.reset();
    runFunction(context, 'menuSetupSheets');
    expect(mutations(env)).toEqual([]);
    expect(snapshot(env.spreadsheet)).toEqual(before);
  });

  test('a rule removed by a paste, or a 相談内容 list changed in 設定, is set again', () => {
    const { env, context, consult } = messyWorld(10);
    runFunction(context, 'menuSetupSheets');
    // Pasting rows from another file takes the rules off them.
    consult.getRange('D13:D20').setDataValidation(null);
    const settings = env.spreadsheet.peekSheet('設定');
    const row = settings.peekValues().findIndex((r) => r[0] === '相談内容') + 1;
    settings.getRange(`B${row}`).setValue('認知症、虐待、その他');
    runFunction(context, 'menuSetupSheets');
    expect(rule(consult, 'G3')?.values).toEqual([['認知症', '虐待', 'その他'], true]);
    expect(rule(consult, 'D13')?.criteria).toBe('VALUE_IN_LIST');
  });

  test('the number of calls does not grow with the number of rows', () => {
    const count = (rows: number): number => {
      const { env, context } = messyWorld(rows);
      env.callLog.reset();
      runFunction(context, 'menuSetupSheets');
      return env.callLog.spreadsheetCalls;
    };
    expect(count(5000)).toBe(count(50));
  });

  test('a step that fails (a header that cannot be frozen) is told, and the rest is done', () => {
    const { env, context, consult } = messyWorld(5);
    consult.setFrozenRows(0);
    // The first freezes are the new 設定's and 読み替え's headers; the third, 相談記録's, fails.
    env.faults.failOn('Sheet.setFrozenRows', { after: 2, times: Infinity });
    runFunction(context, 'menuSetupSheets');
    const lines = dialogData(env).sheets.find((s) => s.name === '相談記録')?.lines ?? [];
    expect(lines.some((l) => l.startsWith('見出し行を固定できませんでした'))).toBe(true);
    expect(consult.peekValues('N2')[0]?.[0]).toBe('認知症関連');
  });

  test('an unexpected failure reaches the person as a Japanese alert', () => {
    const { env, context } = messyWorld(5);
    env.faults.failOn('Range.setValues', { times: Infinity });
    runFunction(context, 'menuSetupSheets');
    const alert = env.ui.shown.filter((s) => s.kind === 'alert').pop();
    expect(alert && 'prompt' in alert ? alert.prompt : '').toMatch(/^処理を完了できませんでした/);
  });
});

describe('読み替え', () => {
  test('missing: created after 設定 with its header, bold and frozen, a 種類 dropdown, and no rows', () => {
    const env = createGasEnvironment({ htmlDir: BUILD });
    // 設定 is there already, not last: 読み替え goes right after it.
    sheetFromRows(env.spreadsheet, '設定', [['項目', '値']]);
    sheetFromRows(env.spreadsheet, 'メモ', [['センターのメモ']]);
    runFunction(load(env), 'menuSetupSheets');
    expect(env.spreadsheet.peekSheetNames().slice(0, 4)).toEqual(['シート1', '設定', '読み替え', 'メモ']);
    const mapping = env.spreadsheet.peekSheet('読み替え');
    expect(mapping.peekValues()).toEqual([['種類', '対象', 'この表での書き方', '標準']]);
    expect(mapping.peekFontWeights('A1:D1')[0]).toEqual(['bold', 'bold', 'bold', 'bold']);
    expect(mapping.peekState().frozenRows).toBe(1);
    const kindRule = { criteria: 'VALUE_IN_LIST', values: [['シート', '見出し', '値'], true], allowInvalid: true, helpText: expect.any(String) };
    expect(rule(mapping, 'A2')).toEqual(kindRule);
    expect(rule(mapping, `A${mapping.peekState().maxRows}`)).toEqual(kindRule);
    expect(rule(mapping, 'B2')).toBeNull();
    expect(dialogData(env).sheets.find((s) => s.name === '読み替え')?.status).toBe('created');
  });
});

/** A center that keeps its own 相談台帳, mapped in 読み替え: its sheet, two headers and one word. */
const LEDGER_HEADER = ['来談日', 'ケースNo', '相談方法', '相談者', '業務区分', '相談内容', '対応職種', '対応内容', '新規/継続'];
const MAPPING_ROWS = [
  ['種類', '対象', 'この表での書き方', '標準'],
  ['シート', '', '相談台帳', '相談記録'],
  ['見出し', '相談記録', '来談日', '受付日'],
  ['見出し', '相談記録', 'ケースNo', '相談者ID'],
  ['値', '相談方法', '来談', '来所'],
];

function ledgerWorld(rows: number, options: { mapping: boolean } = { mapping: true }) {
  const env = createGasEnvironment({ htmlDir: BUILD });
  const ledger = sheetFromRows(env.spreadsheet, '相談台帳', [
    LEDGER_HEADER,
    ...Array.from({ length: rows }, (_, i) => [
      jst(`2026-10-${String((i % 28) + 1).padStart(2, '0')}`),
      `C-${i + 1}`,
      i % 2 === 0 ? '来談' : '電話',
      '本人',
      '総合相談支援',
      '介護保険サービス',
      '社会福祉士等',
      '情報提供・助言',
      '新規',
    ]),
  ]);
  if (options.mapping) sheetFromRows(env.spreadsheet, '読み替え', MAPPING_ROWS);
  return { env, context: load(env), ledger };
}

describe('シートを準備 on a center that maps its own ledger', () => {
  test("works on 相談台帳: no 相談記録, only the truly missing columns at the right, the center's word in the dropdown", () => {
    const { env, context, ledger } = ledgerWorld(20);
    const before = { values: ledger.peekValues('A1:I21'), formulas: ledger.peekFormulas('A1:I21'), formats: ledger.peekNumberFormats('A1:I21') };
    const mappingBefore = snapshot(env.spreadsheet).find((s) => s.name === '読み替え');
    runFunction(context, 'menuSetupSheets');

    expect(env.spreadsheet.peekSheetNames()).toEqual(['シート1', '相談台帳', '読み替え', '設定', '委託契約', '委託実績', '活動記録', '苦情記録']);
    expect({ values: ledger.peekValues('A1:I21'), formulas: ledger.peekFormulas('A1:I21'), formats: ledger.peekNumberFormats('A1:I21') }).toEqual(before);
    expect(ledger.peekValues('J1:R1')[0]).toEqual(['認知症関連', '夜間休日', '紹介事業所', '紹介理由', '市への報告日', '担当者', '氏名', '内容メモ', '']);
    expect(ledger.peekState().maxColumns).toBeGreaterThanOrEqual(17);
    // 相談方法 (C) lists the standard choices, then the center's 来談; 来談日 (A) is a date column.
    expect(rule(ledger, 'C2')).toEqual({
      criteria: 'VALUE_IN_LIST',
      values: [['電話', '来所', '訪問', 'メール・FAX', 'その他', '来談'], true],
      allowInvalid: true,
      helpText: expect.any(String),
    });
    expect(rule(ledger, 'A2')?.criteria).toBe('DATE_IS_VALID_DATE');
    expect(rule(ledger, 'B2')).toBeNull();
    expect(rule(ledger, 'J2')?.criteria).toBe('CHECKBOX');
    expect(ledger.peekState().protections.map((p) => p.peek().range)).toEqual(['A1:Q1']);
    // 読み替え is the center's: left exactly as it was.
    expect(snapshot(env.spreadsheet).find((s) => s.name === '読み替え')).toEqual(mappingBefore);

    const shown = dialogData(env);
    expect(shown.sheets.map((s) => [s.name, s.standard, s.status])).toEqual([
      ['設定', undefined, 'created'],
      ['読み替え', undefined, 'unchanged'],
      ['相談台帳', '相談記録', 'updated'],
      ['委託契約', undefined, 'created'],
      ['委託実績', undefined, 'created'],
      ['活動記録', undefined, 'created'],
      ['苦情記録', undefined, 'created'],
    ]);
    expect(shown.sheets[2]?.lines[0]).toBe('右端に列を追加しました: 認知症関連、夜間休日、紹介事業所、紹介理由、市への報告日、担当者、氏名、内容メモ');
  });

  test('a second run changes nothing', () => {
    const { env, context } = ledgerWorld(20);
    runFunction(context, 'menuSetupSheets');
    const before = snapshot(env.spreadsheet);
    env.callLog.reset();
    runFunction(context, 'menuSetupSheets');
    expect(mutations(env)).toEqual([]);
    expect(snapshot(env.spreadsheet)).toEqual(before);
    expect(dialogData(env).changed).toBe(false);
  });

  test('without 読み替え the same spreadsheet gets a new 相談記録 and 相談台帳 is not touched', () => {
    const { env, context, ledger } = ledgerWorld(5, { mapping: false });
    const before = ledger.peekValues();
    runFunction(context, 'menuSetupSheets');
    expect(env.spreadsheet.peekSheetNames()).toEqual(['シート1', '相談台帳', '設定', '読み替え', '相談記録', '委託契約', '委託実績', '活動記録', '苦情記録']);
    expect(ledger.peekValues()).toEqual(before);
  });

  test('the number of calls does not grow with the number of rows', () => {
    const count = (rows: number): number => {
      const { env, context } = ledgerWorld(rows);
      env.callLog.reset();
      runFunction(context, 'menuSetupSheets');
      return env.callLog.spreadsheetCalls;
    };
    expect(count(3000)).toBe(count(30));
  });
});
