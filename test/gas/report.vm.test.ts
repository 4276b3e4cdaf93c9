import { join } from 'node:path';
import { createGasEnvironment, type GasEnvironment, loadBundle, runFunction, sheetFromRows } from '../fakes/gas-globals';
import {
  consultation,
  consultations,
  CONSULTATION_HEADER,
  contract,
  CONTRACT_HEADER,
  delegation,
  DELEGATION_HEADER,
  jst,
  FEW_ROWS,
  MANY_ROWS,
} from '../helpers/center';

const BUILD = join(__dirname, '..', '..', 'build');

function world(rows: unknown[][] = consultations(30)) {
  const env = createGasEnvironment({ htmlDir: BUILD });
  sheetFromRows(env.spreadsheet, '設定', [
    ['項目', '値'],
    ['センター名', '本庄西地域包括支援センター'],
    ['センターコード', '11211-01'],
    ['運営法人名', '社会福祉法人 本庄福祉会'],
  ]);
  sheetFromRows(env.spreadsheet, '相談記録', [CONSULTATION_HEADER, ...rows]);
  sheetFromRows(env.spreadsheet, '委託契約', [CONTRACT_HEADER, contract()]);
  sheetFromRows(env.spreadsheet, '委託実績', [
    DELEGATION_HEADER,
    delegation(),
    delegation({ 事業所番号: '直営', 介護予防支援件数: 4, 介護予防ケアマネジメント件数: 1, うち新規: 0 }),
  ]);
  const context = loadBundle(join(BUILD, 'Code.js'), env);
  return { env, context };
}

/** The menu opens the month dialog; the dialog's 作成 calls reportDialogBuild. A failure throws a Japanese sentence. */
function buildFromMenu(env: GasEnvironment, context: object, month = '2026-10'): void {
  runFunction(context, 'menuBuildReport');
  const dialog = env.ui.shown.filter((s) => s.kind === 'modal').pop();
  expect(dialog && 'html' in dialog ? dialog.html : '').toMatch(/"defaultMonth":"\d{4}-\d{2}"/);
  try {
    runFunction(context, 'reportDialogBuild', month);
  } catch (error) {
    env.ui.shown.push({ kind: 'alert', title: '', prompt: (error as Error).message, buttons: undefined, answer: 'OK' } as never);
  }
}

const values = (env: GasEnvironment, sheet: string): unknown[][] => env.spreadsheet.peekSheet(sheet).peekValues();
const cellRight = (rows: unknown[][], label: string): unknown => rows.find((r) => r[0] === label)?.[1];

