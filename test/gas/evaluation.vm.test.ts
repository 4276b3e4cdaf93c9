import { join } from 'node:path';
import { readEvaluationPayload } from '../../src/domain/reports/evaluation-submission';
import { readStoredSubmissions } from '../../src/domain/reports/submission-store';
import { sampleIndicatorSheet, sampleNationalSheet } from '../../src/sample/evaluation';
import { copySpreadsheetInto, createGasEnvironment, loadBundle, runFunction, sheetFromRows } from '../fakes/gas-globals';
import { consultations, CONSULTATION_HEADER } from '../helpers/center';
import { submissionFileOf } from '../helpers/submission-file';

const ROOT = join(__dirname, '..', '..');
const plain = (rows: readonly (readonly unknown[])[]): unknown[][] => rows.map((r) => r.map((v) => (v === null ? '' : v)));

function center() {
  const env = createGasEnvironment({ htmlDir: join(ROOT, 'build') });
  sheetFromRows(env.spreadsheet, '設定', [
    ['項目', '値'],
    ['センター名', '児玉'],
    ['提出先メールアドレス', 'kaigo@city.example.jp'],
  ]);
  sheetFromRows(env.spreadsheet, '相談記録', [CONSULTATION_HEADER, ...consultations(5)]);
  sheetFromRows(env.spreadsheet, '評価指標', plain(sampleIndicatorSheet().rows));
  const context = loadBundle(join(ROOT, 'build', 'Code.js'), env);
  return { env, context };
}

