import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type EvaluationSubmission, toEvaluationSubmission } from '../../src/domain/reports/evaluation-submission';
import type { Submission } from '../../src/domain/reports/submission';
import { type StoredSubmission, storedSubmissionRows, withSubmission } from '../../src/domain/reports/submission-store';
import type { CellValue } from '../../src/domain/values/cell';
import {
  createGasEnvironment,
  fireDueTriggers,
  type GasEnvironment,
  type GasEnvironmentOptions,
  loadBundle,
  runFunction,
  sheetFromRows,
} from '../fakes/gas-globals';
import type { MethodName } from '../fakes/methods';
import { sampleSubmission } from '../helpers/submissions';

/**
 * Issue #17, points 1–3 and the acceptance test: the city's jobs run as Apps Script runs them, on the fake's
 * clock. Each Sheets API request takes fake seconds, an execution ends at 6 fake minutes, a one-shot trigger
 * stays listed after it fires, and fireDueTriggers runs each continuation when it falls due.
 */
const ROOT = join(__dirname, '..', '..');
const CITY_BUILD = join(ROOT, 'build-city');
const CITY_MANIFEST = JSON.parse(readFileSync(join(CITY_BUILD, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };
const SECOND = 1000;
const MINUTE = 60 * SECOND;
/** 2021-03-10 09:00 in Japan. */
const START = Date.parse('2021-03-10T00:00:00.000Z');
const MONTHLY = [0, 1, 2, 3].map((i) => sampleSubmission(i, '2021-02'));

function evaluation(name: string): EvaluationSubmission {
  const at = '2026-05-01T00:00:00.000Z';
  return toEvaluationSubmission(
    { name, code: '' },
    '2025',
    [
      { row: 2, year: '2025', number: '1', category: '組織運営体制等', indicator: '', answer: 'はい' },
      { row: 3, year: '2025', number: '2', category: '権利擁護', indicator: '', answer: 'いいえ', note: '未整備' },
    ],
    at,
    at,
  );
}

/** A 提出用ファイル's `_提出データ` holding the month's report and the year's evaluation. */
function storeOf(month: Submission, year: EvaluationSubmission): CellValue[][] {
  const entry = (s: Submission | EvaluationSubmission, period: string): Omit<StoredSubmission, 'status'> => ({
    kind: s.kind,
    period,
    submittedAt: s.submittedAt ?? '',
    fingerprint: s.fingerprint,
    schemaVersion: s.schemaVersion,
    json: JSON.stringify(s),
  });
  return storedSubmissionRows(withSubmission(withSubmission([], entry(month, month.month)), entry(year, year.year)));
}

interface World {
  readonly env: GasEnvironment;
  readonly context: ReturnType<typeof loadBundle>;
  readonly names: string[];
}

function cityWorld(count: number, options: GasEnvironmentOptions = {}): World {
  const env = createGasEnvironment({ htmlDir: CITY_BUILD, oauthScopes: CITY_MANIFEST.oauthScopes, advancedServices: ['Sheets'], ...options });
  env.clock.set(START);
  const names = Array.from({ length: count }, (_, i) => `センター${String(i + 1).padStart(3, '0')}`);
  const list: unknown[][] = [['センター名', '提出用ファイル']];
  names.forEach((name, i) => {
    const file = env.addSpreadsheet({ sheetNames: ['_提出データ'], name: `提出用_${name}` });
    sheetFromRows(file, '_提出データ', storeOf(MONTHLY[i % MONTHLY.length] as Submission, evaluation(name)));
    list.push([name, `https://docs.google.com/spreadsheets/d/${file.id}/edit`]);
  });
  sheetFromRows(env.spreadsheet, 'センター一覧', list);
  sheetFromRows(env.spreadsheet, '設定', [
    ['項目', '値'],
    ['市区町村名', '本庄市'],
  ]);
  return { env, context: loadBundle(join(CITY_BUILD, 'Code.js'), env), names };
}

interface Slow {
  readonly method: MethodName;
  /** Which call of the method (1 for the first). */
  readonly nth: number;
  readonly ms: number;
}

/** Each Sheets API request takes `apiMs` on the fake clock, `slow` calls what they say; everything else is instant. */
function durations(env: GasEnvironment, apiMs: number, ...slow: Slow[]): void {
  env.runtime.callDuration = (method, nth) => slow.find((s) => s.method === method && s.nth === nth)?.ms ?? (method.startsWith('Sheets.') ? apiMs : 0);
}

/** 「各センターの月報を集計…」 for 令和3年2月 with 新規委託 from 1月; the first answer takes `thinkMs`. */
function consolidateFromMenu(w: World, thinkMs = 0): void {
  w.env.ui.answer({ button: 'OK', text: '2021-02', thinkMs }, { button: 'OK', text: '2021-01' });
  runFunction(w.context, 'menuCityConsolidate');
}

const sheet = (env: GasEnvironment, name: string): unknown[][] => env.spreadsheet.peekSheet(name).peekValues();
const continuations = (env: GasEnvironment) => env.scriptApp.triggers.filter((t) => t.handlerFunction === 'cityContinue');
const RESULT_SHEETS = ['提出状況_2021-02', '市集計_2021-02', '委託事業所一覧_2021-02', '新規委託_2021-02'];

/** The centers 提出状況 lists as 提出済み, each as often as it is listed. */
const submittedIn = (env: GasEnvironment): string[] =>
  sheet(env, '提出状況_2021-02')
    .filter((r) => r[1] === '提出済み')
    .map((r) => String(r[0]));

describe('a paused consolidation resumes by trigger until it is done', () => {
  test('each pause deletes the spent trigger and arms a new one: 20 centers in three runs, then no trigger left', () => {
    const w = cityWorld(20);
    // 40 s a center: seven fit in the 4.5-minute time box.
    durations(w.env, 20 * SECOND);
    consolidateFromMenu(w);
    expect(continuations(w.env)).toHaveLength(1);
    const runs = fireDueTriggers(w.env, w.context, START + 60 * MINUTE);
    expect(runs.map((r) => r.outcome)).toEqual(['done', 'done']);
    expect(runs.map((r) => r.triggersAfter)).toEqual([1, 0]);
    expect(w.env.scriptApp.triggers).toEqual([]);
    expect(submittedIn(w.env)).toEqual(w.names);
  });

  test('a trigger that finds the lock taken arms the next one instead of giving up', () => {
    const w = cityWorld(10);
    durations(w.env, 20 * SECOND);
    consolidateFromMenu(w);
    w.env.locks.holdByOther('document');
    const blocked = fireDueTriggers(w.env, w.context, w.env.clock.now() + 90 * SECOND);
    expect(blocked.map((r) => r.outcome)).toEqual(['done']);
    // The spent trigger is gone and a new one waits.
    expect(continuations(w.env).map((t) => t.fired)).toEqual([false]);
    w.env.locks.releaseByOther('document');
    fireDueTriggers(w.env, w.context, w.env.clock.now() + 10 * MINUTE);
    expect(submittedIn(w.env)).toEqual(w.names);
    expect(w.env.scriptApp.triggers).toEqual([]);
  });

  test('the time box starts when the menu is chosen: after 5 minutes of prompts one center is read and kept, and a trigger goes on', () => {
    const w = cityWorld(20);
    durations(w.env, 20 * SECOND);
    // Not ended by Apps Script at 6 minutes (runFunction would throw).
    consolidateFromMenu(w, 5 * MINUTE);
    expect(
      sheet(w.env, '_集計作業')
        .slice(1)
        .map((r) => r[2]),
    ).toEqual(['センター001']);
    expect(continuations(w.env)).toHaveLength(1);
    const runs = fireDueTriggers(w.env, w.context, START + 60 * MINUTE);
    expect(runs.every((r) => r.outcome === 'done')).toBe(true);
    expect(submittedIn(w.env)).toEqual(w.names);
    expect(w.env.callLog.count('Sheets.Spreadsheets.Values.get')).toBe(20);
  });

  test('a run whose reading used up the time box leaves drawing to the next run', () => {
    const w = cityWorld(7);
    // Seven centers take 280 s; drawing the four sheets takes 2 minutes more, past the 6-minute limit.
    durations(w.env, 20 * SECOND);
    const slowInsert = w.env.runtime.callDuration;
    w.env.runtime.callDuration = (method, nth) => (method === 'Spreadsheet.insertSheet' ? 30 * SECOND : slowInsert(method, nth));
    consolidateFromMenu(w);
    expect(w.env.spreadsheet.peekSheetNames()).not.toContain('提出状況_2021-02');
    const runs = fireDueTriggers(w.env, w.context, START + 60 * MINUTE);
    expect(runs.map((r) => r.outcome)).toEqual(['done']);
    expect(submittedIn(w.env)).toEqual(w.names);
    // Every center was read in the first run; the second only drew.
    expect(w.env.callLog.count('Sheets.Spreadsheets.Values.get')).toBe(7);
  });

  test('a step that keeps failing is tried again by its trigger, three times in all; then the job stops with no trigger left', () => {
    const w = cityWorld(3);
    w.env.faults.failOn('Spreadsheet.insertSheet', { times: Infinity });
    consolidateFromMenu(w);
    expect(w.env.ui.shown.find((s) => s.kind === 'alert')?.prompt).toMatch(/^処理を完了できませんでした/);
    const runs = fireDueTriggers(w.env, w.context, START + 2 * 60 * MINUTE);
    expect(runs).toHaveLength(2);
    expect(w.env.scriptApp.triggers).toEqual([]);
    expect(w.env.properties.document.get('houkatsu.city.request')).toBeUndefined();
    // Put right, the menu starts it again.
    w.env.faults.clear();
    consolidateFromMenu(w);
    expect(submittedIn(w.env)).toEqual(w.names);
  });

  test('without a document lock (no containing document) the city runs under its script lock', () => {
    const w = cityWorld(3, { documentLock: false });
    consolidateFromMenu(w);
    expect(submittedIn(w.env)).toEqual(w.names);
    expect(w.env.callLog.count('LockService.getScriptLock')).toBe(1);
  });
});

describe('事業評価を集計… runs through the same resumable runs', () => {
  test('30 centers at 40 s each: paused and resumed by trigger, every center read once, one 事業評価_2025', () => {
    const w = cityWorld(30);
    durations(w.env, 20 * SECOND);
    w.env.ui.answer({ button: 'OK', text: '2025' });
    runFunction(w.context, 'menuCityEvaluate');
    expect(continuations(w.env)).toHaveLength(1);
    const runs = fireDueTriggers(w.env, w.context, START + 2 * 60 * MINUTE);
    expect(runs.every((r) => r.outcome === 'done')).toBe(true);
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(sheet(w.env, '事業評価_2025')[2]).toEqual(['分類', ...w.names, '市', '全国平均']);
    expect(w.env.callLog.count('Sheets.Spreadsheets.Values.get')).toBe(30);
    const receipts = sheet(w.env, '_受領記録').slice(1);
    expect(receipts.map((r) => [r[0], r[1]])).toEqual(w.names.map((n) => [n, 'evaluation']));
    expect(w.env.scriptApp.triggers).toEqual([]);
  });
});

describe('the acceptance test of #17', () => {
  test('150 centers driven by triggers, one run ended at 6 minutes by a hung request: every center counted once, one result, no spent triggers', () => {
    const w = cityWorld(150);
    // 4 s a request, 8 s a center: about 34 centers a run. Opening the 60th file hangs for 10 minutes, so
    // Apps Script ends that run at 6 minutes, in the middle of its work.
    durations(w.env, 4 * SECOND, { method: 'Sheets.Spreadsheets.get', nth: 60, ms: 10 * MINUTE });
    consolidateFromMenu(w);
    const runs = fireDueTriggers(w.env, w.context, START + 3 * 60 * MINUTE);
    expect(runs.filter((r) => r.outcome === 'killed')).toHaveLength(1);
    expect(runs.filter((r) => r.outcome === 'failed')).toEqual([]);
    expect(Math.max(...runs.map((r) => r.triggersAfter))).toBe(1);
    expect(w.env.scriptApp.triggers).toEqual([]);
    // Every center was kept as soon as it was read, so the ended run lost only the file it was opening: each
    // _提出データ read exactly once, and the hung request is the one opening of a file more.
    expect(w.env.callLog.count('Sheets.Spreadsheets.Values.get')).toBe(150);
    expect(w.env.callLog.count('Sheets.Spreadsheets.get')).toBe(151);
    // Every center counted once.
    expect(submittedIn(w.env)).toEqual(w.names);
    expect(
      sheet(w.env, '_受領記録')
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(w.names);
    // One result: the four sheets of the month, drawn once, and the work sheet emptied.
    expect(w.env.spreadsheet.peekSheetNames().filter((n) => n.endsWith('_2021-02'))).toEqual(expect.arrayContaining(RESULT_SHEETS));
    expect(w.env.spreadsheet.peekSheetNames().filter((n) => n.endsWith('_2021-02'))).toHaveLength(4);
    expect(sheet(w.env, '_集計作業')).toHaveLength(1);
  });
});
