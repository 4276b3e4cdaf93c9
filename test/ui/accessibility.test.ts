/**
 * Issue #20, items 3 and 4: every sidebar and dialog, in every state a person sees, passes axe-core (WCAG 2.0,
 * 2.1 and 2.2 A and AA, and best practices: nothing serious or critical), names itself (<title> and one <h1>),
 * keeps the keyboard focus on the page after an action, says what an action did in a live region that was on the
 * page before it, and never lets a sticky heading cover the control that has the focus. The pages are the HTML the
 * server served, answered by the real server functions over the Sheets fake (harness.ts).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createGasEnvironment, type GasEnvironment, loadBundle, runFunction, sheetFromRows } from '../fakes/gas-globals';
import { consultation, consultations, CONSULTATION_HEADER, contract, CONTRACT_HEADER, delegation, DELEGATION_HEADER, jst } from '../helpers/center';
import { expectAccessible } from './axe';
import { type Browser, describeInBrowser, launchBrowser, openServed, type ServedPage, SIDEBAR } from './harness';

const BUILD = join(__dirname, '..', '..', 'build');
/** The sizes the server asks for (src/gas), less the host's title bar. */
const DIALOG = { report: { width: 420, height: 260 }, normalize: { width: 760, height: 520 }, setup: { width: 520, height: 420 } };

function world(rows: unknown[][], extra?: (env: GasEnvironment) => void) {
  const env = createGasEnvironment({ htmlDir: BUILD, spreadsheet: { name: '本庄西包括' } });
  sheetFromRows(env.spreadsheet, '相談記録', [['相談記録（令和8年度）'], CONSULTATION_HEADER, ...rows]);
  extra?.(env);
  return { env, context: loadBundle(join(BUILD, 'Code.js'), env) };
}

const SETTINGS_ROWS = [
  ['項目', '値'],
  ['センター名', '本庄西地域包括支援センター'],
  ['都道府県名', '埼玉県'],
  ['市区町村名', '本庄市'],
];

/** What the host shows above the page, as the server asked for it (its title bar, or the sidebar's). */
interface Opened extends ServedPage {
  readonly hostTitle: string;
}

async function open(env: GasEnvironment, context: ReturnType<typeof loadBundle>, menu: string, size: { width: number; height: number }): Promise<Opened> {
  runFunction(context, menu);
  const shown = env.ui.shown.filter((s) => s.kind === 'sidebar' || s.kind === 'modal').pop();
  if (!shown || !('html' in shown)) throw new Error(`${menu} は画面を開きませんでした。`);
  return { ...(await openServed(browser, env, context, shown.html, size)), hostTitle: shown.title };
}

/** The page names itself as the host's title bar does: a <title>, and exactly one <h1> with the same words. */
async function expectNamed(opened: Opened): Promise<void> {
  const { page, hostTitle } = opened;
  expect({ title: await page.title(), h1: await page.locator('h1').allTextContents() }).toEqual({ title: hostTitle, h1: [hostTitle] });
}

/** The element that has the focus, as a readable tag#id "text" (never just BODY when the page kept it). */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const a = document.activeElement;
    if (!a || a === document.body) return 'BODY';
    return `${a.tagName}${a.id ? `#${a.id}` : ''} ${JSON.stringify((a.textContent ?? '').trim())}`;
  });
}

const LIVE = '[role="status"], [role="alert"], [aria-live="polite"], [aria-live="assertive"]';

/**
 * Marks every live region on the page now. A screen reader announces a change inside a region it already knew; one
 * that arrives together with its text usually goes unsaid, so `announced` only counts the regions marked here.
 */
async function markLiveRegions(page: Page): Promise<void> {
  await page.evaluate((live) => document.querySelectorAll(live).forEach((n) => n.setAttribute('data-live-before', '')), LIVE);
}

/** Whether `text` is now shown inside a live region that was on the page at the last markLiveRegions. */
async function announced(page: Page, text: string): Promise<boolean> {
  return page.evaluate(
    ({ text, live }) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!(node.textContent ?? '').includes(text)) continue;
        const region = node.parentElement?.closest(live);
        if (region?.hasAttribute('data-live-before')) return true;
      }
      return false;
    },
    { text, live: LIVE },
  );
}

