import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGasEnvironment, type GasEnvironment, loadBundle, runFunction, sheetFromRows, userEdit } from '../fakes/gas-globals';
import { consultation, consultations, CONSULTATION_HEADER, contract, CONTRACT_HEADER, delegation, DELEGATION_HEADER } from '../helpers/center';
import { submissionFileOf } from '../helpers/submission-file';

/**
 * Two promises checked over every job the center's add-on has, through the bundle over a fake that behaves
 * like Sheets: nothing from a user is ever written so that Sheets would run it as a formula, and no job
 * deletes a user's row or rewrites a user's cell, except 表記を整える and an applied suggestion, confirmed.
 */
const ROOT = join(__dirname, '..', '..');
const INJECTIONS = ['=HYPERLINK("http://x","y")', '+SUM(1,2)', '-1+2', '@user', '\t=1+1', '\r=1+1'];
const USER_SHEETS = ['設定', '相談記録', '委託契約', '委託実績', '利用者メモ'];

function world(): { env: GasEnvironment; context: object } {
  const env = createGasEnvironment({ htmlDir: join(ROOT, 'build') });
  sheetFromRows(env.spreadsheet, '設定', [
    ['項目', '値'],
    ['センター名', INJECTIONS[0]],
    ['運営法人名', INJECTIONS[1]],
    ['市区町村名', INJECTIONS[3]],
    ['提出先メールアドレス', 'kaigo@city.example.jp'],
  ]);
  // Formula-like strings are typed by users as text ('…): sheetFromRows stores them as given, as text.
  sheetFromRows(env.spreadsheet, '相談記録', [
    CONSULTATION_HEADER,
    ...consultations(8),
    ...INJECTIONS.map((s) => consultation({ 相談者ID: s, 紹介事業所: s, 紹介理由: s, 内容メモ: s, 相談方法: 'TEL' })),
  ]);
  sheetFromRows(env.spreadsheet, '委託契約', [
    CONTRACT_HEADER,
    ...INJECTIONS.map((s, i) =>
      contract({ 事業所番号: i === 0 ? '1171300013' : '1171300021', 事業所名: s, 法人名: s, 所在地: s, 選定理由: s, 所在: i === 1 ? '' : s }),
    ),
  ]);
  sheetFromRows(env.spreadsheet, '委託実績', [DELEGATION_HEADER, delegation(), delegation({ 事業所番号: '直営', 対象月: '令和8年10月' })]);
  sheetFromRows(env.spreadsheet, '利用者メモ', [['自由なメモ'], ['=1+1 と書いてあるだけ']]);
  return { env, context: loadBundle(join(ROOT, 'build', 'Code.js'), env) };
}

function snapshot(env: GasEnvironment): Record<string, { values: unknown[][]; formulas: string[][] }> {
  const out: Record<string, { values: unknown[][]; formulas: string[][] }> = {};
  for (const name of USER_SHEETS) {
    const sheet = env.spreadsheet.peekSheet(name);
    out[name] = { values: sheet.peekValues(), formulas: sheet.peekFormulas() };
  }
  return out;
}

/** Formulas a job leaves: those the user had stay as they were; no other cell of any sheet holds one. */
function noNewFormulas(env: GasEnvironment, before: ReturnType<typeof snapshot>): void {
  for (const name of env.spreadsheet.peekSheetNames()) {
    const had = before[name]?.formulas ?? [];
    const now = env.spreadsheet.peekSheet(name).peekFormulas();
    const added = now.flatMap((row, r) => row.flatMap((f, c) => (f !== '' && had[r]?.[c] !== f ? [`${name}!R${r + 1}C${c + 1} ${f}`] : [])));
    expect(added).toEqual([]);
  }
}

