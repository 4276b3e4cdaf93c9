/**
 * チェック結果 for a first check of years of history (issue #20), in Chromium, answered by the real server over the
 * fakes: 5,002 problems in three sheets shown by kind, a page of a kind at a time, every sheet reachable, a kind
 * fixed at once through its preview, and where the focus goes after each step. axe-core checks every state.
 */
import { join } from 'node:path';
import { createGasEnvironment, loadBundle, runFunction } from '../fakes/gas-globals';
import { jst } from '../helpers/center';
import { loadManyProblems, MANY_PROBLEMS, manyProblemRows } from '../helpers/many-problems';
import { expectAccessible } from './axe';
import { type Browser, describeInBrowser, lastShown, launchBrowser, openServed, SIDEBAR } from './harness';

const BUILD = join(__dirname, '..', '..', 'build');
const ROWS = manyProblemRows();

async function openSidebar(rows: readonly unknown[][] = ROWS) {
  const env = createGasEnvironment({ htmlDir: BUILD, spreadsheet: { name: '本庄西包括' } });
  loadManyProblems(env.spreadsheet, rows);
  const context = loadBundle(join(BUILD, 'Code.js'), env);
  runFunction(context, 'menuInputCheck');
  const served = await openServed(browser, env, context, lastShown(env, 'sidebar'), SIDEBAR);
  return { env, served, page: served.page, sheet: env.spreadsheet.peekSheet('相談記録') };
}

type Page = Awaited<ReturnType<typeof openSidebar>>['page'];

/** What has the focus, as a person would name it: its accessible label or its text. */
const focused = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const a = document.activeElement;
    return `${a?.tagName ?? ''}:${a?.getAttribute('aria-label') ?? a?.textContent ?? ''}`;
  });
const status = async (page: Page): Promise<string> => (await page.locator('#status').textContent()) ?? '';
const calls = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { __calls: string[] }).__calls);
/** The focused control is wholly below the sticky heading of the sheet it is in (or of the first sheet). */
const clearOfHeading = (page: Page): Promise<boolean> =>
  page.evaluate(() => {
    const active = document.activeElement;
    const heading = (active?.closest('.sheet-group') ?? document).querySelector('.sheet-group > h2')?.getBoundingClientRect();
    const box = active?.getBoundingClientRect();
    return heading !== undefined && box !== undefined && box.top >= heading.bottom;
  });
const kind = (page: Page, title: string) => page.locator('.kind', { has: page.locator('.kind-title', { hasText: title }) });

let browser: Browser;