/** The contrast ratio of two CSS colours (rgb() or rgba() as getComputedStyle gives them), by WCAG 2's formula. */
function contrast(a: string, b: string): number {
  const luminance = (css: string): number => {
    const [r, g, bl] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100;
}

/**
 * The contrast of every element matching `selector` against the first background behind it, for the text that axe
 * leaves unchecked: inside an issue of チェック結果 it gives up ("background could not be determined due to a pseudo
 * element", the severity bar drawn with ::before, which is beside the text, not behind it).
 */
async function textContrasts(page: Page, selector: string): Promise<{ text: string; ratio: number }[]> {
  const pairs = await page.locator(selector).evaluateAll((nodes) =>
    nodes.map((node) => {
      let back: Element | null = node;
      while (back && /^rgba\(.*, 0\)$|^transparent$/.test(getComputedStyle(back).backgroundColor)) back = back.parentElement;
      return {
        text: (node.textContent ?? '').trim(),
        color: getComputedStyle(node).color,
        background: back ? getComputedStyle(back).backgroundColor : 'rgb(255, 255, 255)',
      };
    }),
  );
  return pairs.map((p) => ({ text: p.text, ratio: contrast(p.color, p.background) }));
}

/** Those of textContrasts below WCAG 1.4.3's 4.5:1 for text of this size (none is large or bold enough for 3:1). */
async function unreadable(page: Page, selector: string): Promise<{ text: string; ratio: number }[]> {
  const all = await textContrasts(page, selector);
  expect(all.length).toBeGreaterThan(0);
  return all.filter((c) => c.ratio < 4.5);
}

let browser: Browser;

describeInBrowser('accessibility of every sidebar and dialog (issue #20): axe-core, names, focus, announcements', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('設定: loaded, refused and saved pass axe; the focus stays on 保存 after saving; placeholders and the focus ring can be seen', async () => {
    const { env, context } = world([consultation()], (e) => sheetFromRows(e.spreadsheet, '設定', SETTINGS_ROWS));
    const served = await open(env, context, 'menuSettings', SIDEBAR);
    const { page } = served;
    await expectNamed(served);
    await expectAccessible(page, '設定: 開いたとき');

    // Placeholders show the defaults that apply when a field is empty: they are text to read (WCAG 1.4.3).
    const placeholder = await page
      .locator('input[placeholder]:placeholder-shown')
      .first()
      .evaluate((input) => [getComputedStyle(input, '::placeholder').color, getComputedStyle(input).backgroundColor]);
    expect(contrast(placeholder[0] ?? '', placeholder[1] ?? '')).toBeGreaterThanOrEqual(4.5);

    // The primary button's focus ring, reached with the keyboard, against the footer it is drawn on (WCAG 1.4.11).
    const save = page.getByRole('button', { name: '保存' });
    await page.locator('textarea, input').last().focus();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('BUTTON#save "保存"');
    const ring = await save.evaluate((button) => {
      const style = getComputedStyle(button);
      return {
        color: style.outlineColor,
        style: style.outlineStyle,
        width: parseFloat(style.outlineWidth),
        around: getComputedStyle(button.parentElement as Element).backgroundColor,
      };
    });
    expect({ style: ring.style, width: ring.width >= 2 }).toEqual({ style: 'solid', width: true });
    expect(contrast(ring.color, ring.around)).toBeGreaterThanOrEqual(3);

    await page.getByLabel('集中の警告しきい値').fill('120%');
    await save.click();
    await served.settle();
    expect(await focused(page)).toBe('INPUT#setting-concentrationThreshold ""');
    await expectAccessible(page, '設定: 使えない値を保存しようとしたとき');

    await page.getByLabel('集中の警告しきい値').fill('75%');
    await markLiveRegions(page);
    await save.click();
    await served.settle();
    expect(await page.locator('#status').textContent()).toContain('保存しました');
    expect(await announced(page, '保存しました')).toBe(true);
    // The button was disabled while saving, which drops the focus to <body>; it comes back to the button.
    expect(await focused(page)).toBe('BUTTON#save "保存"');
    await expectAccessible(page, '設定: 保存の後');

    // Saved with Enter in a field: the fields are drawn again from the sheet, and the focus is not lost with them.
    await page.getByLabel('虐待報告の期限日数').fill('2');
    await page.keyboard.press('Enter');
    await served.settle();
    expect(await page.locator('#status').textContent()).toContain('保存しました');
    expect(await focused(page)).toBe('BUTTON#save "保存"');
    expect(served.requests).toEqual([]);
  });

  test('月報を作成: before and after 作成 pass axe; the remaining errors are announced and the focus stays on 作成', async () => {
    const { env, context } = world([...consultations(5), consultation({ 相談方法: '伝書鳩' })]);
    const served = await open(env, context, 'menuBuildReport', DIALOG.report);
    const { page } = served;
    await expectNamed(served);
    await expectAccessible(page, '月報を作成: 開いたとき');

    await page.locator('#month').fill('2026-10');
    await markLiveRegions(page);
    await page.getByRole('button', { name: '作成' }).click();
    await served.settle();
    expect(await page.locator('#status').textContent()).toBe('「月報_2026-10」を作成しました。');
    expect(await announced(page, '「月報_2026-10」を作成しました。')).toBe(true);
    expect(await announced(page, 'この月の行にエラーが 1 件残っています')).toBe(true);
    expect(await focused(page)).toBe('BUTTON#build "作成"');
    await expectAccessible(page, '月報を作成: 作成の後（エラーが残っている）');
    expect(served.requests).toEqual([]);
  });

  test('表記を整える: the preview, the result and the empty state pass axe; the result is announced and has the focus', async () => {
    const rows = [consultation({ 受付日: 'R8.10.3', 相談方法: 'TEL' }), consultation({ 相談者ID: 'Ａ－０００２' })];
    const { env, context } = world(rows);
    const served = await open(env, context, 'menuNormalize', DIALOG.normalize);
    const { page } = served;
    await expectNamed(served);
    await expectAccessible(page, '表記を整える: 変更前と変更後');

    await page.getByLabel('相談記録のD3（相談方法）を整える').uncheck();
    await expectAccessible(page, '表記を整える: チェックを外した行がある');
    await markLiveRegions(page);
    await page.locator('#apply').click();
    await served.settle();
    const headline = page.getByRole('heading', { level: 2 });
    const text = (await headline.textContent()) ?? '';
    expect(text).toMatch(/^\d+件を整えました$/);
    expect(await announced(page, text)).toBe(true);
    expect(await focused(page)).toBe(`H2 ${JSON.stringify(text)}`);
    await expectAccessible(page, '表記を整える: 整えた後');

    const { env: clean, context: cleanContext } = world([consultation()]);
    const empty = await open(clean, cleanContext, 'menuNormalize', DIALOG.normalize);
    await expectNamed(empty);
    expect(await empty.page.getByRole('heading', { name: '整える表記はありません' }).isVisible()).toBe(true);
    await expectAccessible(empty.page, '表記を整える: 整える表記がない');
    expect([...served.requests, ...empty.requests]).toEqual([]);
  });

  test('表記を整える: a checkbox reached with Shift+Tab is scrolled out from under the sticky table headings', async () => {
    // Enough rows that the list scrolls: 40 telephone calls written TEL.
    const rows = Array.from({ length: 40 }, (_, i) =>
      consultation({ 受付日: jst(`2026-10-${String((i % 28) + 1).padStart(2, '0')}`), 相談者ID: `P-${i}`, 相談方法: 'TEL' }),
    );
    const { env, context } = world(rows);
    const { page } = await open(env, context, 'menuNormalize', DIALOG.normalize);
    const boxes = page.locator('tbody input[type="checkbox"]');
    expect(await boxes.count()).toBeGreaterThan(20);

    // Row 16's box has the focus, and the list is scrolled so that the box above it sits just under the column
    // headings, where the sheet's heading row (stuck below them) covers it.
    await boxes.nth(15).focus();
    await page.evaluate(() => {
      const scroller = document.querySelector('main') as HTMLElement;
      const above = document.querySelectorAll('tbody input[type="checkbox"]')[14] as HTMLElement;
      const headings = (document.querySelector('thead th') as HTMLElement).getBoundingClientRect();
      scroller.scrollTop += above.getBoundingClientRect().top - headings.bottom - 4;
    });
    await page.keyboard.press('Shift+Tab');
    expect(await boxes.nth(14).evaluate((box) => box === document.activeElement)).toBe(true);

    const where = await boxes.nth(14).evaluate((box) => {
      const rect = box.getBoundingClientRect();
      const top = (document.querySelector('main') as HTMLElement).getBoundingClientRect().top;
      // What is stuck to the top of the list: the column headings, and the sheet's heading row under them.
      const stuck = [...document.querySelectorAll('thead th, tbody th')]
        .map((th) => th.getBoundingClientRect())
        .filter((r) => r.bottom > top && r.top <= rect.top);
      const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + 1);
      return { top: Math.round(rect.top), coveredTo: Math.round(Math.max(top, ...stuck.map((r) => r.bottom))), seen: hit === box };
    });
    expect(where.top).toBeGreaterThanOrEqual(where.coveredTo);
    expect(where.seen).toBe(true);
  });

  test('シートを準備: the first run and the second pass axe; the scrolling result can be reached with the keyboard', async () => {
    const { env, context } = world([consultation()], (e) => sheetFromRows(e.spreadsheet, '委託契約', [CONTRACT_HEADER, contract()]));
    const first = await open(env, context, 'menuSetupSheets', DIALOG.setup);
    await expectNamed(first);
    await expectAccessible(first.page, 'シートを準備: 1回目');
    expect(await unreadable(first.page, '.state')).toEqual([]);
    // The dialog opens on 閉じる, and what a screen reader says there is the result, not only the button's name.
    expect(await focused(first.page)).toBe('BUTTON#close "閉じる"');
    const description = await first.page.locator('#close').evaluate((close) =>
      (close.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(description).toBe('シートを準備しました 既存の列とデータはそのままです。足りないものだけを追加しました。');
    const second = await open(env, context, 'menuSetupSheets', DIALOG.setup);
    await expectNamed(second);
    await expectAccessible(second.page, 'シートを準備: 2回目（変更なし）');
    expect([...first.requests, ...second.requests]).toEqual([]);
  });

  test('as a person in Japan sees it (#18): the browser speaks ja-JP on Tokyo time, and Japanese is drawn with a Japanese font', async () => {
    const { env, context } = world([consultation()], (e) => sheetFromRows(e.spreadsheet, '設定', SETTINGS_ROWS));
    const { page } = await open(env, context, 'menuSettings', SIDEBAR);
    expect(await page.evaluate(() => ({ language: navigator.language, zone: Intl.DateTimeFormat().resolvedOptions().timeZone }))).toEqual({
      language: 'ja-JP',
      zone: 'Asia/Tokyo',
    });
    // The fonts Chromium actually drew the page's heading with (not what the CSS asks for): without a Japanese font
    // on the machine (.ci/run installs fonts-noto-cjk) the kanji come out as boxes or in a Chinese face.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'label' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    expect(fonts.map((f) => f.familyName)).toEqual([expect.stringMatching(/JP|Japanese|Gothic|ゴシック/)]);
  });

  test('チェック結果: with issues and with none, as the page is now', async () => {
    // Errors and warnings with 候補 in three sheets, and a word the check does not know (the 読み替え offer).
    const { env, context } = world(
      [
        consultation({ 受付日: 'R8.10.3', 相談方法: 'TEL' }),
        consultation({ 相談者ID: 'Ａ－０００２', 紹介事業所: 'トマト村' }),
        consultation({ 受付日: 'R8.2.30', 相談方法: '電話相談' }),
        consultation({ 受付日: jst('2026-10-09'), 相談方法: '来談' }),
      ],
      (e) => {
        sheetFromRows(e.spreadsheet, '委託契約', [CONTRACT_HEADER, contract({ 選定理由: '' })]);
        sheetFromRows(e.spreadsheet, '委託実績', [DELEGATION_HEADER, delegation({ 対象月: '令和8年10月' })]);
      },
    );
    const issues = await open(env, context, 'menuInputCheck', SIDEBAR);
    await expectNamed(issues);
    await expectAccessible(issues.page, 'チェック結果: 問題がある');
    expect(await unreadable(issues.page, '.chip, .badge, .suggestion .label, .suggestion .value, .offer .label, .cell-link')).toEqual([]);
    const { env: clean, context: cleanContext } = world([consultation()]);
    const none = await open(clean, cleanContext, 'menuInputCheck', SIDEBAR);
    await expectAccessible(none.page, 'チェック結果: 問題がない');
  });
});
