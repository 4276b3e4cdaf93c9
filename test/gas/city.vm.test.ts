import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Submission } from '../../src/domain/reports/submission';
import { createGasEnvironment, type GasEnvironment, loadBundle, openEvent, runFunction, sheetFromRows } from '../fakes/gas-globals';
import { sampleSubmission, storeRows } from '../helpers/submissions';

const ROOT = join(__dirname, '..', '..');
const CITY_BUILD = join(ROOT, 'build-city');
const CENTERS = ['本庄西', '本庄東', '本庄南', '児玉'];
const HANDOUT = readFileSync(join(ROOT, 'test', 'fixtures', 'itaku-jigyosho-r3-02.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [municipality, name, address, count] = line.split(',');
    return { municipality: municipality ?? '', name: name ?? '', address: address ?? '', count: Number(count) };
  });

const submissions = new Map<number, Submission>();
function submission(i: number): Submission {
  let s = submissions.get(i);
  if (!s) submissions.set(i, (s = sampleSubmission(i, '2021-02')));
  return s;
}

interface CenterSpec {
  name: string;
  rows?: unknown[][];
  access?: 'granted' | 'denied';
  deleted?: boolean;
  /** The center's own spreadsheet (with 相談記録) listed instead of its 提出用ファイル. */
  ledger?: boolean;
  code?: string;
}