describe('月報を作成…', () => {
  test('builds 月報_YYYY-MM with the header, the reconciled tables, charts, and nothing else changed', () => {
    const { env, context } = world([...consultations(30), consultation({ 相談方法: '', 受付日: jst('2026-10-31') })]);
    const before = ['相談記録', '委託契約', '委託実績'].map((s) => values(env, s));
    buildFromMenu(env, context);
    const rows = values(env, '月報_2026-10');
    expect(cellRight(rows, '対象月')).toBe('2026年10月（令和8年10月）');
    expect(cellRight(rows, 'センター名')).toBe('本庄西地域包括支援センター');
    expect(cellRight(rows, '状態')).toBe('下書き');
    expect(cellRight(rows, 'この月の行に残っている問題')).toBe('エラー 1 件（1 行）、注意 0 件（0 行）');
    // The 計 row of 相談方法 × 相談者 and of 相談内容: both total 31, the blank 相談方法 under 未分類.
    const totals = rows.filter((r) => r[0] === '計');
    expect(totals[0]?.includes(31)).toBe(true);
    expect(totals[1]?.includes(31)).toBe(true);
    expect(rows.some((r) => r[0] === '未分類')).toBe(true);
    expect(env.spreadsheet.peekSheet('月報_2026-10').peekState().charts).toHaveLength(2);
    expect(['相談記録', '委託契約', '委託実績'].map((s) => values(env, s))).toEqual(before);
    expect(env.spreadsheet.peekSheetNames().filter((n) => n.includes('作成中') || n.includes('（旧）'))).toEqual([]);
  });

  test('the dialog offers last month; a bad month is told in Japanese, not as a stack trace', () => {
    const { env, context } = world();
    runFunction(context, 'menuBuildReport');
    const dialog = env.ui.shown.filter((s) => s.kind === 'modal').pop();
    const offered = /"defaultMonth":"(\d{4}-\d{2})"/.exec(dialog && 'html' in dialog ? dialog.html : '')?.[1] ?? '';
    runFunction(context, 'reportDialogBuild', offered);
    expect(env.spreadsheet.peekSheetNames()).toContain(`月報_${offered}`);
    expect(() => runFunction(context, 'reportDialogBuild', '2026年13月')).toThrow(/^(?!.*\n\s+at ).*月として読めませんでした/);
  });

  test('a rebuild replaces the report atomically; a failure half-way leaves the earlier one as it was', () => {
    const { env, context } = world();
    buildFromMenu(env, context);
    const first = values(env, '月報_2026-10');
    sheetFromRows(env.spreadsheet, '相談記録', [CONSULTATION_HEADER, ...consultations(45)]);
    env.faults.failOn('Range.setValues', { error: new Error('Service Spreadsheets timed out') });
    buildFromMenu(env, context);
    expect(values(env, '月報_2026-10')).toEqual(first);
    expect(env.spreadsheet.peekSheetNames().filter((n) => n.includes('作成中'))).toEqual([]);
    env.faults.clear();
    buildFromMenu(env, context);
    const rebuilt = values(env, '月報_2026-10');
    expect(rebuilt.filter((r) => r[0] === '計')[0]?.includes(45)).toBe(true);
    expect(env.spreadsheet.peekSheetNames().filter((n) => n.startsWith('月報_'))).toEqual(['月報_2026-10']);
  });

  test('two people at once: the second is told to wait, and nothing is built', () => {
    const { env, context } = world();
    env.locks.holdByOther('document');
    buildFromMenu(env, context);
    const alert = env.ui.shown.filter((s) => s.kind === 'alert').pop();
    expect(alert && 'prompt' in alert ? alert.prompt : '').toMatch(/ほかの方が月報の作成か提出をしているところです/);
    expect(env.spreadsheet.peekSheetNames().some((n) => n.startsWith('月報_'))).toBe(false);
  });
});

// 市へ提出 (the 提出用ファイル, its budget and its privacy) is in submit.vm.test.ts.
describe('call budget of 月報を作成…', () => {
  function calls(n: number, job: 'build'): number {
    const { env, context } = world(consultations(n));
    sheetFromRows(env.spreadsheet, '委託実績', [
      DELEGATION_HEADER,
      ...Array.from({ length: Math.min(n, 2000) }, (_, i) =>
        delegation({ 対象月: `20${String(10 + (i % 16)).padStart(2, '0')}-${String((i % 12) + 1).padStart(2, '0')}` }),
      ),
    ]);
    env.callLog.reset();
    runFunction(context, 'reportDialogBuild', job === 'build' ? '2026-10' : '');
    expect(env.spreadsheet.peekSheetNames()).toContain('月報_2026-10');
    expect(env.ui.shown.filter((s) => s.kind === 'alert' && 'prompt' in s && /処理を完了/.test(String(s.prompt)))).toEqual([]);
    return env.callLog.spreadsheetCalls;
  }

  test.each(['build'] as const)('%s: the same number of calls at 1,000 and 4,000 rows', (job) => {
    expect(calls(MANY_ROWS, job)).toBe(calls(FEW_ROWS, job));
  });
});

describe('month boundaries in Japan time', () => {
  test('23:59 on the last day of the month counts in that month, midnight after it in the next', () => {
    const rows = [
      consultation({ 受付日: new Date('2026-10-31T23:59:00+09:00') }),
      consultation({ 受付日: new Date('2026-11-01T00:00:00+09:00') }),
      consultation({ 受付日: '令和8年10月1日' }),
    ];
    const { env, context } = world(rows);
    buildFromMenu(env, context, '2026-10');
    buildFromMenu(env, context, '2026-11');
    // The grand total is the largest number of the first 計 row (相談方法 × 相談者).
    const grand = (sheet: string): number => {
      const row = values(env, sheet).find((r) => r[0] === '計') ?? [];
      return Math.max(...row.filter((v): v is number => typeof v === 'number'));
    };
    expect(grand('月報_2026-10')).toBe(2);
    expect(grand('月報_2026-11')).toBe(1);
  });
});
