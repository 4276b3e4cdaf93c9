import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { readSubmissionFile } from '../../src/cli/consolidate-command';
import { openXlsx, UnreadableFileError } from '../../src/cli/xlsx-port';
import { openXlsxReader } from '../../src/cli/xlsx-read';
import { a1, type CellValue } from '../../src/domain/values/cell';
import { SUBMISSIONS_SHEET } from '../../src/domain/reports/submission-store';
import { corpus } from '../corpus/cases';
import { ROOT, run } from './xlsx-files';
import { bothWays, DATE_STYLES, everyKind, TODAY, utc, writeHandBook } from './xlsx-read-files';

/**
 * Issue 16 item 1: the fast reader gives the CLI the very RawSheets the exceljs path gave (values, formulas,
 * merges, row numbers, widths), over files exceljs writes; and it reads what exceljs never writes, by hand.
 */
const dir = mkdtempSync(join(tmpdir(), 'houkatsu-xlsx-read-'));
const date = (iso: string, time?: string): CellValue => (time ? { kind: 'date', iso, time } : { kind: 'date', iso });

async function expectSameBothWays(path: string): Promise<void> {
  const read = await bothWays(path);
  expect(read.names.fast).toEqual(read.names.exceljs);
  expect(read.fast).toStrictEqual(read.exceljs);
}

describe('the fast reader reads what the exceljs path read, cell for cell', () => {
  test('every kind of value, formula, number format, styled cell and merged range exceljs writes', async () => {
    const path = await everyKind(join(dir, 'every-kind.xlsx'));
    await expectSameBothWays(path);
    // and, by hand, what that is
    const fast = await openXlsxReader(path, TODAY);
    const sheet = fast.readSheet('値');
    const row = (n: number): readonly CellValue[] | undefined => sheet?.rows.find((r) => r.rowNumber === n)?.values;
    expect(row(2)).toEqual(['本庄西', 0, true, date('2021-03-01'), null, null, null, null, null, null, null]);
    expect(row(3)?.slice(0, 5)).toEqual([null, -1.5, false, date('2021-03-01', '10:30'), '太字 ']);
    expect(row(4)?.slice(3, 5)).toEqual([date('2021-03-01', '10:30'), '#REF!']);
    expect(row(7)?.slice(0, 5)).toEqual(['=1+1', 42, null, date('2026-10-03'), 'サイト']);
    const formulas = sheet?.rows.find((r) => r.rowNumber === 10)?.formulas;
    expect(formulas?.slice(0, 5)).toEqual(['=B2+B3', '=B2*0', '=A2&"x"', '=C2', '=C3']);
    expect(row(10)?.slice(0, 5)).toEqual([-1.5, null, '本庄西x', true, null]);
    expect(sheet?.rows.find((r) => r.rowNumber === 13)?.formulas?.[0]).toBe('=A12');
    expect(row(16)?.slice(0, 4)).toEqual([date('2021-03-01', '18:00'), date('2021-03-01', '18:00'), 44256.75, 44256.75]);
    expect(row(20)?.slice(0, 3)).toEqual(['結合', null, null]);
    expect(row(21)?.slice(0, 3)).toEqual([null, null, null]);
    expect(sheet?.rows.at(-1)?.rowNumber).toBe(26);
    expect(sheet?.merges).toEqual([
      { row: 20, column: 1, numRows: 2, numColumns: 3 },
      { row: 24, column: 5, numRows: 3, numColumns: 2 },
    ]);
    expect(fast.sheetNames()).toEqual(['値', '空', 'A&B']);
    expect(fast.readSheet('空')).toEqual({ name: '空', rows: [], merges: [] });
    expect(fast.readSheet('ない')).toBeUndefined();
  });

  test('the 1904 date system', async () => {
    const path = await everyKind(join(dir, 'every-kind-1904.xlsx'), true);
    await expectSameBothWays(path);
    const sheet = (await openXlsxReader(path, TODAY)).readSheet('値');
    expect(sheet?.rows[1]?.values[3]).toEqual(date('2021-03-01'));
  });

  test('every case of the bad-input corpus, each as a sheet of one workbook', async () => {
    const wb = new ExcelJS.Workbook();
    corpus().forEach((c, i) => {
      const ws = wb.addWorksheet(`c${i}`);
      c.rows.forEach((values, r) =>
        values.forEach((value, col) => {
          if (value === null) return;
          const cell = ws.getCell(r + 1, col + 1);
          const formula = c.formulas?.[cell.address];
          const plain = typeof value === 'object' ? new Date(`${value.iso}T${value.time ?? '00:00'}:00Z`) : (value as Exclude<CellValue, object | null>);
          cell.value = formula ? ({ formula: formula.replace(/^=/, ''), result: plain } as ExcelJS.CellValue) : plain;
          if (typeof value === 'object') cell.numFmt = 'yyyy-mm-dd';
        }),
      );
      for (const m of c.merges ?? []) ws.mergeCells(m.row, m.column, m.row + m.numRows - 1, m.column + m.numColumns - 1);
    });
    const path = join(dir, 'corpus.xlsx');
    await wb.xlsx.writeFile(path);
    await expectSameBothWays(path);
  }, 60_000);

  test('random sheets (fast-check): the same values, formulas and widths both ways', async () => {
    const cellValue: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
      fc.string(),
      fc.constantFrom('相談記録', '　全角の空白　', 'ﾃﾞｲｻｰﾋﾞｽ', 'a\nb'),
      fc.integer({ min: -1e6, max: 1e6 }),
      fc.double({ min: -1e9, max: 1e9, noNaN: true }),
      fc.boolean(),
      fc.constant(null),
      fc.date({ min: utc(1900, 3, 1), max: utc(2099, 12, 31), noInvalidDate: true }),
      fc.constantFrom<ExcelJS.CellValue>({ error: '#N/A' }, { error: '#VALUE!' }),
      fc.string().map((text) => ({ richText: [{ text }, { text: '後' }] })),
      fc.integer({ min: -5, max: 5 }).map((result) => ({ formula: 'A1+1', result }) as ExcelJS.CellValue),
    );
    const grid = fc.array(
      fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 12 }), cellValue, fc.constantFrom('', 'yyyy/m/d', '0.0', 'h:mm')),
      {
        maxLength: 40,
      },
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(grid, async (cells) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('シート');
        for (const [r, c, value, format] of cells) {
          const cell = ws.getCell(r, c);
          cell.value = value;
          if (format) cell.numFmt = format;
        }
        const path = join(dir, `random-${run++}.xlsx`);
        await wb.xlsx.writeFile(path);
        const read = await bothWays(path);
        expect(read.fast).toStrictEqual(read.exceljs);
      }),
      { numRuns: 30 },
    );
  }, 120_000);

  test('readRows: the header zone and the edited rows, as the exceljs port gives them', async () => {
    const path = await everyKind(join(dir, 'rows.xlsx'));
    const slow = await openXlsx(path, TODAY);
    const fast = await openXlsxReader(path, TODAY);
    for (const [first, count] of [
      [2, 3],
      [13, 2],
      [20, 10],
      [40, 5],
    ] as const) {
      expect(fast.readRows('値', first, count)).toStrictEqual(slow.readRows('値', first, count));
    }
    expect(fast.readRows('ない', 1, 1)).toBeUndefined();
  });
});

