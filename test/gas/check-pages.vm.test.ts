/**
 * The チェック結果 sidebar's server side for a long list (issue #20), in build/Code.js over the fakes: the view by
 * kind, a page of a kind at a time with counts from a check made then, and the fix of a whole kind in chunks.
 */
import { join } from 'node:path';
import { createGasEnvironment, type GasEnvironment, loadBundle, runFunction } from '../fakes/gas-globals';
import { jst } from '../helpers/center';
import { loadManyProblems, MANY_PROBLEMS, manyProblemRows } from '../helpers/many-problems';

const BUILD = join(__dirname, '..', '..', 'build');
const ROWS = manyProblemRows();
const KB = 1024;

interface Group {
  sheet: string;
  code: string;
  title: string;
  count: number;
  bulk: boolean;
}
interface Page {
  sheet: string;
  code: string;
  offset: number;
  size: number;
  total: number;
  issues: { sheet: string; cell: string; code: string; suggestion?: string }[];
}
interface View {
  summary: { errors: number; warnings: number };
  issues: Page['issues'];
  groups: Group[];
  page?: Page;
}
interface Block {
  first: number;
  last: number;
  count: number;
  digest: string;
}
interface Preview {
  total: number;
  unchanged: number;
  items: { cell: string; header: string; before: string; after: string }[];
  chunks: Block[][];
}
interface FixView {
  applied: number;
  skipped: number;
  stale: number;
  view: View;
}

function world(rows: readonly unknown[][] = ROWS) {
  const env = createGasEnvironment({ htmlDir: BUILD });
  loadManyProblems(env.spreadsheet, rows);
  return { env, context: loadBundle(join(BUILD, 'Code.js'), env), sheet: env.spreadsheet.peekSheet('相談記録') };
}

/** The data the sidebar was opened with, and its size as it travels (UTF-8). */
function sidebarData(env: GasEnvironment): { view: View; bytes: number } {
  const html = env.ui.lastSidebar()?.getContent() ?? '';
  const json = /<script type="application\/json" id="houkatsu-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? 'null';
  return { view: JSON.parse(json) as View, bytes: Buffer.byteLength(json) };
}

/** A call as google.script.run makes it: the answer crosses as JSON. */
function call<T>(context: ReturnType<typeof world>['context'], name: string, ...args: unknown[]): { value: T; bytes: number } {
  const json = JSON.stringify(runFunction(context, name, ...args));
  return { value: JSON.parse(json) as T, bytes: Buffer.byteLength(json) };
}

const open = (code: string, offset = 0, sheet = '相談記録') => ({ sheet, code, offset });
const WRITES = /^(Range\.set|RangeList\.set|Sheet\.(insert|delete|set)|Spreadsheet\.(insert|delete))/;
const writes = (env: GasEnvironment): string[] => [...env.callLog.byMethod.keys()].filter((m) => WRITES.test(m));

