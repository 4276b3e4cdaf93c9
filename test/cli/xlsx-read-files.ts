import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { openXlsx } from '../../src/cli/xlsx-port';
import { openXlsxReader } from '../../src/cli/xlsx-read';
import type { RawSheet } from '../../src/domain/sheets/table';

/** What the fast reader's tests share: reading a file both ways, and .xlsx files made by hand. */

export const TODAY = '2026-11-23';

export const utc = (y: number, m: number, d: number, h = 0, min = 0, s = 0): Date => new Date(Date.UTC(y, m - 1, d, h, min, s));

/** Every sheet of a file as the exceljs path reads it (openXlsx) and as the fast reader does, in tab order. */
export async function bothWays(path: string): Promise<{
  names: { exceljs: readonly string[]; fast: readonly string[] };
  exceljs: (RawSheet | undefined)[];
  fast: (RawSheet | undefined)[];
}> {
  const slow = await openXlsx(path, TODAY);
  const fast = await openXlsxReader(path, TODAY);
  const names = slow.sheetNames();
  return {
    names: { exceljs: names, fast: fast.sheetNames() },
    exceljs: names.map((n) => slow.readSheet(n)),
    fast: names.map((n) => fast.readSheet(n)),
  };
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const RELS_NS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * Rewrites an .xlsx exceljs wrote as a Japanese Excel writes the same cells: the custom format `code` becomes the
 * built-in `id` that means it in Japanese (ECMA-376 §18.8.30), named by id alone, with no `<numFmt>` for it.
 */
export function asJapaneseExcel(path: string, code: string, id: number): void {
  const files = unzipSync(readFileSync(path));
  let styles = strFromU8(files['xl/styles.xml'] ?? new Uint8Array());
  const decoded = (attr: string): string => attr.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const custom = [...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)].find((m) => decoded(m[2] ?? '') === code);
  if (!custom) throw new Error(`no format ${code} in ${path}`);
  styles = styles.replace(custom[0], '').replace(new RegExp(`numFmtId="${custom[1]}"`, 'g'), `numFmtId="${id}"`);
  files['xl/styles.xml'] = strToU8(styles);
  writeFileSync(path, zipSync(files));
}

export interface HandSheet {
  readonly name: string;
  /** The whole `<worksheet>` element, or only what goes inside one. */
  readonly xml: string;
  /** The sheet's relationships (`<Relationship>` elements), for its links. */
  readonly rels?: string;
}

/**
 * An .xlsx file written by hand, part by part, zipped with fflate: for what exceljs never writes (inline
 * strings, phonetic runs, rows and cells without `r`, a sheet without `<dimension>`, namespace prefixes).
 */
