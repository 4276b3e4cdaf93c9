import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as ExcelJS from 'exceljs';
import { loadExcelJS, openXlsx, type XlsxWorkbook } from '../../src/cli/xlsx-port';
import { demoJsonRun } from '../helpers/demo';
import { findSoffice } from '../helpers/soffice';

/**
 * Issue #18 item 2: the generated sheets print as the paper forms they replace (呉市's 月報, 本庄市's 資料3: landscape
 * A4, a table to a page). Before, every sheet printed upright and unscaled: the demo's 月報 on 11 pages, its tables
 * cut across them, 委託事業所一覧 on 7.
 */
const MONTHLY = '月報_2021-02';
const SUBMISSION = ['提出', '提出用_本庄西地域包括支援センター.xlsx'];
const CITY = ['市', '市集計_2021-02.xlsx'];
const EVALUATION = ['市', '事業評価_2020.xlsx'];

/** The rows that open a page (exceljs keeps the row above each break). */
const breaksOf = (ws: ExcelJS.Worksheet | undefined): number[] =>
  ((ws as unknown as { rowBreaks?: ExcelJS.RowBreak[] } | undefined)?.rowBreaks ?? []).map((b) => b.id + 1);

describe('the print setup in the .xlsx', () => {
  const dir = mkdtempSync(join(tmpdir(), 'houkatsu-print-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let file = '';
  let book: XlsxWorkbook;
  beforeAll(async () => {
    file = join((await demoJsonRun()).dir, ...SUBMISSION);
    book = await openXlsx(file);
  }, 180_000);

  test('月報: A4 landscape, one page wide, its title on every page, the sheet and page in the footer, a break between tables', () => {
    const ws = book.workbook.getWorksheet(MONTHLY);
    expect(ws?.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.8, header: 0.3, footer: 0.3 },
    });
    expect(ws?.headerFooter.oddFooter).toBe('&L&A&R&P / &N');
    const breaks = breaksOf(ws);
    expect(breaks.length).toBeGreaterThan(2);
    // Each page opens with the blank row above a table (or its heading).
    const rows = new Map(book.readSheet(MONTHLY)?.rows.map((r) => [r.rowNumber, r.values.some((v) => v !== null && v !== '')]));
    for (const row of breaks) expect({ row, blank: !rows.get(row), next: rows.get(row + 1) }).toEqual({ row, blank: true, next: true });
  });

  test('its breaks stay when the file is opened and saved again (exceljs alone drops them: the next month written in)', async () => {
    const alone = new (loadExcelJS().Workbook)();
    await alone.xlsx.readFile(file);
    expect(breaksOf(alone.getWorksheet(MONTHLY))).toEqual([]);
    const again = join(dir, 'again.xlsx');
    await book.save(again);
    const breaks = breaksOf(book.workbook.getWorksheet(MONTHLY));
    expect(breaks.length).toBeGreaterThan(2);
    expect(breaksOf((await openXlsx(again)).workbook.getWorksheet(MONTHLY))).toEqual(breaks);
  });
});

/** Each page of a PDF LibreOffice wrote: landscape when its MediaBox is wider than high. */
function pagesOf(pdf: Buffer): ('landscape' | 'portrait')[] {
  const pages: ('landscape' | 'portrait')[] = [];
  for (const [, body = ''] of pdf.toString('latin1').matchAll(/\d+ 0 obj\s*<<([\s\S]*?)>>\s*(?:stream|endobj)/g)) {
    if (!/\/Type\s*\/Page(?![A-Za-z])/.test(body)) continue;
    const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(body);
    if (!box) throw new Error(`a page without its own MediaBox: ${body.slice(0, 200)}`);
    pages.push(Number(box[3]) - Number(box[1]) > Number(box[4]) - Number(box[2]) ? 'landscape' : 'portrait');
  }
  return pages;
}

const soffice = findSoffice();

if (!soffice) {
  const why = 'LibreOffice is not installed (no soffice on PATH): install libreoffice-calc-nogui, as .ci/run does, to print the generated sheets';
  console.warn(`skipped: ${why}`);
  test.skip(why, () => undefined);
} else {
  describe('printed by LibreOffice, each sheet alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'houkatsu-print-lo-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    /** Which sheet of which demo file, under the name of its copy. */
    const SHEETS = [
      ['月報', SUBMISSION, MONTHLY],
      ['事業評価（センター）', SUBMISSION, '事業評価_2020'],
      ['提出状況', CITY, '提出状況_2021-02'],
      ['市集計', CITY, '市集計_2021-02'],
      ['委託事業所一覧', CITY, '委託事業所一覧_2021-02'],
      ['新規委託', CITY, '新規委託_2021-02'],
      ['事業評価（市）', EVALUATION, '事業評価_2020'],
    ] as const;
    const breaks = new Map<string, number>();

    // A copy of each sheet alone, so that its pages are the PDF's; all converted by one soffice run, since starting
    // LibreOffice costs more than converting.
    beforeAll(async () => {
      const demo = await demoJsonRun();
      mkdirSync(join(dir, 'pdf'));
      const copies: string[] = [];
      for (const [label, path, sheet] of SHEETS) {
        const copy = await openXlsx(join(demo.dir, ...path));
        for (const ws of [...copy.workbook.worksheets]) if (ws.name !== sheet) copy.workbook.removeWorksheet(ws.id);
        breaks.set(label, breaksOf(copy.workbook.getWorksheet(sheet)).length);
        copies.push(join(dir, `${label}.xlsx`));
        await copy.save(copies.at(-1) ?? '');
      }
      // A profile of its own, so that parallel runs (and a user's LibreOffice) do not collide on the lock.
      const profile = pathToFileURL(join(dir, 'profile')).href;
      const r = spawnSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'pdf'), ...copies], {
        encoding: 'utf8',
        timeout: 180_000,
      });
      expect({ status: r.status, error: r.error?.message }).toEqual({ status: 0, error: undefined });
    }, 180_000);

    test('every page landscape A4, each table on one page: as many pages as the sheet has breaks, and one', () => {
      const printed = SHEETS.map(([label]) => {
        const pages = pagesOf(readFileSync(join(dir, 'pdf', `${label}.pdf`)));
        return { label, pages: pages.length, landscape: pages.every((p) => p === 'landscape'), breaks: (breaks.get(label) ?? NaN) + 1 };
      });
      expect(printed).toEqual([
        // 11 upright pages before; its 16 tables on 5.
        { label: '月報', pages: 5, landscape: true, breaks: 5 },
        { label: '事業評価（センター）', pages: 1, landscape: true, breaks: 1 },
        { label: '提出状況', pages: 1, landscape: true, breaks: 1 },
        { label: '市集計', pages: 5, landscape: true, breaks: 5 },
        // The 43 offices on the first page (資料3's one), the note on the offices that centers name differently on the second.
        { label: '委託事業所一覧', pages: 2, landscape: true, breaks: 2 },
        { label: '新規委託', pages: 1, landscape: true, breaks: 1 },
        { label: '事業評価（市）', pages: 2, landscape: true, breaks: 2 },
      ]);
    });
  });
}
