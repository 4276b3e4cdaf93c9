import { join } from 'node:path';
import { readPayload } from '../../src/domain/submission';
import { readStoredSubmissions } from '../../src/domain/submission-store';
import { createGasEnvironment, type GasEnvironment, loadBundle, runFunction, sheetFromRows } from '../fakes/gas-globals';
import { consultation, consultations, CONSULTATION_HEADER, contract, CONTRACT_HEADER, delegation, DELEGATION_HEADER, jst } from '../helpers/center';

const BUILD = join(__dirname, '..', '..', 'build');

function world(rows: unknown[][] = consultations(30)) {
  const env = createGasEnvironment({ htmlDir: BUILD });
  sheetFromRows(env.spreadsheet, '設定', [['項目', '値'], ['センター名', '本庄西地域包括支援センター'], ['センターコード', '11211-01'], ['運営法人名', '社会福祉法人 本庄福祉会']]);
  sheetFromRows(env.spreadsheet, '相談記録', [CONSULTATION_HEADER, ...rows]);
  sheetFromRows(env.spreadsheet, '委託契約', [CONTRACT_HEADER, contract()]);
  sheetFromRows(env.spreadsheet, '委託実績', [DELEGATION_HEADER, delegation(), delegation({ 事業所番号: '直営', 介護予防支援件数: 4, 介護予防ケアマネジメント件数: 1, うち新規: 0 })]);
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
    env.faults.failOn('Range.setValues', { after: 3, error: new Error('Service Spreadsheets timed out') });
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

describe('市へ提出', () => {
  test('writes the payload to the hidden _提出データ, marks the report 提出済み, keeps a history row on resubmission', () => {
    const { env, context } = world();
    buildFromMenu(env, context);
    env.spreadsheet.setActiveSheet(env.spreadsheet.peekSheet('月報_2026-10'));
    env.ui.answer('OK');
    runFunction(context, 'menuSubmitReport');
    expect(cellRight(values(env, '月報_2026-10'), '状態')).toMatch(/^提出済み（\d{4}-\d{2}-\d{2} \d{2}:\d{2}）$/);
    const store = env.spreadsheet.peekSheet('_提出データ');
    expect(store.peekState().hidden).toBe(true);
    const stored = readStoredSubmissions(store.peekValues() as never);
    expect(stored.map((s) => [s.kind, s.period, s.status])).toEqual([['monthly-report', '2026-10', '最新']]);
    const payload = readPayload(stored[0]?.json ?? '');
    expect(payload.kind).toBe('ok');
    if (payload.kind === 'ok') {
      expect(payload.submission.center).toMatchObject({ name: '本庄西地域包括支援センター', code: '11211-01' });
      expect(payload.submission.consultations.total).toBe(30);
      expect(payload.submission.preventivePlans).toMatchObject({ direct: 5, delegated: 5 });
    }
    env.spreadsheet.setActiveSheet(env.spreadsheet.peekSheet('月報_2026-10'));
    env.ui.answer('OK');
    runFunction(context, 'menuSubmitReport');
    const again = readStoredSubmissions(env.spreadsheet.peekSheet('_提出データ').peekValues() as never);
    expect(again.map((s) => s.status)).toEqual(['最新', '履歴']);
    expect(again[0]?.fingerprint).toBe(again[1]?.fingerprint);
  });

  test('a report with errors left asks for confirmation; いいえ submits nothing', () => {
    const { env, context } = world([...consultations(5), consultation({ 相談方法: '伝書鳩' })]);
    env.ui.answer({ button: 'OK', text: '2026-10' }, 'NO');
    runFunction(context, 'menuSubmitReport');
    expect(env.spreadsheet.peekSheetNames()).not.toContain('_提出データ');
    const confirm = env.ui.shown.filter((s) => s.kind === 'alert').pop();
    expect(confirm && 'prompt' in confirm ? confirm.prompt : '').toMatch(/エラーが 1 件残っています。このまま提出しますか/);
  });

  test('a payload larger than one cell (50,000 characters) is split across cells and read back whole', () => {
    const many = Array.from({ length: 400 }, (_, i) => contract({ 事業所番号: '1171300013', 事業所名: `事業所${i}`, 契約開始日: jst(`20${String(10 + (i % 10))}-04-01`), 契約終了日: jst(`20${String(10 + (i % 10))}-04-30`) }));
    const { env, context } = world();
    sheetFromRows(env.spreadsheet, '委託契約', [CONTRACT_HEADER, ...many, contract({ 事業所名: 'x'.repeat(30000), 契約開始日: jst('2026-10-01') })]);
    env.ui.answer({ button: 'OK', text: '2026-10' }, 'YES', 'OK');
    runFunction(context, 'menuSubmitReport');
    const row = env.spreadsheet.peekSheet('_提出データ').peekValues()[1] ?? [];
    expect(Number(row[6])).toBeGreaterThan(1);
    for (const cell of row) expect(String(cell).length).toBeLessThanOrEqual(50000);
    const stored = readStoredSubmissions(env.spreadsheet.peekSheet('_提出データ').peekValues() as never);
    expect(stored[0]?.json.length).toBeGreaterThan(50000);
    expect(readPayload(stored[0]?.json ?? '').kind).toBe('ok');
  });

  test('no personal data: distinctive 相談者ID, 氏名, 内容メモ, 紹介事業所 and an unknown column appear in no payload or report', () => {
    const secret = ['ZZID-9137', '秘密山 花子', '秘密のメモ本文', '秘密紹介事業所', '秘密独自列'];
    const header = [...CONSULTATION_HEADER, '独自の列'];
    const rows = consultations(10).map((r) => [...r, secret[4]]);
    rows.push([...consultation({ 相談者ID: secret[0], 氏名: secret[1], 内容メモ: secret[2], 紹介事業所: secret[3], 紹介理由: '比較して選択' }), secret[4]]);
    const { env, context } = world();
    sheetFromRows(env.spreadsheet, '相談記録', [header, ...rows]);
    buildFromMenu(env, context);
    env.ui.answer({ button: 'OK', text: '2026-10' }, 'OK');
    runFunction(context, 'menuSubmitReport');
    const exported = JSON.stringify([values(env, '月報_2026-10'), values(env, '_提出データ')]);
    for (const s of secret) expect(exported).not.toContain(s);
  });
});

describe('call budget of 月報を作成… and 市へ提出', () => {
  function calls(n: number, job: 'build' | 'submit'): number {
    const { env, context } = world(consultations(n));
    sheetFromRows(env.spreadsheet, '委託実績', [DELEGATION_HEADER, ...Array.from({ length: Math.min(n, 2000) }, (_, i) => delegation({ 対象月: `20${String(10 + (i % 16)).padStart(2, '0')}-${String((i % 12) + 1).padStart(2, '0')}` }))]);
    if (job === 'submit') env.ui.answer({ button: 'OK' as const, text: '2026-10' }, 'YES' as const, 'OK' as const);
    env.callLog.reset();
    if (job === 'build') runFunction(context, 'reportDialogBuild', '2026-10');
    else runFunction(context, 'menuSubmitReport');
    expect(env.spreadsheet.peekSheetNames()).toContain('月報_2026-10');
    expect(env.ui.shown.filter((s) => s.kind === 'alert' && 'prompt' in s && /処理を完了/.test(String(s.prompt)))).toEqual([]);
    return env.callLog.spreadsheetCalls;
  }

  test.each(['build', 'submit'] as const)('%s: the same number of calls at 1,000 and 10,000 rows', (job) => {
    expect(calls(10000, job)).toBe(calls(1000, job));
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
