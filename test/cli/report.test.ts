import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readPayload, type Submission } from '../../src/domain/submission';
import { readStoredSubmissions } from '../../src/domain/submission-store';
import { createGasEnvironment, loadBundle, runFunction, sheetFromRows } from '../fakes/gas-globals';
import { consultation, consultations, CONSULTATION_HEADER, contract, CONTRACT_HEADER, delegation, DELEGATION_HEADER } from '../helpers/center';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'houkatsu-report-'));

const SETTINGS = [['項目', '値'], ['センター名', '本庄西地域包括支援センター'], ['センターコード', '11211-01']];
const SHEETS: [string, unknown[][]][] = [
  ['設定', SETTINGS],
  ['相談記録', [CONSULTATION_HEADER, ...consultations(40), consultation({ 相談方法: 'TEL' })]],
  ['委託契約', [CONTRACT_HEADER, contract()]],
  ['委託実績', [DELEGATION_HEADER, delegation()]],
];

/** Sheets' Dates are instants in Japan time; an .xlsx stores the wall-clock date as UTC. */
function toXlsx(value: unknown): ExcelJS.CellValue {
  if (value instanceof Date) {
    const jst = new Date(value.getTime() + 9 * 3600 * 1000);
    return new Date(Date.UTC(jst.getUTCFullYear(), jst.getUTCMonth(), jst.getUTCDate()));
  }
  return value === '' ? null : (value as ExcelJS.CellValue);
}

async function writeCenter(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of SHEETS) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r.map(toXlsx));
  }
  const file = join(dir, '本庄西.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

function run(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
}

describe('houkatsu report', () => {
  test('writes 月報_YYYY-MM and _提出データ into OUT; --json prints the payload; same fingerprint as the add-on', async () => {
    const file = await writeCenter();
    const out = join(dir, 'out.xlsx');
    const r = run('report', '--month', '2026-10', file, '-o', out, '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const payload = JSON.parse(r.stdout) as Submission;
    expect(readPayload(r.stdout).kind).toBe('ok');
    expect(payload).toMatchObject({ schemaVersion: 1, month: '2026-10', center: { name: '本庄西地域包括支援センター', code: '11211-01' } });
    expect(payload.consultations.total).toBe(41);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('月報_2026-10')).toBeDefined();
    const store = wb.getWorksheet('_提出データ');
    expect(store?.state).toBe('hidden');
    const rows: unknown[][] = [];
    store?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const stored = readStoredSubmissions(rows as never);
    expect(stored[0]?.fingerprint).toBe(payload.fingerprint);

    const env = createGasEnvironment({ htmlDir: join(ROOT, 'build') });
    for (const [name, rows2] of SHEETS) sheetFromRows(env.spreadsheet, name, rows2);
    const context = loadBundle(join(ROOT, 'build', 'Code.js'), env);
    env.ui.answer({ button: 'OK', text: '2026-10' }, 'OK');
    runFunction(context, 'menuSubmitReport');
    const fromSheets = readStoredSubmissions(env.spreadsheet.peekSheet('_提出データ').peekValues() as never);
    expect(fromSheets[0]?.fingerprint).toBe(payload.fingerprint);
  });

  test('human output in Japanese; bad month and missing --month are usage errors', async () => {
    const file = await writeCenter();
    const r = run('report', '--month', '2026-10', file, '-o', join(dir, 'o2.xlsx'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('延べ件数 41 件');
    for (const args of [['report', file], ['report', '--month', '2026-13', file], ['report', '--month', '2026-10']]) {
      const bad = run(...args);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/月|ファイル/);
    }
  });
});
