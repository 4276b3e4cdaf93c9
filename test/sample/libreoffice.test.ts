import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type CellValue, isSheetDate } from '../../src/domain/values/cell';
import { CONTRACTS_SHEET } from '../../src/domain/sheets/contracts';
import { CONSULTATIONS_SHEET } from '../../src/domain/sheets/consultations';
import { DEFAULT_SEED } from '../../src/cli/demo';
import { HONJO_CENTERS, type SampleWorkbook } from '../../src/sample/center';
import { centerLedger, OWN_LAYOUTS } from '../../src/sample/own-layout';
import type { HonjoCenterName } from '../../src/sample/handout-plan';
import { demoJsonRun } from '../helpers/demo';
import { HONJO_OFFICES } from '../../src/sample/honjo';
import { parseCsv } from './csv';
import { findSoffice } from '../helpers/soffice';

/**
 * Issue 7 item 3: the sample workbooks are real .xlsx files a user can open, not only something exceljs reads
 * back. LibreOffice (Debian's libreoffice-calc-nogui; .ci/run installs it) converts each one headless to CSV,
 * every sheet to FILE-SHEET.csv, and the values must come out as written.
 *
 * CSV filter options (LibreOffice 7.2 and later): separator 44 (,), text delimiter 34 ("), character set 76
 * (UTF-8), first line 1, no cell formats, language 0, quote all text false, detect special numbers true,
 * save cell contents as shown true (a date comes out as its format shows it, 2020/03/01), formulas false,
 * remove spaces false, sheet -1 (every sheet, each to its own file).
 */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

/** What LibreOffice shows for a cell the sample wrote: dates in the sheet's yyyy/mm/dd format, booleans as TRUE/FALSE. */
function shown(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (isSheetDate(value)) return value.iso.replace(/-/g, '/');
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** A row without its trailing empty cells: the CSV pads every row to the widest one. */
function trimRow(row: readonly string[]): string[] {
  const out = [...row];
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

const soffice = findSoffice();

if (!soffice) {
  const why =
    'LibreOffice is not installed (no soffice on PATH): install libreoffice-calc-nogui, as .ci/run does, to check that the sample workbooks open in it';
  console.warn(`skipped: ${why}`);
  test.skip(why, () => undefined);
} else {
  describe('the sample workbooks open in LibreOffice', () => {
    const dir = mkdtempSync(join(tmpdir(), 'houkatsu-lo-'));
    // A profile of its own, so that parallel runs (and a user's LibreOffice) do not collide on the lock.
    const profile = pathToFileURL(join(dir, 'profile')).href;
    // The demo's center workbooks (run once for the whole test run, test/helpers/demo.ts): 児玉's in its own layout.
    const samples: SampleWorkbook[] = HONJO_CENTERS.map((c) => centerLedger(c, DEFAULT_SEED));
    const sheetOf = (sample: SampleWorkbook, standard: string): string =>
      OWN_LAYOUTS[sample.center.name as HonjoCenterName]?.sheets[standard]?.name ?? standard;

    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    // One soffice run converts the four workbooks: starting LibreOffice costs more than converting one.
    const out = join(dir, 'csv');
    beforeAll(async () => {
      const demo = await demoJsonRun();
      expect(demo.status).toBe(0);
      const files = samples.map((sample) => join(demo.dir, 'センター', `${sample.center.name}.xlsx`));
      const r = spawnSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', CSV_FILTER, '--outdir', out, ...files], {
        encoding: 'utf8',
        timeout: 180_000,
      });
      expect({ status: r.status, error: r.error?.message }).toEqual({ status: 0, error: undefined });
    }, 180_000);

    test.each(samples.map((s) => [s.center.name, s] as const))('%s: converts to CSV with every sheet and every value as written', (name, sample) => {
      for (const sheet of sample.sheets) {
        const csv = join(out, `${name}-${sheet.name}.csv`);
        expect([csv, existsSync(csv)]).toEqual([csv, true]);
        const rows = parseCsv(readFileSync(csv, 'utf8'));
        expect(rows.map(trimRow)).toEqual(sheet.rows.map((row) => trimRow(row.map(shown))));
      }
      // and, read as a person would check: the consultations are all there, the offices are the handout's
      const consultations = parseCsv(readFileSync(join(out, `${name}-${sheetOf(sample, CONSULTATIONS_SHEET)}.csv`), 'utf8'));
      expect(consultations.length).toBeGreaterThan(2000);
      const contracts = parseCsv(readFileSync(join(out, `${name}-${sheetOf(sample, CONTRACTS_SHEET)}.csv`), 'utf8'));
      const names = new Set(contracts.map((row) => row[1]));
      expect(HONJO_OFFICES.filter((o) => names.has(o.name)).length).toBeGreaterThan(15);
    });
  });
}
