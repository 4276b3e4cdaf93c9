import { join } from 'node:path';
import { isSheetDate, type CellValue } from '../../src/domain/values/cell';
import { HONJO_CENTERS, sampleCenterWorkbook, type SampleWorkbook } from '../../src/sample/center';
import { KODAMA_LAYOUT, ownLayoutWorkbook } from '../../src/sample/own-layout';
import { MARK_COLORS } from '../../src/workbook/marks';
import { createGasEnvironment, type GasEnvironment, loadBundle, runFunction, sheetFromRows } from '../fakes/gas-globals';
import { jst } from '../helpers/center';

/**
 * 児玉's ledger in its own layout (相談台帳, 委託契約台帳, its headers, order and words) with 読み替え, in Apps
 * Script's place: the menu's check and report read it as they read the standard ledger.
 */
const BUILD = join(__dirname, '..', '..', 'build');
const KODAMA = HONJO_CENTERS[3];
if (KODAMA?.name !== '児玉') throw new Error('児玉 is the fourth center of the sample');
const standard = sampleCenterWorkbook(KODAMA, 20210201);
const own = ownLayoutWorkbook(standard, KODAMA_LAYOUT);

/** A sample cell as Sheets holds it: a date cell as the instant of its day in Japan, blank as ''. */
const toSheets = (value: CellValue): unknown => (value === null ? '' : isSheetDate(value) ? jst(value.iso) : value);

function world(book: SampleWorkbook) {
  const env = createGasEnvironment({ htmlDir: BUILD });
  for (const sheet of book.sheets)
    sheetFromRows(
      env.spreadsheet,
      sheet.name,
      sheet.rows.map((r) => r.map(toSheets)),
    );
  const context = loadBundle(join(BUILD, 'Code.js'), env);
  return { env, context };
}

interface View {
  summary: { errors: number; warnings: number };
  issues: { sheet: string; cell: string; code: string }[];
}

function sidebarData(env: GasEnvironment): View {
  const html = env.ui.lastSidebar()?.getContent() ?? '';
  const m = /<script type="application\/json" id="houkatsu-data">([\s\S]*?)<\/script>/.exec(html);
  return JSON.parse(m?.[1] ?? 'null') as View;
}

function buildReport(env: GasEnvironment, context: object, month: string): unknown[][] {
  runFunction(context, 'menuBuildReport');
  runFunction(context, 'reportDialogBuild', month);
  return env.spreadsheet.peekSheet(`月報_${month}`).peekValues();
}

const QUALITY_LABEL = 'この月の行に残っている問題';

describe('a center’s own layout, read through 読み替え, in Apps Script’s place', () => {
  test('入力チェック marks the cells on 相談台帳 and 委託契約台帳, a row higher than on the standard sheets, and lists the same issues', () => {
    const a = world(standard);
    const b = world(own);
    runFunction(a.context, 'menuInputCheck');
    runFunction(b.context, 'menuInputCheck');
    const before = sidebarData(a.env);
    const after = sidebarData(b.env);
    expect(after.summary).toEqual(before.summary);
    expect(before.summary.errors + before.summary.warnings).toBeGreaterThan(10);
    const row = (cell: string): number => Number(/\d+/.exec(cell)?.[0]);
    const sheets: Record<string, string> = { 相談記録: '相談台帳', 委託契約: '委託契約台帳' };
    const moved = (i: View['issues'][number]) => (sheets[i.sheet] ? [sheets[i.sheet], row(i.cell) - 1, i.code] : [i.sheet, row(i.cell), i.code]);
    expect(after.issues.map((i) => [i.sheet, row(i.cell), i.code])).toEqual(before.issues.map(moved));

    // The 2月30日 planted in 受付日 (A864 of 相談記録) is in 来談日, column B, of 相談台帳, a row higher.
    expect(before.issues).toContainEqual(expect.objectContaining({ sheet: '相談記録', cell: 'A864', code: 'DATE_INVALID' }));
    expect(after.issues).toContainEqual(expect.objectContaining({ sheet: '相談台帳', cell: 'B863', code: 'DATE_INVALID' }));
    const ledger = b.env.spreadsheet.peekSheet('相談台帳');
    expect(ledger.peekBackgrounds()[862]?.[1]).toBe(MARK_COLORS.error);
    expect(ledger.peekNotes()[862]?.[1]).toContain('R2.2.30');
    // The 選定理由 left empty on 委託契約 row 10 is in 選んだ理由 of 委託契約台帳 row 9: column I, as 児玉 keeps no 所在.
    expect(after.issues).toContainEqual(expect.objectContaining({ sheet: '委託契約台帳', cell: 'I9', code: 'SELECTION_REASON_MISSING' }));
    expect(b.env.spreadsheet.peekSheet('委託契約台帳').peekBackgrounds()[8]?.[8]).toBe(MARK_COLORS.error);
    // Nothing was marked on 読み替え, and nothing of the layout is reported.
    expect(after.issues.filter((i) => i.sheet === '読み替え' || ['HEADER_MISSING', 'CHOICE_UNKNOWN', 'SHEET_MISSING'].includes(i.code))).toEqual([]);
  });

  test('月報を作成 for 2021-02 gives the same report sheet as the standard ledger (the count of issues left in the month and the time made aside)', () => {
    const a = world(standard);
    const b = world(own);
    const before = buildReport(a.env, a.context, '2021-02');
    const after = buildReport(b.env, b.context, '2021-02');
    const total = before.filter((r) => r[0] === '計')[0];
    expect(total?.some((v) => typeof v === 'number' && v > 150)).toBe(true);
    // The two are made a moment apart: 作成日時 may differ by a minute.
    const withoutQuality = (rows: unknown[][]) => rows.filter((r) => r[0] !== QUALITY_LABEL && r[0] !== '作成日時');
    expect(withoutQuality(after)).toEqual(withoutQuality(before));
  });

  // Would fail if monthQuality (domain/reports/monthly-report.ts) knew a sheet's rows by the standard name only: every
  // issue of 相談台帳 and 委託契約台帳 would then count for 2021-02.
  test('月報を作成 counts the issues left in the month on the own sheets as on the standard ones', () => {
    const a = world(standard);
    const b = world(own);
    const label = (rows: unknown[][]) => rows.find((r) => r[0] === QUALITY_LABEL)?.[1];
    // 委託契約 row 10 (no 選定理由) and row 26 (全角 事業所番号) are contracts active in 2021-02.
    expect(label(buildReport(a.env, a.context, '2021-02'))).toBe('エラー 1 件（1 行）、注意 1 件（1 行）');
    expect(label(buildReport(b.env, b.context, '2021-02'))).toBe('エラー 1 件（1 行）、注意 1 件（1 行）');
  });
});
