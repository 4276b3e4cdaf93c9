/**
 * The チェック結果 sidebar's offer of a 読み替え row (issue #15), in Chromium: the page gets the HTML the server
 * served, and its calls run the real server functions over the Sheets fake (harness.ts).
 */
import { join } from 'node:path';
import { createGasEnvironment, loadBundle, runFunction, sheetFromRows } from '../fakes/gas-globals';
import { consultation, CONSULTATION_HEADER, jst } from '../helpers/center';
import { type Browser, describeInBrowser, lastShown, launchBrowser, openServed, SIDEBAR } from './harness';

const BUILD = join(__dirname, '..', '..', 'build');
const MAPPING_HEADER = ['種類', '対象', 'この表での書き方', '標準'];

/** A center's 相談記録 with its own header for the date (来談日) and its own word 来談 in 相談方法. */
function ownLedger(header: readonly string[] = CONSULTATION_HEADER.map((h) => (h === '受付日' ? '来談日' : h))) {
  const env = createGasEnvironment({ htmlDir: BUILD, spreadsheet: { name: '本庄西包括' } });
  sheetFromRows(env.spreadsheet, '相談記録', [
    ['相談記録（令和8年度）'],
    [...header],
    consultation(),
    consultation({ 受付日: jst('2026-10-05'), 相談方法: '来談' }),
  ]);
  return { env, context: loadBundle(join(BUILD, 'Code.js'), env), sheet: env.spreadsheet.peekSheet('相談記録') };
}

let browser: Browser;

