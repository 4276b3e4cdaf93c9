import { buildMonthlyReport } from '../../src/domain/reports/monthly-report';
import { consolidate } from '../../src/domain/reports/consolidation';
import type { EvaluationComparison } from '../../src/domain/reports/evaluation-comparison';
import type { EvaluationSubmission } from '../../src/domain/reports/evaluation-submission';
import { readSettings, SETTINGS_SHEET } from '../../src/domain/sheets/settings';
import { readWorkbook } from '../../src/domain/sheets/workbook-check';
import { HONJO_CENTERS, sampleCenterWorkbook } from '../../src/sample/center';
import { citySheets } from '../../src/workbook/city-layout';
import { centerEvaluationSheet, evaluationSheet } from '../../src/workbook/evaluation-layout';
import { reportSheet } from '../../src/workbook/report-layout';
import { type Block, printable, printSetup, type SheetModel, textWidth } from '../../src/workbook/sheet-model';
import { type SubmissionFile, writeToSubmissionFile } from '../../src/workbook/submission-target';
import { rawOf, sampleSubmission } from '../helpers/submissions';

/**
 * Issue #18 item 2: how generated sheets print. One rule (printSetup) turns the paper and breaks pages between
 * tables; the .xlsx adapter writes it (test/cli/print-pdf.test.ts prints it with LibreOffice).
 *
 * The numbers below: an upright A4 page prints 523.3 pt wide and 741.1 pt high inside its margins, a landscape one
 * 770.9 by 494.5; a row is taken as 16 pt, a column width in pixels as 0.75 pt.
 */
const table = (row: number, rows: number, columns = 3): Block => ({
  row,
  column: 1,
  values: Array.from({ length: rows }, () => Array<number>(columns).fill(1)),
});
const heading = (row: number): Block => ({ row, column: 1, values: [['■ 見出し']] });
const sheet = (blocks: Block[], columnWidths = [100, 100, 100], frozenRows = 1): Pick<SheetModel, 'blocks' | 'columnWidths' | 'frozenRows'> => ({
  blocks,
  columnWidths,
  frozenRows,
});

describe('printSetup: one rule for the paper and the page breaks', () => {
  test('landscape when the tables are wider than an upright page (697 px), upright when they fit it', () => {
    expect(printSetup(sheet([table(1, 3)], [300, 300, 97])).orientation).toBe('portrait');
    expect(printSetup(sheet([table(1, 3)], [300, 300, 98])).orientation).toBe('landscape');
    // A column without a width counts as Excel's default 64 px: four of them fit upright, eleven do not.
    expect(printSetup(sheet([table(1, 3, 4)], [])).orientation).toBe('portrait');
    expect(printSetup(sheet([table(1, 3, 11)], [])).orientation).toBe('landscape');
  });

  test('tables that fit one page: no break', () => {
    // 46 rows of 16 pt = 736 pt ≤ 741.1 pt.
    expect(printSetup(sheet([table(1, 30), table(32, 15)])).breaksBefore).toEqual([]);
  });

  test('a table that does not fit in what is left of the page starts the next, the blank row above it opening that page', () => {
    // 32 rows, then a blank row and 20 more: 53 rows would be 848 pt.
    expect(printSetup(sheet([table(1, 32), table(34, 20)])).breaksBefore).toEqual([33]);
  });

  test('a heading stays with the table under it, and a note under the heading too', () => {
    expect(printSetup(sheet([table(1, 32), heading(34), table(35, 20)])).breaksBefore).toEqual([33]);
    // Heading and note touch; a blank row, then their table.
    expect(printSetup(sheet([table(1, 32), heading(34), heading(35), table(37, 20)])).breaksBefore).toEqual([33]);
  });

  test('nothing breaks before the first table; after one taller than a page the next starts a page of its own', () => {
    expect(printSetup(sheet([table(1, 60), table(62, 3)])).breaksBefore).toEqual([61]);
    expect(printSetup(sheet([table(1, 60)])).breaksBefore).toEqual([]);
  });

  test('a later page has the repeated rows at its top, and less room under them', () => {
    // Page 2 from row 33: 741.1 pt less the 3 repeated rows (48 pt) holds 43 rows, not 46: rows 33 to 78 do not fit.
    const blocks = [table(1, 32), table(34, 20), table(55, 24)];
    expect(printSetup(sheet(blocks, undefined, 0)).breaksBefore).toEqual([33]);
    expect(printSetup(sheet(blocks, undefined, 3)).breaksBefore).toEqual([33, 54]);
  });

  test('a row in a larger font is taller (1.7 times the size)', () => {
    // 40 + 1 + 5 rows = 736 pt fit; two rows of 14 pt (23.8 pt each) make it 751.6 pt.
    const blocks = [table(1, 40), table(42, 5)];
    expect(printSetup(sheet(blocks)).breaksBefore).toEqual([]);
    const titled: Block = { ...table(1, 40), accents: [{ rect: { row: 1, column: 1, numRows: 2, numColumns: 1 }, style: { fontSize: 14 } }] };
    expect(printSetup(sheet([titled, table(42, 5)])).breaksBefore).toEqual([41]);
  });

  test('scaled to the width: wider tables print smaller, so a page holds more rows', () => {
    // Landscape at 1,100 px (scale 0.93): 33 rows a page. At 2,000 px (scale 0.51): 60 rows.
    const blocks = [table(1, 40, 10), table(42, 10, 10)];
    expect(printSetup(sheet(blocks, Array<number>(10).fill(110))).breaksBefore).toEqual([41]);
    expect(printSetup(sheet(blocks, Array<number>(10).fill(200))).breaksBefore).toEqual([]);
  });

  test('printable gives the model its setup and changes nothing else', () => {
    const model: SheetModel = { name: 'x', blocks: [table(1, 32), table(34, 20)], frozenRows: 1, columnWidths: [100] };
    expect(printable(model)).toEqual({ ...model, print: { orientation: 'portrait', breaksBefore: [33] } });
  });

  test('textWidth: 15 px a full-width character, 8 any other, 10 of padding', () => {
    expect(textWidth('')).toBe(10);
    expect(textWidth('認知症 12')).toBe(10 + 3 * 15 + 3 * 8);
  });
});