describe('what exceljs never writes, made by hand', () => {
  test('no <dimension>, rows and cells without r: numbered as Excel does (the next row, the next column)', async () => {
    const path = writeHandBook(
      join(dir, 'no-r.xlsx'),
      [
        {
          name: '相談記録',
          xml: '<sheetData><row><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row><row><c s="1"><v>44256</v></c><c t="b"><v>1</v></c></row><row r="5"><c r="C5"><v>3</v></c><c><v>4</v></c></row><row><c r="B6" t="str"><v>x</v></c></row></sheetData>',
        },
      ],
      { sharedStrings: '<si><t>受付日</t></si><si><t>相談者ID</t></si>', styles: DATE_STYLES },
    );
    const sheet = (await openXlsxReader(path, TODAY)).readSheet('相談記録');
    expect(sheet).toEqual({
      name: '相談記録',
      rows: [
        { rowNumber: 1, values: ['受付日', '相談者ID', null, null], formulas: ['', '', '', ''] },
        { rowNumber: 2, values: [date('2021-03-01'), true, null, null], formulas: ['', '', '', ''] },
        { rowNumber: 5, values: [null, null, 3, 4], formulas: ['', '', '', ''] },
        { rowNumber: 6, values: [null, 'x', null, null], formulas: ['', '', '', ''] },
      ],
      merges: [],
    });
  });

  test('inline strings, plain and rich; phonetic runs (furigana) are not part of the text', async () => {
    const path = writeHandBook(join(dir, 'inline.xlsx'), [
      {
        name: 'S',
        xml:
          '<dimension ref="A1:E1"/><sheetData><row r="1">' +
          '<c r="A1" t="inlineStr"><is><t>山田 &amp; 佐藤</t></is></c>' +
          '<c r="B1" t="inlineStr"><is><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh><phoneticPr fontId="1"/></is></c>' +
          '<c r="C1" t="inlineStr"><is><r><rPr><b/></rPr><t>太</t></r><r><t xml:space="preserve">字_x0021_ </t></r><rPh sb="0" eb="1"><t>フト</t></rPh></is></c>' +
          '<c r="D1" t="inlineStr"><is><t/></is></c>' +
          '<c r="E1" t="inlineStr"><is><t>5</t></is></c>' +
          '</row></sheetData>',
      },
    ]);
    const sheet = (await openXlsxReader(path, TODAY)).readSheet('S');
    // Text of a rich run has Excel's _xHHHH_ escapes undone, that of a plain inline string not (as exceljs reads them).
    expect(sheet?.rows[0]?.values).toEqual(['山田 & 佐藤', '漢字', '太字! ', null, '5']);
  });

  test('shared strings with phonetic runs and escapes: the same both ways, and the text without furigana', async () => {
    const path = writeHandBook(
      join(dir, 'phonetic.xlsx'),
      [
        {
          name: 'S',
          xml: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row></sheetData>',
        },
      ],
      {
        sharedStrings:
          '<si><t>本庄西_x000D_</t><rPh sb="0" eb="3"><t>ホンジョウニシ</t></rPh><phoneticPr fontId="1"/></si>' +
          '<si><r><t>地域</t></r><r><rPr><b/></rPr><t>包括</t></r><rPh sb="0" eb="2"><t>チイキ</t></rPh></si>' +
          '<si><t/></si><si><t xml:space="preserve">  前後  </t></si>',
      },
    );
    await expectSameBothWays(path);
    expect((await openXlsxReader(path, TODAY)).readSheet('S')?.rows[0]?.values).toEqual(['本庄西\r', '地域包括', null, '  前後  ']);
  });

  test('namespace prefixes, comments, CDATA and character references', async () => {
    const path = writeHandBook(join(dir, 'prefixed.xlsx'), [
      {
        name: 'S',
        xml:
          '<?xml version="1.0"?><!-- made by hand --><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
          "<x:sheetData><x:row r='1'><x:c r='A1' t='inlineStr'><x:is><x:t>&#x672C;&#24196;</x:t></x:is></x:c>" +
          '<x:c r="B1"><x:v><![CDATA[12.5]]></x:v></x:c><!-- a note --><x:c r="C1" t="b"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>',
      },
    ]);
    expect((await openXlsxReader(path, TODAY)).readSheet('S')?.rows[0]?.values).toEqual(['本庄', 12.5, false]);
  });

  test('a 1904 workbook as LibreOffice marks it (date1904="true"): both paths, though exceljs alone reads only "1"', async () => {
    const path = writeHandBook(join(dir, 'lo-1904.xlsx'), [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" s="1"><v>42794</v></c></row></sheetData>' }], {
      styles: DATE_STYLES,
      workbookPr: "<workbookPr date1904='true'/>",
    });
    expect((await openXlsxReader(path, TODAY)).readSheet('S')?.rows[0]?.values).toEqual([date('2021-03-01')]);
    await expectSameBothWays(path);
  });

  test('the East Asian built-in formats a Japanese Excel names by id alone are dates on both paths; the other built-ins are not', async () => {
    // ECMA-376 Part 1 §18.8.30: 27–36 and 50–58 are dates and times in the four East Asian locales (58 is
    // [$-411]ggge"年"m"月"d"日", 令和8年10月3日; 31 is yyyy"年"m"月"d"日"); 37 is #,##0 ;(#,##0), 49 is @, 59 is Thai t0.
    const ids = [27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58, 14, 0, 37, 49, 59];
    const cells = ids.map((_, i) => `<c r="${a1(1, i + 1)}" s="${i + 1}"><v>46298</v></c>`).join('');
    const path = writeHandBook(join(dir, 'east-asian.xlsx'), [{ name: 'S', xml: `<sheetData><row r="1">${cells}</row></sheetData>` }], {
      styles: `<cellXfs count="${ids.length + 1}"><xf numFmtId="0"/>${ids.map((id) => `<xf numFmtId="${id}" applyNumberFormat="1"/>`).join('')}</cellXfs>`,
    });
    const values = (await openXlsxReader(path, TODAY)).readSheet('S')?.rows[0]?.values;
    expect(values).toEqual([...Array<CellValue>(20).fill(date('2026-10-03')), 46298, 46298, 46298, 46298]);
    await expectSameBothWays(path);
  });

  test('a merged range over cells with values: only the top-left one is read, and the rows of the range exist', async () => {
    const path = writeHandBook(join(dir, 'merged.xlsx'), [
      {
        name: 'S',
        xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><f>A1</f><v>1</v></c></row><row r="2"><c r="A2"><v>3</v></c></row></sheetData><mergeCells count="2"><mergeCell ref="A1:C2"/><mergeCell ref="E3:E4"/></mergeCells>',
      },
    ]);
    await expectSameBothWays(path);
    expect((await openXlsxReader(path, TODAY)).readSheet('S')?.rows).toEqual([
      { rowNumber: 1, values: [1, null, null, null, null], formulas: ['', '', '', '', ''] },
      { rowNumber: 2, values: [null, null, null, null, null], formulas: ['', '', '', '', ''] },
      { rowNumber: 3, values: [null, null, null, null, null], formulas: ['', '', '', '', ''] },
      { rowNumber: 4, values: [null, null, null, null, null], formulas: ['', '', '', '', ''] },
    ]);
  });

  test('links made by hand: a cell with a link to outside is its text, one to a place in the workbook keeps its value', async () => {
    const path = writeHandBook(join(dir, 'links.xlsx'), [
      {
        name: 'S',
        xml: '<sheetData><row r="1"><c r="A1"><v>5</v></c><c r="B1" t="str"><v>x</v></c><c r="C1"><v>7</v></c></row></sheetData><hyperlinks><hyperlink ref="A1" r:id="rId1"/><hyperlink ref="C1" location="S!A1"/></hyperlinks>',
        rels: '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.com/" TargetMode="External"/>',
      },
    ]);
    await expectSameBothWays(path);
    expect((await openXlsxReader(path, TODAY)).readSheet('S')?.rows[0]?.values).toEqual(['5', 'x', 7]);
  });
});