describeInBrowser('チェック結果 for 5,000 problems, by kind and a page at a time', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('the first screen: every sheet’s kinds, counts that add up to the chips, a few tab stops', async () => {
    const { served, page } = await openSidebar();
    expect(await page.locator('.chip').allTextContents()).toEqual([`エラー ${MANY_PROBLEMS.errors}件`, '注意 4,950件']);
    expect(await page.locator('.sheet-group > h2').allTextContents()).toEqual(['相談記録5,000件', '委託契約1件', '委託実績1件']);
    const toggles = page.locator('.kind-toggle');
    expect(await toggles.allTextContents()).toEqual([
      'エラー日付として読めない51件',
      '注意西暦でない日付3,949件',
      '注意選択肢の表記ゆれ1,000件',
      'エラー委託先の選定理由がない1件',
      '注意西暦でない年月1件',
    ]);
    const sum = (await page.locator('.kind-count').allTextContents()).reduce((n, t) => n + Number(t.replace(/[,件]/g, '')), 0);
    expect(sum).toBe(MANY_PROBLEMS.errors + MANY_PROBLEMS.warnings);
    expect(await page.locator('.kind-toggle[aria-expanded="true"]').count()).toBe(0);
    // No wall of cells: the list is a few screens at most, with a tab stop per kind.
    const size = await page.evaluate(() => ({
      height: document.getElementById('issues')?.scrollHeight ?? 0,
      stops: document.querySelectorAll('button:not([disabled]), select, [tabindex="0"]').length,
    }));
    expect(size.height).toBeLessThan(1000);
    expect(size.stops).toBe(6);
    await served.screenshot('check-groups');
    await expectAccessible(page, 'チェック結果: 5,000件を種類ごとに');
  });

  test('a page beyond the first, the other sheets, and a jump: all reachable and announced', async () => {
    const { env, served, page } = await openSidebar();
    const invalid = kind(page, '日付として読めない');
    await invalid.locator('.kind-toggle').click();
    await served.settle();
    expect(await invalid.locator('.kind-toggle').getAttribute('aria-expanded')).toBe('true');
    expect(await invalid.locator('.cell-link').count()).toBe(50);
    expect(await invalid.locator('.page-range').textContent()).toBe('1〜50件目（全51件）');
    expect(await status(page)).toBe('相談記録の「日付として読めない」: 1〜50件目（全51件）を表示しています');
    expect(await focused(page)).toBe('BUTTON:エラー日付として読めない51件');
    await expectAccessible(page, 'チェック結果: 種類を開いた');

    await invalid.getByRole('button', { name: '次の1件' }).click();
    await served.settle();
    expect(await invalid.locator('.cell-link').allTextContents()).toEqual(['A3980']);
    // Focus on the new page's range line, read first; the way back is there.
    expect(await focused(page)).toBe('P:51件目（全51件）');
    expect(await invalid.getByRole('button', { name: '前の50件' }).isEnabled()).toBe(true);
    await invalid.getByRole('button', { name: '相談記録のA3980を選択' }).click();
    await served.settle();
    expect(env.spreadsheet.peekActiveRange()).toBe('A3980');
    expect(await status(page)).toBe('相談記録!A3980 を選択しました');
    await served.screenshot('check-groups-page-2');
    await expectAccessible(page, 'チェック結果: 2ページ目');

    // The other sheets' problems, one kind open at a time.
    await kind(page, '委託先の選定理由がない').locator('.kind-toggle').click();
    await served.settle();
    expect(await page.locator('.cell-link').allTextContents()).toEqual(['J2']);
    expect(await invalid.locator('.kind-toggle').getAttribute('aria-expanded')).toBe('false');
    await kind(page, '西暦でない年月').locator('.kind-toggle').click();
    await served.settle();
    expect(await page.locator('.cell-link').allTextContents()).toEqual(['A2']);
    expect(await page.locator('.kind', { hasText: '西暦でない年月' }).locator('.message').textContent()).toContain('「令和8年10月」');
    // Closing it needs no call.
    const before = (await calls(page)).length;
    await kind(page, '西暦でない年月').locator('.kind-toggle').click();
    expect(await page.locator('.cell-link').count()).toBe(0);
    expect((await calls(page)).length).toBe(before);
    expect(served.requests).toEqual([]);
  });

  test('適用 in a page: the cell is written and the focus is on the next problem’s 適用; 再チェック keeps it on itself', async () => {
    const { served, page, sheet } = await openSidebar();
    const tel = kind(page, '選択肢の表記ゆれ');
    await tel.locator('.kind-toggle').click();
    await served.settle();
    await tel.getByRole('button', { name: '適用: D4 に候補「電話」を書き込む', exact: true }).click();
    await served.settle();
    expect(sheet.peekCell('D4').value).toBe('電話');
    expect(await status(page)).toBe('相談記録!D4 を「電話」にしました（_変更履歴に記録）。残り: エラー 52件・注意 4,949件');
    expect(await focused(page)).toBe('BUTTON:適用: D8 に候補「電話」を書き込む');
    // The page stays open, one cell shorter in total, still 50 long.
    expect(await tel.locator('.page-range').textContent()).toBe('1〜50件目（全999件）');
    expect(await tel.locator('.cell-link').first().textContent()).toBe('D8');
    await expectAccessible(page, 'チェック結果: 適用の後');

    // Deep in the list: the twentieth 適用 of the page, and Tab goes on from the next problem, not from the top.
    await tel.getByRole('button', { name: '適用: D84 に候補「電話」を書き込む', exact: true }).click();
    await served.settle();
    expect(await focused(page)).toBe('BUTTON:適用: D88 に候補「電話」を書き込む');
    // Scrolled so that D88's cell button lies under the sticky sheet heading: Shift+Tab brings it out from under it.
    await page.evaluate(() => {
      const list = document.getElementById('issues') as HTMLElement;
      const previous = [...document.querySelectorAll<HTMLElement>('.cell-link')].find((b) => b.textContent === 'D88');
      list.scrollTop += (previous?.getBoundingClientRect().top ?? 0) - list.getBoundingClientRect().top - 4;
    });
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('BUTTON:相談記録のD88を選択');
    expect(await clearOfHeading(page)).toBe(true);

    await page.getByRole('button', { name: '再チェック' }).click();
    await served.settle();
    expect(await status(page)).toBe('再チェックしました: エラー 52件・注意 4,948件');
    expect(await focused(page)).toBe('BUTTON:再チェック');
    // The open page came back with the recheck.
    expect(await tel.locator('.page-range').textContent()).toBe('1〜50件目（全998件）');
    expect((await calls(page)).filter((c) => c === 'sidebarIssuePage')).toHaveLength(1);
  });

  test('a kind fixed at once: preview first, then two calls; cells written and logged, the kind gone, focus kept', async () => {
    const { env, served, page, sheet } = await openSidebar();
    const wareki = kind(page, '西暦でない日付');
    await wareki.locator('.kind-toggle').click();
    await served.settle();
    // A preview dropped: nothing written, the offer back, the focus on the kind.
    await wareki.getByRole('button', { name: 'この 3,949 件を候補どおりに直す' }).click();
    await served.settle();
    await page.getByRole('button', { name: 'やめる' }).click();
    expect(await page.locator('.fix-preview').count()).toBe(0);
    expect(await focused(page)).toBe('BUTTON:注意西暦でない日付3,949件');
    await wareki.getByRole('button', { name: 'この 3,949 件を候補どおりに直す' }).click();
    await served.settle();
    // Nothing is written before the confirmation.
    expect(sheet.peekCell('A3').value).toBe('R8.10.1');
    expect(env.spreadsheet.peekSheetNames()).not.toContain('_変更履歴');
    const preview = page.getByRole('group', { name: '「西暦でない日付」を候補どおりに直す' });
    expect(await preview.locator('tbody tr').count()).toBe(10);
    expect(await preview.locator('tbody tr').first().locator('td').allTextContents()).toEqual(['A3', 'R8.10.1', '2026-10-01']);
    expect(await preview.textContent()).toContain('ほか 3,939件');
    expect(await focused(page)).toBe('H4:「西暦でない日付」を候補どおりに直す');
    await served.screenshot('check-groups-fix-preview');
    await expectAccessible(page, 'チェック結果: まとめて直すプレビュー');

    await preview.getByRole('button', { name: '3,949件を直す' }).click();
    await served.settle();
    expect((await calls(page)).filter((c) => c === 'sidebarGroupFixApply')).toHaveLength(2);
    expect(sheet.peekCell('A3').value).toEqual(jst('2026-10-01'));
    expect(sheet.peekCell('A4002').value).toEqual(jst('2026-10-24'));
    const log = env.spreadsheet.peekSheet('_変更履歴').peekValues();
    expect(log).toHaveLength(MANY_PROBLEMS.kinds.wareki + 1);
    expect(new Set(log.slice(1).map((r) => r[5]))).toEqual(new Set(['チェック結果から適用']));
    expect(await page.locator('.kind-title', { hasText: '西暦でない日付' }).count()).toBe(0);
    expect(await page.locator('.chip').allTextContents()).toEqual(['エラー 52件', '注意 1,001件']);
    expect(await status(page)).toBe('相談記録の「西暦でない日付」を 3,949件、候補どおりに直しました（_変更履歴に記録）。残り: エラー 52件・注意 1,001件');
    // The kind is gone: focus is on the kind now in its place, not on <body>.
    expect(await focused(page)).toBe('BUTTON:注意選択肢の表記ゆれ1,000件');
    await served.screenshot('check-groups-fixed');
    await expectAccessible(page, 'チェック結果: まとめて直した後');
    expect(served.requests).toEqual([]);
  });

  test('a failure half-way says how far it got and what is left; what was written stays written and logged', async () => {
    // 2,100 rows: 2,074 dates in 和暦, two calls. The second call's first write fails: how many writes the first
    // makes is counted on a twin of the workbook, run by the same server code.
    const rows = manyProblemRows(2100);
    const twin = createGasEnvironment({ htmlDir: BUILD });
    loadManyProblems(twin.spreadsheet, rows);
    const twinScript = loadBundle(join(BUILD, 'Code.js'), twin);
    const fix = { sheet: '相談記録', code: 'DATE_NOTATION' };
    const twinPreview = runFunction(twinScript, 'sidebarGroupFixPreview', fix) as { chunks: unknown[][] };
    twin.callLog.reset();
    runFunction(twinScript, 'sidebarGroupFixApply', { ...fix, blocks: twinPreview.chunks[0] }, null);
    const firstCallWrites = twin.callLog.count('Range.setValues');

    const { env, served, page, sheet } = await openSidebar(rows);
    const wareki = kind(page, '西暦でない日付');
    await wareki.locator('.kind-toggle').click();
    await served.settle();
    await wareki.getByRole('button', { name: 'この 2,074 件を候補どおりに直す' }).click();
    await served.settle();
    env.faults.failOn('Range.setValues', { after: firstCallWrites, times: Infinity });
    await page.getByRole('button', { name: '2,074件を直す' }).click();
    await served.settle();
    expect(await status(page)).toMatch(
      /^相談記録の「西暦でない日付」を 2,000件、候補どおりに直しました（_変更履歴に記録）。残り 74件の途中で止まりました: 処理を完了できませんでした（.*）。.*残り: エラー 27件・注意 600件$/,
    );
    expect(await page.locator('#status').getAttribute('class')).toContain('error');
    expect(sheet.peekCell('A3').value).toEqual(jst('2026-10-01'));
    expect(sheet.peekCell('A2102').value).toBe('R8.10.28');
    expect(env.spreadsheet.peekSheet('_変更履歴').peekValues()).toHaveLength(2001);
    // The kind is still there with what is left, and has the focus.
    expect(await focused(page)).toBe('BUTTON:注意西暦でない日付74件');
  });
});
