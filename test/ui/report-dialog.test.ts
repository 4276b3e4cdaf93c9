import { join } from 'node:path';
import { createGasEnvironment, loadBundle, runFunction, sheetFromRows } from '../fakes/gas-globals';
import { consultation, consultations, CONSULTATION_HEADER } from '../helpers/center';
import { type Browser, describeInBrowser, lastShown, launchBrowser, openServed } from './harness';

const BUILD = join(__dirname, '..', '..', 'build');
let browser: Browser;

describeInBrowser('月報を作成… in Chromium, answered by the server over the fakes', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('offers last month, builds the chosen month’s report, and says what is left; a held lock is told in Japanese', async () => {
    const env = createGasEnvironment({ htmlDir: BUILD });
    sheetFromRows(env.spreadsheet, '相談記録', [CONSULTATION_HEADER, ...consultations(20), consultation({ 相談方法: '伝書鳩' })]);
    const context = loadBundle(join(BUILD, 'Code.js'), env);
    runFunction(context, 'menuBuildReport');
    const served = await openServed(browser, env, context, lastShown(env, 'modal'), { width: 420, height: 260 });
    const { page } = served;
    expect(await page.locator('#month').inputValue()).toMatch(/^\d{4}-\d{2}$/);
    expect(await page.getByLabel('対象月').count()).toBe(1);
    await served.screenshot('report-dialog');

    await page.locator('#month').fill('2026-10');
    await page.getByRole('button', { name: '作成' }).click();
    await served.settle();
    expect(env.spreadsheet.peekSheetNames()).toContain('月報_2026-10');
    expect(await page.locator('#status').textContent()).toBe('「月報_2026-10」を作成しました。');
    expect(await page.locator('#result').textContent()).toContain('エラーが 1 件残っています');
    await served.screenshot('report-dialog-done');

    env.locks.holdByOther('document');
    await page.getByRole('button', { name: '作成' }).click();
    await served.settle();
    expect(await page.locator('#status').textContent()).toMatch(/^ほかの方が月報の作成か提出をしているところです/);
    expect(served.requests).toEqual([]);
  });

  test('where the month picker is a plain text box (Safari, Firefox), 令和 and slashes are read as the server reads them; what it cannot read is said before any call', async () => {
    const env = createGasEnvironment({ htmlDir: BUILD });
    sheetFromRows(env.spreadsheet, '相談記録', [CONSULTATION_HEADER, ...consultations(5)]);
    const context = loadBundle(join(BUILD, 'Code.js'), env);
    runFunction(context, 'menuBuildReport');
    const served = await openServed(browser, env, context, lastShown(env, 'modal'), { width: 420, height: 260 });
    const { page } = served;
    // What those browsers render: the same element, as text.
    await page.locator('#month').evaluate((input) => ((input as HTMLInputElement).type = 'text'));
    expect(await page.locator('#month').getAttribute('placeholder')).toContain('令和');

    await page.locator('#month').fill('令和8年9月');
    await page.getByRole('button', { name: '作成' }).click();
    await served.settle();
    expect(env.spreadsheet.peekSheetNames()).toContain('月報_2026-09');
    expect(await page.locator('#status').textContent()).toBe('「月報_2026-09」を作成しました。');

    await page.locator('#month').fill('2026/8');
    await page.getByRole('button', { name: '作成' }).click();
    await served.settle();
    expect(env.spreadsheet.peekSheetNames()).toContain('月報_2026-08');

    const before = env.spreadsheet.peekSheetNames();
    const serverBuild = context.reportDialogBuild as (...args: unknown[]) => unknown;
    let calls = 0;
    context.reportDialogBuild = (...args: unknown[]): unknown => (calls++, serverBuild(...args));
    await page.locator('#month').fill('来月あたり');
    await page.getByRole('button', { name: '作成' }).click();
    await served.settle();
    expect(await page.locator('#status').textContent()).toMatch(/^「来月あたり」を月として読めませんでした.*2026-10 や 令和8年10月 の形で入力してください。$/);
    expect(env.spreadsheet.peekSheetNames()).toEqual(before);
    expect(calls).toBe(0);
    expect(served.requests).toEqual([]);
  });
});
