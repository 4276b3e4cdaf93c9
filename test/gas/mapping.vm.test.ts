/**
 * The チェック結果 sidebar's offer of a 読み替え row (issue #15, SPEC §2.5), through the bundle in Apps Script's place:
 * 入力チェック offers it, sidebarAddMapping writes exactly that row to 読み替え and nothing else, and the check that
 * follows reads the center's own sheet, header or word as the standard one.
 */
import { join } from 'node:path';
import { createGasEnvironment, type GasEnvironment, loadBundle, runFunction, sheetFromRows } from '../fakes/gas-globals';
import { consultation, CONSULTATION_HEADER, jst } from '../helpers/center';

const BUILD = join(__dirname, '..', '..', 'build');
const MAPPING_HEADER = ['種類', '対象', 'この表での書き方', '標準'];

interface Offer {
  kind: string;
  sheet?: string;
  standard?: string;
  column?: string;
  local?: string;
  candidates?: string[];
  choices?: string[];
}
interface ViewIssue {
  sheet: string;
  cell: string;
  code: string;
  offer?: Offer;
}
interface View {
  summary: { errors: number; warnings: number };
  issues: ViewIssue[];
}

/** A center's 相談記録 whose date column is headed 来談日 (no synonym of 受付日), with its own word 来談 in 相談方法. */
function ownLedger(sheetName = '相談記録') {
  const env = createGasEnvironment({ htmlDir: BUILD });
  const header = CONSULTATION_HEADER.map((h) => (h === '受付日' ? '来談日' : h));
  sheetFromRows(env.spreadsheet, sheetName, [
    ['相談記録（令和8年度）'],
    header,
    consultation(),
    consultation({ 受付日: 'R8.2.30' }),
    consultation({ 受付日: jst('2026-10-05'), 相談方法: '来談' }),
  ]);
  const context = loadBundle(join(BUILD, 'Code.js'), env);
  return { env, context };
}

/** The data the sidebar was opened with (what the person sees). */
function sidebarData(env: GasEnvironment): View {
  const html = env.ui.lastSidebar()?.getContent() ?? '';
  const m = /<script type="application\/json" id="houkatsu-data">([\s\S]*?)<\/script>/.exec(html);
  return JSON.parse(m?.[1] ?? 'null') as View;
}

const codes = (view: View): string[][] => view.issues.map((i) => [i.sheet, i.cell, i.code]);