export function writeHandBook(
  path: string,
  sheets: readonly HandSheet[],
  options: { sharedStrings?: string; styles?: string; workbookPr?: string } = {},
): string {
  const parts: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships ${RELS_NS}><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}>${options.workbookPr ?? ''}<sheets>${sheets
      .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships ${RELS_NS}>${sheets
      .map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join('')}</Relationships>`,
  };
  sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = s.xml.includes('worksheet')
      ? s.xml
      : `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}>${s.xml}</worksheet>`;
    if (s.rels)
      parts[`xl/worksheets/_rels/sheet${i + 1}.xml.rels`] = `<?xml version="1.0" encoding="UTF-8"?><Relationships ${RELS_NS}>${s.rels}</Relationships>`;
  });
  if (options.sharedStrings) parts['xl/sharedStrings.xml'] = `<?xml version="1.0" encoding="UTF-8"?><sst ${NS}>${options.sharedStrings}</sst>`;
  if (options.styles) parts['xl/styles.xml'] = `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}>${options.styles}</styleSheet>`;
  writeFileSync(path, zipSync(Object.fromEntries(Object.entries(parts).map(([name, text]) => [name, strToU8(text)]))));
  return path;
}

/** Styles where `s="1"` is the built-in date format 14 and `s="2"` a number with two decimals. */
export const DATE_STYLES =
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.00"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs>';

/** A workbook with every kind of cell exceljs writes, in every arrangement the exceljs path treats apart. */
export async function everyKind(path: string, date1904 = false): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = date1904;
  const ws = wb.addWorksheet('値');
  ws.addRow(['文字', '数', '真偽', '日付', 'その他']);
  const rows: ExcelJS.CellValue[][] = [
    ['本庄西', 0, true, utc(2021, 3, 1), null],
    ['', -1.5, false, utc(2021, 3, 1, 10, 30), { richText: [{ text: '太', font: { bold: true } }, { text: '字 ' }] }],
    [' 空白 ', 1e-10, null, utc(2021, 3, 1, 10, 30, 45), { error: '#REF!' }],
    ['a&b<c>"\'', 123456789012, true, utc(1899, 12, 30, 18), { error: '#N/A' }],
    ['改行\nあり', 3.25, null, utc(1900, 3, 1), { error: '#DIV/0!' }],
    ['=1+1', 42, null, utc(2026, 10, 3), { text: 'サイト', hyperlink: 'https://example.com/' }],
    ['😀 _x0041_ ＡＢＣ', 7, null, null, { text: 'メール', hyperlink: 'mailto:kaigo@city.example.jp' }],
  ];
  for (const r of rows) ws.addRow(r);
  // Formulas: each result kind, a result exceljs drops (0, FALSE, ''), none at all, shared and array ones.
  const formulas: [string, ExcelJS.CellValue][] = [
    ['A10', { formula: 'B2+B3', result: -1.5 } as ExcelJS.CellValue],
    ['B10', { formula: 'B2*0', result: 0 } as ExcelJS.CellValue],
    ['C10', { formula: 'A2&"x"', result: '本庄西x' } as ExcelJS.CellValue],
    ['D10', { formula: 'C2', result: true } as ExcelJS.CellValue],
    ['E10', { formula: 'C3', result: false } as ExcelJS.CellValue],
    ['A11', { formula: 'A3', result: '' } as ExcelJS.CellValue],
    ['B11', { formula: '#REF!+1', result: { error: '#REF!' } } as ExcelJS.CellValue],
    ['C11', { formula: 'NOW()' } as ExcelJS.CellValue],
    ['D11', { formula: 'D2+1', result: utc(2021, 3, 2) } as ExcelJS.CellValue],
    ['A12', { formula: 'B2*2', result: 0, shareType: 'shared', ref: 'A12:A14' } as ExcelJS.CellValue],
    ['A13', { sharedFormula: 'A12', result: -3 } as ExcelJS.CellValue],
    ['A14', { sharedFormula: 'A12', result: 0 } as ExcelJS.CellValue],
    ['B12', { formula: 'B2:B3*2', result: 0, shareType: 'array', ref: 'B12:B13' } as ExcelJS.CellValue],
  ];
  for (const [address, value] of formulas) ws.getCell(address).value = value;
  ws.getCell('D11').numFmt = 'yyyy/m/d';
  // Number formats: dates built in and custom (the Japanese era among them), and numbers that are not dates.
  const formats = ['yyyy/m/d', '[$-ja-JP]ggge"年"m"月"d"日"', '0.00', '"d"0', '[h]:mm', 'h:mm', 'mm:ss', '#,##0', '@', 'yyyy"年"m"月"', 'General'];
  formats.forEach((format, i) => {
    const cell = ws.getCell(16, i + 1);
    cell.value = 44256.75;
    cell.numFmt = format;
  });
  // Cells with a style of their own but no value: beyond the widest value in one row, alone in another.
  ws.getCell('H3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE0E0' } };
  ws.getCell('J18').border = { top: { style: 'thin' } };
  // Merged ranges: one over values (only the top-left is read), one below the last row.
  ws.mergeCells('A20:C21');
  ws.getCell('A20').value = '結合';
  ws.mergeCells('E24:F26');
  wb.addWorksheet('空');
  const other = wb.addWorksheet('A&B', { state: 'hidden' });
  other.addRow(['項目', '値']);
  other.addRow(['センター名', '本庄西']);
  await wb.xlsx.writeFile(path);
  return path;
}
