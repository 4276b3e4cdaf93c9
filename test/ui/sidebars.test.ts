import { join } from 'node:path';
import { createGasEnvironment, type GasEnvironment, loadBundle, runFunction, sheetFromRows } from '../fakes/gas-globals';
import { consultation, CONSULTATION_HEADER, contract, CONTRACT_HEADER, delegation, DELEGATION_HEADER, jst } from '../helpers/center';
import { type Browser, describeInBrowser, lastShown, launchBrowser, openServed, SIDEBAR } from './harness';

const BUILD = join(__dirname, '..', '..', 'build');
const DIALOG = { normalize: { width: 760, height: 520 }, setup: { width: 520, height: 420 } };

function world(rows: unknown[][], extra?: (env: GasEnvironment) => void) {
  const env = createGasEnvironment({ htmlDir: BUILD, spreadsheet: { name: '本庄西包括' } });
  sheetFromRows(env.spreadsheet, '相談記録', [['相談記録（令和8年度）'], CONSULTATION_HEADER, ...rows]);
  extra?.(env);
  return { env, context: loadBundle(join(BUILD, 'Code.js'), env), sheet: env.spreadsheet.peekSheet('相談記録') };
}

const ISSUES = [
  consultation({ 受付日: 'R8.10.3', 相談方法: 'TEL' }),
  consultation({ 相談者ID: 'Ａ－０００２', 紹介事業所: 'トマト村' }),
  consultation({ 受付日: 'R8.2.30', 相談方法: '電話相談' }),
  consultation({ 受付日: jst('2026-10-09'), 相談者: 'ケアマネ' }),
];

function withOtherSheets(env: GasEnvironment): void {
  sheetFromRows(env.spreadsheet, '委託契約', [CONTRACT_HEADER, contract({ 選定理由: '' })]);
  sheetFromRows(env.spreadsheet, '委託実績', [DELEGATION_HEADER, delegation({ 対象月: '令和8年10月' })]);
}

let browser: Browser;

