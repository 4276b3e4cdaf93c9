import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPayload } from '../../src/domain/reports/submission';
import { readStoredSubmissions } from '../../src/domain/reports/submission-store';
import { copySpreadsheetInto, createGasEnvironment, loadBundle, runFunction, sheetFromRows } from '../fakes/gas-globals';
import type { FakeSpreadsheet } from '../fakes/spreadsheet';
import {
  ACTIVITY_HEADER,
  ACTIVITY_ROWS,
  cityRows,
  COMPLAINT_HEADER,
  COMPLAINT_ROWS,
  PAYLOAD_ACTIVITIES,
  PAYLOAD_COMPLAINTS,
  SECRETS,
  SECTION_NINE,
  sectionNine,
} from '../helpers/activities';
import { consultations, CONSULTATION_HEADER, contract, CONTRACT_HEADER, delegation, DELEGATION_HEADER, jst } from '../helpers/center';
import { submissionFileOf } from '../helpers/submission-file';

/**
 * Issue 19 through the bundles on the Sheets fake: 「月報を作成…」 draws section 9, 「市へ提出」 puts `activities`
 * and `complaints` in the payload, the city's 「各センターの月報を集計…」 shows them in 市集計, and nothing of the
 * text that stays in the center (名称, 把握した課題, 担当, 対応, 内容メモ) reaches the 提出用ファイル or the city.
 */
const ROOT = join(__dirname, '..', '..');
const BUILD = join(ROOT, 'build');
const CITY_BUILD = join(ROOT, 'build-city');
const MANIFEST = JSON.parse(readFileSync(join(BUILD, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };
const CENTER = '本庄西地域包括支援センター';

function center(activities: unknown[][] = ACTIVITY_ROWS, complaints: unknown[][] = COMPLAINT_ROWS) {
  const env = createGasEnvironment({ htmlDir: BUILD, oauthScopes: MANIFEST.oauthScopes });
  sheetFromRows(env.spreadsheet, '設定', [
    ['項目', '値'],
    ['センター名', CENTER],
    ['センターコード', '11211-01'],
    ['提出先メールアドレス', 'kaigo@city.example.jp'],
  ]);
  sheetFromRows(env.spreadsheet, '相談記録', [CONSULTATION_HEADER, ...consultations(10)]);
  sheetFromRows(env.spreadsheet, '委託契約', [CONTRACT_HEADER, contract()]);
  sheetFromRows(env.spreadsheet, '委託実績', [DELEGATION_HEADER, delegation()]);
  sheetFromRows(env.spreadsheet, '活動記録', activities);
  sheetFromRows(env.spreadsheet, '苦情記録', complaints);
  const context = loadBundle(join(BUILD, 'Code.js'), env);
  return { env, context };
}

const values = (ss: FakeSpreadsheet, sheet: string): unknown[][] => ss.peekSheet(sheet).peekValues();

/** Every cell of every sheet of a spreadsheet that holds a planted string, as `sheet: string`. */
function leaks(ss: FakeSpreadsheet): string[] {
  return ss.peekSheetNames().flatMap((name) =>
    values(ss, name)
      .flat()
      .flatMap((v) => SECRETS.filter((s) => String(v).includes(s)).map((s) => `${name}: ${s}`)),
  );
}

describe('活動・苦情 through the bundles', () => {
  test('月報を作成… draws section 9 with the month’s figures', () => {
    const { env, context } = center();
    runFunction(context, 'reportDialogBuild', '2026-10');
    expect(sectionNine(values(env.spreadsheet, '月報_2026-10'))).toEqual(SECTION_NINE);
  });

  test('市へ提出 and the city: the payload fields, 市集計, and no planted text in the 提出用ファイル or any city sheet', () => {
    const { env, context } = center();
    // The center really holds the planted text.
    const own = ['活動記録', '苦情記録'].flatMap((s) => values(env.spreadsheet, s).flat().map(String)).join('\n');
    for (const secret of SECRETS) expect(own).toContain(secret);

    env.spreadsheet.setActiveSheet(env.spreadsheet.peekSheet('相談記録'));
    // The month, then 「エラーが残っています。このまま提出しますか」 (the 種類 that is a person's words), then the closing alert.
    env.ui.answer({ button: 'OK', text: '2026-10' }, 'YES', 'OK');
    runFunction(context, 'menuSubmitReport');
    const file = submissionFileOf(env);
    const stored = readStoredSubmissions(values(file, '_提出データ') as never);
    const payload = readPayload(stored[0]?.json ?? '');
    expect(payload.kind).toBe('ok');
    expect(payload.kind === 'ok' && payload.submission.activities).toEqual(PAYLOAD_ACTIVITIES);
    expect(payload.kind === 'ok' && payload.submission.complaints).toEqual(PAYLOAD_COMPLAINTS);
    expect(sectionNine(values(file, '月報_2026-10'))).toEqual(SECTION_NINE);
    expect(leaks(file)).toEqual([]);

    const cityEnv = createGasEnvironment({ htmlDir: CITY_BUILD });
    const copy = copySpreadsheetInto(file, cityEnv);
    sheetFromRows(cityEnv.spreadsheet, 'センター一覧', [
      ['センター名', '提出用ファイル'],
      ['本庄西', copy.id],
    ]);
    const cityContext = loadBundle(join(CITY_BUILD, 'Code.js'), cityEnv);
    expect((runFunction(cityContext, 'cityStep', { month: '2026-10' }) as { kind: string }).kind).toBe('done');
    const totals = values(cityEnv.spreadsheet, '市集計_2026-10');
    const at = totals.findIndex((r) => r[0] === '■ 活動・苦情');
    expect(totals.slice(at + 1, at + 9).map((r) => r.slice(0, 3))).toEqual(cityRows('本庄西'));
    expect(leaks(cityEnv.spreadsheet)).toEqual([]);
  });
});

describe('call budget', () => {
  const activity = (i: number): unknown[] => {
    const row: Record<string, unknown> = {
      実施日: jst(`2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`),
      種類: i % 3 === 0 ? '地域ケア個別会議' : '介護予防教室・講座',
      参加者数: 10,
      参加職種: '医師、薬剤師',
      検討事例数: 1,
    };
    return ACTIVITY_HEADER.map((h) => row[h] ?? '');
  };
  const complaint = (i: number): unknown[] => {
    const row: Record<string, unknown> = {
      受付日: jst(`2026-${String((i % 10) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`),
      申出者: '本人',
      内容区分: 'その他',
      対応: '説明した',
      対応完了日: i % 2 === 0 ? jst('2026-11-15') : '',
    };
    return COMPLAINT_HEADER.map((h) => row[h] ?? '');
  };

  test('月報を作成… makes the same number of calls at 100 and 2,000 rows of 活動記録 and 苦情記録', () => {
    const calls = (n: number): number => {
      const rows = Array.from({ length: n }, (_, i) => i);
      const { env, context } = center([ACTIVITY_HEADER, ...rows.map(activity)], [COMPLAINT_HEADER, ...rows.map(complaint)]);
      env.callLog.reset();
      runFunction(context, 'reportDialogBuild', '2026-10');
      expect(env.spreadsheet.peekSheetNames()).toContain('月報_2026-10');
      return env.callLog.spreadsheetCalls;
    };
    expect(calls(2000)).toBe(calls(100));
  });
});
