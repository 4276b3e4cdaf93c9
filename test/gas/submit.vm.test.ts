/**
 * 「市へ提出」 through the real bundle over the fake: the payload and the 月報 go to a separate 提出用ファイル made
 * through the Sheets and Drive advanced services under drive.file; the center's spreadsheet is never shared
 * and loses its old `_提出データ` only once the rows are safe in the new file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPayload } from '../../src/domain/reports/submission';
import { readStoredSubmissions } from '../../src/domain/reports/submission-store';
import { createGasEnvironment, type GasEnvironment, loadBundle, runFunction, sheetFromRows } from '../fakes/gas-globals';
import type { ErrorLocale } from '../fakes/runtime';
import type { FakeSpreadsheet } from '../fakes/spreadsheet';
import {
  consultation,
  consultations,
  CONSULTATION_HEADER,
  contract,
  CONTRACT_HEADER,
  delegation,
  DELEGATION_HEADER,
  FEW_ROWS,
  MANY_ROWS,
} from '../helpers/center';
import { sampleSubmission, storeRows } from '../helpers/submissions';

const BUILD = join(__dirname, '..', '..', 'build');
const MANIFEST = JSON.parse(readFileSync(join(BUILD, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };
const DRIVE_FILE = 'https://www.googleapis.com/auth/drive.file';
const CITY = 'kaigo@city.example.jp';
const CITY2 = 'fukushi@city.example.jp';

function world(
  rows: unknown[][] = consultations(30),
  settings: unknown[][] = [['提出先メールアドレス', `${CITY}、${CITY2}`]],
  errorLocale: ErrorLocale = 'en',
) {
  // The center's own manifest: exactly the scopes it asks for, so the fake refuses anything beyond them.
  const env = createGasEnvironment({ htmlDir: BUILD, oauthScopes: MANIFEST.oauthScopes, errorLocale });
  sheetFromRows(env.spreadsheet, '設定', [
    ['項目', '値'],
    ['センター名', '本庄西地域包括支援センター'],
    ['センターコード', '11211-01'],
    ['運営法人名', '社会福祉法人 本庄福祉会'],
    ...settings,
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

const values = (ss: FakeSpreadsheet, sheet: string): unknown[][] => ss.peekSheet(sheet).peekValues();
const setting = (env: GasEnvironment, label: string): string => String(values(env.spreadsheet, '設定').find((r) => r[0] === label)?.[1] ?? '');
const idOf = (url: string): string => /\/d\/([^/]+)/.exec(url)?.[1] ?? '';
const alerts = (env: GasEnvironment): string[] => env.ui.shown.filter((s) => s.kind === 'alert').map((s) => ('prompt' in s ? String(s.prompt) : ''));

/** The 提出用ファイル named in 設定. */
function submissionFile(env: GasEnvironment): FakeSpreadsheet {
  const entry = env.registry.find(idOf(setting(env, '提出用ファイル')));
  if (!entry) throw new Error('no 提出用ファイル');
  return entry.spreadsheet;
}

/** Submits October 2026 from the menu (from 相談記録, so the month is asked), with the answers the dialogs need. */
function submit(env: GasEnvironment, context: object, ...answers: Parameters<GasEnvironment['ui']['answer']>): void {
  env.spreadsheet.setActiveSheet(env.spreadsheet.peekSheet('相談記録'));
  env.ui.answer({ button: 'OK', text: '2026-10' }, ...answers);
  runFunction(context, 'menuSubmitReport');
}