/** Each job as a person runs it, with the answers its dialogs need. */
const JOBS: [string, (env: GasEnvironment, context: object) => void][] = [
  ['入力チェック', (_e, c) => runFunction(c, 'menuInputCheck')],
  // The person types into B3 what it already held: the edit itself changes nothing, so any change is the job's.
  [
    'onEdit',
    (env, c) =>
      runFunction(
        c,
        'onEdit',
        userEdit(
          env,
          '相談記録',
          'B3:B9',
          env.spreadsheet
            .peekSheet('相談記録')
            .peekValues()
            .slice(2, 9)
            .map((r) => [r[1]]),
        ),
      ),
  ],
  ['月報を作成', (_e, c) => runFunction(c, 'reportDialogBuild', '2026-10')],
  [
    '市へ提出',
    (env, c) => {
      env.ui.answer({ button: 'OK', text: '2026-10' }, 'YES', 'OK');
      runFunction(c, 'menuSubmitReport');
      // The 提出用ファイル (written through the Sheets API) holds the center's strings as text, never a formula.
      const file = submissionFileOf(env);
      expect(file?.peekSheetNames().sort()).toEqual(['_提出データ', '月報_2026-10']);
      for (const name of file?.peekSheetNames() ?? [])
        expect(
          file
            ?.peekSheet(name)
            .peekFormulas()
            .flat()
            .filter((f) => f !== ''),
        ).toEqual([]);
    },
  ],
  [
    'シートを準備',
    (env, c) => {
      env.ui.answer('OK');
      runFunction(c, 'menuSetupSheets');
    },
  ],
  ['設定を開く', (_e, c) => runFunction(c, 'settingsSidebarLoad')],
  ['表記を整えるのプレビュー', (_e, c) => runFunction(c, 'normalizeDialogPreview')],
];

describe('formula safety and the user’s data, over every center job', () => {
  test.each(JOBS)('%s: writes no formula and leaves every user cell as it was', (job, run) => {
    const { env, context } = world();
    const before = snapshot(env);
    run(env, context);
    const after = snapshot(env);
    for (const name of USER_SHEETS) {
      const a = after[name];
      const b = before[name];
      // シートを準備 may add columns to the right of a header; the cells that were there are unchanged.
      expect(a?.values.length).toBeGreaterThanOrEqual(b?.values.length ?? 0);
      b?.values.forEach((row, r) => row.forEach((v, c) => expect([name, r + 1, c + 1, a?.values[r]?.[c]]).toEqual([name, r + 1, c + 1, v])));
    }
    noNewFormulas(env, before);
  });

  test('表記を整える and an applied suggestion change only what was confirmed, as text, and log it', () => {
    const { env, context } = world();
    const preview = runFunction(context, 'normalizeDialogPreview') as { items: { sheet: string; cell: string; after: unknown }[] };
    expect(preview.items.length).toBeGreaterThan(0);
    const ticked = preview.items.filter((i) => i.sheet === '相談記録');
    const before = snapshot(env);
    runFunction(context, 'normalizeDialogApply', ticked);
    const after = snapshot(env);
    const changed: string[] = [];
    for (const name of USER_SHEETS) {
      before[name]?.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (JSON.stringify(after[name]?.values[r]?.[c]) !== JSON.stringify(v)) changed.push(`${name}!${String.fromCharCode(65 + c)}${r + 1}`);
        }),
      );
    }
    expect(changed.sort()).toEqual(ticked.map((t) => `${t.sheet}!${t.cell}`).sort());
    expect(env.spreadsheet.peekSheet('_変更履歴').peekValues().length).toBe(ticked.length + 1);
    noNewFormulas(env, before);
  });

  test('the center’s manifest asks for exactly the scopes the README justifies, and the city’s too', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const justified = (after: string): string[] => {
      const section = readme.slice(readme.indexOf(after));
      const table = section.slice(0, section.indexOf('\n\n', section.indexOf('|---')));
      return [...table.matchAll(/^\| `([\w.]+)` \|/gm)].map((m) => `https://www.googleapis.com/auth/${m[1]}`).sort();
    };
    const center = JSON.parse(readFileSync(join(ROOT, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };
    const city = JSON.parse(readFileSync(join(ROOT, 'appsscript-city.json'), 'utf8')) as { oauthScopes: string[] };
    expect([...center.oauthScopes].sort()).toEqual(justified('センター用（`appsscript.json`）'));
    expect([...city.oauthScopes].sort()).toEqual(justified('市用（`appsscript-city.json`）'));
  });
});
