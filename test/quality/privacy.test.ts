import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { consultation, consultations, CONSULTATION_HEADER, contract, CONTRACT_HEADER, delegation, DELEGATION_HEADER } from '../helpers/center';

/**
 * 個人情報の保護: names, IDs and free text stay in the center. Distinctive values planted in 相談者ID, 氏名,
 * 内容メモ, 紹介事業所, 紹介理由 and a column of the center's own must appear in no payload, no report sheet
 * and no city sheet, through the CLI on real .xlsx files (the bundle's side is in test/gas/report.vm.test.ts).
 */
const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const SECRETS = ['ZZ-SECRET-ID-4711', '秘密川 太郎', '秘密のメモ：自宅の鍵は植木鉢の下', '秘密ケアプラン事業所', '秘密の紹介理由', '秘密の独自列の値'];

function toXlsx(value: unknown): ExcelJS.CellValue {
  if (value instanceof Date) return new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate() + 1));
  return value === '' ? null : (value as ExcelJS.CellValue);
}

async function texts(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => out.push(JSON.stringify(row.values))));
  return out.join('\n');
}

test('no personal data in the 月報, _提出データ, the report JSON or the city sheets', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'houkatsu-privacy-'));
  const wb = new ExcelJS.Workbook();
  const add = (name: string, rows: unknown[][]): void => {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r.map(toXlsx));
  };
  add('設定', [
    ['項目', '値'],
    ['センター名', '本庄西'],
  ]);
  add('相談記録', [
    [...CONSULTATION_HEADER, '独自メモ'],
    ...consultations(10).map((r) => [...r, SECRETS[5]]),
    [...consultation({ 相談者ID: SECRETS[0], 氏名: SECRETS[1], 内容メモ: SECRETS[2], 紹介事業所: SECRETS[3], 紹介理由: SECRETS[4] }), SECRETS[5]],
  ]);
  add('委託契約', [CONTRACT_HEADER, contract()]);
  add('委託実績', [DELEGATION_HEADER, delegation()]);
  const center = join(dir, '本庄西.xlsx');
  await wb.xlsx.writeFile(center);

  const report = join(dir, '提出用_本庄西.xlsx');
  const r = spawnSync(process.execPath, [CLI, 'report', '--month', '2026-10', center, '-o', report, '--json'], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  const city = join(dir, '市.xlsx');
  const c = spawnSync(process.execPath, [CLI, 'consolidate', '--month', '2026-10', report, '-o', city, '--json'], { encoding: 'utf8' });
  expect(c.status).toBe(0);

  // The 提出用 workbook is what the city gets: the 月報 and _提出データ, nothing of the center's own sheets.
  const wbReport = new ExcelJS.Workbook();
  await wbReport.xlsx.readFile(report);
  expect(wbReport.worksheets.map((w) => w.name).sort()).toEqual(['_提出データ', '月報_2026-10']);
  const generated = await texts(report);
  expect(generated.split('\n').length).toBeGreaterThan(10);
  const exported = [r.stdout, c.stdout, generated, await texts(city)].join('\n');
  expect(exported).toContain('本庄西');
  for (const secret of SECRETS) expect(exported).not.toContain(secret);
});
