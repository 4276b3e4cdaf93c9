import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openXlsxReader } from '../../src/cli/xlsx-read';
import { demoJsonRun } from '../helpers/demo';
import { findSoffice } from '../helpers/soffice';
import { run } from './xlsx-files';
import { bothWays, everyKind, TODAY } from './xlsx-read-files';

/**
 * Issue 16 item 1: a file LibreOffice wrote (booleans as formulas, its own number formats, `date1904="true"`, which
 * exceljs alone does not read: openXlsx spells it for it) reads the same through the fast reader as through exceljs.
 * Issue 18 item 7: the demo's center workbooks (the standard layout and an own one), taken through LibreOffice to .ods
 * and back to .xlsx as an office that keeps its ledgers in Calc would, check as the originals do.
 */
const soffice = findSoffice();

/** Converts `files` into `out` as `format` in one soffice run (starting LibreOffice costs more than a conversion). */
function convert(profile: string, format: string, out: string, files: readonly string[]): void {
  const r = spawnSync(soffice ?? 'soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', format, '--outdir', out, ...files], {
    encoding: 'utf8',
    timeout: 180_000,
  });
  expect({ status: r.status, error: r.error?.message }).toEqual({ status: 0, error: undefined });
}

if (!soffice) {
  const why = 'LibreOffice is not installed (no soffice on PATH): install libreoffice-calc-nogui, as .ci/run does, to read a file it wrote';
  console.warn(`skipped: ${why}`);
  test.skip(why, () => undefined);
} else {
  describe('a workbook LibreOffice wrote', () => {
    const dir = mkdtempSync(join(tmpdir(), 'houkatsu-lo-read-'));
    const ods = join(dir, 'ods');
    const out = join(dir, 'lo');
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    let ledgers: string[] = [];
    beforeAll(async () => {
      // The demo's center workbooks as it wrote them (run once for the whole test run), and two made by hand, to
      // .ods and back: what comes back is an .xlsx that LibreOffice wrote from its own reading of every cell.
      const demo = await demoJsonRun();
      // Two of the four: the standard layout and 児玉's own (with 読み替え). Each ledger takes LibreOffice about two
      // seconds of both cores there and back, and the other two are laid out as 本庄西 is.
      ledgers = ['本庄西', '児玉'].map((name) => join(demo.dir, 'センター', `${name}.xlsx`));
      const files = [await everyKind(join(dir, 'every-kind.xlsx')), await everyKind(join(dir, 'every-kind-1904.xlsx'), true), ...ledgers];
      // A profile of its own, so that parallel runs (and a user's LibreOffice) do not collide on the lock.
      const profile = pathToFileURL(join(dir, 'profile')).href;
      convert(profile, 'ods', ods, files);
      convert(
        profile,
        'xlsx',
        out,
        files.map((f) => join(ods, basename(f).replace(/\.xlsx$/, '.ods'))),
      );
    }, 180_000);

    test('reads cell for cell as the exceljs path does', async () => {
      const read = await bothWays(join(out, 'every-kind.xlsx'));
      expect(read.names.fast).toEqual(read.names.exceljs);
      expect(read.fast).toStrictEqual(read.exceljs);
      expect(read.fast[0]?.rows[1]?.values.slice(0, 4)).toEqual(['本庄西', 0, true, { kind: 'date', iso: '2021-03-01' }]);
    });

    test('a center’s ledger, to .ods and back, where Calc writes every checkbox as =FALSE() / =TRUE(), checks as the original does (#18)', async () => {
      const summary = async (file: string): Promise<unknown> => {
        const r = await run('check', file, '--json', '--today', '2021-03-05');
        const doc = JSON.parse(r.stdout) as { summary: unknown; issues: { sheet: string; cell: string; code: string }[] };
        return { summary: doc.summary, issues: doc.issues.map((i) => `${i.sheet}!${i.cell} ${i.code}`).sort() };
      };
      for (const ledger of ledgers) {
        const saved = join(out, basename(ledger));
        // Calc did write the checkboxes as formulas: without them this test would prove nothing.
        const book = await openXlsxReader(saved, TODAY);
        const formulas = book
          .sheetNames()
          .flatMap((n) => book.readSheet(n)?.rows ?? [])
          .flatMap((r) => r.formulas ?? [])
          .filter((f) => /^=(TRUE|FALSE)\(\)$/.test(f));
        expect([basename(ledger), formulas.length > 100]).toEqual([basename(ledger), true]);
        expect([basename(ledger), await summary(saved)]).toEqual([basename(ledger), await summary(ledger)]);
      }
    });

    test('its 1904 dates (date1904="true") as the dates they are, on both paths', async () => {
      const read = await bothWays(join(out, 'every-kind-1904.xlsx'));
      expect(read.fast[0]?.rows[1]?.values[3]).toEqual({ kind: 'date', iso: '2021-03-01' });
      expect(read.fast).toStrictEqual(read.exceljs);
    });
  });
}
