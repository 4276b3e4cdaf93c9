import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openXlsxReader } from '../../src/cli/xlsx-read';
import { demoJsonRun } from '../helpers/demo';
import { findSoffice } from '../helpers/soffice';
import { run } from './xlsx-files';
import { bothWays, everyKind, TODAY } from './xlsx-read-files';

/**
 * Issue 16 item 1: a file LibreOffice wrote (booleans as formulas, its own number formats, `date1904="true"`)
 * reads the same through the fast reader as through exceljs, but for the 1904 system, which exceljs misses.
 */
const soffice = findSoffice();

if (!soffice) {
  const why = 'LibreOffice is not installed (no soffice on PATH): install libreoffice-calc-nogui, as .ci/run does, to read a file it wrote';
  console.warn(`skipped: ${why}`);
  test.skip(why, () => undefined);
} else {
  describe('a workbook LibreOffice wrote', () => {
    const dir = mkdtempSync(join(tmpdir(), 'houkatsu-lo-read-'));
    const out = join(dir, 'lo');
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    let ledger = '';
    beforeAll(async () => {
      // And a center's ledger as the demo wrote it (run once for the whole test run): saved once by Calc.
      const demo = await demoJsonRun();
      ledger = join(demo.dir, 'センター', '本庄西.xlsx');
      const files = [await everyKind(join(dir, 'every-kind.xlsx')), await everyKind(join(dir, 'every-kind-1904.xlsx'), true), ledger];
      // A profile of its own, so that parallel runs (and a user's LibreOffice) do not collide on the lock.
      const profile = pathToFileURL(join(dir, 'profile')).href;
      const r = spawnSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', out, ...files], {
        encoding: 'utf8',
        timeout: 180_000,
      });
      expect({ status: r.status, error: r.error?.message }).toEqual({ status: 0, error: undefined });
    }, 180_000);

    test('reads cell for cell as the exceljs path does', async () => {
      const read = await bothWays(join(out, 'every-kind.xlsx'));
      expect(read.names.fast).toEqual(read.names.exceljs);
      expect(read.fast).toStrictEqual(read.exceljs);
      expect(read.fast[0]?.rows[1]?.values.slice(0, 4)).toEqual(['本庄西', 0, true, { kind: 'date', iso: '2021-03-01' }]);
    });

    test('a ledger saved once by Calc, which writes every checkbox as =FALSE() / =TRUE(), checks as it did before (#18)', async () => {
      const saved = join(out, '本庄西.xlsx');
      const consultations = (await openXlsxReader(saved, TODAY)).readSheet('相談記録');
      const formulas = consultations?.rows.flatMap((r) => r.formulas ?? []).filter((f) => /^=(TRUE|FALSE)\(\)$/.test(f)) ?? [];
      expect(formulas.length).toBeGreaterThan(1000);
      const summary = async (file: string): Promise<unknown> => {
        const r = await run('check', file, '--json', '--today', '2021-03-05');
        const doc = JSON.parse(r.stdout) as { summary: unknown; issues: { code: string }[] };
        return { summary: doc.summary, formulas: doc.issues.filter((i) => i.code === 'CELL_FORMULA').length };
      };
      expect(await summary(saved)).toEqual(await summary(ledger));
    });

    test('its 1904 dates (date1904="true") as the dates they are', async () => {
      const sheet = (await openXlsxReader(join(out, 'every-kind-1904.xlsx'), TODAY)).readSheet('値');
      expect(sheet?.rows[1]?.values[3]).toEqual({ kind: 'date', iso: '2021-03-01' });
    });
  });
}
