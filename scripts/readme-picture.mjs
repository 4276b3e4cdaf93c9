// Makes the README's pictures of sheets from the demo's real output: docs/itaku-ichiran.png (委託事業所一覧 of the
// city) and docs/yomikae.png (児玉's 読み替え). Each sheet alone → PDF (LibreOffice, headless) → PNG (pdftoppm).
// Needs Debian's libreoffice-calc-nogui and poppler-utils; run `npm run build` first.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const root = new URL('..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'houkatsu-picture-'));
const YOMIKAE_CROP = (process.env.YOMIKAE_CROP ?? '100,145,1000,1000').split(',').map(Number);
execFileSync(process.execPath, [join(root, 'dist', 'cli.js'), 'demo', join(work, 'demo')], { stdio: ['ignore', 'ignore', 'inherit'] });

/** One sheet of a workbook of the demo as a picture: `crop` is pdftoppm's -x -y -W -H at 160 dpi. */
async function picture(file, sheetName, out, crop, prepare = () => undefined) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  for (const ws of [...book.worksheets]) if (!ws.name.startsWith(sheetName)) book.removeWorksheet(ws.id);
  const sheet = book.worksheets[0];
  prepare(sheet);
  const base = out.replace(/\.png$/, '');
  const xlsx = join(work, `${base}.xlsx`);
  await book.xlsx.writeFile(xlsx);
  execFileSync('soffice', [`-env:UserInstallation=file://${work}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', work, xlsx], { stdio: 'ignore' });
  const [x, y, w, h] = crop;
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '160',
    '-f',
    '1',
    '-l',
    '1',
    '-x',
    `${x}`,
    '-y',
    `${y}`,
    '-W',
    `${w}`,
    '-H',
    `${h}`,
    join(work, `${base}.pdf`),
    join(work, base),
  ]);
  const page = readdirSync(work).find((f) => f.startsWith(base) && f.endsWith('.png'));
  renameSync(join(work, page), join(root, 'docs', out));
  console.log(`docs/${out}`);
}

await picture(join(work, 'demo', '市', '市集計_2021-02.xlsx'), '委託事業所一覧', 'itaku-ichiran.png', [105, 135, 920, 625], (sheet) => {
  // The table's own columns only (a long note below would otherwise shrink it to fit the page width).
  const lastColumn = String.fromCharCode(64 + (sheet.getRow(3).cellCount || 8));
  sheet.pageSetup = { orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9, printArea: `A1:${lastColumn}${sheet.rowCount}` };
});

await picture(join(work, 'demo', 'センター', '児玉.xlsx'), '読み替え', 'yomikae.png', YOMIKAE_CROP, (sheet) => {
  sheet.columns.forEach((column, i) => (column.width = [8, 12, 22, 28][i] ?? 10));
  sheet.pageSetup = {
    orientation: 'landscape',
    paperSize: 9,
    showGridLines: true,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printArea: `A1:D${sheet.rowCount}`,
  };
});