describe('市へ提出 writes a separate 提出用ファイル', () => {
  test('the first submission creates 提出用_<センター名>, shares it as reader, records its URL, and shows it', () => {
    const { env, context } = world();
    submit(env, context, 'OK');
    const url = setting(env, '提出用ファイル');
    expect(url).toMatch(/^https:\/\/docs\.google\.com\/spreadsheets\/d\/[^/]+\/edit$/);
    const file = submissionFile(env);
    expect(file.getName()).toBe('提出用_本庄西地域包括支援センター');
    expect(file.peekSheetNames().sort()).toEqual(['_提出データ', '月報_2026-10']);
    const stored = readStoredSubmissions(values(file, '_提出データ') as never);
    expect(stored.map((s) => [s.kind, s.period, s.status])).toEqual([['monthly-report', '2026-10', '最新']]);
    const payload = readPayload(stored[0]?.json ?? '');
    expect(payload.kind === 'ok' && payload.submission.center).toMatchObject({ name: '本庄西地域包括支援センター', code: '11211-01' });
    expect(payload.kind === 'ok' && payload.submission.consultations.total).toBe(30);
    // The 月報 is there for people to read, as values.
    expect(values(file, '月報_2026-10').find((r) => r[0] === 'センター名')?.[1]).toBe('本庄西地域包括支援センター');
    const readers = env.drive
      .permissionsOf(file.id)
      .filter((p) => p.role === 'reader')
      .map((p) => p.emailAddress);
    expect(readers.sort()).toEqual([CITY2, CITY].sort());
    // The center's own spreadsheet holds no store and its report is 提出済み.
    expect(env.spreadsheet.peekSheetNames()).not.toContain('_提出データ');
    expect(values(env.spreadsheet, '月報_2026-10').find((r) => r[0] === '状態')?.[1]).toMatch(/^提出済み/);
    const closing = alerts(env).find((a) => a.includes('月報を提出しました')) ?? '';
    expect(closing).toContain(url);
    expect(closing).toContain('このスプレッドシート（相談記録）は共有しないでください');
  });

  test('a resubmission writes into the same file: one 最新, the earlier one 履歴; no second file, no second share', () => {
    const { env, context } = world();
    submit(env, context, 'OK');
    const first = setting(env, '提出用ファイル');
    const sharedBefore = env.drive.permissionsOf(idOf(first)).length;
    submit(env, context, 'OK');
    expect(setting(env, '提出用ファイル')).toBe(first);
    const stored = readStoredSubmissions(values(submissionFile(env), '_提出データ') as never);
    expect(stored.map((s) => `${s.period} ${s.status}`)).toEqual(['2026-10 最新', '2026-10 履歴']);
    expect(env.drive.permissionsOf(idOf(first))).toHaveLength(sharedBefore);
  });

  test.each([
    ['missing', [] as unknown[][], /「提出先メールアドレス」が空です/],
    ['malformed', [['提出先メールアドレス', `${CITY}、kaigo-at-city`]], /「kaigo-at-city」はメールアドレスとして読めません/],
  ])('a %s address is a clear message before anything is created or consent is asked', (_kind, settings, message) => {
    const { env, context } = world(consultations(5), settings);
    env.ui.answer({ button: 'OK', text: '2026-10' });
    runFunction(context, 'menuSubmitReport');
    expect(alerts(env).pop()).toMatch(message);
    expect(setting(env, '提出用ファイル')).toBe('');
    expect(env.scriptApp.consentRequests).toEqual([]);
    expect(env.callLog.byFamily('sheets-api') + env.callLog.byFamily('drive-api')).toBe(0);
  });

  test('drive.file is asked for when 市へ提出 runs, and nothing is written until it is granted', () => {
    const { env, context } = world();
    env.scriptApp.revokeScope(DRIVE_FILE);
    env.ui.answer({ button: 'OK', text: '2026-10' });
    expect(() => runFunction(context, 'menuSubmitReport')).toThrow(/Authorization is required/);
    expect(env.scriptApp.consentRequests.map((r) => r.missing)).toEqual([[DRIVE_FILE]]);
    expect(setting(env, '提出用ファイル')).toBe('');
    // Typing and checking never ask for it.
    runFunction(context, 'menuInputCheck');
    expect(env.scriptApp.consentRequests).toHaveLength(1);
  });

  test('a report with errors left asks first; いいえ creates nothing', () => {
    const { env, context } = world([...consultations(5), consultation({ 相談方法: '伝書鳩' })]);
    submit(env, context, 'NO');
    expect(alerts(env).pop()).toMatch(/エラーが 1 件残っています。このまま提出しますか/);
    expect(setting(env, '提出用ファイル')).toBe('');
    expect(env.callLog.count('Sheets.Spreadsheets.create')).toBe(0);
  });
});

