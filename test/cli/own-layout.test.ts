import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeWorkbook } from '../../src/cli/xlsx-write';
import { MAPPING_SHEET } from '../../src/domain/sheets/mapping';
import { HONJO_CENTERS, sampleCenterWorkbook } from '../../src/sample/center';
import { KODAMA_LAYOUT, ownLayoutWorkbook } from '../../src/sample/own-layout';
import { run } from './xlsx-files';

/**
 * `houkatsu` on 児玉's ledger kept in its own layout with 読み替え, beside the same ledger in the standard layout:
 * the check, the 月報 payload and the city's consolidation come out the same.
 */
const dir = mkdtempSync(join(tmpdir(), 'houkatsu-own-layout-'));
const TODAY = '2021-03-05';
const KODAMA = HONJO_CENTERS[3];
if (KODAMA?.name !== '児玉') throw new Error('児玉 is the fourth center of the sample');
const standard = sampleCenterWorkbook(KODAMA, 7);
const own = ownLayoutWorkbook(standard, KODAMA_LAYOUT);
const files = { standard: join(dir, '児玉_標準.xlsx'), own: join(dir, '児玉_台帳.xlsx'), unmapped: join(dir, '児玉_読み替えなし.xlsx') };

interface CheckDoc {
  issues: { sheet: string; row: number; column: string; cell: string; code: string; severity: string }[];
  summary: { errors: number; warnings: number };
}
type Payload = Record<string, unknown> & { consultations: { total: number }; quality: Record<string, number> };

beforeAll(async () => {
  await writeWorkbook(files.standard, standard.sheets);
  await writeWorkbook(files.own, own.sheets);
  await writeWorkbook(
    files.unmapped,
    own.sheets.filter((s) => s.name !== MAPPING_SHEET),
  );
});

async function check(file: string): Promise<{ status: number; doc: CheckDoc }> {
  const r = await run('check', file, '--json', '--today', TODAY);
  expect(r.stderr).toBe('');
  return { status: r.status, doc: JSON.parse(r.stdout) as CheckDoc };
}

const reports = new Map<string, Promise<Payload>>();
/** `report --month 2021-02 --json` once per file, into its own 提出用 workbook. */
function report(file: string): Promise<Payload> {
  let done = reports.get(file);
  if (!done) {
    done = (async () => {
      const r = await run('report', '--month', '2021-02', file, '-o', `${file}.提出用.xlsx`, '--json', '--today', TODAY);
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout) as Payload;
    })();
    reports.set(file, done);
  }
  return done;
}

/** The payload without what differs from one run to the next: when it was made, and the fingerprint of that. */
const stable = ({ generatedAt: _g, submittedAt: _s, fingerprint: _f, ...rest }: Payload) => rest;

describe('houkatsu on a ledger in its own layout with 読み替え', () => {
  test('check --json: the same counts and the same issues, on 相談台帳 and 委託契約台帳 a row higher, under the center’s headers', async () => {
    const a = await check(files.standard);
    const b = await check(files.own);
    expect(b.status).toBe(a.status);
    expect(b.doc.summary).toEqual(a.doc.summary);
    expect(a.doc.summary.errors + a.doc.summary.warnings).toBeGreaterThan(10);
    const sheets: Record<string, string> = { 相談記録: '相談台帳', 委託契約: '委託契約台帳' };
    const headers: Record<string, string> = { ...KODAMA_LAYOUT.sheets['相談記録']?.headers, ...KODAMA_LAYOUT.sheets['委託契約']?.headers };
    const moved = a.doc.issues.map((i) =>
      sheets[i.sheet] ? [sheets[i.sheet], i.row - 1, headers[i.column] ?? i.column, i.code] : [i.sheet, i.row, i.column, i.code],
    );
    expect(b.doc.issues.map((i) => [i.sheet, i.row, i.column, i.code])).toEqual(moved);
    expect(b.doc.issues.some((i) => i.sheet === '相談台帳' && i.column === '来談日')).toBe(true);
  });

  test('report --month 2021-02 --json: the same payload, but for when it was made (and the count of issues left in the month)', async () => {
    const a = await report(files.standard);
    const b = await report(files.own);
    expect(a.consultations.total).toBeGreaterThan(150);
    const { quality: _qa, ...restA } = stable(a);
    const { quality: _qb, ...restB } = stable(b);
    expect(restB).toEqual(restA);
  });

  // Fails while monthQuality (domain/reports/monthly-report.ts) knows a sheet's rows by the standard name only.
  test('report: the same count of issues left in the month', async () => {
    expect((await report(files.own)).quality).toEqual((await report(files.standard)).quality);
  });

  test('consolidate: the city reads the two submissions the same (but for when each was submitted)', async () => {
    await report(files.standard);
    await report(files.own);
    const city = async (file: string) => {
      const r = await run('consolidate', '--month', '2021-02', '--since', '2021-01', `${file}.提出用.xlsx`, '--json');
      expect([r.status, r.stderr]).toEqual([0, '']);
      const doc = JSON.parse(r.stdout) as { centers: Record<string, unknown>[]; offices: unknown[] };
      // When each was submitted, and so its fingerprint, differ; quality is the report's (the test above).
      return { ...doc, centers: doc.centers.map(({ submittedAt: _s, fingerprint: _f, quality: _q, ...rest }) => rest) };
    };
    const a = await city(files.standard);
    const b = await city(files.own);
    expect(a.centers).toEqual([expect.objectContaining({ name: '児玉地域包括支援センター', status: 'submitted' })]);
    expect(a.offices.length).toBeGreaterThan(10);
    expect(b).toEqual(a);
  });

  test('without 読み替え the same ledger is not read: 相談記録 is missing, and no 月報 of zeros is written', async () => {
    const { status, doc } = await check(files.unmapped);
    expect(status).toBe(1);
    expect(doc.issues).toContainEqual(expect.objectContaining({ sheet: '相談記録', code: 'SHEET_MISSING', severity: 'error' }));
    const out = `${files.unmapped}.提出用.xlsx`;
    const r = await run('report', '--month', '2021-02', files.unmapped, '-o', out, '--json', '--today', TODAY);
    expect([r.status, r.stdout, existsSync(out)]).toEqual([1, '', false]);
    expect(r.stderr).toContain(
      '2021年2月（令和3年2月）の月報を作れません。相談記録を読めないまま作ると、相談の件数がすべて 0 になるためです。「相談記録」シートがありません。',
    );
  });
});