describeInBrowser('チェック結果 offers the 読み替え row where the check did not recognise something', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('choosing the center’s header writes the mapping, the recheck clears the error, the message is announced', async () => {
    const { env, context, sheet } = ownLedger();
    const before = sheet.peekValues();
    runFunction(context, 'menuInputCheck');
    const served = await openServed(browser, env, context, lastShown(env, 'sidebar'), SIDEBAR);
    const { page } = served;

    const missing = page.locator('.issue', { hasText: '「受付日」（または' });
    const columns = missing.getByLabel('「受付日」として読む列');
    expect(await columns.locator('option').allTextContents()).toEqual(['選んでください', '来談日']);
    const readAs = missing.getByRole('button', { name: 'この列を「受付日」として読む' });
    // Nothing can be written before something is chosen.
    expect(await readAs.isDisabled()).toBe(true);
    await columns.selectOption('来談日');
    expect(await readAs.isEnabled()).toBe(true);
    // The value offer of row 4 is there too, with the column's choices.
    const word = page.locator('.issue', { hasText: '「相談方法」の「来談」' });
    expect(await word.getByLabel('「来談」を読む選択肢').locator('option').allTextContents()).toEqual([
      '選んでください',
      '電話',
      '来所',
      '訪問',
      'メール・FAX',
      'その他',
    ]);
    expect(await word.getByRole('button', { name: '「来談」を選んだ選択肢として読む' }).isVisible()).toBe(true);
    await served.screenshot('mapping-offer');
    expect(env.spreadsheet.peekSheetNames()).not.toContain('読み替え');

    await readAs.click();
    await served.settle();
    expect(env.spreadsheet.peekSheet('読み替え').peekValues()).toEqual([MAPPING_HEADER, ['見出し', '相談記録', '来談日', '受付日']]);
    const status = page.locator('#status');
    expect(await status.textContent()).toBe('「相談記録」の見出し「来談日」を「受付日」として読みます（「読み替え」シートに追加しました）。');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(await status.getAttribute('class')).toContain('success');
    // The recheck's list: the missing column is gone, the row's word is still to be answered.
    expect(await page.getByText('「受付日」（または', { exact: false }).count()).toBe(0);
    expect(await page.locator('.issue').count()).toBe(1);
    // Focus is on the sheet's heading in the new list, not lost to <body>.
    expect(await page.evaluate(() => document.activeElement?.tagName + ':' + (document.activeElement?.textContent ?? ''))).toBe('H2:相談記録1件');
    await served.screenshot('mapping-offer-added');

    // The word, with the keyboard: choose 来所 and press Enter on the button.
    const choices = page.getByLabel('「来談」を読む選択肢');
    await choices.selectOption('来所');
    await page.getByRole('button', { name: '「来談」を選んだ選択肢として読む' }).focus();
    await page.keyboard.press('Enter');
    await served.settle();
    expect(env.spreadsheet.peekSheet('読み替え').peekValues()).toEqual([
      MAPPING_HEADER,
      ['見出し', '相談記録', '来談日', '受付日'],
      ['値', '相談方法', '来談', '来所'],
    ]);
    expect(await status.textContent()).toBe('「相談方法」の「来談」を「来所」として読みます（「読み替え」シートに追加しました）。');
    expect(await page.getByRole('heading', { name: '問題は見つかりませんでした' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('問題は見つかりませんでした');
    // The center's own rows are as they were.
    expect(sheet.peekValues()).toEqual(before);
    expect(served.requests).toEqual([]);
  });

  test('a refusal is shown as the error, nothing is written, and focus stays on the list to choose from', async () => {
    const { env, context } = ownLedger();
    runFunction(context, 'menuInputCheck');
    const served = await openServed(browser, env, context, lastShown(env, 'sidebar'), SIDEBAR);
    const { page } = served;
    // Someone maps 来談日 as something else in the meantime (in another window): the offer is now refused.
    sheetFromRows(env.spreadsheet, '読み替え', [MAPPING_HEADER, ['見出し', '相談記録', '来談日', '相談方法']]);
    const mapping = env.spreadsheet.peekSheet('読み替え').peekValues();
    const columns = page.getByLabel('「受付日」として読む列');
    await columns.selectOption('来談日');
    await page.getByRole('button', { name: 'この列を「受付日」として読む' }).click();
    await served.settle();
    const status = page.locator('#status');
    expect(await status.textContent()).toMatch(/^「読み替え」に追加しませんでした: /);
    expect(await status.getAttribute('class')).toContain('error');
    expect(env.spreadsheet.peekSheet('読み替え').peekValues()).toEqual(mapping);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(await columns.getAttribute('id'));
  });

  test('from within a kind’s page of a long list: the word is mapped, and the kind shrinks to what is left', async () => {
    // 40 rows say 来談 and 20 say LINE: 60 problems, more than one page, so the sidebar shows kinds closed.
    const env = createGasEnvironment({ htmlDir: BUILD, spreadsheet: { name: '本庄西包括' } });
    const rows = Array.from({ length: 60 }, (_, i) => consultation({ 相談方法: i % 3 === 2 ? 'LINE' : '来談', 相談者ID: `P-${i}` }));
    sheetFromRows(env.spreadsheet, '相談記録', [['相談記録（令和8年度）'], CONSULTATION_HEADER, ...rows]);
    const context = loadBundle(join(BUILD, 'Code.js'), env);
    runFunction(context, 'menuInputCheck');
    const served = await openServed(browser, env, context, lastShown(env, 'sidebar'), SIDEBAR);
    const { page } = served;
    const unknown = page.locator('.kind', { hasText: '選択肢にない値' });
    expect(await unknown.locator('.kind-toggle').getAttribute('aria-expanded')).toBe('false');
    await unknown.locator('.kind-toggle').click();
    await served.settle();
    expect(await unknown.locator('.page-range').textContent()).toBe('1〜50件目（全60件）');

    const first = unknown.locator('.issue').first();
    await first.getByLabel('「来談」を読む選択肢').selectOption('来所');
    await first.getByRole('button', { name: '「来談」を選んだ選択肢として読む' }).click();
    await served.settle();
    expect(env.spreadsheet.peekSheet('読み替え').peekValues()).toEqual([MAPPING_HEADER, ['値', '相談方法', '来談', '来所']]);
    expect(await page.locator('#status').textContent()).toBe('「相談方法」の「来談」を「来所」として読みます（「読み替え」シートに追加しました）。');
    // What is left (LINE) fits on one page: shown open, every offer still there.
    expect(await page.locator('.chip').allTextContents()).toEqual(['エラー 20件', '注意 0件']);
    expect(await unknown.locator('.kind-toggle').getAttribute('aria-expanded')).toBe('true');
    expect(await unknown.getByLabel('「LINE」を読む選択肢').count()).toBe(20);
    expect(await page.evaluate(() => document.activeElement?.tagName + ':' + (document.activeElement?.textContent ?? ''))).toBe('H2:相談記録20件');
    expect(served.requests).toEqual([]);
  });

  test('with no header left to choose, the offer says so instead of an empty list', async () => {
    // 受付日 is simply not there: every other header is a standard one.
    const { env, context } = ownLedger(CONSULTATION_HEADER.filter((h) => h !== '受付日'));
    runFunction(context, 'menuInputCheck');
    const served = await openServed(browser, env, context, lastShown(env, 'sidebar'), SIDEBAR);
    const missing = served.page.locator('.issue', { hasText: '「受付日」（または' });
    expect(await missing.locator('select').count()).toBe(0);
    expect(await missing.locator('.offer-none').textContent()).toBe(
      '見出し行に、まだ何にも当たっていない見出しがありません。「受付日」の列を見出し行に追加してください。',
    );
  });
});