describe('a 提出用ファイル this person cannot use', () => {
  test('made by another staff member: the message names the file and its maker; いいえ makes nothing, はい makes a new one', () => {
    const { env, context } = world();
    submit(env, context, 'OK');
    const first = setting(env, '提出用ファイル');
    env.drive.setUser('staff2@example.org');
    submit(env, context, 'NO');
    const told = alerts(env).pop() ?? '';
    expect(told).toContain(first);
    expect(told).toContain('staff1@example.org');
    expect(told).toMatch(/drive\.file/);
    expect(setting(env, '提出用ファイル')).toBe(first);
    submit(env, context, 'YES', 'OK');
    const second = setting(env, '提出用ファイル');
    expect(second).not.toBe(first);
    expect(readStoredSubmissions(values(submissionFile(env), '_提出データ') as never)).toHaveLength(1);
  });

  test('made by another staff member, for an account whose Google speaks Japanese: Drive is told by the call that failed, not by its wording', () => {
    const { env, context } = world(undefined, undefined, 'ja');
    submit(env, context, 'OK');
    const first = setting(env, '提出用ファイル');
    env.drive.setUser('staff2@example.org');
    // Whatever Drive says in Japanese: here, a wording the product cannot have matched.
    env.runtime.errorLocale = 'ja-unmatched';
    submit(env, context, 'NO');
    const told = alerts(env).pop() ?? '';
    expect(told).toContain(first);
    expect(told).toContain('staff1@example.org');
    expect(told).toContain('時間をおいてもう一度実行してください');
    expect(setting(env, '提出用ファイル')).toBe(first);
  });

  test('in the trash: the message says so, いいえ writes nothing', () => {
    const { env, context } = world();
    submit(env, context, 'OK');
    const file = submissionFile(env);
    env.drive.trash(file.id);
    const before = values(file, '_提出データ');
    submit(env, context, 'NO');
    expect(alerts(env).pop()).toMatch(/ごみ箱にあります/);
    expect(values(file, '_提出データ')).toEqual(before);
  });

  test('deleted: offered a new file, which then holds the submission', () => {
    const { env, context } = world();
    submit(env, context, 'OK');
    env.drive.delete(submissionFile(env).id);
    submit(env, context, 'YES', 'OK');
    expect(submissionFile(env).peekSheetNames().sort()).toEqual(['_提出データ', '月報_2026-10']);
  });

  test('a file that holds other sheets (the center ledger itself, say) is refused and nothing is written into it', () => {
    const { env, context } = world();
    // The add-on made it and someone pasted 相談記録 into it.
    submit(env, context, 'OK');
    const file = submissionFile(env);
    sheetFromRows(file, '相談記録', [['氏名'], ['本庄 花子']]);
    const before = values(file, '_提出データ');
    submit(env, context, 'OK');
    expect(alerts(env).pop()).toMatch(/提出用ファイルとして使えません/);
    expect(values(file, '_提出データ')).toEqual(before);
  });
});

