import { join } from 'node:path';
import { MARK_COLORS, MARK_PREFIX } from '../../src/workbook/marks';
import { createGasEnvironment, type GasEnvironment, loadBundle, runFunction, sheetFromRows, userEdit } from '../fakes/gas-globals';
import type { FakeSheet } from '../fakes/spreadsheet';
import { consultation, CONSULTATION_HEADER, consultations } from '../helpers/center';

/**
 * The marks of 入力チェック and onEdit touch only the cells whose mark changes (src/gas/sheets-port.ts,
 * writeStyles): a range another person protected does not make the check fail, and a mark that cannot be set
 * there is left out while every other one is set.
 */
const BUILD = join(__dirname, '..', '..', 'build');

function world(rows: unknown[][]): { env: GasEnvironment; context: object; sheet: FakeSheet } {
  const env = createGasEnvironment({ htmlDir: BUILD });
  const sheet = sheetFromRows(env.spreadsheet, '相談記録', [CONSULTATION_HEADER, ...rows]);
  return { env, context: loadBundle(join(BUILD, 'Code.js'), env), sheet };
}

function sidebarIssues(env: GasEnvironment): { cell: string }[] {
  const html = env.ui.lastSidebar()?.getContent() ?? '';
  return (
    JSON.parse(/id="houkatsu-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '{"issues":[]}') as { issues: { cell: string; sheet: string }[] }
  ).issues.filter((i) => i.sheet === '相談記録');
}

const alerts = (env: GasEnvironment): string[] => env.ui.shown.flatMap((s) => (s.kind === 'alert' && 'prompt' in s ? [String(s.prompt)] : []));

const TEL = (n: number): unknown[][] => Array.from({ length: n }, (_, i) => consultation({ 相談方法: i === 1 || i === 7 ? 'TEL' : '来所' }));

describe('marks write only the cells whose mark changes', () => {
  test('入力チェック marks the bad cells although rows in between are protected from this person', () => {
    const { env, context, sheet } = world(TEL(10));
    sheet.getRange('A4:Q6').protect().denyRunningUser();
    runFunction(context, 'menuInputCheck');
    expect(alerts(env)).toEqual([]);
    expect(sidebarIssues(env).map((i) => i.cell)).toEqual(['D3', 'D9']);
    expect([sheet.peekCell('D3').background, sheet.peekCell('D9').background]).toEqual([MARK_COLORS.warning, MARK_COLORS.warning]);
    expect(sheet.peekCell('D9').note.startsWith(MARK_PREFIX)).toBe(true);
  });

  test('a bad cell inside a protected range is listed but not marked; the others are marked', () => {
    const { env, context, sheet } = world(TEL(10));
    sheet.getRange('D9').protect().denyRunningUser();
    runFunction(context, 'menuInputCheck');
    expect(alerts(env)).toEqual([]);
    expect(sidebarIssues(env).map((i) => i.cell)).toEqual(['D3', 'D9']);
    expect(sheet.peekCell('D3').background).toBe(MARK_COLORS.warning);
    expect(sheet.peekCell('D9')).toMatchObject({ background: '#ffffff', note: '' });
  });

  test('a whole sheet protected from this person, but for the columns staff type into, is marked there', () => {
    const { env, context, sheet } = world(TEL(10));
    const protection = sheet.protect().denyRunningUser();
    protection.setUnprotectedRanges([sheet.getRange('B2:P11')]);
    runFunction(context, 'menuInputCheck');
    expect(alerts(env)).toEqual([]);
    expect(sheet.peekCell('D9').background).toBe(MARK_COLORS.warning);
  });

  test('onEdit marks a pasted row although another column of it is protected from this person', () => {
    const { env, context, sheet } = world(TEL(10));
    sheet.getRange('Q2:Q11').protect().denyRunningUser();
    runFunction(context, 'onEdit', userEdit(env, '相談記録', 'D5', [['TEL']]));
    expect(env.logs.filter((l) => l.level === 'error')).toEqual([]);
    expect(sheet.peekCell('D5').background).toBe(MARK_COLORS.warning);
  });

  test('a mark cleared, a note of the person given back: only those cells change', () => {
    const { context, sheet } = world(TEL(10));
    sheet.getRange('D9').setNote('折り返し待ち');
    runFunction(context, 'menuInputCheck');
    expect(sheet.peekCell('D9').note).toContain('折り返し待ち');
    sheet.getRange('D9').setValue('電話');
    sheet.getRange('A2:Q2').protect().denyRunningUser();
    runFunction(context, 'menuInputCheck');
    expect(sheet.peekCell('D9')).toMatchObject({ background: '#ffffff', note: '折り返し待ち' });
    expect(sheet.peekCell('D3').background).toBe(MARK_COLORS.warning);
  });

  test('the calls do not follow the rows, with one problem every 97 rows or a different one on each of many rows', () => {
    const calls = (rows: unknown[][]): number => {
      const { env, context } = world(rows);
      env.callLog.reset();
      runFunction(context, 'menuInputCheck');
      return env.callLog.spreadsheetCalls;
    };
    const scattered = (n: number) => consultations(n).map((r, i) => (i % 97 === 0 ? consultation({ 相談方法: 'TEL' }) : r));
    expect(calls(scattered(3000))).toBe(calls(scattered(1000)));
    // Each row a different unknown word: a different note on every row.
    const varied = (n: number) => consultations(n).map((r, i) => (i % 2 === 0 ? consultation({ 相談方法: `方法${i}` }) : r));
    expect(calls(varied(400))).toBe(calls(varied(40)));
  });
});
