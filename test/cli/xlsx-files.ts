import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { houkatsu } from '../../src/cli/main';
import { readStoredSubmissions, type StoredSubmission, SUBMISSIONS_SHEET } from '../../src/domain/reports/submission-store';

/** What the CLI tests share: running the runner, and reading back what it wrote. */
export const ROOT = join(__dirname, '..', '..');

/**
 * `houkatsu …args` in this process: the same `houkatsu()` that dist/cli.js binds to the process, with its output
 * captured. Starting a node process per run cost more than most runs do; the built runner itself is run as a
 * process by `runCli` (test/helpers/demo.ts) in the end-to-end tests (check.test, demo.test).
 */
export async function run(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await houkatsu(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { status, stdout, stderr };
}

/** Sheets' Dates are instants in Japan time; an .xlsx stores the wall-clock date as UTC. */
export function toXlsx(value: unknown): ExcelJS.CellValue {
  if (value instanceof Date) {
    const jst = new Date(value.getTime() + 9 * 3600 * 1000);
    return new Date(Date.UTC(jst.getUTCFullYear(), jst.getUTCMonth(), jst.getUTCDate()));
  }
  return value === '' ? null : (value as ExcelJS.CellValue);
}

/** Writes a workbook from rows as a person lays them out (helpers/center's rows, Dates in Japan time). */
export async function writeBook(path: string, sheets: readonly (readonly [string, readonly (readonly unknown[])[]])[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of sheets) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r.map(toXlsx));
  }
  await wb.xlsx.writeFile(path);
  return path;
}

export async function readBook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

export async function sheetNames(path: string): Promise<string[]> {
  return (await readBook(path)).worksheets.map((ws) => ws.name);
}

/** The text of one cell, whatever exceljs made of it (rich text, a formula's result, a date). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Every cell of every sheet, as text: what a person (or the city) could read in the file. */
export async function everyCell(path: string): Promise<{ sheet: string; address: string; text: string }[]> {
  const wb = await readBook(path);
  const out: { sheet: string; address: string; text: string }[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => out.push({ sheet: ws.name, address: cell.address, text: cellText(cell.value) })),
    ),
  );
  return out;
}

/** The rows of a sheet as arrays of values, row 1 first. */
export async function sheetRows(path: string, name: string): Promise<unknown[][]> {
  const ws = (await readBook(path)).getWorksheet(name);
  const rows: unknown[][] = [];
  for (let r = 1; r <= (ws?.rowCount ?? 0); r++) rows.push(((ws?.getRow(r).values ?? []) as unknown[]).slice(1));
  return rows;
}

export async function storedIn(path: string): Promise<StoredSubmission[]> {
  return readStoredSubmissions((await sheetRows(path, SUBMISSIONS_SHEET)) as never);
}