describe('moving an old _提出データ out of the center spreadsheet', () => {
  test('every old row, history included, is copied into the 提出用ファイル before the old sheet is removed', () => {
    const { env, context } = world();
    const old = [
      sampleSubmission(0, '2021-01'),
      sampleSubmission(0, '2021-02'),
      { ...sampleSubmission(0, '2021-02'), submittedAt: '2021-03-01T00:00:00.000Z' },
    ];
    sheetFromRows(env.spreadsheet, '_提出データ', storeRows(old));
    const oldRows = readStoredSubmissions(storeRows(old) as never);
    submit(env, context, 'OK');
    expect(env.spreadsheet.peekSheetNames()).not.toContain('_提出データ');
    const moved = readStoredSubmissions(values(submissionFile(env), '_提出データ') as never);
    expect(moved).toHaveLength(oldRows.length + 1);
    for (const row of oldRows) expect(moved.some((m) => m.json === row.json && m.submittedAt === row.submittedAt)).toBe(true);
    expect(
      moved
        .filter((m) => m.period === '2021-02')
        .map((m) => m.status)
        .sort(),
    ).toEqual(['履歴', '最新']);
    expect(alerts(env).find((a) => a.includes('月報を提出しました'))).toMatch(/3 行（履歴を含む）を提出用ファイルに移し/);
  });

  test('a failure while writing the 提出用ファイル leaves both files as they were', () => {
    const { env, context } = world();
    submit(env, context, 'OK');
    const file = submissionFile(env);
    const old = storeRows([sampleSubmission(0, '2021-01')]);
    sheetFromRows(env.spreadsheet, '_提出データ', old);
    const before = { store: values(file, '_提出データ'), sheets: file.peekSheetNames() };
    env.faults.failOn('Sheets.Spreadsheets.batchUpdate');
    submit(env, context, 'OK');
    expect(alerts(env).pop()).toMatch(/処理を完了できませんでした/);
    expect(values(file, '_提出データ')).toEqual(before.store);
    expect(file.peekSheetNames()).toEqual(before.sheets);
    expect(values(env.spreadsheet, '_提出データ')).toEqual(old.map((r) => r.map((v) => v ?? '')));
  });
});

describe('no personal data reaches the 提出用ファイル', () => {
  test('planted 相談者ID, 氏名, 内容メモ and every free-text column appear in no cell of it', () => {
    const secret = { 相談者ID: 'ZZID-9137', 氏名: '秘密山 花子', 内容メモ: '秘密のメモ本文です', 紹介事業所: '秘密紹介事業所', 担当者: '秘密担当者' };
    const rows = [...consultations(10), consultation({ ...secret, 紹介理由: '比較して選択' }), [...consultation(secret), '秘密独自列']];
    const { env, context } = world(rows);
    sheetFromRows(env.spreadsheet, '相談記録', [[...CONSULTATION_HEADER, '独自の列'], ...rows]);
    submit(env, context, 'YES', 'OK');
    const file = submissionFile(env);
    const everything = JSON.stringify(file.peekSheetNames().map((n) => values(file, n)));
    for (const s of [...Object.values(secret), '秘密独自列']) expect(everything).not.toContain(s);
  });
});

describe('call budget of 市へ提出', () => {
  function calls(n: number): { spreadsheet: number; sheetsApi: number; driveApi: number } {
    const { env, context } = world(consultations(n));
    submit(env, context, 'OK');
    env.spreadsheet.setActiveSheet(env.spreadsheet.peekSheet('相談記録'));
    env.ui.answer({ button: 'OK', text: '2026-10' }, 'OK');
    env.callLog.reset();
    runFunction(context, 'menuSubmitReport');
    expect(alerts(env).pop()).toMatch(/月報を提出しました/);
    return { spreadsheet: env.callLog.spreadsheetCalls, sheetsApi: env.callLog.byFamily('sheets-api'), driveApi: env.callLog.byFamily('drive-api') };
  }

  test('the same number of SpreadsheetApp calls and API requests at 1,000 and 4,000 rows', () => {
    const small = calls(FEW_ROWS);
    expect(calls(MANY_ROWS)).toEqual(small);
    // Two reads and one atomic write of the 提出用ファイル; one look at the file and its sharing in Drive.
    expect(small.sheetsApi).toBe(3);
    expect(small.driveApi).toBe(2);
  });
});
