import { crc32 } from 'node:zlib';
import { unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { deflatedPackage, xlsxBytes } from '../../src/cli/xlsx-save';

/**
 * Every .xlsx the runner writes is zipped again with Node's zlib (xlsx-save.ts). The file must be the package exceljs
 * made, part for part and in its order, each part deflated with its CRC-32 and sizes right: what Excel checks.
 */

/** The central directory, read by hand (APPNOTE 4.3.12): what a reader trusts about each part. */
function centralDirectory(zip: Uint8Array): { name: string; method: number; crc: number; compressed: number; size: number }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const out = [];
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    out.push({
      name: new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressed: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
    });
    at += 46 + skip;
  }
  return out;
}

async function sampleWorkbook(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('相談記録');
  ws.addRow(['受付日', '相談者ID', '相談内容']);
  for (let i = 0; i < 500; i++) ws.addRow([new Date(Date.UTC(2026, 9, 1 + (i % 28))), `A${1000 + i}`, i % 3 === 0 ? '介護保険の申請について' : '=SUM(1,2)']);
  wb.addWorksheet('設定').addRow(['センター名', '本庄西']);
  return wb;
}

test('the parts exceljs made, in its order, each deflated with the CRC-32 and sizes of what it holds', async () => {
  const wb = await sampleWorkbook();
  const stored = new Uint8Array((await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } })) as unknown as Uint8Array);
  const zip = deflatedPackage(stored);
  const parts = unzipSync(stored);
  const entries = centralDirectory(zip);
  expect(entries.map((e) => e.name)).toEqual(Object.keys(parts));
  expect(entries.map((e) => e.name)).toContain('xl/worksheets/sheet1.xml');
  for (const entry of entries) {
    const bytes = parts[entry.name] as Uint8Array;
    const folder = entry.name.endsWith('/');
    expect([entry.name, entry.method, entry.size, entry.crc]).toEqual([entry.name, folder ? 0 : 8, bytes.length, crc32(bytes)]);
  }
  // Deflated: the sheet of 500 rows takes a fraction of its size.
  const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml');
  expect(sheet && sheet.compressed * 4 < sheet.size).toBe(true);
  // And unzipped again, the same bytes.
  const back = unzipSync(zip);
  for (const [name, bytes] of Object.entries(parts)) expect([name, Buffer.from(back[name] ?? []).equals(Buffer.from(bytes))]).toEqual([name, true]);
});

test('exceljs reads the file it is given back as it wrote it', async () => {
  const read = new ExcelJS.Workbook();
  await read.xlsx.load((await xlsxBytes(await sampleWorkbook())) as never);
  expect(read.worksheets.map((ws) => ws.name)).toEqual(['相談記録', '設定']);
  const ws = read.getWorksheet('相談記録') as ExcelJS.Worksheet;
  expect(ws.rowCount).toBe(501);
  expect(ws.getRow(2).values).toEqual([undefined, new Date(Date.UTC(2026, 9, 1)), 'A1000', '介護保険の申請について']);
  // A user's text that looks like a formula is still text.
  expect(ws.getCell('C3').value).toBe('=SUM(1,2)');
  expect(read.getWorksheet('設定')?.getCell('B1').value).toBe('本庄西');
});