describe('the sidebar’s offer of a 読み替え row, in Apps Script’s place', () => {
  test('a missing column offers the sheet’s unmatched headers; choosing one writes one row and the recheck reads the dates', () => {
    const { env, context } = ownLedger();
    const ledger = env.spreadsheet.peekSheet('相談記録');
    const before = ledger.peekValues();
    runFunction(context, 'menuInputCheck');
    const missing = sidebarData(env).issues.find((i) => i.code === 'HEADER_MISSING');
    expect(missing).toMatchObject({ sheet: '相談記録', cell: 'A2' });
    expect(missing?.offer).toEqual({ kind: 'header', sheet: '相談記録', standard: '受付日', candidates: ['来談日'] });
    expect(env.spreadsheet.peekSheetNames()).not.toContain('読み替え');

    const added = runFunction(context, 'sidebarAddMapping', { kind: 'header', target: '相談記録', local: '来談日', standard: '受付日' }) as {
      message: string;
      view: View;
    };
    expect(added.message).toBe('「相談記録」の見出し「来談日」を「受付日」として読みます（「読み替え」シートに追加しました）。');
    // Created with its header, and exactly the one row under it.
    expect(env.spreadsheet.peekSheet('読み替え').peekValues()).toEqual([MAPPING_HEADER, ['見出し', '相談記録', '来談日', '受付日']]);
    // The check that came back reads 来談日 as 受付日: no missing column, and row 4's impossible date is found.
    expect(codes(added.view)).toEqual([
      ['相談記録', 'A4', 'DATE_INVALID'],
      ['相談記録', 'D5', 'CHOICE_UNKNOWN'],
    ]);
    // Nothing in the center's own rows changed.
    expect(ledger.peekValues()).toEqual(before);
  });

  test('a word that is no choice offers the choices; choosing one clears the error without touching the cell', () => {
    const { env, context } = ownLedger();
    runFunction(context, 'sidebarAddMapping', { kind: 'header', target: '相談記録', local: '来談日', standard: '受付日' });
    const ledger = env.spreadsheet.peekSheet('相談記録');
    const before = ledger.peekValues();
    runFunction(context, 'menuInputCheck');
    const unknown = sidebarData(env).issues.find((i) => i.code === 'CHOICE_UNKNOWN');
    expect(unknown).toMatchObject({ sheet: '相談記録', cell: 'D5' });
    expect(unknown?.offer).toEqual({ kind: 'value', column: '相談方法', local: '来談', choices: ['電話', '来所', '訪問', 'メール・FAX', 'その他'] });

    const added = runFunction(context, 'sidebarAddMapping', { kind: 'value', target: '相談方法', local: '来談', standard: '来所' }) as {
      message: string;
      view: View;
    };
    expect(added.message).toBe('「相談方法」の「来談」を「来所」として読みます（「読み替え」シートに追加しました）。');
    expect(env.spreadsheet.peekSheet('読み替え').peekValues()).toEqual([
      MAPPING_HEADER,
      ['見出し', '相談記録', '来談日', '受付日'],
      ['値', '相談方法', '来談', '来所'],
    ]);
    expect(codes(added.view)).toEqual([['相談記録', 'A4', 'DATE_INVALID']]);
    // A fresh 入力チェック agrees, and D5 still says 来談, in the center's own word.
    runFunction(context, 'menuInputCheck');
    expect(codes(sidebarData(env))).toEqual([['相談記録', 'A4', 'DATE_INVALID']]);
    expect(ledger.peekValues()).toEqual(before);
    expect(ledger.peekCell('D5').value).toBe('来談');
  });

  test('a missing sheet offers the spreadsheet’s other sheets; choosing the center’s ledger reads it', () => {
    const { env, context } = ownLedger('相談台帳');
    sheetFromRows(env.spreadsheet, 'メモ', [['電話番号の控え']]);
    runFunction(context, 'menuInputCheck');
    const missing = sidebarData(env).issues.find((i) => i.code === 'SHEET_MISSING');
    expect(missing?.sheet).toBe('相談記録');
    expect(missing?.offer).toEqual({ kind: 'sheet', standard: '相談記録', candidates: expect.arrayContaining(['相談台帳', 'メモ']) });

    const added = runFunction(context, 'sidebarAddMapping', { kind: 'sheet', target: '', local: '相談台帳', standard: '相談記録' }) as {
      message: string;
      view: View;
    };
    expect(added.message).toBe('シート「相談台帳」を「相談記録」として読みます（「読み替え」シートに追加しました）。');
    expect(env.spreadsheet.peekSheet('読み替え').peekValues()).toEqual([MAPPING_HEADER, ['シート', '', '相談台帳', '相談記録']]);
    // Now the ledger is read under its own name, and its own header is what is missing.
    expect(added.view.issues.some((i) => i.code === 'SHEET_MISSING')).toBe(false);
    expect(added.view.issues.find((i) => i.code === 'HEADER_MISSING')).toMatchObject({
      sheet: '相談台帳',
      offer: { kind: 'header', sheet: '相談記録', standard: '受付日', candidates: ['来談日'] },
    });
  });

  test('a missing 相談記録 names the center’s ledger by its headers and offers it first; choosing it reads it', () => {
    const env = createGasEnvironment({ htmlDir: BUILD });
    sheetFromRows(env.spreadsheet, 'メモ', [['電話番号の控え'], ['相談者', '備考']]);
    const own = CONSULTATION_HEADER.map((h) => (h === '受付日' ? '受付年月日' : h === '相談方法' ? '受付方法' : h));
    sheetFromRows(env.spreadsheet, '総合相談受付簿', [['令和8年度 総合相談受付簿'], own, consultation()]);
    const context = loadBundle(join(BUILD, 'Code.js'), env);
    runFunction(context, 'menuInputCheck');
    const missing = sidebarData(env).issues.find((i) => i.code === 'SHEET_MISSING') as ViewIssue & { message: string };
    expect(missing.message).toContain(
      '「総合相談受付簿」シートに「受付年月日」「相談者ID」「新規/継続」「受付方法」「相談者」「業務区分」「相談内容」「認知症関連」「夜間休日」「対応職種」「対応内容」',
    );
    expect(missing.message).toContain('「読み替え」シートに種類「シート」・この表での書き方「総合相談受付簿」・標準「相談記録」の行を加えると');
    // メモ and the new spreadsheet's シート1 come first in the tabs; the ledger is offered first.
    expect(missing.offer).toEqual({ kind: 'sheet', standard: '相談記録', candidates: ['総合相談受付簿', 'シート1', 'メモ'] });
    const added = runFunction(context, 'sidebarAddMapping', { kind: 'sheet', target: '', local: '総合相談受付簿', standard: '相談記録' }) as { view: View };
    expect(codes(added.view)).toEqual([]);
  });

  test('on a first check without 相談記録, a sheet like 委託契約 is told too, and its offer writes the row that reads it', () => {
    const env = createGasEnvironment({ htmlDir: BUILD });
    sheetFromRows(env.spreadsheet, '委託状況', [
      ['居宅介護支援事業所への委託'],
      ['事業所番号', '事業所名', '法人名', '所在地', '委託区分', '契約開始日', '選定理由'],
      ['1170500126', 'ケアプランさくら', '社会福祉法人さくら会', '埼玉県本庄市中央1-1-1', '両方', jst('2026-04-01'), '利用者の希望'],
    ]);
    const context = loadBundle(join(BUILD, 'Code.js'), env);
    runFunction(context, 'menuInputCheck');
    const unread = sidebarData(env).issues.find((i) => i.code === 'SHEET_UNREAD');
    expect([unread?.sheet, unread?.cell, unread?.offer]).toEqual(['委託状況', 'A2', { kind: 'sheet', standard: '委託契約', candidates: ['委託状況'] }]);
    const added = runFunction(context, 'sidebarAddMapping', { kind: 'sheet', target: '', local: '委託状況', standard: '委託契約' }) as { view: View };
    expect(env.spreadsheet.peekSheet('読み替え').peekValues()).toEqual([MAPPING_HEADER, ['シート', '', '委託状況', '委託契約']]);
    expect(added.view.issues.map((i) => i.code)).toEqual(['SHEET_MISSING']);
  });

  test('a small sheet (3 rows, trimmed) among those looked through is read within its size, not past it', () => {
    const env = createGasEnvironment({ htmlDir: BUILD });
    sheetFromRows(env.spreadsheet, '電話メモ', [
      ['日付', '相手'],
      ['10/3', '民生委員'],
    ]).resizeGrid(3, 2);
    const context = loadBundle(join(BUILD, 'Code.js'), env);
    runFunction(context, 'menuInputCheck');
    const missing = sidebarData(env).issues.find((i) => i.code === 'SHEET_MISSING');
    expect(missing?.offer?.candidates).toEqual(['シート1', '電話メモ']);
  });

  test('while 相談記録 is there, 入力チェック does not look through the other sheets: each look is a round trip in Sheets', () => {
    const { env, context } = ownLedger();
    sheetFromRows(env.spreadsheet, '委託状況', [
      ['事業所番号', '事業所名', '法人名', '契約開始日'],
      ['1170500123', 'ケアプランさくら', '社会福祉法人さくら会', jst('2026-04-01')],
    ]);
    env.callLog.reset();
    runFunction(context, 'menuInputCheck');
    expect(env.callLog.count('Spreadsheet.getSheets')).toBe(0);
    expect(sidebarData(env).issues.some((i) => i.code === 'SHEET_UNREAD')).toBe(false);
  });

  test('a row the check could not use is refused in Japanese, and nothing is written', () => {
    const { env, context } = ownLedger();
    const ledger = env.spreadsheet.peekSheet('相談記録');
    const before = ledger.peekValues();
    expect(() => runFunction(context, 'sidebarAddMapping', { kind: 'value', target: '相談方法', local: '来談', standard: '来館' })).toThrow(
      '「読み替え」に追加しませんでした: 「相談方法」に「来館」という選択肢はありません。「標準」には「電話」「来所」「訪問」「メール・FAX」「その他」のどれかを書いてください。',
    );
    expect(env.spreadsheet.peekSheetNames()).not.toContain('読み替え');
    // What the browser sent is checked before anything is read: an unknown kind is refused too.
    expect(() => runFunction(context, 'sidebarAddMapping', { kind: '見出し', target: '相談記録', local: '来談日', standard: '受付日' })).toThrow(
      '選んだ読み替えを読み取れませんでした。再チェックしてから、もう一度選んでください。',
    );
    expect(env.spreadsheet.peekSheetNames()).not.toContain('読み替え');

    // With 読み替え there, a refused row leaves it as it was.
    runFunction(context, 'sidebarAddMapping', { kind: 'header', target: '相談記録', local: '来談日', standard: '受付日' });
    const mapping = env.spreadsheet.peekSheet('読み替え').peekValues();
    expect(() => runFunction(context, 'sidebarAddMapping', { kind: 'header', target: '相談記録', local: '来談日', standard: '受付日' })).toThrow(
      /^「読み替え」に追加しませんでした: /,
    );
    expect(env.spreadsheet.peekSheet('読み替え').peekValues()).toEqual(mapping);
    expect(ledger.peekValues()).toEqual(before);
  });

  test('while someone else holds the document lock, the second click is told to wait and writes nothing', () => {
    const { env, context } = ownLedger();
    env.locks.holdByOther('document');
    expect(() => runFunction(context, 'sidebarAddMapping', { kind: 'header', target: '相談記録', local: '来談日', standard: '受付日' })).toThrow(
      'ほかの方が「読み替え」に書き込んでいるところです。少し待ってから、もう一度お試しください。',
    );
    expect(env.spreadsheet.peekSheetNames()).not.toContain('読み替え');
    env.locks.releaseByOther('document');
    runFunction(context, 'sidebarAddMapping', { kind: 'header', target: '相談記録', local: '来談日', standard: '受付日' });
    expect(env.spreadsheet.peekSheet('読み替え').peekValues()).toHaveLength(2);
    expect(env.locks.holder('document')).toBe('none');
  });
});