describe('事業評価 in the center', () => {
  test('the list is copied into 事業評価 without touching answers; the check covers it; 市へ提出 offers it', () => {
    const { env, context } = center();
    env.ui.answer('OK');
    runFunction(context, 'menuImportIndicators');
    const sheet = env.spreadsheet.peekSheet('事業評価');
    expect(sheet.peekValues().length).toBe(22);
    // Answer half, one いいえ without a reason, one in a variant, then a new indicator arrives mid-year.
    const values = sheet.peekValues();
    for (let r = 1; r < values.length; r++) sheet.getRange(r + 1, 5).setValue(r <= 10 ? (r === 2 ? '○' : 'はい') : '');
    sheet.getRange('E4').setValue('いいえ');
    sheetFromRows(env.spreadsheet, '評価指標', [...plain(sampleIndicatorSheet().rows), ['2020', '22', '事業間連携', '新しく加わった指標']]);
    env.ui.answer('OK');
    runFunction(context, 'menuImportIndicators');
    const after = sheet.peekValues();
    expect(after.length).toBe(23);
    expect(after[2]?.[4]).toBe('○');
    expect(after[22]?.slice(0, 4)).toEqual(['2020', '22', '事業間連携', '新しく加わった指標']);

    runFunction(context, 'menuInputCheck');
    const html = env.ui.lastSidebar()?.getContent() ?? '';
    const data = JSON.parse(/id="houkatsu-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '{}') as { issues: { sheet: string; code: string }[] };
    const codes = data.issues.filter((i) => i.sheet === '事業評価').map((i) => i.code);
    expect(codes.filter((c) => c === 'EVALUATION_UNANSWERED')).toHaveLength(12);
    expect(codes).toContain('CHOICE_VARIANT');
    expect(codes).toContain('EVALUATION_REASON_MISSING');

    // The month, then the receipt, then the offer of the year's evaluation: the 事業評価's problems are the year's,
    // so 市へ提出 does not ask whether to submit the month with errors left.
    env.ui.answer({ button: 'OK', text: '2026-10' }, 'OK', 'YES', 'OK');
    runFunction(context, 'menuSubmitReport');
    expect(env.ui.shown.some((s) => 'prompt' in s && /エラーが .* 件残っています/.test(String(s.prompt)))).toBe(false);
    const file = submissionFileOf(env);
    // The evaluation goes into the same 提出用ファイル, with a readable copy of the answers.
    expect(file.peekSheetNames().sort()).toEqual(['_提出データ', '事業評価_2020', '月報_2026-10']);
    const stored = readStoredSubmissions(file.peekSheet('_提出データ').peekValues() as never);
    expect(stored.map((s) => [s.kind, s.period])).toEqual(
      expect.arrayContaining([
        ['monthly-report', '2026-10'],
        ['evaluation', '2020'],
      ]),
    );
    const payload = readEvaluationPayload(stored.find((s) => s.kind === 'evaluation')?.json ?? '');
    expect(payload.kind).toBe('ok');
    if (payload.kind === 'ok') expect(payload.submission.rates[0]).toMatchObject({ category: '組織運営体制等', yes: 2, answered: 3 });
  });
});

describe('月報を作成 and the yearly sheets', () => {
  test('reads neither 事業評価 nor 評価指標, and counts none of their problems as the month’s: the same calls and figures as without them', () => {
    const build = (withEvaluation: boolean) => {
      const { env, context } = center();
      env.ui.answer('OK');
      runFunction(context, 'menuImportIndicators');
      // 事業評価 now has 21 unanswered indicators, each a problem of the year, none of the month.
      if (!withEvaluation) for (const name of ['事業評価', '評価指標']) env.spreadsheet.deleteSheet(env.spreadsheet.peekSheet(name));
      env.callLog.reset();
      const result = runFunction(context, 'reportDialogBuild', '2026-10');
      return { result, calls: env.callLog.spreadsheetCalls, methods: [...env.callLog.byMethod.entries()].sort() };
    };
    const withIt = build(true);
    expect(withIt).toEqual(build(false));
    expect(withIt.result).toMatchObject({ sheet: '月報_2026-10' });
  });
});

describe('事業評価の指標を取り込む over the port', () => {
  test('a 事業評価 the center laid out itself: only the missing rows, in its own column order; its rows untouched', () => {
    const { env, context } = center();
    sheetFromRows(env.spreadsheet, '事業評価', [
      ['年度', '番号', '回答', '根拠・備考', '分類', '指標', '担当のメモ'],
      ['令和2年度', '１', 'いいえ', '看護師を配置', '組織運営体制等', '（自分で書いた文）', '要確認'],
    ]);
    env.ui.answer('OK');
    runFunction(context, 'menuImportIndicators');
    const rows = env.spreadsheet.peekSheet('事業評価').peekValues();
    expect(rows).toHaveLength(22);
    expect(rows[1]).toEqual(['令和2年度', '１', 'いいえ', '看護師を配置', '組織運営体制等', '（自分で書いた文）', '要確認']);
    expect(rows[2]).toEqual(['2020', '2', '', '', '組織運営体制等', '市の運営方針に沿って年間の事業計画を作っているか', '']);
    expect(env.ui.shown.at(-1)).toMatchObject({ kind: 'alert', prompt: expect.stringContaining('2020年度: 20 件') });
    env.ui.answer('OK');
    runFunction(context, 'menuImportIndicators');
    expect(env.spreadsheet.peekSheet('事業評価').peekValues()).toEqual(rows);
  });

  test('the same calls for 21 indicators and 210; a list without 年度 is an alert and nothing is written', () => {
    const callsFor = (count: number): number => {
      const { env, context } = center();
      const [header] = sampleIndicatorSheet().rows;
      sheetFromRows(env.spreadsheet, '評価指標', [
        plain([header ?? []])[0] ?? [],
        ...Array.from({ length: count }, (_, i) => ['2020', String(i + 1), '総合相談支援', `指標${i + 1}`]),
      ]);
      env.callLog.reset();
      env.ui.answer('OK');
      runFunction(context, 'menuImportIndicators');
      expect(env.spreadsheet.peekSheet('事業評価').peekValues()).toHaveLength(count + 1);
      return env.callLog.byService().spreadsheet;
    };
    expect(callsFor(210)).toBe(callsFor(21));

    const { env, context } = center();
    sheetFromRows(env.spreadsheet, '評価指標', [
      ['番号', '分類', '指標'],
      ['1', '組織運営体制等', 'x'],
    ]);
    env.ui.answer('OK');
    runFunction(context, 'menuImportIndicators');
    expect(env.ui.shown.at(-1)).toMatchObject({ kind: 'alert', prompt: expect.stringContaining('「年度」列に年度') });
    expect(env.spreadsheet.peekSheetNames()).not.toContain('事業評価');
  });
});

describe('事業評価を集計… in the city', () => {
  test('per category for each center, the city and the national average; いいえ with reasons; who has not submitted', () => {
    const cityEnv = createGasEnvironment({ htmlDir: join(ROOT, 'build-city') });
    const list: unknown[][] = [['センター名', '提出用ファイル']];
    for (const [name, no] of [
      ['児玉', 1],
      ['本庄西', 0],
    ] as const) {
      const { env, context } = center();
      env.ui.answer('OK');
      runFunction(context, 'menuImportIndicators');
      const sheet = env.spreadsheet.peekSheet('事業評価');
      for (let r = 2; r <= 22; r++) sheet.getRange(r, 5).setValue(r === 2 && no ? 'いいえ' : 'はい');
      if (no) sheet.getRange('F2').setValue('保健師ではなく看護師を配置');
      env.ui.answer({ button: 'OK', text: '2026-10' }, 'OK', 'YES', 'OK');
      runFunction(context, 'menuSubmitReport');
      // What the city opens is the 提出用ファイル the center shared, as the center's add-on left it.
      const copy = copySpreadsheetInto(submissionFileOf(env), cityEnv);
      list.push([name, copy.id]);
    }
    list.push(['本庄東', cityEnv.addSpreadsheet({ sheetNames: ['_提出データ'] }).id]);
    sheetFromRows(cityEnv.spreadsheet, 'センター一覧', list);
    sheetFromRows(cityEnv.spreadsheet, '全国平均', plain(sampleNationalSheet().rows));
    const context = loadBundle(join(ROOT, 'build-city', 'Code.js'), cityEnv);
    cityEnv.ui.answer({ button: 'OK', text: '令和2年度' });
    runFunction(context, 'menuCityEvaluate');
    // Every evaluation read is on record at the city.
    expect(
      cityEnv.spreadsheet
        .peekSheet('_受領記録')
        .peekValues()
        .slice(1)
        .map((r) => [r[0], r[1], r[2]]),
    ).toEqual([
      ['児玉', 'evaluation', '2020'],
      ['本庄西', 'evaluation', '2020'],
    ]);
    const rows = cityEnv.spreadsheet.peekSheet('事業評価_2020').peekValues();
    const header = rows[2] ?? [];
    expect(header.slice(0, 5)).toEqual(['分類', '児玉', '本庄西', '市', '全国平均']);
    const org = rows[3] ?? [];
    expect(org[0]).toBe('組織運営体制等');
    expect(org[1]).toBeCloseTo(2 / 3);
    expect(org[2]).toBe(1);
    expect(org[3]).toBeCloseTo(5 / 6);
    expect(org[4]).toBeCloseTo(0.86);
    expect(rows.some((r) => r[0] === '児玉' && r[3] === '保健師ではなく看護師を配置')).toBe(true);
    expect(rows.some((r) => r[0] === '本庄東' && String(r[1]).includes('まだ提出されていません'))).toBe(true);
    expect(cityEnv.spreadsheet.peekSheet('事業評価_2020').peekState().charts).toHaveLength(2);
    // Below the national average is highlighted.
    expect(cityEnv.spreadsheet.peekSheet('事業評価_2020').peekBackgrounds()[3]?.[1]).toBe('#fce8e6');
  });
});