describe('files that cannot be read', () => {
  const message = (path: string, reason: string): string =>
    `「${path}」を読めませんでした（${reason}）。.xlsx 形式のファイルか、パスが正しいかを確かめてください。`;

  test('missing, a folder, text, a broken zip: the same UnreadableFileError as the exceljs path', async () => {
    const text = join(dir, 'text.xlsx');
    writeFileSync(text, '受付日,相談者ID\n2026-10-03,A-1\n');
    const brokenZip = join(dir, 'broken-zip.xlsx');
    writeFileSync(brokenZip, Buffer.from('PK\u0003\u0004 cut short'));
    const folder = join(dir, 'folder.xlsx');
    mkdirSync(folder);
    const cases = [
      [join(dir, 'none.xlsx'), 'ファイルがありません'],
      [folder, 'フォルダです'],
      [text, 'Excel のブックではありません（文字だけのファイルや CSV は読めません）'],
      [brokenZip, '.xlsx として開けません'],
    ] as const;
    for (const [path, reason] of cases) {
      await expect(openXlsxReader(path)).rejects.toThrow(new UnreadableFileError(path, reason));
      await expect(openXlsx(path)).rejects.toThrow(message(path, reason));
    }
  });

  test('an Excel 97-2003 file, or a workbook saved with a password (both OLE compound files): says so, and how to save it as .xlsx', async () => {
    // The compound file signature (MS-CFB §2.2), then what would follow in such a file.
    const compound = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const expected = (path: string): string =>
      `「${path}」を読めませんでした（Excel 97-2003 形式（.xls）か、パスワードで保護されたブックです）。` +
      'Excel で開き、「名前を付けて保存」で「Excel ブック（*.xlsx）」を選んで、パスワードなしで保存したファイルを指定してください。';
    for (const name of ['台帳.xls', 'パスワード付き.xlsx']) {
      const path = join(dir, name);
      writeFileSync(path, compound);
      await expect(openXlsxReader(path)).rejects.toThrow(expected(path));
      await expect(openXlsx(path)).rejects.toThrow(expected(path));
    }
    const r = await run('check', join(dir, '台帳.xls'));
    expect([r.status, r.stderr.trim()]).toEqual([2, expected(join(dir, '台帳.xls'))]);
  });

  test('a zip that is no workbook (an .ods, a Word file, any zip): says which, on both paths, instead of a workbook of no sheets', async () => {
    const enc = (text: string): Uint8Array => new TextEncoder().encode(text);
    const ods = join(dir, '台帳.ods');
    // An OpenDocument package (ODF 1.2 §3.3): its mimetype first and stored, then its content.
    writeFileSync(
      ods,
      zipSync({ mimetype: [enc('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }], 'content.xml': enc('<office:document-content/>') }),
    );
    const odsMessage =
      `「${ods}」を読めませんでした（OpenDocument の表計算ファイル（.ods）で、Excel のブック（.xlsx）ではありません）。` +
      'LibreOffice Calc で開き、「名前を付けて保存」でファイルの種類に「Excel 2007-365 (.xlsx)」を選んで保存したファイルを指定してください。';
    await expect(openXlsxReader(ods)).rejects.toThrow(odsMessage);
    await expect(openXlsx(ods)).rejects.toThrow(odsMessage);
    const r = await run('check', ods);
    expect([r.status, r.stderr.trim()]).toEqual([2, odsMessage]);

    const docx = join(dir, '報告.xlsx');
    writeFileSync(docx, zipSync({ '[Content_Types].xml': enc('<Types/>'), 'word/document.xml': enc('<w:document/>') }));
    const plain = join(dir, '送付.xlsx');
    writeFileSync(plain, zipSync({ '台帳.xlsx': enc('PK') }));
    for (const [path, reason] of [
      [docx, 'Word の文書で、Excel のブックではありません'],
      [plain, 'zip ファイルで、Excel のブックではありません（zip の中の .xlsx を取り出して指定してください）'],
    ] as const) {
      await expect(openXlsxReader(path)).rejects.toThrow(new UnreadableFileError(path, reason));
      await expect(openXlsx(path)).rejects.toThrow(message(path, reason));
    }
  });

  test('a sheet whose XML is broken: unreadable when it is read, and a 提出用 file with it is 読めない to the city', async () => {
    const path = writeHandBook(join(dir, 'broken.xlsx'), [
      { name: SUBMISSIONS_SHEET, xml: '<sheetData><row r="1"><c r="A1" t="str"><v>x</v></c></row><row r="2"' },
    ]);
    const book = await openXlsxReader(path);
    expect(book.sheetNames()).toEqual([SUBMISSIONS_SHEET]);
    expect(() => book.readSheet(SUBMISSIONS_SHEET)).toThrow(message(path, '.xlsx として開けません'));
    expect(await readSubmissionFile(path)).toEqual({ kind: 'unreadable', reason: message(path, '.xlsx として開けません') });
  });

  test('the reader only reads: every write refuses', async () => {
    const book = await openXlsxReader(await everyKind(join(dir, 'read-only.xlsx')));
    const rect = { row: 1, column: 1, numRows: 1, numColumns: 1 };
    expect(() => book.readStyles('値', rect)).toThrow('読むためだけに開いています');
    expect(() => book.writeStyles('値', rect, { backgrounds: [[null]], notes: [['']] })).toThrow('読むためだけに開いています');
    expect(() => book.replaceSheet({ name: '値', blocks: [] })).toThrow('読むためだけに開いています');
    expect(() => book.patchCells('値', [])).toThrow('読むためだけに開いています');
    expect(() => book.removeSheet('値')).toThrow('読むためだけに開いています');
    expect(() => book.appendRows('値', ['a'], [['b']])).toThrow('読むためだけに開いています');
  });
});

test('houkatsu check reads without loading exceljs (a quarter of a second of every run)', async () => {
  const path = await everyKind(join(dir, 'probe.xlsx'));
  const probe = join(dir, 'probe.js');
  writeFileSync(
    probe,
    "process.on('exit', () => process.stderr.write(`exceljs loaded: ${Object.keys(require.cache).some((k) => /[\\\\/]exceljs[\\\\/]/.test(k))}\\n`));\n",
  );
  const cli = join(ROOT, 'dist', 'cli.js');
  const check = spawnSync(process.execPath, ['--require', probe, cli, 'check', path, '--json', '--today', TODAY], { encoding: 'utf8' });
  expect(check.stderr).toContain('exceljs loaded: false');
  // and the marked copy, which is written, does load it
  const marked = spawnSync(process.execPath, ['--require', probe, cli, 'check', path, '-o', join(dir, 'probe-marked.xlsx'), '--today', TODAY], {
    encoding: 'utf8',
  });
  expect(marked.stderr).toContain('exceljs loaded: true');
});
