// Makes docs/itaku-ichiran.png, the picture of 委託事業所一覧 in the README, from the demo's real output:
// the sheet alone → PDF (LibreOffice, headless) → PNG (pdftoppm). Needs Debian's libreoffice-calc-nogui and
// poppler-utils; run `npm run build` first.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const root = new URL('..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'houkatsu-picture-'));
execFileSync(process.execPath, [join(root, 'dist', 'cli.js'), 'demo', join(work, 'demo')], { stdio: ['ignore', 'ignore', 'inherit'] });
const book = new ExcelJS.Workbook();
await book.xlsx.readFile(join(work, 'demo', '市', '市集計_2021-02.xlsx'));
for (const ws of [...book.worksheets]) if (!ws.name.startsWith('委託事業所一覧')) book.removeWorksheet(ws.id);
const sheet = book.worksheets[0];
// The table's own columns only (a long note below would otherwise shrink it to fit the page width).
const lastColumn = String.fromCharCode(64 + (sheet.getRow(3).cellCount || 8));
sheet.pageSetup = { orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9, printArea: `A1:${lastColumn}${sheet.rowCount}` };
const xlsx = join(work, '委託事業所一覧.xlsx');
await book.xlsx.writeFile(xlsx);
execFileSync('soffice', [`-env:UserInstallation=file://${work}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', work, xlsx], { stdio: 'ignore' });
execFileSync('pdftoppm', [
  '-png',
  '-r',
  '160',
  '-f',
  '1',
  '-l',
  '1',
  '-x',
  '105',
  '-y',
  '135',
  '-W',
  '920',
  '-H',
  '625',
  join(work, '委託事業所一覧.pdf'),
  join(work, 'page'),
]);
const page = readdirSync(work).find((f) => f.startsWith('page') && f.endsWith('.png'));
renameSync(join(work, page), join(root, 'docs', 'itaku-ichiran.png'));
console.log('docs/itaku-ichiran.png');