/** No block of the sheet crosses a page break: every table is whole on its page (or starts one). */
function splitTables(model: SheetModel): string[] {
  const breaks = model.print?.breaksBefore ?? [];
  return model.blocks.filter((b) => breaks.some((r) => r > b.row && r <= b.row + b.values.length - 1)).map((b) => String(b.values[0]?.[0]));
}

describe('every sheet people read prints, landscape, no table across a break; the stores do not print', () => {
  const center = HONJO_CENTERS[0];
  if (!center) throw new Error('no sample center');
  const book = sampleCenterWorkbook(center, 7);
  const raws = new Map(book.sheets.map((s) => [s.name, rawOf(s.name, s.rows)] as const));
  const reading = readWorkbook(raws, readSettings(raws.get(SETTINGS_SHEET), center.name), '2021-03-05');
  const report = buildMonthlyReport({ ...reading, month: '2021-02' });
  const monthly = reportSheet(report, { createdAt: '2021-03-05 10:00' });

  test('月報: breaks between its tables, its labels whole, its charts beside its widest table', () => {
    expect(monthly.print?.orientation).toBe('landscape');
    expect(monthly.print?.breaksBefore.length).toBeGreaterThan(1);
    expect(splitTables(monthly)).toEqual([]);
    // A break opens a page with the blank row above a table (or its heading).
    const covered = (row: number): boolean => monthly.blocks.some((b) => row >= b.row && row < b.row + b.values.length);
    const starts = new Set(monthly.blocks.map((b) => b.row));
    for (const row of monthly.print?.breaksBefore ?? [])
      expect({ row, blank: !covered(row), next: starts.has(row + 1) }).toEqual({ row, blank: true, next: true });
    const labels = monthly.blocks.filter((b) => b.values.some((r) => r.length > 1)).flatMap((b) => b.values.map((r) => String(r[0] ?? '')));
    const longest = labels.reduce((a, b) => (textWidth(b) > textWidth(a) ? b : a));
    expect(longest).toContain(' › ');
    expect(monthly.columnWidths?.[0]).toBe(textWidth(longest));
    const widest = Math.max(...monthly.blocks.map((b) => b.column + Math.max(...b.values.map((r) => r.length)) - 1));
    expect(monthly.columnWidths).toHaveLength(widest);
    for (const chart of monthly.charts ?? []) expect(chart.anchor.column).toBeGreaterThan(widest);
  });

  test('the city: 提出状況, 市集計, 委託事業所一覧, 新規委託', () => {
    const centers = [0, 1, 2, 3].map((i) => {
      const s = sampleSubmission(i, '2021-02');
      return { name: s.center.name, status: 'submitted' as const, submission: s };
    });
    const sheets = citySheets(consolidate('2021-02', '2021-01', centers, { municipality: '本庄市', municipalityOrder: [], threshold: 0.8 }));
    expect(sheets.map((s) => [s.name, s.print?.orientation, splitTables(s)])).toEqual([
      ['提出状況_2021-02', 'landscape', []],
      ['市集計_2021-02', 'landscape', []],
      ['委託事業所一覧_2021-02', 'landscape', []],
      ['新規委託_2021-02', 'landscape', []],
    ]);
    // 市集計 is a stack of tables, more than a page of them.
    expect(sheets[1]?.print?.breaksBefore.length).toBeGreaterThan(0);
  });

  test('事業評価 of the city (upright for one center, landscape for four) and of a center', () => {
    const comparison = (names: string[]): EvaluationComparison => ({
      year: '2020',
      categories: ['組織運営体制等'],
      centers: names.map((name) => ({ name, status: 'submitted', rates: { 組織運営体制等: 0.5 } })),
      city: { 組織運営体制等: 0.5 },
      national: { 組織運営体制等: 0.86 },
      no: [],
    });
    const answers = { center: { name: 'A', code: '1' }, year: '2020', answers: [{ number: '1', category: '組織運営体制等', answer: 'はい', note: '' }] };
    expect(
      [
        evaluationSheet(comparison(['A'])),
        evaluationSheet(comparison(['A', 'B', 'C', 'D'])),
        centerEvaluationSheet(answers as unknown as EvaluationSubmission),
      ].map((model) => [model.name, model.print?.orientation, splitTables(model)]),
    ).toEqual([
      ['事業評価_2020', 'portrait', []],
      ['事業評価_2020', 'landscape', []],
      ['事業評価_2020', 'landscape', []],
    ]);
  });

  test('the 提出用ファイル: the readable copy of the 月報 keeps its setup; `_提出データ` has none', () => {
    const written: SheetModel[] = [];
    const file: SubmissionFile = { location: 'x.xlsx', sheetNames: () => [], readSheet: () => undefined, replaceSheets: (models) => written.push(...models) };
    writeToSubmissionFile(file, { kind: 'monthly', period: '2021-02', payload: { submittedAt: null, fingerprint: 'f', schemaVersion: 1 } }, monthly);
    expect(written.map((m) => [m.name, m.print])).toEqual([
      ['_提出データ', undefined],
      ['月報_2021-02', monthly.print],
    ]);
  });
});