describe('チェック結果 for 5,000 problems: kinds, pages, and the fix of a kind', () => {
  let shared: ReturnType<typeof world>;
  beforeAll(() => {
    shared = world();
    runFunction(shared.context, 'menuInputCheck');
  });

  test('the sidebar opens with every sheet’s kinds, whose counts add up to the chips, in a small page', () => {
    const { view, bytes } = sidebarData(shared.env);
    expect(view.summary).toEqual({ errors: MANY_PROBLEMS.errors, warnings: MANY_PROBLEMS.warnings });
    expect(view.groups.map((g) => [g.sheet, g.code, g.count, g.bulk])).toEqual([
      ['相談記録', 'DATE_INVALID', MANY_PROBLEMS.kinds.invalid, false],
      ['相談記録', 'DATE_NOTATION', MANY_PROBLEMS.kinds.wareki, true],
      ['相談記録', 'CHOICE_VARIANT', MANY_PROBLEMS.kinds.tel, true],
      ['委託契約', 'SELECTION_REASON_MISSING', 1, false],
      ['委託実績', 'MONTH_NOTATION', 1, true],
    ]);
    expect(view.groups.reduce((n, g) => n + g.count, 0)).toBe(view.summary.errors + view.summary.warnings);
    // The catalogue's words, not a second table.
    expect(view.groups[1]?.title).toBe('西暦でない日付');
    // `issues` stays what tools read: the first page of the check, in its order.
    expect(view.issues).toHaveLength(50);
    expect(view.issues[0]).toMatchObject({ sheet: '相談記録', cell: 'A3', code: 'DATE_NOTATION' });
    expect(view.page).toBeUndefined();
    expect(bytes).toBeLessThanOrEqual(50 * KB);
  });

  test('a page of a kind, from a check made now, marks nothing and costs what a check costs at any size', () => {
    const { env, context } = shared;
    env.callLog.reset();
    const first = call<View>(context, 'sidebarIssuePage', open('DATE_INVALID'));
    expect(writes(env)).toEqual([]);
    const calls = env.callLog.spreadsheetCalls;
    expect(first.value.page).toMatchObject({ code: 'DATE_INVALID', offset: 0, size: 50, total: 51 });
    expect(first.value.page?.issues.map((i) => i.cell).slice(0, 3)).toEqual(['A80', 'A158', 'A236']);
    expect(first.bytes).toBeLessThanOrEqual(50 * KB);
    // The second page holds the problem of row 3980; the counts come with it.
    const second = call<View>(context, 'sidebarIssuePage', open('DATE_INVALID', 50)).value;
    expect(second.page?.issues.map((i) => i.cell)).toEqual(['A3980']);
    expect(second.summary).toEqual({ errors: MANY_PROBLEMS.errors, warnings: MANY_PROBLEMS.warnings });
    // An offset past the end (its last cells were fixed meanwhile) gives the last page; one between pages, its page.
    expect(call<View>(context, 'sidebarIssuePage', open('DATE_INVALID', 500)).value.page?.offset).toBe(50);
    expect(call<View>(context, 'sidebarIssuePage', open('DATE_NOTATION', 120)).value.page?.offset).toBe(100);
    // Every sheet is reachable.
    expect(call<View>(context, 'sidebarIssuePage', open('SELECTION_REASON_MISSING', 0, '委託契約')).value.page?.issues.map((i) => i.cell)).toEqual(['J2']);
    expect(call<View>(context, 'sidebarIssuePage', open('MONTH_NOTATION', 0, '委託実績')).value.page?.issues.map((i) => i.cell)).toEqual(['A2']);
    // A kind that is gone has no page.
    expect(call<View>(context, 'sidebarIssuePage', open('CELL_MERGED')).value.page).toBeUndefined();

    // The same calls for a quarter of the rows: a page request does not grow with the sheet.
    const small = world(ROWS.slice(0, 1000));
    small.env.callLog.reset();
    runFunction(small.context, 'sidebarIssuePage', open('DATE_INVALID'));
    expect(small.env.callLog.spreadsheetCalls).toBe(calls);
  });

  test('what a page sends is checked: a made-up kind or offset is refused in Japanese', () => {
    const { context } = shared;
    expect(() => runFunction(context, 'sidebarIssuePage', { sheet: '相談記録', code: 'NO_SUCH_CODE', offset: 0 })).toThrow(
      '開いている問題の種類を読み取れませんでした',
    );
    expect(() => runFunction(context, 'sidebarIssuePage', { sheet: '相談記録', code: 'DATE_INVALID', offset: -1 })).toThrow('再チェックしてください');
    expect(() => runFunction(context, 'sidebarIssuePage', null)).toThrow('開く問題の種類を読み取れませんでした');
    expect(() => runFunction(context, 'sidebarRecheck', 'DATE_INVALID')).toThrow('開いている問題の種類を読み取れませんでした');
  });

  test('適用 with a kind open: one round trip that costs what it did, with the open page in the answer', () => {
    const a = world();
    runFunction(a.context, 'menuInputCheck');
    a.env.callLog.reset();
    const plain = call<View>(a.context, 'sidebarApplySuggestion', '相談記録', 'D4', '電話');
    const plainCalls = a.env.callLog.spreadsheetCalls;
    expect(plain.value.page).toBeUndefined();

    const b = world();
    runFunction(b.context, 'menuInputCheck');
    b.env.callLog.reset();
    const paged = call<View>(b.context, 'sidebarApplySuggestion', '相談記録', 'D4', '電話', open('CHOICE_VARIANT'));
    expect(b.env.callLog.spreadsheetCalls).toBe(plainCalls);
    expect(b.sheet.peekCell('D4').value).toBe('電話');
    expect(paged.value.page).toMatchObject({ code: 'CHOICE_VARIANT', total: MANY_PROBLEMS.kinds.tel - 1 });
    expect(paged.value.page?.issues[0]?.cell).toBe('D8');
    expect(paged.bytes).toBeLessThanOrEqual(50 * KB);
  });

  test('a kind fixed at once: the preview writes nothing; two calls of at most 2,000 cells write it all and log it', () => {
    const { env, context, sheet } = world();
    runFunction(context, 'menuInputCheck');
    env.callLog.reset();
    const preview = call<Preview>(context, 'sidebarGroupFixPreview', { sheet: '相談記録', code: 'DATE_NOTATION' });
    expect(writes(env)).toEqual([]);
    expect(preview.bytes).toBeLessThanOrEqual(50 * KB);
    expect(preview.value.total).toBe(MANY_PROBLEMS.kinds.wareki);
    expect(preview.value.unchanged).toBe(0);
    expect(preview.value.items[0]).toEqual({ cell: 'A3', header: '受付日', before: 'R8.10.1', after: '2026-10-01' });
    expect(preview.value.items).toHaveLength(10);
    const sizes = preview.value.chunks.map((c) => c.reduce((n, b) => n + b.count, 0));
    expect(sizes).toEqual([2000, MANY_PROBLEMS.kinds.wareki - 2000]);
    expect(sheet.peekCell('A3').value).toBe('R8.10.1');

    env.callLog.reset();
    const first = call<FixView>(
      context,
      'sidebarGroupFixApply',
      { sheet: '相談記録', code: 'DATE_NOTATION', blocks: preview.value.chunks[0] },
      open('DATE_NOTATION'),
    );
    expect(first.value).toMatchObject({ applied: 2000, skipped: 0, stale: 0 });
    // Writes follow the runs of the column (broken by the unreadable dates), not its cells.
    expect(env.callLog.count('Range.setValues')).toBeLessThan(60);
    expect(first.value.view.groups.find((g) => g.code === 'DATE_NOTATION')?.count).toBe(MANY_PROBLEMS.kinds.wareki - 2000);
    expect(first.value.view.page?.issues[0]?.cell).toMatch(/^A\d+$/);
    expect(first.bytes).toBeLessThanOrEqual(50 * KB);
    const second = call<FixView>(context, 'sidebarGroupFixApply', { sheet: '相談記録', code: 'DATE_NOTATION', blocks: preview.value.chunks[1] }).value;
    expect(second).toMatchObject({ applied: MANY_PROBLEMS.kinds.wareki - 2000, skipped: 0, stale: 0 });
    expect(second.view.groups.some((g) => g.code === 'DATE_NOTATION')).toBe(false);
    expect(second.view.summary).toEqual({ errors: MANY_PROBLEMS.errors, warnings: MANY_PROBLEMS.warnings - MANY_PROBLEMS.kinds.wareki });
    expect(sheet.peekCell('A3').value).toEqual(jst('2026-10-01'));
    expect(sheet.peekCell('A4002').value).toEqual(jst('2026-10-24'));
    // The unreadable dates are no suggestion: left as they were.
    expect(sheet.peekCell('A80').value).toBe('R8.2.30');
    const log = env.spreadsheet.peekSheet('_変更履歴').peekValues();
    expect(log).toHaveLength(MANY_PROBLEMS.kinds.wareki + 1);
    expect(log[1]).toEqual(['相談記録', 'A3', 'R8.10.1', '2026-10-01', expect.stringMatching(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/), 'チェック結果から適用']);
    // The marks followed: the fixed cells have none left.
    expect(sheet.peekBackgrounds()[2]?.[0]).toBe('#ffffff');
  });

  test('a block with a cell edited since the preview is left whole and counted; the rest is written', () => {
    const { context, sheet } = world();
    const preview = call<Preview>(context, 'sidebarGroupFixPreview', { sheet: '相談記録', code: 'CHOICE_VARIANT' }).value;
    expect(preview.chunks).toHaveLength(1);
    const blocks = preview.chunks[0] ?? [];
    expect(blocks.map((b) => b.count)).toEqual(Array(10).fill(100));
    // Someone types into a cell of the first block.
    sheet.getRange('D8').setValue('来所');
    const result = call<FixView>(context, 'sidebarGroupFixApply', { sheet: '相談記録', code: 'CHOICE_VARIANT', blocks }).value;
    expect(result).toMatchObject({ applied: 900, skipped: 0, stale: 100 });
    expect(sheet.peekCell('D8').value).toBe('来所');
    expect(sheet.peekCell('D4').value).toBe('TEL');
    expect(sheet.peekCell('D404').value).toBe('電話');
    expect(result.view.groups.find((g) => g.code === 'CHOICE_VARIANT')?.count).toBe(99);
  });

  test('only a kind of notation is fixed at once, and a call never asks for more than 2,000 cells', () => {
    const { context } = shared;
    expect(() => runFunction(context, 'sidebarGroupFixPreview', { sheet: '相談記録', code: 'DATE_INVALID' })).toThrow(
      '「相談記録」の「日付として読めない」は、まとめて直せる種類ではありません',
    );
    expect(() => runFunction(context, 'sidebarGroupFixPreview', { sheet: '相談記録', code: 'CELL_MERGED' })).toThrow('もう見つかりません');
    const big = Array.from({ length: 21 }, (_, i) => ({ first: i * 100 + 3, last: i * 100 + 102, count: 100, digest: '0123456789abcdef' }));
    expect(() => runFunction(context, 'sidebarGroupFixApply', { sheet: '相談記録', code: 'DATE_NOTATION', blocks: big })).toThrow(
      '直す内容を読み取れませんでした',
    );
    const forged = [{ first: 3, last: 102, count: 100, digest: '0123456789abcdef' }];
    expect(runFunction(context, 'sidebarGroupFixApply', { sheet: '相談記録', code: 'DATE_NOTATION', blocks: forged })).toMatchObject({
      applied: 0,
      stale: 100,
    });
  });

  test('a formula and the cells of its array result are never written: counted in the preview, skipped by the write', () => {
    const { env, context, sheet } = world(manyProblemRows(60));
    // D4 holds a formula whose result fills D4:D5 with TEL: both read as 選択肢の表記ゆれ.
    sheet.spill('D4', '=ARRAYFORMULA(IF(ROW(D4:D5),"TEL"))', [['TEL'], ['TEL']]);
    const preview = call<Preview>(context, 'sidebarGroupFixPreview', { sheet: '相談記録', code: 'CHOICE_VARIANT' }).value;
    expect([preview.total, preview.unchanged]).toEqual([15, 1]);
    const result = call<FixView>(context, 'sidebarGroupFixApply', { sheet: '相談記録', code: 'CHOICE_VARIANT', blocks: preview.chunks[0] }).value;
    expect(result).toMatchObject({ applied: 14, skipped: 1, stale: 0 });
    expect(sheet.peekFormulas()[3]?.[3]).toBe('=ARRAYFORMULA(IF(ROW(D4:D5),"TEL"))');
    expect(sheet.peekFilledByArray('D5')).toBe(true);
    expect(sheet.peekCell('D8').value).toBe('電話');
    expect(env.spreadsheet.peekSheet('_変更履歴').peekValues()).toHaveLength(15);
  });
});
