import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorLocale } from '../fakes/runtime';
import { createGasEnvironment, type GasEnvironment, loadBundle, runFunction, sheetFromRows } from '../fakes/gas-globals';
import { sampleSubmission, storeRows } from '../helpers/submissions';

/**
 * Issue #17, point 7: Apps Script's service errors are localised for a Japanese account, so the city and the
 * alerts recognise an error by the call that failed and by its kind, not by English wording.
 */
const ROOT = join(__dirname, '..', '..');
const CITY_BUILD = join(ROOT, 'build-city');
const CITY_MANIFEST = JSON.parse(readFileSync(join(CITY_BUILD, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };
const ROWS = storeRows([sampleSubmission(0, '2021-02')]);

function cityEnv(errorLocale: ErrorLocale): GasEnvironment {
  return createGasEnvironment({ htmlDir: CITY_BUILD, oauthScopes: CITY_MANIFEST.oauthScopes, advancedServices: ['Sheets'], errorLocale });
}

/** The reason 提出状況 gives for each center, after one step over them. */
function reasons(env: GasEnvironment, list: readonly (readonly [string, string])[]): Record<string, string> {
  sheetFromRows(env.spreadsheet, 'センター一覧', [['センター名', '提出用ファイル'], ...list]);
  const context = loadBundle(join(CITY_BUILD, 'Code.js'), env);
  runFunction(context, 'cityStep', { month: '2021-02' });
  const status = env.spreadsheet.peekSheet('提出状況_2021-02').peekValues();
  return Object.fromEntries(list.map(([name]) => [name, String(status.find((r) => r[0] === name)?.[2] ?? '')]));
}

const urlOf = (id: string): string => `https://docs.google.com/spreadsheets/d/${id}/edit`;

describe('the city tells why a center could not be read, in a Japanese account', () => {
  test('by the call that failed: opened but not read, not opened, not a spreadsheet address at all', () => {
    const env = cityEnv('ja');
    const file = (access?: 'denied') => {
      const ss = env.addSpreadsheet({ sheetNames: ['_提出データ'], ...(access ? { access } : {}) });
      sheetFromRows(ss, '_提出データ', ROWS);
      return ss.id;
    };
    // The first reading of a _提出データ fails; the fourth opening of a file fails with a message naming no cause.
    env.faults.failOn('Sheets.Spreadsheets.Values.get');
    env.faults.failOn('Sheets.Spreadsheets.get', { after: 3, error: () => env.runtime.apiError('sheets.spreadsheets.get', 'Internal error encountered.') });
    const why = reasons(env, [
      ['読めない', urlOf(file())],
      ['権限なし', urlOf(file('denied'))],
      ['消えた', urlOf('deleted-spreadsheet-id')],
      ['障害', urlOf(file())],
      ['形が違う', 'https://drive.google.com/drive/folders/0B-folder'],
    ]);
    expect(why['読めない']).toMatch(/^提出用ファイルは開けましたが、「_提出データ」を読み込めませんでした（.*）。時間をおいて/);
    expect(why['権限なし']).toContain('この提出用ファイルを開く権限がありません');
    expect(why['消えた']).toContain('提出用ファイルが見つかりません');
    expect(why['障害']).toMatch(/^提出用ファイルを開けませんでした（.*）。.*共有.*時間をおいて/);
    expect(why['形が違う']).toMatch(
      /^「センター一覧」の提出用ファイルの欄（https:\/\/drive.google.com\/drive\/folders\/0B-folder）は、スプレッドシートの URL（.*）でも ID でもありません。/,
    );
    expect(Object.values(why).join('')).not.toMatch(/API call|failed with error/);
  });
});

describe('an alert for a service error says what to do, in whatever language the service spoke', () => {
  const prepareWith = (errorLocale: ErrorLocale, error?: string): string => {
    const env = cityEnv(errorLocale);
    env.faults.failOn('Spreadsheet.insertSheet', error ? { error: () => env.runtime.error(error) } : {});
    const context = loadBundle(join(CITY_BUILD, 'Code.js'), env);
    runFunction(context, 'menuCityPrepare');
    return env.ui.shown.find((s) => s.kind === 'alert')?.prompt ?? '';
  };

  test('a Japanese service error is not passed off as one of our own sentences', () => {
    const alert = prepareWith('ja');
    expect(alert).toMatch(/^処理を完了できませんでした（サービス エラー: .*）。時間をおいて/);
  });

  test('a refused permission reads the same in Japanese and English, with what to check', () => {
    for (const locale of ['ja', 'en'] as const) {
      const alert = prepareWith(locale, 'You do not have permission to access the requested document.');
      expect(alert).toMatch(/^Google のサービスが、この操作を許可しませんでした（.+）。このスプレッドシートを編集できるアカウントで実行しているか/);
    }
  });
});