const CITY_MANIFEST = JSON.parse(readFileSync(join(CITY_BUILD, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };

/** A center's 提出用ファイル as 「市へ提出」 makes it: `_提出データ` (and 月報 sheets), nothing else. */
function centerFile(env: GasEnvironment, c: CenterSpec) {
  const ss = env.addSpreadsheet({ access: c.access ?? 'granted', sheetNames: ['_提出データ'], name: `提出用_${c.name}` });
  if (c.rows) sheetFromRows(ss, '_提出データ', c.rows);
  sheetFromRows(ss, '月報_2021-02', [['月報'], ['対象月', '令和3年2月']]);
  if (c.ledger)
    sheetFromRows(ss, '相談記録', [
      ['受付日', '氏名'],
      ['2021-02-01', 'これは市が読んではならない'],
    ]);
  return ss;
}

function cityWorld(centers: CenterSpec[]) {
  const env = createGasEnvironment({ htmlDir: CITY_BUILD, oauthScopes: CITY_MANIFEST.oauthScopes, advancedServices: ['Sheets'] });
  const list: unknown[][] = [['センター名', 'センターコード', '提出用ファイル', '担当']];
  for (const c of centers) {
    const ss = centerFile(env, c);
    list.push([
      c.name,
      c.code ?? '',
      c.deleted ? 'https://docs.google.com/spreadsheets/d/deleted-spreadsheet-id/edit' : `https://docs.google.com/spreadsheets/d/${ss.id}/edit#gid=0`,
      '長寿支援課',
    ]);
  }
  sheetFromRows(env.spreadsheet, 'センター一覧', list);
  sheetFromRows(env.spreadsheet, '設定', [
    ['項目', '値'],
    ['都道府県名', '埼玉県'],
    ['市区町村名', '本庄市'],
    ['所在の順', '上里町、美里町、深谷市、伊勢崎市、群馬県藤岡市'],
  ]);
  const context = loadBundle(join(CITY_BUILD, 'Code.js'), env);
  return { env, context };
}

const sheet = (env: GasEnvironment, name: string): unknown[][] => env.spreadsheet.peekSheet(name).peekValues();

describe('the city add-on (its own bundle and scopes)', () => {
  test('its menu, and a manifest that alone asks for the spreadsheets scope', () => {
    const { env, context } = cityWorld([]);
    runFunction(context, 'onOpen', openEvent(env, 'NONE'));
    expect(env.ui.menuItems().map((m) => m.caption)).toEqual(['市の集計シートを準備', '各センターの月報を集計…', '事業評価を集計…']);
    const manifest = JSON.parse(readFileSync(join(CITY_BUILD, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/spreadsheets');
    const center = JSON.parse(readFileSync(join(ROOT, 'build', 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };
    expect(center.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets');
  });

  test('市の集計シートを準備 creates センター一覧 and 設定 once and never touches them again', () => {
    const env = createGasEnvironment({ htmlDir: CITY_BUILD });
    const context = loadBundle(join(CITY_BUILD, 'Code.js'), env);
    env.ui.answer('OK', 'OK');
    runFunction(context, 'menuCityPrepare');
    expect(env.spreadsheet.peekSheetNames()).toEqual(expect.arrayContaining(['センター一覧', '設定']));
    env.spreadsheet.peekSheet('センター一覧').getRange('A2').setValue('本庄西');
    runFunction(context, 'menuCityPrepare');
    expect(sheet(env, 'センター一覧')[1]?.[0]).toBe('本庄西');
  });

  test('市の集計シートを準備 writes the items of 設定 the consolidation reads, and 全国平均 with the national categories', () => {
    const env = createGasEnvironment({ htmlDir: CITY_BUILD });
    const context = loadBundle(join(CITY_BUILD, 'Code.js'), env);
    env.ui.answer('OK');
    runFunction(context, 'menuCityPrepare');
    expect(env.spreadsheet.peekSheetNames()).toEqual(expect.arrayContaining(['センター一覧', '設定', '全国平均']));
    expect(sheet(env, 'センター一覧')[0]?.slice(0, 4)).toEqual(['センター名', 'センターコード', '提出用ファイル', '担当']);
    expect(sheet(env, '設定').map((r) => r.slice(0, 2))).toEqual([
      ['項目', '値'],
      ['都道府県名', ''],
      ['市区町村名', ''],
      ['市外の町村', ''],
      ['所在の順', ''],
      ['集中の警告しきい値', '80%'],
    ]);
    expect(sheet(env, '全国平均').map((r) => r.slice(0, 3))).toEqual([
      ['年度', '分類', '全国平均'],
      ...[
        '組織運営体制等',
        '総合相談支援',
        '権利擁護',
        '包括的・継続的ケアマネジメント支援',
        '地域ケア会議',
        '介護予防ケアマネジメント・介護予防支援',
        '事業間連携',
      ].map((c) => ['', c, '']),
    ]);
  });

  test('事業評価を集計… offers the 年度 that ended last, in 西暦 and 和暦, and takes it when left empty', () => {
    const { env, context } = cityWorld([{ name: '本庄西', rows: storeRows([submission(0)]) }]);
    // Today in Japan, and the 年度 before the one it is in (April to March), computed here by hand.
    const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number);
    const ended = String((y ?? 0) - ((m ?? 0) >= 4 ? 1 : 2));
    env.ui.answer({ button: 'OK', text: '' });
    runFunction(context, 'menuCityEvaluate');
    const prompt = env.ui.shown.find((x) => x.kind === 'prompt');
    expect(prompt?.prompt).toContain(`例: ${ended} や 令和${Number(ended) - 2018}年度`);
    expect(env.spreadsheet.peekSheetNames()).toContain(`事業評価_${ended}`);
  });
});

describe('各センターの月報を集計… rebuilds 資料3', () => {
  const run = () => {
    const w = cityWorld(CENTERS.map((name, i) => ({ name, rows: storeRows([submission(i)]) })));
    w.env.ui.answer({ button: 'OK', text: '令和3年2月' }, { button: 'OK', text: '2021-01' });
    runFunction(w.context, 'menuCityConsolidate');
    return w;
  };

  test('委託事業所一覧: the offices grouped by 所在 (the city first, then the order in 設定) with the handout’s 〇', () => {
    const { env } = run();
    const rows = sheet(env, '委託事業所一覧_2021-02');
    expect(rows[0]?.[0]).toBe('介護予防支援等業務委託事業所一覧（令和3年2月分）');
    const header = rows[2] ?? [];
    expect(header).toEqual(['所在', '事業所名', '住所', ...CENTERS, '合計件数']);
    // The header wraps, so that a center's full name shows over its narrow column of 〇; nothing else does.
    const wraps = env.spreadsheet.peekSheet('委託事業所一覧_2021-02').getRange(1, 1, 4, header.length).getWraps();
    expect(wraps.map((r) => r.filter(Boolean).length)).toEqual([0, 0, header.length, 0]);
    const body = rows.slice(3).filter((r) => r[1] !== '' && r[1] !== undefined);
    let group = '';
    const offices = body.map((r) => {
      if (r[0] !== '') group = String(r[0]);
      return { municipality: group, name: String(r[1]), address: String(r[2]), marks: r.slice(3, 7).filter((m) => m === '〇').length };
    });
    const groups = [...new Set(offices.map((o) => o.municipality))];
    expect(groups).toEqual(['本庄市', '上里町', '美里町', '深谷市', '伊勢崎市', '群馬県藤岡市']);
    for (const h of HANDOUT) {
      const found = offices.find((o) => o.name === h.name);
      expect({ name: h.name, municipality: found?.municipality, marks: found?.marks }).toEqual({ name: h.name, municipality: h.municipality, marks: h.count });
    }
    // The two new contracts are under contract in February too, with no case yet.
    const extra = offices.filter((o) => !HANDOUT.some((h) => h.name === o.name));
    expect(extra.map((o) => [o.municipality, o.marks])).toEqual([
      ['本庄市', 0],
      ['上里町', 0],
    ]);
  });

  test('新規委託 for 令和3年1月〜2月, 提出状況, 市集計, and the moved office named both ways', () => {
    const { env } = run();
    const fresh = sheet(env, '新規委託_2021-02').slice(3);
    expect(fresh.map((r) => [r[0], r[1], String(r[2]).includes('ルピナス') || r[2] === 'のんびり森' ? 'ok' : r[2]])).toEqual([
      ['令和3年1月', '上里町', 'ok'],
      ['令和3年2月', '本庄市', 'ok'],
    ]);
    const status = sheet(env, '提出状況_2021-02');
    for (const name of CENTERS) expect(status.find((r) => r[0] === name)?.[1]).toBe('提出済み');
    const totals = sheet(env, '市集計_2021-02');
    const total = totals.find((r) => r[0] === '延べ件数');
    const perCenter = CENTERS.map((_, i) => submission(i).consultations.total);
    expect(total?.slice(0, CENTERS.length + 2)).toEqual(['延べ件数', ...perCenter, perCenter.reduce((a, b) => a + b, 0)]);
    const list = sheet(env, '委託事業所一覧_2021-02').map((r) => String(r[0]));
    // The office named as people know it, its number after the name (#18).
    expect(list.some((t) => /^本庄ケアプラザ（\d{10}）の住所がセンターによって違います/.test(t))).toBe(true);
    expect(list.join('\n')).toMatch(/「西五十子375-7-201」（.+）と「けや木2-4-5」（.+）/);
  });
});

describe('faults: each is reported and the rest goes on', () => {
  test('a deleted center, one with no access, one not submitted, another schemaVersion, a tampered payload', () => {
    const other = { ...submission(1), schemaVersion: 2 } as unknown as Submission;
    const tampered = { ...submission(2), consultations: { ...submission(2).consultations, total: 1 } };
    const { env, context } = cityWorld([
      { name: '本庄西', rows: storeRows([submission(0)]) },
      { name: '消えたセンター', deleted: true },
      { name: '権限なし', rows: storeRows([submission(0)]), access: 'denied' },
      { name: '未提出', rows: storeRows([]) },
      { name: '別の版', rows: storeRows([other]) },
      { name: '改ざん', rows: storeRows([tampered]) },
    ]);
    const result = runFunction(context, 'cityStep', { month: '2021-02' }) as { kind: string };
    expect(result.kind).toBe('done');
    const status = sheet(env, '提出状況_2021-02');
    const row = (n: string) => status.find((r) => r[0] === n) ?? [];
    expect(row('本庄西')[1]).toBe('提出済み');
    expect(row('消えたセンター').slice(1, 3)).toEqual(['読めない', expect.stringContaining('見つかりません')]);
    expect(row('権限なし').slice(1, 3)).toEqual(['読めない', expect.stringContaining('権限がありません')]);
    expect(row('未提出').slice(1, 3)).toEqual(['未提出', expect.stringContaining('まだ提出されていません')]);
    expect(row('別の版').slice(1, 3)).toEqual(['読めない', expect.stringContaining('版')]);
    expect(row('改ざん').slice(1, 3)).toEqual(['読めない', expect.stringContaining('指紋')]);
    // The message is honest about what a fingerprint can tell.
    expect(String(row('改ざん')[2])).toContain('意図した書き換えは指紋を計算し直せば隠せます');
  });

  test('what came from a center is written as text, never as a formula', () => {
    const evil = submission(0);
    const target = evil.delegations[0]?.officeNumber;
    const inject = <T extends { officeNumber: string }>(x: T): T =>
      x.officeNumber === target ? { ...x, name: '=IMPORTRANGE("x","A1")', address: '+1-2', municipality: '@本庄市' } : x;
    const injected: Submission = { ...evil, delegations: evil.delegations.map(inject), contracts: evil.contracts.map(inject) };
    const fixed = { ...injected, fingerprint: '' };
    // Re-sign so the payload is valid: the city must still write the strings as text.
    const { fingerprintOf } = jest.requireActual('../../src/domain/reports/fingerprint') as typeof import('../../src/domain/reports/fingerprint');
    fixed.fingerprint = fingerprintOf(fixed);
    const { env, context } = cityWorld([{ name: '=HYPERLINK("x")', rows: storeRows([fixed]) }]);
    runFunction(context, 'cityStep', { month: '2021-02' });
    for (const name of env.spreadsheet.peekSheetNames()) {
      if (name === 'センター一覧') continue;
      expect(
        env.spreadsheet
          .peekSheet(name)
          .peekFormulas()
          .flat()
          .filter((f) => f !== ''),
      ).toEqual([]);
    }
    expect(sheet(env, '委託事業所一覧_2021-02').flat()).toContain('=IMPORTRANGE("x","A1")');
  });
});

// 40 centers, so that a run pauses five times; `npm run bench` measures the calls a center adds and models 150.
const MANY = 40;

describe('many centers, time-boxed', () => {
  const many = () => Array.from({ length: MANY }, (_, i) => ({ name: `センター${String(i + 1).padStart(3, '0')}`, rows: storeRows([submission(i % 4)]) }));

  test('a forced stop after every 7 centers gives the same result as one run; calls per center are a handful', () => {
    const once = cityWorld(many());
    once.env.callLog.reset();
    expect((runFunction(once.context, 'cityStep', { month: '2021-02', since: '2021-01' }) as { kind: string }).kind).toBe('done');
    const oneRunCalls = once.env.callLog.spreadsheetCalls + once.env.callLog.byFamily('sheets-api');
    // Two Sheets API requests a center: the names of its sheets, then its _提出データ.
    expect(once.env.callLog.byFamily('sheets-api')).toBe(2 * MANY);

    const stepwise = cityWorld(many());
    let steps = 0;
    for (;;) {
      steps++;
      const r = runFunction(stepwise.context, 'cityStep', { month: '2021-02', since: '2021-01', maxCentersPerRun: 7 }) as { kind: string };
      if (r.kind === 'done') break;
      expect(r.kind).toBe('paused');
    }
    expect(steps).toBe(Math.ceil(MANY / 7));
    for (const name of ['提出状況_2021-02', '市集計_2021-02', '委託事業所一覧_2021-02', '新規委託_2021-02']) {
      expect(sheet(stepwise.env, name)).toEqual(sheet(once.env, name));
    }
    expect(oneRunCalls / MANY).toBeLessThan(8);
  });

  test('a paused run sets one time-driven trigger; the trigger resumes until done, then removes itself', () => {
    const { env, context } = cityWorld(many().slice(0, 20));
    env.globals.PropertiesService.getDocumentProperties().setProperty('houkatsu.city.request', JSON.stringify({ month: '2021-02', maxCentersPerRun: 7 }));
    runFunction(context, 'cityContinue');
    expect(env.scriptApp.triggers.map((t) => t.getHandlerFunction())).toEqual(['cityContinue']);
    runFunction(context, 'cityContinue');
    expect(env.scriptApp.triggers).toHaveLength(1);
    runFunction(context, 'cityContinue');
    expect(env.spreadsheet.peekSheetNames()).toContain('委託事業所一覧_2021-02');
    expect(env.scriptApp.triggers).toHaveLength(0);
    expect(env.globals.PropertiesService.getDocumentProperties().getProperty('houkatsu.city.request')).toBeNull();
  });

  test('the menu arranges a time-driven trigger to resume, and the trigger finishes the job', () => {
    const { env, context } = cityWorld(many().slice(0, 20));
    runFunction(context, 'cityStep', { month: '2021-02', maxCentersPerRun: 7 });
    // The trigger's handler resumes from the stored request; simulate the stored request of the menu.
    env.globals.PropertiesService.getDocumentProperties().setProperty('houkatsu.city.request', JSON.stringify({ month: '2021-02' }));
    runFunction(context, 'cityContinue');
    expect(env.spreadsheet.peekSheetNames()).toContain('委託事業所一覧_2021-02');
  });
});

describe('only 提出用ファイル are read', () => {
  test('a center spreadsheet with 相談記録 is 読めない with what to do, and not a cell of it is read', () => {
    const { env, context } = cityWorld([
      { name: '本庄西', rows: storeRows([submission(0)]) },
      { name: '台帳のまま', rows: storeRows([submission(1)]), ledger: true },
    ]);
    env.callLog.reset();
    runFunction(context, 'cityStep', { month: '2021-02' });
    const status = sheet(env, '提出状況_2021-02');
    const refused = status.find((r) => r[0] === '台帳のまま') ?? [];
    expect(refused[1]).toBe('読めない');
    expect(String(refused[2])).toMatch(/提出用ファイルではありません（「相談記録」のシートがあります）/);
    expect(String(refused[2])).toContain('提出用_センター名');
    // One look at the sheet names per center; values are read only from the 提出用ファイル.
    expect(env.callLog.count('Sheets.Spreadsheets.get')).toBe(2);
    expect(env.callLog.count('Sheets.Spreadsheets.Values.get')).toBe(1);
    const everything = JSON.stringify(env.spreadsheet.peekSheetNames().map((n) => sheet(env, n)));
    expect(everything).not.toContain('これは市が読んではならない');
    expect(everything).not.toContain(JSON.stringify(submission(1).consultations.total) + ',"fingerprint"');
  });

  test('a payload whose center code differs from the listing is 読めない', () => {
    const { env, context } = cityWorld([{ name: '本庄西', rows: storeRows([submission(0)]), code: '99999-99' }]);
    runFunction(context, 'cityStep', { month: '2021-02' });
    const row = sheet(env, '提出状況_2021-02').find((r) => r[0] === '本庄西') ?? [];
    expect(row[1]).toBe('読めない');
    expect(String(row[2])).toMatch(/センターコード（.*）が「センター一覧」のコード（99999-99）と違います/);
  });

  test('_受領記録 keeps every payload read; a replaced payload is a new submission and the earlier one stays', () => {
    const { env, context } = cityWorld([{ name: '本庄西', rows: storeRows([submission(0)]) }]);
    runFunction(context, 'cityStep', { month: '2021-02' });
    runFunction(context, 'cityStep', { month: '2021-02' });
    const receipts = () => sheet(env, '_受領記録');
    expect(receipts()[0]).toEqual(['センター', '種類', '対象', '提出日時', '指紋', '受領日時', '本文']);
    // Read twice, recorded once.
    expect(receipts()).toHaveLength(2);
    expect(receipts()[1]?.slice(0, 3)).toEqual(['本庄西', 'monthly-report', '2021-02']);
    expect(receipts()[1]?.[4]).toBe(submission(0).fingerprint);
    // The center replaces its payload (another month's data under the same month, re-signed).
    const { fingerprintOf } = jest.requireActual('../../src/domain/reports/fingerprint') as typeof import('../../src/domain/reports/fingerprint');
    const changed = {
      ...submission(0),
      submittedAt: '2021-03-10T01:00:00.000Z',
      consultations: { ...submission(0).consultations, total: submission(0).consultations.total + 1 },
    };
    const resigned = { ...changed, fingerprint: fingerprintOf(changed) };
    const file = env.registry.find(/\/d\/([^/]+)/.exec(String(sheet(env, 'センター一覧')[1]?.[2]))?.[1] ?? '')?.spreadsheet;
    if (!file) throw new Error('no file');
    sheetFromRows(file, '_提出データ', storeRows([submission(0), resigned]));
    runFunction(context, 'cityStep', { month: '2021-02' });
    expect(receipts()).toHaveLength(3);
    expect(receipts().map((r) => r[4])).toEqual(['指紋', submission(0).fingerprint, resigned.fingerprint]);
    const row = sheet(env, '提出状況_2021-02').find((r) => r[0] === '本庄西') ?? [];
    expect(row[1]).toBe('提出済み');
    expect(String(row[2])).toMatch(/再提出: .*と内容が違います。前の提出は「_受領記録」に残っています/);
    // The receipt's 本文 is the payload as read, whole.
    expect(JSON.parse(String(receipts()[2]?.slice(6).join('')))).toMatchObject({ fingerprint: resigned.fingerprint });
  });
});