describeInBrowser('sidebars and dialogs in Chromium, answered by the server over the fakes', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('チェック結果: grouped by sheet and kind, selects a cell, applies a suggestion, checks again', async () => {
    const { env, context, sheet } = world(ISSUES, withOtherSheets);
    runFunction(context, 'menuInputCheck');
    const served = await openServed(browser, env, context, lastShown(env, 'sidebar'), SIDEBAR);
    const { page } = served;
    await served.screenshot('check-sidebar');

    const sheets = await page.locator('.sheet-group > h2').allTextContents();
    expect(sheets).toEqual(['相談記録7件', '委託契約1件', '委託実績1件']);
    // One line per kind, errors first, each with its count; everything fits on one page, so every kind is open.
    const kinds = page.locator('.sheet-group').first().locator('.kind-toggle');
    expect(await kinds.allTextContents()).toEqual([
      'エラー紹介理由がない1件',
      'エラー日付として読めない1件',
      '注意西暦でない日付1件',
      '注意選択肢の表記ゆれ3件',
      '注意全角の英数字・半角カナ1件',
    ]);
    expect(await page.locator('.kind-toggle[aria-expanded="false"]').count()).toBe(0);
    // The kind's cells in the check's order, under the catalogue's description.
    const variants = page.locator('.kind', { hasText: '選択肢の表記ゆれ' });
    expect(await variants.locator('.cell-link').allTextContents()).toEqual(['D3', 'D5', 'E6']);
    expect(await variants.locator('.kind-description').textContent()).toContain('選択肢の言い換えや全角・半角の違い');
    // Only a kind of notation with more than one cell offers to fix them all (one cell is its own 適用).
    expect(await page.locator('.fix-all').allTextContents()).toEqual(['この 3 件を候補どおりに直す']);
    expect(await page.locator('.chip').allTextContents()).toEqual(['エラー 3件', '注意 6件']);

    // Keyboard: Tab to the first cell button and press Enter; the jump is announced.
    await page.locator('.cell-link').first().focus();
    await page.keyboard.press('Enter');
    await served.settle();
    expect(env.spreadsheet.peekActiveSheet().peekState().name).toBe('相談記録');
    expect(env.spreadsheet.peekActiveRange()).toBe('M4');
    expect(await page.locator('#status').textContent()).toBe('相談記録!M4 を選択しました');
    await page.getByRole('button', { name: '委託契約のJ2を選択' }).click();
    await served.settle();
    expect(env.spreadsheet.peekActiveSheet().peekState().name).toBe('委託契約');

    // 適用 on 相談方法 TEL → 電話: its accessible name starts with the word it shows.
    await page.getByRole('button', { name: '適用: D3 に候補「電話」を書き込む', exact: true }).click();
    await served.settle();
    expect(sheet.peekCell('D3').value).toBe('電話');
    expect(await page.locator('#status').textContent()).toBe('相談記録!D3 を「電話」にしました（_変更履歴に記録）。残り: エラー 3件・注意 5件');
    expect(await page.getByRole('button', { name: '適用: D3 に候補「電話」を書き込む' }).count()).toBe(0);
    expect(env.spreadsheet.peekSheet('_変更履歴').peekValues()[1]?.slice(0, 4)).toEqual(['相談記録', 'D3', 'TEL', '電話']);
    // Focus is on the next problem of the kind (D5's 適用), not lost to <body> or sent to the top.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('適用: D5 に候補「電話」を書き込む');
    await served.screenshot('check-sidebar-applied');

    // Someone fixes a cell in the sheet; 再チェック shows the new state, says so, and keeps the focus on itself.
    sheet.getRange('B4').setValue('A-0002');
    await page.getByRole('button', { name: '再チェック' }).click();
    await served.settle();
    expect(await page.getByText('「相談者ID」の「Ａ－０００２」', { exact: false }).count()).toBe(0);
    expect(await page.locator('#status').textContent()).toBe('再チェックしました: エラー 3件・注意 4件');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('recheck');
    expect(served.requests).toEqual([]);
  });

  test('チェック結果: a clear state when there is nothing to fix', async () => {
    const { env, context } = world([consultation(), consultation({ 相談者ID: 'A-0002' })]);
    runFunction(context, 'menuInputCheck');
    const served = await openServed(browser, env, context, lastShown(env, 'sidebar'), SIDEBAR);
    expect(await served.page.getByRole('heading', { name: '問題は見つかりませんでした' }).isVisible()).toBe(true);
    expect(await served.page.locator('.chip').allTextContents()).toEqual(['エラー 0件', '注意 0件']);
    await served.screenshot('check-sidebar-empty');
  });

  test('チェック結果: a server failure is shown in Japanese, without a stack trace', async () => {
    const { env, context } = world(ISSUES);
    runFunction(context, 'menuInputCheck');
    const served = await openServed(browser, env, context, lastShown(env, 'sidebar'), SIDEBAR);
    env.faults.failOn('Range.setValues', { times: Infinity });
    await served.page.getByRole('button', { name: '適用: D3 に候補「電話」を書き込む' }).click();
    await served.settle();
    const status = (await served.page.locator('#status').textContent()) ?? '';
    expect(status).toMatch(/^処理を完了できませんでした/);
    expect(status).not.toMatch(/\bat \w+ \(/);
    expect(await served.page.locator('#status').getAttribute('class')).toContain('error');
  });

  test('表記を整える: preview, untick one, apply; the rest is written and logged', async () => {
    const { env, context, sheet } = world(ISSUES, withOtherSheets);
    runFunction(context, 'menuNormalize');
    const served = await openServed(browser, env, context, lastShown(env, 'modal'), DIALOG.normalize);
    const { page } = served;
    await served.screenshot('normalize-dialog');
    const boxes = page.locator('tbody input[type="checkbox"]');
    const count = await boxes.count();
    expect(count).toBeGreaterThanOrEqual(5);
    expect(await page.locator('#apply').textContent()).toBe(`${count}件を整える`);

    // Select all off and on again.
    const all = page.getByLabel('すべて選択');
    await all.uncheck();
    expect(await page.locator('#apply').isDisabled()).toBe(true);
    await all.check();
    expect(await page.locator('#apply').textContent()).toBe(`${count}件を整える`);

    // Untick 相談方法 of row 3 (TEL → 電話) with the keyboard.
    const d3 = page.getByLabel('相談記録のD3（相談方法）を整える');
    await d3.focus();
    await page.keyboard.press('Space');
    expect(await d3.isChecked()).toBe(false);
    expect(await page.locator('#apply').textContent()).toBe(`${count - 1}件を整える`);
    expect(await page.locator('#selected-count').textContent()).toBe(`${count}件中 ${count - 1}件を選択`);
    await served.screenshot('normalize-dialog-unticked');
    // Nothing is written before the click.
    expect(sheet.peekCell('A3').value).toBe('R8.10.3');

    await page.locator('#apply').click();
    await served.settle();
    expect(await page.getByRole('heading', { name: `${count - 1}件を整えました` }).isVisible()).toBe(true);
    await served.screenshot('normalize-dialog-done');
    expect(sheet.peekCell('A3').value).toEqual(jst('2026-10-03'));
    expect(sheet.peekCell('D3').value).toBe('TEL');
    expect(sheet.peekCell('B4').value).toBe('A-0002');
    expect(env.spreadsheet.peekSheet('委託実績').peekCell('A2').value).toBe('2026-10');
    expect(env.spreadsheet.peekSheet('_変更履歴').peekValues()).toHaveLength(count);

    await page.getByRole('button', { name: '閉じる' }).click();
    expect(await page.evaluate(() => (window as unknown as { __closed: boolean }).__closed)).toBe(true);
    expect(served.requests).toEqual([]);
  });

  test('表記を整える: nothing to do', async () => {
    const { env, context } = world([consultation()]);
    runFunction(context, 'menuNormalize');
    const served = await openServed(browser, env, context, lastShown(env, 'modal'), DIALOG.normalize);
    expect(await served.page.getByRole('heading', { name: '整える表記はありません' }).isVisible()).toBe(true);
    expect(await served.page.locator('#apply').isVisible()).toBe(false);
    await served.screenshot('normalize-dialog-empty');
  });

  test('設定: a bad value is refused with a Japanese message at its field; a good one is saved as text', async () => {
    const { env, context } = world([consultation()], (e) => {
      sheetFromRows(e.spreadsheet, '設定', [
        ['項目', '値'],
        ['センター名', '本庄西地域包括支援センター'],
        ['都道府県名', '埼玉県'],
        ['市区町村名', '本庄市'],
        ['市外の町村', '上里町、美里町、神川町'],
      ]);
    });
    runFunction(context, 'menuSettings');
    const served = await openServed(browser, env, context, lastShown(env, 'sidebar'), SIDEBAR);
    const { page } = served;
    await served.screenshot('settings-sidebar');
    const settings = env.spreadsheet.peekSheet('設定');
    const before = settings.peekValues();

    const threshold = page.getByLabel('集中の警告しきい値');
    await threshold.fill('120%');
    await page.getByRole('button', { name: '保存' }).click();
    await served.settle();
    expect(await page.locator('[data-key="concentrationThreshold"] .field-error').textContent()).toBe(
      '「120%」は使えません。1%〜100%の割合（例: 80%）を入力してください。',
    );
    expect(await threshold.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('setting-concentrationThreshold');
    expect(settings.peekValues()).toEqual(before);
    await served.screenshot('settings-sidebar-error');

    await threshold.fill('75%');
    await page.getByLabel('虐待報告の期限日数').fill('2');
    await page.keyboard.press('Enter');
    await served.settle();
    expect(await page.locator('#status').textContent()).toContain('保存しました');
    expect(await page.locator('[data-key="concentrationThreshold"] .field-error').textContent()).toBe('');
    const rows = settings.peekValues();
    expect(rows.find((r) => r[0] === '集中の警告しきい値')?.[1]).toBe('75%');
    expect(rows.find((r) => r[0] === '虐待報告の期限日数')?.[1]).toBe('2');
    await served.screenshot('settings-sidebar-saved');
    expect(served.requests).toEqual([]);
  });

  test('シートを準備: the result of a run on a center’s own sheets, and of a second run', async () => {
    const { env, context } = world([consultation()], (e) => {
      sheetFromRows(e.spreadsheet, '委託契約', [
        ['事業所名', '事業所番号', '住所', '選定理由'],
        ['トマト村', '1171300013', '本庄市早稲田の杜5-14-8', '利用者の希望'],
      ]);
    });
    runFunction(context, 'menuSetupSheets');
    const first = await openServed(browser, env, context, lastShown(env, 'modal'), DIALOG.setup);
    expect(await first.page.getByRole('heading', { name: 'シートを準備しました' }).isVisible()).toBe(true);
    expect(await first.page.locator('.result-sheet h3').allTextContents()).toEqual([
      '設定作成',
      '読み替え作成',
      '相談記録追加・設定',
      '委託契約追加・設定',
      '委託実績作成',
      '活動記録作成',
      '苦情記録作成',
    ]);
    await first.screenshot('setup-dialog');
    runFunction(context, 'menuSetupSheets');
    const second = await openServed(browser, env, context, lastShown(env, 'modal'), DIALOG.setup);
    expect(await second.page.getByRole('heading', { name: '準備はできています' }).isVisible()).toBe(true);
    await second.screenshot('setup-dialog-unchanged');
    await second.page.getByRole('button', { name: '閉じる' }).press('Enter');
    expect(await second.page.evaluate(() => (window as unknown as { __closed: boolean }).__closed)).toBe(true);
  });
});
