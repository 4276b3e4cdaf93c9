import { createGasEnvironment, fireDueTriggers, loadScript, runFunction } from '../fakes/gas-globals';
import { EXECUTION_LIMIT_MS, EXECUTION_TIME_EXCEEDED } from '../fakes/runtime';
import { MAX_TRIGGERS } from '../fakes/services';

/**
 * The fake as strict as Apps Script where issue #17's defects hid: its clock and the 6-minute limit, one-shot
 * triggers that stay listed, the trigger limit, a null document lock, and errors in the account's language.
 */
const MINUTE = 60_000;
const START = Date.parse('2021-03-10T00:00:00.000Z');

describe('time, executions and triggers', () => {
  const script = `
    function now() { return [Date.now(), new Date().getTime(), typeof Date()]; }
    function arm() { ScriptApp.newTrigger('tick').timeBased().after(60000).create(); }
    function tick() { SpreadsheetApp.getActiveSpreadsheet().getSheets(); }
    function work(n) { for (var i = 0; i < n; i++) SpreadsheetApp.getActiveSpreadsheet().getName(); return 'returned'; }
    function swallow(n) { try { work(n); } catch (e) { return 'caught'; } }
  `;

  test("the script's Date reads the world's clock", () => {
    const env = createGasEnvironment();
    env.clock.set(START);
    const context = loadScript(script, env);
    expect(runFunction(context, 'now')).toEqual([START, START, 'string']);
    env.clock.advance(MINUTE);
    expect(runFunction(context, 'now')).toEqual([START + MINUTE, START + MINUTE, 'string']);
  });

  test('an execution past 6 minutes is ended: the call that crosses it and every later one throw, even when caught', () => {
    const env = createGasEnvironment();
    env.clock.set(START);
    env.runtime.callDuration = (method) => (method === 'Spreadsheet.getName' ? MINUTE : 0);
    const context = loadScript(script, env);
    expect(runFunction(context, 'work', 6)).toBe('returned');
    expect(() => runFunction(context, 'work', 7)).toThrow(EXECUTION_TIME_EXCEEDED);
    // The script caught the error; Apps Script ended the execution all the same.
    expect(() => runFunction(context, 'swallow', 7)).toThrow(EXECUTION_TIME_EXCEEDED);
    expect(env.callLog.count('Spreadsheet.getName')).toBe(6 + 7 + 7);
    // The clock stops at the limit of the ended execution.
    expect(env.clock.now()).toBe(START + 6 * MINUTE + 2 * EXECUTION_LIMIT_MS);
  });

  test('a fired one-shot trigger stays listed until deleted and never fires again; the 21st trigger is refused', () => {
    const env = createGasEnvironment();
    env.clock.set(START);
    const context = loadScript(script, env);
    runFunction(context, 'arm');
    expect(fireDueTriggers(env, context, START + 59_999)).toEqual([]);
    const runs = fireDueTriggers(env, context, START + 10 * MINUTE);
    expect(runs).toEqual([{ handler: 'tick', at: START + MINUTE, outcome: 'done', triggersAfter: 1 }]);
    expect(env.scriptApp.triggers.map((t) => t.fired)).toEqual([true]);
    expect(fireDueTriggers(env, context, START + 60 * MINUTE)).toEqual([]);
    for (let i = 1; i < MAX_TRIGGERS; i++) runFunction(context, 'arm');
    expect(() => runFunction(context, 'arm')).toThrow('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
  });

  test('a trigger runs without a Ui', () => {
    const env = createGasEnvironment();
    env.clock.set(START);
    const context = loadScript(`${script} function tick() { SpreadsheetApp.getUi(); }`, env);
    runFunction(context, 'arm');
    const [run] = fireDueTriggers(env, context, START + MINUTE);
    expect(run?.outcome).toBe('failed');
    expect(String(run?.error)).toContain('Cannot call SpreadsheetApp.getUi() from this context.');
  });
});

describe('locks and languages', () => {
  test('getDocumentLock() is null outside a containing document; the script lock is still there', () => {
    const env = createGasEnvironment({ documentLock: false });
    expect(env.globals.LockService.getDocumentLock()).toBeNull();
    expect(env.globals.LockService.getScriptLock().tryLock(0)).toBe(true);
  });

  test('a Japanese account reads service errors in Japanese, an untranslated one without its English', () => {
    const env = createGasEnvironment({ errorLocale: 'ja' });
    expect(env.runtime.error(EXECUTION_TIME_EXCEEDED).message).toBe('起動時間の最大値を超えました');
    expect(env.runtime.apiError('sheets.spreadsheets.get', 'Requested entity was not found.').message).toBe(
      'API 呼び出し sheets.spreadsheets.get がエラーで失敗しました: 要求されたエンティティが見つかりませんでした。',
    );
    expect(env.runtime.error('Something the fake has no Japanese for.').message).toBe('サービスでエラーが発生しました。');
    let refused = '';
    try {
      env.globals.SpreadsheetApp.openById('missing-spreadsheet-id');
    } catch (error) {
      refused = (error as Error).message;
    }
    expect(refused).not.toBe('');
    expect(refused).not.toMatch(/[A-Za-z]{3,} [A-Za-z]{3,}/);
  });
});
